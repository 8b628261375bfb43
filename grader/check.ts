/**
 * Checks: what an exercise's checks module declares, and the context each
 * check runs with. A check passes when its `run` returns and fails when it
 * calls `ctx.fail(…)` (or when the learner's code misbehaves inside
 * `ctx.settle`). Checks observe behaviour in virtual time through probes,
 * never the learner's wording.
 *
 * @module
 */
import {
  ClockTamperError,
  type LogLine,
  type PendingTimer,
  runInVirtualTime,
  type RunOptions,
  type Span,
  type VirtualRun,
} from "./clock.ts";
import { formatSeconds, type Lang, type LocalText } from "./i18n/mod.ts";
import { type SecPair, secPair } from "./durations.ts";
export { sec, secDigits, type SecPair, secPair } from "./durations.ts";
import { checkResult, core, linkConsequences } from "./_verdict.ts";
export { checkResult, core, linkConsequences };
import { types } from "node:util";
import { probe } from "./probe.ts";
// Every checks module uses the toolkit: loading it with the engine keeps the
// sandbox bundle's shared code in one chunk (see _child_bundle.ts).
import "./toolkit.ts";

/** One named, scored check of an exercise. */
export interface Check {
  /** Stable id, kebab-case, unique in its exercise (used by reports and fixtures). */
  id: string;
  /** Points it is worth; an exercise's checks add up to its points. */
  points: number;
  /** What it checks, as a learner would say it. */
  title: LocalText;
  /** Shown when it fails: the idea to try next. */
  hint: LocalText;
  /**
   * Where the course teaches what it checks: `NN_topic#anchor`, a key of the
   * lesson sections catalog (`grader/i18n/lessons.ts`). A failure names it as
   * the next thing to read.
   */
  lesson?: string;
  /**
   * Checks whose failure explains this one's (their ids, in this exercise):
   * when one of them failed too, this failure is reported as its consequence,
   * in one line, with no message, timeline or hint of its own.
   */
  dependsOn?: readonly string[];
  /** Runs the check: returns to pass, calls `ctx.fail` to fail. */
  run(ctx: CheckContext): Promise<void> | void;
}

/** What a checks module exports as `default`. */
export interface ExerciseChecks {
  /** The exercise's title, as the report shows it (the catalog reads it from here). */
  readonly title?: LocalText;
  /** Hints from a nudge to the idea, shown one at a time by `deno task hint N`. */
  readonly hints?: readonly LocalText[];
  /** The checks, in the order they run and are reported. */
  readonly checks: readonly Check[];
}

/**
 * Declares an exercise's checks (the `default` export of a checks module):
 * its title, its hints and its checks, or the checks alone (an exercise whose
 * catalog entry writes its own title and hints).
 */
export function defineChecks(spec: ExerciseChecks | readonly Check[]): ExerciseChecks {
  const exercise: ExerciseChecks = Array.isArray(spec)
    ? { checks: spec as readonly Check[] }
    : spec as ExerciseChecks;
  const ids = new Set<string>();
  for (const c of exercise.checks) {
    if (ids.has(c.id)) throw new TypeError(`Cannot define checks: duplicate id "${c.id}"`);
    ids.add(c.id);
  }
  return exercise;
}

/** Extra facts a failure can carry. */
export interface FailDetails {
  /** What was expected, in words or numbers (`3.0 s`). */
  expected?: string | LocalText;
  /** What the learner's code did. */
  actual?: string | LocalText;
  /** Spans to draw; defaults to the spans of the last run. */
  timeline?: readonly Span[];
  /** Virtual milliseconds the run took, for the timeline's title. */
  tookMs?: number;
  /** Virtual milliseconds it should have taken. */
  expectedMs?: number;
  /** A more specific hint than the check's own. */
  hint?: LocalText;
  /**
   * Instants to mark on the timeline (virtual ms): a deadline, an expected
   * end, each callback call or printed line the message talks about.
   */
  marks?: readonly FailMark[];
}

/** One instant marked on a failure's timeline. */
export interface TimelineMark {
  /** Virtual ms of the instant. */
  at: number;
  /** What happened then, in the code's words (`onDone(file_2.zip)`, `deadline`). */
  label: string;
  /** What kind of instant: drawn differently. */
  kind: "deadline" | "expected" | "call" | "print";
}

/** An instant a failure marks: as in the report, its label in every language if it has words. */
export type FailMark = Omit<TimelineMark, "label"> & { label: string | LocalText };

