/**
 * The virtual clock: `@sinonjs/fake-timers` installed once per isolate and
 * driven like Trio's autojump clock — virtual time jumps to the next timer
 * only when every task is blocked.
 *
 * This module never reads the real clock. It is the only module that touches
 * `@sinonjs/fake-timers`.
 *
 * @module
 */
import FakeTimers from "@sinonjs/fake-timers";

/** What a probe or the clock recorded during one run: one span of work. */
export interface Span {
  /** Name shown on the timeline, e.g. `orders`. */
  label: string;
  /** Virtual milliseconds when the work started. */
  start: number;
  /** Virtual milliseconds when the work settled; `null` if it never did. */
  end: number | null;
  /** How it ended; `pending` if it never settled. */
  outcome: "ok" | "timeout" | "aborted" | "error" | "pending";
  /** Whether the signal handed to the work was aborted (at `abortedAt`). */
  aborted: boolean;
  /** Virtual milliseconds when the work's signal was aborted. */
  abortedAt: number | null;
}

/** A console line captured during a run, stamped with virtual time. */
export interface LogLine {
  /** Virtual milliseconds when the line was printed. */
  at: number;
  /** The console method that printed it. */
  level: "log" | "info" | "warn" | "error" | "debug";
  /** The text, formatted like `console.log` would. */
  text: string;
}

/** How a run in virtual time ended. */
export type RunStatus = "ok" | "error" | "deadlock" | "runaway" | "timer-error";

/** The outcome of {@linkcode runInVirtualTime}. */
export interface VirtualRun<T> {
  /** `ok` (settled with a value), `error` (rejected), `deadlock` (pending with
   * nothing left that could wake it), `runaway` (virtual time passed the
   * horizon), `timer-error` (a timer callback threw). */
  status: RunStatus;
  /** The value, when `status` is `ok`. */
  value?: T;
  /** The rejection reason (or the timer's exception). */
  error?: unknown;
  /** Virtual milliseconds from the start of the run to its end. */
  elapsedMs: number;
  /** Spans recorded by probes during the run, in start order. */
  events: Span[];
  /** Timers still pending when the run ended, not counting those created by
   * `AbortSignal.timeout` (they never keep a program alive). */
  pendingTimers: number;
  /**
   * The code under test's own timers still pending when the run ended (not
   * the grader's, not `AbortSignal.timeout`'s): when each was set and when it
   * is due, in virtual ms. A timeline draws them as forgotten timers.
   */
  timersLeft?: PendingTimer[];
  /** Console lines printed during the run (when `captureConsole` is on). */
  logs: LogLine[];
  /** Promise rejections nobody handled during the run. */
  unhandled: unknown[];
}

/** A timer still pending: when it was set and when it is due (virtual ms). */
export interface PendingTimer {
  start: number;
  due: number;
}

/** Options of {@linkcode runInVirtualTime}. */
export interface RunOptions {
  /** Virtual milliseconds after which the run is a runaway (default 600 000). */
  horizonMs?: number;
  /** Capture console output as {@linkcode LogLine}s instead of printing it. */
  captureConsole?: boolean;
  /** Keep the clock where it is instead of resetting it to 0 first. */
  keepTime?: boolean;
  /** Called when the run is pending and no timer is left. Resolve `true` to
   * look again (some real I/O may still be under way), `false` for deadlock.
   * The default gives real I/O a few event-loop turns. */
  onIdle?: (idleTurns: number) => Promise<boolean> | boolean;
}

type FakeClock = ReturnType<typeof FakeTimers.install>;
interface TimerRecord {
  id: number;
  createdAt?: number;
  callAt?: number;
}

let clock: FakeClock | undefined;
const signalTimers = new Set<number>();
/** Timers the grader set itself (probes), which a learner's timeline never shows as theirs. */
const graderTimers = new Set<number>();
let currentEvents: Span[] | null = null;
let currentLogs: LogLine[] | null = null;
let currentUnhandled: unknown[] | null = null;
let sinkLogs: LogLine[] | null = null;

const LEVELS: LogLine["level"][] = ["log", "info", "warn", "error", "debug"];
const MAX_LOG_LINES = 2000;
const MAX_LOG_CHARS = 64 * 1024;
/** Characters kept per sink: each run (and the sandbox's own sink) has its own cap. */
const loggedChars = new WeakMap<LogLine[], number>();

function show(value: unknown): string {
  return typeof value === "string" ? value : Deno.inspect(value, { depth: 4 });
}

