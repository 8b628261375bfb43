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
import { lane } from "./_lanes.ts";
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/04_makerandom.ts";

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
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson and returns the three numbers. */
export async function main(options: MakerandomOptions = {}): Promise<number[]> {
  const random = new Random(options.seed ?? 444);
  const t = TEXT[options.lang ?? lessonLang()];
  const start = performance.now();
  const stamp = () => t.stamp((performance.now() - start) / 1000);

  /** Draws until the number is above `threshold`, sleeping `delay` seconds between tries. */
  async function makerandom(delay: number, threshold = 6): Promise<number> {
    const color = COLORS[delay];
    console.log(`${color}${stamp()} ${t.initiated(delay)}${COLORS[0]}`);
    let number: number;
    // Assign and test in one expression, like Python's walrus operator.
    while ((number = random.randint(0, 10)) <= threshold) {
      console.log(`${color}${stamp()} ${t.tooLow(delay, number)}${COLORS[0]}`);
      await sleep(delay * 1000);
    }
    console.log(`${color}${stamp()} ${t.finished(delay, number)}${COLORS[0]}`);
    return number;
  }

  // Each call starts (and draws its first number) right here, in this order.
  // (lane() only names each call for `deno task lesson 4 --timeline`.)
  const [r1, r2, r3] = await Promise.all([
    lane("makerandom(1)", () => makerandom(1, 9)),
    lane("makerandom(2)", () => makerandom(2, 8)),
    lane("makerandom(3)", () => makerandom(3, 8)),
  ]);
  console.log(`\n${t.results([r1, r2, r3])}`);
  console.log(t.outro);
  return [r1, r2, r3];
}

if (import.meta.main) await main();
