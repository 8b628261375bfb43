/**
 * Checks of exercise 3 (`03_timeouts.ts`): `query`, `withTimeout` (the
 * TypeScript `asyncio.wait_for`), `queryAll` and `main`.
 *
 * Every duration and deadline is drawn from the seed at millisecond
 * resolution (off any 10 ms grid), so a hard-coded 2000 or a guess from
 * round numbers cannot pass. Servers come in every order of fast and slow,
 * sometimes one answers right at its deadline, and `queryAll` is called at a
 * later instant than t=0 (and twice in a row) so a start time taken once per
 * module fails. The checks are split so that one mistake fails one check:
 * the deadline itself is tested with work that ignores its signal;
 * cancelling the work is a separate check; a leaked timer is counted apart
 * from work that was never cancelled (a probe still pending holds exactly
 * one timer). Learner values are read as plain data (`showData`, `sameData`):
 * no getter, `toJSON` or method of theirs runs.
 *
 * @module
 */
import {
  type CheckContext,
  defineChecks,
  describeError,
  type FailDetails,
  type TimelineMark,
} from "../../check.ts";
import { type LogLine, now, virtualSetTimeout } from "../../clock.ts";
import { joinTexts, type LocalText } from "../../i18n/mod.ts";
import { isTimeout, type Probe } from "../../probe.ts";
import { EPS, near, sameData, show, showData, wait } from "../../toolkit.ts";
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
/** The statement's default deadline. */
const DEFAULT_MS = 2000;
/** Tolerance on `seconds`: a learner may round it to tenths. */
const SECONDS_EPS = 0.051;

/** Whole milliseconds in [lo, hi), never on a 10 ms grid. */
function drawMs(ctx: CheckContext, lo: number, hi: number): number {
  const ms = Math.floor(lo + ctx.random() * (hi - lo));
  return ms % 10 === 0 ? ms + 3 : ms;
}

/** A random token to tell values apart. */
const token = (ctx: CheckContext, prefix: string) =>
  `${prefix}-${Math.floor(ctx.random() * 9000) + 1000}`;

/** An instant or duration at millisecond precision: drawn values are off any grid. */
const sec3 = (ctx: CheckContext, ms: number) => ctx.sec(ms, 3);

