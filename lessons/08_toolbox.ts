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
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/08_toolbox.ts";

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

/** Options of {@linkcode main}. */
export interface ToolboxOptions {
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson. */
export async function main(options: ToolboxOptions = {}): Promise<void> {
  const t = TEXT[options.lang ?? lessonLang()];
  const start = performance.now();
  const at = () => t.at((performance.now() - start) / 1000);

  console.log(t.allTitle);
  const [a, b] = await Promise.all([coro([3, 2, 1]), coro([10, 5, 2])]);
  console.log(`${at()} ${t.inOrder(JSON.stringify([a, b]))}`);

  console.log(`\n${t.startTitle}`);
  let done = false;
  const task = coro([3, 2, 1]).finally(() => (done = true)); // already running
  console.log(`${at()} ${t.taskIs(Deno.inspect(task), done)}`);
  console.log(`${at()} ${t.meanwhile}`);
  const value = await task;
  console.log(`${at()} ${t.awaited(JSON.stringify(value), done)}`);
  console.log(t.noCreateTask);

  console.log(`\n${t.completedTitle}`);
  const t0 = performance.now();
  const task1 = coro([10, 5, 2]); // 2 s
  const task2 = coro([3, 2, 1]); // 1 s
  console.log(t.start);
  // Attach the handling to each promise: it runs the moment that promise settles.
  await Promise.all(
    [task1, task2].map((task) =>
      task.then((result) => {
        console.log(t.completed(JSON.stringify(result), (performance.now() - t0) / 1000));
      })
    ),
  );
  console.log(t.end((performance.now() - t0) / 1000));
  console.log(t.completedOutro);

  console.log(`\n${t.settledTitle}`);
  const settled = await Promise.allSettled([
    after(0.3, "A"),
    after(0.1, t.broke, true),
    after(0.2, "C"),
  ]);
  for (const outcome of settled) {
    console.log(
      outcome.status === "fulfilled"
        ? t.fulfilled(outcome.value)
        : t.rejected((outcome.reason as Error).message),
    );
  }

  console.log(`\n${t.raceTitle}`);
  const winner = await Promise.race([after(0.3, t.slow), after(0.1, t.fast)]);
  console.log(t.race(winner));
  try {
    await Promise.race([after(0.3, t.slow), after(0.1, t.fastFailure, true)]);
  } catch (error) {
    console.log(t.raceRejected((error as Error).message));
  }
  await sleep(300); // let the losers finish: nothing cancels them

  console.log(`\n${t.anyTitle}`);
  const firstGood = await Promise.any([
    after(0.1, t.mirror(1, true), true),
    after(0.2, t.mirror(2, false)),
    after(0.3, t.mirror(3, false)),
  ]);
  console.log(t.any(firstGood));
  await sleep(200);
  console.log(`\n${t.losers}`);

  console.log(`\n${t.cancelTitle}`);
  const controller = new AbortController();
  // A signal that aborts itself after 1 s, to show its reason below.
  const deadline = AbortSignal.timeout(1000);
  const t1 = performance.now();
  const job = lane(t.jobLane, () => abortableSleep(5000, controller.signal));
  lane(t.abortLane, () => setTimeout(() => controller.abort(new Error(t.noLonger)), 1000));
  try {
    await job;
  } catch (error) {
    console.log(t.stopped((performance.now() - t1) / 1000, (error as Error).message));
  }
  console.log(t.cancelOutro);

  console.log(`\n${t.reasonsTitle}`);
  const plain = new AbortController();
  plain.abort(); // no reason given
  console.log(t.reason("controller.abort()", (plain.signal.reason as Error).name));
  console.log(
    t.reason("controller.abort(new Error(…))", (controller.signal.reason as Error).name),
  );
  if (!deadline.aborted) {
    await new Promise((resolve) => deadline.addEventListener("abort", resolve, { once: true }));
  }
  console.log(t.reason("AbortSignal.timeout(1000)", (deadline.reason as Error).name));
  console.log(t.reasonsOutro);
}

if (import.meta.main) await main();
