/**
 * Checks of exercise 1 (`01_gather.ts`): sequential vs concurrent calls.
 *
 * The runners get probes whose durations come from the seed (around the
 * statement's 2 s / 3 s / 1 s), so a hard-coded answer cannot pass.
 *
 * @module
 */
import { type CheckContext, defineChecks } from "../../check.ts";
import type { Probe } from "../../probe.ts";
import { EPS, near, sameData, show, showData } from "../../toolkit.ts";
import { msg } from "./messages.ts";

type Lists = [string[], string[], string[]];
type Runner = (fetchers?: Record<string, () => Promise<string[]>>) => Promise<
  { value: Lists; seconds: number }
>;

const NAMES = ["users", "orders", "inventory"] as const;

interface Trio {
  fetchers: Record<(typeof NAMES)[number], Probe<string[]>>;
  ms: [number, number, number];
  values: Lists;
}

/**
 * Three probes with distinct values. Their durations are the statement's
 * (2 s, 3 s, 1 s), or drawn from the seed around them with `vary`, so that a
 * hard-coded answer cannot pass.
 */
function trio(ctx: CheckContext, options: { failing?: number; vary?: boolean } = {}): Trio {
  const base = [2, 3, 1];
  const ms = base.map((s) =>
    options.vary ? Math.round((s + ctx.random() - 0.5) * 10) * 100 : s * 1000
  ) as Trio["ms"];
  const values = NAMES.map((n, i) => [`${n}-${Math.floor(ctx.random() * 1000)}`, `#${i}`]) as Lists;
  const fetchers = Object.fromEntries(NAMES.map((name, i) => [
    name,
    ctx.probe<string[]>(name, {
      seconds: ms[i] / 1000,
      value: () => [...values[i]],
      error: options.failing === i ? new Error(`${name} service is down`) : undefined,
    }),
  ])) as Trio["fetchers"];
  // Learner code gets this object: it must not swap a probe for a fake.
  Object.freeze(fetchers);
  return { fetchers, ms, values };
}

