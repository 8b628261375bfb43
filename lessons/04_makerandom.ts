/**
 * Lesson 04 — `makerandom`: three calls taking turns.
 *
 * Each call draws an integer from 0 to 10 until it beats its threshold,
 * sleeping its own delay (1, 2 or 3 s) between tries. The three run together,
 * so their lines interleave. Seeded with 444, the draws are exactly those of
 * the Python course (see `_random.ts`), so the output matches it line by line.
 *
 * Run it: `deno run lessons/04_makerandom.ts` (or `deno task lesson 4`).
 *
 * @module
 */
import { Random } from "./_random.ts";

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const USE_COLOR = !Deno.noColor;
/** Reset, then one colour per delay: cyan, red, magenta. */
const COLORS = USE_COLOR ? ["\x1b[0m", "\x1b[36m", "\x1b[91m", "\x1b[35m"] : ["", "", "", ""];

/** Options of {@linkcode main}. */
export interface MakerandomOptions {
  /** Seed of the random generator (default 444, as in the course). */
  seed?: number;
}

/** Runs the lesson and returns the three numbers. */
export async function main(options: MakerandomOptions = {}): Promise<number[]> {
  const random = new Random(options.seed ?? 444);
  const start = performance.now();
  const stamp = () => `[${((performance.now() - start) / 1000).toFixed(1)} s]`;

  /** Draws until the number is above `threshold`, sleeping `delay` seconds between tries. */
  async function makerandom(delay: number, threshold = 6): Promise<number> {
    const color = COLORS[delay];
    console.log(`${color}${stamp()} Initiated makerandom(${delay}).${COLORS[0]}`);
    let number: number;
    // Assign and test in one expression, like Python's walrus operator.
    while ((number = random.randint(0, 10)) <= threshold) {
      console.log(
        `${color}${stamp()} makerandom(${delay}) == ${number} too low; retrying.${COLORS[0]}`,
      );
      await sleep(delay * 1000);
    }
    console.log(`${color}${stamp()} ---> Finished: makerandom(${delay}) == ${number}${COLORS[0]}`);
    return number;
  }

  // Each call starts (and draws its first number) right here, in this order.
  const [r1, r2, r3] = await Promise.all([
    makerandom(1, 9),
    makerandom(2, 8),
    makerandom(3, 8),
  ]);
  console.log(`\nr1: ${r1}, r2: ${r2}, r3: ${r3}`);
  console.log(
    "Each call only waits on its own timer, so the others keep drawing meanwhile.\n" +
      "Same seed, same numbers: Random(444) draws what Python's random.seed(444) draws.",
  );
  return [r1, r2, r3];
}

if (import.meta.main) await main();
