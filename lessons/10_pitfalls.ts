/**
 * Lesson 10 — the pitfalls, measured.
 *
 * `async` does not make code faster; it lets one thread wait for many things
 * at once. Anything that keeps that thread busy — a blocking call, a long
 * computation — stops every other task. This lesson measures it:
 *
 * 1. a server with a handler that blocks and one that awaits, hit by a burst
 *    of concurrent requests (a real `Deno.serve` on 127.0.0.1 with
 *    `--allow-net`; an in-process simulation without it);
 * 2. what a blocking sleep (`Atomics.wait`) does to a timer;
 * 3. CPU work on the loop vs in a `Worker`;
 * 4. the forgotten `await`, and `async` everywhere "just in case".
 *
 * Run it: `deno run --allow-net=127.0.0.1 lessons/10_pitfalls.ts` for the real
 * server (`deno run lessons/10_pitfalls.ts` runs the simulation instead).
 *
 * @module
 */

import { lane } from "./_lanes.ts";
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/10_pitfalls.ts";

type Text = (typeof TEXT)[Lang];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Blocks the whole thread for `ms` milliseconds: what a synchronous call does. */
function blockingSleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** How to name this file in a command: its path in the repository, or the URL it was run from. */
const THIS_FILE = import.meta.url.startsWith("file:") ? "lessons/10_pitfalls.ts" : import.meta.url;

/** Options of {@linkcode main}. */
export interface PitfallsOptions {
  /**
   * Replace every real measurement (server, `Atomics.wait`, Worker) by the
   * simulation: the single thread modelled as one lane that blocking work
   * holds. Used to run the lesson in virtual time; the default measures.
   */
  simulate?: boolean;
  /** Concurrent requests per handler (default 5, at most 20). */
  burst?: number;
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** How long each handler works on a request, in milliseconds. */
const WORK_MS = 100;

/**
 * The simulation's model of the event loop: one lane. Blocking work holds the
 * lane, so everyone else queues behind it; awaiting work does not touch it.
 */
class SimulatedThread {
  #free: Promise<void> = Promise.resolve();
  /** Occupies the thread for `ms`, after whatever occupies it already. */
  block(ms: number): Promise<void> {
    const done = this.#free.then(() => sleep(ms));
    this.#free = done;
    return done;
  }
  /** Resolves when the thread is free to run a callback. */
  whenFree(): Promise<void> {
    return this.#free;
  }
}

type Latencies = { blocking: number[]; awaiting: number[] };

/**
 * The server, as the source of a Worker: it gets a thread of its own, so
 * blocking it does not freeze the client that measures it (in this thread).
 */
const SERVER_SOURCE = `
const blockingSleep = ${blockingSleep.toString()};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const server = Deno.serve(
  { hostname: "127.0.0.1", port: 0, onListen: ({ port }) => self.postMessage({ port }) },
  async (request) => {
    if (new URL(request.url).pathname === "/blocking") {
      blockingSleep(${WORK_MS}); // like a synchronous database driver: the thread stops
    } else {
      await sleep(${WORK_MS}); // like an async driver: the thread serves others meanwhile
    }
    return new Response("ok");
  },
);
self.onmessage = async () => {
  await server.shutdown();
  self.postMessage({ stopped: true });
};`;

/** Starts the server Worker; resolves once it listens. */
async function startServer(t: Text): Promise<{ port: number; stop: () => Promise<void> }> {
  const url = URL.createObjectURL(new Blob([SERVER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url, { type: "module" });
  const nextMessage = () =>
    new Promise<{ port?: number }>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(t.serverFailed(event.message)));
      };
    });
  try {
    const { port } = await nextMessage();
    const stop = async () => {
      const stopped = nextMessage();
      worker.postMessage("stop");
      await stopped;
      worker.terminate();
      URL.revokeObjectURL(url);
    };
    return { port: port!, stop };
  } catch (error) {
    worker.terminate();
    URL.revokeObjectURL(url);
    throw error;
  }
}

/** Fires `burst` requests at once at each route of a real server; returns each latency in ms. */
async function measureServer(burst: number, t: Text): Promise<Latencies> {
  const server = await startServer(t);
  const base = `http://127.0.0.1:${server.port}`;
  const timeOne = async (path: string): Promise<number> => {
    const start = performance.now();
    const response = await fetch(base + path);
    await response.text();
    return performance.now() - start;
  };
  try {
    await timeOne("/awaiting"); // warm up: first connection, first compile
    const burstOf = (path: string) =>
      Promise.all(Array.from({ length: burst }, () => timeOne(path)));
    return { blocking: await burstOf("/blocking"), awaiting: await burstOf("/awaiting") };
  } finally {
    await server.stop();
  }
}

/** The same burst against the simulated thread. */
async function simulateServer(burst: number, t: Text): Promise<Latencies> {
  const thread = new SimulatedThread();
  const timeOne = async (handler: () => Promise<void>): Promise<number> => {
    const start = performance.now();
    await handler();
    return performance.now() - start;
  };
  // (lane() only names each request for `deno task lesson 10 --timeline`.)
  const burstOf = (kind: string, handler: () => Promise<void>) =>
    Promise.all(
      Array.from({ length: burst }, (_, i) => lane(`${kind} #${i + 1}`, () => timeOne(handler))),
    );
  return {
    blocking: await burstOf(t.blockingLane, () => thread.block(WORK_MS)),
    awaiting: await burstOf(t.awaitingLane, () => sleep(WORK_MS)),
  };
}

function ms(value: number): string {
  return `${Math.round(value)} ms`.padStart(9);
}

