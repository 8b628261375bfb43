/**
 * Checks of exercise 3 (`03_timeouts.ts`): `withTimeout` (the TypeScript
 * `asyncio.wait_for`) and `queryAll`.
 *
 * Deadlines and durations come from the seed, so a hard-coded 2000 cannot
 * pass. The checks are split so that one mistake fails one check: the
 * deadline itself is tested with work that ignores its signal; cancelling
 * the work is a separate check; a leaked timer is counted apart from work
 * that was never cancelled (a probe still pending holds exactly one timer).
 *
 * @module
 */
import { type CheckContext, defineChecks, describeError } from "../../check.ts";
import { now, virtualSetTimeout } from "../../clock.ts";
import { joinTexts, type LocalText } from "../../i18n/mod.ts";
import { isTimeout, type Probe } from "../../probe.ts";
import { EPS, near, sameData, show, showData } from "../../toolkit.ts";
import { msg } from "./messages.ts";

type Query = (name: string, seconds: number, signal?: AbortSignal) => Promise<string>;
type WithTimeout = <T>(work: (signal: AbortSignal) => Promise<T>, ms: number) => Promise<T>;
interface Report {
  responded: string[];
  timedOut: string[];
  seconds: number;
}
type QueryAll = (
  servers?: Readonly<Record<string, number>>,
  options?: { timeoutMs?: number; query?: Query; log?: (line: string) => void },
) => Promise<Report>;

/** The statement's servers. */
const STATEMENT: Readonly<Record<string, number>> = {
  server_A: 0.5,
  server_B: 2.0,
  server_C: 5.0,
  server_D: 1.2,
};

const names = (list: unknown) => (Array.isArray(list) ? [...list].map(String).sort() : list);

/** A deadline in ms drawn from the seed, in [lo, hi) seconds, on whole tenths. */
function deadline(ctx: CheckContext, lo = 1, hi = 3): number {
  return Math.round((lo + ctx.random() * (hi - lo)) * 10) * 100;
}

/** A random token to tell values apart. */
const token = (ctx: CheckContext, prefix: string) =>
  `${prefix}-${Math.floor(ctx.random() * 9000) + 1000}`;

/** Query probes, one per server, plus the wrapper handed to `queryAll`. */
function servers(ctx: CheckContext, table: Readonly<Record<string, number>>) {
  const probes = new Map<string, Probe<string>>(
    Object.entries(table).map(([name, seconds]) => [
      name,
      ctx.probe<string>(name, { seconds, value: `${name} answered` }),
    ]),
  );
  const query: Query = (name, seconds, signal) => {
    const p = probes.get(name);
    if (!p) return Promise.reject(new TypeError(`Cannot query: no server named ${show(name)}`));
    return p(name, seconds, signal);
  };
  const lines: { text: string; at: number }[] = [];
  // Like console.warn: several arguments make one line.
  const log = (...parts: unknown[]) =>
    void lines.push({ text: parts.map((p) => String(p)).join(" "), at: now() });
  return { probes, query, lines, log };
}

/** Random servers around the deadline, none of them finishing exactly at it. */
function randomTable(ctx: CheckContext, timeoutMs: number): Record<string, number> {
  const table: Record<string, number> = {};
  const letters = "ABCDEF".slice(0, 4 + Math.floor(ctx.random() * 3));
  for (const [i, letter] of [...letters].entries()) {
    // Alternate fast and slow so both groups are never empty.
    const slow = i % 2 === 1;
    const ms = slow
      ? timeoutMs + 300 + Math.round(ctx.random() * 30) * 100
      : 200 + Math.round(ctx.random() * (timeoutMs - 500) / 100) * 100;
    table[`server_${letter}`] = ms / 1000;
  }
  return table;
}

/** Runs `queryAll` on probes and fails unless it settles. */
async function runQueryAll(
  ctx: CheckContext,
  table: Readonly<Record<string, number>>,
  timeoutMs?: number,
) {
  const queryAll = ctx.fn<QueryAll>("queryAll");
  const s = servers(ctx, table);
  const options = timeoutMs === undefined
    ? { query: s.query, log: s.log }
    : { timeoutMs, query: s.query, log: s.log };
  const label = timeoutMs === undefined
    ? "queryAll(servers, { query, log })"
    : `queryAll(servers, { timeoutMs: ${timeoutMs}, query, log })`;
  const run = await ctx.settle(label, () => queryAll({ ...table }, options));
  return { ...s, run, report: run.value };
}

