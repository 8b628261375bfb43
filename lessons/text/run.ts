/**
 * The words of `lessons/run.ts` and of the drawn timelines, in English and French.
 *
 * @module
 */
import type { Lang } from "../_i18n.ts";
import { sec } from "../_i18n.ts";

/** Everything `run.ts` says, in one language. */
export interface RunText {
  usage: string;
  notFound: (arg: string) => string;
  /** The titles, by lesson number. */
  titles: Record<number, string>;
  noTimeline: (n: number) => string;
  bothModes: string;
  mainLane: string;
  legend: (wait: string, mark: string) => string;
  total: (seconds: number) => string;
  sum: (seconds: number) => string;
  end: (seconds: number) => string;
}

/** The catalog. */
export const RUN_TEXT: Record<Lang, RunText> = {
  en: {
    usage: "usage: deno task lesson N [--timeline | --real] [--lang en|fr]   " +
      "(N = 1..11, 05, or part of a name like chaining)",
    notFound: (arg) => `Cannot find lesson "${arg}"`,
    titles: {
      1: "Sync vs async: one worker, many waits",
      2: "The rules of async and await",
      3: "The event loop",
      4: "makerandom: three calls taking turns",
      5: "Chaining: one step awaits the next",
      6: "Producers and consumers with a queue",
      7: "for await and await using",
      8: "The toolbox: all, allSettled, race, any",
      9: "Many errors at once",
      10: "The pitfalls, measured",
      11: "The ecosystem",
    },
    noTimeline: (n) => `Lesson ${n} does not wait on timers: there is no timeline to draw.`,
    bothModes: "Choose one of --timeline and --real.",
    mainLane: "main",
    legend: (wait, mark) => `${wait} waiting on a timer   ${mark} printed a line`,
    total: (s) => `all done: ${sec(s, "en")}`,
    sum: (s) => `the same waits one after another: ${sec(s, "en")}`,
    end: (s) => `end: ${sec(s, "en")}`,
  },
  fr: {
    usage: "usage : deno task lesson N [--timeline | --real] [--lang en|fr]   " +
      "(N = 1 à 11, 05, ou un bout de nom comme chaining)",
    notFound: (arg) => `Aucune leçon ne répond au nom « ${arg} »`,
    titles: {
      1: "Synchrone ou asynchrone : un seul joueur, beaucoup d'attentes",
      2: "Les règles d'async et d'await",
      3: "La boucle d'événements",
      4: "makerandom : trois appels qui se passent la main",
      5: "Enchaîner : chaque étape attend la précédente",
      6: "Producteurs et consommateurs autour d'une file",
      7: "for await et await using",
      8: "La boîte à outils : all, allSettled, race, any",
      9: "Plusieurs erreurs à la fois",
      10: "Les pièges, chiffres à l'appui",
      11: "L'écosystème",
    },
    noTimeline: (n) => `La leçon ${n} n'attend aucun minuteur : il n'y a pas de frise à dessiner.`,
    bothModes: "Choisissez --timeline ou --real, pas les deux.",
    mainLane: "principal",
    legend: (wait, mark) => `${wait} attend un minuteur   ${mark} affiche une ligne`,
    total: (s) => `tout est fini : ${sec(s, "fr")}`,
    sum: (s) => `les mêmes attentes l'une après l'autre : ${sec(s, "fr")}`,
    end: (s) => `fin : ${sec(s, "fr")}`,
  },
};
