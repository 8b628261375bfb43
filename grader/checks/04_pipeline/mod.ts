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
import { now, type Span, type VirtualRun, virtualSetTimeout } from "../../clock.ts";
import type { LocalText } from "../../i18n/mod.ts";
import type { Probe, ProbeCall } from "../../probe.ts";

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

/** Tolerance on virtual instants (ms). */
const EPS = 1;
const near = (a: number, b: number) => Math.abs(a - b) <= EPS;
const show = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/** Waits `ms` of virtual time on the clock's own timers. */
const wait = (ms: number) => new Promise<void>((resolve) => virtualSetTimeout(resolve, ms));

/** A promise plus when (and how) it settled. */
interface Tracked<T> {
  promise: Promise<unknown>;
  done: boolean;
  at: number;
  value?: T;
  error?: unknown;
}

function track<T>(value: Promise<T> | T): Tracked<T> {
  const t = { done: false, at: -1 } as Tracked<T>;
  const promise = Promise.resolve(value).then(
    (v) => Object.assign(t, { done: true, at: now(), value: v }),
    (e) => Object.assign(t, { done: true, at: now(), error: e }),
  );
  // Not enumerable: the scenario's result must not look like a forgotten await.
  Object.defineProperty(t, "promise", { value: promise, enumerable: false });
  return t;
}

/** Waits until every tracked promise settled, or `ms` of virtual time passed. */
async function settleOr(ms: number, ...tracked: Tracked<unknown>[]): Promise<void> {
  await Promise.race([Promise.all(tracked.map((t) => t.promise)), wait(ms)]);
}

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
const list = (ctx: CheckContext, ms: number[]): LocalText => ({
  en: ms.map((m) => sec(ctx, m).en).join(", "),
  fr: ms.map((m) => sec(ctx, m).fr).join(" ; "),
});

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
        ctx.fail({
          en: `with ${n} consumer${n > 1 ? "s" : ""}, ${name} never returned: every payload was ` +
            `analysed by ${at.en}, then it waited forever with nothing left to wake it. One consumer ` +
            "never got its sentinel (null): put one null per consumer once the last payload is in the queue",
          fr:
            `avec ${n} consommateur${
              n > 1 ? "s" : ""
            }, ${name} ne s'est jamais terminée : toutes les ` +
            `données étaient analysées à ${at.fr}, puis elle a attendu pour toujours sans rien qui puisse ` +
            "la réveiller. Un consommateur n'a jamais reçu sa sentinelle (null) : mettez un null par " +
            "consommateur une fois la dernière donnée dans la file",
        }, {
          tookMs: result.elapsedMs,
          hint: {
            en: "for (let i = 0; i < consumers; i++) await queue.put(null);",
            fr: "for (let i = 0; i < consumers; i++) await queue.put(null);",
          },
        });
      }
      ctx.fail({
        en:
          `${name} never returned: only ${analysed} of ${r.urls.length} payloads were analysed, and ` +
          `at ${at.en} nothing was left that could wake it up. A get() that no put() woke up, or a ` +
          "payload that never reached the queue?",
        fr:
          `${name} ne s'est jamais terminée : seules ${analysed} données sur ${r.urls.length} ont été ` +
          `analysées, et à ${at.fr} plus rien ne pouvait la réveiller. Un get() qu'aucun put() n'a ` +
          "réveillé, ou une donnée qui n'est jamais arrivée dans la file ?",
      }, { tookMs: result.elapsedMs });
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
      ctx.fail(
        {
          en: core("runaway", { name, at: at.en }).en,
          fr: core("runaway", { name, at: at.fr }).fr,
        },
        { tookMs: result.elapsedMs },
      );
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
      ctx.fail({
        en: `runPipeline() returned at ${at.en} while the fetch of ${s} was still under way: ` +
          "wait until every payload is in the queue and every consumer has stopped — did the " +
          "sentinels (null) go in before every payload had arrived?",
        fr: `runPipeline() a rendu la main à ${at.fr} alors que la récupération de ${s} était ` +
          "encore en cours : attendez que toutes les données soient dans la file et que chaque " +
          "consommateur se soit arrêté — les sentinelles (null) sont-elles entrées avant " +
          "l'arrivée de toutes les données ?",
      });
    }
    if (!f || f.end === null) {
      ctx.fail({
        en: `${s} was never fetched (or its fetch never ended): the producer must fetch every URL`,
        fr:
          `${s} n'a jamais été récupérée (ou sa récupération n'a jamais fini) : le producteur doit ` +
          "récupérer chaque URL",
      });
    }
    // Arrived, never taken, and no analysis left running: every consumer had already stopped.
    const stopped = r.urls.every((v) => analyzeCall(r, v)?.end !== null);
    if (!a && run.status === "ok" && stopped) {
      const arrived = sec(ctx, f.end);
      ctx.fail({
        en: `the payload of ${s} arrived at ${arrived.en} but was never analysed: every consumer ` +
          "had stopped, so a sentinel (null) came out of the queue before it. Put the nulls in " +
          "only once every payload is in, and take items out first in, first out",
        fr: `les données de ${s} sont arrivées à ${arrived.fr} mais n'ont jamais été analysées : ` +
          "tous les consommateurs s'étaient arrêtés, une sentinelle (null) est donc sortie de la " +
          "file avant elles. Ne mettez les null qu'une fois toutes les données dans la file, et " +
          "sortez les éléments dans l'ordre d'arrivée",
      });
    }
    if (!a || a.end === null) {
      const early = run.status === "ok";
      ctx.fail({
        en: `the payload of ${s} was never analysed` +
          (early
            ? `: runPipeline() returned at ${
              ctx.sec(run.elapsedMs).en
            } before it was. Wait until every consumer has stopped`
            : ""),
        fr: `les données de ${s} n'ont jamais été analysées` +
          (early
            ? ` : runPipeline() a rendu la main à ${
              ctx.sec(run.elapsedMs).fr
            } avant. Attendez que chaque consommateur se soit arrêté`
            : ""),
      });
    }
    return { url: u, short: s!, arrival: f.end, start: a.start, end: a.end };
  });
}

