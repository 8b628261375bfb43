/**
 * Lesson 06 — producers and consumers with a queue.
 *
 * The producer fetches users and drops each one into a queue the moment it
 * arrives; consumers take users out as soon as there is one and fetch their
 * posts. Neither side knows about the other, only about the queue. A `null`
 * per consumer tells it to stop. With `Random(444)` the numbers are the
 * Python course's: users in 0.5/1.0/1.2 s, posts in 1.8/1.6/1.5 s, 2.68 s.
 *
 * JavaScript has no `asyncio.Queue`, so the lesson writes a tiny one, then
 * shows the built-in queue with backpressure: a `ReadableStream`.
 *
 * Run it: `deno run lessons/06_queue.ts` (or `deno task lesson 6`).
 *
 * @module
 */
import { Random } from "./_random.ts";
import { lane } from "./_lanes.ts";
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/06_queue.ts";

type Text = (typeof TEXT)[Lang];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The smallest useful async queue: first in, first out, unbounded; `get()`
 * waits while the queue is empty. (Exercise 04 asks for a fuller one, with a
 * `maxSize` that makes `put()` wait.)
 */
export class AsyncQueue<T> {
  #items: T[] = [];
  #getters: ((item: T) => void)[] = []; // consumers waiting for an item, oldest first

  /** Adds `item`: hands it straight to the oldest waiting consumer, if any. */
  put(item: T): void {
    const getter = this.#getters.shift();
    if (getter) getter(item);
    else this.#items.push(item);
  }

  /** Removes and returns the oldest item, first waiting for one if the queue is empty. */
  get(): Promise<T> {
    if (this.#items.length > 0) return Promise.resolve(this.#items.shift() as T);
    return new Promise<T>((resolve) => this.#getters.push(resolve));
  }
}

interface User {
  id: number;
  name: string;
}

/** Options of {@linkcode main}. */
export interface QueueOptions {
  /** Seed of the random generator (default 444, as in the course). */
  seed?: number;
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson and returns the producer/consumer total time in seconds. */
export async function main(options: QueueOptions = {}): Promise<number> {
  const random = new Random(options.seed ?? 444);
  const t = TEXT[options.lang ?? lessonLang()];

  async function producer(queue: AsyncQueue<User | null>, userIds: number[]): Promise<void> {
    async function fetchUser(userId: number): Promise<void> {
      const delay = random.uniform(0.5, 2.0);
      console.log(t.fetching(userId));
      await sleep(delay * 1000);
      const user = { id: userId, name: `User${userId}` };
      console.log(t.fetched(userId, delay));
      queue.put(user); // hand it over at once, do not wait for the others
    }
    await Promise.all(userIds.map((id) => lane(`fetchUser(${id})`, () => fetchUser(id))));
    // One end-of-work marker per consumer: each one stops at the first it gets.
    for (let i = 0; i < userIds.length; i++) queue.put(null);
  }

  async function consumer(queue: AsyncQueue<User | null>): Promise<void> {
    while (true) {
      const user = await queue.get(); // sleeps here while the queue is empty
      if (user === null) break;
      const delay = random.uniform(0.5, 2.0);
      console.log(t.retrieving(user.name));
      await sleep(delay * 1000);
      const posts = [1, 2].map((i) => t.post(i, user.name));
      console.log(t.got(posts.length, user.name, delay));
      for (const post of posts) console.log(`  - ${post}`);
    }
  }

  console.log(t.title);
  const queue = new AsyncQueue<User | null>();
  const userIds = [1, 2, 3];
  const start = performance.now();
  // (lane() only names each task for `deno task lesson 6 --timeline`.)
  await Promise.all([
    producer(queue, userIds),
    ...userIds.map((id) => lane(`consumer() #${id}`, () => consumer(queue))),
  ]);
  const total = (performance.now() - start) / 1000;
  console.log(`\n${t.total(total)}`);
  console.log(t.shared);

  await streamDemo(t);
  return total;
}

/** The built-in queue: a ReadableStream with room for 2 chunks makes a fast producer wait. */
async function streamDemo(t: Text): Promise<void> {
  console.log(`\n${t.streamTitle}`);
  const start = performance.now();
  const stamp = () => t.stamp((performance.now() - start) / 1000);
  let next = 1;
  const stream = new ReadableStream<number>(
    {
      // The stream calls pull() only while its queue has room: that is the backpressure.
      pull(controller) {
        if (next > 5) {
          controller.close();
          return;
        }
        console.log(`${stamp()} ${t.enqueue(next)}`);
        controller.enqueue(next++);
      },
    },
    new CountQueuingStrategy({ highWaterMark: 2 }),
  );
  await sleep(0); // the stream fills its queue up to 2 items, then stops asking
  for await (const item of stream) {
    console.log(`${stamp()} ${t.took(item)}`);
    await sleep(500);
  }
  console.log(t.streamOutro);
}

if (import.meta.main) await main();