/** Formats like `console.log`: `%s %d %i %f %o %O %j %c` in a leading string, then the rest. */
function format(args: unknown[]): string {
  if (typeof args[0] !== "string" || !args[0].includes("%")) return args.map(show).join(" ");
  let next = 1;
  const head = args[0].replace(/%([sdifoOjc%])/g, (match, code: string) => {
    if (code === "%") return "%";
    if (next >= args.length) return match;
    const value = args[next++];
    switch (code) {
      case "d":
      case "i":
        return typeof value === "bigint" ? `${value}n` : String(Math.trunc(Number(value)));
      case "f":
        return String(Number(value));
      case "c":
        return ""; // CSS: no meaning in a terminal
      case "j":
        return JSON.stringify(value);
      default:
        return show(value);
    }
  });
  return [head, ...args.slice(next).map(show)].join(" ");
}

/**
 * Replaces the console's printing methods with ones that, while a sink is
 * set, keep each line (stamped with virtual time) instead of printing it:
 * `log`, `info`, `warn`, `error`, `debug`, and the rest of the console too
 * (`table`, `dir`, `count`, `time…`, `assert`, `trace`, `group…`), so no
 * way of printing escapes the capture or goes unseen by a check.
 */
function installConsoleCapture(): void {
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  let indent = 0;
  const capture = (
    name: string,
    level: LogLine["level"],
    text: (...args: unknown[]) => string | null,
    effect?: (...args: unknown[]) => void,
  ) => {
    const real = (console as unknown as Record<string, (...args: unknown[]) => void>)[name]
      .bind(console);
    const method = (...args: unknown[]) => {
      const sink = currentLogs ?? sinkLogs;
      if (sink === null) return real(...args);
      const line = text(...args);
      const indented = "  ".repeat(indent) + line;
      effect?.(...args);
      if (line === null) return;
      const used = loggedChars.get(sink) ?? 0;
      if (sink.length >= MAX_LOG_LINES || used >= MAX_LOG_CHARS) return;
      loggedChars.set(sink, used + indented.length);
      sink.push({ at: clock?.now ?? 0, level, text: indented.slice(0, MAX_LOG_CHARS) });
    };
    Object.defineProperty(console, name, { value: method, writable: true, configurable: true });
  };
  for (const level of LEVELS) capture(level, level, (...args) => format(args));
  capture("table", "log", (data) => show(data));
  capture("dir", "log", (data) => show(data));
  capture("dirxml", "log", (...args) => format(args));
  capture("count", "info", (label = "default") => {
    const key = String(label);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return `${key}: ${counts.get(key)}`;
  });
  capture("countReset", "info", () => null, (label = "default") => counts.delete(String(label)));
  capture("time", "info", () => null, (label = "default") => {
    timers.set(String(label), clock?.now ?? 0);
  });
  const elapsed = (label: unknown) => {
    const start = timers.get(String(label));
    return start === undefined ? null : `${label}: ${(clock?.now ?? 0) - start}ms`;
  };
  capture("timeLog", "info", (label = "default", ...rest) => {
    const line = elapsed(label);
    return line === null ? null : [line, ...rest.map(show)].join(" ");
  });
  capture("timeEnd", "info", (label = "default") => elapsed(label), (label = "default") => {
    timers.delete(String(label));
  });
  capture(
    "assert",
    "error",
    (condition, ...args) =>
      condition ? null : ["Assertion failed", ...(args.length ? [format(args)] : [])].join(": "),
  );
  capture(
    "trace",
    "error",
    (...args) => ["Trace", ...(args.length ? [format(args)] : [])].join(": "),
  );
  for (const name of ["group", "groupCollapsed"]) {
    capture(name, "log", (...args) => args.length ? format(args) : null, () => indent++);
  }
  capture("groupEnd", "log", () => null, () => indent = Math.max(0, indent - 1));
}

/**
 * Sends every console line printed from now on (in or out of a run) to
 * `sink`, stamped with virtual time, so nothing learner code prints reaches
 * the real output. Used by the sandbox; output is capped (64 KiB).
 */
export function captureAllConsole(sink: LogLine[]): void {
  installVirtualClock();
  sinkLogs = sink;
}

/**
 * Installs the virtual clock on `globalThis` at t=0: fakes `setTimeout`,
 * `clearTimeout`, `setInterval`, `clearInterval`, `Date`, `performance`,
 * `setImmediate` and `clearImmediate`, and replaces `AbortSignal.timeout` with
 * one driven by the fake `setTimeout`. Microtasks are left real.
 *
 * Call it once, before the code under test (and `node:timers`) is loaded;
 * later calls do nothing. It is never uninstalled.
 */
