/**
 * Hardening of the sandbox's realm before learner code loads: the exits are
 * turned into errors the grader can see, and the built-ins the checks rely on
 * are frozen so learner code cannot rewrite them to fool a check.
 *
 * @module
 */

/** Thrown in place of exiting when learner code calls `Deno.exit`. */
export class ExitAttempt extends Error {
  /** The exit code asked for. */
  readonly code: number;
  /** Makes one. */
  constructor(code: number) {
    super(`Cannot exit: the grader is running this code (exit code ${code})`);
    this.name = "ExitAttempt";
    this.code = code;
  }
}

/** Exit codes learner code asked for, in order. */
export const exitAttempts: number[] = [];

/** Replaces `Deno.exit`, `process.exit` and `close()` with functions that throw {@linkcode ExitAttempt}. */
export async function trapExits(): Promise<void> {
  const trap = (code?: number): never => {
    const n = typeof code === "number" ? code : 0;
    exitAttempts.push(n);
    throw new ExitAttempt(n);
  };
  Object.defineProperty(Deno, "exit", { value: trap, writable: false, configurable: false });
  const { default: process } = await import("node:process");
  for (const name of ["exit", "reallyExit", "abort"]) {
    if (name in process) {
      Object.defineProperty(process, name, { value: trap, writable: false, configurable: false });
    }
  }
  Object.defineProperty(globalThis, "close", { value: trap, writable: false, configurable: false });
}

/**
 * Freezes the intrinsics the grader's checks use (Object, Array, Function,
 * Promise, JSON, Math, String, Number, Map, Set, iterators, Reflect, typed
 * arrays…) so that learner code cannot redefine `Array.prototype.every` or
 * `JSON.stringify` to make a failing check pass. Error prototypes stay open: learners set
 * `error.name` on their own errors.
 */
export function freezeIntrinsics(): void {
  const iterProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  const asyncIterProto = Object.getPrototypeOf(
    Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())),
  );
  const roots: unknown[] = [
    Object,
    Object.prototype,
    Array,
    Array.prototype,
    Object.getPrototypeOf([][Symbol.iterator]()),
    iterProto,
    asyncIterProto,
    Function.prototype,
    Promise,
    Promise.prototype,
    JSON,
    Math,
    Reflect,
    String,
    String.prototype,
    Number,
    Number.prototype,
    Boolean.prototype,
    Symbol,
    Symbol.prototype,
    Map,
    Map.prototype,
    Set,
    Set.prototype,
    WeakMap.prototype,
    WeakSet.prototype,
    RegExp.prototype,
    // The bytes the sandbox reports through: a redefined `subarray` or
    // `length` would read the nonce off a frame or rewrite it.
    Object.getPrototypeOf(Uint8Array),
    Object.getPrototypeOf(Uint8Array.prototype),
    Uint8Array,
    Uint8Array.prototype,
    ArrayBuffer,
    ArrayBuffer.prototype,
    // How an unhandled rejection or exception reaches the grader's listeners:
    // a redefined `dispatchEvent` or `preventDefault` would let it end the
    // sandbox instead.
    EventTarget.prototype,
    Event.prototype,
    ErrorEvent.prototype,
    PromiseRejectionEvent.prototype,
  ];
  for (const root of roots) Object.freeze(root);
}

/**
 * The globals the grader relies on once learner code runs: the virtual
 * clock's timers, `Date` and `performance`, the console it captures, and the
 * built-ins its checks call. {@linkcode lockGlobals} makes each binding
 * read-only, so `globalThis.Promise = …` or `performance.now = …` throws a
 * `TypeError` in the learner's module instead of fooling a check.
 */
export const LOCKED_GLOBALS = [
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "Date",
  "performance",
  "console",
  "Promise",
  "Object",
  "Array",
  "Function",
  "JSON",
  "Math",
  "Reflect",
  "String",
  "Number",
  "Boolean",
  "Symbol",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Error",
  "TypeError",
  "RangeError",
  "AbortController",
  "AbortSignal",
  "DOMException",
] as const;

/**
 * Makes the {@linkcode LOCKED_GLOBALS} bindings read-only, and freezes the
 * objects behind the virtual clock (`Date`, `performance`) and the console's
 * methods. Call it after the clock and the console capture are installed.
 */
export function lockGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of LOCKED_GLOBALS) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    if (!desc || !desc.configurable) continue;
    Object.defineProperty(globalThis, name, {
      value: g[name],
      writable: false,
      enumerable: desc.enumerable,
      configurable: false,
    });
  }
  Object.freeze(Date);
  Object.freeze(Date.prototype);
  Object.freeze(performance);
  for (const level of ["log", "info", "warn", "error", "debug", "trace", "table", "dir"]) {
    const desc = Object.getOwnPropertyDescriptor(console, level);
    if (desc?.configurable) {
      Object.defineProperty(console, level, { ...desc, writable: false, configurable: false });
    }
  }
}

/**
 * The global a `TypeError` says learner code tried to replace
 * (`Cannot assign to read only property 'setTimeout' of object …`), or `null`.
 */
export function lockedGlobalIn(error: unknown): string | null {
  if (!(error instanceof TypeError)) return null;
  const m = /Cannot (?:assign to read only property|redefine property):? '?([\w$]+)'?/.exec(
    error.message,
  );
  if (!m || !m[1]) return null;
  // Date and performance are frozen: `now` is one of theirs.
  return m[1] === "now" ? "performance.now / Date.now" : m[1];
}
