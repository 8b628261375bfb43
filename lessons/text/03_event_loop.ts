/**
 * What lesson 03 prints, in English and French.
 *
 * @module
 */
import type { Lang } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  hello: "Hello...",
  world: "World!",
  runningTitle: "== A promise is already running when you hold it ==",
  routine: (p: string) => `routine is ${p}; nobody asked it to start`,
  python: "(Python: `routine = main()` is inert until asyncio.run(routine).)",
  turnTitle: "== Who runs first? One turn of the loop ==",
  timer: "4. timer (macrotask)",
  promise: "2. promise callback (microtask)",
  microtask: "3. queueMicrotask (microtask)",
  sync: "1. synchronous code",
  turn: "Synchronous code runs to the end; then every queued microtask; only then the next timer.",
  nobodyTitle: "== Nobody starts the loop, nobody stops it ==",
  nobody: "A Deno module may `await` at its top level: this file ends with `await main()`.\n" +
    "The process exits once nothing is pending: no timer, no server, no open socket.\n" +
    "That is why a forgotten setInterval keeps a program alive, and why each lesson\n" +
    "clears its timers and shuts down its servers before returning.",
  replTitle: "== Try it interactively ==",
  repl: "`deno repl` accepts await at the prompt, like `python -m asyncio`:",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    hello: "Bonjour…",
    world: "le monde !",
    runningTitle: "== Une promesse tourne déjà quand vous la tenez ==",
    routine: (p: string) => `routine vaut ${p} ; personne ne lui a demandé de démarrer`,
    python: "(En Python, `routine = main()` reste inerte jusqu'à asyncio.run(routine).)",
    turnTitle: "== Qui passe en premier ? Un tour de boucle ==",
    timer: "4. minuteur (macrotâche)",
    promise: "2. rappel de promesse (microtâche)",
    microtask: "3. queueMicrotask (microtâche)",
    sync: "1. code synchrone",
    turn: "Le code synchrone va jusqu'au bout ; puis toutes les microtâches en attente ;\n" +
      "alors seulement le minuteur suivant.",
    nobodyTitle: "== Personne ne lance la boucle, personne ne l'arrête ==",
    nobody: "Un module Deno peut utiliser `await` au niveau supérieur : ce fichier se termine\n" +
      "par `await main()`. Le processus s'arrête dès que plus rien n'est en attente :\n" +
      "ni minuteur, ni serveur, ni connexion ouverte. Voilà pourquoi un setInterval oublié\n" +
      "garde un programme en vie, et pourquoi chaque leçon arrête ses minuteurs et ses\n" +
      "serveurs avant de rendre la main.",
    replTitle: "== Essayez en direct ==",
    repl: "`deno repl` accepte await à l'invite, comme `python -m asyncio` :",
  },
};
