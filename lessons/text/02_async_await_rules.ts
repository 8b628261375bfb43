/**
 * What lesson 02 prints, in English and French.
 *
 * @module
 */
import type { Lang } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  rule1: "== Rule 1: await lives inside async functions ==",
  refused: "Outside one, the parser refuses it before anything runs:",
  topLevel:
    "  (At the top level of a module, await is allowed: this file's last line awaits main().)",
  rule2: "== Rule 2: async generators yield values over time ==",
  rule3: "== Rule 3: yield* is allowed (Python's `yield from` is not, in async def) ==",
  rule4: "== Rule 4: you can await anything ==",
  await42: (v: number) => `await 42 -> ${v} (a plain value is wrapped in a resolved promise)`,
  awaitables: "Python accepts only awaitables (coroutines, tasks, objects with __await__).",
  rule5: "== Rule 5 (differs from Python): calling an async function starts it ==",
  bodyStarts: "body starts",
  callReturned: "call returned",
  bodyResumes: "body resumes",
  order: (steps: string[]) => `order: ${steps.join(" -> ")}`,
  eager: "The body ran up to its first await during the call itself. In Python, calling an" +
    "\nasync def builds an inert coroutine object that does nothing until awaited or scheduled.",
  rule6: "== Rule 6: a forgotten await gives you the promise, not the value ==",
  without: (p: string) => `double(5) without await -> ${p}`,
  withAwait: (v: number) => `double(5) with await    -> ${v}`,
  typescript: "TypeScript usually catches this: a Promise<number> is not a number.",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    rule1: "== Règle 1 : await s'écrit dans une fonction async ==",
    refused: "Ailleurs, l'analyseur le refuse avant même que quoi que ce soit ne s'exécute :",
    topLevel: "  (Au niveau supérieur d'un module, await est permis : la dernière ligne de ce " +
      "fichier\n  attend main().)",
    rule2: "== Règle 2 : un générateur async produit ses valeurs au fil du temps ==",
    rule3:
      "== Règle 3 : yield* est permis (le `yield from` de Python ne l'est pas dans un async def) ==",
    rule4: "== Règle 4 : on peut attendre n'importe quoi ==",
    await42: (v: number) =>
      `await 42 -> ${v} (une valeur ordinaire est enveloppée dans une promesse déjà tenue)`,
    awaitables: "Python n'accepte que des awaitables (coroutines, tâches, objets dotés de " +
      "__await__).",
    rule5: "== Règle 5 (différente en Python) : appeler une fonction async la démarre ==",
    bodyStarts: "le corps commence",
    callReturned: "l'appel rend la main",
    bodyResumes: "le corps reprend",
    order: (steps: string[]) => `ordre : ${steps.join(" -> ")}`,
    eager: "Le corps a tourné jusqu'à son premier await pendant l'appel lui-même. En Python," +
      "\nappeler un async def fabrique un objet coroutine inerte, qui ne fait rien tant qu'on" +
      "\nne l'attend pas ou qu'on ne le planifie pas.",
    rule6: "== Règle 6 : un await oublié vous donne la promesse, pas la valeur ==",
    without: (p: string) => `double(5) sans await -> ${p}`,
    withAwait: (v: number) => `double(5) avec await -> ${v}`,
    typescript: "TypeScript le repère en général : une Promise<number> n'est pas un number.",
  },
};
