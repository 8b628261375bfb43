/**
 * Lesson 03 — the event loop.
 *
 * Deno runs the loop for you: there is no `asyncio.run()`. The program ends
 * when the main module has finished and nothing is left to wait for (no timer,
 * no open server, no pending read). Within one turn of the loop, promise
 * callbacks (microtasks) always run before the next timer (a macrotask).
 *
 * Run it: `deno run lessons/03_event_loop.ts` (or `deno task lesson 3`).
 *
 * @module
 */

import { lane } from "./_lanes.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The classic two-line greeting with a one-second pause. */
async function hello(): Promise<void> {
  console.log("Hello...");
  await sleep(1000);
  console.log("World!");
}

/** Runs the lesson. */
export async function main(): Promise<void> {
  console.log("== A promise is already running when you hold it ==");
  // (lane() only names the call for `deno task lesson 3 --timeline`.)
  const routine = lane("hello()", hello); // prints "Hello..." right away
  console.log(`routine is ${Deno.inspect(routine)}; nobody asked it to start`);
  await routine;
  console.log("(Python: `routine = main()` is inert until asyncio.run(routine).)");

  console.log("\n== Who runs first? One turn of the loop ==");
  const order: string[] = [];
  setTimeout(() => order.push("4. timer (macrotask)"), 0);
  Promise.resolve().then(() => order.push("2. promise callback (microtask)"));
  queueMicrotask(() => order.push("3. queueMicrotask (microtask)"));
  order.push("1. synchronous code");
  await sleep(5); // let the timer fire too
  for (const line of order) console.log(`  ${line}`);
  console.log(
    "Synchronous code runs to the end; then every queued microtask; only then the next timer.",
  );

  console.log("\n== Nobody starts the loop, nobody stops it ==");
  console.log(
    "A Deno module may `await` at its top level: this file ends with `await main()`.\n" +
      "The process exits once nothing is pending: no timer, no server, no open socket.\n" +
      "That is why a forgotten setInterval keeps a program alive, and why each lesson\n" +
      "clears its timers and shuts down its servers before returning.",
  );

  console.log("\n== Try it interactively ==");
  console.log(
    "`deno repl` accepts await at the prompt, like `python -m asyncio`:\n" +
      "  > const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\n" +
      '  > await sleep(1000); "done"\n' +
      '  "done"',
  );
}

if (import.meta.main) await main();