/** A plain copy of a learner value, read without running any of its code. */
function plain(value: unknown): unknown {
  const text = showData(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/** The names in a list as plain strings, or `null` when it is not a list of strings. */
function nameList(value: unknown): string[] | null {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) return null;
  return value as string[];
}

/** The words of a printed line, lower-cased: `server_A` is named by `[SERVER_A]`, not by `server_AB`. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter((w) => w !== "");
}

/** Whether a printed line names `name` as a word of its own. */
const names = (text: string, name: string) => words(text).includes(name.toLowerCase());

/** A printed line as a timeline mark's label (short). */
const label = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

/** A deadline mark. */
const deadlineMark = (at: number, what: string): TimelineMark => ({
  at,
  label: what,
  kind: "deadline",
});

/** Query probes, one per server, the wrapper handed to `queryAll`, and what `log` received. */
function servers(
  ctx: CheckContext,
  table: Readonly<Record<string, number>>,
  failing: Readonly<Record<string, Error>> = {},
) {
  const probes = new Map<string, Probe<string>>(
    Object.entries(table).map(([name, seconds]) => [
      name,
      ctx.probe<string>(name, { seconds, value: `${name} answered`, error: failing[name] }),
    ]),
  );
  const query: Query = (name, seconds, signal) => {
    const p = probes.get(name);
    if (!p) return Promise.reject(new TypeError(`Cannot query: no server named ${show(name)}`));
    return p(name, seconds, signal);
  };
  const lines: { text: string; at: number }[] = [];
  // Like console.warn: several arguments make one line (read as data, no learner code runs).
  const log = (...parts: unknown[]) =>
    void lines.push({
      text: parts.map((p) => (typeof p === "string" ? p : show(p))).join(" "),
      at: now(),
    });
  return { probes, query, lines, log };
}

/**
 * Servers around a deadline, fast and slow in a random order (at least one
 * of each), durations off any grid; with `tie`, one answers exactly at it.
 */
function randomTable(
  ctx: CheckContext,
  timeoutMs: number,
  options: { tie?: boolean } = {},
): Record<string, number> {
  const count = 3 + Math.floor(ctx.random() * 4);
  const slow = Array.from({ length: count }, () => ctx.random() < 0.5);
  if (slow.every(Boolean)) slow[Math.floor(ctx.random() * count)] = false;
  if (!slow.some(Boolean)) slow[Math.floor(ctx.random() * count)] = true;
  const tieAt = options.tie ? Math.floor(ctx.random() * (count + 1)) : -1;
  const table: Record<string, number> = {};
  const letters = "ABCDEFGH";
  let next = 0;
  for (let i = 0; i <= count; i++) {
    if (i === tieAt) table[`server_${letters[next++]}`] = timeoutMs / 1000;
    if (i === count) break;
    const ms = slow[i]
      ? drawMs(ctx, timeoutMs + 150, timeoutMs + 3000)
      : drawMs(ctx, 100, timeoutMs - 150);
    table[`server_${letters[next++]}`] = ms / 1000;
  }
  return table;
}

/**
 * What happened to each server by the instant `queryAll` returned (`until`):
 * the lists a right report holds (a tie may go either way).
 */
function outcome(
  probes: ReadonlyMap<string, Probe<string>>,
  reported: { timedOut: string[] | null },
  deadlineMs: number,
  until: number,
) {
  const responded: string[] = [], timedOut: string[] = [], tied: string[] = [];
  for (const [name, probe] of probes) {
    const c = probe.calls[0];
    // A query never cancelled may answer later in the run: too late for this report.
    const ok = c?.outcome === "ok" && c.end !== null && c.end <= until + EPS;
    const tie = ok && c.end !== null && near(c.end - c.start, deadlineMs);
    if (tie) tied.push(name);
    // A server that answered right at its deadline is a tie: the deadline may
    // still have won the race, so either list is right for it.
    if (ok && !(tie && reported.timedOut?.includes(name))) responded.push(name);
    else timedOut.push(name);
  }
  return { responded: responded.sort(), timedOut: timedOut.sort(), tied };
}

/** Runs `queryAll` on probes from virtual instant `at`, and fails unless it settles. */
async function runQueryAll(
  ctx: CheckContext,
  table: Readonly<Record<string, number>>,
  options: {
    timeoutMs?: number;
    at?: number;
    log?: boolean;
    failing?: Readonly<Record<string, Error>>;
  } = {},
) {
  const queryAll = ctx.fn<QueryAll>("queryAll");
  const s = servers(ctx, table, options.failing);
  const { timeoutMs, at = 0, log = true } = options;
  const given: Record<string, unknown> = { query: s.query };
  if (timeoutMs !== undefined) given.timeoutMs = timeoutMs;
  if (log) given.log = s.log;
  const label = `queryAll(servers, { ${
    Object.keys(given).map((k) => (k === "timeoutMs" ? `timeoutMs: ${timeoutMs}` : k)).join(", ")
  } })`;
  const run = await ctx.settle(label, async () => {
    if (at > 0) await wait(at);
    return queryAll({ ...table }, given as Parameters<QueryAll>[1]);
  });
  return { ...s, run, report: plain(run.value) as Partial<Report> | undefined, at, label };
}

/** Lines printed by a run, less those `others` printed (each at most once). */
function without(lines: readonly LogLine[], others: readonly LogLine[]): LogLine[] {
  const left = new Map<string, number>();
  for (const l of others) left.set(l.text, (left.get(l.text) ?? 0) + 1);
  return lines.filter((l) => {
    const n = left.get(l.text) ?? 0;
    if (n === 0) return true;
    left.set(l.text, n - 1);
    return false;
  });
}

/** Numbers printed in a line (`2.0`, `2,0`, `2000`), each with how many decimals it shows. */
function figures(text: string): { value: number; decimals: number }[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].map(([m]) => ({
    value: Number(m.replace(",", ".")),
    decimals: m.includes(".") || m.includes(",") ? m.split(/[.,]/)[1].length : 0,
  }));
}

/** Whether a printed figure states `ms` in seconds or milliseconds, at the precision it shows. */
function statesDuration(f: { value: number; decimals: number }, ms: number): boolean {
  const slack = Math.max(0.5 * 10 ** -f.decimals, SECONDS_EPS);
  return Math.abs(f.value - ms / 1000) <= slack || Math.abs(f.value - ms) <= Math.max(1, slack);
}

/** A work that honours its signal the way `node:timers/promises` does: with an AbortError of its own. */
function abortErrorWork(ctx: CheckContext, seconds: number, value: string) {
  const inner = ctx.probe<string>("work", { seconds, value });
  const work = (signal?: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      inner(signal).then(resolve, () => {});
      if (signal instanceof AbortSignal) {
        const own = () => reject(new DOMException("The operation was aborted.", "AbortError"));
        if (signal.aborted) own();
        else signal.addEventListener("abort", own, { once: true });
      }
    });
  return { inner, work };
}

