/**
 * The sections of the lessons that checks point to: a failed check prints
 * "learn: deno task lesson N — <section>" so a learner goes from a failure to
 * the part of the course that teaches it. Each key is `NN_topic#anchor`: the
 * lesson's file name without `.ts`, and the anchor of its section in
 * `lessons/README.md` and `lessons/README.fr.md` (the same anchor in both).
 *
 * @module
 */
import { type CatalogOf, defineCatalog, type Lang } from "./mod.ts";

const en = {
  "01_sync_vs_async#waiting-without-blocking": "waiting without blocking",
  "02_async_await_rules#promises-start-at-once": "a promise starts when it is made",
  "02_async_await_rules#await-gives-the-value": "`await` gives the value, not the promise",
  "03_event_loop#one-thread-many-waits": "one thread, many waits",
  "04_makerandom#tasks-take-turns": "tasks take turns at each `await`",
  "05_chaining#one-after-another": "one after another: each `await` waits for the last",
  "05_chaining#the-longest-chain": "together: the total is the longest chain, not the sum",
  "06_queue#producer-and-consumers": "a producer, consumers and a queue between them",
  "06_queue#waiting-for-an-item": "`get()` waits until an item arrives",
  "06_queue#a-full-queue-waits": "a bounded queue makes `put()` wait (backpressure)",
  "06_queue#stopping-consumers": "stopping the consumers: one sentinel each",
  "07_for_await_using#async-iterators": "`for await` and async generators",
  "07_for_await_using#cleaning-up": "`await using` and `finally`: cleaning up on every path",
  "08_toolbox#promise-all": "`Promise.all`: start everything, wait for everything",
  "08_toolbox#as-completed": "each result as it comes (as-completed)",
  "08_toolbox#racing-a-timer": "racing a timer (`Promise.race`, `AbortController`)",
  "08_toolbox#clearing-timers": "clearing the timer you started",
  "09_many_errors#first-error-wins": "`Promise.all` rejects with the first error",
  "09_many_errors#every-outcome": "`Promise.allSettled`: every outcome, success or failure",
  "10_pitfalls#blocking-the-loop": "blocking the event loop",
  "10_pitfalls#forgotten-await": "the forgotten `await`",
  "11_ecosystem#command-line-tools": "a command-line tool: arguments, output, exit codes",
  "11_ecosystem#colour-when-allowed": "colour only on a terminal, and never with `NO_COLOR`",
  "01_sync_vs_async#measuring-time": "measuring elapsed time with `performance.now()`",
  "04_makerandom#a-random-you-are-given":
    "a random source you are given (seeded: the same draws every run)",
  "08_toolbox#abort-signals":
    "stopping work with an `AbortSignal` (`signal.reason`, `AbortError` vs `TimeoutError`)",
};

/** Lesson sections by `NN_topic#anchor`, in every language. */
export const LESSON_SECTIONS: CatalogOf<typeof en> = defineCatalog(en, {
  "01_sync_vs_async#waiting-without-blocking": "attendre sans bloquer",
  "02_async_await_rules#promises-start-at-once": "une promesse démarre dès sa création",
  "02_async_await_rules#await-gives-the-value": "`await` donne la valeur, pas la promesse",
  "03_event_loop#one-thread-many-waits": "un seul fil, plusieurs attentes",
  "04_makerandom#tasks-take-turns": "les tâches se relaient à chaque `await`",
  "05_chaining#one-after-another": "l'un après l'autre : chaque `await` attend le précédent",
  "05_chaining#the-longest-chain": "ensemble : le total est la plus longue chaîne, pas la somme",
  "06_queue#producer-and-consumers": "un producteur, des consommateurs et une file entre eux",
  "06_queue#waiting-for-an-item": "`get()` attend qu'un élément arrive",
  "06_queue#a-full-queue-waits": "une file bornée fait attendre `put()` (contre-pression)",
  "06_queue#stopping-consumers": "arrêter les consommateurs : une sentinelle chacun",
  "07_for_await_using#async-iterators": "`for await` et les générateurs asynchrones",
  "07_for_await_using#cleaning-up": "`await using` et `finally` : nettoyer sur tous les chemins",
  "08_toolbox#promise-all": "`Promise.all` : tout lancer, tout attendre",
  "08_toolbox#as-completed": "chaque résultat dès qu'il arrive (as-completed)",
  "08_toolbox#racing-a-timer":
    "faire la course avec un minuteur (`Promise.race`, `AbortController`)",
  "08_toolbox#clearing-timers": "annuler le minuteur qu'on a lancé",
  "09_many_errors#first-error-wins": "`Promise.all` échoue avec la première erreur",
  "09_many_errors#every-outcome": "`Promise.allSettled` : chaque issue, succès ou échec",
  "10_pitfalls#blocking-the-loop": "bloquer la boucle d'événements",
  "10_pitfalls#forgotten-await": "le `await` oublié",
  "11_ecosystem#command-line-tools":
    "un outil en ligne de commande : arguments, sortie, codes de sortie",
  "11_ecosystem#colour-when-allowed":
    "la couleur seulement dans un terminal, et jamais avec `NO_COLOR`",
  "01_sync_vs_async#measuring-time": "mesurer le temps écoulé avec `performance.now()`",
  "04_makerandom#a-random-you-are-given":
    "une source de hasard qu'on vous donne (avec graine : les mêmes tirages à chaque fois)",
  "08_toolbox#abort-signals":
    "arrêter un travail avec un `AbortSignal` (`signal.reason`, `AbortError` ou `TimeoutError`)",
});

