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
async function startServer(): Promise<{ port: number; stop: () => Promise<void> }> {
  const url = URL.createObjectURL(new Blob([SERVER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url, { type: "module" });
  const nextMessage = () =>
    new Promise<{ port?: number }>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(`Cannot run the server: ${event.message}`));
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
async function measureServer(burst: number): Promise<Latencies> {
  const server = await startServer();
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
async function simulateServer(burst: number): Promise<Latencies> {
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
    blocking: await burstOf("blocking", () => thread.block(WORK_MS)),
    awaiting: await burstOf("awaiting", () => sleep(WORK_MS)),
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
function inWorker(limit: number): Promise<number> {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url, { type: "module" });
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) =>
      reject(new Error(`Cannot count primes in a Worker: ${event.message}`));
    worker.postMessage(limit);
  }).finally(() => {
    worker.terminate();
    URL.revokeObjectURL(url);
  });
}

/** Runs the lesson. */
export async function main(options: PitfallsOptions = {}): Promise<void> {
  const burst = Math.min(Math.max(1, options.burst ?? 5), 20);
  const netGranted = !options.simulate &&
    (await Deno.permissions.query({ name: "net", host: "127.0.0.1" })).state === "granted";

  console.log("== Pitfall 1: async handlers that call blocking code ==");
  console.log(
    `Two handlers each spend ${WORK_MS} ms per request. One blocks the thread (as a synchronous\n` +
      "database driver or HTTP client would), the other awaits (as an async one does).\n" +
      `${burst} requests hit each handler at the same moment.`,
  );
  let latencies: Latencies;
  if (netGranted) {
    console.log(
      "Measured: a real Deno.serve on 127.0.0.1 (a free port), in a Worker; requests sent from here:",
    );
    latencies = await measureServer(burst);
  } else {
    console.log(
      options.simulate
        ? "Simulated (the thread is modelled as one lane that blocking work holds):"
        : "No network permission, so this is a simulation (the thread is modelled as one lane\n" +
          "that blocking work holds). For the real server:\n" +
          `  deno run --allow-net=127.0.0.1 ${THIS_FILE}`,
    );
    latencies = await simulateServer(burst);
  }
  console.log("  request   blocking  awaiting");
  for (let i = 0; i < burst; i++) {
    console.log(
      `  #${String(i + 1).padEnd(6)}${ms(latencies.blocking[i])} ${ms(latencies.awaiting[i])}`,
    );
  }
  const slowest = (list: number[]) => Math.max(...list);
  console.log(
    `  slowest${ms(slowest(latencies.blocking))} ${ms(slowest(latencies.awaiting))}\n` +
      "Blocking: each request waits for all the ones before it. Awaiting: they overlap.\n" +
      "This is how an API can go from 180 ms to 1.4 s a request after its handlers were made\n" +
      "async without touching the synchronous database calls inside them.\n" +
      "Rule: inside async code, call only async I/O (fetch, Deno.readTextFile, async drivers);\n" +
      "a *Sync API (Deno.readTextFileSync, node:sqlite's DatabaseSync...) blocks everyone.",
  );

  console.log("\n== Pitfall 2: there is no harmless blocking sleep ==");
  if (options.simulate) {
    const thread = new SimulatedThread();
    const start = performance.now();
    const timer = sleep(50).then(() => thread.whenFree()).then(() => performance.now() - start);
    await thread.block(300);
    console.log(`Simulated: a timer due at 50 ms ran at ${Math.round(await timer)} ms.`);
  } else {
    const start = performance.now();
    const timer = new Promise<number>((r) => setTimeout(() => r(performance.now() - start), 50));
    blockingSleep(300); // Atomics.wait: the thread sleeps; no callback can run
    console.log(`A timer due at 50 ms ran at ${Math.round(await timer)} ms.`);
  }
  console.log(
    "The thread slept 300 ms (in Atomics.wait() when measured) and the timer waited for it.\n" +
      "That is what Python's time.sleep() does inside async code: it freezes the loop.",
  );

  console.log("\n== Pitfall 3: CPU work on the loop; move it to a Worker ==");
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
    console.log("Simulated: 200 ms of computing; a heartbeat is due at 20 ms.");
    console.log(`  on the event loop: the heartbeat ran at ${ms(await heartbeat(true))}`);
    console.log(`  in a Worker:       the heartbeat ran at ${ms(await heartbeat(false))}`);
  } else {
    let onLoop = 0;
    const gapOnLoop = await longestGap(() => {
      onLoop = countPrimes(limit);
    });
    let inThread = 0;
    const gapInWorker = await longestGap(async () => {
      inThread = await inWorker(limit);
    });
    console.log(
      `Counting the ${onLoop} primes below ${limit} while a heartbeat ticks every 20 ms:`,
    );
    console.log(`  on the event loop: longest silence between beats ${ms(gapOnLoop)}`);
    console.log(`  in a Worker:       longest silence between beats ${ms(gapInWorker)}`);
    console.log(`  (the Worker found ${inThread} primes too)`);
  }
  console.log(
    "A Worker is Deno's ProcessPoolExecutor: its own thread, talked to with messages.",
  );

  console.log("\n== Pitfall 4: the forgotten await ==");
  async function fetchData(): Promise<string[]> {
    await sleep(10);
    return ["a", "b"];
  }
  const forgotten = { data: fetchData() }; // await missing!
  console.log(`{ data: fetchData() }        -> ${JSON.stringify(forgotten)}`);
  const fixed = { data: await fetchData() };
  console.log(`{ data: await fetchData() }  -> ${JSON.stringify(fixed)}`);
  await forgotten.data; // finish what we started
  console.log(
    "No error, no warning at run time: the promise serialises as {}. TypeScript catches it\n" +
      "when the type says string[]; `deno check` before you ship.",
  );

  console.log("\n== Pitfall 5: async everywhere, just in case ==");
  const order: string[] = [];
  function totalSync(prices: number[]): number {
    return prices.reduce((a, b) => a + b, 0);
  }
  // deno lint flags this very mistake (rule require-await); silenced here to show it.
  // deno-lint-ignore require-await
  async function totalAsync(prices: number[]): Promise<number> {
    return prices.reduce((a, b) => a + b, 0); // no await inside: async buys nothing here
  }
  order.push(`sync total = ${totalSync([1, 2, 3])}`);
  totalAsync([1, 2, 3]).then((t) => order.push(`async total = ${t}`));
  order.push("next line of the caller");
  await sleep(0);
  console.log(`  order: ${order.join(" -> ")}`);
  console.log(
    "The async version answers later, forces every caller to await, and turns a thrown\n" +
      "error into a rejection. Make a function async when it awaits I/O, not before.",
  );
}

if (import.meta.main) await main();
