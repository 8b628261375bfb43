/**
 * Grading: finds the learner's files, runs the exercises in sandboxes —
 * those that can share one a few to a process, one after another (see
 * {@linkcode shareable}), every other one, and every one a shared sandbox
 * did not finish, in a sandbox of its own; in parallel, up to the core
 * count — and assembles the report. Scores are recomputed here from the
 * checks' own points: the sandbox only says which checks passed.
 *
 * @module
 */
import { join, relative, resolve } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { exists, isFolder } from "./_fs.ts";
import { CATALOG, type Exercise } from "./course.ts";
import type { Check, CheckResult, ExerciseChecks } from "./check.ts";
import { checkResult, core, linkConsequences } from "./_verdict.ts";
import { checksInfo } from "./_checks_info.ts";
import { formatSeconds, type Lang } from "./i18n/mod.ts";
import {
  CPU_LIMITED,
  runSandboxed,
  runSharedSandbox,
  type SandboxFault,
  type SandboxOutcome,
  wallBackstopSeconds,
} from "./sandbox.ts";
import { type Staged, stageSubmission } from "./_stage.ts";
import { stopEarly, takeEarlyStage } from "./_early.ts";
import { sharedSandboxes } from "./_spawn.ts";
import type { LogLine } from "./clock.ts";
import { untrusted, untrustedOrNull } from "./_untrusted.ts";

/** The JSON report's schema id. */
export const SCHEMA = "async-lab/report@1";
/** The largest exercise file graded, in bytes (a solution is a few KiB). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** The seed used when none is given. */
export const DEFAULT_SEED = 444;

/** An exercise-level error: the exercise could not be graded normally. */
export interface ExerciseError {
  /**
   * What went wrong: the file is missing or too big, did not load or parse,
   * never ended, exited, froze the event loop, ran out of memory, or the
   * sandbox crashed.
   */
  kind:
    | "missing"
    | "too-big"
    | "load"
    | "syntax"
    | "never-ends"
    | "exit"
    | "frozen"
    | "oom"
    | "crash";
  /** The explanation shown to the learner, in the report's language. */
  message: string;
}

/** One exercise in the report. */
export interface ExerciseReport {
  /** The exercise's id, e.g. `01_gather`. */
  id: string;
  /** The file graded. */
  file: string;
  /** The exercise's title, in the report's language. */
  title: string;
  /** Points earned. */
  score: number;
  /** Points available. */
  maxScore: number;
  /** `pass`: every check passed; `fail`: some did not; `todo`: not started; `error`: see `error`. */
  status: "pass" | "fail" | "error" | "todo";
  /** Why the exercise could not be graded normally, or `null`. */
  error: ExerciseError | null;
  /** Every check's verdict, in the exercise's order. */
  checks: CheckResult[];
  /** The first failed check's spans (what the learner's code did). */
  timeline: CheckResult["timeline"];
  /** Console lines the learner's code printed while graded. */
  logs: LogLine[];
}

/** The whole report (`--reporter json`). */
export interface Report {
  /** The schema id, {@linkcode SCHEMA}. */
  schema: typeof SCHEMA;
  /** Points earned over every exercise graded. */
  score: number;
  /** Points available over every exercise graded. */
  maxScore: number;
  /** The seed the checks' random data came from. */
  seed: number;
  /** The report's language. */
  lang: Lang;
  /** Real milliseconds the grading took (the one field that varies between runs). */
  durationMs: number;
  /** One entry per exercise graded, in course order. */
  exercises: ExerciseReport[];
}

/** Options of {@linkcode grade}. */
export interface GradeOptions {
  /** The submission: a folder holding the exercise files, or a repository with `exercises/`. */
  dir?: string;
  /** Exercise ids to grade (default: all of the catalog). */
  only?: readonly string[];
  /** The exercises (default: the course's catalog). */
  catalog?: readonly Exercise[];
  /** The report's language (default: English). */
  lang?: Lang;
  /** Seed of the checks' random data (default {@linkcode DEFAULT_SEED}). */
  seed?: number;
  /** Seconds of CPU time an exercise may use (default 10; real time where the OS cannot charge CPU), within a wall-clock backstop (see `wallBackstopSeconds`). */
  wallTimeoutSeconds?: number;
  /** Sandboxes run at once (default: the core count). */
  concurrency?: number;
  /**
   * Whether exercises may share a sandbox process (default `true`): see
   * {@linkcode runShared}. `false` gives each exercise a process of its own,
   * as the shared runs' fallback does (the tests compare the two).
   */
  shared?: boolean;
}