function runner(ctx: CheckContext, name: "runSequential" | "runConcurrent"): Runner {
  return ctx.fn<Runner>(name);
}

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3")],
  checks: [
    {
      id: "fetch-durations",
      points: 3,
      title: msg("fetchDurationsTitle"),
      hint: msg("fetchDurationsHint"),
      async run(ctx) {
        const expected: [string, number, string[]][] = [
          ["fetchUsers", 2000, ["alice", "bob", "charlie"]],
          ["fetchOrders", 3000, ["order_1", "order_2"]],
          ["fetchInventory", 1000, ["item_A", "item_B", "item_C"]],
        ];
        for (const [name, ms, value] of expected) {
          const fn = ctx.fn<() => Promise<string[]>>(name);
          const run = await ctx.settle(`${name}()`, () => fn());
          if (!near(run.elapsedMs, ms)) {
            const took = ctx.sec(run.elapsedMs, 3), want = ctx.sec(ms);
            ctx.fail(msg("fetchDurationsFail", { name, took, want }), {
              expected: want,
              actual: took,
              timeline: [],
            });
          }
          if (!sameData(run.value, value)) {
            ctx.fail(
              msg("fetchDurationsFail2", { name, runValue: show(run.value), value: show(value) }),
              { expected: showData(value), actual: showData(run.value), timeline: [] },
            );
          }
        }
      },
    },
    {
      id: "sequential-order",
      points: 3,
      title: msg("sequentialOrderTitle"),
      hint: msg("sequentialOrderHint"),
      async run(ctx) {
        const t = trio(ctx);
        const run = runner(ctx, "runSequential");
        await ctx.settle("runSequential(fetchers)", () => run(t.fetchers));
        const calls = NAMES.map((n) => t.fetchers[n].calls);
        const missing = NAMES.filter((_, i) => calls[i].length !== 1);
        if (missing.length > 0) {
          ctx.fail(msg("sequentialOrderFail", { missing: missing.join(", ") }));
        }
        const spans = calls.map((c) => c[0]);
        const order = [...spans].sort((a, b) => a.start - b.start).map((s) => s.label);
        if (order.join() !== NAMES.join()) {
          ctx.fail(msg("sequentialOrderFail2", { order: order.join(", ") }), {
            expected: "users, orders, inventory",
            actual: order.join(", "),
          });
        }
        for (let i = 1; i < 3; i++) {
          const prev = spans[i - 1];
          if (prev.end === null || spans[i].start < prev.end) {
            const at = ctx.sec(spans[i].start);
            // A call still running when runSequential returned has no end to show.
            const end = prev.end === null ? msg("sequentialOrderEnd") : ctx.sec(prev.end);
            ctx.fail(
              msg("sequentialOrderFail3", { call: NAMES[i], at, previous: NAMES[i - 1], end }),
              { expected: end, actual: at },
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
      async run(ctx) {
        const t = trio(ctx);
        const run = runner(ctx, "runSequential");
        const result = await ctx.settle("runSequential(fetchers)", () => run(t.fetchers));
        const sum = t.ms[0] + t.ms[1] + t.ms[2];
        if (!near(result.elapsedMs, sum)) {
          const took = ctx.sec(result.elapsedMs), want = ctx.sec(sum);
          ctx.fail(msg("sequentialTotalFail", { took, want }), {
            expected: want,
            actual: took,
            tookMs: result.elapsedMs,
            expectedMs: sum,
          });
        }
      },
    },
    {
      id: "concurrent-start",
      points: 3,
      title: msg("concurrentStartTitle"),
      hint: msg("concurrentStartHint"),
      async run(ctx) {
        const t = trio(ctx);
        const run = runner(ctx, "runConcurrent");
        await ctx.settle("runConcurrent(fetchers)", () => run(t.fetchers));
        const firstEnd = Math.min(...t.ms);
        for (const name of NAMES) {
          const calls = t.fetchers[name].calls;
          if (calls.length !== 1) {
            ctx.fail(msg("concurrentStartFail", { name, callsLength: calls.length }));
          }
          if (calls[0].start > 0) {
            const at = ctx.sec(calls[0].start);
            const late = calls[0].start >= firstEnd;
            ctx.fail(msg("concurrentStartFail2", { name, at, late }), {
              expected: ctx.sec(0),
              actual: at,
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
      async run(ctx) {
        const t = trio(ctx);
        const run = runner(ctx, "runConcurrent");
        const result = await ctx.settle("runConcurrent(fetchers)", () => run(t.fetchers));
        const max = Math.max(...t.ms), sum = t.ms[0] + t.ms[1] + t.ms[2];
        if (!near(result.elapsedMs, max)) {
          const took = ctx.sec(result.elapsedMs), want = ctx.sec(max);
          const summed = near(result.elapsedMs, sum);
          ctx.fail(msg("concurrentMaxNotSumFail", { took, want, summed }), {
            expected: want,
            actual: took,
            tookMs: result.elapsedMs,
            expectedMs: max,
          });
        }
      },
    },
    {
      id: "values-in-order",
      points: 2,
      title: msg("valuesInOrderTitle"),
      hint: msg("valuesInOrderHint"),
      async run(ctx) {
        for (const name of ["runSequential", "runConcurrent"] as const) {
          const t = trio(ctx, { vary: true });
          const run = runner(ctx, name);
          const result = await ctx.settle(`${name}(fetchers)`, () => run(t.fetchers));
          const got = (result.value as { value?: unknown })?.value;
          if (!sameData(got, t.values)) {
            ctx.fail(msg("valuesInOrderFail", { name, got: show(got), tValues: show(t.values) }), {
              expected: showData(t.values),
              actual: showData(got) ?? "undefined",
            });
          }
        }
      },
    },
    {
      id: "own-seconds",
      points: 1,
      title: msg("ownSecondsTitle"),
      hint: msg("ownSecondsHint"),
      async run(ctx) {
        for (const name of ["runSequential", "runConcurrent"] as const) {
          const t = trio(ctx, { vary: true });
          const run = runner(ctx, name);
          const result = await ctx.settle(`${name}(fetchers)`, () => run(t.fetchers));
          const seconds = (result.value as { seconds?: unknown })?.seconds;
          const real = result.elapsedMs / 1000;
          if (typeof seconds !== "number" || !(Math.abs(seconds - real) <= 0.051)) {
            const want = ctx.sec(result.elapsedMs, 2);
            ctx.fail(
              msg("ownSecondsFail", {
                name,
                seconds: String(seconds),
                want,
                inMs: typeof seconds === "number" && Math.abs(seconds - real * 1000) < 1,
              }),
              { expected: want, actual: String(seconds) },
            );
          }
        }
      },
    },
    {
      id: "rejection-propagates",
      points: 1,
      title: msg("rejectionPropagatesTitle"),
      hint: msg("rejectionPropagatesHint"),
      async run(ctx) {
        for (const name of ["runSequential", "runConcurrent"] as const) {
          const t = trio(ctx, { failing: 1 });
          const run = runner(ctx, name);
          const result = await ctx.run(() => run(t.fetchers));
          const message = (result.error as { message?: unknown })?.message;
          if (result.status !== "error" || message !== "orders service is down") {
            const what = result.status === "ok"
              ? msg("rejectionPropagatesWhat")
              : result.status === "deadlock"
              ? msg("rejectionPropagatesWhat2")
              : msg("rejectionPropagatesWhat3", {
                resultStatus: result.status,
                message: String(message ?? ""),
              });
            ctx.fail(msg("rejectionPropagatesFail", { name, what }), {
              expected: "Error: orders service is down",
              actual: what,
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
        const result = await ctx.settle("main()", () => main());
        if (result.logs.length === 0) {
          ctx.fail(msg("mainFinishesFail"));
        }
        // main must wait for runSequential(): it cannot end sooner than that run takes on its own
        // (with the learner's own fetchers, whatever their durations).
        let alone: number | undefined;
        try {
          const seq = await ctx.run(() => runner(ctx, "runSequential")());
          if (seq.status === "ok") alone = seq.elapsedMs;
        } catch {
          // runSequential is still a TODO or missing: other checks say so.
        }
        if (alone !== undefined && result.elapsedMs < alone - EPS) {
          const at = ctx.sec(result.elapsedMs), want = ctx.sec(alone);
          ctx.fail(msg("mainFinishesFail2", { at, want }), {
            expected: want,
            actual: at,
            tookMs: result.elapsedMs,
            expectedMs: alone,
          });
        }
      },
    },
  ],
});
