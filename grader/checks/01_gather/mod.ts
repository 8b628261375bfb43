/**
 * Checks of exercise 1 (`01_gather.ts`): sequential vs concurrent calls.
 *
 * The runners get probes whose durations come from the seed at millisecond
 * resolution (off any 100 ms grid), in every relative order, so that a
 * hard-coded answer or a value right only for the statement's 2 s / 3 s /
 * 1 s cannot pass; timing checks also require each probe to be called
 * exactly once.
 *
 * @module
 */
import { type CheckContext, containsPromise, defineChecks, type FailMark } from "../../check.ts";
import { ClockTamperError, now, type Span, type VirtualRun } from "../../clock.ts";
import { joinTexts, type LocalText } from "../../i18n/mod.ts";
import type { Probe } from "../../probe.ts";
import { EPS, near, sameData, show, showData, wait } from "../../toolkit.ts";
import { msg } from "./messages.ts";

type Lists = [string[], string[], string[]];
type Runner = (fetchers?: Record<string, () => Promise<string[]>>) => Promise<
  { value: Lists; seconds: number }
>;
type RunnerName = "runSequential" | "runConcurrent";

const NAMES = ["users", "orders", "inventory"] as const;
const STATEMENT_MS: [number, number, number] = [2000, 3000, 1000];
/** The six orders three calls can finish in, as a permutation of the statement's durations. */
const ORDERS = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]] as const;

interface Trio {
  fetchers: Record<(typeof NAMES)[number], Probe<string[]>>;
  ms: [number, number, number];
  values: Lists;
  /** The error the failing fetcher rejects with, if any. */
  error?: Error;
}

/**
 * A duration around `seconds` (± 0.5 s), drawn at millisecond resolution and
 * never on a 10 ms grid: code right only for round durations fails.
 */
function drawMs(ctx: CheckContext, seconds: number): number {
  const ms = Math.round((seconds - 0.5) * 1000 + ctx.random() * 1000);
  return ms % 10 === 0 ? ms + 3 : ms;
}

/**
 * Three probes with distinct values. Their durations are the statement's
 * (2 s, 3 s, 1 s), or drawn from the seed around them with `vary` (around a
 * permutation of them with `order`, so the calls finish in that order's
 * reverse… any order), so that a hard-coded answer cannot pass.
 */
function trio(
  ctx: CheckContext,
  options: { failing?: number; vary?: boolean; order?: readonly number[] } = {},
): Trio {
  const base = options.order ? options.order.map((i) => STATEMENT_MS[i] / 1000) : [2, 3, 1];
  const ms = base.map((s) => options.vary ? drawMs(ctx, s) : s * 1000) as Trio["ms"];
  const values = NAMES.map((n, i) => [`${n}-${Math.floor(ctx.random() * 1000)}`, `#${i}`]) as Lists;
  const error = options.failing === undefined
    ? undefined
    : new Error(`${NAMES[options.failing]} service is down`);
  const fetchers = Object.fromEntries(NAMES.map((name, i) => [
    name,
    ctx.probe<string[]>(name, {
      seconds: ms[i] / 1000,
      value: () => [...values[i]],
      error: options.failing === i ? error : undefined,
    }),
  ])) as Trio["fetchers"];
  // Learner code gets this object: it must not swap a probe for a fake.
  Object.freeze(fetchers);
  return { fetchers, ms, values, error };
}

function runner(ctx: CheckContext, name: RunnerName): Runner {
  return ctx.fn<Runner>(name);
}

/** How many times each fetcher was called, as `users ×0, orders ×1…` for those not called once. */
function notOnce(t: Trio): string | null {
  const wrong = NAMES.filter((n) => t.fetchers[n].calls.length !== 1);
  if (wrong.length === 0) return null;
  return wrong.map((n) => `${n} ×${t.fetchers[n].calls.length}`).join(", ");
}

