/**
 * # Exercise 4 — A queue between one producer and several consumers
 *
 * Six API endpoints (`URLS`) each return a batch of numbers that must then be
 * analysed. Fetching is slow and unpredictable; analysing is slow too. Rather
 * than fetch everything and then analyse everything, build a **pipeline**:
 *
 * - one **producer** fetches the six URLs (all at once, like the course's own
 *   producer) and drops each payload into a queue **the moment it arrives**,
 *   in whatever order the fetches end;
 * - `consumers` **consumers** (2 by default, numbered from 1) each take the
 *   next payload out of the queue as soon as they are free, and analyse it;
 * - when every payload is in the queue, the producer puts one `null` per
 *   consumer: a consumer that gets `null` stops (it is a *sentinel*).
 *
 * 1. Write `AsyncQueue<T>`, the queue JavaScript does not ship (Python has
 *    `asyncio.Queue`):
 *    - `put(item)` adds an item at the back; `get()` takes the one at the
 *      front (first in, first out), whatever the item is (`0`, `""`, `null`
 *      and `false` are items too);
 *    - `get()` on an empty queue waits, and resumes the moment a `put()`
 *      brings an item; several waiting `get()`s are served in the order they
 *      started waiting;
 *    - `new AsyncQueue(maxSize)` bounds the queue: `put()` on a full queue
 *      waits until a `get()` makes room, and several waiting `put()`s get in
 *      in the order they started waiting (this is *backpressure*: a slow
 *      consumer slows the producer down). No `maxSize`, or 0: unbounded, and
 *      `put()` never waits;
 *    - `size` is the number of items waiting in the queue (not counting a
 *      `put()` still waiting for room);
 *    - each queue keeps its own items: two queues never share anything.
 * 2. Write `fetchData(url, random)`: wait between 0.5 and 2 s (`0.5 + 1.5 *
 *    random()` seconds), then resolve with `{ url, items }`, a few random
 *    numbers.
 * 3. Write `analyze(payload)`: wait 1 s, then resolve with a number computed
 *    from `payload.items` (their sum, their mean… your choice).
 * 4. Write `runPipeline(urls, options)`: start the producer and the consumers
 *    together, wait until every consumer has stopped, and return
 *    `{ results, seconds }`: one `{ url, consumer, value }` per URL (which
 *    consumer analysed it, and what `analyze` returned), and the time this
 *    call took, measured with `performance.now()` from the start of the call,
 *    in seconds. Each URL is fetched exactly once. Each time a payload
 *    arrives, and each time an analysis ends, log one line that names its
 *    URL. Use `options.fetch`, `options.analyze` and `options.log` when they
 *    are given (the grader passes its own), `fetchData`, `analyze` and
 *    `console.log` otherwise.
 * 5. Write `main()`: run the pipeline on `URLS` with one consumer, then with
 *    two, with the same fetch times drawn by `Math.random()` (`fetchData`'s
 *    default); print both times, and what a sequential pipeline would take
 *    with those fetch times (every fetch, then every analysis, one after
 *    another: the fetch times added up, plus 1 s per analysis) — in seconds
 *    to a tenth at least, in any words you like.
 *
 * Goal: show that two consumers working side by side finish sooner than one.
 *
 * Run it: `deno run exercises/04_pipeline.ts` · grade it: `deno task grade 4`
 * · stuck? `deno task hint 4`
 *
 * @module
 */

/** Six simulated API endpoints. */
export const URLS: readonly string[] = [
  "https://api.example.com/users",
  "https://api.example.com/orders",
  "https://api.example.com/products",
  "https://api.example.com/reviews",
  "https://api.example.com/inventory",
  "https://api.example.com/shipments",
];

/** What fetching a URL gives back: a batch of numbers to analyse. */
export interface Payload {
  url: string;
  items: number[];
}

/** One analysed payload: which consumer did it, and what `analyze` returned. */
export interface Analysis {
  url: string;
  consumer: number;
  value: unknown;
}

/** What {@linkcode runPipeline} accepts besides the URLs. */
export interface PipelineOptions {
  /** How many consumers analyse payloads side by side (default 2). */
  consumers?: number;
  /** Fetches one URL (default {@linkcode fetchData}). */
  fetch?: (url: string) => Promise<Payload>;
  /** Analyses one payload (default {@linkcode analyze}). */
  analyze?: (payload: Payload) => Promise<unknown>;
  /** Prints one line of progress (default `console.log`). */
  log?: (line: string) => void;
}

/** A first-in, first-out queue whose `get()` waits for an item and whose `put()` waits for room. */
export class AsyncQueue<T> {
  /** Makes an empty queue holding at most `maxSize` items (unbounded when 0 or omitted). */
  constructor(maxSize = 0) {
    // TODO: keep the items, the waiting get()s and the waiting put()s
    void maxSize;
  }

  /** Adds `item` at the back, first waiting for room if the queue is full. */
  put(item: T): Promise<void> {
    // TODO: hand the item to the oldest waiting get(), or store it (waiting while the queue is full)
    throw new Error("TODO: AsyncQueue.put()", { cause: { item } });
  }

  /** Removes and returns the item at the front, first waiting for one if the queue is empty. */
  get(): Promise<T> {
    // TODO: take the oldest item (and let a waiting put() in), or wait for the next put()
    throw new Error("TODO: AsyncQueue.get()");
  }

  /** How many items are waiting in the queue. */
  get size(): number {
    // TODO: the number of stored items
    throw new Error("TODO: AsyncQueue.size");
  }
}

/** Waits 0.5–2 s (`0.5 + 1.5 * random()` seconds), then resolves with the URL's payload. */
export function fetchData(
  url: string,
  random: () => number = Math.random,
): Promise<Payload> {
  // TODO: wait without blocking, then return { url, items: [a few random numbers] }
  throw new Error("TODO: fetchData()", { cause: { url, random } });
}

/** Waits 1 s, then resolves with a number computed from the payload's items. */
export function analyze(payload: Payload): Promise<number> {
  // TODO: wait 1 second without blocking, then return e.g. the sum of payload.items
  throw new Error("TODO: analyze()", { cause: { payload } });
}

/** Fetches every URL with one producer, analyses the payloads with `consumers` consumers, and times it. */
export function runPipeline(
  urls: readonly string[] = URLS,
  options: PipelineOptions = {},
): Promise<{ results: Analysis[]; seconds: number }> {
  // TODO: one queue, one producer (fetch all, put each payload as it arrives, then one null
  // per consumer), consumers numbered from 1 (get, stop on null, analyse, record)
  throw new Error("TODO: runPipeline()", { cause: { urls, options } });
}

/** Compares one consumer, two consumers and a sequential pipeline. */
export function main(): Promise<void> {
  // TODO: run the pipeline with 1 then 2 consumers, print both times and the sequential estimate
  throw new Error("TODO: main()");
}

if (import.meta.main) {
  await main();
}
