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

/**
 * A printed line captured during a run, stamped with virtual time: from the
 * console, or written to `Deno.stdout` / `process.stdout` (level `log`) or
 * `Deno.stderr` / `process.stderr` (level `error`).
 */
export interface LogLine {
  /** Virtual milliseconds when the line was printed. */
  at: number;
  /** The console method that printed it (`log` / `error` for raw writes to stdout / stderr). */
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
  /** Lines printed during the run, through any channel (when `captureConsole` is on). */
  logs: LogLine[];
  /** Promise rejections nobody handled during the run. */
  unhandled: unknown[];
}

/** A timer still pending: when it was set and when it is due (virtual ms). */
export interface PendingTimer {
  /** Virtual ms when the timer was set. */
  start: number;
  /** Virtual ms when it is due. */
  due: number;
}

/** Options of {@linkcode runInVirtualTime}. */
export interface RunOptions {
  /** Virtual milliseconds after which the run is a runaway (default 600 000). */
  horizonMs?: number;
  /** Capture printed output (console, stdout, stderr) as {@linkcode LogLine}s instead of printing it. */
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

/** Where printed text goes: the standard output or the standard error. */
interface Channel {
  /** The level its raw writes get (`log` for stdout, `error` for stderr). */
  level: LogLine["level"];
  /** Decodes the bytes written to it, a character split across writes included. */
  decoder: TextDecoder;
  /** The line written so far without its newline. */
  partial: string;
  /** Virtual milliseconds of the partial line's last write. */
  at: number;
  /** The sink the partial line belongs to. */
  sink: LogLine[] | null;
}

const channels: { out: Channel; err: Channel } = {
  out: { level: "log", decoder: new TextDecoder(), partial: "", at: 0, sink: null },
  err: { level: "error", decoder: new TextDecoder(), partial: "", at: 0, sink: null },
};

// Taken at load time: learner code cannot reach them through a patched prototype.
const reflectApply = Reflect.apply;
const textDecode = TextDecoder.prototype.decode;
const isView = ArrayBuffer.isView;

/** Keeps one finished line in `sink` (within the sink's caps). */
function keepLine(sink: LogLine[], level: LogLine["level"], text: string, at: number): void {
  const used = loggedChars.get(sink) ?? 0;
  if (sink.length >= MAX_LOG_LINES || used >= MAX_LOG_CHARS) return;
  const clipped = text.endsWith("\r") ? text.slice(0, -1) : text;
  loggedChars.set(sink, used + clipped.length);
  sink.push({ at, level, text: clipped.slice(0, MAX_LOG_CHARS) });
}

/** Ends a channel's partial line: kept in its own sink, stamped with its last write. */
function endPartial(channel: Channel): void {
  if (channel.partial !== "" && channel.sink !== null) {
    keepLine(channel.sink, channel.level, channel.partial, channel.at);
  }
  channel.partial = "";
  channel.sink = null;
}

/**
 * Prints `text` on `channel` into `sink` as a terminal would show it: each
 * newline ends a line (the first one continues the partial line written
 * before it), what follows the last newline waits for the next write, the
 * next console line or the end of the run. `level` names the lines it ends.
 */
function printInto(
  sink: LogLine[],
  channel: Channel,
  text: string,
  level: LogLine["level"],
): void {
  const at = clock?.now ?? 0;
  if (channel.partial !== "" && channel.sink !== sink) endPartial(channel);
  const pieces = text.split("\n");
  const last = pieces.pop()!;
  for (const piece of pieces) {
    keepLine(sink, level, channel.partial + piece, at);
    channel.partial = "";
  }
  if (last !== "" && channel.partial.length < MAX_LOG_CHARS) {
    channel.partial = (channel.partial + last).slice(0, MAX_LOG_CHARS);
    channel.sink = sink;
    channel.at = at;
  }
}

/**
 * Keeps one console call's text as one line (several lines of text in one
 * call stay together, as checks have always read them), continuing the
 * partial line its channel holds, as a terminal would show it.
 */
function printLine(sink: LogLine[], channel: Channel, text: string, level: LogLine["level"]): void {
  if (channel.partial !== "" && channel.sink !== sink) endPartial(channel);
  keepLine(sink, level, channel.partial + text, clock?.now ?? 0);
  channel.partial = "";
  channel.sink = null;
}

/**
 * Ends the partial lines (text written without a final newline) that belong
 * to `sink`, or to any sink when none is given: a run's last line counts even
 * without its newline.
 */
export function flushOutput(sink?: LogLine[]): void {
  for (const channel of [channels.out, channels.err]) {
    const rest = reflectApply(textDecode, channel.decoder, []) as string;
    if (rest !== "" && channel.sink !== null) printInto(channel.sink, channel, rest, channel.level);
    if (sink === undefined || channel.sink === sink) endPartial(channel);
  }
}

/**
 * Replaces the console's printing methods with ones that, while a sink is
 * set, keep each line (stamped with virtual time) instead of printing it:
 * `log`, `info`, `warn`, `error`, `debug`, and the rest of the console too
 * (`table`, `dir`, `count`, `time…`, `assert`, `trace`, `group…`), so no
 * way of printing escapes the capture or goes unseen by a check.
 */
/** Forgets the console's counters, timers and group depth (see {@linkcode resetConsole}). */
let resetConsoleState = () => {};

/**
 * Forgets what one exercise's code left in the captured console
 * (`console.count` counters, `console.time` labels, `console.group` depth),
 * before the next exercise of a shared sandbox loads.
 */
export function resetConsole(): void {
  resetConsoleState();
}

function installConsoleCapture(): void {
  const counts = new Map<string, number>();
  const timers = new Map<string, number>();
  let indent = 0;
  resetConsoleState = () => {
    counts.clear();
    timers.clear();
    indent = 0;
  };
  const capture = (
    name: string,
    level: LogLine["level"],
    text: (...args: unknown[]) => string | null,
    effect?: (...args: unknown[]) => void,
  ) => {
    const real = (console as unknown as Record<string, (...args: unknown[]) => void>)[name]
      .bind(console);
    const channel = level === "warn" || level === "error" ? channels.err : channels.out;
    const method = (...args: unknown[]) => {
      const sink = currentLogs ?? sinkLogs;
      if (sink === null) return real(...args);
      const line = text(...args);
      const pad = "  ".repeat(indent);
      effect?.(...args);
      if (line === null) return;
      printLine(sink, channel, pad + line, level);
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
 * Routes what code writes to the standard output and error streams
 * (`Deno.stdout.write` / `writeSync` / `writable`, the same on `Deno.stderr`,
 * and so `process.stdout.write`, which Deno's Node layer sends through
 * `Deno.stdout.writeSync` when the output is not a terminal, as in the
 * sandbox) into the current sink, like console lines: bytes decoded as they
 * come, one line per newline, stamped with virtual time. With no sink set,
 * they are written for real. The patched methods live on the streams'
 * prototypes, read-only: code cannot put the real ones back.
 */
function installStdioCapture(): void {
  for (
    const [stream, channel] of [[Deno.stdout, channels.out], [Deno.stderr, channels.err]] as const
  ) {
    const proto = Object.getPrototypeOf(stream) as Record<string, unknown>;
    const realSync = proto.writeSync as (this: unknown, p: Uint8Array) => number;
    const realWrite = proto.write as (this: unknown, p: Uint8Array) => Promise<number>;
    const bytesOf = (p: unknown): Uint8Array => {
      if (!isView(p)) throw new TypeError("The data to write must be a Uint8Array");
      return new Uint8Array(p.buffer, p.byteOffset, p.byteLength);
    };
    /** Keeps the bytes when a sink is set; `false` when they must be written for real. */
    const kept = (bytes: Uint8Array): boolean => {
      const sink = currentLogs ?? sinkLogs;
      if (sink === null) return false;
      const text = reflectApply(textDecode, channel.decoder, [bytes, { stream: true }]) as string;
      printInto(sink, channel, text, channel.level);
      return true;
    };
    const writeSync = function (this: unknown, p: Uint8Array): number {
      const bytes = bytesOf(p);
      return kept(bytes) ? bytes.byteLength : reflectApply(realSync, this, [p]);
    };
    const write = function (this: unknown, p: Uint8Array): Promise<number> {
      try {
        const bytes = bytesOf(p);
        if (kept(bytes)) return Promise.resolve(bytes.byteLength);
      } catch (error) {
        return Promise.reject(error);
      }
      return reflectApply(realWrite, this, [p]);
    };
    let writable: WritableStream<Uint8Array> | undefined;
    const getWritable = (): WritableStream<Uint8Array> => {
      writable ??= new WritableStream<Uint8Array>({
        write(chunk) {
          const bytes = bytesOf(chunk);
          for (let done = 0; done < bytes.byteLength;) {
            done += reflectApply(writeSync, stream, [bytes.subarray(done)]) as number;
          }
        },
      });
      return writable;
    };
    for (const [name, value] of [["writeSync", writeSync], ["write", write]] as const) {
      Object.defineProperty(proto, name, { value, writable: false, configurable: false });
    }
    Object.defineProperty(proto, "writable", { get: getWritable, configurable: false });
  }
}

/**
 * Sends every line printed from now on (in or out of a run; through the
 * console, `Deno.stdout`/`Deno.stderr` or `process.stdout`/`process.stderr`)
 * to `sink`, stamped with virtual time, so nothing learner code prints
 * reaches the real output. Used by the sandbox; output is capped (64 KiB).
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
  installStdioCapture();
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

/** What {@linkcode nodeTimersOnTheClock} needs of `node:timers/promises`'s default export. */
export interface TimersPromisesLike {
  setTimeout(delay?: number, value?: unknown, options?: { signal?: AbortSignal }): Promise<unknown>;
  setImmediate(value?: unknown, options?: { signal?: AbortSignal }): Promise<unknown>;
  setInterval(delay?: number, value?: unknown, options?: { signal?: AbortSignal }): unknown;
  scheduler?: object;
}

/**
 * Puts on the clock what Node's timer modules hold that the fake timers
 * leave alone (they replace the functions of `node:timers` and
 * `node:timers/promises` only):
 *
 * - `scheduler.wait` and `scheduler.yield` (`node:timers/promises`) call
 *   Deno's own timers: they now wait on that module's `setTimeout` and
 *   `setImmediate`, as Node defines them (replaced on `scheduler`'s
 *   prototype);
 * - `node:timers`' `promises` holds its own copies of `node:timers/promises`'
 *   functions: they are now that module's.
 *
 * Both waited for real, and a correct solution written with them never
 * finished in virtual time. Call it once the clock is installed, with each
 * module's default export.
 */
export function nodeTimersOnTheClock(
  timers: { promises?: unknown },
  promises: TimersPromisesLike,
): void {
  const replace = (holder: object, name: string, value: unknown) => {
    const was = Object.getOwnPropertyDescriptor(holder, name);
    Object.defineProperty(holder, name, {
      value,
      writable: was?.writable ?? true,
      enumerable: was?.enumerable ?? false,
      configurable: was?.configurable ?? true,
    });
  };
  const scheduler = promises.scheduler;
  if (typeof scheduler === "object" && scheduler !== null) {
    const prototype = Object.getPrototypeOf(scheduler) as object;
    const wait = promises.setTimeout;
    const next = promises.setImmediate;
    const onTheClock = {
      wait(delay?: number, options?: { signal?: AbortSignal }) {
        return wait(delay, undefined, options);
      },
      yield() {
        return next();
      },
    };
    replace(prototype, "wait", onTheClock.wait);
    replace(prototype, "yield", onTheClock.yield);
  }
  const copies = timers.promises;
  if (typeof copies === "object" && copies !== null && copies !== promises) {
    for (const name of ["setTimeout", "setImmediate", "setInterval"] as const) {
      if (Object.hasOwn(copies, name)) replace(copies, name, promises[name]);
    }
  }
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
    // A last line written without its newline belongs to this run.
    if (options.captureConsole) flushOutput(logs);
    simulatedMs += c.now - started;
    [currentEvents, currentLogs, currentUnhandled, activeRun] = saved;
  }
}
