/**
 * The checks' toolkit: what every exercise's checks need and the engine does
 * not — tolerant comparisons of virtual instants, a safe display of the
 * learner's values, a structural equality that reads plain data only,
 * waiting on the virtual clock and tracking when a promise settles.
 *
 * Learner values are read without running learner code: no `toJSON`, no
 * getter, no `toString`, no Proxy trap. So what a check shows and compares is
 * what the learner's code returned, and a value cannot change its answer
 * after the run.
 *
 * @module
 */
import { types } from "node:util";
import { now, virtualSetTimeout } from "./clock.ts";
export { sec, secDigits, type SecPair, secPair } from "./durations.ts";

/** Tolerance on virtual instants and durations, in ms: learners may compute them with floats. */
export const EPS = 1;

/**
 * Whether two virtual instants or durations agree within `eps` milliseconds.
 *
 * @param a One instant or duration, in ms.
 * @param b The other.
 * @param eps The tolerance, in ms ({@linkcode EPS} unless given).
 * @returns `true` when `|a - b| <= eps`.
 *
 * @example A float sum of tenths still lands on the instant
 * ```ts
 * import { near } from "./toolkit.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(near(0.1 * 3 * 1000, 300));
 * assert.ok(!near(302, 300));
 * ```
 */
export function near(a: number, b: number, eps: number = EPS): boolean {
  return Math.abs(a - b) <= eps;
}

const functionSource = Function.prototype.toString;

/** A value reached through a getter, a Proxy or a cycle, shown without being read. */
const GETTER = '"[getter]"', PROXY = '"[Proxy]"', CIRCULAR = '"[Circular]"';

function isProxy(value: object): boolean {
  try {
    return types.isProxy(value);
  } catch {
    return true;
  }
}

/** JSON text of plain data, or `undefined` where JSON leaves a value out. */
function json(value: unknown, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return JSON.stringify(value);
    case "bigint":
      return String(value);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return "null";
  const object = value as object;
  if (isProxy(object)) return PROXY;
  if (seen.has(object)) return CIRCULAR;
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const items: string[] = [];
      for (let i = 0; i < object.length; i++) {
        const d = Object.getOwnPropertyDescriptor(object, i);
        items.push(
          d === undefined ? "null" : "value" in d ? json(d.value, seen) ?? "null" : GETTER,
        );
      }
      return `[${items.join(",")}]`;
    }
    const fields: string[] = [];
    for (const key of Object.keys(object)) {
      const d = Object.getOwnPropertyDescriptor(object, key);
      if (d === undefined) continue;
      const text = "value" in d ? json(d.value, seen) : GETTER;
      if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
    }
    return `{${fields.join(",")}}`;
  } finally {
    seen.delete(object);
  }
}

/**
 * A learner's value as text for a failure message: plain data reads exactly
 * as `JSON.stringify` writes it, but nothing of the learner's code runs (an
 * own `toJSON` or getter is not called: a getter shows as `"[getter]"`, a
 * Proxy as `"[Proxy]"`, a cycle as `"[Circular]"`). A lone `undefined` reads
 * `undefined`, a function its source, a symbol or bigint its `String`.
 *
 * @param value What the learner's code returned.
 * @param max Longest text kept, in characters (cut without a mark, like `slice`).
 * @returns The text.
 *
 * @example A value that would lie through toJSON is shown as it is
 * ```ts
 * import { show } from "./toolkit.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(show(["alice", 2, null]), '["alice",2,null]');
 * const liar = { users: [], toJSON: () => ["alice", "bob"] };
 * assert.equal(show(liar), '{"users":[]}');
 * assert.equal(show(undefined), "undefined");
 * ```
 */
export function show(value: unknown, max: number = Infinity): string {
  let text: string;
  if (typeof value === "function") text = functionSource.call(value);
  else if (typeof value === "symbol") text = String(value);
  else text = json(value, new Set()) ?? "undefined";
  return text.length > max ? text.slice(0, max) : text;
}

/**
 * {@linkcode show} for a failure's `expected` or `actual` field: `undefined`
 * (the field stays empty) where `JSON.stringify` has nothing to write — for
 * `undefined`, a function or a symbol.
 *
 * @param value What the learner's code returned.
 * @returns The text, or `undefined`.
 *
 * @example Nothing to show leaves the field empty
 * ```ts
 * import { showData } from "./toolkit.ts";
 * import assert from "node:assert/strict";
 *
 * assert.equal(showData(undefined), undefined);
 * assert.equal(showData({ seconds: 3 }), '{"seconds":3}');
 * ```
 */
export function showData(value: unknown): string | undefined {
  return json(value, new Set());
}

/**
 * Whether two values hold the same plain data: primitives equal (`NaN` equals
 * `NaN`), arrays item by item, other objects by their own enumerable fields in
 * any order. Only data properties are read: a getter, a Proxy or a function is
 * the same only as itself, so no learner code runs and a value cannot change
 * its answer after the run.
 *
 * @param a One value (e.g. what the learner's code returned).
 * @param b The other (e.g. what the check expected).
 * @returns `true` when they hold the same data.
 *
 * @example Lists compare by content; a getter is not data
 * ```ts
 * import { sameData } from "./toolkit.ts";
 * import assert from "node:assert/strict";
 *
 * assert.ok(sameData({ value: ["a", "b"], n: 1 }, { n: 1, value: ["a", "b"] }));
 * assert.ok(!sameData(["a", "b"], ["b", "a"]));
 * const tricky = { get value() { return ["a"]; } };
 * assert.ok(!sameData(tricky, { value: ["a"] }));
 * ```
 */
