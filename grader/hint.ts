/**
 * `deno task hint N`: help with exercise N, one step more each time it runs.
 * It grades exercise N first: the first time, it shows the hint of the first
 * check that fails (and the lesson section that teaches its idea); each
 * later run adds one hint of the exercise's ladder — a nudge first, the idea
 * last. When every check passes, or the exercise cannot be graded, the
 * ladder alone. How far a learner got is kept per language in
 * `.hint-state.json` at the project's root (listed in `.gitignore`);
 * `--reset` starts over. `deno task hint --explain TERM` explains a word
 * the reports use, and lists the words it knows when it does not know TERM.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOG, type Exercise } from "./course.ts";
import { type ExerciseReport, findExercise, grade } from "./grade.ts";
import type { CheckResult } from "./check.ts";
import { detectLang, isLang, type Lang, LANGS } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { TOOLS } from "./i18n/tools.ts";
import { FEEDBACK } from "./i18n/feedback.ts";
import { lessonLine } from "./i18n/lessons.ts";
import { findTerm, GLOSSARY, HINT_TEXT, termList } from "./i18n/glossary.ts";
import { words } from "./report/pretty.ts";
import { toAscii } from "./report/_ascii.ts";
import { env, taskCommand } from "./_env.ts";

/** Where the levels are kept: `{ "en": { "01_gather": { "check": "…", "shown": 2 } } }`. */
export const STATE_FILE: string = fileURLToPath(new URL("../.hint-state.json", import.meta.url));

/**
 * How far a learner got in one exercise: the failing check the hints
 * started from (`null`: the ladder alone) and how many ladder hints were shown.
 */
export interface HintProgress {
  check: string | null;
  shown: number;
}

/** Progress by language, then by exercise id: one counter per language. */
export type HintState = Partial<Record<Lang, Record<string, HintProgress>>>;

/** Reads the state; a missing or damaged file (or one of the old format) is an empty state. */
export function readState(path: string = STATE_FILE): HintState {
  try {
    const parsed = JSON.parse(Deno.readTextFileSync(path));
    const state: HintState = {};
    if (typeof parsed !== "object" || parsed === null) return state;
    for (const lang of LANGS) {
      const byId = parsed[lang];
      if (typeof byId !== "object" || byId === null) continue;
      for (const [id, v] of Object.entries(byId as Record<string, unknown>)) {
        const p = v as { check?: unknown; shown?: unknown } | null;
        if (typeof p !== "object" || p === null) continue;
        if (!Number.isInteger(p.shown) || (p.shown as number) < 0) continue;
        if (p.check !== null && typeof p.check !== "string") continue;
        (state[lang] ??= {})[id] = { check: p.check, shown: p.shown as number };
      }
    }
    return state;
  } catch {
    return {};
  }
}

/** What a level is called: a nudge first, the idea last, closer looks between. */
export function levelKind(level: number, count: number, lang: Lang): string {
  const t = TOOLS[lang];
  return level === count ? t.hintIdea : level === 1 ? t.hintNudge : t.hintCloser;
}