/** Primes below `limit`, counted the slow way: pure CPU work. */
function countPrimes(limit: number): number {
  let count = 0;
  for (let n = 2; n < limit; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) {
      if (n % d === 0) {
        prime = false;
        break;
      }
    }
    if (prime) count++;
  }
  return count;
}

/** The same function, as the source of a Worker (a Worker runs on its own thread). */
const WORKER_SOURCE = `${countPrimes.toString()}
self.onmessage = (event) => self.postMessage(countPrimes(event.data));`;

/** Runs `work` while a 20 ms heartbeat ticks; returns the longest gap between beats. */
async function longestGap(work: () => unknown): Promise<number> {
  let last = performance.now();
  let gap = 0;
  const beat = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 20);
  try {
    await sleep(30); // let the heartbeat settle
    await work();
    await sleep(30);
  } finally {
    clearInterval(beat);
  }
  return gap;
}

/** Runs `countPrimes(limit)` in a Worker and resolves with its answer. */
function inWorker(limit: number, t: Text): Promise<number> {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url, { type: "module" });
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(t.workerFailed(event.message)));
    worker.postMessage(limit);
  }).finally(() => {
    worker.terminate();
    URL.revokeObjectURL(url);
  });
}

/** Runs the lesson. */
export async function main(options: PitfallsOptions = {}): Promise<void> {
  const t = TEXT[options.lang ?? lessonLang()];
  const burst = Math.min(Math.max(1, options.burst ?? 5), 20);
  const netGranted = !options.simulate &&
    (await Deno.permissions.query({ name: "net", host: "127.0.0.1" })).state === "granted";

  console.log(t.p1Title);
  console.log(t.p1Intro(WORK_MS, burst));
  let latencies: Latencies;
  if (netGranted) {
    console.log(t.measured);
    latencies = await measureServer(burst, t);
  } else {
    console.log(options.simulate ? t.simulated : t.noNet(THIS_FILE));
    latencies = await simulateServer(burst, t);
  }
  console.log(t.header);
  for (let i = 0; i < burst; i++) {
    console.log(
      `  #${String(i + 1).padEnd(6)}${ms(latencies.blocking[i])} ${ms(latencies.awaiting[i])}`,
    );
  }
  const slowest = (list: number[]) => Math.max(...list);
  console.log(`${t.slowest}${ms(slowest(latencies.blocking))} ${ms(slowest(latencies.awaiting))}`);
  console.log(t.p1Outro);

  console.log(`\n${t.p2Title}`);
  if (options.simulate) {
    const thread = new SimulatedThread();
    const start = performance.now();
    const timer = sleep(50).then(() => thread.whenFree()).then(() => performance.now() - start);
    await thread.block(300);
    console.log(t.p2Simulated(Math.round(await timer)));
  } else {
    const start = performance.now();
    const timer = new Promise<number>((r) => setTimeout(() => r(performance.now() - start), 50));
    blockingSleep(300); // Atomics.wait: the thread sleeps; no callback can run
    console.log(t.p2Measured(Math.round(await timer)));
  }
  console.log(t.p2Outro);

  console.log(`\n${t.p3Title}`);
  const limit = 1_000_000;
  if (options.simulate) {
    // A heartbeat due at 20 ms, while 200 ms of computing runs on the thread or beside it.
    const heartbeat = async (holdsThread: boolean): Promise<number> => {
      const thread = new SimulatedThread();
      const start = performance.now();
      const beat = sleep(20).then(() => thread.whenFree()).then(() => performance.now() - start);
      await (holdsThread ? thread.block(200) : sleep(200));
      return await beat;
    };
    console.log(t.p3Simulated);
    console.log(t.onLoopRan(ms(await heartbeat(true))));
    console.log(t.inWorkerRan(ms(await heartbeat(false))));
  } else {
    let onLoop = 0;
    const gapOnLoop = await longestGap(() => {
      onLoop = countPrimes(limit);
    });
    let inThread = 0;
    const gapInWorker = await longestGap(async () => {
      inThread = await inWorker(limit, t);
    });
    console.log(t.p3Measured(onLoop, limit));
    console.log(t.onLoopGap(ms(gapOnLoop)));
    console.log(t.inWorkerGap(ms(gapInWorker)));
    console.log(t.workerFound(inThread));
  }
  console.log(t.p3Outro);

  console.log(`\n${t.p4Title}`);
  async function fetchData(): Promise<string[]> {
    await sleep(10);
    return ["a", "b"];
  }
  const forgotten = { data: fetchData() }; // await missing!
  console.log(`{ data: fetchData() }        -> ${JSON.stringify(forgotten)}`);
  const fixed = { data: await fetchData() };
  console.log(`{ data: await fetchData() }  -> ${JSON.stringify(fixed)}`);
  await forgotten.data; // finish what we started
  console.log(t.p4Outro);

  console.log(`\n${t.p5Title}`);
  const order: string[] = [];
  function totalSync(prices: number[]): number {
    return prices.reduce((a, b) => a + b, 0);
  }
  // deno lint flags this very mistake (rule require-await); silenced here to show it.
  // deno-lint-ignore require-await
  async function totalAsync(prices: number[]): Promise<number> {
    return prices.reduce((a, b) => a + b, 0); // no await inside: async buys nothing here
  }
  order.push(t.syncTotal(totalSync([1, 2, 3])));
  totalAsync([1, 2, 3]).then((total) => order.push(t.asyncTotal(total)));
  order.push(t.nextLine);
  await sleep(0);
  console.log(t.order(order));
  console.log(t.p5Outro);
}

if (import.meta.main) await main();
