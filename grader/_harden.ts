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
 * Promise, JSON, Math, String, Number, Map, Set, iterators, Reflect…) so that
 * learner code cannot redefine `Array.prototype.every` or `JSON.stringify`
 * to make a failing check pass. Error prototypes stay open: learners set
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
  ];
  for (const root of roots) Object.freeze(root);
}
