/**
 * Checks of exercise 4 (`04_pipeline.ts`): the learner's `AsyncQueue`, tested
 * on its own in virtual time, and `runPipeline`, observed through probes in
 * place of `fetch` and `analyze`.
 *
 * The pipeline checks are orthogonal on purpose: each computes what it expects
 * from what the other parts of the learner's code actually did (e.g. the
 * expected analysis instants from the observed fetch ends), so one mistake
 * fails one check. The checks that only look at probe spans accept a run that
 * deadlocked after every payload was analysed; the sentinel check is the one
 * that reports that deadlock.
 *
 * @module
 */
import {
  type CheckContext,
  containsPromise,
  core,
  defineChecks,
  describeError,
  isTodo,
} from "../../check.ts";
import { now, type Span, type VirtualRun } from "../../clock.ts";
import { joinTexts, type LocalText } from "../../i18n/mod.ts";
import type { Probe, ProbeCall } from "../../probe.ts";
import { EPS, near, sameData, settleOr, show, track, wait } from "../../toolkit.ts";
import { msg } from "./messages.ts";

interface Queue {
  put(item: unknown): Promise<void>;
  get(): Promise<unknown>;
  readonly size: number;
}
type QueueClass = new (maxSize?: number) => Queue;

interface Payload {
  url: string;
  items: number[];
}
interface Analysis {
  url: string;
  consumer: number;
  value: unknown;
}
interface PipelineResult {
  results: Analysis[];
  seconds: number;
}
type RunPipeline = (urls?: readonly string[], options?: {
  consumers?: number;
  fetch?: (url: string) => Promise<Payload>;
  analyze?: (payload: Payload) => Promise<unknown>;
  log?: (line: string) => void;
}) => Promise<PipelineResult>;

function queueClass(ctx: CheckContext): QueueClass {
  const Q = ctx.get<unknown>("AsyncQueue");
  if (typeof Q !== "function") {
    ctx.fail(core("notAFunction", { name: "AsyncQueue", kind: Q === null ? "null" : typeof Q }));
  }
  return Q as QueueClass;
}

/** Random whole number in [lo, hi]. */
const int = (ctx: CheckContext, lo: number, hi: number) =>
  lo + Math.floor(ctx.random() * (hi - lo + 1));

