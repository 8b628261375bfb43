/**
 * Checks of exercise 5 (`05_check_services.ts`): `checkAll`, observed through
 * probes in place of the services, and the command line `main(args)`,
 * observed through its exit code, virtual time, the instants of its printed
 * lines and the figures they hold (never their wording: only the service
 * names, numbers and the JSON's structure are read).
 *
 * Durations and timeouts are drawn at millisecond resolution from the seed
 * (off any 100 ms grid); each function is called after a random delay, and
 * `checkAll` twice in a row, so a start time taken once per module shows.
 * Each check judges one thing and computes what it expects from what the
 * learner's code actually did (e.g. a verdict is due when that probe ended),
 * so one mistake fails one check; `dependsOn` names the checks whose failure
 * explains another's.
 *
 * @module
 */
import {
  type CheckContext,
  containsPromise,
  defineChecks,
  describeError,
  type TimelineMark,
} from "../../check.ts";
import { type LogLine, now } from "../../clock.ts";
import { joinTexts, type LocalText } from "../../i18n/mod.ts";
import type { Probe, ProbeCall } from "../../probe.ts";
import { EPS, near, sameData, show as showValue, wait } from "../../toolkit.ts";
import { msg } from "./messages.ts";

interface Service {
  name: string;
  seconds: number;
}
interface CheckResult {
  name: string;
  status: "online" | "offline";
  seconds: number;
  reason?: "timeout" | "error";
  error?: string;
}
type CheckAll = (services?: readonly Service[], options?: {
  timeoutMs?: number;
  probe?: (service: Service, signal?: AbortSignal) => Promise<void>;
  onResult?: (result: CheckResult) => void;
}) => Promise<CheckResult[]>;
type Main = (args?: string[]) => Promise<number>;

/** A learner value as text, cut at 300 characters. */
const show = (value: unknown) => showValue(value, 300);
const int = (ctx: CheckContext, lo: number, hi: number) =>
  lo + Math.floor(ctx.random() * (hi - lo + 1));

/** An own data property of a learner value, read without running a getter. */
function field(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null) return undefined;
  const d = Object.getOwnPropertyDescriptor(value, key);
  return d !== undefined && "value" in d ? d.value : undefined;
}

/** The statement's services, as the CLI must use them. */
const STATEMENT: readonly Service[] = [
  { name: "database", seconds: 0.3 },
  { name: "Redis cache", seconds: 0.1 },
  { name: "external API", seconds: 3.5 },
  { name: "mail server", seconds: 0.8 },
  { name: "CDN", seconds: 1.5 },
];
const NAMES = STATEMENT.map((s) => s.name);

const WORDS = [
  "billing",
  "search",
  "queue",
  "auth",
  "storage",
  "metrics",
  "mailer",
  "images",
  "ledger",
];

/** What one onResult call received, copied when it was called. */
interface Reported {
  at: number;
  name: unknown;
  status: unknown;
  reason: unknown;
}

interface Rig {
  services: Service[];
  timeoutMs: number;
  probes: Map<string, Probe<void>>;
  probe: (service: Service, signal?: AbortSignal) => Promise<void>;
  reported: Reported[];
  onResult: (result: CheckResult) => void;
  /** Services whose probe rejects, with the message. */
  errors: Map<string, string>;
}

/**
 * Random services around a random timeout, durations at millisecond
 * resolution: some answer in time, some do not (never within 10 ms of the
 * deadline), and `failing` of those in time reject, at random places among
 * the others.
 */
function rig(
  ctx: CheckContext,
  options: { fast?: number; slow?: number; failing?: number; timeoutMs?: number } = {},
): Rig {
  const { fast = 3, slow = 2, failing = 0 } = options;
  const timeoutMs = options.timeoutMs ?? int(ctx, 1000, 2500);
  const used: number[] = [];
  const pick = (lo: number, hi: number) => {
    for (let i = 0; i < 200; i++) {
      const ms = int(ctx, lo, hi);
      if (used.every((u) => Math.abs(u - ms) >= 5) && Math.abs(ms - timeoutMs) > 10) {
        used.push(ms);
        return ms;
      }
    }
    throw new RangeError("Cannot pick a duration: range exhausted");
  };
  const words = [...WORDS].sort(() => ctx.random() - 0.5);
  const durations = [
    ...Array.from({ length: fast + failing }, () => pick(30, timeoutMs - 15)),
    ...Array.from({ length: slow }, () => pick(timeoutMs + 15, timeoutMs + 2500)),
  ];
  const services = durations.map((ms, i) => ({
    name: `${words[i]}-${int(ctx, 10, 99)}`,
    seconds: ms / 1000,
  }))
    .sort(() => ctx.random() - 0.5);
  const errors = new Map<string, string>();
  // The failing ones are among those that answer in time, anywhere in that order.
  const inTime = services.filter((s) => s.seconds * 1000 < timeoutMs)
    .sort(() => ctx.random() - 0.5);
  for (const s of inTime.slice(0, failing)) {
    errors.set(s.name, `connection refused by ${s.name} (code ${int(ctx, 100, 999)})`);
  }
  const probes = new Map(services.map((s) => [
    s.name,
    ctx.probe<void>(s.name, {
      seconds: s.seconds,
      error: errors.has(s.name) ? new Error(errors.get(s.name)) : undefined,
    }),
  ]));
  const reported: Reported[] = [];
  return {
    services,
    timeoutMs,
    probes,
    errors,
    reported,
    probe: (service: Service, signal?: AbortSignal) => {
      const p = probes.get(String(field(service, "name") ?? ""));
      return p ? p(service, signal) : Promise.reject(
        new TypeError(
          `Cannot probe ${show(service)}: expected one of the services given to checkAll`,
        ),
      );
    },
    onResult: (result: CheckResult) =>
      reported.push({
        at: now(),
        name: field(result, "name"),
        status: field(result, "status"),
        reason: field(result, "reason"),
      }),
  };
}

