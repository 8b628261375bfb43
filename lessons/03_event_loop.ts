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
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/03_event_loop.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The classic two-line greeting with a one-second pause. */
async function hello(lang: Lang = lessonLang()): Promise<void> {
  console.log(TEXT[lang].hello);
  await sleep(1000);
  console.log(TEXT[lang].world);
}

/** Options of {@linkcode main}. */
export interface EventLoopOptions {
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson. */
export async function main(options: EventLoopOptions = {}): Promise<void> {
  const lang = options.lang ?? lessonLang();
  const t = TEXT[lang];
  console.log(t.runningTitle);
  // (lane() only names the call for `deno task lesson 3 --timeline`.)
  const routine = lane("hello()", () => hello(lang)); // prints "Hello..." right away
  console.log(t.routine(Deno.inspect(routine)));
  await routine;
  console.log(t.python);

  console.log(`\n${t.turnTitle}`);
  const order: string[] = [];
  setTimeout(() => order.push(t.timer), 0);
  Promise.resolve().then(() => order.push(t.promise));
  queueMicrotask(() => order.push(t.microtask));
  order.push(t.sync);
  await sleep(5); // let the timer fire too
  for (const line of order) console.log(`  ${line}`);
  console.log(t.turn);

  console.log(`\n${t.nobodyTitle}`);
  console.log(t.nobody);

  console.log(`\n${t.replTitle}`);
  console.log(
    `${t.repl}\n` +
      "  > const sleep = (ms) => new Promise((r) => setTimeout(r, ms));\n" +
      '  > await sleep(1000); "done"\n' +
      '  "done"',
  );
}

if (import.meta.main) await main();
