/**
 * Names a task for the drawn timeline (`deno task lesson N --timeline`).
 *
 * `lane("user 1", () => getUserWithPosts(1))` just calls the function and
 * returns what it returns, like Python's `asyncio.create_task(coro, name=…)`
 * names a task. The name follows the task through every `await` (an
 * `AsyncLocalStorage` from `node:async_hooks`), so the timeline can draw each
 * task's timers and printed lines in a lane of its own. Without `--timeline`
 * it changes nothing.
 *
 * @module
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** The name of the task running now, if it was given one. */
export const currentLane: AsyncLocalStorage<string> = new AsyncLocalStorage<string>();

/**
 * Calls `fn` as the task named `name`.
 *
 * @example
 * ```ts
 * import { lane } from "./_lanes.ts";
 * const answer = await lane("answer", () => Promise.resolve(42));
 * if (answer !== 42) throw new Error("lane() must hand back fn's result");
 * ```
 */
export function lane<T>(name: string, fn: () => T): T {
  return currentLane.run(name, fn);
}