/** The failure fields of a withTimeout run: timing, deadline mark. */
function timing(ms: number, tookMs: number, extra: TimelineMark[] = []): FailDetails {
  return {
    tookMs,
    expectedMs: ms,
    marks: [deadlineMark(ms, `ms = ${ms}`), ...extra],
  };
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
      lesson: "08_toolbox#abort-signals",
      async run(ctx) {
        const query = ctx.fn<Query>("query");
        const ms = drawMs(ctx, 500, 3500);
        const seconds = ms / 1000;
        const name = token(ctx, "server");
        const call = `query("${name}", ${seconds})`;
        const plainRun = await ctx.settle(call, () => query(name, seconds));
        if (!near(plainRun.elapsedMs, ms)) {
          const took = sec3(ctx, plainRun.elapsedMs), want = sec3(ctx, ms);
          ctx.fail(
            msg("queryTook", { call, took, want, inMs: near(plainRun.elapsedMs, seconds) }),
            {
              expected: want,
              actual: took,
              timeline: [],
              tookMs: plainRun.elapsedMs,
              expectedMs: ms,
              marks: [{ at: ms, label: `${seconds} s`, kind: "expected" }],
            },
          );
        }
        if (typeof plainRun.value !== "string" || plainRun.value === "") {
          ctx.fail(msg("queryValue", { call, value: show(plainRun.value) }), {
            expected: msg("queryValueExpected"),
            actual: show(plainRun.value),
            timeline: [],
          });
        }
        // Aborted while waiting: rejects then, with the signal's own reason.
        const abortAt = drawMs(ctx, ms * 0.2, ms * 0.8);
        const reason = new Error(`stop (${token(ctx, "reason")})`);
        const controller = new AbortController();
        const aborted = await ctx.run(() => {
          virtualSetTimeout(() => controller.abort(reason), abortAt);
          return query(name, seconds, controller.signal);
        });
        const at = sec3(ctx, abortAt), took = sec3(ctx, aborted.elapsedMs);
        const abortMark: TimelineMark = { at: abortAt, label: "abort()", kind: "call" };
        if (aborted.status !== "error" || !near(aborted.elapsedMs, abortAt)) {
          const what = aborted.status === "ok"
            ? msg("queryAnsweredAnyway")
            : aborted.status === "error"
            ? msg("queryRejected")
            : msg("queryEnded", { status: aborted.status });
          ctx.fail(msg("queryNotStopped", { at, what, took }), {
            expected: at,
            actual: took,
            timeline: [],
            tookMs: aborted.elapsedMs,
            expectedMs: abortAt,
            marks: [abortMark],
          });
        }
        if (aborted.error !== reason) {
          const got = describeError(aborted.error);
          ctx.fail(msg("queryWrongReason", { at, got, want: describeError(reason) }), {
            expected: describeError(reason),
            actual: got,
            timeline: [],
          });
        }
        if (aborted.pendingTimers > 0) {
          ctx.fail(msg("queryLeftTimer", { n: aborted.pendingTimers, at }), {
            expected: "0",
            actual: String(aborted.pendingTimers),
            timeline: [],
            marks: [abortMark, { at: ms, label: `${seconds} s`, kind: "expected" }],
          });
        }
        // Already aborted before the call: rejects at once, with that reason.
        const early = new Error(`too late (${token(ctx, "reason")})`);
        const before = await ctx.run(() => query(name, seconds, AbortSignal.abort(early)));
        if (before.status !== "error" || before.elapsedMs > EPS || before.error !== early) {
          const got = before.status === "error"
            ? msg("queryEarlyRejected", { got: describeError(before.error) })
            : before.status === "ok"
            ? msg("queryEarlyAnswered")
            : msg("queryEnded", { status: before.status });
          ctx.fail(
            msg("queryAlreadyAborted", {
              got,
              took: sec3(ctx, before.elapsedMs),
              want: describeError(early),
            }),
            { expected: describeError(early), actual: got, timeline: [] },
          );
        }
      },
    },
    {
      id: "timeout-rejects-at-ms",
      points: 3,
      title: msg("timeoutRejectsAtMsTitle"),
      hint: msg("timeoutRejectsAtMsHint"),
      lesson: "08_toolbox#racing-a-timer",
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        // 1. Work that ignores its signal: the deadline must hold anyway.
        const ms = drawMs(ctx, 1000, 3000);
        const workMs = ms + drawMs(ctx, 500, 3000);
        const deaf = ctx.probe<string>("work", {
          seconds: workMs / 1000,
          value: token(ctx, "late"),
          honourSignal: false,
        });
        const call = `withTimeout(work, ${ms})`;
        const run = await ctx.run(() => withTimeout(deaf, ms));
        const want = sec3(ctx, ms), took = sec3(ctx, run.elapsedMs);
        const workEnd: TimelineMark = { at: workMs, label: "work", kind: "expected" };
        if (["deadlock", "runaway", "timer-error"].includes(run.status)) {
          await ctx.settle(call, () => withTimeout(deaf, ms));
        }
        if (run.status !== "error") {
          const what = run.status === "ok"
            ? msg("timeoutResolved", { value: show(run.value), took })
            : msg("timeoutEnded", { status: run.status, took });
          ctx.fail(msg("timeoutNotRejected", { call, workMs: sec3(ctx, workMs), what, want }), {
            expected: want,
            actual: took,
            ...timing(ms, run.elapsedMs, [workEnd]),
          });
        }
        if (!near(run.elapsedMs, ms)) {
          ctx.fail(
            msg("timeoutWrongInstant", {
              call,
              took,
              want,
              workEnd: near(run.elapsedMs, workMs),
            }),
            { expected: want, actual: took, ...timing(ms, run.elapsedMs, [workEnd]) },
          );
        }
        if (!isTimeout(run.error)) {
          const got = describeError(run.error);
          ctx.fail(msg("timeoutWrongError", { call, got }), {
            expected: "TimeoutError",
            actual: got,
            ...timing(ms, run.elapsedMs),
          });
        }
        // 2. Work that honours its signal with an AbortError of its own (as
        // node:timers/promises does): withTimeout still ends in a TimeoutError.
        const ms2 = drawMs(ctx, 1000, 3000);
        const work2Ms = ms2 + drawMs(ctx, 500, 3000);
        const { work } = abortErrorWork(ctx, work2Ms / 1000, token(ctx, "late"));
        const call2 = `withTimeout(work, ${ms2})`;
        const honoured = await ctx.settle(call2, () =>
          withTimeout(work, ms2).then(
            (value) => ({ ok: true, value, at: now() }),
            (error) => ({ ok: false, error, at: now() }),
          ));
        const r = honoured.value as { ok: boolean; value?: unknown; error?: unknown; at: number };
        const took2 = sec3(ctx, r.at), want2 = sec3(ctx, ms2);
        if (r.ok || !near(r.at, ms2) || !isTimeout(r.error)) {
          const got = r.ok
            ? msg("timeoutGotValue", { value: show(r.value) })
            : msg("timeoutGotError", { error: describeError(r.error) });
          const abortError = !r.ok && (r.error as { name?: unknown })?.name === "AbortError";
          ctx.fail(
            abortError && near(r.at, ms2)
              ? msg("timeoutAbortErrorWon", {
                call: call2,
                got: describeError(r.error),
                took: took2,
              })
              : msg("timeoutHonouringWork", { call: call2, got, took: took2, want: want2 }),
            {
              expected: msg("timeoutExpected", { at: want2 }),
              actual: r.ok ? show(r.value) : describeError(r.error),
              ...timing(ms2, r.at),
            },
          );
        }
      },
    },
    {
      id: "resolves-with-value",
      points: 2,
      title: msg("resolvesWithValueTitle"),
      hint: msg("resolvesWithValueHint"),
      lesson: "08_toolbox#racing-a-timer",
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        // A call that times out first: nothing of it may be left for the next call.
        const before = drawMs(ctx, 200, 900);
        const lost = ctx.probe<string>("work", { seconds: (before + 700) / 1000, value: "late" });
        await ctx.run(() => withTimeout(lost, before).catch(() => "timed out"));
        const ms = drawMs(ctx, 2000, 4000);
        const workMs = drawMs(ctx, 300, ms - 400);
        const value = token(ctx, "answer");
        const work = ctx.probe<string>("work", { seconds: workMs / 1000, value });
        const call = `withTimeout(work, ${ms})`;
        const run = await ctx.settle(call, () => withTimeout(work, ms));
        const c = work.calls[0];
        if (c?.aborted && c.abortedAt === c.start) {
          ctx.fail(msg("resolvesAbortedAtStart", { call }), {
            ...timing(ms, run.elapsedMs),
          });
        }
        if (run.value !== value) {
          ctx.fail(
            msg("resolvesWrongValue", {
              call,
              got: show(run.value),
              value: show(value),
              missingReturn: run.value === undefined,
            }),
            {
              expected: showData(value),
              actual: showData(run.value),
              ...timing(ms, run.elapsedMs),
            },
          );
        }
        if (!near(run.elapsedMs, workMs)) {
          const took = sec3(ctx, run.elapsedMs), want = sec3(ctx, workMs);
          ctx.fail(
            msg("resolvesLate", { call, took, want, atDeadline: near(run.elapsedMs, ms) }),
            {
              expected: want,
              actual: took,
              ...timing(ms, run.elapsedMs, [{ at: workMs, label: "work", kind: "expected" }]),
            },
          );
        }
      },
    },
    {
      id: "passes-rejection",
      points: 2,
      title: msg("passesRejectionTitle"),
      hint: msg("passesRejectionHint"),
      lesson: "08_toolbox#racing-a-timer",
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const code = token(ctx, "code");
        // Errors of several kinds, an AbortError among them: the work's own, not a timeout.
        const errors = [
          new Error(`connection reset (${code})`),
          new TypeError(`bad answer (${code})`),
          new DOMException(`cancelled by the user (${code})`, "AbortError"),
        ];
        for (const error of errors) {
          const ms = drawMs(ctx, 2000, 4000);
          const workMs = drawMs(ctx, 300, ms - 400);
          const work = ctx.probe<string>("work", { seconds: workMs / 1000, error });
          const call = `withTimeout(work, ${ms})`;
          const run = await ctx.run(() => withTimeout(work, ms));
          if (["deadlock", "runaway", "timer-error"].includes(run.status)) {
            await ctx.settle(call, () => withTimeout(work, ms));
          }
          const took = sec3(ctx, run.elapsedMs), at = sec3(ctx, workMs);
          const wanted = describeError(error);
          const failedAt: TimelineMark = { at: workMs, label: "work", kind: "expected" };
          if (run.status !== "error") {
            ctx.fail(
              msg("passesResolved", { call, at, error: wanted, got: show(run.value), took }),
              {
                expected: wanted,
                actual: showData(run.value),
                ...timing(ms, run.elapsedMs, [failedAt]),
              },
            );
          }
          if (run.error !== error) {
            const got = describeError(run.error);
            const copy = !isTimeout(run.error) && got === wanted;
            ctx.fail(
              msg("passesOtherError", {
                call,
                error: wanted,
                got,
                timeout: isTimeout(run.error),
                copy,
              }),
              { expected: wanted, actual: got, ...timing(ms, run.elapsedMs, [failedAt]) },
            );
          }
          if (!near(run.elapsedMs, workMs)) {
            ctx.fail(msg("passesLate", { call, took, at }), {
              expected: at,
              actual: took,
              ...timing(ms, run.elapsedMs, [failedAt]),
            });
          }
        }
      },
    },
    {
      id: "clears-its-timer",
      points: 2,
      title: msg("clearsItsTimerTitle"),
      hint: msg("clearsItsTimerHint"),
      lesson: "08_toolbox#clearing-timers",
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const leaked = (n: number, how: LocalText, deadlines: number[], tookMs: number) =>
          ctx.fail(msg("clearsItsTimerFail", { how, n }), {
            expected: "0",
            actual: String(n),
            tookMs,
            marks: deadlines.map((d) => deadlineMark(d, `ms = ${d}`)),
          });
        for (const fails of [false, true]) {
          const ms = drawMs(ctx, 2000, 4000);
          const workMs = drawMs(ctx, 300, ms - 400);
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
            const at = sec3(ctx, run.elapsedMs);
            leaked(run.pendingTimers, msg("clearsWhenWork", { fails, at }), [ms], run.elapsedMs);
          }
        }
        // Two calls at once: each clears its own timer, not the other's.
        const ms1 = drawMs(ctx, 2000, 3000), ms2 = drawMs(ctx, 2000, 3000);
        const w1 = ctx.probe<string>("work 1", {
          seconds: drawMs(ctx, 300, 900) / 1000,
          value: "1",
        });
        const w2 = ctx.probe<string>("work 2", {
          seconds: drawMs(ctx, 1000, 1800) / 1000,
          value: "2",
        });
        const both = await ctx.settle(
          `Promise.all([withTimeout(work1, ${ms1}), withTimeout(work2, ${ms2})])`,
          () => Promise.all([withTimeout(w1, ms1), withTimeout(w2, ms2)]),
        );
        if (both.pendingTimers > 0) {
          leaked(
            both.pendingTimers,
            msg("clearsWhenTwo", { at: sec3(ctx, both.elapsedMs) }),
            [ms1, ms2],
            both.elapsedMs,
          );
        }
        // queryAll: count what is pending apart from queries never cancelled.
        const timeoutMs = drawMs(ctx, 1500, 2500);
        const { probes, run } = await runQueryAll(ctx, randomTable(ctx, timeoutMs), {
          timeoutMs,
        });
        const stillRunning = [...probes.values()].filter((p) => p.calls.some((c) => c.end === null))
          .length;
        const own = run.pendingTimers - stillRunning;
        if (own > 0) {
          leaked(
            own,
            msg("clearsWhenQueryAll", { at: sec3(ctx, run.elapsedMs) }),
            [timeoutMs],
            run.elapsedMs,
          );
        }
      },
    },
    {
      id: "timeout-aborts-work",
      points: 2,
      title: msg("timeoutAbortsWorkTitle"),
      hint: msg("timeoutAbortsWorkHint"),
      lesson: "08_toolbox#abort-signals",
      dependsOn: ["timeout-rejects-at-ms"],
      async run(ctx) {
        const withTimeout = ctx.fn<WithTimeout>("withTimeout");
        const ms = drawMs(ctx, 1000, 3000);
        const workMs = ms + drawMs(ctx, 500, 3000);
        const work = ctx.probe<string>("work", { seconds: workMs / 1000, value: "late" });
        const run = await ctx.run(() => withTimeout(work, ms).catch(() => "gave up"));
        if (run.status !== "ok") {
          await ctx.settle(`withTimeout(work, ${ms})`, () => withTimeout(work, ms));
        }
        const call = work.calls[0];
        const want = sec3(ctx, ms);
        if (call === undefined) return ctx.fail(msg("abortsNeverCalled"));
        if (!(call.signal instanceof AbortSignal)) ctx.fail(msg("abortsNoSignal"));
        if (!call.aborted || !near(call.abortedAt!, ms)) {
          const got = call.aborted ? sec3(ctx, call.abortedAt!) : msg("abortsNever");
          ctx.fail(
            msg("abortsWrongInstant", {
              got,
              want,
              never: !call.aborted,
              atStart: call.aborted && call.abortedAt === call.start,
            }),
            { expected: want, actual: got, ...timing(ms, run.elapsedMs) },
          );
        }
        // queryAll must hand the signal on to each query.
        const timeoutMs = drawMs(ctx, 1500, 2500);
        const table = randomTable(ctx, timeoutMs);
        const at = drawMs(ctx, 100, 900);
        const { probes } = await runQueryAll(ctx, table, { timeoutMs, at });
        for (const [name, seconds] of Object.entries(table)) {
          if (seconds * 1000 <= timeoutMs) continue;
          const q = probes.get(name)!.calls[0];
          if (q === undefined) continue; // reported by query-all-together
          const due = q.start + timeoutMs;
          // When it was cancelled is query-all-together's to judge (the deadline used).
          if (!q.aborted || !(q.signal instanceof AbortSignal)) {
            ctx.fail(
              msg("abortsQueryAll", {
                name,
                seconds: sec3(ctx, seconds * 1000),
                due: sec3(ctx, due),
                noSignal: !(q.signal instanceof AbortSignal),
              }),
              { marks: [deadlineMark(due, `timeoutMs = ${timeoutMs}`)] },
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
      lesson: "08_toolbox#promise-all",
      dependsOn: ["timeout-rejects-at-ms"],
      async run(ctx) {
        // Given a deadline, then with the default one.
        const given = drawMs(ctx, 1500, 2500);
        for (const timeoutMs of [given, undefined]) {
          const deadline = timeoutMs ?? DEFAULT_MS;
          const table = randomTable(ctx, deadline);
          const at = 0;
          const { probes, run } = await runQueryAll(ctx, table, { timeoutMs });
          const longest = Math.max(...Object.values(table)) * 1000;
          const expectedMs = at + Math.min(deadline, longest);
          const marks = [
            deadlineMark(
              at + deadline,
              timeoutMs === undefined ? `${DEFAULT_MS} ms` : `timeoutMs = ${deadline}`,
            ),
          ];
          for (const [name, seconds] of Object.entries(table)) {
            const calls = probes.get(name)!.calls;
            if (calls.length !== 1) {
              ctx.fail(msg("togetherCalls", { name, n: calls.length }), { marks });
            }
            if (!near(calls[0].start, at)) {
              const started = sec3(ctx, calls[0].start);
              ctx.fail(msg("togetherLate", { name, started, at: sec3(ctx, at) }), {
                expected: sec3(ctx, at),
                actual: started,
                tookMs: run.elapsedMs,
                expectedMs,
                marks,
              });
            }
            const args = calls[0].args;
            if (args[0] !== name || args[1] !== seconds) {
              ctx.fail(
                msg("togetherArgs", {
                  name,
                  got: args.slice(0, 2).map((a) => show(a, 60)).join(", "),
                  want: `${show(name)}, ${seconds}`,
                }),
                { marks },
              );
            }
          }
          if (!near(run.elapsedMs, expectedMs)) {
            const took = sec3(ctx, run.elapsedMs - at), want = sec3(ctx, expectedMs - at);
            ctx.fail(
              timeoutMs === undefined
                ? msg("togetherDefault", { took, want })
                : msg("togetherWrongEnd", {
                  timeoutMs,
                  took,
                  deadline: sec3(ctx, deadline),
                  want,
                  hardCoded: near(run.elapsedMs - at, DEFAULT_MS),
                }),
              { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs, marks },
            );
          }
        }
      },
    },
    {
      id: "warns-at-deadline",
      points: 2,
      title: msg("warnsAtDeadlineTitle"),
      hint: msg("warnsAtDeadlineHint"),
      lesson: "08_toolbox#racing-a-timer",
      dependsOn: ["timeout-rejects-at-ms", "query-all-together"],
      async run(ctx) {
        // With the log option, a random deadline, from a later instant; then
        // the statement's servers with no log option: the console by default.
        const timeoutMs = drawMs(ctx, 1500, 2500);
        const cases = [
          { table: randomTable(ctx, timeoutMs, { tie: true }), timeoutMs, log: true },
          { table: STATEMENT, timeoutMs: undefined, log: false },
        ];
        for (const c of cases) {
          const at = drawMs(ctx, 100, 900);
          const deadline = c.timeoutMs ?? DEFAULT_MS;
          const { probes, lines, run, report } = await runQueryAll(ctx, c.table, {
            timeoutMs: c.timeoutMs,
            at,
            log: c.log,
          });
          const printed = c.log ? lines : run.logs.map((l) => ({ text: l.text, at: l.at }));
          const happened = outcome(
            probes,
            { timedOut: nameList(report?.timedOut) },
            deadline,
            run.elapsedMs,
          );
          for (const name of happened.timedOut) {
            const call = probes.get(name)!.calls[0];
            const due = (call?.start ?? at) + deadline;
            const mine = printed.filter((l) => names(l.text, name));
            if (mine.some((l) => near(l.at, due))) continue;
            const want = sec3(ctx, due);
            const seen = mine.length === 0
              ? printed.length === 0
                ? msg(c.log ? "warnsLogNeverCalled" : "warnsConsoleSilent")
                : msg("warnsNotNamed", { n: printed.length })
              : msg("warnsNamedAt", {
                instants: joinTexts(mine.map((l) => sec3(ctx, l.at)), msg("instantsSeparator")),
              });
            const early = mine.length > 0 && mine.every((l) => l.at < due - EPS);
            const started = call?.start ?? at;
            const guess = early && mine.some((l) => near(l.at, started));
            ctx.fail(
              msg("warnsAtDeadlineFail", {
                missed: call === undefined
                  ? msg("warnsNeverQueried", { name })
                  : msg("warnsTimedOut", { name }),
                want,
                seen,
                early: guess ? "guess" : early ? "early" : "",
                how: c.log || printed.length === 0 ? "" : msg("warnsNoLogOption"),
              }),
              {
                expected: msg("warnsExpected", { name, want }),
                actual: seen,
                tookMs: run.elapsedMs,
                expectedMs: at + deadline,
                marks: [
                  deadlineMark(due, c.timeoutMs ? `timeoutMs = ${deadline}` : `${DEFAULT_MS} ms`),
                  ...printed.map((l): TimelineMark => ({
                    at: l.at,
                    label: label(l.text),
                    kind: "print",
                  })),
                ],
              },
            );
          }
        }
      },
    },
    {
      id: "query-all-report",
      points: 1,
      title: msg("queryAllReportTitle"),
      hint: msg("queryAllReportHint"),
      lesson: "09_many_errors#every-outcome",
      async run(ctx) {
        const queryAll = ctx.fn<QueryAll>("queryAll");
        // The default deadline with a server right at it, then a given one,
        // called twice in a row from later instants: `seconds` is per call.
        const given = drawMs(ctx, 1500, 2500);
        const plan = [
          { timeoutMs: undefined, table: randomTable(ctx, DEFAULT_MS, { tie: true }) },
          { timeoutMs: given, table: randomTable(ctx, given, { tie: ctx.random() < 0.5 }) },
          { timeoutMs: given, table: randomTable(ctx, given) },
        ];
        const sets = plan.map((p) => servers(ctx, p.table));
        const gaps = plan.map(() => drawMs(ctx, 100, 900));
        const run = await ctx.settle("queryAll(…)", async () => {
          const out: { start: number; end: number; report: unknown }[] = [];
          for (const [i, p] of plan.entries()) {
            await wait(gaps[i]);
            const start = now();
            const options: Record<string, unknown> = { query: sets[i].query, log: sets[i].log };
            if (p.timeoutMs !== undefined) options.timeoutMs = p.timeoutMs;
            const report = await queryAll({ ...p.table }, options);
            out.push({ start, end: now(), report: plain(report) });
          }
          return out;
        });
        for (const [i, r] of run.value.entries()) {
          const report = r.report as Partial<Report> | undefined;
          const deadline = plan[i].timeoutMs ?? DEFAULT_MS;
          const lists = {
            responded: nameList(report?.responded),
            timedOut: nameList(report?.timedOut),
          };
          const want = outcome(sets[i].probes, lists, deadline, r.end);
          // This call's servers only: the timeline shows the call the message is about.
          const spans = [...sets[i].probes.values()].flatMap((p) => p.calls);
          const got = {
            responded: lists.responded ? [...lists.responded].sort() : report?.responded,
            timedOut: lists.timedOut ? [...lists.timedOut].sort() : report?.timedOut,
          };
          const call = `queryAll(servers, { ${
            plan[i].timeoutMs === undefined ? "" : `timeoutMs: ${deadline}, `
          }query, log })`;
          if (!sameData(got, { responded: want.responded, timedOut: want.timedOut })) {
            ctx.fail(
              msg("reportWrongLists", {
                call,
                got: show(got),
                want: show({ responded: want.responded, timedOut: want.timedOut }),
                tie: want.tied.length > 0 ? msg("reportTie", { names: want.tied.join(", ") }) : "",
              }),
              {
                expected: showData({ responded: want.responded, timedOut: want.timedOut }),
                actual: showData(got),
                timeline: spans,
                marks: [deadlineMark(r.start + deadline, `${deadline} ms`)],
              },
            );
          }
          const s = report?.seconds;
          const tookMs = r.end - r.start;
          if (typeof s !== "number" || !near(s, tookMs / 1000, SECONDS_EPS)) {
            const passed = sec3(ctx, tookMs);
            const fromZero = typeof s === "number" && near(s, r.end / 1000, SECONDS_EPS);
            ctx.fail(
              msg("reportWrongSeconds", {
                call,
                s: show(s),
                passed,
                inMs: typeof s === "number" && near(s, tookMs, 1),
                fromZero,
                from: sec3(ctx, r.start),
              }),
              {
                expected: passed,
                actual: showData(s),
                timeline: spans,
                marks: [
                  { at: r.start, label: "queryAll(…)", kind: "call" },
                  { at: r.end, label: "return", kind: "expected" },
                ],
              },
            );
          }
        }
      },
    },
    {
      id: "query-all-passes-errors",
      points: 1,
      title: msg("passesErrorsTitle"),
      hint: msg("passesErrorsHint"),
      lesson: "09_many_errors#first-error-wins",
      dependsOn: ["passes-rejection"],
      async run(ctx) {
        const queryAll = ctx.fn<QueryAll>("queryAll");
        const timeoutMs = drawMs(ctx, 1500, 2500);
        const table = randomTable(ctx, timeoutMs);
        const fast = Object.keys(table).filter((n) => table[n] * 1000 < timeoutMs);
        const broken = fast[Math.floor(ctx.random() * fast.length)];
        const error = new Error(`${broken}: connection refused (${token(ctx, "code")})`);
        const s = servers(ctx, table, { [broken]: error });
        const call = `queryAll(servers, { timeoutMs: ${timeoutMs}, query, log })`;
        const run = await ctx.run(() =>
          queryAll({ ...table }, { timeoutMs, query: s.query, log: s.log })
        );
        if (["deadlock", "runaway", "timer-error"].includes(run.status)) {
          await ctx.settle(call, () => queryAll({ ...table }, { timeoutMs, query: s.query }));
        }
        const failedAt = table[broken] * 1000;
        const details = (actual: string | undefined): FailDetails => ({
          expected: describeError(error),
          actual,
          marks: [
            { at: failedAt, label: `${broken} ✗`, kind: "expected" },
            deadlineMark(timeoutMs, `timeoutMs = ${timeoutMs}`),
          ],
        });
        if (run.status === "error" && run.error !== error) {
          const got = describeError(run.error);
          ctx.fail(msg("passesErrorsOther", { call, error: error.message, got }), details(got));
        }
        if (run.status === "ok") {
          // Resolving is fine too, as long as the broken server is in neither list.
          const report = plain(run.value) as Partial<Report> | undefined;
          const list = nameList(report?.timedOut)?.includes(broken)
            ? "timedOut"
            : nameList(report?.responded)?.includes(broken)
            ? "responded"
            : null;
          if (list !== null) {
            ctx.fail(
              msg("passesErrorsListed", {
                call,
                name: broken,
                error: error.message,
                at: sec3(ctx, failedAt),
                list,
              }),
              details(showData(report)),
            );
          }
        }
      },
    },
    {
      id: "main-finishes",
      points: 1,
      title: msg("mainFinishesTitle"),
      hint: msg("mainFinishesHint"),
      lesson: "10_pitfalls#forgotten-await",
      dependsOn: [
        "query-waits-and-stops",
        "query-all-together",
        "warns-at-deadline",
        "query-all-report",
      ],
      async run(ctx) {
        const table = ctx.get<unknown>("SERVERS");
        if (!sameData(table, STATEMENT)) {
          ctx.fail(msg("mainServers", { table: show(table, 200), want: show(STATEMENT) }), {
            expected: showData(STATEMENT),
            actual: showData(table),
            hint: msg("mainServersHint"),
            timeline: [],
          });
        }
        // What queryAll() prints by itself (its warnings): main's own lines are the rest.
        const queryAll = ctx.fn<QueryAll>("queryAll");
        const alone = await ctx.run(() => queryAll());
        const main = ctx.fn<() => Promise<void>>("main");
        const run = await ctx.settle("main()", () => main());
        const took = sec3(ctx, run.elapsedMs);
        const marks = (lines: readonly LogLine[]): TimelineMark[] => [
          deadlineMark(DEFAULT_MS, `${DEFAULT_MS} ms`),
          ...lines.map((l): TimelineMark => ({ at: l.at, label: label(l.text), kind: "print" })),
        ];
        if (!near(run.elapsedMs, DEFAULT_MS)) {
          ctx.fail(
            run.elapsedMs < DEFAULT_MS
              ? msg("mainEarly", { took })
              : msg("mainLate", { took, want: sec3(ctx, DEFAULT_MS) }),
            {
              expected: sec3(ctx, DEFAULT_MS),
              actual: took,
              tookMs: run.elapsedMs,
              expectedMs: DEFAULT_MS,
              marks: marks(run.logs),
            },
          );
        }
        const own = without(run.logs, alone.logs);
        const after = own.filter((l) => l.at >= DEFAULT_MS - EPS);
        const missing = Object.keys(STATEMENT).filter((n) => !after.some((l) => names(l.text, n)));
        if (missing.length > 0) {
          ctx.fail(
            msg("mainNames", {
              missing: missing.join(", "),
              n: missing.length,
              printed: after.length,
              before: own.length - after.length,
            }),
            {
              expected: Object.keys(STATEMENT).join(", "),
              actual: after.map((l) => l.text).join(" ⏎ ").slice(0, 300) || undefined,
              marks: marks(run.logs),
            },
          );
        }
        if (!after.some((l) => figures(l.text).some((f) => statesDuration(f, run.elapsedMs)))) {
          ctx.fail(msg("mainNoFigure", { took }), {
            expected: took,
            marks: marks(run.logs),
          });
        }
      },
    },
  ],
});