/** Thrown by `ctx.fail`: the check failed for the reason given. */
export class CheckFailure extends Error {
  /** The failure text in every language. */
  readonly text: LocalText;
  /** Expected/actual/timeline. */
  readonly details: FailDetails;
  /** Whether the learner has not written this part yet (a TODO). */
  readonly todo: boolean;
  /** Makes a failure. */
  constructor(text: LocalText, details: FailDetails = {}, todo = false) {
    super(text.en);
    this.name = "CheckFailure";
    this.text = text;
    this.details = details;
    this.todo = todo;
  }
}

/** What a check gets to work with. */
export interface CheckContext {
  /** The report's language (checks build `LocalText` for both anyway). */
  readonly lang: Lang;
  /** The learner module's exports. */
  readonly exports: Readonly<Record<string, unknown>>;
  /** Seeded random numbers in [0, 1): same `--seed`, same data. */
  readonly random: () => number;
  /** The learner's exported function `name`, or a failure saying what is wrong. */
  // deno-lint-ignore no-explicit-any
  fn<F extends (...args: any[]) => unknown>(name: string): F;
  /** The learner's export `name`, whatever it is, or a failure if missing. */
  get<T>(name: string): T;
  /** Makes a probe (see `probe.ts`). */
  probe: typeof probe;
  /** Runs `fn` in virtual time from t=0 with console captured. */
  run<T>(fn: () => T | Promise<T>, options?: RunOptions): Promise<VirtualRun<T>>;
  /**
   * Runs `fn` in virtual time and returns its value, failing the check with a
   * diagnosis if it throws, deadlocks, runs away, a timer throws, a
   * rejection goes unhandled, or the value is a Promise (a missing `await`).
   * `name` is what the learner called, e.g. `runConcurrent()`.
   */
  settle<T>(name: string, fn: () => T | Promise<T>, options?: RunOptions): Promise<SettledRun<T>>;
  /** Fails the check (`todo`: because the learner has not written this part yet). */
  fail(text: LocalText, details?: FailDetails, todo?: boolean): never;
  /** Formats virtual milliseconds as seconds in both languages: `{ en: "3.0 s", fr: "3,0 s" }`. */
  sec(ms: number, digits?: number): LocalText;
  /**
   * An expected and an observed duration (or two lists of them, paired item
   * by item in the order given) at one precision that shows the difference:
   * `expected 2.000 s · observed 2.030 s`, with `gap` saying `30 ms late`.
   * See {@linkcode secPair}.
   */
  secPair(expectedMs: number | readonly number[], observedMs: number | readonly number[]): SecPair;
}

/** A run that settled with a value. */
export interface SettledRun<T> extends VirtualRun<T> {
  /** The value. */
  value: T;
}

/** A check's verdict, as the report shows it. */
export interface CheckResult {
  /** The check's id, kebab-case, unique in its exercise. */
  id: string;
  /** What it checks, in the report's language. */
  title: string;
  /** Points it is worth. */
  points: number;
  /** Points earned: all of them or none. */
  score: number;
  /** `error`: the learner's code could not be run to the end (it threw, froze, exited…). */
  status: "pass" | "fail" | "error";
  /** What was observed, when it did not pass. */
  message: string | null;
  /** A nudge toward the fix, when it did not pass. */
  hint: string | null;
  /** The expected value or time, as shown to the learner. */
  expected: string | null;
  /** The observed value or time, as shown to the learner. */
  actual: string | null;
  /** What the learner's code did, one bar per call. */
  timeline: TimelineSpan[];
  /** Virtual ms the run took, when timing matters. */
  tookMs: number | null;
  /** Virtual ms the run should have taken, when timing matters. */
  expectedMs: number | null;
  /** The learner has not started this part (a `TODO` error). */
  todo: boolean;
  /**
   * The lesson section that teaches what the check checks, `NN_topic#anchor`
   * (a key of `grader/i18n/lessons.ts`), when it did not pass: the next thing
   * to read.
   */
  lesson?: string;
  /**
   * Instants the message talks about, to mark on the timeline (a deadline,
   * an expected end, callback calls, printed lines). Optional: added within
   * `async-lab/report@1`.
   */
  marks?: TimelineMark[];
  /**
   * The code under test's own timers still pending when its run ended (set
   * at `start`, due at `due`, virtual ms): forgotten timers. Optional.
   */
  pendingTimers?: PendingTimer[];
  /**
   * The id of the failed check (same exercise) whose failure explains this
   * one: reports show this one as "same cause as ✗ …". Optional.
   */
  consequenceOf?: string;
}

/** One bar of a timeline in the report. */
export interface TimelineSpan {
  /** What was called (a probe's label). */
  label: string;
  /** Virtual ms when it started. */
  start: number;
  /** Virtual ms when it settled, or `null` if it never did. */
  end: number | null;
  /** How it ended. */
  outcome: Span["outcome"];
}

