/**
 * Checks of exercise 5 (`05_check_services.ts`): `checkAll`, observed through
 * probes in place of the services, and the command line `main(args)`,
 * observed through its exit code, virtual time and the instants of its
 * printed lines (never their wording: only the service names are looked for).
 *
 * Each check judges one thing and computes what it expects from what the
 * learner's code actually did (e.g. a verdict is due when that probe ended),
 * so one mistake fails one check.
 *
 * @module
 */
import { type CheckContext, defineChecks, describeError } from "../../check.ts";
import { type LogLine, now, virtualSetTimeout } from "../../clock.ts";
import { joinTexts, type LocalText } from "../../i18n/mod.ts";
import type { Probe, ProbeCall } from "../../probe.ts";
import { EPS, near, sameData, show as showValue } from "../../toolkit.ts";
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

/** The statement's services, as the CLI must use them. */
const STATEMENT: readonly Service[] = [
  { name: "database", seconds: 0.3 },
  { name: "Redis cache", seconds: 0.1 },
  { name: "external API", seconds: 3.5 },
  { name: "mail server", seconds: 0.8 },
  { name: "CDN", seconds: 1.5 },
];

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

interface Rig {
  services: Service[];
  timeoutMs: number;
  probes: Map<string, Probe<void>>;
  probe: (service: Service, signal?: AbortSignal) => Promise<void>;
  reported: { at: number; result: CheckResult }[];
  onResult: (result: CheckResult) => void;
  /** Services whose probe rejects, with the message. */
  errors: Map<string, string>;
}

/**
 * Random services around a random timeout: some answer in time, some do not
 * (never exactly at the deadline), and `failing` of them reject.
 */
function rig(
  ctx: CheckContext,
  options: { fast?: number; slow?: number; failing?: number; timeoutMs?: number } = {},
): Rig {
  const { fast = 3, slow = 2, failing = 0 } = options;
  const timeoutMs = options.timeoutMs ?? int(ctx, 10, 25) * 100;
  const used = new Set<number>();
  const pick = (lo: number, hi: number) => {
    for (let i = 0; i < 100; i++) {
      const ms = int(ctx, lo, hi) * 50;
      if (!used.has(ms) && Math.abs(ms - timeoutMs) > 50) {
        used.add(ms);
        return ms;
      }
    }
    throw new RangeError("Cannot pick a duration: range exhausted");
  };
  const words = [...WORDS].sort(() => ctx.random() - 0.5);
  const durations = [
    ...Array.from({ length: fast + failing }, () => pick(1, Math.floor(timeoutMs / 50) - 2)),
    ...Array.from(
      { length: slow },
      () => pick(Math.floor(timeoutMs / 50) + 2, Math.floor(timeoutMs / 50) + 40),
    ),
  ];
  const services = durations.map((ms, i) => ({
    name: `${words[i]}-${int(ctx, 10, 99)}`,
    seconds: ms / 1000,
  }))
    .sort(() => ctx.random() - 0.5);
  const errors = new Map<string, string>();
  // The failing ones are among those that answer in time.
  for (const s of services.filter((s) => s.seconds * 1000 < timeoutMs).slice(0, failing)) {
    errors.set(s.name, `connection refused by ${s.name} (code ${int(ctx, 100, 999)})`);
  }
  const probes = new Map(services.map((s) => [
    s.name,
    ctx.probe<void>(s.name, {
      seconds: s.seconds,
      error: errors.has(s.name) ? new Error(errors.get(s.name)) : undefined,
    }),
  ]));
  const reported: Rig["reported"] = [];
  return {
    services,
    timeoutMs,
    probes,
    errors,
    reported,
    probe: (service: Service, signal?: AbortSignal) => {
      const p = probes.get((service as { name?: string } | null)?.name ?? "");
      return p ? p(service, signal) : Promise.reject(
        new TypeError(
          `Cannot probe ${show(service)}: expected one of the services given to checkAll`,
        ),
      );
    },
    onResult: (result: CheckResult) => reported.push({ at: now(), result }),
  };
}

const callOf = (r: Rig, name: string): ProbeCall | undefined => r.probes.get(name)!.calls[0];

/** When the verdict on `name` is due: its probe's end, or its deadline if that came first. */
function dueAt(r: Rig, name: string): number {
  const c = callOf(r, name)!;
  return Math.min(c.end ?? Infinity, c.start + r.timeoutMs);
}