export function installVirtualClock(): void {
  if (clock !== undefined) return;
  clock = FakeTimers.withGlobal(globalThis).install({
    now: 0,
    toFake: [
      "setTimeout",
      "clearTimeout",
      "setInterval",
      "clearInterval",
      "Date",
      "performance",
      "setImmediate",
      "clearImmediate",
    ],
    loopLimit: 1_000_000,
  });
  hideClock(clock);
  const fakeSetTimeout = clock.setTimeout;
  const timeout = (ms: number): AbortSignal => {
    const controller = new AbortController();
    const handle = fakeSetTimeout(() => {
      signalTimers.delete(id);
      controller.abort(new DOMException("Signal timed out.", "TimeoutError"));
    }, ms) as unknown;
    // Fake timers hand out Node-style timer objects here; they convert to the id.
    const id = Number(handle);
    signalTimers.add(id);
    return controller.signal;
  };
  Object.defineProperty(AbortSignal, "timeout", {
    value: timeout,
    writable: true,
    configurable: true,
  });
  installConsoleCapture();
  // Only rejections during a run are the run's to report; outside one, Deno's
  // default (print and exit non-zero) stays in force.
  globalThis.addEventListener("unhandledrejection", (event) => {
    if (currentUnhandled === null) return;
    event.preventDefault();
    currentUnhandled.push(event.reason);
  });
  // Same for an exception nobody catches (thrown in a microtask or an event
  // listener): Deno would end the process with it.
  globalThis.addEventListener("error", (event) => {
    if (currentUnhandled === null) return;
    event.preventDefault();
    currentUnhandled.push(event.error);
  });
}

/**
 * Takes the clock object off the globals fake-timers hangs it on
 * (`setTimeout.clock`, `performance.clock`…): with it, code under test could
 * rewind virtual time (`clock.setSystemTime(0)`) and pass for concurrent.
 * The fake `Date` reads `Date.clock.now`, so it keeps a read-only view of it.
 */
function hideClock(c: FakeClock): void {
  const g = globalThis as unknown as Record<string, { clock?: unknown } | undefined>;
  const faked = ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "setImmediate"];
  for (const name of [...faked, "clearImmediate", "performance"]) {
    if (g[name] && Object.hasOwn(g[name], "clock")) delete g[name].clock;
  }
  const view = Object.freeze({
    get now() {
      return c.now;
    },
  });
  Object.defineProperty(Date, "clock", { value: view, writable: false, configurable: false });
}

/** Thrown into a run when code under test resets the clock while it runs. */
export class ClockTamperError extends Error {
  /** Makes one. */
  constructor() {
    super("Cannot rewind virtual time: the code under test reset the grader's clock");
    this.name = "ClockTamperError";
  }
}

/** The run in progress, if any: a reset during it means tampering. */
let activeRun: { tampered: boolean } | null = null;

function requireClock(): FakeClock {
  installVirtualClock();
  return clock!;
}

/** The current virtual time in milliseconds. */
export function now(): number {
  return requireClock().now;
}

/** The clock's own `setTimeout`, which learner code cannot replace. */
export function virtualSetTimeout(fn: () => void, ms: number): number {
  const timer = requireClock().setTimeout(fn, ms) as unknown;
  // Fake timers hand out Node-style timer objects here; they convert to the id.
  graderTimers.add(Number(timer));
  return timer as number;
}

/** The clock's own `clearTimeout`, which learner code cannot replace. */
export function virtualClearTimeout(id: number): void {
  requireClock().clearTimeout(id as unknown as Parameters<FakeClock["clearTimeout"]>[0]);
}

/** Records a span in the current run's events (probes call this). */
export function recordSpan(span: Span): void {
  currentEvents?.push(span);
}

/** Timers pending now, apart from those behind `AbortSignal.timeout`. */
export function pendingTimerCount(): number {
  const c = requireClock() as unknown as { timers?: Map<number, TimerRecord> };
  if (!c.timers) return 0;
  let n = 0;
  for (const id of c.timers.keys()) if (!signalTimers.has(id)) n++;
  return n;
}

