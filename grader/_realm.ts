/**
 * What one exercise's code can leave behind in a realm, for a sandbox that
 * runs several exercises one after another (see `runSharedSandbox` in
 * `sandbox.ts`): a fingerprint of the realm's shared state, taken once the
 * realm is hardened and compared after each exercise. When anything differs
 * — a global added or replaced, a property of a built-in or of its prototype
 * changed, an event listener left on `globalThis` or on `process`, an exit
 * code set, memory kept — the sandbox stops, and the exercises that have not
 * run yet start again in a fresh one: no exercise is ever graded in a realm
 * another exercise's code has changed.
 *
 * Runs inside the sandbox, before learner code: it keeps its own references
 * to the reflection functions it uses, and calls no getter.
 *
 * @module
 */

const ownKeys = Reflect.ownKeys;
const describe = Reflect.getOwnPropertyDescriptor;
const isFrozen = Object.isFrozen;
const objectIs = Object.is;
const keysOf = Object.keys;
const memoryUsage = Deno.memoryUsage;
const toText = String;
const apply = Reflect.apply;
const defineProperty = Object.defineProperty;

/** Resident memory past which a shared sandbox starts afresh, in bytes. */
export const SHARED_RSS_BYTES = 256 * 1024 * 1024;

/** The Node `process` object's parts the fingerprint reads. */
export interface ProcessLike {
  eventNames(): (string | symbol)[];
  listenerCount(name: string | symbol): number;
  exitCode?: unknown;
}

const byName = (a: string | symbol, b: string | symbol) => {
  const x = typeof a === "symbol" ? `\u0000${a.description}` : a;
  const y = typeof b === "symbol" ? `\u0000${b.description}` : b;
  return x < y ? -1 : x > y ? 1 : 0;
};
const sortKeys = (keys: (string | symbol)[]) => keys.sort(byName);

const isObject = (v: unknown): v is object =>
  (typeof v === "object" && v !== null) || typeof v === "function";

/**
 * Deno keeps `globalThis`'s event listeners in a record under a symbol of
 * its own, which it may add only once an event is dispatched: the record
 * is read for its listener counts, and its key is not counted as a global.
 */
function isListenerStore(value: unknown): value is { listeners: Record<string, unknown[]> } {
  return isObject(value) && isObject((value as { listeners?: unknown }).listeners);
}

/**
 * Takes the fingerprint of the realm now (the globals, the own properties of
 * each, the own properties of each global constructor's prototype, the
 * `process` object, the standard streams' objects, `extra`, the event
 * listeners on `globalThis` and `process`, the exit code), and returns the
 * function that tells whether the realm is still as it was: `null` when it
 * is, else where it first differs.
 */
