/**
 * Checks of exercise 4 (`04_pipeline.ts`): the learner's `AsyncQueue`, tested
 * on its own in virtual time, `runPipeline`, observed through probes in place
 * of `fetch`, `analyze` and `log`, and `main()`, whose figures are read from
 * what it prints while the learner's `Math.random()` is held at a value of the
 * check's choosing.
 *
 * The pipeline checks are orthogonal on purpose: each computes what it expects
 * from what the other parts of the learner's code actually did (e.g. the
 * expected analysis instants from the observed fetch ends), so one mistake
 * fails one check, and `dependsOn` names the checks whose failure explains
 * another's. The checks that only look at probe spans accept a run that
 * deadlocked after every payload was analysed; the sentinel check is the one
 * that reports that deadlock. Every duration is drawn at millisecond
 * resolution, off any 100 ms grid.
 *
 * @module
 */
import {
  type CheckContext,
  containsPromise,
  core,
  defineChecks,
  describeError,
  type FailDetails,
  isTodo,
  type TimelineMark,
} from "../../check.ts";
import { now, type VirtualRun } from "../../clock.ts";
import { joinTexts, type LocalText } from "../../i18n/mod.ts";
import type { Probe, ProbeCall } from "../../probe.ts";
import {
  EPS,
  near,
  sameData,
  settleOr,
  show,
  standInForRandom,
  track,
  wait,
} from "../../toolkit.ts";
import { types } from "node:util";
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
interface PipelineResult {
  results: unknown[];
  seconds: number;
}
interface PipelineOptions {
  consumers?: number;
  fetch?: (url: string) => Promise<Payload>;
  analyze?: (payload: Payload) => Promise<unknown>;
  log?: (line: string) => void;
}
type RunPipeline = (urls?: readonly string[], options?: PipelineOptions) => Promise<PipelineResult>;

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

/** Random whole number of ms in [lo, hi], off any 10 ms grid (so off the 100 ms one too). */
function offGrid(ctx: CheckContext, lo: number, hi: number): number {
  const ms = int(ctx, lo, hi);
  return ms % 10 === 0 ? ms + 3 : ms;
}