const DEFAULT_DIR = new URL("../exercises/", import.meta.url);

/** The folder holding the exercise files of a submission. */
export function exercisesDir(dir?: string): string {
  if (dir === undefined) return decodeURIComponent(DEFAULT_DIR.pathname);
  const abs = resolve(dir);
  const nested = join(abs, "exercises");
  return isFolder(nested) ? nested : abs;
}

/**
 * Finds the exercise a learner named: `3`, `03`, `03_timeouts` or `timeouts`.
 * Returns `undefined` when nothing matches.
 */
export function findExercise(
  name: string,
  catalog: readonly Exercise[] = CATALOG,
): Exercise | undefined {
  const n = name.trim().toLowerCase().replace(/\.ts$/, "");
  return catalog.find((e) => {
    const [num, ...rest] = e.id.split("_");
    return e.id === n || (/^\d+$/.test(n) && Number(n) === Number(num)) || rest.join("_") === n;
  });
}

/** Runs with at most `limit` tasks at once, keeping the order of results. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

const oneLine = (text: string | null) => text?.replace(/\r?\n/g, " ⏎ ") ?? null;

/** A check result from a sandbox with every string made safe to print. */
function cleanResult(r: CheckResult): CheckResult {
  return {
    ...r,
    title: untrusted(r.title),
    message: untrustedOrNull(r.message),
    hint: untrustedOrNull(r.hint),
    // One-line fields: a newline in them would start a line of its own in the
    // report, where a forged "Total 100/100" could pass for the grader's.
    expected: oneLine(untrustedOrNull(r.expected)),
    actual: oneLine(untrustedOrNull(r.actual)),
    timeline: r.timeline.map((span) => ({ ...span, label: untrusted(span.label, 80) })),
    ...(r.marks ? { marks: r.marks.map((m) => ({ ...m, label: untrusted(m.label, 80) })) } : {}),
  };
}

function faultError(fault: SandboxFault, lang: Lang, wallSeconds: number): ExerciseError {
  switch (fault.kind) {
    case "load":
    case "syntax":
    case "never-ends":
      return { kind: fault.kind, message: untrusted(fault.message) };
    case "frozen": {
      // Code that looped used up its CPU budget; code that blocked without
      // working (Atomics.wait) reached the wall-clock backstop.
      const seconds = fault.by === "wall" ? wallBackstopSeconds(wallSeconds) : wallSeconds;
      const time = formatSeconds(seconds * 1000, lang, Number.isInteger(seconds) ? 0 : 1);
      const key = fault.by === "wall" && CPU_LIMITED ? "blocked" : "frozen";
      return { kind: "frozen", message: core(key, { time })[lang] };
    }
    case "oom":
      return { kind: "oom", message: core("outOfMemory")[lang] };
    case "exit":
      // The child's own word (Deno.exit at load, trapped), or the exit status.
      if (!("code" in fault)) return { kind: "exit", message: untrusted(fault.message) };
      return {
        kind: "exit",
        message:
          (fault.during === null
            ? core("loadExit", { code: fault.code })
            : core("checkExit", { code: fault.code }))[lang],
      };
    case "crash":
      return {
        kind: "crash",
        message: core("crashed", {
          code: [
            `exit ${fault.code}`,
            // Deno's own error line, without its colours.
            stripVTControlCharacters(fault.detail).split("\n")[0].slice(0, 300),
          ].filter(Boolean).join(": "),
        })[lang],
      };
  }
}

interface GradeOneOptions {
  lang: Lang;
  seed: number;
  wallSeconds: number;
  staged: Staged;
  /** What a shared sandbox made of this exercise, if it ran it to its end (see `runSharedSandbox`). */
  shared?: SandboxOutcome | null;
}

/** The staged source each exercise of a report was graded from (for reporters that quote it). */
const SOURCES = new WeakMap<ExerciseReport, string>();

/**
 * The text of the file an exercise was graded from, as staged (never the
 * learner's file itself, which may have changed or be a link by now);
 * `undefined` for a report that was not made in this process.
 */
export function gradedSource(exercise: ExerciseReport): string | undefined {
  return SOURCES.get(exercise);
}

