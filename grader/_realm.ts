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

/** The place of a value, when no place is asked for. */
const unnamed = () => "";

/** Thrown by a reading compared as it goes, at its first difference. */
const DIFFERS = Symbol("differs");

/**
 * Where a reading differs from `base`: `null` when it does not. `read` is
 * first compared as it goes (cheap, stops at the first difference); only
 * then read again with its places named.
 */
function whereDiffers(
  read: (places: string[] | null, against: readonly unknown[] | null) => unknown[],
  base: readonly unknown[],
): string | null {
  try {
    read(null, base);
    return null;
  } catch (error) {
    if (error !== DIFFERS) throw error;
  }
  const places: string[] = [];
  const now = read(places, null);
  const i = now.findIndex((v, i) => !objectIs(v, base[i]));
  return places[i < 0 ? now.length : i] ?? places[places.length - 1] ?? "";
}

/** The objects a frozen object holds in its data properties, read once (they cannot change). */
const held = new WeakMap<object, [string | symbol, object][]>();
function heldBy(frozen: object): [string | symbol, object][] {
  let list = held.get(frozen);
  if (list === undefined) {
    list = [];
    for (const key of ownKeys(frozen)) {
      const d = describe(frozen, key)!;
      if ("value" in d && isObject(d.value)) list.push([key, d.value]);
    }
    held.set(frozen, list);
  }
  return list;
}

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
  // property's name would cost more than the reading itself). With
  // `against`, each value is compared as it is read, and the reading stops
  // at the first difference (it throws DIFFERS).
  const take = (
    roots: readonly (readonly [unknown, number, () => string])[],
    places: string[] | null,
    against: readonly unknown[] | null = null,
  ): unknown[] => {
    const values: unknown[] = [];
    // Places are named only when asked for (a function per property read costs).
    const naming = places !== null;
    let at = 0;
    const emit = against === null
      ? (value: unknown) => {
        values.push(value);
      }
      : (value: unknown) => {
        if (at >= against.length || !objectIs(value, against[at])) throw DIFFERS;
        at++;
      };
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
        emit(holder);
        emit("proxy");
        return note(place, 2);
      }
      if (isFrozen(holder)) {
        emit(holder);
        emit("frozen");
        note(place, 2);
        // Its own properties cannot change, what they hold can (a frozen
        // `Array.prototype`'s `Symbol.unscopables` object): the objects it
        // holds are read once, then kept.
        if (depth > 0) {
          for (const [key, value] of heldBy(holder)) {
            inner(value, depth, naming ? () => `${place()}.${toText(key)}` : unnamed);
          }
        }
        return;
      }
      // In a steady order for the globals: a global deleted and defined
      // again (as the clock's driver does with `queueMicrotask`) moves to
      // the end.
      const keys = holder === globalThis ? sortKeys(ownKeys(holder)) : ownKeys(holder);
      emit(holder);
      note(place, 1);
      let count = 0;
      for (const key of keys) {
        const d = describe(holder, key)!;
        if (holder === globalThis && typeof key === "symbol" && isListenerStore(d.value)) {
          const listeners = d.value.listeners;
          for (const type of keysOf(listeners)) {
            emit(type);
            emit(listeners[type]?.length ?? 0);
          }
          note(() => "listeners", keysOf(listeners).length * 2);
          continue;
        }
        count++;
        const value = holder === argv && key === "1" ? "the module's name" : d.value;
        const flags = (d.writable ? 2 : 0) + (d.configurable ? 1 : 0);
        // The five values of a property, written out: this loop reads
        // thousands of properties, in code that V8 never optimizes here.
        if (against === null) {
          values.push(key, value, d.get, d.set, flags);
        } else if (
          at + 5 > against.length || !objectIs(key, against[at]) ||
          !objectIs(value, against[at + 1]) || !objectIs(d.get, against[at + 2]) ||
          !objectIs(d.set, against[at + 3]) || !objectIs(flags, against[at + 4])
        ) {
          throw DIFFERS;
        } else {
          at += 5;
        }
        let where = unnamed;
        if (naming) {
          where = () => `${place()}.${toText(key)}`;
          note(where, 5);
        }
        if (depth > 0 && isObject(d.value)) inner(d.value, depth, where);
      }
      emit(count);
      note(place, 1);
    };
    /** A property's value, one level down, and a function's prototype with it. */
    const inner = (value: unknown, depth: number, at: () => string) => {
      visit(value, depth - 1, at);
      if (typeof value === "function") {
        visit(
          describe(value, "prototype")?.value,
          depth - 1,
          naming ? () => `${at()}.prototype` : unnamed,
        );
      }
    };
    for (const [root, depth, place] of roots) {
      // A root is itself part of the fingerprint (a lazy global's value, which may be a primitive).
      emit(root);
      note(place, 1);
      // `self` and `window` lead back to the realm, fingerprinted as such.
      if (root === globalThis && depth === 0) continue;
      visit(root, depth, place);
      if (typeof root === "function") {
        visit(describe(root, "prototype")?.value, depth, () => `${place()}.prototype`);
      }
    }
    if (against !== null && at !== against.length) throw DIFFERS;
    return values;
  };
  const realm = (places: string[] | null, against: readonly unknown[] | null) => {
    const events = () => "process events";
    return take(
      [
        [globalThis, GLOBAL_DEPTH, () => "globalThis"],
        [process, 1, () => "process"],
        ...extra.map((value, i) => [value, 1, () => `extra[${i}]`] as const),
        // Primitives, read as they are: process's listeners and exit code.
        ...eventNames().flatMap((name) =>
          [[name, 0, events], [listenerCount(name), 0, events]] as const
        ),
        [process.exitCode, 0, () => "process.exitCode"],
      ],
      places,
      against,
    );
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
  const shot = (
    name: () => string,
    value: unknown,
    places: string[] | null,
    against: readonly unknown[] | null = null,
  ) => take([[value, 1, () => `${name()} (loaded on use)`]], places, against);
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
  const before = realm(null, null);
  return () => {
    const changed = whereDiffers((places, against) => realm(places, against), before);
    if (changed !== null) return changed || "?";
    for (const lazy of lazies) {
      if (lazy.base === null) continue;
      const value = lazy.read();
      const read = (places: string[] | null, against: readonly unknown[] | null) =>
        shot(lazy.name, value, places, against);
      const where = whereDiffers(read, lazy.base);
      if (where !== null) return where || lazy.name();
    }
    if (memoryUsage().rss > SHARED_RSS_BYTES) return "memory";
    return null;
  };
}