function wrap(text: string, width: number, indent: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of words(text, width - indent)) {
    if (line && line.length + 1 + word.length > width - indent) {
      out.push(" ".repeat(indent) + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(" ".repeat(indent) + line);
  return out;
}

/** What the hints start from, besides the exercise's ladder. */
export interface HintStart {
  /** The first failing check, whose hint comes first. */
  failing?: CheckResult;
  /** Why there is none: every check passes, or the exercise could not be graded. */
  why?: "all-pass" | "not-graded";
}

/**
 * The text for an exercise's hints: the first failing check's hint (with its
 * lesson) when there is one, then `shown` hints of its ladder (0 ≤ shown ≤
 * its count; at least 1 without a failing check), wrapped to `width`.
 */
export function renderHints(
  exercise: Exercise,
  shown: number,
  options: { lang: Lang; width?: number; task?: string } & HintStart,
): string {
  const { lang, failing } = options;
  const width = Math.max(40, Math.min(options.width ?? 80, 100));
  const t = TOOLS[lang], h = HINT_TEXT[lang];
  const task = options.task ?? "deno task";
  const n = String(Number(exercise.id.slice(0, 2)));
  const count = exercise.hints.length;
  const lines = [...wrap(t.hintHeading({ n, title: exercise.title[lang] }), width, 0), ""];
  if (failing?.hint) {
    lines.push(...wrap(h.firstFailing({ title: failing.title }), width, 0));
    const label = MESSAGES[lang].hint;
    lines.push(...wrap(FEEDBACK[lang].labelled({ label, text: failing.hint }), width, 2));
    const lesson = failing.lesson ? lessonLine(failing.lesson, lang, task) : null;
    if (lesson) lines.push(...wrap(lesson, width, 2));
    lines.push("");
  } else if (options.why) {
    lines.push(
      ...wrap(options.why === "all-pass" ? h.allPass({ n }) : h.notGraded, width, 0),
      "",
    );
  }
  for (let level = 1; level <= shown; level++) {
    lines.push(t.hintLevel({ level, count, kind: levelKind(level, count, lang) }));
    lines.push(...wrap(exercise.hints[level - 1][lang], width, 2), "");
  }
  const more = shown < count
    ? t.hintMore({ n, left: count - shown, task: options.task })
    : t.hintLast({ n, task: options.task });
  lines.push(...wrap(more, width, 0));
  lines.push(...wrap(h.explainTip({ task }), width, 0));
  return lines.join("\n") + "\n";
}

/** The explanation of a glossary term, wrapped to `width`. */
export function renderTerm(
  id: string,
  options: { lang: Lang; width?: number; task?: string },
): string {
  const { lang } = options;
  const width = Math.max(40, Math.min(options.width ?? 80, 100));
  const entry = GLOSSARY[id];
  const lines = [entry[lang].term, ...wrap(entry[lang].text, width, 2)];
  const lesson = lessonLine(entry.lesson, lang, options.task);
  if (lesson) lines.push(...wrap(lesson, width, 2));
  return lines.join("\n") + "\n";
}

/** The first failing check with a hint of its own (a failure shown as another's consequence has none). */
export function firstFailing(report: ExerciseReport): CheckResult | undefined {
  if (report.status === "todo") return undefined;
  return report.checks.find((c) =>
    c.status !== "pass" && c.hint !== null && c.message !== report.error?.message &&
    !(c as { consequenceOf?: unknown }).consequenceOf
  );
}

/** What `main` may touch (tests pass fakes). */
export interface HintIo {
  print: (text: string) => void;
  error: (text: string) => void;
  env: (name: string) => string | undefined;
  statePath: string;
  width: number;
  /** Grades one exercise (default: the real grader, on `dir`); `null` when it cannot. */
  grade: (exercise: Exercise, lang: Lang, dir?: string) => Promise<ExerciseReport | null>;
}

function width(): number {
  try {
    return Deno.stdout.isTerminal() ? Deno.consoleSize().columns : 80;
  } catch {
    return 80;
  }
}

/** Grades exercise `exercise` of the learner's folder; `null` when it cannot. */
async function gradeOne(
  exercise: Exercise,
  lang: Lang,
  dir?: string,
): Promise<ExerciseReport | null> {
  try {
    const report = await grade({ dir, only: [exercise.id], lang });
    const e = report.exercises[0];
    return e && e.error?.kind !== "missing" ? e : null;
  } catch {
    // No permission to run a sandbox, a grader fault: the ladder alone.
    return null;
  }
}

/** Runs `deno task hint`; returns the exit code (0, or 2 for a usage error). */
export async function main(args: string[], io: Partial<HintIo> = {}): Promise<number> {
  const getEnv = io.env ?? env;
  // Plain ASCII on a terminal that is not UTF-8 (LANG=C), like the grader's report.
  const locale = getEnv("LC_ALL") || getEnv("LC_CTYPE") || getEnv("LANG") || "";
  const ascii = locale !== "" && !/utf-?8/i.test(locale);
  const write = io.print ??
    ((text: string) => Deno.stdout.writeSync(new TextEncoder().encode(text)));
  const print = (text: string) => write(ascii ? toAscii(text) : text);
  const error = io.error ?? ((text: string) => console.error(text));
  const statePath = io.statePath ?? STATE_FILE;
  let lang: Lang = detectLang(getEnv);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        reset: { type: "boolean", default: false },
        lang: { type: "string" },
        dir: { type: "string" },
        explain: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    const flag = /'([^']+)'/.exec((e as Error).message)?.[1] ?? String(e);
    error(`${MESSAGES[lang].badFlag({ flag })}\n${HINT_TEXT[lang].usage}`);
    return 2;
  }
  if (parsed.values.lang !== undefined) {
    if (!isLang(parsed.values.lang)) {
      error(`${MESSAGES[lang].badValue({ flag: "--lang", value: parsed.values.lang })}`);
      return 2;
    }
    lang = parsed.values.lang;
  }
  const t = TOOLS[lang], h = HINT_TEXT[lang];
  const task = taskCommand(io.env);
  const columns = io.width ?? width();
  if (parsed.values.help) {
    print(`${h.usage}\n`);
    return 0;
  }
  if (parsed.values.explain !== undefined) {
    const id = findTerm(parsed.values.explain);
    if (id === null) {
      const list = termList(lang).map((term) => `  ${term}`).join("\n");
      error(`${h.unknownTerm({ name: parsed.values.explain })}\n${list}`);
      return 2;
    }
    print(renderTerm(id, { lang, width: columns, task }));
    return 0;
  }
  const list = CATALOG.map((e) => e.id).join(", ");
  const [name] = parsed.positionals;
  // `exercises/01_gather.ts`, as a shell completes it, names exercise 1 too.
  const exercise = name === undefined ? undefined : findExercise(basename(name));
  if (!exercise || parsed.positionals.length > 1) {
    const why = name === undefined ? "" : `${MESSAGES[lang].badExercise({ name, list })}\n`;
    error(`${why}${h.usage}`);
    return 2;
  }
  const n = String(Number(exercise.id.slice(0, 2)));
  const state = readState(statePath);
  const save = () => {
    try {
      Deno.writeTextFileSync(statePath, JSON.stringify(state, null, 2) + "\n");
    } catch (e) {
      error(t.hintNoSave({ error: (e as Error).message ?? String(e) }));
    }
  };
  if (parsed.values.reset) {
    for (const l of LANGS) delete state[l]?.[exercise.id];
    save();
    print(`${t.hintReset({ n, task })}\n`);
    return 0;
  }
  const report = await (io.grade ?? gradeOne)(exercise, lang, parsed.values.dir);
  const failing = report ? firstFailing(report) : undefined;
  const count = exercise.hints.length;
  const mine = state[lang] ??= {};
  const before = mine[exercise.id];
  // A new first failure starts over from its own hint; the same one goes one step deeper.
  const check = failing?.id ?? null;
  const base = before && before.check === check ? before.shown + 1 : failing ? 0 : 1;
  const shown = Math.min(count, Math.max(failing ? 0 : 1, base));
  mine[exercise.id] = { check, shown };
  save();
  print(renderHints(exercise, shown, {
    lang,
    width: columns,
    task,
    failing,
    why: failing
      ? undefined
      : report === null || report.error !== null
      ? "not-graded"
      : report.status === "pass"
      ? "all-pass"
      : undefined,
  }));
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
