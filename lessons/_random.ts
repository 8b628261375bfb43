/**
 * A seeded random number generator that draws exactly what CPython's
 * `random.Random` draws for the same integer seed, so the lessons print the
 * same numbers as the Python course they come from.
 *
 * Private to the lessons (leading `_`): the Mersenne Twister itself comes from
 * the npm package `mersenne-twister`, touched in this module only.
 *
 * @module
 */
import MersenneTwister from "npm:mersenne-twister@1.1.0";

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_32 = 4294967296;

/** The 32-bit words of `|seed|`, least significant first, as CPython's `init_by_array` gets them. */
function seedWords(seed: number): number[] {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`Cannot seed the generator: "${seed}" is not a safe integer`);
  }
  let rest = Math.abs(seed);
  const words: number[] = [];
  while (rest > 0) {
    words.push(rest % TWO_POW_32);
    rest = Math.floor(rest / TWO_POW_32);
  }
  return words.length === 0 ? [0] : words;
}

/** Number of bits needed to write `n` (a non-negative safe integer), like Python's `int.bit_length()`. */
function bitLength(n: number): number {
  let bits = 0;
  while (n > 0) {
    bits++;
    n = Math.floor(n / 2);
  }
  return bits;
}

/**
 * A Python-compatible pseudo-random generator (Mersenne Twister MT19937).
 *
 * @example Same numbers as Python's `random.seed(444); random.randint(0, 10)`
 * ```ts
 * import assert from "node:assert/strict";
 * import { Random } from "./_random.ts";
 *
 * const random = new Random(444);
 * assert.equal(random.randint(0, 10), 4);
 * ```
 */
export class Random {
  #mt: MersenneTwister;

  /**
   * Creates a generator.
   *
   * @param seed An integer seed; without one, the generator is seeded from `Math.random()`.
   */
  constructor(seed?: number) {
    this.#mt = new MersenneTwister(0);
    this.seed(seed ?? Math.floor(Math.random() * TWO_POW_53));
  }

  /**
   * Re-seeds the generator, like Python's `random.seed(n)` for an integer `n`.
   *
   * @param n An integer seed (negative seeds use their absolute value, as in Python).
   */
  seed(n: number): void {
    const words = seedWords(n);
    this.#mt.init_by_array(words, words.length);
  }

  /** Draws 32 random bits as an unsigned integer (MT19937's `genrand_int32`). */
  #next32(): number {
    return this.#mt.random_int() >>> 0;
  }

  /**
   * Draws `k` random bits, like Python's `random.getrandbits(k)`.
   *
   * @param k Number of bits, 0 to 53.
   * @returns An integer in `[0, 2**k)`.
   */
  getrandbits(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k > 53) {
      throw new RangeError(`Cannot draw random bits: "${k}" is not an integer from 0 to 53`);
    }
    if (k === 0) return 0;
    if (k <= 32) return this.#next32() >>> (32 - k);
    // Python fills 32-bit words from the least significant one; the last is cut to size.
    const low = this.#next32();
    const high = this.#next32() >>> (64 - k);
    return high * TWO_POW_32 + low;
  }

  /**
   * Draws a float in `[0, 1)` with 53 random bits, like Python's `random.random()`.
   *
   * @returns A number `x` with `0 <= x < 1`.
   */
  random(): number {
    const a = this.#next32() >>> 5;
    const b = this.#next32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  /**
   * Draws a float between `a` and `b`, like Python's `random.uniform(a, b)`.
   *
   * @param a One end of the range.
   * @param b The other end of the range.
   * @returns `a + (b - a) * random()`.
   */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /**
   * Draws an integer `n` with `a <= n <= b`, like Python's `random.randint(a, b)`.
   *
   * @param a The smallest value (a safe integer).
   * @param b The largest value (a safe integer, `b - a` below 2**53).
   * @returns A random integer from `a` to `b`, both included.
   */
  randint(a: number, b: number): number {
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b < a) {
      throw new RangeError(`Cannot draw an integer: "${a}" to "${b}" is not a range of integers`);
    }
    const width = b - a + 1;
    if (!Number.isSafeInteger(width)) {
      throw new RangeError(`Cannot draw an integer: the range "${a}" to "${b}" is too wide`);
    }
    return a + this.#randbelow(width);
  }

  /** Python's `_randbelow_with_getrandbits(n)`: draws `bit_length(n)` bits until below `n`. */
  #randbelow(n: number): number {
    const k = bitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }
}
