/**
 * Durations as a learner reads them: virtual milliseconds in seconds, in
 * both languages, at a precision that shows a difference. Checks use them
 * through `ctx.sec` / `ctx.secPair` or import them from `grader/toolkit.ts`.
 *
 * ```ts ignore
 * const p = ctx.secPair(2000, run.elapsedMs); // 2030 → "2.000 s" / "2.030 s"
 * ctx.fail(msg("late", { gap: p.gap! }), { expected: p.expected, actual: p.actual });
 * ```
 *
 * @module
 */
import { formatSeconds, joinTexts, type Lang, type LocalText } from "./i18n/mod.ts";
import { FEEDBACK } from "./i18n/feedback.ts";

/**
 * Virtual milliseconds as seconds in both languages, at `digits` decimals
 * (default 1): `{ en: "3.0 s", fr: "3,0 s" }`.
 *
 * @example
 * ```ts
 * import { sec } from "./durations.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(sec(2500), { en: "2.5 s", fr: "2,5 s" });
 * ```
 */
export function sec(ms: number, digits = 1): LocalText {
  return { en: formatSeconds(ms, "en", digits), fr: formatSeconds(ms, "fr", digits) };
}

/** What {@linkcode secPair} gives: both sides, ready for `ctx.fail`'s `expected`/`actual`. */
export interface SecPair {
  /** The expected duration(s), at {@linkcode SecPair.digits}. */
  expected: LocalText;
  /** The observed duration(s), at the same precision. */
  actual: LocalText;
  /** Decimals used (1 to 3): 3 when some difference is under 0.1 s. */
  digits: number;
  /**
   * For two single durations that differ: `30 ms late` / `30 ms en retard`
   * (or `early`), in ms under a second, in seconds beyond; else `null`.
   */
  gap: LocalText | null;
}

/**
 * One precision for durations compared: milliseconds (3 decimals) when two
 * of them differ by less than 0.1 s — a 30 ms lag reads `2.000 s` against
 * `2.030 s`, never `2.0 s` against `2.0 s` — else the fewest decimals (1 to
 * 3) that write every value exactly: `2.0 s` against `2.5 s`, `2.00 s`
 * against `2.15 s`.
 */
export function secDigits(pairs: readonly (readonly [number, number])[]): number {
  if (pairs.some(([a, b]) => a !== b && Math.abs(a - b) < 100)) return 3;
  const values = pairs.flat().map((ms) => Math.round(ms));
  return values.every((ms) => ms % 100 === 0) ? 1 : values.every((ms) => ms % 10 === 0) ? 2 : 3;
}

/**
 * An expected/observed pair of durations (virtual ms) in both languages, one
 * precision for both sides and every item; lists keep the order given (pair
 * them item by item before calling: the nth expected with the nth observed).
 *
 * @example A 30 ms lag
 * ```ts
 * import { secPair } from "./durations.ts";
 * import assert from "node:assert/strict";
 * const p = secPair(2000, 2030);
 * assert.equal(p.expected.en, "2.000 s");
 * assert.equal(p.actual.fr, "2,030 s");
 * assert.equal(p.gap?.en, "30 ms late");
 * ```
 */
export function secPair(
  expectedMs: number | readonly number[],
  observedMs: number | readonly number[],
): SecPair {
  const want = typeof expectedMs === "number" ? [expectedMs] : [...expectedMs];
  const got = typeof observedMs === "number" ? [observedMs] : [...observedMs];
  const pairs = want.slice(0, Math.min(want.length, got.length))
    .map((w, i) => [w, got[i]] as const);
  const digits = secDigits(pairs);
  const list = (items: number[]): LocalText =>
    joinTexts(
      items.map((ms) => ({
        en: formatSeconds(ms, "en", digits),
        fr: formatSeconds(ms, "fr", digits),
      })),
      LIST_SEPARATOR,
    );
  let gap: LocalText | null = null;
  if (
    typeof expectedMs === "number" && typeof observedMs === "number" && expectedMs !== observedMs
  ) {
    const diff = Math.abs(observedMs - expectedMs);
    const late = observedMs > expectedMs;
    gap = {
      en: FEEDBACK.en.gap({ amount: durationText(diff, "en"), late }),
      fr: FEEDBACK.fr.gap({ amount: durationText(diff, "fr"), late }),
    };
  }
  return { expected: list(want), actual: list(got), digits, gap };
}

/** Between the items of a list of durations (a comma would be a decimal point in French). */
const LIST_SEPARATOR: LocalText = { en: ", ", fr: " ; " };

/** `30 ms` under a second, `1.25 s` beyond (trailing zeros dropped). */
function durationText(ms: number, lang: Lang): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const digits = ms % 1000 === 0 ? 1 : ms % 100 === 0 ? 1 : ms % 10 === 0 ? 2 : 3;
  return formatSeconds(ms, lang, digits);
}
