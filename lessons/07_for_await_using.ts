/**
 * Lesson 07 — `for await` and `await using`, the `async for` and
 * `async with` of TypeScript.
 *
 * `for await` walks an async iterable, letting the loop run other work while
 * it waits for the next value. `await using` closes a resource when the block
 * ends, whether it ends normally or by an exception, by awaiting its
 * `[Symbol.asyncDispose]()` method.
 *
 * Run it: `deno run lessons/07_for_await_using.ts` (or `deno task lesson 7`).
 *
 * @module
 */

import { lane } from "./_lanes.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Yields 2**0, 2**1, … up to 2**(stop-1), pausing 0.2 s after each. */
export async function* powersOfTwo(stop = 10): AsyncGenerator<number> {
  for (let exponent = 0; exponent < stop; exponent++) {
    yield 2 ** exponent;
    await sleep(200); // pretend each value takes some I/O to produce
  }
}

/** A pretend HTTP session: opening and closing it takes time, like a real connection. */
class Session implements AsyncDisposable {
  static opened = 0;
  #name: string;
  private constructor(name: string) {
    this.#name = name;
  }
  /** Opens a session (a TCP + TLS handshake, in real life). */
  static async open(name: string): Promise<Session> {
    await sleep(50);
    Session.opened++;
    return new Session(name);
  }
  /** Pretends to GET `url`; a URL containing "down" fails. */
  async get(url: string): Promise<number> {
    await sleep(100);
    if (url.includes("down")) throw new Error(`Cannot reach "${url}"`);
    return 200;
  }
  /** Called by `await using` when the block ends, however it ends. */
  async [Symbol.asyncDispose](): Promise<void> {
    await sleep(10);
    Session.opened--;
    console.log(`  ${this.#name}: session closed`);
  }
}

/** Checks one site inside an `await using` block. */
async function check(url: string): Promise<void> {
  await using session = await Session.open(url);
  const status = await session.get(url);
  console.log(`  ${url}: status -> ${status}`);
} // the session is closed here, even if get() threw

/** Runs the lesson. */
export async function main(): Promise<void> {
  console.log("== for await: values that arrive over time ==");
  const start = performance.now();
  const g: number[] = [];
  for await (const i of powersOfTwo(5)) g.push(i);
  console.log(`[${g.join(", ")}]  (${((performance.now() - start) / 1000).toFixed(1)} s)`);

  // Python: [j async for j in powers_of_two(5) if not (j // 3 % 5)]
  const f = (await Array.fromAsync(powersOfTwo(5))).filter((j) => Math.floor(j / 3) % 5 === 0);
  console.log(`[${f.join(", ")}]  (the same values, filtered: Array.fromAsync + filter)`);
  console.log(
    "A for await loop is not concurrent by itself: it takes one value at a time. It only\n" +
      "lets other work run while it waits. To run things together, use Promise.all.",
  );

  console.log("\n== await using: a resource closed on every path ==");
  const sites = ["https://example.com", "https://down.example", "https://deno.com"];
  // (lane() only names each check for `deno task lesson 7 --timeline`.)
  const results = await Promise.allSettled(
    sites.map((url) => lane(`check(${new URL(url).host})`, () => check(url))),
  );
  for (const [i, result] of results.entries()) {
    if (result.status === "rejected") {
      console.log(`  ${sites[i]}: failed (${(result.reason as Error).message})`);
    }
  }
  console.log(`Sessions still open: ${Session.opened}`);
  console.log(
    "The failing check closed its session too: `await using` awaits [Symbol.asyncDispose]()\n" +
      "at the end of the block, like Python's `async with` calls __aexit__. With --allow-net,\n" +
      "fetch() gives you the real thing: see lesson 11.",
  );
}

if (import.meta.main) await main();