/** Whether a server's probe really answered (outcome `ok`). */
function answered(probe: Probe<string> | undefined): boolean {
  return probe?.calls[0]?.outcome === "ok";
}

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3")],
  checks: [
    {
      id: "query-waits-and-stops",
      points: 2,
      title: msg("queryWaitsAndStopsTitle"),
      hint: msg("queryWaitsAndStopsHint"),
      async run(ctx) {
        const table = ctx.get<Record<string, number>>("SERVERS");
        if (!sameData(Object.entries(table ?? {}).sort(), Object.entries(STATEMENT).sort())) {
          ctx.fail(
            msg("queryWaitsAndStopsFail", { table: show(table), STATEMENT: show(STATEMENT) }),
            { expected: showData(STATEMENT), actual: showData(table) },
          );
        }
        const query = ctx.fn<Query>("query");
        const seconds = deadline(ctx, 0.5, 3.5) / 1000;
        const name = token(ctx, "server");
        const plain = await ctx.settle(`query("${name}", ${seconds})`, () => query(name, seconds));
        if (!near(plain.elapsedMs, seconds * 1000)) {
          const took = ctx.sec(plain.elapsedMs, 3), want = ctx.sec(seconds * 1000);
          ctx.fail(
            msg("queryWaitsAndStopsFail2", {
              name,
              seconds,
              took,
              want,
              plainElapsedMs: near(plain.elapsedMs, seconds),
            }),
            { expected: want, actual: took, timeline: [] },
          );
        }
        if (typeof plain.value !== "string") {
          ctx.fail(
            msg("queryWaitsAndStopsFail3", { name, seconds, plainValue: show(plain.value) }),
            { timeline: [] },
          );
        }
        // Aborted while waiting.
        const abortAt = Math.round(seconds * 1000 * (0.2 + ctx.random() * 0.6));
        const controller = new AbortController();
        const aborted = await ctx.run(() => {
          virtualSetTimeout(() => controller.abort(new Error("stop")), abortAt);
          return query(name, seconds, controller.signal);
        });
        const at = ctx.sec(abortAt, 2);
        if (aborted.status !== "error" || !near(aborted.elapsedMs, abortAt)) {
          const what = aborted.status === "ok"
            ? msg("queryWaitsAndStopsWhat")
            : aborted.status === "error"
            ? msg("queryWaitsAndStopsWhat2")
            : msg("queryWaitsAndStopsWhat3", { abortedStatus: aborted.status });
          const took = ctx.sec(aborted.elapsedMs, 2);
          ctx.fail(msg("queryWaitsAndStopsFail4", { at, what, took }), {
            expected: at,
            actual: took,
            timeline: [],
          });
        }
        if (aborted.pendingTimers > 0) {
          ctx.fail(
            msg("queryWaitsAndStopsFail5", { abortedPendingTimers: aborted.pendingTimers }),
            { timeline: [] },
          );
        }
        // Already aborted before the call.
        const early = await ctx.run(() =>
          query(name, seconds, AbortSignal.abort(new Error("too late")))
        );
        if (early.status !== "error" || early.elapsedMs > EPS) {
          const took = ctx.sec(early.elapsedMs, 2);
          ctx.fail(
            msg("queryWaitsAndStopsFail6", { earlyStatus: early.status === "error", took }),
            { expected: ctx.sec(0), actual: took, timeline: [] },
          );
        }
      },
    },
    {
      id: "timeout-rejects-at-ms",
      points: 3,
      title: msg("timeoutRejectsAtMsTitle"),
      hint: msg("timeoutRejectsAtMsHint"),
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const ms = deadline(ctx);
        const workMs = ms + deadline(ctx, 1, 3);
        // This work ignores its signal: the deadline must hold anyway.
        const work = ctx.probe<string>("work", {
          seconds: workMs / 1000,
          value: token(ctx, "late"),
          honourSignal: false,
        });
        const run = await ctx.run(() => withTimeout(work, ms));
        const want = ctx.sec(ms), took = ctx.sec(run.elapsedMs);
        if (run.status === "error" && /^TODO\b/.test((run.error as Error)?.message ?? "")) {
          await ctx.settle("withTimeout(work, ms)", () => withTimeout(work, ms));
        }
        if (run.status !== "error") {
          const what = run.status === "ok"
            ? msg("timeoutRejectsAtMsWhat", { runValue: show(run.value), took })
            : msg("timeoutRejectsAtMsWhat2", { runStatus: run.status, took });
          ctx.fail(msg("timeoutRejectsAtMsFail", { ms, workMs: ctx.sec(workMs), what, want }), {
            expected: want,
            actual: took,
            tookMs: run.elapsedMs,
            expectedMs: ms,
          });
        }
        if (!near(run.elapsedMs, ms)) {
          ctx.fail(
            msg("timeoutRejectsAtMsFail2", {
              ms,
              took,
              want,
              runElapsedMs: near(run.elapsedMs, workMs),
            }),
            { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs: ms },
          );
        }
        if (!isTimeout(run.error)) {
          const got = describeError(run.error);
          ctx.fail(msg("timeoutRejectsAtMsFail3", { got }), {
            expected: "TimeoutError",
            actual: got,
          });
        }
      },
    },
    {
      id: "resolves-with-value",
      points: 2,
      title: msg("resolvesWithValueTitle"),
      hint: msg("resolvesWithValueHint"),
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const ms = deadline(ctx, 2, 4);
        const workMs = deadline(ctx, 0.3, ms / 1000 - 0.5);
        const value = token(ctx, "answer");
        const work = ctx.probe<string>("work", { seconds: workMs / 1000, value });
        const run = await ctx.settle(`withTimeout(work, ${ms})`, () => withTimeout(work, ms));
        if (run.value !== value) {
          ctx.fail(
            msg("resolvesWithValueFail", {
              ms,
              runValue: show(run.value),
              value: show(value),
              runValue2: run.value === undefined,
            }),
            { expected: showData(value), actual: showData(run.value) },
          );
        }
        if (!near(run.elapsedMs, workMs)) {
          const took = ctx.sec(run.elapsedMs), want = ctx.sec(workMs);
          ctx.fail(msg("resolvesWithValueFail2", { took, want }), {
            expected: want,
            actual: took,
            tookMs: run.elapsedMs,
            expectedMs: workMs,
          });
        }
      },
    },
    {
      id: "passes-rejection",
      points: 2,
      title: msg("passesRejectionTitle"),
      hint: msg("passesRejectionHint"),
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const ms = deadline(ctx, 2, 4);
        const workMs = deadline(ctx, 0.3, ms / 1000 - 0.5);
        const error = new Error(`connection reset (${token(ctx, "code")})`);
        const work = ctx.probe<string>("work", { seconds: workMs / 1000, error });
        const run = await ctx.run(() => withTimeout(work, ms));
        const took = ctx.sec(run.elapsedMs), at = ctx.sec(workMs);
        if (run.status === "error" && /^TODO\b/.test((run.error as Error)?.message ?? "")) {
          await ctx.settle("withTimeout(work, ms)", () => withTimeout(work, ms));
        }
        if (run.status !== "error") {
          ctx.fail(
            msg("passesRejectionFail", {
              at,
              errorMessage: error.message,
              runStatus: run.status === "ok",
              runValue: show(run.value),
              runStatus2: run.status,
            }),
            { expected: `Error: ${error.message}`, actual: run.status },
          );
        }
        const same = run.error === error || (run.error as Error)?.message === error.message;
        if (!same) {
          const got = describeError(run.error);
          ctx.fail(
            msg("passesRejectionFail2", {
              errorMessage: error.message,
              got,
              runError: isTimeout(run.error),
            }),
            { expected: `Error: ${error.message}`, actual: got },
          );
        }
        if (!near(run.elapsedMs, workMs)) {
          ctx.fail(msg("passesRejectionFail3", { took, at }), {
            expected: at,
            actual: took,
            tookMs: run.elapsedMs,
            expectedMs: workMs,
          });
        }
      },
    },
    {
      id: "clears-its-timer",
      points: 3,
      title: msg("clearsItsTimerTitle"),
      hint: msg("clearsItsTimerHint"),
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const leaked = (n: number, ms: number, how: LocalText) =>
          ctx.fail(msg("clearsItsTimerFail", { how, n, ms: ctx.sec(ms) }), {
            expected: "0",
            actual: String(n),
          });
        for (const fails of [false, true]) {
          const ms = deadline(ctx, 2, 4);
          const workMs = deadline(ctx, 0.3, ms / 1000 - 0.5);
          const work = ctx.probe<string>("work", {
            seconds: workMs / 1000,
            value: "done",
            error: fails ? new Error("work failed") : undefined,
          });
          const run = await (fails
            ? ctx.run(() =>
              withTimeout(work, ms).catch(() => "caught")
            )
            : ctx.settle(`withTimeout(work, ${ms})`, () => withTimeout(work, ms)));
          if (run.status === "ok" && run.pendingTimers > 0) {
            const at = ctx.sec(run.elapsedMs);
            leaked(run.pendingTimers, ms, msg("clearsItsTimerArg", { fails, at }));
          }
        }
        // queryAll: count what is pending apart from queries never cancelled.
        const timeoutMs = deadline(ctx, 1.5, 2.5);
        const { probes, run } = await runQueryAll(ctx, randomTable(ctx, timeoutMs), timeoutMs);
        const stillRunning = [...probes.values()].filter((p) => p.calls.some((c) => c.end === null))
          .length;
        const own = run.pendingTimers - stillRunning;
        if (own > 0) {
          leaked(
            own,
            timeoutMs,
            msg("clearsItsTimerArg2", { runElapsedMs: ctx.sec(run.elapsedMs) }),
          );
        }
      },
    },
    {
      id: "timeout-aborts-work",
      points: 2,
      title: msg("timeoutAbortsWorkTitle"),
      hint: msg("timeoutAbortsWorkHint"),
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const ms = deadline(ctx);
        const workMs = ms + deadline(ctx, 1, 3);
        const work = ctx.probe<string>("work", { seconds: workMs / 1000, value: "late" });
        const run = await ctx.run(() => withTimeout(work, ms).catch(() => "gave up"));
        if (run.status !== "ok") {
          await ctx.settle(`withTimeout(work, ${ms})`, () => withTimeout(work, ms));
        }
        const call = work.calls[0];
        const want = ctx.sec(ms);
        if (call === undefined) {
          return ctx.fail(msg("timeoutAbortsWorkFail"));
        }
        if (call.signal === undefined) {
          ctx.fail(msg("timeoutAbortsWorkFail2"));
        }
        if (!call.aborted || !near(call.abortedAt!, ms)) {
          const got = call.aborted ? ctx.sec(call.abortedAt!) : msg("timeoutAbortsWorkGot");
          ctx.fail(msg("timeoutAbortsWorkFail3", { got, want, callAborted: call.aborted }), {
            expected: want,
            actual: got,
          });
        }
        // queryAll must hand the signal on to each query.
        const timeoutMs = deadline(ctx, 1.5, 2.5);
        const table = randomTable(ctx, timeoutMs);
        const { probes } = await runQueryAll(ctx, table, timeoutMs);
        for (const [name, seconds] of Object.entries(table)) {
          if (seconds * 1000 <= timeoutMs) continue;
          const q = probes.get(name)!.calls[0];
          if (q === undefined) continue; // reported by the queryAll checks
          const start = q.start;
          if (!q.aborted || !near(q.abortedAt!, start + timeoutMs)) {
            const noSignal = q.signal === undefined;
            // Cancelled, but not at timeoutMs: e.g. a hard-coded 2000.
            const at = q.aborted ? ctx.sec(q.abortedAt!) : null;
            ctx.fail(
              msg("timeoutAbortsWorkFail4", {
                name,
                seconds: ctx.sec(seconds * 1000),
                start: ctx.sec(start + timeoutMs),
                noSignal,
                cancelled: at !== null,
                at: at ?? "",
                timeoutMs,
              }),
            );
          }
        }
      },
    },
    {
      id: "query-all-together",
      points: 2,
      title: msg("queryAllTogetherTitle"),
      hint: msg("queryAllTogetherHint"),
      async run(ctx) {
        const timeoutMs = deadline(ctx, 1.5, 2.5);
        const table = randomTable(ctx, timeoutMs);
        const { probes, run } = await runQueryAll(ctx, table, timeoutMs);
        const expectedMs = Math.min(timeoutMs, Math.max(...Object.values(table)) * 1000);
        for (const name of Object.keys(table)) {
          const calls = probes.get(name)!.calls;
          if (calls.length !== 1) {
            ctx.fail(msg("queryAllTogetherFail", { name, callsLength: calls.length }));
          }
          if (calls[0].start > EPS) {
            const at = ctx.sec(calls[0].start);
            ctx.fail(msg("queryAllTogetherFail2", { name, at }), {
              expected: ctx.sec(0),
              actual: at,
              tookMs: run.elapsedMs,
              expectedMs,
            });
          }
        }
        if (!near(run.elapsedMs, expectedMs)) {
          const took = ctx.sec(run.elapsedMs), want = ctx.sec(expectedMs);
          ctx.fail(
            msg("queryAllTogetherFail3", {
              timeoutMs,
              took,
              timeoutMs2: ctx.sec(timeoutMs),
              want,
              runElapsedMs: run.elapsedMs > expectedMs + EPS ||
                (near(run.elapsedMs, 2000) && !near(timeoutMs, 2000)),
            }),
            { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs },
          );
        }
      },
    },
    {
      id: "warns-at-deadline",
      points: 2,
      title: msg("warnsAtDeadlineTitle"),
      hint: msg("warnsAtDeadlineHint"),
      async run(ctx) {
        const { probes, lines, run } = await runQueryAll(ctx, STATEMENT);
        for (const name of Object.keys(STATEMENT)) {
          const call = probes.get(name)!.calls[0];
          if (answered(probes.get(name))) continue;
          // Never queried (reported by query-all-together): its deadline is still 2 s away.
          const due = (call?.start ?? 0) + 2000;
          const mine = lines.filter((l) => l.text.toLowerCase().includes(name.toLowerCase()));
          if (mine.some((l) => near(l.at, due))) continue;
          const want = ctx.sec(due);
          const seen = mine.length === 0
            ? lines.length === 0 ? msg("warnsAtDeadlineSeen") : msg("warnsAtDeadlineSeen2")
            : msg("warnsAtDeadlineSeen3", {
              mine: joinTexts(mine.map((l) => ctx.sec(l.at)), msg("instantsSeparator")),
            });
          const early = mine.length > 0 && mine.every((l) => l.at < due - EPS);
          const missed = call === undefined
            ? msg("warnsAtDeadlineMissed", { name })
            : msg("warnsAtDeadlineMissed2", { name });
          ctx.fail(msg("warnsAtDeadlineFail", { missed, want, seen, early }), {
            expected: msg("warnsAtDeadlineExpected", { name, want }),
            actual: seen,
            tookMs: run.elapsedMs,
            expectedMs: 2000,
          });
        }
      },
    },
    {
      id: "query-all-report",
      points: 1,
      title: msg("queryAllReportTitle"),
      hint: msg("queryAllReportHint"),
      async run(ctx) {
        for (const timeoutMs of [undefined, deadline(ctx, 1.5, 2.5)]) {
          const table = timeoutMs === undefined ? STATEMENT : randomTable(ctx, timeoutMs);
          const { probes, run, report } = await runQueryAll(ctx, table, timeoutMs);
          const ok = Object.keys(table).filter((n) => answered(probes.get(n)));
          const late = Object.keys(table).filter((n) => !answered(probes.get(n)));
          const got = { responded: names(report?.responded), timedOut: names(report?.timedOut) };
          // A server that answered right at its deadline (server_B) is a tie: if its work was not
          // cancelled, the deadline may still have won the race, so either list is right for it.
          const deadlineMs = timeoutMs ?? 2000;
          const tied = ok.filter((n) => {
            const c = probes.get(n)!.calls[0];
            return c.end !== null && near(c.end - c.start, deadlineMs) &&
              Array.isArray(report?.timedOut) && report.timedOut.includes(n);
          });
          const want = {
            responded: ok.filter((n) => !tied.includes(n)).sort(),
            timedOut: [...late, ...tied].sort(),
          };
          if (!sameData(got, want)) {
            const tie = timeoutMs === undefined
              ? msg("queryAllReportTie", { inTime: answered(probes.get("server_B")) })
              : "";
            ctx.fail(msg("queryAllReportFail", { got: show(got), want: show(want), tie }), {
              expected: showData(want),
              actual: showData(got),
            });
          }
          const s = report?.seconds;
          if (typeof s !== "number" || !near(s, run.elapsedMs / 1000, 0.051)) {
            const passed = ctx.sec(run.elapsedMs, 2);
            const inMs = typeof s === "number" && near(s, run.elapsedMs, 1);
            ctx.fail(msg("queryAllReportFail2", { s: show(s), passed, inMs }), {
              expected: passed,
              actual: showData(s),
            });
          }
        }
      },
    },
    {
      id: "main-finishes",
      points: 1,
      title: msg("mainFinishesTitle"),
      hint: msg("mainFinishesHint"),
      async run(ctx) {
        const main = ctx.fn<() => Promise<void>>("main");
        const run = await ctx.settle("main()", () => main());
        const took = ctx.sec(run.elapsedMs);
        if (run.elapsedMs < 2000 - EPS) {
          ctx.fail(msg("mainFinishesFail", { took }), { expected: ctx.sec(2000), actual: took });
        }
        if (run.logs.length === 0) {
          ctx.fail(msg("mainFinishesFail2"));
        }
      },
    },
  ],
});
