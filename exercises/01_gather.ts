/**
 * # Exercise 1 — Three slow calls: one after another, then together
 *
 * Your dashboard needs three lists from three slow services. Each one is a
 * network call that mostly *waits*:
 *
 * | function           | waits | resolves with                        |
 * | ------------------ | ----- | ------------------------------------ |
 * | `fetchUsers()`     | 2 s   | `["alice", "bob", "charlie"]`        |
 * | `fetchOrders()`    | 3 s   | `["order_1", "order_2"]`             |
 * | `fetchInventory()` | 1 s   | `["item_A", "item_B", "item_C"]`     |
 *
 * 1. Write the three functions: each waits its time without blocking (a
 *    promise around `setTimeout`), then resolves with its list.
 * 2. Write `runSequential()`: call the three one after another (each starts
 *    when the previous one has finished) and measure the total time.
 * 3. Write `runConcurrent()`: start all three at once and wait for all of
 *    them, like `asyncio.gather()` in Python (`Promise.all` in TypeScript).
 * 4. Write `main()`: run both, print the two times they measured, and
 *    explain why they differ.
 *
 * Both runners take an optional `fetchers` object (use it when it is given,
 * the three functions above otherwise — the grader passes its own, with
 * other durations), call each fetcher exactly once, and return
 * `{ value, seconds }`: the three lists in the order users, orders,
 * inventory (whatever order the calls finish in), and the time that call
 * took, measured yourself with `performance.now()` from the start of each
 * call, in seconds. When one call fails, the runner rejects with that
 * call's error, as `asyncio.gather()` and `Promise.all` do.
 *
 * Expected: about 6 s one after another (the sum), about 3 s together (the
 * longest call).
 *
 * Run it: `deno run exercises/01_gather.ts` · grade it: `deno task grade 1`
 * · stuck? `deno task hint 1`
 *
 * @module
 */

/** A slow call that resolves with a list of names. */
export type Fetcher = () => Promise<string[]>;

/** The three calls a runner makes. */
export interface Fetchers {
  users: Fetcher;
  orders: Fetcher;
  inventory: Fetcher;
}

/** A value and how long it took, in seconds. */
export interface Timed<T> {
  value: T;
  seconds: number;
}

/** Waits 2 s, then resolves with three user names. */
export function fetchUsers(): Promise<string[]> {
  // TODO: wait 2 seconds without blocking, then return ["alice", "bob", "charlie"]
  throw new Error("TODO: fetchUsers()");
}

/** Waits 3 s, then resolves with two order ids. */
export function fetchOrders(): Promise<string[]> {
  // TODO: wait 3 seconds without blocking, then return ["order_1", "order_2"]
  throw new Error("TODO: fetchOrders()");
}

/** Waits 1 s, then resolves with three item ids. */
export function fetchInventory(): Promise<string[]> {
  // TODO: wait 1 second without blocking, then return ["item_A", "item_B", "item_C"]
  throw new Error("TODO: fetchInventory()");
}

const DEFAULT_FETCHERS: Fetchers = {
  users: fetchUsers,
  orders: fetchOrders,
  inventory: fetchInventory,
};

/** Calls users, orders, inventory one after another and times it. */
export function runSequential(
  fetchers: Fetchers = DEFAULT_FETCHERS,
): Promise<Timed<[string[], string[], string[]]>> {
  // TODO: await each fetcher in turn, measure the time with performance.now()
  throw new Error("TODO: runSequential()", { cause: { fetchers } });
}

/** Starts users, orders and inventory together, waits for all, and times it. */
export function runConcurrent(
  fetchers: Fetchers = DEFAULT_FETCHERS,
): Promise<Timed<[string[], string[], string[]]>> {
  // TODO: start the three fetchers at once, wait for all of them, measure the time
  throw new Error("TODO: runConcurrent()", { cause: { fetchers } });
}

/** Prints both times and why they differ. */
export function main(): Promise<void> {
  // TODO: run both versions, print their times and explain the difference
  throw new Error("TODO: main()");
}

if (import.meta.main) {
  await main();
}
