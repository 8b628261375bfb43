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

import { types } from "node:util";

const ownKeys = Reflect.ownKeys;
const describe = Reflect.getOwnPropertyDescriptor;
const isFrozen = Object.isFrozen;
const objectIs = Object.is;
const keysOf = Object.keys;
const memoryUsage = Deno.memoryUsage;
const toText = String;
const apply = Reflect.apply;
const defineProperty = Object.defineProperty;
const isProxy = types.isProxy;

/** Resident memory past which a shared sandbox starts afresh, in bytes. */
export const SHARED_RSS_BYTES = 256 * 1024 * 1024;

/**
 * How deep the fingerprint reads from `globalThis`: the globals' own
 * properties, and those of what they hold (`Intl.NumberFormat` and its
 * prototype, `Deno.env`, a frozen `Array.prototype`'s `Symbol.unscopables`).
 */
const GLOBAL_DEPTH = 2;

/** The Node `process` object's parts the fingerprint reads. */
export interface ProcessLike {
  eventNames(): (string | symbol)[];
  listenerCount(name: string | symbol): number;
  exitCode?: unknown;
  argv?: unknown;
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
  // `process.argv[1]` names the module being graded: the sandbox changes it
  // from one exercise to the next (and puts the whole array back).
  const argv = process.argv;
  const eventNames = process.eventNames.bind(process);
  const listenerCount = process.listenerCount.bind(process);
  // `places` is filled only to say where a difference is (building every
  // property's name would cost more than the reading itself).
  const take = (
    roots: readonly (readonly [unknown, number, () => string])[],
    places: string[] | null,
  ): unknown[] => {
    const values: unknown[] = [];
    // Each object at the greatest depth it is reached at (read again if it
    // is reached deeper later).
    const seen = new Map<object, number>();
    const note = (place: () => string, count: number) => {
      if (places !== null) { for (let i = 0; i < count; i++) places.push(place()); }
    };
    const visit = (holder: unknown, depth: number, place: () => string) => {
      if (!isObject(holder) || (seen.get(holder) ?? -1) >= depth) return;
      seen.set(holder, depth);
      // A proxy's keys come from its handler (`process.env` asks for a
      // permission): only its identity counts.
      if (isProxy(holder)) {
        values.push(holder, "proxy");
        return note(place, 2);
      }
      if (isFrozen(holder)) {
        values.push(holder, "frozen");
        note(place, 2);
        // Its own properties cannot change, what they hold can (a frozen
        // `Array.prototype`'s `Symbol.unscopables` object).
        if (depth > 0) {
          for (const key of sortKeys(ownKeys(holder))) {
            const d = describe(holder, key)!;
            if ("value" in d) inner(d.value, depth, () => `${place()}.${toText(key)}`);
          }
        }
        return;
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
        const value = holder === argv && key === "1" ? "the module's name" : d.value;
        values.push(key, value, d.get, d.set, d.writable, d.configurable);
        note(at, 6);
        if (depth > 0 && "value" in d) inner(d.value, depth, at);
      }
      values.push(count);
      note(place, 1);
    };
    /** A property's value, one level down, and a function's prototype with it. */
    const inner = (value: unknown, depth: number, at: () => string) => {
      visit(value, depth - 1, at);
      if (typeof value === "function") {
        visit(describe(value, "prototype")?.value, depth - 1, () => `${at()}.prototype`);
      }
    };
    for (const [root, depth, place] of roots) {
      // A root is itself part of the fingerprint (a lazy global's value, which may be a primitive).
      values.push(root);
      note(place, 1);
      // `self` and `window` lead back to the realm, fingerprinted as such.
      if (root === globalThis && depth === 0) continue;
      visit(root, depth, place);
      if (typeof root === "function") {
        visit(describe(root, "prototype")?.value, depth, () => `${place()}.prototype`);
      }
    }
    return values;
  };
  const realm = (places: string[] | null) => {
    const values = take([
      [globalThis, GLOBAL_DEPTH, () => "globalThis"],
      [process, 1, () => "process"],
      ...extra.map((value, i) => [value, 1, () => `extra[${i}]`] as const),
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
    take([[value, 1, () => `${name()} (loaded on use)`]], places);
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
