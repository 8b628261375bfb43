/**
 * The exercises, in course order: the single source of truth for their ids,
 * files, titles, points, checks and hints. Adding an exercise means adding a
 * stub, a checks module and an entry here — nothing in the engine changes.
 *
 * @module
 */
import type { LocalText } from "../grader/i18n/mod.ts";

/** One exercise of the course. */
export interface Exercise {
  /** `NN_topic`, also the stub's file name without `.ts`. */
  id: string;
  /** The stub's file name inside `exercises/`. */
  file: string;
  /** Its title, as the report shows it. */
  title: LocalText;
  /** Points it is worth (its checks add up to this). */
  points: number;
  /** URL of its checks module (`export default defineChecks([...])`). */
  checks: string;
  /** Hints from a nudge to the idea, shown one at a time by `deno task hint N`. */
  hints: readonly LocalText[];
}

const checks = (name: string) => new URL(`../grader/checks/${name}`, import.meta.url).href;

/** The course's exercises, in order. */
export const CATALOG: readonly Exercise[] = [
  {
    id: "01_gather",
    file: "01_gather.ts",
    title: {
      en: "Three slow calls: one after another, then together",
      fr: "Trois appels lents : l'un après l'autre, puis ensemble",
    },
    points: 20,
    checks: checks("01_gather.ts"),
    hints: [
      {
        en: "A non-blocking wait is a promise that `setTimeout` resolves: " +
          "`new Promise((resolve) => setTimeout(resolve, ms))`. Each fetch awaits one, then returns its list.",
        fr: "Une attente non bloquante, c'est une promesse que `setTimeout` résout : " +
          "`new Promise((resolve) => setTimeout(resolve, ms))`. Chaque fetch en attend une, puis renvoie sa liste.",
      },
      {
        en: "`await a(); await b();` waits for `a` before `b` even starts. Calling all three first and " +
          "awaiting afterwards lets their waits overlap.",
        fr: "`await a(); await b();` attend la fin de `a` avant même de lancer `b`. Appeler les trois d'abord " +
          "et attendre ensuite permet à leurs attentes de se chevaucher.",
      },
      {
        en: "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` " +
          "starts all three at once and keeps the results in argument order. Time it with " +
          "`performance.now()` before and after, divided by 1000.",
        fr: "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` " +
          "lance les trois d'un coup et garde les résultats dans l'ordre des arguments. Mesurez avec " +
          "`performance.now()` avant et après, divisé par 1000.",
      },
    ],
  },
  // @@02_downloads (entry goes here)
  // @@03_timeouts (entry goes here)
  // @@04_pipeline (entry goes here)
  // @@05_check_services (entry goes here)
];