/** A key of {@linkcode LESSON_SECTIONS}: `NN_topic#anchor`. */
export type LessonSection = keyof typeof en;

/** The words around a lesson section, in every language. */
export const LESSON_TEXT: CatalogOf<{
  learn: (p: { command: string; title: string }) => string;
  link: string;
  section: (p: { n: number; title: string }) => string;
}> = defineCatalog({
  learn: (p: { command: string; title: string }) => `learn: ${p.command} — ${p.title}`,
  link: "learn",
  section: (p: { n: number; title: string }) => `lesson ${p.n} — ${p.title}`,
}, {
  learn: (p) => `à lire\u00a0: ${p.command} — ${p.title}`,
  link: "à lire",
  section: (p) => `leçon ${p.n} — ${p.title}`,
});

/** A lesson section key taken apart. */
export interface LessonRef {
  /** The key, `08_toolbox#racing-a-timer`. */
  key: string;
  /** The lesson's file name without `.ts`, `08_toolbox`. */
  lesson: string;
  /** The lesson's number, `8`. */
  n: number;
  /** The section's anchor in both lesson READMEs, `racing-a-timer`. */
  anchor: string;
}

/** Takes a key apart (`NN_topic#anchor`), or `null` when it is not one. */
export function lessonRef(key: string): LessonRef | null {
  const m = /^((\d\d)_[a-z0-9_]+)#([a-z0-9][a-z0-9-]*)$/.exec(key);
  return m ? { key, lesson: m[1], n: Number(m[2]), anchor: m[3] } : null;
}

/** A section's title in `lang` (as written in the catalog, backticks included), or `null`. */
export function lessonTitle(key: string, lang: Lang): string | null {
  const titles = LESSON_SECTIONS[lang] as Readonly<Record<string, string>>;
  return Object.hasOwn(titles, key) ? titles[key] : null;
}

/** The command that runs a lesson in `lang`: `deno task lesson 8` (`… --lang fr` in French). */
export function lessonCommand(n: number, lang: Lang, task = "deno task"): string {
  return `${task} lesson ${n}${lang === "en" ? "" : ` --lang ${lang}`}`;
}

/**
 * The line a failure ends with, pointing to the section that teaches its
 * idea: `learn: deno task lesson 8 — racing a timer (Promise.race,
 * AbortController)`; `null` for a key that names no known section.
 */
export function lessonLine(key: string, lang: Lang, task = "deno task"): string | null {
  const ref = lessonRef(key);
  const title = lessonTitle(key, lang);
  if (ref === null || title === null) return null;
  return LESSON_TEXT[lang].learn({
    command: lessonCommand(ref.n, lang, task),
    title: title.replaceAll("`", ""),
  });
}

/** The lesson README of a language, from the repository's root: `lessons/README.fr.md`. */
export function lessonReadme(lang: Lang): string {
  return lang === "en" ? "lessons/README.md" : `lessons/README.${lang}.md`;
}

/** Where a section is read on the web: `<base>lessons/README.md#anchor` (`base` ends with `/`). */
export function lessonUrl(key: string, lang: Lang, base = ""): string | null {
  const ref = lessonRef(key);
  return ref === null ? null : `${base}${lessonReadme(lang)}#${ref.anchor}`;
}
