/**
 * Lesson 08 — the toolbox: `Promise.all`, starting work without awaiting it,
 * as-completed, `Promise.allSettled`, `Promise.race`, `Promise.any`, and
 * cancelling with an `AbortSignal`.
 *
 * | asyncio                         | TypeScript                           |
 * | ------------------------------- | ------------------------------------ |
 * | `gather(a(), b())`              | `Promise.all([a(), b()])`            |
 * | `create_task(a())`              | `a()` — calling it already starts it |
 * | `as_completed(tasks)`           | `.then()` on each promise (below)    |
 * | `gather(…, return_exceptions)`  | `Promise.allSettled([…])`            |
 * | `wait(…, FIRST_COMPLETED)`      | `Promise.race([…])`                  |
 * | (no direct equivalent)          | `Promise.any([…])`: first success    |
 * | `task.cancel()`                 | `AbortController` + `AbortSignal`    |
 *
 * Run it: `deno run lessons/08_toolbox.ts` (or `deno task lesson 8`).
 *
 * @module
 */

import { lane } from "./_lanes.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Like `sleep`, but stops early (clearing its timer) when `signal` aborts. */
function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer); // nothing keeps running once the caller gave up
      reject(signal.reason);
    }, { once: true });
  });
}

/** Waits `min(numbers)` seconds, then returns the numbers reversed. */
function coro(numbers: number[]): Promise<number[]> {
  // (lane() only names the call for `deno task lesson 8 --timeline`.)
  return lane(`coro([${numbers}])`, async () => {
    await sleep(Math.min(...numbers) * 1000);
    return numbers.toReversed();
  });
}

/** Waits `seconds`, then resolves with `value` — or rejects with it when `fail` is set. */
function after<T>(seconds: number, value: T, fail = false): Promise<T> {
  return lane(String(value), async () => {
    await sleep(seconds * 1000);
    if (fail) throw new Error(String(value));
    return value;
  });
}

/** Runs the lesson. */
export async function main(): Promise<void> {
  const start = performance.now();
  const at = () => `+${((performance.now() - start) / 1000).toFixed(1)} s`;

  console.log("== Promise.all: asyncio.gather ==");
  const [a, b] = await Promise.all([coro([3, 2, 1]), coro([10, 5, 2])]);
  console.log(`${at()} results in argument order: ${JSON.stringify([a, b])}`);

  console.log("\n== Starting without awaiting: asyncio.create_task ==");
  let done = false;
  const task = coro([3, 2, 1]).finally(() => (done = true)); // already running
  console.log(`${at()} task is ${Deno.inspect(task)}, done = ${done}`);
  console.log(`${at()} ...free to do something else meanwhile...`);
  const value = await task;
  console.log(`${at()} await task -> ${JSON.stringify(value)}, done = ${done}`);
  console.log(
    "No create_task needed: the call started it. And unlike asyncio, which cancels tasks\n" +
      "still pending when asyncio.run() ends, Deno keeps the process alive until their timers\n" +
      "fire. A rejection nobody handles ends the whole program: await what you start.",
  );

  console.log("\n== As completed: fastest result first ==");
  const t0 = performance.now();
  const task1 = coro([10, 5, 2]); // 2 s
  const task2 = coro([3, 2, 1]); // 1 s
  console.log("Start: +0.0 s");
  // Attach the handling to each promise: it runs the moment that promise settles.
  await Promise.all(
    [task1, task2].map((task) =>
      task.then((result) => {
        const seconds = ((performance.now() - t0) / 1000).toFixed(1);
        console.log(`result: ${JSON.stringify(result)} completed at +${seconds} s`);
      })
    ),
  );
  console.log(`End: +${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(
    "Each result was handled when it arrived, not in start order. Exercise 02 turns this\n" +
      "into a `for await` loop: an asCompleted() async iterator of your own.",
  );

  console.log("\n== Promise.allSettled: every outcome, failures included ==");
  const settled = await Promise.allSettled([
    after(0.3, "A"),
    after(0.1, "B broke", true),
    after(0.2, "C"),
  ]);
  for (const outcome of settled) {
    console.log(
      outcome.status === "fulfilled"
        ? `  fulfilled: ${outcome.value}`
        : `  rejected:  ${(outcome.reason as Error).message}`,
    );
  }

  console.log("\n== Promise.race: the first to settle, success or failure ==");
  const winner = await Promise.race([after(0.3, "slow"), after(0.1, "fast")]);
  console.log(`  race -> ${winner}`);
  try {
    await Promise.race([after(0.3, "slow"), after(0.1, "fast failure", true)]);
  } catch (error) {
    console.log(`  race -> rejected with "${(error as Error).message}" (a failure can win)`);
  }
  await sleep(300); // let the losers finish: nothing cancels them

  console.log("\n== Promise.any: the first success; fails only if all fail ==");
  const firstGood = await Promise.any([
    after(0.1, "mirror 1 down", true),
    after(0.2, "mirror 2"),
    after(0.3, "mirror 3"),
  ]);
  console.log(`  any -> ${firstGood}`);
  await sleep(200);
  console.log(
    "\nThe losers of race and any kept running to the end: a promise cannot be cancelled.",
  );

  console.log("\n== Cancelling: only with an AbortSignal ==");
  const controller = new AbortController();
  const t1 = performance.now();
  const job = lane("a 5 s job", () => abortableSleep(5000, controller.signal));
  lane(
    "abort after 1 s",
    () => setTimeout(() => controller.abort(new Error("no longer needed")), 1000),
  );
  try {
    await job;
  } catch (error) {
    const seconds = ((performance.now() - t1) / 1000).toFixed(1);
    console.log(`  a 5 s job stopped after ${seconds} s: ${(error as Error).message}`);
  }
  console.log(
    "asyncio's task.cancel() has no JavaScript twin: the work itself must accept a signal\n" +
      "and give up when it fires. fetch(), Deno.serve and most modern APIs take one.",
  );
}

if (import.meta.main) await main();