const callOf = (r: Rig, name: string): ProbeCall | undefined => r.probes.get(name)!.calls[0];
const isSlow = (r: Rig, s: Service) => s.seconds * 1000 > r.timeoutMs;

/** When the verdict on `name` is due: its probe's end, or its deadline if that came first. */
function dueAt(r: Rig, name: string): number {
  const c = callOf(r, name)!;
  return Math.min(c.end ?? Infinity, c.start + r.timeoutMs);
}

/** The verdict a service deserves. */
function verdictOf(r: Rig, s: Service): "online" | "timeout" | "error" {
  return isSlow(r, s) ? "timeout" : r.errors.has(s.name) ? "error" : "online";
}

/**
 * Runs checkAll on a rig after a random delay (so its start is not t=0);
 * `calledAt` is the instant it was called.
 */
async function runCheckAll(ctx: CheckContext, r: Rig, withTimeout = true) {
  const checkAll = ctx.fn<CheckAll>("checkAll");
  const options: Parameters<CheckAll>[1] = { probe: r.probe, onResult: r.onResult };
  if (withTimeout) options.timeoutMs = r.timeoutMs;
  const name = withTimeout
    ? `checkAll(services, { timeoutMs: ${r.timeoutMs}, probe, onResult })`
    : "checkAll(services, { probe, onResult })";
  const delay = int(ctx, 1, 900);
  const run = await ctx.settle(name, async () => {
    await wait(delay);
    return await checkAll(r.services, options);
  });
  return { ...run, calledAt: delay };
}

/** Fails unless every service was probed exactly once. */
function probedOnce(ctx: CheckContext, r: Rig): void {
  for (const s of r.services) {
    const n = r.probes.get(s.name)!.calls.length;
    if (n !== 1) {
      ctx.fail(msg("probedOnceFail", { sName: s.name, n }));
    }
  }
}

/** The learner's result for `name`, or a failure saying what is wrong. */
function resultOf(ctx: CheckContext, results: unknown, name: string): Record<string, unknown> {
  if (!Array.isArray(results)) {
    ctx.fail(msg("resultOfFail", { results: show(results) }));
  }
  const found = (results as unknown[]).filter((x) => field(x, "name") === name);
  if (found.length !== 1) {
    ctx.fail(msg("resultOfFail2", { foundLength: found.length, name: show(name) }));
  }
  const x = found[0];
  return {
    name,
    status: field(x, "status"),
    seconds: field(x, "seconds"),
    reason: field(x, "reason"),
    error: field(x, "error"),
  };
}

/** A result's verdict in the code's own words. */
const described = (got: Record<string, unknown>) =>
  show(Object.fromEntries(Object.entries(got).filter(([, v]) => v !== undefined)));

/** Output lines, colours removed. */
// deno-lint-ignore no-control-regex
const plain = (line: LogLine) => line.text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
/** Lines meant for standard output (not the warnings and errors of stderr). */
const stdoutLines = (logs: readonly LogLine[]) =>
  logs.filter((l) => l.level !== "warn" && l.level !== "error");

/** The numbers a text holds, a decimal comma read as a point (`2,5 s`). */
function figures(text: string): number[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => Number(m[0].replace(",", ".")));
}

/** Whether `text` holds `seconds` as seconds (within rounding to the tenth) or milliseconds. */
function holdsSeconds(text: string, seconds: number): boolean {
  return figures(text).some((x) =>
    Math.abs(x - seconds) <= 0.051 || Math.abs(x - seconds * 1000) <= 1.5
  );
}

/** How a run of main behaves at the terminal: what the check pretends. */
interface Terminal {
  /** Standard output is a terminal (`Deno.stdout.isTerminal()`, `process.stdout.isTTY`). */
  terminal?: boolean;
  /** NO_COLOR is not set (`Deno.noColor`, `Deno.env.get`, `process.env`). */
  colourAllowed?: boolean;
}

/**
 * Runs `fn` while standard output looks like a terminal, or NO_COLOR looks
 * unset, as the documented ways of asking say; restores them after. (The
 * sandbox really writes to a pipe with NO_COLOR set: a way of asking that is
 * not faked answers "no colour", which every check here accepts.)
 */
async function pretending<T>(as: Terminal, fn: () => Promise<T>): Promise<T> {
  const undo: (() => void)[] = [];
  const patch = (target: object, key: string, desc: PropertyDescriptor) => {
    const old = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { ...desc, configurable: true });
    undo.push(() => {
      if (old) Object.defineProperty(target, key, old);
      else delete (target as Record<string, unknown>)[key];
    });
  };
  // Node's process.stdout is made on first use, as a terminal stream if Deno.stdout is a
  // terminal then: make it before pretending, so that it stays the pipe it is.
  const { default: process } = await import("node:process");
  const stdout = process.stdout;
  try {
    if (as.terminal) {
      patch(Deno.stdout, "isTerminal", { value: () => true, writable: true });
      patch(stdout, "isTTY", { value: true, writable: true });
    }
    if (as.colourAllowed) {
      patch(Deno, "noColor", { get: () => false });
      const get = Deno.env.get.bind(Deno.env), has = Deno.env.has.bind(Deno.env);
      patch(Deno.env, "get", { value: (k: string) => k === "NO_COLOR" ? undefined : get(k) });
      patch(Deno.env, "has", { value: (k: string) => k === "NO_COLOR" ? false : has(k) });
    }
    return await fn();
  } finally {
    for (const u of undo.reverse()) u();
  }
}

