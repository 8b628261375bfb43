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

/** Runs the lesson. */
export async function main(): Promise<void> {
  console.log("== Rule 1: await lives inside async functions ==");
  console.log(`f(21) -> ${await f(21)}`);
  console.log("Outside one, the parser refuses it before anything runs:");
  console.log(
    `  function n(x) { const y = await z(x); }  ->  ${tryCompile("const y = await z(1);")}`,
  );
  console.log(
    "  (At the top level of a module, await is allowed: this file's last line awaits main().)",
  );

  console.log("\n== Rule 2: async generators yield values over time ==");
  const fromG: number[] = [];
  for await (const value of g(1)) fromG.push(value);
  console.log(`for await (const v of g(1)) -> ${JSON.stringify(fromG)}`);

  console.log("\n== Rule 3: yield* is allowed (Python's `yield from` is not, in async def) ==");
  console.log(`Array.fromAsync(m(1)) -> ${JSON.stringify(await Array.fromAsync(m(1)))}`);

  console.log("\n== Rule 4: you can await anything ==");
  console.log(`await 42 -> ${await 42} (a plain value is wrapped in a resolved promise)`);
  const thenable = { then: (resolve: (v: string) => void) => resolve("from a thenable") };
  console.log(`await { then(resolve) { ... } } -> ${await thenable}`);
  console.log("Python accepts only awaitables (coroutines, tasks, objects with __await__).");

  console.log("\n== Rule 5 (differs from Python): calling an async function starts it ==");
  const steps: string[] = [];
  async function eager(): Promise<void> {
    steps.push("body starts");
    await sleep(10);
    steps.push("body resumes");
  }
  const promise = eager(); // no await yet
  steps.push("call returned");
  await promise;
  console.log(`order: ${steps.join(" -> ")}`);
  console.log(
    "The body ran up to its first await during the call itself. In Python, calling an" +
      "\nasync def builds an inert coroutine object that does nothing until awaited or scheduled.",
  );

  console.log("\n== Rule 6: a forgotten await gives you the promise, not the value ==");
  const forgotten = double(5); // oops: no await
  console.log(`double(5) without await -> ${Deno.inspect(forgotten)}`);
  console.log(`double(5) with await    -> ${await forgotten}`);
  console.log("TypeScript usually catches this: a Promise<number> is not a number.");
}

if (import.meta.main) await main();
