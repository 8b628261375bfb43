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
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/09_many_errors.ts";

type Text = (typeof TEXT)[Lang];

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
function coroA(t: Text): Promise<never> {
  return lane("coroA()", async () => {
    await sleep(1000);
    throw new ValueError(t.errorIn("A"));
  });
}

function coroB(t: Text): Promise<never> {
  return lane("coroB()", async () => {
    await sleep(2000);
    throw new TypeError(t.errorIn("B"));
  });
}

function coroC(t: Text): Promise<never> {
  return lane("coroC()", async () => {
    await sleep(500);
    throw new IndexError(t.errorIn("C"));
  });
}

/** Runs all three; if any failed, throws them together as one AggregateError. */
async function runAll(t: Text): Promise<void> {
  const outcomes = await Promise.allSettled([coroA(t), coroB(t), coroC(t)]);
  const errors = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
  if (errors.length > 0) throw new AggregateError(errors, "Errors");
}

/** Options of {@linkcode main}. */
export interface ManyErrorsOptions {
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson. */
export async function main(options: ManyErrorsOptions = {}): Promise<void> {
  const t = TEXT[options.lang ?? lessonLang()];
  const start = performance.now();
  const at = () => t.at((performance.now() - start) / 1000);

  console.log(t.allTitle);
  try {
    await Promise.all([coroA(t), coroB(t), coroC(t)]);
  } catch (error) {
    console.log(`${at()} ${t.caught(String(error))}`);
  }
  await sleep(1500); // A and B are still running: wait them out (their failures are ignored)
  console.log(`${at()} ${t.tooLate}`);

  console.log(`\n${t.settledTitle}`);
  const t0 = performance.now();
  const outcomes = await Promise.allSettled([coroA(t), coroB(t), coroC(t)]);
  console.log(t.slowest((performance.now() - t0) / 1000));
  for (const outcome of outcomes) {
    console.log(t.outcome(outcome.status, outcome.status === "rejected" ? outcome.reason : ""));
  }

  console.log(`\n${t.aggregateTitle}`);
  try {
    await runAll(t);
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
        console.log(t.handled(label, `${group.map((e) => `${e.name}('${e.message}')`)}`));
      }
    }
  }

  console.log(`\n${t.anyTitle}`);
  try {
    await Promise.any([coroA(t), coroB(t), coroC(t)]);
  } catch (error) {
    const all = (error as AggregateError).errors.map((e: Error) => e.name).join(", ");
    console.log(`${(error as Error).name}: "${(error as Error).message}" -> [${all}]`);
  }
  console.log(`\n${t.outro}`);
}

if (import.meta.main) await main();
