/**
 * Lesson 05 — chaining: one async step awaits the next.
 *
 * For each of three users: fetch the user, then fetch that user's posts. Each
 * chain is sequential inside, but the three chains run together, so a slow
 * user never holds up a fast one. Delays are drawn with `uniform(0.5, 2.0)`
 * from `Random(444)`, the same numbers as the Python course.
 *
 * Run it: `deno run lessons/05_chaining.ts` (or `deno task lesson 5`).
 *
 * @module
 */
import { Random } from "./_random.ts";
import { lane } from "./_lanes.ts";
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/05_chaining.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A user as the simulated API returns it. */
export interface User {
  id: number;
  name: string;
}

/** Options of {@linkcode main}. */
export interface ChainingOptions {
  /** Seed of the random generator (default 444, as in the course). */
  seed?: number;
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson and returns the total time in seconds. */
export async function main(options: ChainingOptions = {}): Promise<number> {
  const random = new Random(options.seed ?? 444);
  const t = TEXT[options.lang ?? lessonLang()];
  let waited = 0; // the sum of every delay: what a one-at-a-time program would take

  async function fetchUser(userId: number): Promise<User> {
    const delay = random.uniform(0.5, 2.0); // a realistic, never-round network delay
    waited += delay;
    console.log(t.fetchingUser(userId));
    await sleep(delay * 1000);
    const user = { id: userId, name: `User${userId}` };
    console.log(t.fetchedUser(userId, delay));
    return user;
  }

  async function fetchPosts(user: User): Promise<void> {
    const delay = random.uniform(0.5, 2.0);
    waited += delay;
    console.log(t.fetchingPosts(user.name));
    await sleep(delay * 1000);
    const posts = [1, 2].map((i) => t.post(i, user.name));
    console.log(t.gotPosts(posts.length, user.name, delay));
    for (const post of posts) console.log(` - ${post}`);
  }

  /** The chain: the posts need the user, so this step awaits the previous one. */
  async function getUserWithPosts(userId: number): Promise<void> {
    const begun = performance.now();
    const user = await fetchUser(userId);
    const fetched = performance.now();
    await fetchPosts(user);
    const end = performance.now();
    chains.push({
      name: user.name,
      user: (fetched - begun) / 1000,
      posts: (end - fetched) / 1000,
      seconds: (end - begun) / 1000,
    });
  }
  const chains: { name: string; user: number; posts: number; seconds: number }[] = [];

  const userIds = [1, 2, 3];
  const start = performance.now();
  // map() starts one chain per id, in order; Promise.all waits for all of them.
  // (lane() only names each chain for `deno task lesson 5 --timeline`.)
  await Promise.all(
    userIds.map((id) => lane(`getUserWithPosts(${id})`, () => getUserWithPosts(id))),
  );
  const total = (performance.now() - start) / 1000;
  console.log(`\n${t.total(total)}`);
  const slowest = chains.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  console.log(t.explain(waited, slowest.name, slowest.user, slowest.posts, slowest.seconds));
  return total;
}

if (import.meta.main) await main();