/** Seeded shuffle. */
function shuffle<T>(ctx: CheckContext, items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const sec = (ctx: CheckContext, ms: number) => ctx.sec(ms, 2);
const list = (ctx: CheckContext, ms: number[]): LocalText =>
  joinTexts(ms.map((m) => sec(ctx, m)), msg("listSeparator"));

// ---------------------------------------------------------------------------
// The pipeline rig: probes in place of fetch and analyze.

/** Short words and one-digit ids keep the timeline labels readable. */
const WORDS = ["users", "orders", "items", "stock", "prices", "carts", "rates", "notes"];

interface Rig {
  urls: string[];
  short: Map<string, string>;
  fetch: (url: string) => Promise<Payload>;
  analyze: (payload: Payload) => Promise<unknown>;
  fetchProbes: Map<string, Probe<Payload>>;
  analyzeProbes: Map<string, Probe<number>>;
  values: Map<string, number>;
}

/**
 * Six URLs (unless told otherwise) whose fetch takes `fetchMs[i]` and whose
 * analysis takes `analyzeMs[i]`; each analysis resolves with its own value.
 */
function rig(ctx: CheckContext, fetchMs: number[], analyzeMs: number[]): Rig {
  const words = shuffle(ctx, WORDS);
  const urls = fetchMs.map((_, i) =>
    `https://api.example.test/${words[i % words.length]}/${int(ctx, 1, 9)}`
  );
  const short = new Map(urls.map((u) => [u, u.replace("https://api.example.test/", "")]));
  const values = new Map(urls.map((u) => [u, int(ctx, 1000, 9999)]));
  const fetchProbes = new Map(urls.map((u, i) => [
    u,
    ctx.probe<Payload>(`fetch ${short.get(u)}`, {
      seconds: fetchMs[i] / 1000,
      value: () => ({ url: u, items: [int(ctx, 0, 99), int(ctx, 0, 99), int(ctx, 0, 99)] }),
    }),
  ]));
  const analyzeProbes = new Map(urls.map((u, i) => [
    u,
    ctx.probe<number>(`analyze ${short.get(u)}`, {
      seconds: analyzeMs[i] / 1000,
      value: values.get(u)!,
    }),
  ]));
  return {
    urls,
    short,
    fetchProbes,
    analyzeProbes,
    values,
    fetch: (url: string) => {
      const p = fetchProbes.get(url);
      return p ? p(url) : Promise.reject(new TypeError(`Cannot fetch: unknown URL ${show(url)}`));
    },
    analyze: (payload: Payload) => {
      const p = analyzeProbes.get((payload as { url?: string } | null)?.url ?? "");
      return p ? p(payload) : Promise.reject(
        new TypeError(`Cannot analyze ${show(payload)}: expected the payload fetch resolved with`),
      );
    },
  };
}

const fetchCall = (r: Rig, url: string): ProbeCall | undefined => r.fetchProbes.get(url)!.calls[0];
const analyzeCall = (r: Rig, url: string): ProbeCall | undefined =>
  r.analyzeProbes.get(url)!.calls[0];

/** Statement-like fetch durations: 0.5–2.0 s on a 100 ms grid. */
const statementFetch = (ctx: CheckContext, n = 6) =>
  Array.from({ length: n }, () => int(ctx, 5, 20) * 100);

function pipelineName(consumers: number | undefined): string {
  return consumers === undefined
    ? "runPipeline(urls, { fetch, analyze })"
    : `runPipeline(urls, { consumers: ${consumers}, fetch, analyze })`;
}

/** Greedy schedule of a FIFO queue: the instants analyses start, in arrival order, and the end. */
function schedule(arrivals: number[], durations: number[], consumers: number) {
  const order = arrivals.map((a, i) => ({ a, d: durations[i], i })).sort((x, y) => x.a - y.a);
  const free = Array.from({ length: consumers }, () => 0);
  const starts: number[] = new Array(arrivals.length);
  let end = 0;
  for (const { a, d, i } of order) {
    const k = free.indexOf(Math.min(...free));
    starts[i] = Math.max(a, free[k]);
    free[k] = starts[i] + d;
    end = Math.max(end, free[k]);
  }
  return { starts, end };
}

/**
 * Runs the learner's `runPipeline` on a rig. `strict`: it must return (a
 * deadlock fails with the sentinel diagnosis). Otherwise a deadlock after
 * every payload was analysed is let through: the sentinel check reports it.
 */
async function runPipe(
  ctx: CheckContext,
  r: Rig,
  consumers: number | undefined,
  strict: boolean,
): Promise<VirtualRun<PipelineResult>> {
  const run = ctx.fn<RunPipeline>("runPipeline");
  const options: Parameters<RunPipeline>[1] = { fetch: r.fetch, analyze: r.analyze, log: () => {} };
  if (consumers !== undefined) options.consumers = consumers;
  const name = pipelineName(consumers);
  const result = await ctx.run(() => run(r.urls, options));
  const at = ctx.sec(result.elapsedMs);
  switch (result.status) {
    case "ok":
      if (result.unhandled.length > 0) {
        ctx.fail(core("unhandled", { error: describeError(result.unhandled[0]) }));
      }
      if (containsPromise(result.value)) ctx.fail(core("forgotAwait", { name }));
      return result;
    case "deadlock": {
      const analysed = r.urls.filter((u) => analyzeCall(r, u)?.outcome === "ok").length;
      if (!strict && analysed === r.urls.length) return result;
      const n = consumers ?? 2;
      if (analysed === r.urls.length) {
        ctx.fail(msg("runPipeFail", { n, n2: n > 1, name, at }), {
          tookMs: result.elapsedMs,
          hint: msg("runPipeHint"),
        });
      }
      ctx.fail(msg("runPipeFail2", { name, analysed, rUrlsLength: r.urls.length, at }), {
        tookMs: result.elapsedMs,
      });
      break;
    }
    case "error":
      if (isTodo(result.error)) {
        ctx.fail(core("todo", { name: "runPipeline()" }), {}, true);
      }
      ctx.fail(core("threw", { name, error: describeError(result.error) }), {
        actual: describeError(result.error),
      });
      break;
    case "runaway":
      ctx.fail(core("runaway", { name, at }), { tookMs: result.elapsedMs });
      break;
    case "timer-error":
      ctx.fail(core("timerThrew", { name, error: describeError(result.error) }));
  }
  return result;
}

/** Fails unless every URL was fetched once and analysed; returns [arrival, start, end] per URL. */
function spans(ctx: CheckContext, r: Rig, run: VirtualRun<unknown>) {
  return r.urls.map((u) => {
    const f = fetchCall(r, u);
    const a = analyzeCall(r, u);
    const s = r.short.get(u);
    if (f && f.end === null && run.status === "ok") {
      const at = ctx.sec(run.elapsedMs);
      ctx.fail(msg("spansFail", { at, s }));
    }
    if (!f || f.end === null) {
      ctx.fail(msg("spansFail2", { s }));
    }
    // Arrived, never taken, and no analysis left running: every consumer had already stopped.
    const stopped = r.urls.every((v) => analyzeCall(r, v)?.end !== null);
    if (!a && run.status === "ok" && stopped) {
      const arrived = sec(ctx, f.end);
      ctx.fail(msg("spansFail3", { s, arrived }));
    }
    if (!a || a.end === null) {
      const early = run.status === "ok";
      ctx.fail(msg("spansFail4", { s, early, runElapsedMs: ctx.sec(run.elapsedMs) }));
    }
    return { url: u, short: s!, arrival: f.end, start: a.start, end: a.end };
  });
}

// ---------------------------------------------------------------------------

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3")],
  checks: [
    {
      id: "queue-fifo",
      points: 2,
      title: msg("queueFifoTitle"),
      hint: msg("queueFifoHint"),
      async run(ctx) {
        const Q = queueClass(ctx);
        const items: unknown[] = [
          int(ctx, 1, 999),
          0,
          "",
          { id: int(ctx, 1, 999) },
          `job-${int(ctx, 1, 99)}`,
        ];
        const bounded = ["a", "b", "c", "d"].map((x) => `${x}${int(ctx, 10, 99)}`);
        const seen = await ctx.settle("AsyncQueue put()/get()", async () => {
          const q = new Q();
          for (const item of items) await q.put(item);
          const got: unknown[] = [];
          for (let i = 0; i < items.length; i++) got.push(await q.get());
          // Items whose put() waited for room must keep their turn.
          const q2 = new Q(2);
          const puts = bounded.map((item) => track(q2.put(item)));
          const got2: unknown[] = [];
          for (let i = 0; i < bounded.length; i++) {
            await wait(100);
            got2.push(await q2.get());
          }
          await settleOr(1000, ...puts);
          return { got, got2 };
        });
        const { got, got2 } = seen.value;
        if (!sameData(got, items)) {
          ctx.fail(msg("queueFifoFail", { items: show(items), got: show(got) }), {
            expected: show(items),
            actual: show(got),
            timeline: [],
          });
        }
        if (!sameData(got2, bounded)) {
          ctx.fail(msg("queueFifoFail2", { bounded: show(bounded), got2: show(got2) }), {
            expected: show(bounded),
            actual: show(got2),
            timeline: [],
          });
        }
      },
    },
    {
      id: "queue-get-waits",
      points: 3,
      title: msg("queueGetWaitsTitle"),
      hint: msg("queueGetWaitsHint"),
      async run(ctx) {
        const Q = queueClass(ctx);
        const putAt = int(ctx, 5, 15) * 100 + int(ctx, 1, 99);
        const item = { job: int(ctx, 100, 999) };
        const gaps = [int(ctx, 3, 9) * 100, int(ctx, 3, 9) * 100, int(ctx, 3, 9) * 100];
        const names = ["first", "second", "third"].map((n) => `${n}-${int(ctx, 10, 99)}`);
        const seen = await ctx.settle("AsyncQueue get()", async () => {
          const q = new Q();
          const g = track(q.get());
          await wait(putAt);
          const early = { ...g };
          await q.put(item);
          await settleOr(5000, g);
          // Three get()s wait, oldest first; three put()s come later, one at a time.
          const q2 = new Q();
          const getters = [track(q2.get())];
          await wait(50);
          getters.push(track(q2.get()), track(q2.get()));
          const puts: number[] = [];
          for (let i = 0; i < 3; i++) {
            await wait(gaps[i]);
            puts.push(now());
            await q2.put(names[i]);
          }
          await settleOr(5000, ...getters);
          return { g, early, getters, puts };
        });
        const { g, early, getters, puts } = seen.value;
        const want = ctx.sec(putAt, 3);
        if (early.done) {
          ctx.fail(msg("queueGetWaitsFail", { earlyValue: show(early.value) }), {
            expected: want,
            actual: ctx.sec(early.at, 3),
            timeline: [],
          });
        }
        if (!g.done) {
          ctx.fail(msg("queueGetWaitsFail2", { want }), {
            expected: want,
            actual: msg("queueGetWaitsActual"),
            timeline: [],
          });
        }
        if (!near(g.at, putAt) || g.value !== item) {
          const got = ctx.sec(g.at, 3);
          ctx.fail(
            msg("queueGetWaitsFail3", { got, gValue: show(g.value), item: show(item), want }),
            { expected: want, actual: got, timeline: [] },
          );
        }
        const order = getters.map((t) => t.value);
        const instants = getters.map((t) => t.at);
        if (!sameData(order, names) || !instants.every((at, i) => near(at, puts[i]))) {
          ctx.fail(
            msg("queueGetWaitsFail4", {
              names: show(names),
              order: show(order.map((v) => v ?? null)),
            }),
            {
              expected: msg("queueGetWaitsExpected", { names: show(names), puts: list(ctx, puts) }),
              actual: msg("queueGetWaitsActual2", {
                order: show(order.map((v) => v ?? null)),
                instants: list(ctx, instants),
              }),
              timeline: [],
            },
          );
        }
      },
    },
    {
      id: "queue-max-size",
      points: 2,
      title: msg("queueMaxSizeTitle"),
      hint: msg("queueMaxSizeHint"),
      async run(ctx) {
        const Q = queueClass(ctx);
        const getAt = int(ctx, 3, 15) * 100 + int(ctx, 1, 99);
        const items = ["x", "y", "z"].map((x) => `${x}${int(ctx, 10, 99)}`);
        const seen = await ctx.settle("AsyncQueue put()", async () => {
          const q = new Q(2);
          const puts = items.map((item) => track(q.put(item)));
          await wait(getAt);
          const before = puts.map((p) => ({ ...p }));
          const first = await q.get();
          await settleOr(5000, puts[2]);
          const rest = [await q.get(), await q.get()];
          // Without maxSize, put() never waits.
          const unbounded = new Q();
          const manyAt = now();
          const many = Array.from({ length: 20 }, (_, i) => track(unbounded.put(i)));
          await settleOr(1000, ...many);
          return { before, third: puts[2], got: [first, ...rest], many, manyAt };
        });
        const { before, third, got, many, manyAt } = seen.value;
        const want = ctx.sec(getAt, 3);
        if (!before[0].done || !before[1].done || before[0].at > EPS || before[1].at > EPS) {
          ctx.fail(msg("queueMaxSizeFail"), { timeline: [] });
        }
        if (before[2].done) {
          ctx.fail(msg("queueMaxSizeFail2", { beforeAt: ctx.sec(before[2].at, 3), want }), {
            expected: want,
            actual: ctx.sec(before[2].at, 3),
            timeline: [],
          });
        }
        if (!third.done || !near(third.at, getAt)) {
          const got3 = third.done ? ctx.sec(third.at, 3) : msg("queueGetWaitsActual");
          ctx.fail(msg("queueMaxSizeFail3", { want, got3 }), {
            expected: want,
            actual: got3,
            timeline: [],
          });
        }
        if (!sameData(got, items)) {
          ctx.fail(msg("queueMaxSizeFail4", { got: show(got), items: show(items) }), {
            expected: show(items),
            actual: show(got),
            timeline: [],
          });
        }
        const waited = many.findIndex((p) => !p.done || p.at > manyAt + EPS);
        if (waited >= 0) {
          ctx.fail(msg("queueMaxSizeFail5", { waited: waited + 1 }), { timeline: [] });
        }
      },
    },
    {
      id: "queue-size",
      points: 1,
      title: msg("queueSizeTitle"),
      hint: msg("queueSizeHint"),
      async run(ctx) {
        const Q = queueClass(ctx);
        const n = int(ctx, 3, 6);
        const seen = await ctx.settle("AsyncQueue size", async () => {
          const q = new Q();
          const steps: [LocalText, unknown, number][] = [];
          steps.push([msg("queueSizeText"), q.size, 0]);
          for (let i = 0; i < n; i++) await q.put(i);
          steps.push([msg("queueSizeText2", { n }), q.size, n]);
          await q.get();
          steps.push([msg("queueSizeText3"), q.size, n - 1]);
          for (let i = 1; i < n; i++) await q.get();
          steps.push([
            msg("queueSizeText4"),
            q.size,
            0,
          ]);
          const waiting = track(q.get());
          steps.push([
            msg("queueSizeText5"),
            q.size,
            0,
          ]);
          await q.put("handed over");
          await settleOr(1000, waiting);
          steps.push([
            msg("queueSizeText6"),
            q.size,
            0,
          ]);
          await q.put("stored");
          steps.push([msg("queueSizeText7"), q.size, 1]);
          return steps;
        });
        for (const [what, got, want] of seen.value) {
          if (got !== want) {
            ctx.fail(msg("queueSizeFail", { got: show(got), what, want }), {
              expected: String(want),
              actual: show(got),
              timeline: [],
            });
          }
        }
      },
    },
    {
      id: "producer-fetches-concurrently",
      points: 2,
      title: msg("producerFetchesConcurrentlyTitle"),
      hint: msg("producerFetchesConcurrentlyHint"),
      async run(ctx) {
        const pool = shuffle(ctx, Array.from({ length: 16 }, (_, i) => 500 + i * 100));
        const fetchMs = pool.slice(0, 6);
        const r = rig(ctx, fetchMs, fetchMs.map(() => 1000));
        await runPipe(ctx, r, undefined, false);
        for (const u of r.urls) {
          const calls = r.fetchProbes.get(u)!.calls;
          if (calls.length !== 1) {
            ctx.fail(
              msg("producerFetchesConcurrentlyFail", {
                u: r.short.get(u),
                callsLength: calls.length,
              }),
            );
          }
        }
        const calls = r.urls.map((u) => ({ short: r.short.get(u)!, call: fetchCall(r, u)! }))
          .sort((a, b) => a.call.start - b.call.start);
        const late = calls.filter((c) => c.call.start > EPS);
        if (late.length > 0) {
          const oneByOne = calls.every((c, i) =>
            i === 0 ||
            (calls[i - 1].call.end !== null && near(c.call.start, calls[i - 1].call.end!))
          );
          const starts = calls.map((c) => c.call.start);
          const first = late[0];
          ctx.fail(
            oneByOne
              ? msg("producerFetchesConcurrentlyFail2", {
                firstShort: first.short,
                start: sec(ctx, first.call.start),
              })
              : msg("producerFetchesConcurrentlyFail3", {
                firstShort: first.short,
                start: sec(ctx, first.call.start),
              }),
            {
              expected: msg("producerFetchesConcurrentlyExpected"),
              actual: list(ctx, starts),
            },
          );
        }
      },
    },
    {
      id: "put-on-arrival",
      points: 2,
      title: msg("putOnArrivalTitle"),
      hint: msg("putOnArrivalHint"),
      async run(ctx) {
        // Arrivals at least 0.55 s apart: with two consumers busy 1 s each, one is always free. Off
        // the 100 ms grid, so that a get() that polls with a timer shows up late.
        const fetchMs = shuffle(
          ctx,
          Array.from(
            { length: 6 },
            (_, k) => 500 + 700 * k + 100 * int(ctx, 0, 1) + int(ctx, 1, 49),
          ),
        );
        const r = rig(ctx, fetchMs, fetchMs.map(() => 1000));
        const run = await runPipe(ctx, r, 2, false);
        const s = spans(ctx, r, run).sort((a, b) => a.arrival - b.arrival);
        const late = s.filter((x) => !near(x.start, x.arrival));
        if (late.length > 0) {
          const last = Math.max(...s.map((x) => x.arrival));
          const first = Math.min(...s.map((x) => x.start));
          const allAtEnd = first >= last - EPS;
          const x = late[0];
          ctx.fail(
            allAtEnd
              ? msg("putOnArrivalFail", { last: sec(ctx, last) })
              : msg("putOnArrivalFail2", {
                xShort: x.short,
                arrival: sec(ctx, x.arrival),
                start: sec(ctx, x.start),
              }),
            {
              expected: list(ctx, s.map((y) => y.arrival)),
              actual: list(ctx, s.map((y) => y.start)),
              tookMs: run.elapsedMs,
            },
          );
        }
      },
    },
    {
      id: "consumers-take-work-when-free",
      points: 2,
      title: msg("consumersTakeWorkWhenFreeTitle"),
      hint: msg("consumersTakeWorkWhenFreeHint"),
      async run(ctx) {
        // Every payload arrives together (off the 100 ms grid, so that polling shows); the first
        // one takes long to analyse, the others are quick.
        const d = int(ctx, 5, 20) * 100 + int(ctx, 1, 49);
        // (Three quick ones add up to less than the long one: a consumer runs out of work while a
        // payload dealt to the busy one waits.)
        const analyzeMs = [
          int(ctx, 20, 26) * 100,
          ...Array.from({ length: 5 }, () => int(ctx, 3, 6) * 100),
        ];
        const r = rig(ctx, analyzeMs.map(() => d), analyzeMs);
        const n = 2;
        const run = await runPipe(ctx, r, undefined, false);
        const s = spans(ctx, r, run);
        const busy = (t: number) => s.filter((x) => x.start <= t + 0.5 && x.end! > t + 0.5).length;
        const expected = schedule(s.map((x) => x.arrival), analyzeMs, n);
        const details = {
          expected: list(ctx, expected.starts),
          actual: list(ctx, s.map((x) => x.start)),
          tookMs: run.elapsedMs,
          expectedMs: expected.end,
        };
        for (const x of s) {
          const k = busy(x.start);
          if (k > n) {
            ctx.fail(
              msg("consumersTakeWorkWhenFreeFail", { start: sec(ctx, x.start), k, n }),
              details,
            );
          }
        }
        for (const x of s) {
          if (x.start <= x.arrival + EPS) continue;
          const instants = [
            x.arrival,
            ...s.map((y) => y.end!).filter((e) => e >= x.arrival && e < x.start - EPS),
          ];
          const idle = instants.find((t) => busy(t) < n);
          if (idle !== undefined) {
            ctx.fail(
              msg("consumersTakeWorkWhenFreeFail2", {
                xShort: x.short,
                arrival: sec(ctx, x.arrival),
                start: sec(ctx, x.start),
                idleFrom: sec(ctx, idle),
                busy: busy(idle),
                n,
              }),
              details,
            );
          }
        }
      },
    },
    {
      id: "two-consumers-beat-one",
      points: 2,
      title: msg("twoConsumersBeatOneTitle"),
      hint: msg("twoConsumersBeatOneHint"),
      async run(ctx) {
        const d = int(ctx, 5, 20) * 100;
        const times: { n: number; took: number; want: number; events: readonly Span[] }[] = [];
        for (const n of [1, 2]) {
          const r = rig(
            ctx,
            Array.from({ length: 6 }, () => d),
            Array.from({ length: 6 }, () => 1000),
          );
          const run = await runPipe(ctx, r, n, true);
          const s = spans(ctx, r, run);
          const want = schedule(s.map((x) => x.arrival), s.map(() => 1000), n).end;
          times.push({ n, took: run.elapsedMs, want, events: run.events });
          const seconds = (run.value as { seconds?: unknown } | undefined)?.seconds;
          if (typeof seconds !== "number" || Math.abs(seconds * 1000 - run.elapsedMs) > 1.5) {
            const ms = typeof seconds === "number" && Math.abs(seconds - run.elapsedMs) <= 1.5;
            ctx.fail(
              msg("twoConsumersBeatOneFail", {
                n,
                seconds: show(seconds),
                runElapsedMs: ctx.sec(run.elapsedMs, 2),
                ms,
              }),
              { expected: ctx.sec(run.elapsedMs, 2), actual: show(seconds), timeline: run.events },
            );
          }
        }
        for (const t of times) {
          if (!near(t.took, t.want)) {
            const same = times.length === 2 && near(times[0].took, times[1].took);
            ctx.fail(
              msg("twoConsumersBeatOneFail2", {
                consumers: t.n,
                took: sec(ctx, t.took),
                want: sec(ctx, t.want),
                arrivals: sec(ctx, d),
                same,
              }),
              {
                expected: sec(ctx, t.want),
                actual: sec(ctx, t.took),
                tookMs: t.took,
                expectedMs: t.want,
                timeline: t.events,
              },
            );
          }
        }
      },
    },
    {
      id: "sentinels-stop-consumers",
      points: 2,
      title: msg("sentinelsStopConsumersTitle"),
      hint: msg("sentinelsStopConsumersHint"),
      async run(ctx) {
        for (const n of [1, 2, 3]) {
          const r = rig(ctx, statementFetch(ctx), Array.from({ length: 6 }, () => 1000));
          await runPipe(ctx, r, n, true);
        }
      },
    },
    {
      id: "results-name-consumer",
      points: 1,
      title: msg("resultsNameConsumerTitle"),
      hint: msg("resultsNameConsumerHint"),
      async run(ctx) {
        const n = 2;
        const r = rig(ctx, statementFetch(ctx), Array.from({ length: 6 }, () => 1000));
        const run = await runPipe(ctx, r, n, true);
        const results = (run.value as { results?: unknown } | undefined)?.results;
        if (!Array.isArray(results) || results.length !== r.urls.length) {
          ctx.fail(
            msg("resultsNameConsumerFail", {
              results: show(results)?.slice(0, 200),
              rUrlsLength: r.urls.length,
            }),
          );
        }
        const byConsumer = new Map<unknown, ProbeCall[]>();
        for (const u of r.urls) {
          const entries = (results as Analysis[]).filter((e) => e?.url === u);
          const e = entries[0];
          if (entries.length !== 1 || e.value !== r.values.get(u)) {
            ctx.fail(
              msg("resultsNameConsumerFail2", {
                u: r.short.get(u),
                u2: r.values.get(u),
                entries: show(entries),
              }),
              { expected: String(r.values.get(u)), actual: show(entries) },
            );
          }
          if (!Number.isInteger(e.consumer) || e.consumer < 1 || e.consumer > n) {
            ctx.fail(
              msg("resultsNameConsumerFail3", {
                u: r.short.get(u),
                eConsumer: show(e.consumer),
                n,
              }),
              { expected: "1..2", actual: show(e.consumer) },
            );
          }
          byConsumer.set(e.consumer, [...(byConsumer.get(e.consumer) ?? []), analyzeCall(r, u)!]);
        }
        for (const [consumer, calls] of byConsumer) {
          const sorted = [...calls].sort((a, b) => a.start - b.start);
          const clash = sorted.findIndex((c, i) => i > 0 && c.start < sorted[i - 1].end! - EPS);
          if (clash > 0) {
            ctx.fail(
              msg("resultsNameConsumerFail4", { consumer, start: sec(ctx, sorted[clash].start) }),
            );
          }
        }
      },
    },
    {
      id: "simulations",
      points: 1,
      title: msg("simulationsTitle"),
      hint: msg("simulationsHint"),
      async run(ctx) {
        const urls = ctx.get<unknown>("URLS");
        if (!Array.isArray(urls) || urls.length !== 6 || new Set(urls).size !== 6) {
          ctx.fail(msg("simulationsFail", { urls: show(urls) }));
        }
        const fetchData = ctx.fn<(url: string, random?: () => number) => Promise<Payload>>(
          "fetchData",
        );
        const analyze = ctx.fn<(payload: Payload) => Promise<unknown>>("analyze");
        const url = `https://api.example.test/check/${int(ctx, 10, 99)}`;
        for (const r of [0, int(ctx, 1, 9) / 10, 0.999]) {
          const want = 500 + 1500 * r;
          const run = await ctx.settle(`fetchData(url, () => ${r})`, () => fetchData(url, () => r));
          if (!near(run.elapsedMs, want)) {
            ctx.fail(
              msg("simulationsFail2", {
                r,
                runElapsedMs: ctx.sec(run.elapsedMs, 3),
                want: ctx.sec(want, 3),
              }),
              { expected: ctx.sec(want, 3), actual: ctx.sec(run.elapsedMs, 3), timeline: [] },
            );
          }
          const p = run.value as Partial<Payload> | undefined;
          if (
            p?.url !== url || !Array.isArray(p.items) ||
            !p.items.every((x) => typeof x === "number")
          ) {
            ctx.fail(msg("simulationsFail3", { p: show(p) }), { timeline: [] });
          }
        }
        const run = await ctx.settle("analyze(payload)", () => analyze({ url, items: [3, 4, 5] }));
        if (!near(run.elapsedMs, 1000) || typeof run.value !== "number") {
          ctx.fail(
            msg("simulationsFail4", {
              runElapsedMs: ctx.sec(run.elapsedMs, 3),
              runValue: show(run.value),
            }),
            { expected: ctx.sec(1000), actual: ctx.sec(run.elapsedMs, 3), timeline: [] },
          );
        }
        const main = ctx.fn<() => Promise<void>>("main");
        const ran = await ctx.settle("main()", () => main());
        if (ran.logs.length === 0) {
          ctx.fail(msg("simulationsFail5"), { timeline: [] });
        }
      },
    },
  ],
});
