/**
 * What lesson 08 prints, in English and French.
 *
 * @module
 */
import { type Lang, num } from "../_i18n.ts";

const plus = (s: number, lang: Lang) => `+${num(s, lang, 1)} s`;

/** The English text: the catalog's shape. */
const EN = {
  at: (s: number) => plus(s, "en"),
  allTitle: "== Promise.all: asyncio.gather ==",
  inOrder: (json: string) => `results in argument order: ${json}`,
  startTitle: "== Starting without awaiting: asyncio.create_task ==",
  taskIs: (p: string, done: boolean) => `task is ${p}, done = ${done}`,
  meanwhile: "...free to do something else meanwhile...",
  awaited: (json: string, done: boolean) => `await task -> ${json}, done = ${done}`,
  noCreateTask:
    "No create_task needed: the call started it. And unlike asyncio, which cancels tasks\n" +
    "still pending when asyncio.run() ends, Deno keeps the process alive until their timers\n" +
    "fire. A rejection nobody handles ends the whole program: await what you start.",
  completedTitle: "== As completed: fastest result first ==",
  start: "Start: +0.0 s",
  completed: (json: string, s: number) => `result: ${json} completed at ${plus(s, "en")}`,
  end: (s: number) => `End: ${plus(s, "en")}`,
  completedOutro:
    "Each result was handled when it arrived, not in start order. Exercise 02 turns this\n" +
    "into a `for await` loop: an asCompleted() async iterator of your own.",
  settledTitle: "== Promise.allSettled: every outcome, failures included ==",
  fulfilled: (v: string) => `  fulfilled: ${v}`,
  rejected: (m: string) => `  rejected:  ${m}`,
  broke: "B broke",
  raceTitle: "== Promise.race: the first to settle, success or failure ==",
  slow: "slow",
  fast: "fast",
  fastFailure: "fast failure",
  race: (v: string) => `  race -> ${v}`,
  raceRejected: (m: string) => `  race -> rejected with "${m}" (a failure can win)`,
  anyTitle: "== Promise.any: the first success; fails only if all fail ==",
  mirror: (n: number, down: boolean) => `mirror ${n}${down ? " down" : ""}`,
  any: (v: string) => `  any -> ${v}`,
  losers: "The losers of race and any kept running to the end: a promise cannot be cancelled.",
  cancelTitle: "== Cancelling: only with an AbortSignal ==",
  noLonger: "no longer needed",
  jobLane: "a 5 s job",
  abortLane: "abort after 1 s",
  stopped: (s: number, m: string) => `  a 5 s job stopped after ${s.toFixed(1)} s: ${m}`,
  cancelOutro:
    "asyncio's task.cancel() has no JavaScript twin: the work itself must accept a signal\n" +
    "and give up when it fires. fetch(), Deno.serve and most modern APIs take one.",
  reasonsTitle: "Why a signal aborted is its reason, the error the work rejects with:",
  reason: (how: string, name: string) =>
    `  ${how.padEnd(32)} -> signal.reason is ${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`,
  reasonsOutro:
    "A deadline is a race: the work against a timer that rejects (or aborts the signal) when\n" +
    "time is up. Whoever wins, clear the timer you started (clearTimeout in a finally).",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    at: (s: number) => plus(s, "fr"),
    allTitle: "== Promise.all : l'asyncio.gather de JavaScript ==",
    inOrder: (json: string) => `résultats dans l'ordre des arguments : ${json}`,
    startTitle: "== Lancer sans attendre : l'équivalent d'asyncio.create_task ==",
    taskIs: (p: string, done: boolean) => `task vaut ${p}, done = ${done}`,
    meanwhile: "… on peut faire autre chose en attendant…",
    awaited: (json: string, done: boolean) => `await task -> ${json}, done = ${done}`,
    noCreateTask:
      "Pas besoin de create_task : l'appel l'a déjà lancée. Et contrairement à asyncio, qui\n" +
      "annule les tâches encore en cours quand asyncio.run() se termine, Deno garde le\n" +
      "processus en vie jusqu'à ce que leurs minuteurs sonnent. Un rejet que personne ne\n" +
      "traite arrête tout le programme : attendez ce que vous lancez.",
    completedTitle: "== Au fil des résultats : le plus rapide d'abord ==",
    start: "Début : +0,0 s",
    completed: (json: string, s: number) => `résultat : ${json} obtenu à ${plus(s, "fr")}`,
    end: (s: number) => `Fin : ${plus(s, "fr")}`,
    completedOutro:
      "Chaque résultat a été traité à son arrivée, pas dans l'ordre de lancement. L'exercice 02\n" +
      "en fait une boucle `for await` : un itérateur asynchrone asCompleted() écrit par vous.",
    settledTitle: "== Promise.allSettled : toutes les issues, échecs compris ==",
    fulfilled: (v: string) => `  tenue :   ${v}`,
    rejected: (m: string) => `  rejetée : ${m}`,
    broke: "B a planté",
    raceTitle: "== Promise.race : la première à se régler, succès ou échec ==",
    slow: "lent",
    fast: "rapide",
    fastFailure: "échec rapide",
    race: (v: string) => `  race -> ${v}`,
    raceRejected: (m: string) => `  race -> rejetée avec « ${m} » (un échec peut gagner)`,
    anyTitle: "== Promise.any : le premier succès ; n'échoue que si tout échoue ==",
    mirror: (n: number, down: boolean) => `miroir ${n}${down ? " en panne" : ""}`,
    any: (v: string) => `  any -> ${v}`,
    losers: "Les perdants de race et de any ont continué jusqu'au bout : une promesse ne\n" +
      "s'annule pas.",
    cancelTitle: "== Annuler : seulement avec un AbortSignal ==",
    noLonger: "on n'en a plus besoin",
    jobLane: "travail de 5 s",
    abortLane: "abandon après 1 s",
    stopped: (s: number, m: string) =>
      `  un travail de 5 s arrêté au bout de ${num(s, "fr", 1)} s : ${m}`,
    cancelOutro:
      "Le task.cancel() d'asyncio n'a pas de jumeau en JavaScript : c'est le travail lui-même\n" +
      "qui doit accepter un signal et abandonner quand il se déclenche. fetch(), Deno.serve\n" +
      "et la plupart des API modernes en acceptent un.",
    reasonsTitle:
      "Pourquoi un signal s'est interrompu, c'est sa raison, l'erreur que rejette le travail :",
    reason: (how: string, name: string) => `  ${how.padEnd(32)} -> signal.reason est une ${name}`,
    reasonsOutro:
      "Une échéance, c'est une course : le travail contre un minuteur qui rejette (ou\n" +
      "interrompt le signal) quand le temps est écoulé. Quel que soit le gagnant, annulez le\n" +
      "minuteur lancé (clearTimeout dans un finally).",
  },
};
