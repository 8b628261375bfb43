/**
 * # Exercise 3 — A deadline on each call, like asyncio.wait_for
 *
 * You query four servers. Some answer quickly, one is slow, one takes far
 * too long:
 *
 * | server     | answers after |
 * | ---------- | ------------- |
 * | `server_A` | 0.5 s         |
 * | `server_B` | 2.0 s         |
 * | `server_C` | 5.0 s (too slow) |
 * | `server_D` | 1.2 s         |
 *
 * Nobody should wait more than 2 seconds for any of them. Python has
 * `asyncio.wait_for(coro, timeout)`; here you write its TypeScript
 * counterpart, built on `AbortSignal`, the standard way to cancel work.
 *
 * 1. `query(name, seconds, signal?)`: simulate the call — wait `seconds`
 *    without blocking, then resolve with a short, non-empty answer string.
 *    If `signal` is aborted (or already is), stop at once: clear your timer
 *    and reject with `signal.reason`.
 * 2. `withTimeout(work, ms)`: call `work(signal)` with a signal of your own
 *    (a new one at each call) and settle like it — unless `ms` milliseconds
 *    pass first. Then reject with an error named `"TimeoutError"`
 *    (`new DOMException("…", "TimeoutError")`) exactly at `ms`, and abort
 *    the signal so the work stops. The result is a `TimeoutError` even if
 *    the work ignores its signal, and even if the work, once aborted, rejects
 *    with an error of its own (an `AbortError`, as `node:timers/promises`
 *    does). An `AbortError` means "aborted" (`controller.abort()` with no
 *    reason makes one); a `TimeoutError` means "aborted because time ran
 *    out" (`controller.abort(new DOMException("…", "TimeoutError"))` or
 *    `AbortSignal.timeout(ms)` make one). When the work finishes first,
 *    resolve with its value, or reject with its own error, unchanged (the
 *    same object), and clear your timer: nothing of yours may stay pending,
 *    on any path.
 * 3. `queryAll(servers = SERVERS, { timeoutMs = 2000, query, log })`: query
 *    every server at the same time, once each, with its name and its
 *    seconds, each under its own deadline. When a server misses it, warn
 *    through `log` (console by default) right then, naming the server, and
 *    carry on with the others. A query that fails with an error of its own
 *    did not time out: let that error reject `queryAll`. Return
 *    `{ responded, timedOut, seconds }`: the names in each group and the
 *    time this call took, measured with `performance.now()` from the moment
 *    `queryAll` is called, in seconds.
 * 4. `main()`: run `queryAll()`, then print a summary: the name of every
 *    server, in its group (responded or timed out), and how long it took
 *    (`report.seconds`, in any format).
 *
 * Expected: about 2.0 s in all; server_C times out; server_B answers right
 * at the deadline — either verdict is fine, as long as your report says what
 * really happened.
 *
 * Run it: `deno run exercises/03_timeouts.ts` · grade it: `deno task grade 3`
 * · stuck? `deno task hint 3`
 *
 * @module
 */

/** The servers and how long each takes to answer, in seconds. */
export const SERVERS: Readonly<Record<string, number>> = Object.freeze({
  server_A: 0.5,
  server_B: 2.0,
  server_C: 5.0, // too slow
  server_D: 1.2,
});

/** What `queryAll` returns. */
export interface QueryReport {
  /** Servers that answered in time. */
  responded: string[];
  /** Servers that missed their deadline. */
  timedOut: string[];
  /** Total time measured with `performance.now()`, in seconds. */
  seconds: number;
}

/** Answers after `seconds`, or rejects with `signal.reason` as soon as `signal` aborts. */
export function query(
  name: string,
  seconds: number,
  signal?: AbortSignal,
): Promise<string> {
  // TODO: a promise around setTimeout that also listens to the signal's "abort" event
  throw new Error("TODO: query()", { cause: { name, seconds, signal } });
}

/** Settles like `work(signal)`, or rejects with a TimeoutError after `ms`, aborting the work. */
export function withTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
): Promise<T> {
  // TODO: race the work against a timer; abort the loser; clear your timer
  throw new Error("TODO: withTimeout()", { cause: { work, ms } });
}

/** Queries every server at once, each with its own deadline, and reports who answered. */
export function queryAll(
  servers: Readonly<Record<string, number>> = SERVERS,
  options: {
    timeoutMs?: number;
    query?: (name: string, seconds: number, signal?: AbortSignal) => Promise<string>;
    log?: (line: string) => void;
  } = {},
): Promise<QueryReport> {
  // TODO: one withTimeout per server, all started together; warn through log on a timeout
  throw new Error("TODO: queryAll()", { cause: { servers, options } });
}

/** Queries the four servers and prints who responded and who timed out. */
export function main(): Promise<void> {
  // TODO: run queryAll() and print a summary
  throw new Error("TODO: main()");
}

if (import.meta.main) {
  await main();
}
