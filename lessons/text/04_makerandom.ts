/**
 * What lesson 04 prints, in English and French.
 *
 * @module
 */
import { type Lang, num } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  stamp: (s: number) => `[${s.toFixed(1)} s]`,
  initiated: (d: number) => `Initiated makerandom(${d}).`,
  tooLow: (d: number, n: number) => `makerandom(${d}) == ${n} too low; retrying.`,
  finished: (d: number, n: number) => `---> Finished: makerandom(${d}) == ${n}`,
  results: (r: number[]) => `r1: ${r[0]}, r2: ${r[1]}, r3: ${r[2]}`,
  outro: "Each call only waits on its own timer, so the others keep drawing meanwhile.\n" +
    "Same seed, same numbers: Random(444) draws what Python's random.seed(444) draws.",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    stamp: (s: number) => `[${num(s, "fr", 1)} s]`,
    initiated: (d: number) => `makerandom(${d}) démarre.`,
    tooLow: (d: number, n: number) => `makerandom(${d}) a tiré ${n} : trop bas, on recommence.`,
    finished: (d: number, n: number) => `---> Terminé : makerandom(${d}) == ${n}`,
    results: (r: number[]) => `r1 : ${r[0]}, r2 : ${r[1]}, r3 : ${r[2]}`,
    outro:
      "Chaque appel n'attend que son propre minuteur : pendant ce temps, les autres tirent.\n" +
      "Même graine, mêmes nombres : Random(444) tire exactement ce que tire random.seed(444) en Python.",
  },
};