/**
 * Runs main(args) after a random delay (`calledAt`); a failure that only a
 * missing permission explains is named as such, the rest is diagnosed by
 * `settle` (a forgotten await, a deadlock, an error…).
 */
async function runMain(ctx: CheckContext, args: string[] | undefined, as: Terminal = {}) {
  const main = ctx.fn<Main>("main");
  const name = args === undefined ? "main()" : `main(${show(args)})`;
  const delay = int(ctx, 1, 900);
  const call = async () => {
    await wait(delay);
    return await main(args);
  };
  const first = await pretending(as, () => ctx.run(call));
  if (
    first.status === "error" &&
    /env access|NotCapable|PermissionDenied/.test(describeError(first.error))
  ) {
    ctx.fail(msg("runMainFail", { name, firstError: describeError(first.error) }), {
      actual: describeError(first.error),
    });
  }
  const clean = first.status === "ok" && first.unhandled.length === 0 &&
    !containsPromise(first.value);
  const run = clean ? first : await pretending(as, () => ctx.settle(name, call));
  return { ...run, value: run.value as number, calledAt: delay };
}

/**
 * Finds the services anywhere in a JSON value: an array of `{ name, status }` objects, or an
 * object keyed by the five services' names whose values are a status or `{ status, … }`.
 */
function findServices(
  value: unknown,
  depth = 3,
): { name?: unknown; status?: unknown; seconds?: unknown }[] | undefined {
  if (
    Array.isArray(value) && value.length > 0 &&
    value.every((x) => typeof x === "object" && x && "name" in x && "status" in x)
  ) {
    return value;
  }
  if (depth === 0 || typeof value !== "object" || value === null) return undefined;
  const byName = value as Record<string, unknown>;
  if (!Array.isArray(value) && NAMES.every((n) => Object.hasOwn(byName, n))) {
    const entries = NAMES.map((n) => {
      const v = byName[n];
      return typeof v === "object" && v !== null && "status" in v
        ? { ...v, name: n, status: (v as { status: unknown }).status }
        : { name: n, status: v };
    });
    if (entries.every((e) => typeof e.status === "string")) return entries;
  }
  for (const v of Object.values(value)) {
    const found = findServices(v, depth - 1);
    if (found) return found;
  }
  return undefined;
}

/** A --timeout in seconds, at millisecond resolution, that leaves `offline` services offline. */
function timeoutFor(ctx: CheckContext, offline: number): number {
  // The statement's services, slowest first: 3.5, 1.5, 0.8, 0.3, 0.1 s.
  const bounds = [5000, 3500, 1500, 800, 300, 100, 0];
  const hi = bounds[offline], lo = bounds[offline + 1];
  return int(ctx, lo + 10, hi - 10) / 1000;
}

/** How long each statement service's check takes with a timeout, in seconds. */
const checkTimes = (timeout: number) => STATEMENT.map((s) => Math.min(s.seconds, timeout));