/** Fails unless each fetcher was called exactly once. */
function requireEachOnce(ctx: CheckContext, name: RunnerName, t: Trio): void {
  const wrong = notOnce(t);
  if (wrong !== null) {
    ctx.fail(msg("calledOnceFail", { name, calls: wrong }), {
      expected: "users ×1, orders ×1, inventory ×1",
      actual: NAMES.map((n) => `${n} ×${t.fetchers[n].calls.length}`).join(", "),
    });
  }
}

/** A mark per probe call's end, for a timeline the message talks about. */
function endMarks(t: Trio): FailMark[] {
  return NAMES.flatMap((n) =>
    t.fetchers[n].calls.flatMap((c) =>
      c.end === null
        ? []
        : [{ at: c.end, label: msg("markSettled", { name: n }), kind: "call" as const }]
    )
  );
}

/** The value field of what a runner resolved with (no learner getter is called). */
function field(result: unknown, key: "value" | "seconds"): unknown {
  if (typeof result !== "object" || result === null) return undefined;
  const d = Object.getOwnPropertyDescriptor(result, key);
  return d && "value" in d ? d.value : undefined;
}

/** How many Promises `value` holds at its top level (or -1: it is one itself). */
function promisesIn(value: unknown): number {
  if (containsPromise(value, 0)) return -1;
  return Array.isArray(value) ? value.filter((v) => containsPromise(v, 0)).length : 0;
}

/**
 * Runs `name(fetchers)` and returns the run when it resolved; otherwise
 * fails with the engine's own diagnosis (threw, never settled…), or, when
 * `.value` holds Promises, says so in the code's words.
 */
async function resolved(
  ctx: CheckContext,
  name: RunnerName,
  t: Trio,
): Promise<VirtualRun<unknown>> {
  const run = runner(ctx, name);
  const result = await ctx.run(() => run(t.fetchers));
  if (result.status === "ok" && result.unhandled.length === 0) {
    const value = field(result.value, "value");
    const n = promisesIn(value);
    if (n !== 0) {
      ctx.fail(msg("promisesInValue", { name, count: n }), {
        expected: showData(t.values),
        actual: n === -1
          ? "Promise"
          : `[${
            (value as unknown[]).map((v) => containsPromise(v, 0) ? "Promise" : show(v)).join(", ")
          }]`,
      });
    }
    if (!containsPromise(result.value)) return result;
  }
  // Let the engine say what went wrong, on a fresh run of the same shape.
  const again = trio(ctx, { vary: true });
  await ctx.settle(`${name}(fetchers)`, () => run(again.fetchers));
  ctx.fail(msg("runnerFailed", { name, status: result.status }));
}

/** Seconds at a precision that shows ms when any of `all` is off the 100 ms grid. */
const sec = (ctx: CheckContext, ms: number, ...all: number[]): LocalText =>
  ctx.sec(ms, [ms, ...all].every((x) => Math.round(x) % 100 === 0) ? 1 : 3);