/** A short description of a thrown value: `TypeError: x is not a function`. */
export function describeError(error: unknown): string {
  if (
    error instanceof Error || (typeof error === "object" && error !== null && "message" in error)
  ) {
    const e = error as { name?: unknown; message?: unknown };
    const name = typeof e.name === "string" ? e.name : "Error";
    return `${name}: ${String(e.message)}`.slice(0, 300);
  }
  try {
    return Deno.inspect(error, { depth: 2 }).slice(0, 300);
  } catch {
    return "(unprintable value)";
  }
}

/** The function a TODO error names (`TODO: fetchUsers()` → `fetchUsers()`). */
function todoName(error: unknown): string {
  const text = (error as Error).message.replace(/^TODO:?\s*/, "").split(/[\s:]/)[0];
  return text || "?";
}

/** Whether `error` is an allocation that the sandbox's memory limits refused. */
export function isOutOfMemory(error: unknown): boolean {
  return error instanceof RangeError &&
    /allocation failed|Invalid string length/.test(error.message);
}

/** Whether `error` is the stub's `throw new Error("TODO: …")`. */
export function isTodo(error: unknown): boolean {
  return error instanceof Error && /^TODO\b/.test(error.message);
}

function isPromiseLike(value: unknown): boolean {
  return (typeof value === "object" || typeof value === "function") && value !== null &&
    typeof (value as { then?: unknown }).then === "function";
}

/**
 * What a value holds, in the code's words and without running any of its
 * code (no getter, no Proxy trap): `[Promise, Promise, Promise]`,
 * `{ users: Promise, total: 3 }`.
 */
export function shapeOf(value: unknown, depth = 2): string {
  if (types.isProxy(value)) return "Proxy";
  if (types.isPromise(value)) return "Promise";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  }
  if (typeof value === "function") return "function";
  if (typeof value !== "object" || value === null) return String(value);
  if (depth === 0) return Array.isArray(value) ? "[…]" : "{…}";
  const own = (key: string) => {
    const d = Object.getOwnPropertyDescriptor(value, key);
    return d && "value" in d ? shapeOf(d.value, depth - 1) : "?";
  };
  if (Array.isArray(value)) {
    const items = Array.from({ length: Math.min(value.length, 4) }, (_, i) => own(String(i)));
    return `[${items.join(", ")}${value.length > 4 ? ", …" : ""}]`;
  }
  const keys = Object.keys(value);
  const fields = keys.slice(0, 3).map((k) =>
    `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${own(k)}`
  );
  return `{ ${fields.join(", ")}${keys.length > 3 ? ", …" : ""} }`;
}

/** Whether a Promise hides anywhere in `value` (top level, array items, object fields). */
export function containsPromise(value: unknown, depth = 2): boolean {
  if (isPromiseLike(value)) return true;
  if (depth === 0 || typeof value !== "object" || value === null) return false;
  const items = Array.isArray(value) ? value : Object.values(value);
  return items.some((v) => containsPromise(v, depth - 1));
}

/** Options of {@linkcode createContext}. */
export interface ContextOptions {
  lang: Lang;
  exports: Readonly<Record<string, unknown>>;
  random: () => number;
  /** Receives what the code under test printed during each run. */
  onLogs?: (logs: readonly LogLine[]) => void;
}