export function sameData(a: unknown, b: unknown): boolean {
  return same(a, b, new Map());
}

function same(a: unknown, b: unknown, seen: Map<object, object>): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (isProxy(a) || isProxy(b)) return false;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a), keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  if (Array.isArray(a) && a.length !== (b as unknown[]).length) return false;
  for (const key of keysA) {
    const da = Object.getOwnPropertyDescriptor(a, key);
    const db = Object.getOwnPropertyDescriptor(b, key);
    if (da === undefined || db === undefined) return false;
    if (!("value" in da) || !("value" in db)) return false;
    if (!same(da.value, db.value, seen)) return false;
  }
  return true;
}

/**
 * Waits `ms` of virtual time on the clock's own timers, which learner code
 * cannot replace. Only inside a virtual-time run.
 *
 * @param ms Virtual milliseconds.
 * @returns A promise that resolves then.
 *
 * @example Half a second, in no real time
 * ```ts
 * import { runInVirtualTime, wait } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const run = await runInVirtualTime(() => wait(500));
 * assert.equal(run.elapsedMs, 500);
 * ```
 */
export function wait(ms: number): Promise<void> {
  return new Promise<void>((resolve) => virtualSetTimeout(resolve, ms));
}

/** A promise plus when (and how) it settled, filled in as it happens. */
export interface Tracked<T> {
  /** Settles when the tracked promise does (never rejects); not enumerable. */
  readonly promise: Promise<unknown>;
  /** Whether it has settled. */
  done: boolean;
  /** The virtual instant it settled at, in ms (`-1` until then). */
  at: number;
  /** The value it resolved with. */
  value?: T;
  /** The reason it rejected with. */
  error?: unknown;
}

/**
 * Tracks a promise (or a value) in virtual time: when it settles, and how.
 * The result carries no enumerable promise, so returning it from a run does
 * not look like a forgotten `await`. Only inside a virtual-time run.
 *
 * @param value The promise to watch.
 * @returns Its {@linkcode Tracked} record.
 *
 * @example A get() that resolves at the instant of a later put()
 * ```ts
 * import { runInVirtualTime, track, wait } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const run = await runInVirtualTime(async () => {
 *   const got = track(wait(300).then(() => "item"));
 *   await got.promise;
 *   return got;
 * });
 * assert.equal(run.status, "ok");
 * assert.deepEqual(run.value, { done: true, at: 300, value: "item" });
 * ```
 */
export function track<T>(value: Promise<T> | T): Tracked<T> {
  const t = { done: false, at: -1 } as Tracked<T>;
  const promise = Promise.resolve(value).then(
    (v) => Object.assign(t, { done: true, at: now(), value: v }),
    (e) => Object.assign(t, { done: true, at: now(), error: e }),
  );
  // Not enumerable: the scenario's result must not look like a forgotten await.
  Object.defineProperty(t, "promise", { value: promise, enumerable: false });
  return t;
}

/**
 * Waits until every tracked promise settled, or `ms` of virtual time passed,
 * whichever comes first.
 *
 * @param ms The longest wait, in virtual ms.
 * @param tracked What to wait for.
 * @returns A promise that resolves then.
 *
 * @example A promise that never settles costs only the wait
 * ```ts
 * import { runInVirtualTime, settleOr, track } from "../mod.ts";
 * import assert from "node:assert/strict";
 *
 * const run = await runInVirtualTime(() => settleOr(1000, track(new Promise(() => {}))));
 * assert.equal(run.elapsedMs, 1000);
 * ```
 */
export async function settleOr(ms: number, ...tracked: Tracked<unknown>[]): Promise<void> {
  await Promise.race([Promise.all(tracked.map((t) => t.promise)), wait(ms)]);
}

/** What `Math.random()` returns instead of its seeded numbers, while a check says so. */
let randomStandIn: (() => number) | null = null;

/**
 * The learner's `Math.random` in the sandbox: `seeded` (same seed, same
 * numbers), unless a check stands in for it with {@linkcode standInForRandom}.
 * The sandbox installs it before the learner's module loads, so even a
 * reference to `Math.random` kept at load time follows the stand-in.
 *
 * @param seeded The seeded generator to use the rest of the time.
 * @returns The function to install as `Math.random`.
 *
 * @example A stand-in wins while it is set
 * ```ts
 * import { learnerRandom, standInForRandom } from "./toolkit.ts";
 * import assert from "node:assert/strict";
 *
 * const random = learnerRandom(() => 0.25);
 * standInForRandom(() => 0.5);
 * assert.equal(random(), 0.5);
 * standInForRandom(null);
 * assert.equal(random(), 0.25);
 * ```
 */
export function learnerRandom(seeded: () => number): () => number {
  return () => randomStandIn === null ? seeded() : randomStandIn();
}

/**
 * Makes the learner's `Math.random()` return what `source` returns (`null`:
 * the seeded numbers again), so that a check knows the durations a learner's
 * `main()` draws. Reset it in a `finally`: a run that never settles never
 * reaches code placed after its `await`.
 *
 * @param source The stand-in, or `null`.
 */
export function standInForRandom(source: (() => number) | null): void {
  randomStandIn = source;
}
