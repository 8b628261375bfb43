/**
 * Lesson 02 — the rules of `async` and `await` in TypeScript.
 *
 * Where they are the same as in Python, and the places where they are not:
 * a promise starts running the moment you create it, `await` works at the top
 * level of a module, and an async generator may use `yield*`.
 *
 * Run it: `deno run lessons/02_async_await_rules.ts` (or `deno task lesson 2`).
 *
 * @module
 */

import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/02_async_await_rules.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Doubles `x` after a short wait. */
async function double(x: number): Promise<number> {
  await sleep(10);
  return 2 * x;
}

/** Rule 1: `await` inside an `async` function. */
async function f(x: number): Promise<number> {
  const y = await double(x); // fine: await inside an async function
  return y;
}

/** Rule 2: an `async function*` is an async generator; it may `yield`. */
async function* g(x: number): AsyncGenerator<number> {
  yield x;
  await sleep(10);
  yield x + 1;
}

/** Rule 3 (differs from Python): `yield*` delegates to another generator. */
async function* m(x: number): AsyncGenerator<number> {
  yield* g(x); // Python forbids `yield from` in `async def`; TypeScript allows `yield*`
  yield* [x + 10, x + 11]; // any iterable works too
}

/** Compiles `source` as a plain function body and reports what the parser says. */
function tryCompile(source: string): string {
  try {
    new Function(source);
    return "compiles";
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** Options of {@linkcode main}. */
export interface RulesOptions {
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson. */
export async function main(options: RulesOptions = {}): Promise<void> {
  const t = TEXT[options.lang ?? lessonLang()];
  console.log(t.rule1);
  console.log(`f(21) -> ${await f(21)}`);
  console.log(t.refused);
  console.log(
    `  function n(x) { const y = await z(x); }  ->  ${tryCompile("const y = await z(1);")}`,
  );
  console.log(t.topLevel);

  console.log(`\n${t.rule2}`);
  const fromG: number[] = [];
  for await (const value of g(1)) fromG.push(value);
  console.log(`for await (const v of g(1)) -> ${JSON.stringify(fromG)}`);

  console.log(`\n${t.rule3}`);
  console.log(`Array.fromAsync(m(1)) -> ${JSON.stringify(await Array.fromAsync(m(1)))}`);

  console.log(`\n${t.rule4}`);
  console.log(t.await42(await 42));
  const thenable = { then: (resolve: (v: string) => void) => resolve("from a thenable") };
  console.log(`await { then(resolve) { ... } } -> ${await thenable}`);
  console.log(t.awaitables);

  console.log(`\n${t.rule5}`);
  const steps: string[] = [];
  async function eager(): Promise<void> {
    steps.push(t.bodyStarts);
    await sleep(10);
    steps.push(t.bodyResumes);
  }
  const promise = eager(); // no await yet
  steps.push(t.callReturned);
  await promise;
  console.log(t.order(steps));
  console.log(t.eager);

  console.log(`\n${t.rule6}`);
  const forgotten = double(5); // oops: no await
  console.log(t.without(Deno.inspect(forgotten)));
  console.log(t.withAwait(await forgotten));
  console.log(t.typescript);
}

if (import.meta.main) await main();