async function gradeOne(
  exercise: Exercise,
  dir: string,
  options: GradeOneOptions,
): Promise<ExerciseReport> {
  const report = await gradeStaged(exercise, dir, options);
  if (report.error?.kind !== "missing" && report.error?.kind !== "too-big") {
    try {
      SOURCES.set(report, Deno.readTextFileSync(join(options.staged.dir, exercise.file)));
    } catch { /* not staged */ }
  }
  return report;
}

async function gradeStaged(
  exercise: Exercise,
  dir: string,
  options: GradeOneOptions,
): Promise<ExerciseReport> {
  const { lang, staged } = options;
  // Only the staged copy is ever read or run; the learner's path is for display.
  const file = join(staged.dir, exercise.file);
  const spec: ExerciseChecks = await checksInfo(exercise.checks);
  const maxScore = spec.checks.reduce((sum, c) => sum + c.points, 0);
  const original = join(dir, exercise.file);
  const shown = relative(Deno.cwd(), original) || original;
  const blank = (c: Check, message: string, hint: string | null = null): CheckResult =>
    checkResult(c, lang, { status: "error", message, hint });
  const base = { id: exercise.id, file: shown, title: exercise.title[lang], maxScore };
  // A file that cannot even be handed to a sandbox: every check is an error.
  const unrunnable = (kind: ExerciseError["kind"], message: string): ExerciseReport => ({
    ...base,
    score: 0,
    status: "error",
    error: { kind, message },
    checks: spec.checks.map((c) => blank(c, message)),
    timeline: [],
    logs: [],
  });
  // A submission that holds a link or a special file is never handed to a sandbox.
  if (staged.refused !== null) return unrunnable("load", staged.refused);
  const bytes = staged.oversize.get(exercise.file) ?? 0;
  if (bytes === 0 && !exists(file)) {
    return unrunnable("missing", core("fileMissing", { file: shown })[lang]);
  }
  if (bytes > MAX_FILE_BYTES) {
    // A solution is a few KiB: a file this big is padding or a mistake, and
    // parsing it would cost memory no sandbox limit covers.
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    return unrunnable(
      "too-big",
      core("fileTooBig", { file: shown, size: mib(bytes), limit: mib(MAX_FILE_BYTES) })[lang],
    );
  }
  // One sandbox runs the checks in order. If it stops during a check (an
  // exit, a crash, a frozen loop), that check fails and a fresh sandbox runs
  // the rest, as long as the exercise's time budget lasts: `wallSeconds` of
  // CPU time used by its sandboxes (where the OS charges it, see
  // CPU_LIMITED), within a wider wall-clock backstop.
  const budgetMs = options.wallSeconds * 1000;
  const backstopMs = wallBackstopSeconds(options.wallSeconds) * 1000;
  let spentMs = 0;
  let waitedMs = 0;
  const results: (CheckResult | undefined)[] = [];
  const faults = new Map<number, ExerciseError>();
  const logs: LogLine[] = [];
  let error: ExerciseError | null = null;
  for (let from = 0; from < spec.checks.length;) {
    const remaining = backstopMs - waitedMs;
    const cpuLeft = budgetMs - spentMs;
    if (remaining < 50 || cpuLeft < 50) break;
    // A shared sandbox's run, when it reached the end (then it had no fault).
    const outcome = from === 0 && options.shared ? options.shared : await runSandboxed({
      file,
      checks: exercise.checks,
      lang,
      seed: options.seed,
      from,
      wallTimeoutMs: CPU_LIMITED ? remaining : Math.min(remaining, cpuLeft),
      cpuLimitMs: cpuLeft,
    });
    // Charged its CPU time; where that cannot be read, its real time (never less).
    spentMs += outcome.cpuMs ?? outcome.wallMs;
    // And its real time against the backstop: only its waits for nothing where they can be told apart.
    waitedMs += outcome.blockedMs ?? outcome.wallMs;
    // What comes out of a sandbox may carry learner text: make it safe to print.
    outcome.results.forEach((r, i) => {
      if (r && i >= from) results[i] = cleanResult(r);
    });
    logs.push(...outcome.logs.map((line) => ({ ...line, text: untrusted(line.text) })));
    const fault = outcome.fault;
    if (!fault) break;
    const failure = faultError(fault, lang, options.wallSeconds);
    const during = "during" in fault ? fault.during : null;
    if (during === null) {
      // The module itself cannot be loaded: nothing can be graded.
      error = failure;
      break;
    }
    faults.set(during, failure);
    error ??= failure;
    from = during + 1;
  }
  const loadFailed = error !== null && faults.size === 0;
  const verdicts: CheckResult[] = spec.checks.map((c, i) => {
    const got = results[i];
    if (got && got.id === c.id) {
      // Trust only which checks passed; points come from the checks module.
      const pass = got.status === "pass";
      // The lesson comes from the checks module too, never from the sandbox.
      const { lesson: _, ...rest } = got;
      return {
        ...rest,
        points: c.points,
        score: pass ? c.points : 0,
        status: pass ? "pass" : got.status === "error" ? "error" : "fail",
        ...(!pass && c.lesson ? { lesson: c.lesson } : {}),
      };
    }
    const message = faults.get(i)?.message ??
      (loadFailed ? error!.message : core("notRun")[lang]);
    return blank(c, message, c.hint[lang]);
  });
  // One mistake, one headline: failures that follow from another are linked to it.
  const checks = linkConsequences(verdicts, spec.checks);
  const score = checks.reduce((s, c) => s + c.score, 0);
  const failed = checks.filter((c) => c.status !== "pass");
  const allTodo = failed.length > 0 && failed.every((c) => c.todo);
  const status: ExerciseReport["status"] = loadFailed
    ? "error"
    : score === maxScore && !error
    ? "pass"
    : score === 0 && allTodo
    ? "todo"
    : error
    ? "error"
    : "fail";
  return {
    ...base,
    score,
    status,
    error,
    checks,
    timeline: failed.find((c) => c.timeline.length > 0)?.timeline ?? [],
    logs,
  };
}

