/**
 * What lesson 07 prints, in English and French.
 *
 * @module
 */
import { type Lang, num } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  closed: (name: string) => `  ${name}: session closed`,
  status: (url: string, status: number) => `  ${url}: status -> ${status}`,
  unreachable: (url: string) => `Cannot reach "${url}"`,
  forTitle: "== for await: values that arrive over time ==",
  powers: (values: number[], s: number) => `[${values.join(", ")}]  (${s.toFixed(1)} s)`,
  filtered: (values: number[]) =>
    `[${values.join(", ")}]  (the same values, filtered: Array.fromAsync + filter)`,
  notConcurrent:
    "A for await loop is not concurrent by itself: it takes one value at a time. It only\n" +
    "lets other work run while it waits. To run things together, use Promise.all.",
  usingTitle: "== await using: a resource closed on every path ==",
  failed: (url: string, message: string) => `  ${url}: failed (${message})`,
  stillOpen: (n: number) => `Sessions still open: ${n}`,
  outro:
    "The failing check closed its session too: `await using` awaits [Symbol.asyncDispose]()\n" +
    "at the end of the block, like Python's `async with` calls __aexit__. With --allow-net,\n" +
    "fetch() gives you the real thing: see lesson 11.",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    closed: (name: string) => `  ${name} : session fermée`,
    status: (url: string, status: number) => `  ${url} : statut -> ${status}`,
    unreachable: (url: string) => `Impossible de joindre « ${url} »`,
    forTitle: "== for await : des valeurs qui arrivent au fil du temps ==",
    powers: (values: number[], s: number) => `[${values.join(", ")}]  (${num(s, "fr", 1)} s)`,
    filtered: (values: number[]) =>
      `[${values.join(", ")}]  (les mêmes valeurs, filtrées : Array.fromAsync + filter)`,
    notConcurrent:
      "Une boucle for await n'est pas concurrente en elle-même : elle prend une valeur à la\n" +
      "fois. Elle laisse seulement le reste du programme avancer pendant qu'elle attend.\n" +
      "Pour lancer plusieurs choses ensemble, c'est Promise.all.",
    usingTitle: "== await using : une ressource fermée quoi qu'il arrive ==",
    failed: (url: string, message: string) => `  ${url} : échec (${message})`,
    stillOpen: (n: number) => `Sessions encore ouvertes : ${n}`,
    outro: "La vérification qui a échoué a fermé sa session elle aussi : `await using` attend\n" +
      "[Symbol.asyncDispose]() à la fin du bloc, comme le `async with` de Python appelle\n" +
      "__aexit__. Avec --allow-net, fetch() fait la même chose pour de vrai : voir la leçon 11.",
  },
};