/** Seeded shuffle. */
function shuffle<T>(ctx: CheckContext, items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const sec = (ctx: CheckContext, ms: number) => ctx.sec(ms, Math.abs(ms % 100) > EPS ? 3 : 2);
/** `label at instant` pairs, item by item. */
const pairs = (ctx: CheckContext, items: { label: string; at: number }[]): LocalText =>
  joinTexts(
    items.map((x) => msg("labelAt", { label: x.label, at: sec(ctx, x.at) })),
    msg("listSeparator"),
  );

// ---------------------------------------------------------------------------
// The pipeline rig: probes in place of fetch, analyze and log.

/** Short words and one-digit ids keep the timeline labels readable. */
const WORDS = ["users", "orders", "items", "stock", "prices", "carts", "rates", "notes"];

interface Rig {
  urls: string[];
  short: Map<string, string>;
  fetch: (url: string) => Promise<Payload>;
  analyze: (payload: Payload) => Promise<unknown>;
  log: (line: string) => void;
  lines: { at: number; text: string }[];
  fetchProbes: Map<string, Probe<Payload>>;
  analyzeProbes: Map<string, Probe<number>>;
  values: Map<string, number>;
}

/**
 * URLs whose fetch takes `fetchMs[i]` and whose analysis takes `analyzeMs[i]`;
 * each analysis resolves with its own value.
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
  const lines: { at: number; text: string }[] = [];
  return {
    urls,
    short,
    fetchProbes,
    analyzeProbes,
    values,
    lines,
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
    log: (line: string) => {
      lines.push({ at: now(), text: typeof line === "string" ? line : show(line) });
    },
  };
}

const fetchCall = (r: Rig, url: string): ProbeCall | undefined => r.fetchProbes.get(url)!.calls[0];
const analyzeCall = (r: Rig, url: string): ProbeCall | undefined =>
  r.analyzeProbes.get(url)!.calls[0];

/** Six fetch durations of 0.5–2 s, at ms resolution. */
const statementFetch = (ctx: CheckContext, n = 6) =>
  Array.from({ length: n }, () => offGrid(ctx, 500, 2000));

function pipelineName(consumers: number | undefined, log = true): string {
  const extra = log ? ", log" : "";
  return consumers === undefined
    ? `runPipeline(urls, { fetch, analyze${extra} })`
    : `runPipeline(urls, { consumers: ${consumers}, fetch, analyze${extra} })`;
}

/** Greedy schedule of a FIFO queue: the instants analyses start (in the given order), and the end. */
function schedule(arrivals: number[], durations: number[], consumers: number) {
  const order = arrivals.map((a, i) => ({ a, d: durations[i], i })).sort((x, y) =>
    x.a - y.a || x.i - y.i
  );
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

/** Fails the check the way a pipeline run that did not return deserves. */
function pipelineFailure(
  ctx: CheckContext,
  r: Rig,
  run: VirtualRun<unknown>,
  name: string,
  consumers: number,
): never {
  const at = ctx.sec(run.elapsedMs);
  switch (run.status) {
    case "deadlock": {
      const analysed = r.urls.filter((u) => analyzeCall(r, u)?.outcome === "ok").length;
      if (analysed === r.urls.length) {
        ctx.fail(msg("runPipeFail", { n: consumers, name, at }), {
          tookMs: run.elapsedMs,
          hint: msg("runPipeHint"),
          marks: [{ at: run.elapsedMs, label: "deadlock", kind: "deadline" }],
        });
      }
      ctx.fail(msg("runPipeFail2", { name, analysed, total: r.urls.length, at }), {
        tookMs: run.elapsedMs,
        marks: [{ at: run.elapsedMs, label: "deadlock", kind: "deadline" }],
      });
      break;
    }
    case "error":
      if (isTodo(run.error)) ctx.fail(core("todo", { name: "runPipeline()" }), {}, true);
      ctx.fail(core("threw", { name, error: describeError(run.error) }), {
        actual: describeError(run.error),
      });
      break;
    case "runaway":
      ctx.fail(core("runaway", { name, at }), { tookMs: run.elapsedMs });
      break;
    case "timer-error":
      ctx.fail(core("timerThrew", { name, error: describeError(run.error) }));
      break;
  }
  if (run.unhandled.length > 0) {
    ctx.fail(core("unhandled", { error: describeError(run.unhandled[0]) }));
  }
  ctx.fail(core("forgotAwait", { name }));
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
  withLog = true,
): Promise<VirtualRun<PipelineResult>> {
  const run = ctx.fn<RunPipeline>("runPipeline");
  const options: PipelineOptions = { fetch: r.fetch, analyze: r.analyze };
  if (withLog) options.log = r.log;
  if (consumers !== undefined) options.consumers = consumers;
  const name = pipelineName(consumers, withLog);
  const result = await ctx.run(() => run(r.urls, options));
  if (result.status === "ok" && result.unhandled.length === 0 && !containsPromise(result.value)) {
    return result;
  }
  if (!strict && result.status === "deadlock") {
    const analysed = r.urls.filter((u) => analyzeCall(r, u)?.outcome === "ok").length;
    if (analysed === r.urls.length) return result;
  }
  return pipelineFailure(ctx, r, result, name, consumers ?? 2);
}

interface Observed {
  url: string;
  short: string;
  arrival: number;
  start: number;
  end: number;
}

/** Fails unless every URL was fetched once and analysed; returns arrival, start and end per URL. */
function spans(ctx: CheckContext, r: Rig, run: VirtualRun<unknown>): Observed[] {
  return r.urls.map((u) => {
    const f = fetchCall(r, u);
    const a = analyzeCall(r, u);
    const s = r.short.get(u)!;
    if (f && f.end === null && run.status === "ok") {
      ctx.fail(msg("spansFail", { at: ctx.sec(run.elapsedMs), s }), {
        marks: [{ at: run.elapsedMs, label: "return", kind: "call" }],
      });
    }
    if (!f || f.end === null) ctx.fail(msg("spansFail2", { s }));
    // Arrived, never taken, and no analysis left running: every consumer had already stopped.
    const stopped = r.urls.every((v) => analyzeCall(r, v)?.end !== null);
    if (!a && run.status === "ok" && stopped) {
      ctx.fail(msg("spansFail3", { s, arrived: sec(ctx, f.end) }), {
        marks: [{ at: f.end, label: `fetched ${s}`, kind: "expected" }],
      });
    }
    if (!a || a.end === null) {
      const early = run.status === "ok";
      ctx.fail(msg("spansFail4", { s, early, at: ctx.sec(run.elapsedMs) }));
    }
    return { url: u, short: s, arrival: f.end, start: a.start, end: a.end };
  });
}

/** The same check on the sentinel's side: every payload analysed before the pipeline returned. */
function analysedBeforeReturn(ctx: CheckContext, r: Rig, run: VirtualRun<unknown>): void {
  const s = spans(ctx, r, run);
  const last = Math.max(...s.map((x) => x.end));
  if (run.status === "ok" && run.elapsedMs < last - EPS) {
    ctx.fail(msg("returnedEarly", { at: ctx.sec(run.elapsedMs), last: sec(ctx, last) }), {
      marks: [{ at: run.elapsedMs, label: "return", kind: "call" }, {
        at: last,
        label: "last analysis",
        kind: "expected",
      }],
    });
  }
}

/** The numbers in a printed line, with how many decimals each was written with. */
function numbersIn(text: string): { value: number; decimals: number }[] {
  const found: { value: number; decimals: number }[] = [];
  for (const m of text.matchAll(/\d+(?:[.,]\d+)?/g)) {
    const [whole, fraction = ""] = m[0].split(/[.,]/);
    found.push({ value: Number(`${whole}.${fraction || "0"}`), decimals: fraction.length });
  }
  return found;
}

/**
 * Whether a printed number stands for `ms`: seconds to a tenth at least (a whole
 * number too when it is that close: `+x.toFixed(2)` drops the zeros of 7.00), or
 * whole milliseconds.
 */
function printedAs(n: { value: number; decimals: number }, ms: number): boolean {
  const rounding = n.decimals === 0 ? 0.005 : 0.5 * 10 ** -n.decimals;
  if (Math.abs(n.value - ms / 1000) <= rounding + 0.002) return true;
  return n.value >= 100 && Math.abs(n.value - ms) <= rounding + EPS + 1;
}

const QUEUE = ["queue-fifo", "queue-get-waits"] as const;

/** Fails unless a printed line names each URL at its arrival and at the end of its analysis. */
function logged(
  ctx: CheckContext,
  lines: { at: number; text: string }[],
  expected: { short: string; arrival: number; end: number }[],
  console: boolean,
): void {
  const said = (short: string, at: number) =>
    lines.some((l) => near(l.at, at) && l.text.includes(short));
  const marks: TimelineMark[] = lines.slice(0, 30).map((l) => ({
    at: l.at,
    label: l.text.slice(0, 40),
    kind: "print",
  }));
  for (const x of expected) {
    for (const [fetched, at] of [[true, x.arrival], [false, x.end]] as const) {
      if (said(x.short, at)) continue;
      const where = lines.find((l) => l.text.includes(x.short));
      ctx.fail(
        msg("logProgressFail", {
          short: x.short,
          fetched,
          at: sec(ctx, at),
          seen: where ? sec(ctx, where.at) : "",
          console,
          count: lines.length,
        }),
        {
          expected: msg("logProgressExpected", { short: x.short, at: sec(ctx, at) }),
          actual: lines.length === 0 ? msg("nothing") : pairs(
            ctx,
            lines.slice(0, 12).map((l) => ({ label: show(l.text, 80), at: l.at })),
          ),
          marks: [...marks, {
            at,
            label: `${fetched ? "fetched" : "analysed"} ${x.short}`,
            kind: "expected",
          }],
        },
      );
    }
  }
}

/** Whether `urls` is an array of six different URLs (read without running learner code). */
function sixUrls(urls: unknown): boolean {
  if (!Array.isArray(urls) || isProxy(urls)) return false;
  const items = Array.from({ length: 6 }, (_, i) => field(urls, String(i)));
  return field(urls, "length") === 6 && new Set(items).size === 6 &&
    items.every((u) => typeof u === "string" && u.length < 2000 && URL.canParse(u));
}

/** An own data property of a learner's value, read without running any getter or Proxy trap. */
function isProxy(value: object): boolean {
  try {
    return types.isProxy(value);
  } catch {
    return true;
  }
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || isProxy(value)) return undefined;
  const d = Object.getOwnPropertyDescriptor(value, key);
  return d !== undefined && "value" in d ? d.value : undefined;
}

// ---------------------------------------------------------------------------

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3"), msg("hint4")],
  checks: [
    {
      id: "queue-fifo",
      points: 2,
      title: msg("queueFifoTitle"),
      hint: msg("queueFifoHint"),
      lesson: "06_queue#producer-and-consumers",
      async run(ctx) {
        const Q = queueClass(ctx);
        // Any value is an item, falsy ones too (null is the pipeline's sentinel).
        const items: unknown[] = [
          int(ctx, 1, 999),
          0,
          "",
          null,
          false,
          { id: int(ctx, 1, 999) },
          `job-${int(ctx, 1, 99)}`,
        ];
        const bounded = ["a", "b", "c", "d"].map((x) => `${x}${int(ctx, 10, 99)}`);
        const gap = offGrid(ctx, 50, 400);
        const mine = [`left-${int(ctx, 10, 99)}`, `right-${int(ctx, 10, 99)}`];
        const later = [`late-${int(ctx, 10, 99)}`, `next-${int(ctx, 10, 99)}`];
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
            await wait(gap);
            got2.push(await q2.get());
          }
          await settleOr(1000, ...puts);
          // Two queues keep their own items and their own waiting get()s.
          const left = new Q(), right = new Q();
          await left.put(mine[0]);
          await right.put(mine[1]);
          const fromRight = await settleGet(right);
          const fromLeft = await settleGet(left);
          const waiting = track(right.get());
          await left.put(later[0]);
          await wait(gap);
          const early = { ...waiting };
          await right.put(later[1]);
          await settleOr(1000, waiting);
          return { got, got2, fromRight, fromLeft, early, waiting };
        });
        const { got, got2, fromRight, fromLeft, early, waiting } = seen.value;
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
        const observed = [
          fromRight.value,
          fromLeft.value,
          early.done ? early.value : waiting.value,
        ];
        const expected = [mine[1], mine[0], later[1]];
        if (!fromRight.done || !fromLeft.done || early.done || !sameData(observed, expected)) {
          ctx.fail(
            msg("queueFifoFail3", {
              mine: show(mine),
              later: show(later),
              got: show(observed.map((v) => v ?? null)),
            }),
            {
              expected: show(expected),
              actual: show(observed.map((v) => v ?? null)),
              timeline: [],
            },
          );
        }
      },
    },
    {
      id: "queue-get-waits",
      points: 2,
      title: msg("queueGetWaitsTitle"),
      hint: msg("queueGetWaitsHint"),
      lesson: "06_queue#waiting-for-an-item",
      dependsOn: ["queue-fifo"],
      async run(ctx) {
        const Q = queueClass(ctx);
        const putAt = offGrid(ctx, 500, 1500);
        const item = { job: int(ctx, 100, 999) };
        const gaps = [offGrid(ctx, 300, 900), offGrid(ctx, 300, 900), offGrid(ctx, 300, 900)];
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
          await wait(offGrid(ctx, 20, 90));
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
            actual: msg("never"),
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
              expected: pairs(ctx, names.map((label, i) => ({ label, at: puts[i] }))),
              actual: pairs(
                ctx,
                getters.map((t) => ({
                  label: t.done ? show(t.value) : "—",
                  at: t.done ? t.at : NaN,
                })),
              ),
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
      lesson: "06_queue#a-full-queue-waits",
      dependsOn: ["queue-fifo"],
      async run(ctx) {
        const Q = queueClass(ctx);
        const max = int(ctx, 2, 3);
        const getAt = [offGrid(ctx, 300, 1500), 0];
        getAt[1] = getAt[0] + offGrid(ctx, 200, 900);
        const items = Array.from({ length: max + 2 }, (_, i) => `item${i + 1}-${int(ctx, 10, 99)}`);
        const seen = await ctx.settle("AsyncQueue put()", async () => {
          const q = new Q(max);
          const puts = items.map((item) => track(q.put(item)));
          await wait(getAt[0]);
          const before = puts.map((p) => ({ ...p }));
          const got: unknown[] = [await q.get()];
          await settleOr(getAt[1] - now(), puts[max]);
          const between = puts.map((p) => ({ ...p }));
          await wait(Math.max(0, getAt[1] - now()));
          got.push(await q.get());
          await settleOr(5000, puts[max + 1]);
          for (let i = 2; i < items.length; i++) got.push(await q.get());
          // Without maxSize (or with 0), put() never waits.
          const many: { done: boolean; at: number }[] = [];
          const manyAt = now();
          for (const unbounded of [new Q(), new Q(0)]) {
            const tracked = Array.from({ length: 20 }, (_, i) => track(unbounded.put(i)));
            await settleOr(1000, ...tracked);
            many.push(...tracked);
          }
          return { before, between, after: puts, got, many, manyAt };
        });
        const { before, between, after, got, many, manyAt } = seen.value;
        const first = before.slice(0, max);
        if (!first.every((p) => p.done && p.at <= EPS)) {
          ctx.fail(msg("queueMaxSizeFail", { max }), { timeline: [] });
        }
        const want = [ctx.sec(getAt[0], 3), ctx.sec(getAt[1], 3)];
        if (before[max].done || before[max + 1].done) {
          const which = before[max].done ? max : max + 1;
          ctx.fail(
            msg("queueMaxSizeFail2", {
              max,
              number: which + 1,
              at: ctx.sec(before[which].at, 3),
              want: want[0],
            }),
            { expected: want[0], actual: ctx.sec(before[which].at, 3), timeline: [] },
          );
        }
        const resumed = [after[max], after[max + 1]];
        const resumedAt = resumed.map((p) => p.done ? ctx.sec(p.at, 3) : msg("never"));
        if (
          !resumed[0].done || !near(resumed[0].at, getAt[0]) || between[max + 1].done ||
          !resumed[1].done || !near(resumed[1].at, getAt[1])
        ) {
          ctx.fail(
            msg("queueMaxSizeFail3", {
              max,
              want: joinTexts(want, msg("listSeparator")),
              got: joinTexts(resumedAt, msg("listSeparator")),
            }),
            {
              expected: joinTexts(want, msg("listSeparator")),
              actual: joinTexts(resumedAt, msg("listSeparator")),
              timeline: [],
            },
          );
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
          ctx.fail(
            msg("queueMaxSizeFail5", { waited: (waited % 20) + 1, zero: waited >= 20 }),
            { timeline: [] },
          );
        }
      },
    },
    {
      id: "queue-size",
      points: 1,
      title: msg("queueSizeTitle"),
      hint: msg("queueSizeHint"),
      lesson: "06_queue#producer-and-consumers",
      dependsOn: [...QUEUE, "queue-max-size"],
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
          steps.push([msg("queueSizeText4"), q.size, 0]);
          const waiting = track(q.get());
          steps.push([msg("queueSizeText5"), q.size, 0]);
          await q.put("handed over");
          await settleOr(1000, waiting);
          steps.push([msg("queueSizeText6"), q.size, 0]);
          await q.put("stored");
          steps.push([msg("queueSizeText7"), q.size, 1]);
          // A full queue: waiting put()s are not in it yet.
          const full = new Q(2);
          const puts = ["a", "b", "c"].map((x) => track(full.put(x)));
          await wait(offGrid(ctx, 10, 90));
          steps.push([msg("queueSizeText8"), full.size, 2]);
          await full.get();
          await settleOr(1000, puts[2]);
          steps.push([msg("queueSizeText9"), full.size, 2]);
          await full.get();
          await full.get();
          steps.push([msg("queueSizeText4"), full.size, 0]);
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
      lesson: "08_toolbox#promise-all",
      dependsOn: QUEUE,
      async run(ctx) {
        const fetchMs = statementFetch(ctx);
        const r = rig(ctx, fetchMs, fetchMs.map(() => offGrid(ctx, 800, 1200)));
        await runPipe(ctx, r, undefined, false);
        for (const u of r.urls) {
          const calls = r.fetchProbes.get(u)!.calls;
          if (calls.length !== 1) {
            ctx.fail(
              msg("producerFetchesConcurrentlyFail", { u: r.short.get(u)!, count: calls.length }),
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
          const first = late[0];
          const text = { first: first.short, start: sec(ctx, first.call.start) };
          ctx.fail(
            oneByOne
              ? msg("producerFetchesConcurrentlyFail2", text)
              : msg("producerFetchesConcurrentlyFail3", text),
            {
              expected: msg("producerFetchesConcurrentlyExpected"),
              actual: pairs(ctx, calls.map((c) => ({ label: c.short, at: c.call.start }))),
              marks: [{ at: 0, label: "start", kind: "expected" }],
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
      lesson: "08_toolbox#as-completed",
      dependsOn: [...QUEUE, "producer-fetches-concurrently", "sentinels-stop-consumers"],
      async run(ctx) {
        // Arrivals at least 0.5 s apart: with two consumers busy 1 s each, one is always free.
        // The first URL is never the last to arrive, and the arrival order is never the URL
        // order: a producer that puts payloads in URL order shows up, told apart from one that
        // waits for every fetch.
        const slots = Array.from({ length: 6 }, (_, k) => 500 + 700 * k + offGrid(ctx, 1, 199));
        let order = shuffle(ctx, [0, 1, 2, 3, 4, 5]);
        if (order.every((k, i) => k === i)) order = order.reverse();
        if (order[0] === 5) [order[0], order[1]] = [order[1], order[0]];
        const fetchMs = order.map((k) => slots[k]);
        const r = rig(ctx, fetchMs, fetchMs.map(() => 1000));
        const run = await runPipe(ctx, r, 2, false);
        const s = spans(ctx, r, run);
        const late = [...s].sort((a, b) => a.arrival - b.arrival).filter((x) =>
          !near(x.start, x.arrival)
        );
        if (late.length === 0) return;
        const starts = s.map((x) => x.start);
        const durations = s.map((x) => x.end - x.start);
        const matches = (arrivals: number[]) =>
          schedule(arrivals, durations, 2).starts.every((t, i) => near(t, starts[i], EPS * 2));
        const last = Math.max(...s.map((x) => x.arrival));
        const prefix = s.map((_, i) => Math.max(...s.slice(0, i + 1).map((y) => y.arrival)));
        const allAtEnd = matches(s.map(() => last));
        const urlOrder = matches(prefix);
        const x = late[0];
        const at = { last: sec(ctx, last), first: s[0].short, firstAt: sec(ctx, s[0].arrival) };
        const text = allAtEnd && urlOrder
          ? msg("putOnArrivalBoth", at)
          : allAtEnd
          ? msg("putOnArrivalFail", at)
          : urlOrder
          ? msg("putOnArrivalUrlOrder", {
            ...at,
            short: x.short,
            arrival: sec(ctx, x.arrival),
            start: sec(ctx, x.start),
          })
          : msg("putOnArrivalFail2", {
            short: x.short,
            arrival: sec(ctx, x.arrival),
            start: sec(ctx, x.start),
          });
        const byArrival = [...s].sort((a, b) => a.arrival - b.arrival);
        ctx.fail(text, {
          expected: pairs(ctx, byArrival.map((y) => ({ label: y.short, at: y.arrival }))),
          actual: pairs(ctx, byArrival.map((y) => ({ label: y.short, at: y.start }))),
          tookMs: run.elapsedMs,
          marks: late.map((y) => ({
            at: y.arrival,
            label: `fetched ${y.short}`,
            kind: "expected",
          })),
        });
      },
    },
    {
      id: "consumers-take-work-when-free",
      points: 1,
      title: msg("consumersTakeWorkWhenFreeTitle"),
      hint: msg("consumersTakeWorkWhenFreeHint"),
      lesson: "06_queue#producer-and-consumers",
      dependsOn: [...QUEUE, "sentinels-stop-consumers"],
      async run(ctx) {
        // Every payload arrives together; one of the first two takes long to analyse, the others
        // are quick (three quick ones add up to less than the long one: a consumer runs out of
        // work while a payload dealt in advance to the busy one waits behind the long one).
        const d = offGrid(ctx, 500, 2000);
        const long = int(ctx, 0, 1);
        const analyzeMs = Array.from(
          { length: 6 },
          (_, i) => i === long ? offGrid(ctx, 2000, 2600) : offGrid(ctx, 300, 600),
        );
        const r = rig(ctx, analyzeMs.map(() => d), analyzeMs);
        const n = 2;
        const run = await runPipe(ctx, r, undefined, false);
        const s = spans(ctx, r, run);
        const busy = (t: number) => s.filter((x) => x.start <= t + 0.5 && x.end > t + 0.5).length;
        const expected = schedule(s.map((x) => x.arrival), analyzeMs, n);
        const details: FailDetails = {
          expected: pairs(ctx, s.map((x, i) => ({ label: x.short, at: expected.starts[i] }))),
          actual: pairs(ctx, s.map((x) => ({ label: x.short, at: x.start }))),
          tookMs: run.elapsedMs,
          expectedMs: expected.end,
          marks: [{ at: expected.end, label: "expected end", kind: "expected" }],
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
            ...s.map((y) => y.end).filter((e) => e >= x.arrival && e < x.start - EPS),
          ];
          const idle = instants.find((t) => busy(t) < n);
          if (idle !== undefined) {
            ctx.fail(
              msg("consumersTakeWorkWhenFreeFail2", {
                short: x.short,
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
      points: 1,
      title: msg("twoConsumersBeatOneTitle"),
      hint: msg("twoConsumersBeatOneHint"),
      lesson: "06_queue#producer-and-consumers",
      dependsOn: [...QUEUE, "producer-fetches-concurrently", "consumers-take-work-when-free"],
      async run(ctx) {
        const times: { n: number; took: number; want: number; d: number; a: number }[] = [];
        for (const n of [1, 2]) {
          const d = offGrid(ctx, 500, 2000);
          const a = offGrid(ctx, 700, 1300);
          const r = rig(
            ctx,
            Array.from({ length: 6 }, () => d),
            Array.from({ length: 6 }, () => a),
          );
          const run = await runPipe(ctx, r, n, false);
          spans(ctx, r, run);
          const want = schedule(r.urls.map(() => d), r.urls.map(() => a), n).end;
          const took = Math.max(...r.urls.map((u) => analyzeCall(r, u)!.end!));
          times.push({ n, took: run.status === "ok" ? run.elapsedMs : took, want, d, a });
          const t = times.at(-1)!;
          if (!near(t.took, t.want)) {
            const asIf = [1, 2, 3, 6].find((k) =>
              k !== n && near(t.took, schedule(r.urls.map(() => d), r.urls.map(() => a), k).end)
            );
            ctx.fail(
              msg("twoConsumersBeatOneFail", {
                n,
                took: sec(ctx, t.took),
                want: sec(ctx, t.want),
                arrivals: sec(ctx, d),
                analysis: sec(ctx, a),
                asIf: asIf ?? 0,
              }),
              {
                expected: sec(ctx, t.want),
                actual: sec(ctx, t.took),
                tookMs: t.took,
                expectedMs: t.want,
                marks: [{ at: t.want, label: "expected end", kind: "expected" }],
              },
            );
          }
        }
      },
    },
    {
      id: "pipeline-seconds",
      points: 1,
      title: msg("pipelineSecondsTitle"),
      hint: msg("pipelineSecondsHint"),
      lesson: "05_chaining#the-longest-chain",
      dependsOn: [...QUEUE, "sentinels-stop-consumers"],
      async run(ctx) {
        // Two calls one after the other, the first one late: a start time taken once (when the
        // module loads, or at the first call) shows up.
        const run = ctx.fn<RunPipeline>("runPipeline");
        const gaps = [offGrid(ctx, 200, 900), offGrid(ctx, 200, 900)];
        const rigs = [1, 2].map(() => rig(ctx, statementFetch(ctx, 3), [1000, 1000, 1000]));
        const seen = await ctx.run(async () => {
          const calls: { start: number; end: number; seconds: unknown }[] = [];
          for (const [i, r] of rigs.entries()) {
            await wait(gaps[i]);
            const start = now();
            const result = await run(r.urls, {
              consumers: i + 1,
              fetch: r.fetch,
              analyze: r.analyze,
              log: r.log,
            });
            const seconds = field(result, "seconds");
            calls.push({ start, end: now(), seconds });
          }
          return calls;
        });
        if (seen.status !== "ok" || containsPromise(seen.value)) {
          const stuck = rigs.find((r) => r.urls.some((u) => !analyzeCall(r, u)?.end)) ?? rigs[1];
          pipelineFailure(
            ctx,
            stuck,
            seen,
            pipelineName(rigs.indexOf(stuck) + 1),
            rigs.indexOf(stuck) + 1,
          );
        }
        for (const [i, c] of seen.value!.entries()) {
          const took = c.end - c.start;
          const s = c.seconds;
          if (typeof s === "number" && Math.abs(s * 1000 - took) <= 1.5) continue;
          const reason = typeof s !== "number" || !Number.isFinite(s)
            ? "notANumber"
            : Math.abs(s - took) <= 1.5
            ? "milliseconds"
            : Math.abs(s * 1000 - c.end) <= 1.5 || Math.abs(s * 1000 - (c.end - gaps[0])) <= 1.5
            ? "sinceOnce"
            : "other";
          ctx.fail(
            msg("pipelineSecondsFail", {
              call: i + 1,
              start: sec(ctx, c.start),
              end: sec(ctx, c.end),
              seconds: show(s),
              took: ctx.sec(took, 3),
              reason,
            }),
            {
              expected: ctx.sec(took, 3),
              actual: show(s),
              timeline: [],
              marks: [{ at: c.start, label: `call ${i + 1}`, kind: "call" }, {
                at: c.end,
                label: `returned ${i + 1}`,
                kind: "call",
              }],
            },
          );
        }
      },
    },
    {
      id: "sentinels-stop-consumers",
      points: 2,
      title: msg("sentinelsStopConsumersTitle"),
      hint: msg("sentinelsStopConsumersHint"),
      lesson: "06_queue#stopping-consumers",
      dependsOn: QUEUE,
      async run(ctx) {
        // Every relative order of arrivals: in URL order, the reverse, shuffled, and some at
        // once (0 s: the payload is in the queue before a consumer asks).
        const orders = [
          statementFetch(ctx).sort((a, b) => a - b),
          statementFetch(ctx).sort((a, b) => b - a),
          statementFetch(ctx).map((ms, i) => i % 3 === 1 ? 0 : ms),
        ];
        for (const [i, n] of [1, 2, 3].entries()) {
          const r = rig(ctx, orders[i], Array.from({ length: 6 }, () => offGrid(ctx, 800, 1200)));
          const run = await runPipe(ctx, r, n, true);
          analysedBeforeReturn(ctx, r, run);
        }
      },
    },
    {
      id: "results-name-consumer",
      points: 1,
      title: msg("resultsNameConsumerTitle"),
      hint: msg("resultsNameConsumerHint"),
      lesson: "06_queue#producer-and-consumers",
      dependsOn: [...QUEUE, "sentinels-stop-consumers"],
      async run(ctx) {
        const n = 2;
        const r = rig(ctx, statementFetch(ctx), Array.from({ length: 6 }, () => 1000));
        const run = await runPipe(ctx, r, n, true);
        const results = field(run.value, "results");
        if (!Array.isArray(results) || results.length !== r.urls.length) {
          ctx.fail(
            msg("resultsNameConsumerFail", {
              results: show(results, 200),
              total: r.urls.length,
            }),
          );
        }
        const byConsumer = new Map<unknown, ProbeCall[]>();
        for (const u of r.urls) {
          const entries = (results as unknown[]).filter((e) => field(e, "url") === u);
          const e = { consumer: field(entries[0], "consumer"), value: field(entries[0], "value") };
          if (entries.length !== 1 || e.value !== r.values.get(u)) {
            ctx.fail(
              msg("resultsNameConsumerFail2", {
                u: r.short.get(u)!,
                value: r.values.get(u)!,
                entries: show(entries),
              }),
              { expected: String(r.values.get(u)), actual: show(entries) },
            );
          }
          if (
            !Number.isInteger(e.consumer) || (e.consumer as number) < 1 ||
            (e.consumer as number) > n
          ) {
            ctx.fail(
              msg("resultsNameConsumerFail3", {
                u: r.short.get(u)!,
                consumer: show(e.consumer),
                n,
              }),
              { expected: `1…${n}`, actual: show(e.consumer) },
            );
          }
          byConsumer.set(e.consumer, [...(byConsumer.get(e.consumer) ?? []), analyzeCall(r, u)!]);
        }
        for (const [consumer, calls] of byConsumer) {
          const sorted = [...calls].sort((a, b) => a.start - b.start);
          const clash = sorted.findIndex((c, i) => i > 0 && c.start < sorted[i - 1].end! - EPS);
          if (clash > 0) {
            ctx.fail(
              msg("resultsNameConsumerFail4", {
                consumer: show(consumer),
                start: sec(ctx, sorted[clash].start),
              }),
            );
          }
        }
      },
    },
    {
      id: "log-progress",
      points: 1,
      title: msg("logProgressTitle"),
      hint: msg("logProgressHint"),
      lesson: "06_queue#producer-and-consumers",
      dependsOn: [...QUEUE, "sentinels-stop-consumers", "simulations"],
      async run(ctx) {
        // With the grader's fetch, analyze and log.
        const r = rig(ctx, statementFetch(ctx), Array.from({ length: 6 }, () => 1000));
        const run = await runPipe(ctx, r, 2, false);
        logged(ctx, r.lines, spans(ctx, r, run), false);
        // Without any: fetchData (Math.random() held, so it takes d), analyze (1 s), console.log.
        const url = `https://api.example.test/defaults/${int(ctx, 10, 99)}`;
        const d = offGrid(ctx, 520, 1980);
        const draw = (d / 1000 - 0.5) / 1.5;
        const pipeline = ctx.fn<RunPipeline>("runPipeline");
        let alone: VirtualRun<unknown>;
        try {
          standInForRandom(() => draw);
          alone = await ctx.settle(
            "runPipeline([url], { consumers: 1 })",
            () => pipeline([url], { consumers: 1 }),
          );
        } finally {
          standInForRandom(null);
        }
        if (!near(alone.elapsedMs, d + 1000)) {
          ctx.fail(
            msg("logDefaults", {
              took: sec(ctx, alone.elapsedMs),
              want: sec(ctx, d + 1000),
              d: sec(ctx, d),
            }),
            {
              expected: sec(ctx, d + 1000),
              actual: sec(ctx, alone.elapsedMs),
              tookMs: alone.elapsedMs,
              expectedMs: d + 1000,
              marks: [{ at: d + 1000, label: "expected end", kind: "expected" }],
            },
          );
        }
        const short = url.replace("https://api.example.test/", "");
        logged(ctx, alone.logs.map((l) => ({ at: l.at, text: l.text })), [
          { short, arrival: d, end: d + 1000 },
        ], true);
      },
    },
    {
      id: "simulations",
      points: 1,
      title: msg("simulationsTitle"),
      hint: msg("simulationsHint"),
      lesson: "01_sync_vs_async#waiting-without-blocking",
      async run(ctx) {
        const urls = ctx.get<unknown>("URLS");
        if (!sixUrls(urls)) ctx.fail(msg("simulationsFail", { urls: show(urls, 300) }));
        const fetchData = ctx.fn<(url: string, random?: () => number) => Promise<Payload>>(
          "fetchData",
        );
        const analyze = ctx.fn<(payload: Payload) => Promise<unknown>>("analyze");
        const url = `https://api.example.test/check/${int(ctx, 10, 99)}`;
        for (const r of [0, int(ctx, 1, 998) / 1000, 0.999]) {
          const want = 500 + 1500 * r;
          const run = await ctx.settle(`fetchData(url, () => ${r})`, () => fetchData(url, () => r));
          if (!near(run.elapsedMs, want)) {
            ctx.fail(
              msg("simulationsFail2", {
                r,
                took: ctx.sec(run.elapsedMs, 3),
                want: ctx.sec(want, 3),
              }),
              { expected: ctx.sec(want, 3), actual: ctx.sec(run.elapsedMs, 3), timeline: [] },
            );
          }
          const p = run.value as Partial<Payload> | undefined;
          if (
            p?.url !== url || !Array.isArray(p.items) || p.items.length === 0 ||
            !p.items.every((x) => typeof x === "number")
          ) {
            ctx.fail(msg("simulationsFail3", { p: show(p) }), { timeline: [] });
          }
        }
        const items = [int(ctx, 1, 9), int(ctx, 1, 9), int(ctx, 1, 9)];
        const run = await ctx.settle("analyze(payload)", () => analyze({ url, items }));
        if (!near(run.elapsedMs, 1000) || typeof run.value !== "number") {
          ctx.fail(
            msg("simulationsFail4", {
              took: ctx.sec(run.elapsedMs, 3),
              value: show(run.value),
            }),
            { expected: ctx.sec(1000), actual: ctx.sec(run.elapsedMs, 3), timeline: [] },
          );
        }
      },
    },
    {
      id: "main-compares",
      points: 1,
      title: msg("mainComparesTitle"),
      hint: msg("mainComparesHint"),
      lesson: "06_queue#producer-and-consumers",
      // (log-progress: the figures expected come from runPipeline's defaults, which it observes.)
      dependsOn: [
        ...QUEUE,
        "simulations",
        "pipeline-seconds",
        "sentinels-stop-consumers",
        "log-progress",
      ],
      async run(ctx) {
        // Math.random() held at one value: every fetch of main() takes the same time d. main()'s
        // job is to print what runPipeline measured, so the two pipeline times expected are
        // those of the learner's own runPipeline on URLS under the same draws (whatever its
        // own mistakes), and the sequential estimate is 6d + 6 s. d keeps clear of 0.6 s and
        // 1.2 s, where the fetch times added up (6d) would read as a pipeline time, and of 1 s,
        // where the pipeline times are whole seconds that a rounded figure prints without decimals.
        let d = offGrid(ctx, 520, 1980);
        if (Math.abs(d - 600) < 60 || Math.abs(d - 1200) < 60 || Math.abs(d - 1000) < 20) d += 131;
        const draw = (d / 1000 - 0.5) / 1.5;
        const main = ctx.fn<() => Promise<void>>("main");
        const pipeline = ctx.fn<RunPipeline>("runPipeline");
        const urls = ctx.get<readonly string[]>("URLS");
        // The figures expected hold for six URLs; anything else is the simulations check's.
        if (!sixUrls(urls)) ctx.fail(msg("mainNeedsUrls"), { timeline: [] });
        const took: number[] = [];
        let ran: VirtualRun<void>;
        try {
          standInForRandom(() => draw);
          for (const consumers of [1, 2]) {
            const alone = await ctx.settle(
              `runPipeline(URLS, { consumers: ${consumers} })`,
              () => pipeline(urls, { consumers, log: () => {} }),
            );
            took.push(alone.elapsedMs);
          }
          ran = await ctx.settle("main()", () => main());
        } finally {
          standInForRandom(null);
        }
        const printed = ran.logs.map((l) => ({ at: l.at, numbers: numbersIn(l.text) }));
        const [one, two] = took, sequential = 6 * d + 6000;
        const marks: TimelineMark[] = ran.logs.slice(0, 30).map((l) => ({
          at: l.at,
          label: l.text.slice(0, 40),
          kind: "print",
        }));
        if (ran.logs.length === 0) {
          ctx.fail(msg("mainNothing"), {
            timeline: [],
            tookMs: ran.elapsedMs,
            marks: [{ at: one + two, label: "1 + 2 consumers", kind: "expected" }],
          });
        }
        const figures = [
          { key: "one" as const, ms: one, ready: one },
          { key: "two" as const, ms: two, ready: two },
          { key: "sequential" as const, ms: sequential, ready: 0 },
        ];
        const missing = figures.filter((f) =>
          !printed.some((p) => p.at >= f.ready - EPS && p.numbers.some((n) => printedAs(n, f.ms)))
        );
        const seen = printed.flatMap((p) => p.numbers.map((n) => n.value)).slice(0, 12);
        if (missing.length > 0) {
          const early = missing.filter((f) =>
            printed.some((p) => p.numbers.some((n) => printedAs(n, f.ms)))
          );
          ctx.fail(
            msg("mainFigures", {
              d: sec(ctx, d),
              one: sec(ctx, one),
              two: sec(ctx, two),
              missing: joinTexts(
                missing.map((f) => msg(f.key, { at: sec(ctx, f.ms) })),
                msg("listSeparator"),
              ),
              early: early.length > 0,
              seen: seen.join(" · "),
            }),
            {
              expected: joinTexts(
                figures.map((f) => msg(f.key, { at: sec(ctx, f.ms) })),
                msg("listSeparator"),
              ),
              actual: seen.length > 0 ? seen.join(" · ") : msg("nothing"),
              timeline: [],
              tookMs: ran.elapsedMs,
              marks,
            },
          );
        }
        if (ran.elapsedMs < one + two - EPS) {
          ctx.fail(
            msg("mainRuns", { took: sec(ctx, ran.elapsedMs), want: sec(ctx, one + two) }),
            {
              expected: sec(ctx, one + two),
              actual: sec(ctx, ran.elapsedMs),
              timeline: [],
              tookMs: ran.elapsedMs,
              expectedMs: one + two,
              marks,
            },
          );
        }
      },
    },
  ],
});

/** A get() on a queue that should hold an item: what it gave within a moment, if anything. */
async function settleGet(q: Queue) {
  const t = track(q.get());
  await settleOr(50, t);
  return { done: t.done, value: t.value };
}