/** Makes the context one check runs with; it remembers the last run's spans (to draw) and whether a run met a TODO. */
export function createContext(
  options: ContextOptions,
): CheckContext & {
  lastEvents(): readonly Span[];
  lastTimers(): readonly PendingTimer[];
  sawTodo(): boolean;
  issued(error: unknown): error is CheckFailure;
} {
  let events: readonly Span[] = [];
  let timersLeft: readonly PendingTimer[] = [];
  let todo = false;
  const issued = new WeakSet<CheckFailure>();
  const fail = (text: LocalText, details?: FailDetails, isTodoFailure = false): never => {
    // Only failures this context issued count as the check's verdict: code
    // under test that builds a CheckFailure of its own cannot write the report.
    const failure = new CheckFailure(text, details, isTodoFailure);
    issued.add(failure);
    throw failure;
  };
  const sec = (ms: number, digits = 1): LocalText => ({
    en: formatSeconds(ms, "en", digits),
    fr: formatSeconds(ms, "fr", digits),
  });
  const get = <T>(name: string): T => {
    if (!(name in options.exports)) fail(core("missingExport", { name }));
    return options.exports[name] as T;
  };
  const run = async <T>(fn: () => T | Promise<T>, runOptions: RunOptions = {}) => {
    const result = await runInVirtualTime(fn, { captureConsole: true, ...runOptions });
    events = result.events;
    timersLeft = result.timersLeft ?? [];
    if (result.logs.length > 0) options.onLogs?.(result.logs);
    // Code that is still a TODO fails every check that runs it, whatever the check expects.
    if (result.status === "error" && isTodo(result.error)) {
      todo = true;
      fail(core("todo", { name: todoName(result.error) }), {}, true);
    }
    return result;
  };
  return {
    lang: options.lang,
    exports: options.exports,
    random: options.random,
    // deno-lint-ignore no-explicit-any
    fn<F extends (...args: any[]) => unknown>(name: string): F {
      const value = get<unknown>(name);
      if (typeof value !== "function") {
        const kind = value === null ? "null" : typeof value;
        fail(core("notAFunction", { name, kind }));
      }
      return value as F;
    },
    get,
    probe,
    run,
    async settle<T>(name: string, fn: () => T | Promise<T>, runOptions?: RunOptions) {
      const result = await run(fn, runOptions);
      const at = sec(result.elapsedMs);
      switch (result.status) {
        case "ok":
          break;
        case "error":
          // (A TODO error never gets here: `run` has already failed the check as to do.)
          if (result.error instanceof ClockTamperError) fail(core("clockTamper", { name }));
          if (isOutOfMemory(result.error)) fail(core("outOfMemory"));
          fail(core("threw", { name, error: describeError(result.error) }), {
            actual: describeError(result.error),
          });
          break;
        case "deadlock":
        case "runaway":
          // Each language names the instant its own way (3.0 s / 3,0 s).
          fail({
            en: core(result.status, { name, at: at.en }).en,
            fr: core(result.status, { name, at: at.fr }).fr,
          }, { tookMs: result.elapsedMs });
          break;
        case "timer-error":
          fail(core("timerThrew", { name, error: describeError(result.error) }));
      }
      if (result.unhandled.length > 0) {
        fail(core("unhandled", { error: describeError(result.unhandled[0]) }));
      }
      if (isPromiseLike(result.value)) fail(core("forgotAwait", { name }));
      // Promises inside the value: say what it holds, in the code's words.
      if (containsPromise(result.value)) {
        fail(core("forgotAwaitIn", { name, shape: shapeOf(result.value) }));
      }
      return result as SettledRun<T>;
    },
    fail,
    sec,
    secPair,
    lastEvents: () => events,
    lastTimers: () => timersLeft,
    sawTodo: () => todo,
    issued: (error: unknown): error is CheckFailure =>
      error instanceof CheckFailure && issued.has(error),
  };
}

/** A small seeded generator (mulberry32) for check data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs one check and turns what happened into a {@linkcode CheckResult}. */
export async function runCheck(
  check: Check,
  options: {
    lang: Lang;
    exports: Readonly<Record<string, unknown>>;
    seed: number;
    onLogs?: (logs: readonly LogLine[]) => void;
  },
): Promise<CheckResult> {
  const ctx = createContext({
    lang: options.lang,
    exports: options.exports,
    random: seededRandom(options.seed ^ hash(check.id)),
    onLogs: options.onLogs,
  });
  const verdict = (fields: Partial<CheckResult> & Pick<CheckResult, "status">) =>
    checkResult(check, options.lang, fields);
  try {
    await check.run(ctx);
    return verdict({ status: "pass" });
  } catch (error) {
    if (ctx.issued(error)) {
      const d = error.details;
      const spans = d.timeline ?? ctx.lastEvents();
      return verdict({
        status: "fail",
        message: error.text[options.lang],
        hint: d.hint?.[options.lang],
        expected: localize(d.expected, options.lang),
        actual: localize(d.actual, options.lang),
        timeline: spans.map((s) => ({
          label: s.label,
          start: s.start,
          end: s.end,
          outcome: s.outcome,
        })),
        tookMs: d.tookMs,
        expectedMs: d.expectedMs,
        todo: error.todo || ctx.sawTodo(),
        marks: d.marks?.map((m) => ({
          at: m.at,
          label: localize(m.label, options.lang) ?? "",
          kind: m.kind,
        })),
        // A timeline of the check's own making shows only what the check chose.
        pendingTimers: d.timeline ? undefined : ctx.lastTimers().slice(0, MAX_TIMERS),
      });
    }
    // The learner's code broke the check itself (e.g. returned a value of the wrong shape).
    return verdict({
      status: "fail",
      message: core("threw", { name: check.id, error: describeError(error) })[options.lang],
      todo: isTodo(error) || ctx.sawTodo(),
    });
  }
}

/** Forgotten timers kept per failure (a runaway loop may leave thousands). */
const MAX_TIMERS = 20;

function localize(text: string | LocalText | undefined, lang: Lang): string | null {
  if (text === undefined) return null;
  return typeof text === "string" ? text : text[lang];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
