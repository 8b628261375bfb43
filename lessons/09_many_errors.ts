/**
 * Lesson 09 — many errors at once.
 *
 * Three calls fail at different times with different kinds of error.
 * `Promise.all` reports only the first failure and lets the others run on,
 * unwatched. `Promise.allSettled` (asyncio's `return_exceptions=True`) keeps
 * every outcome. Bundling the failures into an `AggregateError` (Python's
 * `ExceptionGroup`) lets a caller handle each kind, as `except*` does.
 *
 * Run it: `deno run lessons/09_many_errors.ts` (or `deno task lesson 9`).
 *
 * @module
 */

import { lane } from "./_lanes.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A bad value (Python's `ValueError`). */
export class ValueError extends Error {
  override name = "ValueError";
}

/** An index out of range (Python's `IndexError`). */
export class IndexError extends Error {
  override name = "IndexError";
}

// (lane() only names each coro for `deno task lesson 9 --timeline`.)
function coroA(): Promise<never> {
  return lane("coroA()", async () => {
    await sleep(1000);
    throw new ValueError("Error in coro A");
  });
}

function coroB(): Promise<never> {
  return lane("coroB()", async () => {
    await sleep(2000);
    throw new TypeError("Error in coro B");
  });
}

function coroC(): Promise<never> {
  return lane("coroC()", async () => {
    await sleep(500);
    throw new IndexError("Error in coro C");
  });
}

/** Runs all three; if any failed, throws them together as one AggregateError. */
async function runAll(): Promise<void> {
  const outcomes = await Promise.allSettled([coroA(), coroB(), coroC()]);
  const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
  if (errors.length > 0) throw new AggregateError(errors, "Errors");
}

/** Runs the lesson. */
export async function main(): Promise<void> {
  const start = performance.now();
  const at = () => `+${((performance.now() - start) / 1000).toFixed(1)} s`;

  console.log("== Promise.all: the first failure wins, the rest are lost ==");
  try {
    await Promise.all([coroA(), coroB(), coroC()]);
  } catch (error) {
    console.log(`${at()} caught ${error} -- and nothing about A or B`);
  }
  await sleep(1500); // A and B are still running: wait them out (their failures are ignored)
  console.log(`${at()} A and B have failed too by now; Promise.all had already given up.`);

  console.log("\n== Promise.allSettled: every outcome (return_exceptions=True) ==");
  const t0 = performance.now();
  const outcomes = await Promise.allSettled([coroA(), coroB(), coroC()]);
  console.log(`+${((performance.now() - t0) / 1000).toFixed(1)} s (it waits for the slowest)`);
  for (const outcome of outcomes) {
    console.log(`  ${outcome.status}: ${outcome.status === "rejected" ? outcome.reason : ""}`);
  }

  console.log("\n== AggregateError: all failures, each kind handled (except*) ==");
  try {
    await runAll();
  } catch (error) {
    if (!(error instanceof AggregateError)) throw error;
    // Python 3.11: `except* ValueError as group:` — here, filter the bundle by class.
    const kinds: [string, new (...args: never[]) => Error][] = [
      ["ValueError", ValueError],
      ["TypeError", TypeError],
      ["IndexError", IndexError],
    ];
    for (const [label, kind] of kinds) {
      const group = error.errors.filter((e) => e instanceof kind);
      if (group.length > 0) {
        console.log(`[${label} handled] ${group.map((e) => `${e.name}('${e.message}')`)}`);
      }
    }
  }

  console.log("\n== Promise.any: an AggregateError when nothing succeeds ==");
  try {
    await Promise.any([coroA(), coroB(), coroC()]);
  } catch (error) {
    const all = (error as AggregateError).errors.map((e: Error) => e.name).join(", ");
    console.log(`${(error as Error).name}: "${(error as Error).message}" -> [${all}]`);
  }
  console.log(
    "\nallSettled never rejects: it is the safe way to run many things that may fail.\n" +
      "Note the errors are listed in argument order (A, B, C), not in the order they happened.",
  );
}

if (import.meta.main) await main();