export function realmWatch(
  process: ProcessLike,
  extra: readonly unknown[] = [],
): () => string | null {
  const eventNames = process.eventNames.bind(process);
  const listenerCount = process.listenerCount.bind(process);
  // `places` is filled only to say where a difference is (building every
  // property's name would cost more than the reading itself).
  const take = (
    roots: readonly (readonly [unknown, number, () => string])[],
    places: string[] | null,
  ): unknown[] => {
    const values: unknown[] = [];
    const seen = new Set<object>();
    const note = (place: () => string, count: number) => {
      if (places !== null) { for (let i = 0; i < count; i++) places.push(place()); }
    };
    const visit = (holder: unknown, depth: number, place: () => string) => {
      if (!isObject(holder) || seen.has(holder)) return;
      seen.add(holder);
      if (isFrozen(holder)) {
        values.push(holder, "frozen");
        return note(place, 2);
      }
      // In a steady order: a property deleted and defined again (as the
      // clock's driver does with `queueMicrotask`) moves to the end.
      const keys = sortKeys(ownKeys(holder));
      values.push(holder);
      note(place, 1);
      let count = 0;
      for (const key of keys) {
        const d = describe(holder, key)!;
        if (holder === globalThis && typeof key === "symbol" && isListenerStore(d.value)) {
          const listeners = d.value.listeners;
          for (const type of keysOf(listeners)) values.push(type, listeners[type]?.length ?? 0);
          note(() => "listeners", keysOf(listeners).length * 2);
          continue;
        }
        count++;
        const at = () => `${place()}.${toText(key)}`;
        values.push(key, d.value, d.get, d.set, d.writable, d.configurable);
        note(at, 6);
        if (depth > 0 && "value" in d) {
          visit(d.value, depth - 1, at);
          if (typeof d.value === "function") {
            visit(describe(d.value, "prototype")?.value, 0, () => `${at()}.prototype`);
          }
        }
      }
      values.push(count);
      note(place, 1);
    };
    for (const [root, depth, place] of roots) {
      // A root is itself part of the fingerprint (a lazy global's value, which may be a primitive).
      values.push(root);
      note(place, 1);
      // `self` and `window` lead back to the realm, fingerprinted as such.
      if (root === globalThis && depth === 0) continue;
      visit(root, depth, place);
      if (typeof root === "function") {
        visit(describe(root, "prototype")?.value, 0, () => `${place()}.prototype`);
      }
    }
    return values;
  };
  const realm = (places: string[] | null) => {
    const values = take([
      [globalThis, 1, () => "globalThis"],
      [process, 0, () => "process"],
      ...extra.map((value, i) => [value, 0, () => `extra[${i}]`] as const),
    ], places);
    const names = eventNames();
    for (const name of names) values.push(name, listenerCount(name));
    values.push(process.exitCode);
    if (places !== null) {
      for (let i = 0; i < names.length * 2; i++) places.push("process events");
      places.push("process.exitCode");
    }
    return values;
  };
  // The globals Deno defines as getters that load on first use (`Response`,
  // `TextEncoder`, `crypto`, `Buffer`, the `on…` handlers…), and the same on
  // `process` (`process.stdout`…): reading them all now would load a hundred
  // modules. Each is wrapped instead, so that its value's fingerprint is taken
  // at its first use, before any code gets it, and compared after each
  // exercise like the rest.
  const lazies: {
    name: () => string;
    read: () => unknown;
    base: unknown[] | null;
  }[] = [];
  const shot = (name: () => string, value: unknown, places: string[] | null) =>
    take([[value, 0, () => `${name()} (loaded on use)`]], places);
  const wrapGetters = (holder: object, holderName: string) => {
    for (const key of ownKeys(holder)) {
      const d = describe(holder, key)!;
      if (d.get === undefined || !d.configurable) continue;
      const get = d.get;
      const set = d.set;
      const lazy = {
        name: () => `${holderName}.${toText(key)}`,
        read: () => apply(get, holder, []) as unknown,
        base: null as unknown[] | null,
      };
      const first = () => {
        if (lazy.base !== null) return;
        lazy.base = [];
        lazy.base = shot(lazy.name, lazy.read(), null);
      };
      defineProperty(holder, key, {
        get() {
          first();
          return apply(get, this, []);
        },
        ...(set !== undefined
          ? {
            set(value: unknown) {
              first();
              apply(set, this, [value]);
            },
          }
          : {}),
        enumerable: d.enumerable,
        configurable: true,
      });
      lazies.push(lazy);
    }
  };
  wrapGetters(globalThis, "globalThis");
  wrapGetters(process, "process");
  const before = realm(null);
  return () => {
    const now = realm(null);
    const length = Math.max(now.length, before.length);
    for (let i = 0; i < length; i++) {
      if (!objectIs(now[i], before[i])) {
        const places: string[] = [];
        realm(places);
        return places[i] ?? "?";
      }
    }
    for (const lazy of lazies) {
      if (lazy.base === null) continue;
      const value = lazy.read();
      const shotNow = shot(lazy.name, value, null);
      const base = lazy.base;
      const length = Math.max(shotNow.length, base.length);
      for (let i = 0; i < length; i++) {
        if (!objectIs(shotNow[i], base[i])) {
          const places: string[] = [];
          shot(lazy.name, value, places);
          return places[i] ?? lazy.name();
        }
      }
    }
    if (memoryUsage().rss > SHARED_RSS_BYTES) return "memory";
    return null;
  };
}
