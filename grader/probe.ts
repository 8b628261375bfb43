/**
 * Probes: instrumented async functions that checks hand to learner code in
 * place of the simulated I/O. Each call records a {@linkcode Span} — when it
 * started, when it settled, how, and whether its signal was aborted — on the
 * clock's own timers, which learner code cannot replace.
 *
 * @module
 */
import { now, recordSpan, type Span, virtualClearTimeout, virtualSetTimeout } from "./clock.ts";

/** How a probe behaves when called. */
export interface ProbeOptions<T> {
  /** Label on the timeline (defaults to the probe's name). */
  label?: string;
  /** How long the simulated work takes, in seconds. */
  seconds: number;
  /** What it resolves with (a function is called with the call's arguments). */
  value?: T | ((...args: unknown[]) => T);
  /** Reject with this instead of resolving, after `seconds`. */
  error?: unknown;
  /** Whether an aborted signal stops the work (default true). */
  honourSignal?: boolean;
}

/** A recorded call of a probe. */
export interface ProbeCall extends Span {
  /** The arguments the learner passed. */
  args: unknown[];
  /** The signal the learner passed, if any. */
  signal: AbortSignal | undefined;
}

/** An instrumented async function plus what it recorded. */
export interface Probe<T> {
  /** The function to hand to learner code. */
  (...args: unknown[]): Promise<T>;
  /** Every call, in call order: a frozen copy taken when read, so the code
   * the probe is handed to cannot rewrite what it recorded. */
  readonly calls: readonly Readonly<ProbeCall>[];
}

function findSignal(args: unknown[]): AbortSignal | undefined {
  for (const a of args) if (a instanceof AbortSignal) return a;
  return undefined;
}

/**
 * Makes a probe: an async function that waits `seconds` of virtual time, then
 * resolves with `value` (or rejects with `error`), rejecting early with the
 * signal's reason if an `AbortSignal` among its arguments is aborted.
 *
 * @example A probe records when it ran
 * ```ts
 * import { probe } from "./probe.ts";
 * import { runInVirtualTime } from "./clock.ts";
 * import assert from "node:assert/strict";
 * const users = probe("users", { seconds: 2, value: ["alice"] });
 * const run = await runInVirtualTime(() => users());
 * assert.deepEqual(run.value, ["alice"]);
 * assert.equal(users.calls[0].end, 2000);
 * ```
 */
export function probe<T>(name: string, options: ProbeOptions<T>): Probe<T> {
  const calls: ProbeCall[] = [];
  const fn = (...args: unknown[]): Promise<T> => {
    const signal = findSignal(args);
    const call: ProbeCall = {
      label: options.label ?? name,
      start: now(),
      end: null,
      outcome: "pending",
      aborted: false,
      abortedAt: null,
      args,
      signal,
    };
    calls.push(call);
    recordSpan(call);
    return new Promise<T>((resolve, reject) => {
      let onAbort: (() => void) | undefined;
      const settle = (outcome: Span["outcome"]) => {
        call.end = now();
        call.outcome = outcome;
        if (onAbort) signal?.removeEventListener("abort", onAbort);
      };
      const markAborted = () => {
        if (!call.aborted) {
          call.aborted = true;
          call.abortedAt = now();
        }
      };
      if (signal?.aborted) {
        markAborted();
        if (options.honourSignal !== false) {
          settle(isTimeout(signal.reason) ? "timeout" : "aborted");
          reject(signal.reason);
          return;
        }
      }
      const id = virtualSetTimeout(() => {
        if (options.error !== undefined) {
          settle("error");
          reject(options.error);
        } else {
          settle("ok");
          const v = options.value;
          resolve(typeof v === "function" ? (v as (...a: unknown[]) => T)(...args) : v as T);
        }
      }, Math.round(options.seconds * 1000));
      if (signal) {
        onAbort = () => {
          markAborted();
          if (options.honourSignal === false) return;
          virtualClearTimeout(id);
          settle(isTimeout(signal.reason) ? "timeout" : "aborted");
          reject(signal.reason);
        };
        signal.addEventListener("abort", onAbort, { once: true });
      }
    });
  };
  // Learner code holds this function: it must not be able to rewrite the
  // records (`calls[0].start = 0`) or swap them for its own.
  Object.defineProperty(fn, "calls", {
    get: () => calls.map((c) => Object.freeze({ ...c, args: Object.freeze([...c.args]) })),
    enumerable: true,
  });
  return Object.freeze(fn) as unknown as Probe<T>;
}

/** Whether `reason` is a `TimeoutError` (a `DOMException` or any error so named). */
export function isTimeout(reason: unknown): boolean {
  return typeof reason === "object" && reason !== null &&
    (reason as { name?: unknown }).name === "TimeoutError";
}
