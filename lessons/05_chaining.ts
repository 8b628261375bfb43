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
}

/** Runs the lesson and returns the total time in seconds. */
export async function main(options: ChainingOptions = {}): Promise<number> {
  const random = new Random(options.seed ?? 444);
  let waited = 0; // the sum of every delay: what a one-at-a-time program would take

  async function fetchUser(userId: number): Promise<User> {
    const delay = random.uniform(0.5, 2.0); // a realistic, never-round network delay
    waited += delay;
    console.log(`User coro: fetching user by userId=${userId}...`);
    await sleep(delay * 1000);
    const user = { id: userId, name: `User${userId}` };
    console.log(`User coro: fetched user with userId=${userId} (done in ${delay.toFixed(1)}s).`);
    return user;
  }

  async function fetchPosts(user: User): Promise<void> {
    const delay = random.uniform(0.5, 2.0);
    waited += delay;
    console.log(`Post coro: retrieving posts for ${user.name}...`);
    await sleep(delay * 1000);
    const posts = [1, 2].map((i) => `Post ${i} by ${user.name}`);
    console.log(
      `Post coro: got ${posts.length} posts by ${user.name} (done in ${delay.toFixed(1)}s):`,
    );
    for (const post of posts) console.log(` - ${post}`);
  }

  /** The chain: the posts need the user, so this step awaits the previous one. */
  async function getUserWithPosts(userId: number): Promise<void> {
    const begun = performance.now();
    const user = await fetchUser(userId);
    await fetchPosts(user);
    chains.push({ name: user.name, seconds: (performance.now() - begun) / 1000 });
  }
  const chains: { name: string; seconds: number }[] = [];

  const userIds = [1, 2, 3];
  const start = performance.now();
  // map() starts one chain per id, in order; Promise.all waits for all of them.
  await Promise.all(userIds.map((id) => getUserWithPosts(id)));
  const total = (performance.now() - start) / 1000;
  console.log(`\n==> Total time: ${total.toFixed(2)} seconds`);
  const slowest = chains.reduce((a, b) => (b.seconds > a.seconds ? b : a));
  console.log(
    `One call after another, the same six delays would add up to ${waited.toFixed(2)} seconds.\n` +
      `Run together, the total is the slowest chain's: ${slowest.name}, ` +
      `${slowest.seconds.toFixed(2)} seconds.`,
  );
  return total;
}

if (import.meta.main) await main();
