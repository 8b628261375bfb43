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
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/07_for_await_using.ts";

type Text = (typeof TEXT)[Lang];

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
  #t: Text;
  private constructor(name: string, t: Text) {
    this.#name = name;
    this.#t = t;
  }
  /** Opens a session (a TCP + TLS handshake, in real life). */
  static async open(name: string, t: Text): Promise<Session> {
    await sleep(50);
    Session.opened++;
    return new Session(name, t);
  }
  /** Pretends to GET `url`; a URL containing "down" fails. */
  async get(url: string): Promise<number> {
    await sleep(100);
    if (url.includes("down")) throw new Error(this.#t.unreachable(url));
    return 200;
  }
  /** Called by `await using` when the block ends, however it ends. */
  async [Symbol.asyncDispose](): Promise<void> {
    await sleep(10);
    Session.opened--;
    console.log(this.#t.closed(this.#name));
  }
}

/** Checks one site inside an `await using` block. */
async function check(url: string, t: Text): Promise<void> {
  await using session = await Session.open(url, t);
  const status = await session.get(url);
  console.log(t.status(url, status));
} // the session is closed here, even if get() threw

/** Options of {@linkcode main}. */
export interface ForAwaitOptions {
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson. */
export async function main(options: ForAwaitOptions = {}): Promise<void> {
  const t = TEXT[options.lang ?? lessonLang()];
  console.log(t.forTitle);
  const start = performance.now();
  const g: number[] = [];
  for await (const i of powersOfTwo(5)) g.push(i);
  console.log(t.powers(g, (performance.now() - start) / 1000));

  // Python: [j async for j in powers_of_two(5) if not (j // 3 % 5)]
  const f = (await Array.fromAsync(powersOfTwo(5))).filter((j) => Math.floor(j / 3) % 5 === 0);
  console.log(t.filtered(f));
  console.log(t.notConcurrent);

  console.log(`\n${t.usingTitle}`);
  const sites = ["https://example.com", "https://down.example", "https://deno.com"];
  // (lane() only names each check for `deno task lesson 7 --timeline`.)
  const results = await Promise.allSettled(
    sites.map((url) => lane(`check(${new URL(url).host})`, () => check(url, t))),
  );
  for (const [i, result] of results.entries()) {
    if (result.status === "rejected") {
      console.log(t.failed(sites[i], (result.reason as Error).message));
    }
  }
  console.log(t.stillOpen(Session.opened));
  console.log(t.outro);
}

if (import.meta.main) await main();