/** Numbers printed in `text`, in any format: `6`, `6.0`, `6,02`, `6000`. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => Number(m[0].replace(",", ".")));
}

/** Whether a printed number is `seconds`, written in seconds (any rounding to 0.1 s) or in ms. */
function isFigure(n: number, seconds: number): boolean {
  return Math.abs(n - seconds) <= 0.051 || Math.abs(n / 1000 - seconds) <= 0.051;
}

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hintFailures"), msg("hint3")],
  checks: [
    {
      id: "fetch-durations",
      points: 3,
      title: msg("fetchDurationsTitle"),
      hint: msg("fetchDurationsHint"),
      lesson: "01_sync_vs_async#waiting-without-blocking",
      async run(ctx) {
        const expected: [string, number, string[]][] = [
          ["fetchUsers", 2000, ["alice", "bob", "charlie"]],
          ["fetchOrders", 3000, ["order_1", "order_2"]],
          ["fetchInventory", 1000, ["item_A", "item_B", "item_C"]],
        ];
        // Each function twice: a result kept from the first call must not make the second instant.
        for (const again of [false, true]) {
          for (const [name, ms, value] of expected) {
            const fn = ctx.fn<() => Promise<string[]>>(name);
            const run = await ctx.settle(`${name}()`, () => fn());
            if (!near(run.elapsedMs, ms)) {
              const took = ctx.sec(run.elapsedMs, 3), want = ctx.sec(ms);
              ctx.fail(msg("fetchDurationsFail", { name, took, want, again }), {
                expected: want,
                actual: took,
                timeline: [],
                marks: [{ at: ms, label: msg("markShouldSettle", { name }), kind: "expected" }],
              });
            }
            if (!sameData(run.value, value)) {
              ctx.fail(
                msg("fetchDurationsFail2", { name, runValue: show(run.value), value: show(value) }),
                { expected: showData(value), actual: showData(run.value), timeline: [] },
              );
            }
          }
        }
      },
    },
    {
      id: "sequential-order",
      points: 3,
      title: msg("sequentialOrderTitle"),
      hint: msg("sequentialOrderHint"),
      lesson: "05_chaining#one-after-another",
      async run(ctx) {
        const t = trio(ctx, { vary: true, order: ORDERS[Math.floor(ctx.random() * 6)] });
        const run = runner(ctx, "runSequential");
        await ctx.settle("runSequential(fetchers)", () => run(t.fetchers));
        requireEachOnce(ctx, "runSequential", t);
        const spans = NAMES.map((n) => t.fetchers[n].calls[0]);
        const order = [...spans].sort((a, b) => a.start - b.start).map((s) => s.label);
        if (order.join() !== NAMES.join()) {
          ctx.fail(msg("sequentialOrderFail2", { order: order.join(", ") }), {
            expected: "users, orders, inventory",
            actual: order.join(", "),
          });
        }
        for (let i = 1; i < 3; i++) {
          const prev = spans[i - 1];
          if (prev.end === null || spans[i].start < prev.end - EPS) {
            const at = sec(ctx, spans[i].start);
            // A call still running when runSequential returned has no end to show.
            const end = prev.end === null ? msg("sequentialOrderEnd") : sec(ctx, prev.end);
            ctx.fail(
              msg("sequentialOrderFail3", { call: NAMES[i], at, previous: NAMES[i - 1], end }),
              {
                expected: end,
                actual: at,
                marks: prev.end === null ? [] : [{
                  at: prev.end,
                  label: msg("markSettled", { name: NAMES[i - 1] }),
                  kind: "call",
                }],
              },
            );
          }
        }
      },
    },
    {
      id: "sequential-total",
      points: 2,
      title: msg("sequentialTotalTitle"),
      hint: msg("sequentialTotalHint"),
      lesson: "05_chaining#one-after-another",
      dependsOn: ["sequential-order"],
      async run(ctx) {
        for (const vary of [false, true]) {
          const t = trio(ctx, { vary });
          const result = await resolved(ctx, "runSequential", t);
          requireEachOnce(ctx, "runSequential", t);
          const sum = t.ms[0] + t.ms[1] + t.ms[2];
          if (!near(result.elapsedMs, sum)) {
            const took = sec(ctx, result.elapsedMs, sum), want = sec(ctx, sum, result.elapsedMs);
            const plus = msg("plus");
            const durations = joinTexts(t.ms.map((ms) => sec(ctx, ms, ...t.ms)), plus);
            ctx.fail(msg("sequentialTotalFail", { took, want, durations }), {
              expected: want,
              actual: took,
              tookMs: result.elapsedMs,
              expectedMs: sum,
              marks: [{ at: sum, label: msg("markSum"), kind: "expected" }],
            });
          }
        }
      },
    },
    {
      id: "concurrent-start",
      points: 3,
      title: msg("concurrentStartTitle"),
      hint: msg("concurrentStartHint"),
      lesson: "02_async_await_rules#promises-start-at-once",
      async run(ctx) {
        // The statement's durations: the timeline shows the figures the learner knows.
        const t = trio(ctx);
        const run = runner(ctx, "runConcurrent");
        // What matters here is when each call started: a value the runner got
        // wrong is another check's business.
        const result = await ctx.run(() => run(t.fetchers));
        const tampered = result.status === "error" && result.error instanceof ClockTamperError;
        if (
          tampered ||
          (result.status !== "ok" && NAMES.every((n) => t.fetchers[n].calls.length === 0))
        ) {
          await ctx.settle("runConcurrent(fetchers)", () => run(trio(ctx).fetchers));
        }
        const firstEnd = Math.min(...t.ms);
        for (const name of NAMES) {
          const calls = t.fetchers[name].calls;
          if (calls.length !== 1) {
            ctx.fail(msg("concurrentStartFail", { name, callsLength: calls.length }), {
              expected: "users ×1, orders ×1, inventory ×1",
              actual: NAMES.map((n) => `${n} ×${t.fetchers[n].calls.length}`).join(", "),
            });
          }
          if (calls[0].start > EPS) {
            const at = sec(ctx, calls[0].start);
            const late = calls[0].start >= firstEnd - EPS;
            ctx.fail(msg("concurrentStartFail2", { name, at, late }), {
              expected: ctx.sec(0),
              actual: at,
              marks: endMarks(t).filter((m) => m.at <= calls[0].start + EPS),
            });
          }
        }
      },
    },
    {
      id: "concurrent-max-not-sum",
      points: 4,
      title: msg("concurrentMaxNotSumTitle"),
      hint: msg("concurrentMaxNotSumHint"),
      lesson: "05_chaining#the-longest-chain",
      dependsOn: ["concurrent-start", "values-in-order"],
      async run(ctx) {
        // The statement's durations first (the figures the learner knows),
        // then drawn ones, off any grid.
        for (const vary of [false, true]) {
          const t = trio(ctx, { vary });
          const result = await resolved(ctx, "runConcurrent", t);
          requireEachOnce(ctx, "runConcurrent", t);
          const max = Math.max(...t.ms), sum = t.ms[0] + t.ms[1] + t.ms[2];
          if (!near(result.elapsedMs, max)) {
            const took = sec(ctx, result.elapsedMs, max), want = sec(ctx, max, result.elapsedMs);
            const summed = near(result.elapsedMs, sum);
            ctx.fail(msg("concurrentMaxNotSumFail", { took, want, summed }), {
              expected: want,
              actual: took,
              tookMs: result.elapsedMs,
              expectedMs: max,
              marks: [{ at: max, label: msg("markLongest"), kind: "expected" }],
            });
          }
        }
      },
    },
    {
      id: "values-in-order",
      points: 2,
      title: msg("valuesInOrderTitle"),
      hint: msg("valuesInOrderHint"),
      lesson: "08_toolbox#promise-all",
      dependsOn: ["sequential-order", "concurrent-start"],
      async run(ctx) {
        // Every order the three calls can finish in, for both runners.
        for (const name of ["runSequential", "runConcurrent"] as const) {
          for (const order of ORDERS) {
            const t = trio(ctx, { vary: true, order });
            const result = await resolved(ctx, name, t);
            const got = field(result.value, "value");
            if (!sameData(got, t.values)) {
              const finished = NAMES.map((n, i) => [n, t.ms[i]] as const)
                .sort((a, b) => a[1] - b[1]).map(([n]) => n).join(", ");
              ctx.fail(
                msg("valuesInOrderFail", {
                  name,
                  got: show(got),
                  tValues: show(t.values),
                  finished,
                }),
                { expected: showData(t.values), actual: showData(got) ?? "undefined" },
              );
            }
          }
        }
      },
    },
    {
      id: "own-seconds",
      points: 1,
      title: msg("ownSecondsTitle"),
      hint: msg("ownSecondsHint"),
      lesson: "01_sync_vs_async#measuring-time",
      dependsOn: ["values-in-order"],
      async run(ctx) {
        for (const name of ["runSequential", "runConcurrent"] as const) {
          const run = runner(ctx, name);
          // Called twice, the first time well after the clock started: a start
          // time taken once (per module) or added instead of subtracted shows.
          const offset = drawMs(ctx, 1.5);
          const calls: { from: number; to: number; seconds: unknown }[] = [];
          const trios: Trio[] = [];
          const result = await ctx.run(async () => {
            await wait(offset);
            for (let i = 0; i < 2; i++) {
              const t = trio(ctx, { vary: true });
              trios.push(t);
              const from = now();
              const out = await run(t.fetchers);
              calls.push({ from, to: now(), seconds: field(out, "seconds") });
            }
          });
          if (result.status !== "ok" || calls.length < 2) {
            // Why it did not resolve is another check's business: say it here too.
            await resolved(ctx, name, trio(ctx, { vary: true }));
          }
          // Time measured around no work earns nothing.
          for (const t of trios) requireEachOnce(ctx, name, t);
          for (const [i, c] of calls.entries()) {
            const took = c.to - c.from;
            const real = took / 1000;
            const s = c.seconds;
            if (typeof s !== "number" || !(Math.abs(s - real) <= 0.051)) {
              const want = ctx.sec(took, 3);
              const cause = typeof s !== "number"
                ? "notNumber"
                : Math.abs(s - took) < 1
                ? "ms"
                : Math.abs(s - c.to / 1000) < 0.051 || Math.abs(s - (c.to + c.from) / 1000) < 0.051
                ? "clock"
                : "other";
              ctx.fail(
                msg("ownSecondsFail", {
                  name,
                  nth: i + 1,
                  at: ctx.sec(c.from, 3),
                  seconds: show(s),
                  want,
                  cause,
                }),
                {
                  expected: want,
                  actual: show(s),
                  marks: [
                    { at: c.from, label: msg("markCalled", { name }), kind: "call" },
                    { at: c.to, label: msg("markResolved", { name }), kind: "call" },
                  ],
                },
              );
            }
          }
        }
      },
    },
    {
      id: "rejection-propagates",
      points: 1,
      title: msg("rejectionPropagatesTitle"),
      hint: msg("rejectionPropagatesHint"),
      lesson: "09_many_errors#first-error-wins",
      dependsOn: ["values-in-order"],
      async run(ctx) {
        // Each call fails in turn, finishing first, in the middle or last
        // (statement index 2 is the shortest wait, 0 the middle one, 1 the longest).
        const cases = [0, 1, 2].flatMap((failing) =>
          [2, 0, 1].map((rank) => {
            const fits = ORDERS.filter((o) => o[failing] === rank);
            return { failing, order: fits[Math.floor(ctx.random() * fits.length)] };
          })
        );
        for (const name of ["runSequential", "runConcurrent"] as const) {
          for (const { failing, order } of cases) {
            const t = trio(ctx, { failing, vary: true, order });
            const run = runner(ctx, name);
            const result = await ctx.run(() => run(t.fetchers));
            const failed = NAMES[failing];
            const message = (result.error as { message?: unknown })?.message;
            const rejected = result.status === "error" &&
              (result.error === t.error || message === t.error!.message);
            // The failed call's own rejection left unhandled for a while (another
            // uncaught error is the business of the checks that settle the runner).
            const unhandled = result.unhandled.some((e) =>
              e === t.error || (e as { message?: unknown })?.message === t.error!.message
            );
            if (rejected && !unhandled) continue;
            let what: LocalText;
            if (rejected) {
              const at = t.fetchers[failed].calls[0]?.end ?? result.elapsedMs;
              what = msg("rejectionUnhandled", { failed, at: sec(ctx, at) });
            } else if (result.status === "ok" && promisesIn(field(result.value, "value")) !== 0) {
              what = msg("rejectionPromises");
            } else if (result.status === "ok" && t.fetchers[failed].calls.length === 0) {
              what = msg("rejectionNotCalled", { failed });
            } else if (
              result.status === "ok" &&
              t.fetchers[failed].calls.every((c) =>
                c.end === null || c.end > result.elapsedMs + EPS
              )
            ) {
              what = msg("rejectionTooEarly", {
                at: sec(ctx, result.elapsedMs),
                failed,
                value: show(field(result.value, "value"), 200),
              });
            } else if (result.status === "ok") {
              const value = field(result.value, "value");
              const slot = Array.isArray(value) ? value[failing] : undefined;
              const settled = Array.isArray(value) &&
                value.some((v) =>
                  typeof v === "object" && v !== null && !Array.isArray(v) &&
                  Object.getOwnPropertyDescriptor(v, "status") !== undefined
                );
              what = msg("rejectionResolved", {
                value: show(value, 200),
                failed,
                slot: show(slot, 80),
                settled,
              });
            } else if (result.status === "deadlock") {
              what = msg("rejectionPropagatesWhat2");
            } else {
              what = msg("rejectionPropagatesWhat3", {
                resultStatus: result.status,
                message: result.status === "error" ? show(String(message ?? result.error)) : "",
              });
            }
            ctx.fail(msg("rejectionPropagatesFail", { name, failed, what, unhandled: rejected }), {
              expected: `Error: ${t.error!.message}`,
              actual: what,
              marks: t.fetchers[failed].calls.flatMap((c) =>
                c.end === null
                  ? []
                  : [{ at: c.end, label: msg("markRejected", { name: failed }), kind: "call" }]
              ),
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
      lesson: "05_chaining#one-after-another",
      dependsOn: ["fetch-durations", "own-seconds"],
      async run(ctx) {
        const main = ctx.fn<() => Promise<void>>("main");
        const result = await ctx.settle("main()", () => main());
        const spans: Span[] = [...result.events];
        // What main should print: the seconds each runner measures on its own,
        // with the learner's fetchers (the statement's 6 s and 3 s when a
        // runner cannot run alone: other checks say why).
        const alone = async (name: RunnerName, fallback: number) => {
          try {
            const r = await ctx.run(() => runner(ctx, name)());
            const s = field(r.value, "seconds");
            if (r.status === "ok" && typeof s === "number" && Number.isFinite(s)) {
              return { ms: r.elapsedMs, seconds: s };
            }
          } catch {
            // Still a TODO or missing: other checks say so.
          }
          return { ms: fallback, seconds: fallback / 1000 };
        };
        const seq = await alone("runSequential", 6000);
        const conc = await alone("runConcurrent", 3000);
        const lines = result.logs;
        if (lines.length === 0) ctx.fail(msg("mainFinishesFail"));
        const marks: FailMark[] = lines.map((l) => ({
          at: l.at,
          label: l.text.slice(0, 40),
          kind: "print",
        }));
        const need = Math.max(seq.ms, conc.ms);
        if (result.elapsedMs < need - EPS) {
          const at = ctx.sec(result.elapsedMs), want = ctx.sec(need);
          ctx.fail(msg("mainFinishesFail2", { at, want }), {
            expected: want,
            actual: at,
            tookMs: result.elapsedMs,
            expectedMs: need,
            timeline: spans,
            marks: [...marks, { at: need, label: msg("markAlone"), kind: "expected" }],
          });
        }
        // Each measured figure printed, in any format or language, once it is
        // known — unless the output reached the engine's cap (64 KiB or 2000
        // lines, see clock.ts), past which the lines that hold them are lost.
        const chars = lines.reduce((n, l) => n + l.text.length, 0);
        const capped = lines.length >= 2000 || chars >= 60 * 1024;
        const missing: LocalText[] = [];
        for (const [name, m] of [["runSequential", seq], ["runConcurrent", conc]] as const) {
          const shown = lines.some((l) =>
            l.at >= m.ms - EPS && numbersIn(l.text).some((n) => isFigure(n, m.seconds))
          );
          if (!shown && !capped) {
            missing.push(msg("figure", { name, seconds: ctx.sec(m.seconds * 1000, 2) }));
          }
        }
        if (missing.length > 0) {
          ctx.fail(
            msg("mainFiguresFail", {
              missing: joinTexts(missing, msg("comma")),
              printed: show(lines.map((l) => l.text).join(" | "), 200),
            }),
            {
              expected: joinTexts(missing, msg("comma")),
              actual: lines.map((l) => l.text).join(" | "),
              marks,
            },
          );
        }
      },
    },
  ],
});
