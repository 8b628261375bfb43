/**
 * What lesson 09 prints, in English and French.
 *
 * @module
 */
import { type Lang, num } from "../_i18n.ts";

const plus = (s: number, lang: Lang) => `+${num(s, lang, 1)} s`;

/** The English text: the catalog's shape. */
const EN = {
  at: (s: number) => plus(s, "en"),
  errorIn: (c: string) => `Error in coro ${c}`,
  allTitle: "== Promise.all: the first failure wins, the rest are lost ==",
  caught: (e: string) => `caught ${e} -- and nothing about A or B`,
  tooLate: "A and B have failed too by now; Promise.all had already given up.",
  settledTitle: "== Promise.allSettled: every outcome (return_exceptions=True) ==",
  slowest: (s: number) => `${plus(s, "en")} (it waits for the slowest)`,
  outcome: (status: string, reason: string) => `  ${status}: ${reason}`,
  aggregateTitle: "== AggregateError: all failures, each kind handled (except*) ==",
  handled: (label: string, list: string) => `[${label} handled] ${list}`,
  anyTitle: "== Promise.any: an AggregateError when nothing succeeds ==",
  outro: "allSettled never rejects: it is the safe way to run many things that may fail.\n" +
    "Note the errors are listed in argument order (A, B, C), not in the order they happened.",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    at: (s: number) => plus(s, "fr"),
    errorIn: (c: string) => `Erreur dans la coroutine ${c}`,
    allTitle: "== Promise.all : le premier échec l'emporte, les autres sont perdus ==",
    caught: (e: string) => `on attrape ${e}, et rien sur A ni sur B`,
    tooLate: "A et B ont échoué eux aussi, entre-temps ; Promise.all avait déjà abandonné.",
    settledTitle: "== Promise.allSettled : toutes les issues (return_exceptions=True) ==",
    slowest: (s: number) => `${plus(s, "fr")} (elle attend la plus lente)`,
    outcome: (status: string, reason: string) => `  ${status} : ${reason}`,
    aggregateTitle: "== AggregateError : tous les échecs, chaque type traité à part (except*) ==",
    handled: (label: string, list: string) => `[${label} traitée] ${list}`,
    anyTitle: "== Promise.any : une AggregateError quand rien ne réussit ==",
    outro: "allSettled ne rejette jamais : c'est la façon sûre de lancer beaucoup de choses\n" +
      "qui peuvent échouer. Notez que les erreurs sont rangées dans l'ordre des arguments\n" +
      "(A, B, C), pas dans l'ordre où elles sont survenues.",
  },
};
