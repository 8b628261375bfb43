/**
 * # Exercise 5 — A service monitor you could run in production
 *
 * Write a command-line tool that checks whether five services answer. Each
 * check is simulated by a wait (`seconds`); a service that does not answer
 * within the timeout (2 s by default) is **offline**:
 *
 * | service        | answers after          |
 * | -------------- | ---------------------- |
 * | `database`     | 0.3 s                  |
 * | `Redis cache`  | 0.1 s                  |
 * | `external API` | 3.5 s (times out)      |
 * | `mail server`  | 0.8 s                  |
 * | `CDN`          | 1.5 s                  |
 *
 * 1. Write `probe(service, signal)`: wait `service.seconds` without blocking,
 *    then resolve. If `signal` is aborted first, stop at once: clear the timer
 *    and reject with `signal.reason`.
 * 2. Write `checkAll(services, options)`:
 *    - start every check at the same time;
 *    - give each one `options.timeoutMs` (default 2000): past it, abort that
 *      probe's signal and mark the service `offline` with `reason: "timeout"`
 *      (`AbortSignal.timeout(ms)` is one way; `setTimeout` + `AbortController`
 *      another — then clear your timer whether the probe answers or fails);
 *    - a probe that fails with an error marks its service `offline` with
 *      `reason: "error"` and `error: <its message>`; the other checks go on;
 *    - call `options.onResult(result)` once per service, **the moment** its
 *      verdict is known, not when all of them are;
 *    - resolve with every `CheckResult`: `name`, `status`, `seconds` (how long
 *      that check took, measured with `performance.now()` from its own start —
 *      `checkAll` may be called more than once), and `reason` / `error` when
 *      offline;
 *    - leave no timer pending when it resolves, whatever happened.
 *    Use `options.probe` when it is given (the grader passes its own).
 * 3. Write `main(args)`, the command line, and return its exit code:
 *    - `--timeout SECONDS` (default 2; decimals count: `--timeout 1.25`),
 *      `--json`, `--help`;
 *    - one line per service as soon as its verdict is known, with its name,
 *      whether it is online or offline (in words or symbols: not only in
 *      colour) and how long its check took; then a summary: how many online,
 *      how many offline (even 0), and the total time;
 *    - `--json` prints, instead, one JSON document and nothing else, holding
 *      every result (`name`, `status`, `seconds`…), for scripts and machines;
 *    - `--help` prints the usage (the options) and returns 0; an unknown
 *      option, an unexpected argument or a bad `--timeout` (missing, not a
 *      number — `Number("soon")` is `NaN` —, zero or negative) prints an error
 *      and the usage and returns 2, before checking anything;
 *    - exit code 0 when every service is online, 1 when any is offline
 *      (however many), 2 for a usage error;
 *    - colours are welcome, but only when allowed: never when `NO_COLOR` is
 *      set (read `Deno.noColor`: it needs no permission) or when the output
 *      is not a terminal (`Deno.stdout.isTerminal()`).
 *
 * Use `node:util`'s `parseArgs` for the options. `main` must not call
 * `Deno.exit` itself: the last line of the file does, with the code `main`
 * returns.
 *
 * Run it: `deno run exercises/05_check_services.ts --help` (then `--json`,
 * `--timeout 4`) · grade it: `deno task grade 5` · stuck? `deno task hint 5`
 *
 * @module
 */

/** A service to check and how long it takes to answer, in seconds. */
export interface Service {
  name: string;
  seconds: number;
}

/** The verdict on one service. */
export interface CheckResult {
  name: string;
  status: "online" | "offline";
  /** How long the check of this service took, in seconds. */
  seconds: number;
  /** Why it is offline. */
  reason?: "timeout" | "error";
  /** The error's message, when `reason` is `error`. */
  error?: string;
}

/** What {@linkcode checkAll} accepts besides the services. */
export interface CheckOptions {
  /** Time each service has to answer, in milliseconds (default 2000). */
  timeoutMs?: number;
  /** Checks one service (default {@linkcode probe}). */
  probe?: (service: Service, signal?: AbortSignal) => Promise<void>;
  /** Called with each verdict the moment it is known. */
  onResult?: (result: CheckResult) => void;
}

/** The services to monitor. */
export const SERVICES: readonly Service[] = [
  { name: "database", seconds: 0.3 },
  { name: "Redis cache", seconds: 0.1 },
  { name: "external API", seconds: 3.5 },
  { name: "mail server", seconds: 0.8 },
  { name: "CDN", seconds: 1.5 },
];

/** Waits `service.seconds`, then resolves; rejects with `signal.reason` as soon as `signal` aborts. */
export function probe(service: Service, signal?: AbortSignal): Promise<void> {
  // TODO: a timer of service.seconds; on abort, clear it and reject with signal.reason
  throw new Error("TODO: probe()", { cause: { service, signal } });
}

/** Checks every service at once, each within its timeout, reporting each verdict as soon as it is known. */
export function checkAll(
  services: readonly Service[] = SERVICES,
  options: CheckOptions = {},
): Promise<CheckResult[]> {
  // TODO: start one check per service, each with its own timeout and signal; call onResult
  // as each one ends; resolve with all the results
  throw new Error("TODO: checkAll()", { cause: { services, options } });
}

/** The command line: parses `args`, checks the services, prints, and returns the exit code. */
export function main(args: string[] = []): Promise<number> {
  // TODO: parseArgs (--timeout, --json, --help), print a line per service as it is known,
  // then a summary (or one JSON document); return 0, 1 or 2
  throw new Error("TODO: main()", { cause: { args } });
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