/** The code under test's timers pending now, from `from` (virtual ms) on, by due time. */
export function pendingTimerList(from = 0): PendingTimer[] {
  const c = requireClock() as unknown as { timers?: Map<number, TimerRecord> };
  if (!c.timers) return [];
  const out: PendingTimer[] = [];
  for (const [id, t] of c.timers) {
    if (signalTimers.has(id) || graderTimers.has(id)) continue;
    if (typeof t.callAt !== "number" || !Number.isFinite(t.callAt)) continue;
    const start = typeof t.createdAt === "number" ? t.createdAt : from;
    out.push({ start: Math.max(0, start - from), due: Math.max(0, t.callAt - from) });
  }
  return out.sort((a, b) => a.due - b.due || a.start - b.start);
}

/** Resets the clock to t=0 and drops every pending timer. */
export function resetClock(): void {
  // Only the driver resets, before a run starts: a reset while a run is in
  // progress comes from the code under test (e.g. importing this module).
  if (activeRun !== null) activeRun.tampered = true;
  requireClock().reset();
  signalTimers.clear();
  graderTimers.clear();
}

const defaultIdle = (turns: number) => turns < 3;

let simulatedMs = 0;

/** Virtual milliseconds that every run in this isolate has simulated so far (for benchmarks). */
export function simulatedTotalMs(): number {
  return simulatedMs;
}

/**
 * Runs `fn` in virtual time: resets the clock to 0 (unless `keepTime`), then
 * drives it — flush microtasks; if settled, done; if no timer is pending,
 * deadlock; past the horizon, runaway; else fire the next timer — until the
 * promise `fn` returned settles.
 *
 * @example Three one-second waits run together take one virtual second
 * ```ts
 * import { runInVirtualTime } from "./clock.ts";
 * import assert from "node:assert/strict";
 * const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
 * const run = await runInVirtualTime(() => Promise.all([sleep(1000), sleep(1000), sleep(1000)]));
 * assert.equal(run.status, "ok");
 * assert.equal(run.elapsedMs, 1000);
 * ```
 */
export async function runInVirtualTime<T>(
  fn: () => T | Promise<T>,
  options: RunOptions = {},
): Promise<VirtualRun<T>> {
  const c = requireClock();
  // The grader never nests runs: one started while another is in progress
  // comes from the code under test (importing the live clock, e.g. from the
  // bundle) to hide its unhandled rejections or its spans from the run that
  // judges it.
  if (activeRun !== null) activeRun.tampered = true;
  if (!options.keepTime) resetClock();
  const horizon = options.horizonMs ?? 600_000;
  const onIdle = options.onIdle ?? defaultIdle;
  const started = c.now;
  const events: Span[] = [];
  const logs: LogLine[] = [];
  const unhandled: unknown[] = [];
  const saved = [currentEvents, currentLogs, currentUnhandled, activeRun] as const;
  const run = { tampered: false };
  activeRun = run;
  currentEvents = events;
  currentUnhandled = unhandled;
  if (options.captureConsole) currentLogs = logs;
  const state: { settled: boolean; ok: boolean; value: unknown } = {
    settled: false,
    ok: false,
    value: undefined,
  };
  const finish = (status: RunStatus, extra: { value?: T; error?: unknown }): VirtualRun<T> => ({
    status,
    ...extra,
    ...(run.tampered ? { status: "error", value: undefined, error: new ClockTamperError() } : {}),
    elapsedMs: c.now - started,
    events,
    pendingTimers: pendingTimerCount(),
    timersLeft: pendingTimerList(started),
    logs,
    unhandled,
  });
  try {
    let promise: Promise<T>;
    try {
      promise = Promise.resolve(fn());
    } catch (error) {
      return finish("error", { error });
    }
    promise.then(
      (value) => Object.assign(state, { settled: true, ok: true, value }),
      (value) => Object.assign(state, { settled: true, ok: false, value }),
    );
    let idleTurns = 0;
    let steps = 0;
    while (true) {
      await c.tickAsync(0);
      if (state.settled) {
        return state.ok
          ? finish("ok", { value: state.value as T })
          : finish("error", { error: state.value });
      }
      if (c.countTimers() === 0) {
        if (await onIdle(idleTurns++)) continue;
        return finish("deadlock", {});
      }
      idleTurns = 0;
      if (c.now - started > horizon || ++steps > 1_000_000) return finish("runaway", {});
      try {
        await c.nextAsync();
      } catch (error) {
        return finish("timer-error", { error });
      }
    }
  } finally {
    simulatedMs += c.now - started;
    [currentEvents, currentLogs, currentUnhandled, activeRun] = saved;
  }
}
