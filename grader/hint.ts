/**
 * `deno task hint N`: the hints of exercise N, one more each time it runs —
 * a nudge first, the idea last. How far a learner got is kept in
 * `.hint-state.json` at the project's root (listed in `.gitignore`);
 * `--reset` starts over.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOG, type Exercise } from "./course.ts";
import { findExercise } from "./grade.ts";
import { detectLang, isLang, type Lang } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { TOOLS } from "./i18n/tools.ts";
import { words } from "./report/pretty.ts";
import { toAscii } from "./report/_ascii.ts";
import { env, taskCommand } from "./_env.ts";

/** Where the levels are kept: `{ "01_gather": 2 }` = two hints shown. */
export const STATE_FILE: string = fileURLToPath(new URL("../.hint-state.json", import.meta.url));

/** Hints shown so far, by exercise id. */
export type HintState = Record<string, number>;

/** Reads the state; a missing or damaged file is an empty state. */
export function readState(path: string = STATE_FILE): HintState {
  try {
    const parsed = JSON.parse(Deno.readTextFileSync(path));
    const state: HintState = {};
    if (typeof parsed === "object" && parsed !== null) {
      for (const [k, v] of Object.entries(parsed)) {
        if (Number.isInteger(v) && (v as number) >= 0) state[k] = v as number;
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

/** The text for `shown` hints of an exercise (1 ≤ shown ≤ its count), wrapped to `width`. */
export function renderHints(
  exercise: Exercise,
  shown: number,
  options: { lang: Lang; width?: number; task?: string },
): string {
  const { lang } = options;
  const width = Math.max(40, Math.min(options.width ?? 80, 100));
  const t = TOOLS[lang];
  const n = String(Number(exercise.id.slice(0, 2)));
  const count = exercise.hints.length;
  const lines = [...wrap(t.hintHeading({ n, title: exercise.title[lang] }), width, 0), ""];
  for (let level = 1; level <= shown; level++) {
    lines.push(t.hintLevel({ level, count, kind: levelKind(level, count, lang) }));
    lines.push(...wrap(exercise.hints[level - 1][lang], width, 2), "");
  }
  const more = shown < count
    ? t.hintMore({ n, left: count - shown, task: options.task })
    : t.hintLast({ n, task: options.task });
  lines.push(...wrap(more, width, 0));
  return lines.join("\n") + "\n";
}

/** What `main` may touch (tests pass fakes). */
export interface HintIo {
  print: (text: string) => void;
  error: (text: string) => void;
  env: (name: string) => string | undefined;
  statePath: string;
  width: number;
}

function width(): number {
  try {
    return Deno.stdout.isTerminal() ? Deno.consoleSize().columns : 80;
  } catch {
    return 80;
  }
}

/** Runs `deno task hint`; returns the exit code (0, or 2 for a usage error). */
export function main(args: string[], io: Partial<HintIo> = {}): number {
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
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    const flag = /'([^']+)'/.exec((e as Error).message)?.[1] ?? String(e);
    error(`${MESSAGES[lang].badFlag({ flag })}\n${TOOLS[lang].hintUsage}`);
    return 2;
  }
  if (parsed.values.lang !== undefined) {
    if (!isLang(parsed.values.lang)) {
      error(`${MESSAGES[lang].badValue({ flag: "--lang", value: parsed.values.lang })}`);
      return 2;
    }
    lang = parsed.values.lang;
  }
  const t = TOOLS[lang];
  if (parsed.values.help) {
    print(`${t.hintUsage}\n`);
    return 0;
  }
  const list = CATALOG.map((e) => e.id).join(", ");
  const [name] = parsed.positionals;
  // `exercises/01_gather.ts`, as a shell completes it, names exercise 1 too.
  const exercise = name === undefined ? undefined : findExercise(basename(name));
  if (!exercise || parsed.positionals.length > 1) {
    const why = name === undefined ? "" : `${MESSAGES[lang].badExercise({ name, list })}\n`;
    error(`${why}${t.hintUsage}`);
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
    delete state[exercise.id];
    save();
    print(`${t.hintReset({ n, task: taskCommand(io.env) })}\n`);
    return 0;
  }
  const count = exercise.hints.length;
  const shown = Math.min(count, Math.max(0, state[exercise.id] ?? 0) + 1);
  state[exercise.id] = shown;
  save();
  print(renderHints(exercise, shown, {
    lang,
    width: io.width ?? width(),
    task: taskCommand(io.env),
  }));
  return 0;
}

if (import.meta.main) Deno.exit(main(Deno.args));