// ---------------------------------------------------------------------------

export default defineChecks([
  {
    id: "queue-fifo",
    points: 2,
    title: {
      en: "AsyncQueue gives items back first in, first out",
      fr: "AsyncQueue rend les éléments dans l'ordre d'arrivée (premier entré, premier sorti)",
    },
    hint: {
      en: "push() at the back, shift() from the front; a put() that waited for room keeps its turn",
      fr:
        "push() à l'arrière, shift() à l'avant ; un put() qui a attendu de la place garde son tour",
    },
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
      if (show(got) !== show(items)) {
        ctx.fail({
          en:
            `after put() of ${show(items)}, get() gave ${show(got)}: a queue gives items back in ` +
            "the order they went in",
          fr:
            `après put() de ${show(items)}, get() a rendu ${
              show(got)
            } : une file rend les éléments ` +
            "dans l'ordre où ils sont entrés",
        }, { expected: show(items), actual: show(got), timeline: [] });
      }
      if (show(got2) !== show(bounded)) {
        ctx.fail({
          en:
            `with maxSize 2, put() of ${
              show(bounded)
            } (the last two waiting for room), then four ` +
            `get()s gave ${show(got2)}: waiting put()s must get in oldest first`,
          fr:
            `avec maxSize 2, put() de ${
              show(bounded)
            } (les deux derniers attendant de la place), ` +
            `puis quatre get() ont rendu ${
              show(got2)
            } : les put() en attente doivent entrer du plus ` +
            "ancien au plus récent",
        }, { expected: show(bounded), actual: show(got2), timeline: [] });
      }
    },
  },
  {
    id: "queue-get-waits",
    points: 3,
    title: {
      en: "get() on an empty queue waits for the next put(); waiting get()s are served in order",
      fr:
        "get() sur une file vide attend le prochain put() ; les get() en attente sont servis dans l'ordre",
    },
    hint: {
      en:
        "keep the resolve functions of waiting get()s in an array; put() calls the oldest one (shift())",
      fr:
        "gardez les fonctions resolve des get() en attente dans un tableau ; put() appelle la plus ancienne (shift())",
    },
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
        ctx.fail({
          en:
            `get() on an empty queue resolved at once (with ${
              show(early.value)
            }) instead of waiting ` +
            "for the next put()",
          fr:
            `get() sur une file vide s'est résolu tout de suite (avec ${
              show(early.value)
            }) au lieu ` +
            "d'attendre le prochain put()",
        }, { expected: want, actual: ctx.sec(early.at, 3), timeline: [] });
      }
      if (!g.done) {
        ctx.fail({
          en:
            `get() on an empty queue was still waiting 5 s after the put() at ${want.en}: put() must ` +
            "wake the oldest waiting get()",
          fr:
            `get() sur une file vide attendait encore 5 s après le put() de ${want.fr} : put() doit ` +
            "réveiller le plus ancien get() en attente",
        }, { expected: want, actual: { en: "never", fr: "jamais" }, timeline: [] });
      }
      if (!near(g.at, putAt) || g.value !== item) {
        const got = ctx.sec(g.at, 3);
        ctx.fail({
          en: `get() on an empty queue resumed at ${got.en} with ${show(g.value)}; the put() of ` +
            `${
              show(item)
            } came at ${want.en}: resume the waiting get() the moment an item arrives ` +
            "(no polling with timers)",
          fr: `get() sur une file vide a repris à ${got.fr} avec ${show(g.value)} ; le put() de ` +
            `${
              show(item)
            } a eu lieu à ${want.fr} : réveillez le get() en attente dès qu'un élément ` +
            "arrive (pas de scrutation avec des minuteurs)",
        }, { expected: want, actual: got, timeline: [] });
      }
      const order = getters.map((t) => t.value);
      const instants = getters.map((t) => t.at);
      if (show(order) !== show(names) || !instants.every((at, i) => near(at, puts[i]))) {
        ctx.fail({
          en:
            `three get()s waited (oldest first), then put() brought ${
              show(names)
            } one at a time; the ` +
            `get()s received ${
              show(order.map((v) => v ?? null))
            }: serve waiting get()s oldest first, ` +
            "each at the instant of its put()",
          fr:
            `trois get() attendaient (le plus ancien d'abord), puis put() a apporté ${
              show(names)
            } un ` +
            `par un ; les get() ont reçu ${
              show(order.map((v) => v ?? null))
            } : servez les get() en ` +
            "attente du plus ancien au plus récent, chacun à l'instant de son put()",
        }, {
          expected: {
            en: `${show(names)} at ${list(ctx, puts).en}`,
            fr: `${show(names)} à ${list(ctx, puts).fr}`,
          },
          actual: {
            en: `${show(order.map((v) => v ?? null))} at ${list(ctx, instants).en}`,
            fr: `${show(order.map((v) => v ?? null))} à ${list(ctx, instants).fr}`,
          },
          timeline: [],
        });
      }
    },
  },
  {
    id: "queue-max-size",
    points: 2,
    title: {
      en: "with maxSize, put() on a full queue waits until a get() makes room",
      fr: "avec maxSize, put() sur une file pleine attend qu'un get() fasse de la place",
    },
    hint: {
      en:
        "when the queue holds maxSize items, put() returns a promise that the next get() resolves; " +
        "without maxSize, put() never waits",
      fr:
        "quand la file contient maxSize éléments, put() renvoie une promesse que le prochain get() résout ; " +
        "sans maxSize, put() n'attend jamais",
    },
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
        ctx.fail({
          en: "with maxSize 2, the first two put()s should resolve at once: the queue had room",
          fr:
            "avec maxSize 2, les deux premiers put() doivent se résoudre tout de suite : la file avait de la place",
        }, { timeline: [] });
      }
      if (before[2].done) {
        ctx.fail({
          en: `with maxSize 2 and two items in the queue, the third put() resolved at ${
            ctx.sec(before[2].at, 3).en
          }; it must wait until a get() makes room (at ${want.en})`,
          fr: `avec maxSize 2 et deux éléments dans la file, le troisième put() s'est résolu à ${
            ctx.sec(before[2].at, 3).fr
          } ; il doit attendre qu'un get() fasse de la place (à ${want.fr})`,
        }, { expected: want, actual: ctx.sec(before[2].at, 3), timeline: [] });
      }
      if (!third.done || !near(third.at, getAt)) {
        const got3 = third.done ? ctx.sec(third.at, 3) : { en: "never", fr: "jamais" };
        ctx.fail({
          en:
            `the waiting put() should resume at ${want.en}, when get() made room; it resumed: ${got3.en}`,
          fr:
            `le put() en attente doit reprendre à ${want.fr}, quand get() a fait de la place ; il a repris : ${got3.fr}`,
        }, { expected: want, actual: got3, timeline: [] });
      }
      if (show(got) !== show(items)) {
        ctx.fail({
          en:
            `after the waiting put(), get() gave ${show(got)}; expected ${
              show(items)
            }: the item of a ` +
            "put() that waited must enter the queue",
          fr:
            `après le put() en attente, get() a rendu ${show(got)} ; attendu ${
              show(items)
            } : l'élément ` +
            "d'un put() qui a attendu doit entrer dans la file",
        }, { expected: show(items), actual: show(got), timeline: [] });
      }
      const waited = many.findIndex((p) => !p.done || p.at > manyAt + EPS);
      if (waited >= 0) {
        ctx.fail({
          en:
            `on new AsyncQueue() (no maxSize), put() number ${
              waited + 1
            } of 20 waited: without maxSize ` +
            "the queue is unbounded and put() resolves at once",
          fr:
            `sur new AsyncQueue() (sans maxSize), le put() numéro ${
              waited + 1
            } sur 20 a attendu : sans ` +
            "maxSize la file est illimitée et put() se résout tout de suite",
        }, { timeline: [] });
      }
    },
  },
  {
    id: "queue-size",
    points: 1,
    title: {
      en: "size counts the items waiting in the queue",
      fr: "size compte les éléments qui attendent dans la file",
    },
    hint: {
      en:
        "return the length of the array of stored items; an item handed straight to a waiting get() " +
        "never enters the queue",
      fr:
        "renvoyez la longueur du tableau des éléments stockés ; un élément remis directement à un get() " +
        "en attente n'entre jamais dans la file",
    },
    async run(ctx) {
      const Q = queueClass(ctx);
      const n = int(ctx, 3, 6);
      const seen = await ctx.settle("AsyncQueue size", async () => {
        const q = new Q();
        const steps: [LocalText, unknown, number][] = [];
        steps.push([{ en: "a new queue", fr: "une file neuve" }, q.size, 0]);
        for (let i = 0; i < n; i++) await q.put(i);
        steps.push([{ en: `${n} put()s`, fr: `${n} put()` }, q.size, n]);
        await q.get();
        steps.push([{ en: "one get()", fr: "un get()" }, q.size, n - 1]);
        for (let i = 1; i < n; i++) await q.get();
        steps.push([
          { en: "as many get()s as put()s", fr: "autant de get() que de put()" },
          q.size,
          0,
        ]);
        const waiting = track(q.get());
        steps.push([
          { en: "a get() waiting on an empty queue", fr: "un get() en attente sur une file vide" },
          q.size,
          0,
        ]);
        await q.put("handed over");
        await settleOr(1000, waiting);
        steps.push([
          {
            en: "a put() handed straight to that waiting get()",
            fr: "un put() remis directement à ce get() en attente",
          },
          q.size,
          0,
        ]);
        await q.put("stored");
        steps.push([{ en: "one more put()", fr: "un put() de plus" }, q.size, 1]);
        return steps;
      });
      for (const [what, got, want] of seen.value) {
        if (got !== want) {
          ctx.fail({
            en: `size was ${show(got)} after ${what.en}; expected ${want}`,
            fr: `size valait ${show(got)} après ${what.fr} ; attendu ${want}`,
          }, { expected: String(want), actual: show(got), timeline: [] });
        }
      }
    },
  },
  {
    id: "producer-fetches-concurrently",
    points: 2,
    title: {
      en: "the producer starts every fetch at once",
      fr: "le producteur lance toutes les récupérations en même temps",
    },
    hint: {
      en:
        "map each URL to an async task that fetches it and puts its payload, then Promise.all the tasks",
      fr:
        "associez à chaque URL une tâche async qui la récupère et met ses données dans la file, puis " +
        "Promise.all sur ces tâches",
    },
    async run(ctx) {
      const pool = shuffle(ctx, Array.from({ length: 16 }, (_, i) => 500 + i * 100));
      const fetchMs = pool.slice(0, 6);
      const r = rig(ctx, fetchMs, fetchMs.map(() => 1000));
      await runPipe(ctx, r, undefined, false);
      for (const u of r.urls) {
        const calls = r.fetchProbes.get(u)!.calls;
        if (calls.length !== 1) {
          ctx.fail({
            en: `${r.short.get(u)} was fetched ${calls.length} times; fetch each URL exactly once`,
            fr: `${
              r.short.get(u)
            } a été récupérée ${calls.length} fois ; récupérez chaque URL une seule fois`,
          });
        }
      }
      const calls = r.urls.map((u) => ({ short: r.short.get(u)!, call: fetchCall(r, u)! }))
        .sort((a, b) => a.call.start - b.call.start);
      const late = calls.filter((c) => c.call.start > EPS);
      if (late.length > 0) {
        const oneByOne = calls.every((c, i) =>
          i === 0 || (calls[i - 1].call.end !== null && near(c.call.start, calls[i - 1].call.end!))
        );
        const starts = calls.map((c) => c.call.start);
        const first = late[0];
        ctx.fail(
          oneByOne
            ? {
              en:
                "the producer fetched one URL at a time: each fetch started when the previous one " +
                `ended (${first.short} at ${
                  sec(ctx, first.call.start).en
                }). Start every fetch at once and ` +
                "put each payload in the queue as soon as it arrives",
              fr:
                "le producteur a récupéré les URL une par une : chaque récupération a démarré à la fin " +
                `de la précédente (${first.short} à ${
                  sec(ctx, first.call.start).fr
                }). Lancez-les toutes ` +
                "d'un coup et mettez chaque donnée dans la file dès qu'elle arrive",
            }
            : {
              en:
                `${first.short} was fetched from ${
                  sec(ctx, first.call.start).en
                }, not from 0.0 s: the ` +
                "producer should start every fetch at once",
              fr:
                `${first.short} a été récupérée à partir de ${
                  sec(ctx, first.call.start).fr
                }, pas de ` +
                "0,0 s : le producteur doit lancer toutes les récupérations d'un coup",
            },
          {
            expected: {
              en: "every fetch starts at 0.0 s",
              fr: "toutes les récupérations démarrent à 0,0 s",
            },
            actual: list(ctx, starts),
          },
        );
      }
    },
  },
  {
    id: "put-on-arrival",
    points: 2,
    title: {
      en: "each payload is analysed the moment it arrives when a consumer is free",
      fr: "chaque donnée est analysée dès son arrivée quand un consommateur est libre",
    },
    hint: {
      en:
        "put each payload into the queue right after its own fetch resolves, not after all of them",
      fr:
        "mettez chaque donnée dans la file juste après la fin de sa propre récupération, pas après toutes",
    },
    async run(ctx) {
      // Arrivals at least 0.55 s apart: with two consumers busy 1 s each, one is always free. Off
      // the 100 ms grid, so that a get() that polls with a timer shows up late.
      const fetchMs = shuffle(
        ctx,
        Array.from({ length: 6 }, (_, k) => 500 + 700 * k + 100 * int(ctx, 0, 1) + int(ctx, 1, 49)),
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
            ? {
              en:
                `no analysis started before the last fetch ended (${
                  sec(ctx, last).en
                }): the producer ` +
                "waited for every fetch before putting anything in the queue. Put each payload in as soon " +
                "as its own fetch resolves",
              fr:
                `aucune analyse n'a démarré avant la fin de la dernière récupération (${
                  sec(ctx, last).fr
                }) : ` +
                "le producteur a attendu toutes les récupérations avant de remplir la file. Mettez chaque " +
                "donnée dans la file dès la fin de sa propre récupération",
            }
            : {
              en:
                `the payload of ${x.short} arrived at ${sec(ctx, x.arrival).en} but its analysis ` +
                `started at ${
                  sec(ctx, x.start).en
                }, although a consumer was free: put each payload in the ` +
                "queue the moment it arrives, and let a waiting consumer take it at once",
              fr:
                `les données de ${x.short} sont arrivées à ${
                  sec(ctx, x.arrival).fr
                } mais leur analyse ` +
                `a démarré à ${
                  sec(ctx, x.start).fr
                }, alors qu'un consommateur était libre : mettez chaque ` +
                "donnée dans la file dès son arrivée, et qu'un consommateur en attente la prenne aussitôt",
            },
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
    title: {
      en: "consumers (2 by default) each take the next payload as soon as they are free",
      fr:
        "les consommateurs (2 par défaut) prennent chacun la donnée suivante dès qu'ils sont libres",
    },
    hint: {
      en:
        "all consumers get() from one shared queue, in a loop: get, analyse, get again — never more " +
        "consumers than asked",
      fr:
        "tous les consommateurs font get() sur une seule file partagée, en boucle : get, analyse, get " +
        "à nouveau — jamais plus de consommateurs que demandé",
    },
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
          ctx.fail({
            en:
              `at ${
                sec(ctx, x.start).en
              }, ${k} analyses were running at once, but runPipeline has ${n} ` +
              "consumers by default: start exactly `consumers` consumer loops, not one per URL",
            fr:
              `à ${
                sec(ctx, x.start).fr
              }, ${k} analyses tournaient en même temps, alors que runPipeline a ` +
              `${n} consommateurs par défaut : lancez exactement \`consumers\` boucles de consommateur, pas ` +
              "une par URL",
          }, details);
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
          ctx.fail({
            en: `the payload of ${x.short} arrived at ${sec(ctx, x.arrival).en} and waited until ` +
              `${sec(ctx, x.start).en}, although a consumer was idle from ${sec(ctx, idle).en} (${
                busy(idle)
              } ` +
              `of ${n} busy): each consumer should take the next payload from the shared queue as soon as ` +
              "it is free",
            fr:
              `les données de ${x.short} sont arrivées à ${
                sec(ctx, x.arrival).fr
              } et ont attendu jusqu'à ` +
              `${sec(ctx, x.start).fr}, alors qu'un consommateur était inactif dès ${
                sec(ctx, idle).fr
              } ` +
              `(${
                busy(idle)
              } sur ${n} occupés) : chaque consommateur doit prendre la donnée suivante dans ` +
              "la file partagée dès qu'il est libre",
          }, details);
        }
      }
    },
  },
  {
    id: "two-consumers-beat-one",
    points: 2,
    title: {
      en: "two consumers finish sooner than one, by the expected margin",
      fr: "deux consommateurs finissent plus tôt qu'un seul, de l'écart attendu",
    },
    hint: {
      en:
        "start `consumers` consumer loops (from the option), return as soon as they have all stopped, " +
        "and measure seconds with performance.now()",
      fr:
        "lancez `consumers` boucles de consommateur (selon l'option), rendez la main dès qu'elles se sont " +
        "toutes arrêtées, et mesurez les secondes avec performance.now()",
    },
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
          ctx.fail({
            en: `with ${n} consumer(s), runPipeline reported seconds = ${show(seconds)}, but ` +
              `${ctx.sec(run.elapsedMs, 2).en} passed` +
              (ms ? ": that is milliseconds, divide by 1000" : ""),
            fr:
              `avec ${n} consommateur(s), runPipeline indique seconds = ${
                show(seconds)
              }, alors que ` +
              `${ctx.sec(run.elapsedMs, 2).fr} se sont écoulées` +
              (ms ? " : ce sont des millisecondes, divisez par 1000" : ""),
          }, { expected: ctx.sec(run.elapsedMs, 2), actual: show(seconds), timeline: run.events });
        }
      }
      for (const t of times) {
        if (!near(t.took, t.want)) {
          const same = times.length === 2 && near(times[0].took, times[1].took);
          ctx.fail({
            en:
              `with ${t.n} consumer(s), runPipeline took ${sec(ctx, t.took).en}; expected ${
                sec(ctx, t.want).en
              } ` +
              `(payloads at ${sec(ctx, d).en}, then six 1 s analyses, ${t.n} at a time)` +
              (same
                ? ": one and two consumers took the same time — is the `consumers` option used?"
                : ""),
            fr:
              `avec ${t.n} consommateur(s), runPipeline a pris ${sec(ctx, t.took).fr} ; attendu ` +
              `${sec(ctx, t.want).fr} (données arrivées à ${
                sec(ctx, d).fr
              }, puis six analyses d'1 s, ${t.n} ` +
              "à la fois)" +
              (same
                ? " : un et deux consommateurs ont pris le même temps — l'option `consumers` est-elle utilisée ?"
                : ""),
          }, {
            expected: sec(ctx, t.want),
            actual: sec(ctx, t.took),
            tookMs: t.took,
            expectedMs: t.want,
            timeline: t.events,
          });
        }
      }
    },
  },
  {
    id: "sentinels-stop-consumers",
    points: 2,
    title: {
      en: "sentinels stop every consumer: runPipeline returns with 1, 2 or 3 consumers",
      fr:
        "les sentinelles arrêtent chaque consommateur : runPipeline se termine avec 1, 2 ou 3 consommateurs",
    },
    hint: {
      en:
        "once every payload is in the queue, put one null per consumer; a consumer that gets null returns",
      fr:
        "une fois toutes les données dans la file, mettez un null par consommateur ; un consommateur qui " +
        "reçoit null s'arrête",
    },
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
    title: {
      en:
        "results hold one entry per URL with its value and the consumer (from 1) that analysed it",
      fr:
        "les résultats ont une entrée par URL avec sa valeur et le consommateur (numéroté à partir de 1) qui l'a analysée",
    },
    hint: {
      en:
        "each consumer knows its own number (1, 2, …) and pushes { url, consumer, value } after each analysis",
      fr:
        "chaque consommateur connaît son numéro (1, 2, …) et ajoute { url, consumer, value } après chaque analyse",
    },
    async run(ctx) {
      const n = 2;
      const r = rig(ctx, statementFetch(ctx), Array.from({ length: 6 }, () => 1000));
      const run = await runPipe(ctx, r, n, true);
      const results = (run.value as { results?: unknown } | undefined)?.results;
      if (!Array.isArray(results) || results.length !== r.urls.length) {
        ctx.fail({
          en:
            `runPipeline returned results = ${
              show(results)?.slice(0, 200)
            }; expected an array of ` +
            `${r.urls.length} { url, consumer, value }, one per URL`,
          fr:
            `runPipeline a renvoyé results = ${
              show(results)?.slice(0, 200)
            } ; attendu un tableau de ` +
            `${r.urls.length} { url, consumer, value }, un par URL`,
        });
      }
      const byConsumer = new Map<unknown, ProbeCall[]>();
      for (const u of r.urls) {
        const entries = (results as Analysis[]).filter((e) => e?.url === u);
        const e = entries[0];
        if (entries.length !== 1 || e.value !== r.values.get(u)) {
          ctx.fail({
            en:
              `results should hold ${r.short.get(u)} once, with the value analyze resolved with ` +
              `(${r.values.get(u)}); got ${show(entries)}`,
            fr:
              `results doit contenir ${
                r.short.get(u)
              } une fois, avec la valeur renvoyée par analyze ` +
              `(${r.values.get(u)}) ; obtenu ${show(entries)}`,
          }, { expected: String(r.values.get(u)), actual: show(entries) });
        }
        if (!Number.isInteger(e.consumer) || e.consumer < 1 || e.consumer > n) {
          ctx.fail({
            en:
              `${r.short.get(u)} was analysed by consumer ${
                show(e.consumer)
              }; with ${n} consumers the ` +
              "numbers are 1 to 2 (consumers are numbered from 1)",
            fr:
              `${r.short.get(u)} a été analysée par le consommateur ${
                show(e.consumer)
              } ; avec ${n} ` +
              "consommateurs les numéros vont de 1 à 2 (on numérote à partir de 1)",
          }, { expected: "1..2", actual: show(e.consumer) });
        }
        byConsumer.set(e.consumer, [...(byConsumer.get(e.consumer) ?? []), analyzeCall(r, u)!]);
      }
      for (const [consumer, calls] of byConsumer) {
        const sorted = [...calls].sort((a, b) => a.start - b.start);
        const clash = sorted.findIndex((c, i) => i > 0 && c.start < sorted[i - 1].end! - EPS);
        if (clash > 0) {
          ctx.fail({
            en:
              `consumer ${consumer} is named for two analyses that overlapped (at ${
                sec(ctx, sorted[clash].start).en
              }): ` +
              "a consumer analyses one payload at a time, so record the number of the consumer that did it",
            fr:
              `le consommateur ${consumer} est indiqué pour deux analyses qui se chevauchent (à ` +
              `${
                sec(ctx, sorted[clash].start).fr
              }) : un consommateur analyse une donnée à la fois, notez ` +
              "donc le numéro de celui qui l'a faite",
          });
        }
      }
    },
  },
  {
    id: "simulations",
    points: 1,
    title: {
      en: "fetchData waits 0.5–2 s, analyze waits 1 s, and main() runs to the end",
      fr: "fetchData attend de 0,5 à 2 s, analyze attend 1 s, et main() va jusqu'au bout",
    },
    hint: {
      en:
        "fetchData waits (0.5 + 1.5 * random()) * 1000 ms; analyze waits 1000 ms — setTimeout counts in ms; main() awaits both pipelines",
      fr:
        "fetchData attend (0.5 + 1.5 * random()) * 1000 ms ; analyze attend 1000 ms — setTimeout compte en ms ; main() attend les deux pipelines",
    },
    async run(ctx) {
      const urls = ctx.get<unknown>("URLS");
      if (!Array.isArray(urls) || urls.length !== 6 || new Set(urls).size !== 6) {
        ctx.fail({
          en: `URLS should list six different URLs; it is ${show(urls)}`,
          fr: `URLS doit lister six URL différentes ; c'est ${show(urls)}`,
        });
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
          ctx.fail({
            en: `fetchData(url, () => ${r}) took ${ctx.sec(run.elapsedMs, 3).en}; it should wait ` +
              `0.5 + 1.5 × ${r} = ${ctx.sec(want, 3).en}`,
            fr:
              `fetchData(url, () => ${r}) a pris ${
                ctx.sec(run.elapsedMs, 3).fr
              } ; elle doit attendre ` +
              `0,5 + 1,5 × ${r} = ${ctx.sec(want, 3).fr}`,
          }, { expected: ctx.sec(want, 3), actual: ctx.sec(run.elapsedMs, 3), timeline: [] });
        }
        const p = run.value as Partial<Payload> | undefined;
        if (
          p?.url !== url || !Array.isArray(p.items) || !p.items.every((x) => typeof x === "number")
        ) {
          ctx.fail({
            en: `fetchData(url) resolved with ${
              show(p)
            }; expected { url, items } with items an array of numbers`,
            fr: `fetchData(url) a renvoyé ${
              show(p)
            } ; attendu { url, items } avec items un tableau de nombres`,
          }, { timeline: [] });
        }
      }
      const run = await ctx.settle("analyze(payload)", () => analyze({ url, items: [3, 4, 5] }));
      if (!near(run.elapsedMs, 1000) || typeof run.value !== "number") {
        ctx.fail({
          en:
            `analyze(payload) took ${ctx.sec(run.elapsedMs, 3).en} and resolved with ${
              show(run.value)
            }; ` +
            "it should wait 1.0 s and resolve with a number",
          fr:
            `analyze(payload) a pris ${ctx.sec(run.elapsedMs, 3).fr} et renvoyé ${
              show(run.value)
            } ; ` +
            "elle doit attendre 1,0 s et renvoyer un nombre",
        }, { expected: ctx.sec(1000), actual: ctx.sec(run.elapsedMs, 3), timeline: [] });
      }
      const main = ctx.fn<() => Promise<void>>("main");
      const ran = await ctx.settle("main()", () => main());
      if (ran.logs.length === 0) {
        ctx.fail({
          en:
            "main() printed nothing: print the times of one and two consumers, and the sequential estimate",
          fr:
            "main() n'a rien affiché : affichez les durées avec un et deux consommateurs, et l'estimation " +
            "séquentielle",
        }, { timeline: [] });
      }
    },
  },
]);