async function runCheckAll(ctx: CheckContext, r: Rig, withTimeout = true) {
  const checkAll = ctx.fn<CheckAll>("checkAll");
  const options: Parameters<CheckAll>[1] = { probe: r.probe, onResult: r.onResult };
  if (withTimeout) options.timeoutMs = r.timeoutMs;
  const name = withTimeout
    ? `checkAll(services, { timeoutMs: ${r.timeoutMs}, probe, onResult })`
    : "checkAll(services, { probe, onResult })";
  return await ctx.settle(name, () => checkAll(r.services, options));
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
function resultOf(ctx: CheckContext, results: unknown, name: string): CheckResult {
  if (!Array.isArray(results)) {
    ctx.fail(msg("resultOfFail", { results: show(results) }));
  }
  const found = (results as CheckResult[]).filter((x) => x?.name === name);
  if (found.length !== 1) {
    ctx.fail(msg("resultOfFail2", { foundLength: found.length, name: show(name) }));
  }
  return found[0];
}

/** Output lines that go to the terminal, colours removed. */
// deno-lint-ignore no-control-regex
const plain = (line: LogLine) => line.text.replace(/\x1b\[[0-9;]*m/g, "");

async function runMain(ctx: CheckContext, args: string[]) {
  const main = ctx.fn<Main>("main");
  const name = `main(${show(args)})`;
  const first = await ctx.run(() => main(args));
  if (
    first.status === "error" &&
    /env access|NotCapable|PermissionDenied/.test(describeError(first.error))
  ) {
    ctx.fail(msg("runMainFail", { name, firstError: describeError(first.error) }), {
      actual: describeError(first.error),
    });
  }
  // The usual diagnosis (a forgotten await, a deadlock, an error…) comes from settle.
  return await ctx.settle(name, () => main(args));
}

/**
 * Finds the services anywhere in a JSON value: an array of `{ name, status }` objects, or an
 * object keyed by the five services' names whose values are a status or `{ status, … }`.
 */
function findServices(
  value: unknown,
  depth = 3,
): { name?: unknown; status?: unknown }[] | undefined {
  if (
    Array.isArray(value) && value.length > 0 &&
    value.every((x) => typeof x === "object" && x && "name" in x && "status" in x)
  ) {
    return value;
  }
  if (depth === 0 || typeof value !== "object" || value === null) return undefined;
  const byName = value as Record<string, unknown>;
  if (!Array.isArray(value) && STATEMENT.every((s) => Object.hasOwn(byName, s.name))) {
    const entries = STATEMENT.map((s) => {
      const v = byName[s.name];
      return typeof v === "object" && v !== null && "status" in v
        ? { name: s.name, status: (v as { status: unknown }).status }
        : { name: s.name, status: v };
    });
    if (entries.every((e) => typeof e.status === "string")) return entries;
  }
  for (const v of Object.values(value)) {
    const found = findServices(v, depth - 1);
    if (found) return found;
  }
  return undefined;
}

const times = (ctx: CheckContext, ms: number[]): LocalText =>
  joinTexts(ms.map((m) => ctx.sec(m, 2)), msg("listSeparator"));

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3")],
  checks: [
    {
      id: "probes-start-together",
      points: 2,
      title: msg("probesStartTogetherTitle"),
      hint: msg("probesStartTogetherHint"),
      async run(ctx) {
        const r = rig(ctx);
        await runCheckAll(ctx, r);
        probedOnce(ctx, r);
        const calls = r.services.map((s) => ({ name: s.name, call: callOf(r, s.name)! }))
          .sort((a, b) => a.call.start - b.call.start);
        const late = calls.find((c) => c.call.start > EPS);
        if (late) {
          const i = calls.indexOf(late);
          const prev = calls[i - 1].call;
          const afterPrev = prev.end !== null && near(late.call.start, prev.end);
          const at = ctx.sec(late.call.start, 2);
          ctx.fail(
            msg("probesStartTogetherFail", {
              lateName: late.name,
              at,
              afterPrev,
              callsName: calls[i - 1].name,
            }),
            {
              expected: msg("probesStartTogetherExpected"),
              actual: times(ctx, calls.map((c) => c.call.start)),
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
      async run(ctx) {
        const r = rig(ctx);
        const run = await runCheckAll(ctx, r);
        probedOnce(ctx, r);
        for (const s of r.services) {
          const got = r.reported.filter((x) => x.result?.name === s.name);
          if (got.length !== 1) {
            ctx.fail(
              msg("resultsReportedAtOnceFail", {
                gotLength: got.length,
                sName: s.name,
                gotLength2: got.length > 1,
              }),
              { expected: "1", actual: String(got.length) },
            );
          }
        }
        const rows = r.services.map((s) => ({
          name: s.name,
          due: dueAt(r, s.name),
          at: r.reported.find((x) => x.result.name === s.name)!.at,
        })).sort((a, b) => a.due - b.due);
        const wrong = rows.find((x) => !near(x.at, x.due));
        if (wrong) {
          const batched = rows.every((x) => near(x.at, run.elapsedMs));
          ctx.fail(
            batched
              ? msg("resultsReportedAtOnceFail2", { runElapsedMs: ctx.sec(run.elapsedMs, 2) })
              : msg("resultsReportedAtOnceFail3", {
                wrongName: wrong.name,
                wrongAt: ctx.sec(wrong.at, 2),
                wrongDue: ctx.sec(wrong.due, 2),
              }),
            {
              expected: times(ctx, rows.map((x) => x.due)),
              actual: times(ctx, rows.map((x) => x.at)),
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
      async run(ctx) {
        const cases: [Rig, boolean][] = [
          [rig(ctx), true],
          [rig(ctx, { fast: 2, slow: 1, timeoutMs: 2000 }), false],
        ];
        for (const [r, withTimeout] of cases) {
          const run = await runCheckAll(ctx, r, withTimeout);
          const limit = ctx.sec(r.timeoutMs);
          for (const s of r.services) {
            const got = resultOf(ctx, run.value, s.name);
            const slow = s.seconds * 1000 > r.timeoutMs;
            const ok = slow
              ? got.status === "offline" && got.reason === "timeout"
              : got.status === "online";
            if (!ok) {
              const what = show({ status: got.status, reason: got.reason });
              ctx.fail(
                msg("timeoutOfflineFail", {
                  sName: s.name,
                  sSeconds: ctx.sec(s.seconds * 1000, 2),
                  limit,
                  withTimeout,
                  what,
                  slow,
                  slow2: slow && got.reason === "error",
                }),
                { expected: slow ? "offline / timeout" : "online", actual: what },
              );
            }
          }
        }
      },
    },
    {
      id: "timeout-aborts-probe",
      points: 2,
      title: msg("timeoutAbortsProbeTitle"),
      hint: msg("timeoutAbortsProbeHint"),
      async run(ctx) {
        const r = rig(ctx);
        const run = await runCheckAll(ctx, r);
        probedOnce(ctx, r);
        for (const s of r.services.filter((s) => s.seconds * 1000 > r.timeoutMs)) {
          const c = callOf(r, s.name)!;
          const due = c.start + r.timeoutMs;
          if (!c.signal || !c.aborted || !near(c.abortedAt!, due)) {
            ctx.fail(
              msg("timeoutAbortsProbeFail", {
                cSignal: !c.signal,
                sName: s.name,
                cAborted: c.aborted,
                abortedAt: ctx.sec(c.abortedAt!, 2),
                due: ctx.sec(due, 2),
              }),
              {
                expected: ctx.sec(due, 2),
                actual: c.aborted ? ctx.sec(c.abortedAt!, 2) : msg("timeoutAbortsProbeActual"),
              },
            );
          }
        }
        const leaked = (pending: number, at: number) =>
          ctx.fail(msg("timeoutAbortsProbeFail2", { at: ctx.sec(at, 2), pending }), {
            expected: "0",
            actual: String(pending),
          });
        if (run.pendingTimers > 0) leaked(run.pendingTimers, run.elapsedMs);
        // Every service in time: checkAll ends before the deadline, so a timeout timer that was
        // not cleared is still pending (above, it fired with the slow services' deadline).
        const quick = rig(ctx, { fast: 3, slow: 0 });
        const done = await runCheckAll(ctx, quick);
        const running = [...quick.probes.values()].filter((p) =>
          p.calls.some((c) => c.end === null)
        )
          .length;
        if (done.pendingTimers - running > 0) leaked(done.pendingTimers - running, done.elapsedMs);
      },
    },
    {
      id: "error-offline",
      points: 2,
      title: msg("errorOfflineTitle"),
      hint: msg("errorOfflineHint"),
      async run(ctx) {
        const r = rig(ctx, { fast: 3, slow: 0, failing: 1 });
        const [failing, message] = [...r.errors][0];
        const checkAll = ctx.fn<CheckAll>("checkAll");
        const run = await ctx.run(() =>
          checkAll(r.services, { timeoutMs: r.timeoutMs, probe: r.probe, onResult: r.onResult })
        );
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
          if (s.name === failing) {
            if (
              got.status !== "offline" || got.reason !== "error" ||
              !String(got.error ?? "").includes(message)
            ) {
              ctx.fail(msg("errorOfflineFail2", { sName: s.name, message, got: show(got) }), {
                expected: `offline / error / ${message}`,
                actual: show(got),
              });
            }
          } else if (got.status !== "online") {
            ctx.fail(msg("errorOfflineFail3", { sName: s.name, got: show(got) }), {
              expected: "online",
              actual: show(got),
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
      async run(ctx) {
        const r = rig(ctx);
        const run = await runCheckAll(ctx, r);
        probedOnce(ctx, r);
        for (const s of r.services) {
          const got = resultOf(ctx, run.value, s.name);
          const c = callOf(r, s.name)!;
          const want = (dueAt(r, s.name) - c.start) / 1000;
          // Rounded to the tenth is fine (durations are on a 50 ms grid), as in the other exercises.
          if (typeof got.seconds !== "number" || Math.abs(got.seconds - want) > 0.051) {
            const ms = typeof got.seconds === "number" &&
              Math.abs(got.seconds - want * 1000) <= 1.5;
            ctx.fail(
              msg("resultsSecondsFail", {
                sName: s.name,
                gotSeconds: show(got.seconds),
                want: ctx.sec(want * 1000, 3),
                ms,
              }),
              { expected: String(want), actual: show(got.seconds) },
            );
          }
        }
      },
    },
    {
      id: "main-json",
      points: 2,
      title: msg("mainJsonTitle"),
      hint: msg("mainJsonHint"),
      async run(ctx) {
        const run = await runMain(ctx, ["--json"]);
        const out = run.logs.filter((l) => l.level === "log" || l.level === "info").map((l) =>
          l.text
        )
          .join("\n");
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
        if (!services || !sameData([...names!].sort(), STATEMENT.map((s) => s.name).sort())) {
          ctx.fail(msg("mainJsonFail2", { names: show(names ?? doc) }));
        }
        for (const s of services!) {
          const want = s.name === "external API" ? "offline" : "online";
          if (s.status !== want) {
            ctx.fail(msg("mainJsonFail3", { sName: s.name, sStatus: show(s.status), want }), {
              expected: want,
              actual: show(s.status),
            });
          }
        }
        if (run.value !== 1) {
          ctx.fail(msg("mainJsonFail4", { runValue: show(run.value) }), {
            expected: "1",
            actual: show(run.value),
          });
        }
      },
    },
    {
      id: "main-timeout-flag",
      points: 2,
      title: msg("mainTimeoutFlagTitle"),
      hint: msg("mainTimeoutFlagHint"),
      async run(ctx) {
        const cases: [string[], number, LocalText][] = [
          [["--timeout", "4"], 0, msg("mainTimeoutFlagText")],
          [[], 1, msg("mainTimeoutFlagText2")],
          [["--timeout=3"], 1, msg("mainTimeoutFlagText3")],
        ];
        for (const [args, code, why] of cases) {
          const run = await runMain(ctx, args);
          if (run.value !== code) {
            const tiny = args.length > 0 && run.elapsedMs < 50;
            ctx.fail(
              msg("mainTimeoutFlagFail", {
                args: show(args),
                runValue: show(run.value),
                runElapsedMs: ctx.sec(run.elapsedMs, 3),
                code,
                why,
                tiny,
              }),
              { expected: String(code), actual: show(run.value), tookMs: run.elapsedMs },
            );
          }
        }
      },
    },
    {
      id: "main-usage",
      points: 2,
      title: msg("mainUsageTitle"),
      hint: msg("mainUsageHint"),
      async run(ctx) {
        const help = await runMain(ctx, ["--help"]);
        if (help.value !== 0 || help.logs.length === 0 || help.elapsedMs > EPS) {
          ctx.fail(
            msg("mainUsageFail", {
              helpValue: show(help.value),
              helpElapsedMs: ctx.sec(help.elapsedMs, 2),
              helpLogsLength: help.logs.length,
            }),
            { expected: "0", actual: show(help.value) },
          );
        }
        const flag = `--${["verbose", "retries", "port", "quiet"][int(ctx, 0, 3)]}`;
        for (const args of [[flag], ["--timeout", "soon"], ["--timeout"], ["--timeout", "-1"]]) {
          const run = await runMain(ctx, args);
          if (run.value !== 2 || run.elapsedMs > EPS) {
            ctx.fail(
              msg("mainUsageFail2", {
                args: show(args),
                runValue: show(run.value),
                runElapsedMs: ctx.sec(run.elapsedMs, 2),
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
      async run(ctx) {
        const run = await runMain(ctx, []);
        const lines = run.logs.map((l) => ({ at: l.at, text: plain(l).toLowerCase() }));
        // When each verdict is known: all checks at once (or, tolerated here, one after another).
        const together = STATEMENT.map((s) => Math.min(s.seconds * 1000, 2000));
        let t = 0;
        const inTurn = STATEMENT.map((s) => (t += Math.min(s.seconds * 1000, 2000)));
        const firstLine = STATEMENT.map((s) =>
          lines.find((l) => l.text.includes(s.name.toLowerCase()))?.at ?? null
        );
        // The grader runs with NO_COLOR set (and output that is not a terminal).
        const coloured = run.logs.find((l) => l.text.includes("\x1b["));
        if (coloured) {
          ctx.fail(msg("linesOnTimeFail", { colouredText: show(coloured.text) }), { timeline: [] });
        }
        const missing = STATEMENT.filter((_, i) => firstLine[i] === null).map((s) => s.name);
        if (missing.length > 0) {
          ctx.fail(msg("linesOnTimeFail2", { missing: missing.join(", ") }));
        }
        const onTime = (due: number[]) =>
          STATEMENT.every((s, i) =>
            lines.some((l) => near(l.at, due[i]) && l.text.includes(s.name.toLowerCase()))
          );
        if (!onTime(together) && !onTime(inTurn)) {
          const at = firstLine as number[];
          const batched = at.every((x) => near(x, at[0]));
          // Every line before the fastest service could answer: the checks gave up too soon.
          const fastest = Math.min(...together);
          const tooSoon = at.every((x) => x < fastest - EPS);
          ctx.fail(
            tooSoon
              ? msg("linesOnTimeFail3", {
                last: ctx.sec(Math.max(...at), 2),
                fastest: ctx.sec(fastest, 2),
              })
              : batched
              ? msg("linesOnTimeFail4", { at: ctx.sec(at[0], 2) })
              : msg("linesOnTimeFail5"),
            {
              expected: msg("linesOnTimeExpected", {
                names: STATEMENT.map((s) => s.name).join(", "),
                together: times(ctx, together),
              }),
              actual: times(ctx, at),
            },
          );
        }
      },
    },
    {
      id: "simulations",
      points: 1,
      title: msg("simulationsTitle"),
      hint: msg("simulationsHint"),
      async run(ctx) {
        const services = ctx.get<unknown>("SERVICES");
        // Each service's name and duration count; key order and extra fields do not.
        const pairs = (list: unknown) =>
          Array.isArray(list)
            ? show(list.map((s) => [(s as Service)?.name, (s as Service)?.seconds]).sort())
            : "";
        if (pairs(services) !== pairs(STATEMENT)) {
          ctx.fail(msg("simulationsFail", { services: show(services) }), {
            expected: show(STATEMENT),
            actual: show(services),
          });
        }
        const probe = ctx.fn<(service: Service, signal?: AbortSignal) => Promise<void>>("probe");
        const service = { name: `svc-${int(ctx, 10, 99)}`, seconds: int(ctx, 5, 30) / 10 };
        const ran = await ctx.settle(`probe(${show(service)})`, () => probe(service));
        if (!near(ran.elapsedMs, service.seconds * 1000)) {
          ctx.fail(
            msg("simulationsFail2", {
              service: show(service),
              ranElapsedMs: ctx.sec(ran.elapsedMs, 3),
              serviceSeconds: ctx.sec(service.seconds * 1000),
            }),
            { timeline: [] },
          );
        }
        const abortAt = int(ctx, 1, service.seconds * 10 - 1) * 100;
        const reason = new DOMException("Signal timed out.", "TimeoutError");
        const aborted = await ctx.run(() => {
          const controller = new AbortController();
          virtualSetTimeout(() => controller.abort(reason), abortAt);
          return probe(service, controller.signal);
        });
        if (
          aborted.status !== "error" || !near(aborted.elapsedMs, abortAt) ||
          aborted.pendingTimers > 0
        ) {
          ctx.fail(
            msg("simulationsFail3", {
              abortAt: ctx.sec(abortAt),
              abortedStatus: aborted.status === "error",
              abortedElapsedMs: ctx.sec(aborted.elapsedMs),
              abortedPendingTimers: aborted.pendingTimers,
              abortedStatus2: aborted.status === "ok",
              abortedStatus3: aborted.status,
            }),
            { timeline: [] },
          );
        }
      },
    },
  ],
});