/**
 * The Node modules an exercise may import and still share a sandbox: they
 * keep no state of their own that one exercise could leave to the next
 * (what they do keep, `process`, is in the realm's fingerprint).
 */
const SHAREABLE_IMPORTS = new Set(["node:util", "node:process", "node:timers/promises"]);

/** `Deno.*` members that start no real asynchronous work (the rest does: files, workers…). */
const SHAREABLE_DENO = /^(stdout|stderr|exit|exitCode|args|noColor|inspect|build|version|env)$/;

/** Words that start real asynchronous work or load code (`fetch` is left out: the exercises name their own). */
const REAL_ASYNC =
  /\bimport\s*\(|\brequire\s*\(|\bWorker\b|\bAtomics\b|\bsubtle\b|\bWebAssembly\b|\bBroadcastChannel\b|\bMessageChannel\b|\bwatchFs\b|\bFinalizationRegistry\b|\bWeakRef\b/;

/** What follows a bare `Deno` in prose (`Deno's`, `Deno stops`), read where it stands. */
const PROSE_AFTER = /'s\b|[ \t]+(?!as\b)[a-z]/y;

/**
 * A static import or re-export's module (`import … from "x"`, `export … from
 * "x"`, `import "x"`), wherever it stands on its line.
 */
const STATIC_IMPORT =
  /\b(?:import|export)\b[^"'`;]*?\bfrom\s*(["'])([^"'\n]*)\1|\bimport\s*(["'])([^"'\n]*)\3/g;

/**
 * Whether an exercise's source may run in a sandbox shared with the
 * submission's other exercises: it imports nothing but
 * {@linkcode SHAREABLE_IMPORTS} (no file of its own, shared with another
 * exercise; not `node:timers`, whose timers were real before the sandbox
 * gave it the clock's, and which has not been proven safe to share since),
 * and names no API that starts real asynchronous work (`import()`,
 * `Deno.readFile`, workers, `Atomics`…), whose callback could land in the
 * next exercise.
 * A plain reading of the text, on the safe side: a word in a comment
 * sends the exercise to a sandbox of its own, which is slower, never wrong.
 * (Code that hides such a call gains nothing: what it could do to the next
 * exercise, that exercise's own code can do too.)
 */
export function shareable(source: string): boolean {
  if (REAL_ASYNC.test(source)) return false;
  // `Deno` only as `Deno.<a member that starts nothing>`, or in prose
  // ("Deno's timers", "Deno stops the program"): `const { readTextFile } =
  // Deno`, `Deno?.x`, `f(Deno)`, `(Deno as any)` hide the rest.
  for (const m of source.matchAll(/\bDeno\b(?:\s*\.\s*([\w$]+))?/g)) {
    if (m[1] !== undefined) {
      if (SHAREABLE_DENO.test(m[1])) continue;
      return false;
    }
    PROSE_AFTER.lastIndex = m.index! + m[0].length;
    if (PROSE_AFTER.test(source)) continue;
    return false;
  }
  for (const m of source.matchAll(STATIC_IMPORT)) {
    if (!SHAREABLE_IMPORTS.has(m[2] ?? m[4])) return false;
  }
  return true;
}

/**
 * Runs the exercises that can share a sandbox (their file is staged, of a
 * size to grade, and {@linkcode shareable}) a few to a process — one
 * process per core at most — and returns, per exercise id, what the shared
 * run made of it (`null`: grade it in a sandbox of its own).
 */
async function runShared(
  selected: readonly Exercise[],
  staged: Staged,
  options: { lang: Lang; seed: number; wallSeconds: number; concurrency: number },
): Promise<Map<string, SandboxOutcome | null>> {
  const found = new Map<string, SandboxOutcome | null>();
  if (staged.refused !== null) return found;
  const runnable = selected.filter((e) => {
    if ((staged.oversize.get(e.file) ?? 0) > 0) return false;
    try {
      return shareable(Deno.readTextFileSync(join(staged.dir, e.file)));
    } catch {
      return false;
    }
  });
  const groups = sharedSandboxes(runnable.length, options.concurrency);
  if (groups === 0) return found;
  const lists: Exercise[][] = Array.from({ length: groups }, () => []);
  runnable.forEach((e, i) => lists[i % groups].push(e));
  await pool(lists, groups, async (list) => {
    // A shared sandbox that cannot even run leaves its exercises to sandboxes of their own.
    const outcomes = await runSharedSandbox(
      list.map((e) => ({ file: join(staged.dir, e.file), checks: e.checks })),
      {
        lang: options.lang,
        seed: options.seed,
        cpuMs: options.wallSeconds * 1000,
        backstopMs: wallBackstopSeconds(options.wallSeconds) * 1000,
      },
    ).catch(() => list.map(() => null));
    list.forEach((e, i) => found.set(e.id, outcomes[i]));
  });
  return found;
}

/**
 * Grades a submission and returns the report.
 *
 * @example Grading exercise 1 of a submission folder
 * ```ts ignore
 * import { grade } from "./grade.ts";
 * const report = await grade({ dir: "exercises", only: ["01_gather"] });
 * console.log(report.score, "/", report.maxScore);
 * ```
 */
export async function grade(options: GradeOptions = {}): Promise<Report> {
  const started = performance.now();
  const catalog = options.catalog ?? CATALOG;
  const lang = options.lang ?? "en";
  const seed = options.seed ?? DEFAULT_SEED;
  const wallSeconds = options.wallTimeoutSeconds ?? 10;
  const selected = options.only
    ? catalog.filter((e) => options.only!.includes(e.id))
    : [...catalog];
  const dir = exercisesDir(options.dir);
  const concurrency = options.concurrency ?? navigator.hardwareConcurrency ?? 2;
  // Staged once for the whole submission: every exercise runs from the copy.
  const staged = stageSubmission(
    options.dir === undefined ? dir : resolve(options.dir),
    lang,
    MAX_FILE_BYTES,
    // The folder the sandboxes started early run in (see _early.ts).
    takeEarlyStage(),
  );
  let exercises: ExerciseReport[];
  try {
    const shared = options.shared === false
      ? new Map<string, SandboxOutcome | null>()
      : await runShared(selected, staged, { lang, seed, wallSeconds, concurrency });
    exercises = await pool(
      selected,
      concurrency,
      (e) => gradeOne(e, dir, { lang, seed, wallSeconds, staged, shared: shared.get(e.id) }),
    );
  } finally {
    staged.cleanup();
    // Early sandboxes this grade did not use.
    await stopEarly();
  }
  return {
    schema: SCHEMA,
    score: exercises.reduce((s, e) => s + e.score, 0),
    maxScore: exercises.reduce((s, e) => s + e.maxScore, 0),
    seed,
    lang,
    durationMs: Math.round(performance.now() - started),
    exercises,
  };
}