const onResultMarks = (r: Rig): TimelineMark[] =>
  r.reported.map((x) => ({ at: x.at, label: `onResult(${String(x.name)})`, kind: "call" }));

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3")],
  checks: [
    {
      id: "probes-start-together",
      points: 2,
      title: msg("probesStartTogetherTitle"),
      hint: msg("probesStartTogetherHint"),
      lesson: "08_toolbox#promise-all",
      async run(ctx) {
        // More services than a pool of workers would run at once.
        const r = rig(ctx, { fast: 4, slow: 3 });
        const run = await runCheckAll(ctx, r);
        probedOnce(ctx, r);
        const calls = r.services.map((s) => ({ name: s.name, call: callOf(r, s.name)! }))
          .sort((a, b) => a.call.start - b.call.start);
        const late = calls.find((c) => !near(c.call.start, run.calledAt));
        if (late) {
          // One after another: each probe starts when the one before it ended.
          const sequential = calls.every((c, k) =>
            k === 0 ||
            (calls[k - 1].call.end !== null && near(c.call.start, calls[k - 1].call.end!))
          );
          const waited = calls.find((c) =>
            c !== late && c.call.end !== null && near(late.call.start, c.call.end)
          );
          ctx.fail(
            msg("probesStartTogetherFail", {
              lateName: late.name,
              at: ctx.sec(late.call.start, 3),
              calledAt: ctx.sec(run.calledAt, 3),
              sequential,
              waitedFor: waited?.name ?? "",
              started: calls.filter((c) => near(c.call.start, run.calledAt)).length,
              total: calls.length,
            }),
            {
              expected: msg("probesStartTogetherExpected", { at: ctx.sec(run.calledAt, 3) }),
              actual: joinTexts(
                calls.map((c) => msg("pair", { name: c.name, at: ctx.sec(c.call.start, 3) })),
                msg("listSeparator"),
              ),
              marks: [{ at: run.calledAt, label: "checkAll()", kind: "expected" }],
            },
          );
        }
      },
    },
    {
      id: "results-reported-at-once",
      points: 2,
      title: msg("resultsReportedAtOnceTitle"),
      hint: msg("resultsReportedAtOnceHint"),
      lesson: "08_toolbox#as-completed",
      dependsOn: ["probes-start-together", "error-offline"],
      async run(ctx) {
        const r = rig(ctx, { fast: 2, slow: 2, failing: 1 });
        const run = await runCheckAll(ctx, r);
        probedOnce(ctx, r);
        const marks = onResultMarks(r);
        const deadline = {
          at: run.calledAt + r.timeoutMs,
          label: "timeoutMs",
          kind: "deadline",
        } as const;
        for (const s of r.services) {
          const got = r.reported.filter((x) => x.name === s.name);
          if (got.length !== 1) {
            ctx.fail(
              msg("resultsReportedAtOnceFail", {
                gotLength: got.length,
                sName: s.name,
                gotLength2: got.length > 1,
              }),
              { expected: "1", actual: String(got.length), marks: [...marks, deadline] },
            );
          }
          const want = verdictOf(r, s) === "online" ? "online" : "offline";
          if (got[0].status !== want) {
            ctx.fail(
              msg("resultsReportedAtOnceFail4", { sName: s.name, got: show(got[0].status), want }),
              { expected: want, actual: show(got[0].status), marks: [...marks, deadline] },
            );
          }
        }
        const rows = r.services.map((s) => ({
          name: s.name,
          due: dueAt(r, s.name),
          at: r.reported.find((x) => x.name === s.name)!.at,
        })).sort((a, b) => a.due - b.due);
        const wrong = rows.find((x) => !near(x.at, x.due));
        if (wrong) {
          const batched = rows.every((x) => near(x.at, run.elapsedMs));
          ctx.fail(
            batched
              ? msg("resultsReportedAtOnceFail2", { runElapsedMs: ctx.sec(run.elapsedMs, 3) })
              : msg("resultsReportedAtOnceFail3", {
                wrongName: wrong.name,
                wrongAt: ctx.sec(wrong.at, 3),
                wrongDue: ctx.sec(wrong.due, 3),
              }),
            {
              expected: joinTexts(
                rows.map((x) => msg("pair", { name: x.name, at: ctx.sec(x.due, 3) })),
                msg("listSeparator"),
              ),
              actual: joinTexts(
                rows.map((x) => msg("pair", { name: x.name, at: ctx.sec(x.at, 3) })),
                msg("listSeparator"),
              ),
              marks: [
                ...marks,
                deadline,
                ...rows.map((x) => ({ at: x.due, label: x.name, kind: "expected" as const })),
              ],
            },
          );
        }
      },
    },
    {
      id: "timeout-offline",
      points: 2,
      title: msg("timeoutOfflineTitle"),
      hint: msg("timeoutOfflineHint"),
      lesson: "08_toolbox#racing-a-timer",
      async run(ctx) {
        const cases: [Rig, boolean][] = [
          [rig(ctx), true],
          [rig(ctx, { fast: 2, slow: 2, timeoutMs: 2000 }), false],
        ];
        for (const [r, withTimeout] of cases) {
          const run = await runCheckAll(ctx, r, withTimeout);
          const limit = ctx.sec(r.timeoutMs, 3);
          for (const s of r.services) {
            const got = resultOf(ctx, run.value, s.name);
            const slow = isSlow(r, s);
            const ok = slow
              ? got.status === "offline" && got.reason === "timeout"
              : got.status === "online";
            if (!ok) {
              const what = described({ status: got.status, reason: got.reason });
              ctx.fail(
                msg("timeoutOfflineFail", {
                  sName: s.name,
                  sSeconds: ctx.sec(s.seconds * 1000, 3),
                  limit,
                  withTimeout,
                  what,
                  slow,
                  slow2: slow && got.reason === "error",
                }),
                {
                  expected: slow
                    ? '{"status":"offline","reason":"timeout"}'
                    : '{"status":"online"}',
                  actual: what,
                  marks: [{ at: run.calledAt + r.timeoutMs, label: "timeoutMs", kind: "deadline" }],
                },
              );
            }
          }
        }
      },
    },
    {
      id: "timeout-aborts-probe",
      points: 1,
      title: msg("timeoutAbortsProbeTitle"),
      hint: msg("timeoutAbortsProbeHint"),
      lesson: "08_toolbox#racing-a-timer",
      async run(ctx) {
        const r = rig(ctx, { fast: 2, slow: 3 });
        await runCheckAll(ctx, r);
        probedOnce(ctx, r);
        for (const s of r.services.filter((s) => isSlow(r, s))) {
          const c = callOf(r, s.name)!;
          const due = c.start + r.timeoutMs;
          if (!c.signal || !c.aborted || !near(c.abortedAt!, due)) {
            ctx.fail(
              msg("timeoutAbortsProbeFail", {
                cSignal: !c.signal,
                sName: s.name,
                cAborted: c.aborted,
                abortedAt: ctx.sec(c.abortedAt ?? 0, 3),
                due: ctx.sec(due, 3),
              }),
              {
                expected: ctx.sec(due, 3),
                actual: c.aborted ? ctx.sec(c.abortedAt!, 3) : msg("timeoutAbortsProbeActual"),
                marks: [{ at: due, label: "timeoutMs", kind: "deadline" }],
              },
            );
          }
        }
      },
    },
    {
      id: "no-timer-left",
      points: 1,
      title: msg("noTimerLeftTitle"),
      hint: msg("noTimerLeftHint"),
      lesson: "08_toolbox#clearing-timers",
      dependsOn: ["error-offline"],
      async run(ctx) {
        // Every path: some time out, all answer in time, one fails.
        const paths: [Rig, LocalText][] = [
          [rig(ctx, { fast: 2, slow: 2 }), msg("pathTimeouts")],
          [rig(ctx, { fast: 3, slow: 0 }), msg("pathInTime")],
          [rig(ctx, { fast: 2, slow: 0, failing: 1 }), msg("pathError")],
        ];
        for (const [r, path] of paths) {
          const done = await runCheckAll(ctx, r);
          // A probe still running (not aborted) owns its timer; the rest are the code's own.
          const running = [...r.probes.values()].filter((p) => p.calls.some((c) => c.end === null))
            .length;
          const pending = done.pendingTimers - running;
          if (pending > 0) {
            ctx.fail(
              msg("noTimerLeftFail", { at: ctx.sec(done.elapsedMs, 3), pending, path }),
              {
                expected: "0",
                actual: String(pending),
                marks: [{ at: done.elapsedMs, label: "checkAll() →", kind: "call" }],
              },
            );
          }
        }
      },
    },
    {
      id: "error-offline",
      points: 2,
      title: msg("errorOfflineTitle"),
      hint: msg("errorOfflineHint"),
      lesson: "09_many_errors#every-outcome",
      async run(ctx) {
        const r = rig(ctx, { fast: 2, slow: 1, failing: 2 });
        const checkAll = ctx.fn<CheckAll>("checkAll");
        const run = await ctx.run(() =>
          checkAll(r.services, { timeoutMs: r.timeoutMs, probe: r.probe, onResult: r.onResult })
        );
        const [failing, message] = [...r.errors].sort((a, b) => dueAt(r, a[0]) - dueAt(r, b[0]))[0];
        if (run.status !== "ok") {
          ctx.fail(
            msg("errorOfflineFail", {
              failing,
              message,
              runStatus: run.status === "error",
              runError: describeError(run.error),
              runStatus2: run.status,
            }),
            {
              expected: msg("errorOfflineExpected"),
              actual: run.status,
            },
          );
        }
        for (const s of r.services) {
          const got = resultOf(ctx, run.value, s.name);
          const verdict = verdictOf(r, s);
          if (verdict === "error") {
            const m = r.errors.get(s.name)!;
            if (
              got.status !== "offline" || got.reason !== "error" ||
              typeof got.error !== "string" || !got.error.includes(m)
            ) {
              ctx.fail(
                msg("errorOfflineFail2", { sName: s.name, message: m, got: described(got) }),
                {
                  expected: show({ status: "offline", reason: "error", error: m }),
                  actual: described(got),
                },
              );
            }
          } else if (got.status !== (verdict === "online" ? "online" : "offline")) {
            ctx.fail(msg("errorOfflineFail3", { sName: s.name, got: described(got) }), {
              expected: verdict === "online" ? "online" : "offline",
              actual: described(got),
            });
          }
        }
      },
    },
    {
      id: "results-seconds",
      points: 1,
      title: msg("resultsSecondsTitle"),
      hint: msg("resultsSecondsHint"),
      lesson: "08_toolbox#promise-all",
      dependsOn: ["probes-start-together", "results-reported-at-once", "error-offline"],
      async run(ctx) {
        // Twice in a row, each after a delay: every call measures its own checks.
        const rigs = [
          rig(ctx, { fast: 2, slow: 2, failing: 1 }),
          rig(ctx, { fast: 3, slow: 1, failing: 1 }),
        ];
        const checkAll = ctx.fn<CheckAll>("checkAll");
        const delays = [int(ctx, 1, 900), int(ctx, 1, 900)];
        const run = await ctx.settle("checkAll(…), then checkAll(…) again", async () => {
          const out: unknown[] = [];
          for (const [i, r] of rigs.entries()) {
            await wait(delays[i]);
            out.push(await checkAll(r.services, { timeoutMs: r.timeoutMs, probe: r.probe }));
          }
          return out;
        });
        for (const [i, r] of rigs.entries()) {
          probedOnce(ctx, r);
          for (const s of r.services) {
            const got = resultOf(ctx, (run.value as unknown[])[i], s.name);
            const c = callOf(r, s.name)!;
            const want = (dueAt(r, s.name) - c.start) / 1000;
            // Rounded to the tenth is fine, as in the other exercises.
            if (typeof got.seconds !== "number" || Math.abs(got.seconds - want) > 0.051) {
              const ms = typeof got.seconds === "number" &&
                Math.abs(got.seconds - want * 1000) <= 1.5;
              ctx.fail(
                msg("resultsSecondsFail", {
                  sName: s.name,
                  gotSeconds: show(got.seconds),
                  want: ctx.sec(want * 1000, 3),
                  ms,
                  second: i === 1,
                }),
                { expected: String(want), actual: show(got.seconds) },
              );
            }
          }
        }
      },
    },
    {
      id: "simulations",
      points: 1,
      title: msg("simulationsTitle"),
      hint: msg("simulationsHint"),
      lesson: "08_toolbox#racing-a-timer",
      async run(ctx) {
        const services = ctx.get<unknown>("SERVICES");
        const pairs = (list: unknown) =>
          Array.isArray(list)
            ? list.map((s) => [field(s, "name"), field(s, "seconds")]).sort()
            : null;
        // Each service's name and duration count; order and extra fields do not.
        if (!sameData(pairs(services), pairs(STATEMENT))) {
          ctx.fail(msg("simulationsFail", { services: show(services) }), {
            expected: show(STATEMENT),
            actual: show(services),
          });
        }
        const probe = ctx.fn<(service: Service, signal?: AbortSignal) => Promise<void>>("probe");
        const service = { name: `svc-${int(ctx, 10, 99)}`, seconds: int(ctx, 500, 3000) / 1000 };
        const ran = await ctx.settle(`probe(${show(service)})`, () => probe(service));
        if (!near(ran.elapsedMs, service.seconds * 1000)) {
          ctx.fail(
            msg("simulationsFail2", {
              service: show(service),
              ranElapsedMs: ctx.sec(ran.elapsedMs, 3),
              serviceSeconds: ctx.sec(service.seconds * 1000, 3),
            }),
            { timeline: [] },
          );
        }
        const abortAt = int(ctx, 1, service.seconds * 1000 - 1);
        const reason = new DOMException("Signal timed out.", "TimeoutError");
        const controller = new AbortController();
        const aborted = await ctx.run(async () => {
          const work = probe(service, controller.signal);
          await wait(abortAt);
          controller.abort(reason);
          return await work;
        });
        if (
          aborted.status !== "error" || aborted.error !== reason ||
          !near(aborted.elapsedMs, abortAt) || aborted.pendingTimers > 0
        ) {
          ctx.fail(
            msg("simulationsFail3", {
              abortAt: ctx.sec(abortAt, 3),
              abortedStatus: aborted.status === "error",
              abortedElapsedMs: ctx.sec(aborted.elapsedMs, 3),
              abortedPendingTimers: aborted.pendingTimers,
              abortedStatus2: aborted.status === "ok",
              abortedStatus3: aborted.status,
              otherReason: aborted.status === "error" && aborted.error !== reason,
            }),
            { timeline: [] },
          );
        }
      },
    },
    {
      id: "main-timeout-flag",
      points: 1,
      title: msg("mainTimeoutFlagTitle"),
      hint: msg("mainTimeoutFlagHint"),
      lesson: "11_ecosystem#command-line-tools",
      dependsOn: ["probes-start-together", "results-reported-at-once"],
      async run(ctx) {
        // The default (main() with no argument), some offline, none offline.
        const a = timeoutFor(ctx, int(ctx, 1, 4)), b = timeoutFor(ctx, 0);
        const cases: [string[] | undefined, number][] = [
          [undefined, 2],
          [["--timeout", String(a)], a],
          [[`--timeout=${b}`], b],
        ];
        for (const [args, timeout] of cases) {
          const run = await runMain(ctx, args);
          const end = run.calledAt + Math.max(...checkTimes(timeout)) * 1000;
          if (!near(run.elapsedMs, end)) {
            const tookMs = run.elapsedMs - run.calledAt;
            ctx.fail(
              msg("mainTimeoutFlagFail", {
                args: args === undefined ? "" : show(args),
                took: ctx.sec(tookMs, 3),
                want: ctx.sec(end - run.calledAt, 3),
                tiny: tookMs < 50,
                whole: near(tookMs, Math.max(...checkTimes(Math.round(timeout))) * 1000),
              }),
              {
                expected: ctx.sec(end - run.calledAt, 3),
                actual: ctx.sec(tookMs, 3),
                marks: [{ at: end, label: "--timeout", kind: "expected" }],
              },
            );
          }
        }
      },
    },
    {
      id: "main-exit-code",
      points: 1,
      title: msg("mainExitCodeTitle"),
      hint: msg("mainExitCodeHint"),
      lesson: "11_ecosystem#command-line-tools",
      dependsOn: ["main-timeout-flag"],
      async run(ctx) {
        const rows: { args: string[]; offline: number; code: unknown }[] = [];
        for (const offline of [0, 1, 2, 3, 4, 5]) {
          const args = ["--timeout", String(timeoutFor(ctx, offline))];
          const run = await runMain(ctx, args);
          rows.push({ args, offline, code: run.value });
        }
        const wrong = rows.filter((x) => x.code !== (x.offline === 0 ? 0 : 1));
        if (wrong.length > 0) {
          const counted = rows.every((x) => x.code === x.offline);
          ctx.fail(
            msg("mainExitCodeFail", {
              wrong: joinTexts(
                wrong.map((x) =>
                  msg("exitRow", { args: show(x.args), offline: x.offline, code: show(x.code) })
                ),
                msg("listSeparator"),
              ),
              counted,
            }),
            {
              expected: rows.map((x) => (x.offline === 0 ? 0 : 1)).join(", "),
              actual: rows.map((x) => show(x.code)).join(", "),
            },
          );
        }
      },
    },
    {
      id: "main-json",
      points: 1,
      title: msg("mainJsonTitle"),
      hint: msg("mainJsonHint"),
      lesson: "11_ecosystem#command-line-tools",
      dependsOn: ["main-timeout-flag", "results-seconds"],
      async run(ctx) {
        const timeout = timeoutFor(ctx, int(ctx, 1, 4));
        const args = ["--json", "--timeout", String(timeout)];
        const run = await runMain(ctx, args);
        const out = stdoutLines(run.logs).map((l) => l.text).join("\n");
        let doc: unknown;
        try {
          doc = JSON.parse(out);
        } catch (error) {
          ctx.fail(
            msg("mainJsonFail", { error: describeError(error), out: show(out.slice(0, 120)) }),
            { expected: "JSON.stringify(…)", actual: out.slice(0, 120) },
          );
        }
        const services = findServices(doc);
        const names = services?.map((s) => s.name);
        if (!services || !sameData([...names!].sort(), [...NAMES].sort())) {
          ctx.fail(msg("mainJsonFail2", { names: show(names ?? doc) }));
        }
        const took = checkTimes(timeout);
        for (const s of services!) {
          const i = NAMES.indexOf(s.name as string);
          const want = STATEMENT[i].seconds > timeout ? "offline" : "online";
          if (s.status !== want) {
            ctx.fail(
              msg("mainJsonFail3", {
                sName: String(s.name),
                sStatus: show(s.status),
                want,
                timeout: ctx.sec(timeout * 1000, 3),
              }),
              { expected: want, actual: show(s.status) },
            );
          }
          if (typeof s.seconds !== "number" || Math.abs(s.seconds - took[i]) > 0.051) {
            ctx.fail(
              msg("mainJsonFail4", {
                sName: String(s.name),
                got: show(s.seconds),
                want: ctx.sec(took[i] * 1000, 3),
              }),
              { expected: String(took[i]), actual: show(s.seconds) },
            );
          }
        }
      },
    },
    {
      id: "main-usage",
      points: 1,
      title: msg("mainUsageTitle"),
      hint: msg("mainUsageHint"),
      lesson: "11_ecosystem#command-line-tools",
      async run(ctx) {
        const said = (logs: readonly LogLine[]) => logs.map(plain).join("\n");
        const options = ["--timeout", "--json", "--help"];
        const help = await runMain(ctx, ["--help"]);
        const helpText = said(help.logs);
        if (
          help.value !== 0 || !near(help.elapsedMs, help.calledAt) ||
          !options.every((o) => helpText.includes(o))
        ) {
          ctx.fail(
            msg("mainUsageFail", {
              helpValue: show(help.value),
              took: ctx.sec(help.elapsedMs - help.calledAt, 3),
              missing: options.filter((o) => !helpText.includes(o)).join(", "),
            }),
            { expected: "0", actual: show(help.value) },
          );
        }
        const flag = `--${["verbose", "retries", "port", "quiet"][int(ctx, 0, 3)]}`;
        const word = ["soon", "fast", "two", "1s"][int(ctx, 0, 3)];
        const negative = `--timeout=-${int(ctx, 1, 5000) / 1000}`;
        const cases = [
          [flag],
          ["--timeout", word],
          ["--timeout"],
          ["--timeout", "0"],
          [negative],
          ["--json", ["now", "all", "db"][int(ctx, 0, 2)]],
        ];
        for (const args of cases) {
          const run = await runMain(ctx, args);
          const text = said(run.logs);
          if (
            run.value !== 2 || !near(run.elapsedMs, run.calledAt) || !text.includes("--timeout")
          ) {
            ctx.fail(
              msg("mainUsageFail2", {
                args: show(args),
                runValue: show(run.value),
                took: ctx.sec(run.elapsedMs - run.calledAt, 3),
                nan: args[1] === word && run.value !== 2,
                word,
                silent: text.trim() === "",
                noUsage: run.value === 2 && text.trim() !== "" && !text.includes("--timeout"),
              }),
              { expected: "2", actual: show(run.value) },
            );
          }
        }
      },
    },
    {
      id: "lines-on-time",
      points: 2,
      title: msg("linesOnTimeTitle"),
      hint: msg("linesOnTimeHint"),
      lesson: "08_toolbox#as-completed",
      dependsOn: ["results-reported-at-once", "probes-start-together", "main-timeout-flag"],
      async run(ctx) {
        const timeout = timeoutFor(ctx, int(ctx, 1, 4));
        const run = await runMain(ctx, ["--timeout", String(timeout)]);
        const lines = stdoutLines(run.logs).map((l) => ({ at: l.at, text: plain(l) }));
        const due = checkTimes(timeout).map((s) => run.calledAt + s * 1000);
        const firstLine = NAMES.map((n) => lines.find((l) => l.text.includes(n))?.at ?? null);
        const printed: TimelineMark[] = NAMES.flatMap((n, i) =>
          firstLine[i] === null ? [] : [{ at: firstLine[i]!, label: n, kind: "print" as const }]
        );
        const expected: TimelineMark[] = NAMES.map((n, i) => ({
          at: due[i],
          label: n,
          kind: "expected",
        }));
        const missing = NAMES.filter((_, i) => firstLine[i] === null);
        if (missing.length > 0) {
          ctx.fail(msg("linesOnTimeFail2", { missing: missing.join(", ") }), {
            marks: [...printed, ...expected],
          });
        }
        const at = firstLine as number[];
        if (!NAMES.every((_, i) => near(at[i], due[i]))) {
          const batched = at.every((x) => near(x, at[0]));
          // Every line before the fastest service could answer: the checks gave up too soon.
          const tooSoon = at.every((x) => x < Math.min(...due) - EPS);
          const order = NAMES.map((_, i) => i).sort((x, y) => due[x] - due[y]);
          ctx.fail(
            tooSoon
              ? msg("linesOnTimeFail3", {
                last: ctx.sec(Math.max(...at) - run.calledAt, 3),
                fastest: ctx.sec(Math.min(...due) - run.calledAt, 3),
              })
              : batched
              ? msg("linesOnTimeFail4", { at: ctx.sec(at[0] - run.calledAt, 3) })
              : msg("linesOnTimeFail5"),
            {
              expected: joinTexts(
                order.map((i) =>
                  msg("pair", { name: NAMES[i], at: ctx.sec(due[i] - run.calledAt, 3) })
                ),
                msg("listSeparator"),
              ),
              actual: joinTexts(
                order.map((i) =>
                  msg("pair", { name: NAMES[i], at: ctx.sec(at[i] - run.calledAt, 3) })
                ),
                msg("listSeparator"),
              ),
              marks: [...printed, ...expected],
            },
          );
        }
      },
    },
    {
      id: "main-figures",
      points: 1,
      title: msg("mainFiguresTitle"),
      hint: msg("mainFiguresHint"),
      lesson: "11_ecosystem#command-line-tools",
      dependsOn: ["main-timeout-flag", "results-seconds"],
      async run(ctx) {
        // With some services offline, on a terminal where colour is allowed (colour set aside,
        // the figures and the statuses must still be there); then with none offline (the
        // summary still says 0 offline).
        const cases: [number, Terminal][] = [
          [int(ctx, 1, 4), { terminal: true, colourAllowed: true }],
          [0, {}],
        ];
        for (const [offline, as] of cases) {
          const timeout = timeoutFor(ctx, offline);
          const run = await runMain(ctx, ["--timeout", String(timeout)], as);
          const lines = stdoutLines(run.logs).map(plain);
          const took = checkTimes(timeout);
          const index = NAMES.map((n) => lines.findIndex((l) => l.includes(n)));
          if (index.some((i) => i < 0)) {
            ctx.fail(msg("linesOnTimeFail2", {
              missing: NAMES.filter((_, k) => index[k] < 0).join(", "),
            }));
          }
          // Each service's line: its time…
          for (const [k, n] of NAMES.entries()) {
            const line = lines[index[k]].replace(n, " ");
            if (!holdsSeconds(line, took[k])) {
              ctx.fail(
                msg("mainFiguresFail", {
                  name: n,
                  line: show(lines[index[k]]),
                  want: ctx.sec(took[k] * 1000, 3),
                }),
                { expected: ctx.sec(took[k] * 1000, 3), actual: show(lines[index[k]]) },
              );
            }
          }
          // …and whether it is online: the lines read differently once names and figures are gone.
          const shape = (k: number) =>
            lines[index[k]].replace(NAMES[k], " ").replace(/\d+(?:[.,]\d+)?/g, "#")
              .replace(/\s+/g, " ").trim();
          const up = NAMES.map((_, k) => k).filter((k) => STATEMENT[k].seconds < timeout);
          const down = NAMES.map((_, k) => k).filter((k) => STATEMENT[k].seconds > timeout);
          const same = up.flatMap((u) =>
            down.filter((d) => shape(u) === shape(d)).map((d) => [u, d])
          );
          if (same.length > 0) {
            const [u, d] = same[0];
            ctx.fail(
              msg("mainFiguresFail2", {
                up: NAMES[u],
                down: NAMES[d],
                upLine: show(lines[index[u]]),
                downLine: show(lines[index[d]]),
              }),
            );
          }
          // The summary, after the last service's line: online, offline, total time.
          const summary = lines.slice(Math.max(...index) + 1).join("\n");
          const total = Math.max(...took);
          const counts = figures(summary);
          const lacks = [
            counts.includes(5 - offline) ? null : msg("summaryOnline", { n: 5 - offline }),
            counts.includes(offline) ? null : msg("summaryOffline", { n: offline }),
            holdsSeconds(summary, total)
              ? null
              : msg("summaryTotal", { at: ctx.sec(total * 1000, 3) }),
          ].filter((x): x is LocalText => x !== null);
          if (lacks.length > 0) {
            ctx.fail(
              msg("mainFiguresFail3", {
                lacks: joinTexts(lacks, msg("listSeparator")),
                summary: show(summary.slice(0, 200)),
              }),
              {
                expected: msg("summaryExpected", {
                  online: 5 - offline,
                  offline,
                  at: ctx.sec(total * 1000, 3),
                }),
                actual: show(summary.slice(0, 200)),
              },
            );
          }
        }
      },
    },
    {
      id: "main-colour",
      points: 1,
      title: msg("mainColourTitle"),
      hint: msg("mainColourHint"),
      lesson: "11_ecosystem#colour-when-allowed",
      async run(ctx) {
        const cases: [Terminal, LocalText][] = [
          [{ terminal: true }, msg("colourTerminalNoColor")],
          [{ colourAllowed: true }, msg("colourPipe")],
          [{}, msg("colourPipeNoColor")],
        ];
        for (const [as, where] of cases) {
          const run = await runMain(ctx, [], as);
          const coloured = run.logs.find((l) => l.text.includes("\x1b["));
          if (coloured) {
            ctx.fail(msg("mainColourFail", { where, text: show(coloured.text) }), {
              timeline: [],
            });
          }
        }
      },
    },
  ],
});
