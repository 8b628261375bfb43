/**
 * The words reports and hints use, explained for a beginner in every
 * language, each pointing to the lesson section that teaches it:
 * `deno task hint --explain TERM` prints one. Also the sentences of
 * `deno task hint` that start from the first failing check.
 *
 * @module
 */
import { type CatalogOf, defineCatalog, type Lang } from "./mod.ts";
import type { LessonSection } from "./lessons.ts";

/** One term in one language: its name, other names it is looked up by, and what it means. */
export interface TermText {
  /** The term as a heading shows it. */
  term: string;
  /** Other spellings `--explain` accepts (code names, plurals, the other half of a pair). */
  aliases: readonly string[];
  /** The explanation, a few sentences. */
  text: string;
}

/** A term of the glossary, in every language. */
export interface GlossaryEntry {
  /** The lesson section that teaches it (a key of `grader/i18n/lessons.ts`). */
  lesson: LessonSection;
  en: TermText;
  fr: TermText;
}

/** The glossary, by a stable id (the English name, kebab-case). */
export const GLOSSARY: Readonly<Record<string, GlossaryEntry>> = {
  "promise": {
    lesson: "02_async_await_rules#promises-start-at-once",
    en: {
      term: "promise",
      aliases: ["Promise", "pending", "settled", "resolve", "reject", "rejection"],
      text:
        "An object standing for a result that is not there yet. It is pending, then settles once: fulfilled with a value or rejected with an error. An async function returns one at once, and its work is already running.",
    },
    fr: {
      term: "promesse",
      aliases: ["Promise", "en attente", "réglée", "résolue", "rejetée", "rejet"],
      text:
        "Un objet qui tient la place d'un résultat pas encore disponible. Elle est en attente, puis se règle une seule fois : tenue avec une valeur ou rejetée avec une erreur. Une fonction async en renvoie une aussitôt, et son travail a déjà commencé.",
    },
  },
  "await": {
    lesson: "02_async_await_rules#await-gives-the-value",
    en: {
      term: "await",
      aliases: ["async", "async function"],
      text:
        "`await p` pauses the current async function until the promise `p` settles, then gives its value or throws its error. Other code runs meanwhile. Without it you hold the promise itself, not its value.",
    },
    fr: {
      term: "await",
      aliases: ["async", "fonction async", "fonction asynchrone"],
      text:
        "`await p` met en pause la fonction async en cours jusqu'à ce que la promesse `p` soit réglée, puis donne sa valeur ou lève son erreur. D'autre code s'exécute entre-temps. Sans lui, on tient la promesse elle-même, pas sa valeur.",
    },
  },
  "event-loop": {
    lesson: "03_event_loop#one-thread-many-waits",
    en: {
      term: "event loop",
      aliases: ["loop", "microtask", "thread"],
      text:
        "What runs your program's pieces one at a time on one thread: the synchronous code, then every promise callback (microtasks), then the next due timer or I/O event, again and again until nothing is left to wait for.",
    },
    fr: {
      term: "boucle d'événements",
      aliases: ["event loop", "boucle", "microtâche", "fil"],
      text:
        "Ce qui exécute les morceaux de votre programme un par un sur un seul fil : le code synchrone, puis chaque rappel de promesse (microtâches), puis le prochain minuteur ou événement d'entrée-sortie dû, et ainsi de suite jusqu'à ce qu'il n'y ait plus rien à attendre.",
    },
  },
  "concurrent-vs-parallel": {
    lesson: "03_event_loop#one-thread-many-waits",
    en: {
      term: "concurrent vs parallel",
      aliases: ["concurrent", "concurrency", "parallel", "parallelism", "sequential"],
      text:
        "Concurrent: several tasks in progress at once, taking turns at each `await` on one thread (their waits overlap). Parallel: running at the same instant on several cores (a Worker). Sequential: one after another, each waiting for the last. Concurrent calls take as long as the longest; sequential ones, the sum.",
    },
    fr: {
      term: "concurrent ou parallèle",
      aliases: [
        "concurrent",
        "concurrence",
        "parallèle",
        "parallélisme",
        "séquentiel",
        "concurrent vs parallel",
      ],
      text:
        "Concurrent : plusieurs tâches en cours à la fois, qui se relaient à chaque `await` sur un seul fil (leurs attentes se recouvrent). Parallèle : exécutées au même instant sur plusieurs cœurs (un Worker). Séquentiel : l'une après l'autre, chacune attendant la précédente. Des appels concurrents durent autant que le plus long ; des appels séquentiels, la somme.",
    },
  },
  "timeout": {
    lesson: "08_toolbox#racing-a-timer",
    en: {
      term: "timeout",
      aliases: ["deadline", "time limit", "wait_for"],
      text:
        "A deadline after which you stop waiting. A promise cannot be cancelled, so you race it against a timer of your own that rejects at the deadline (`Promise.race`), and abort the work through its `AbortSignal` if it listens.",
    },
    fr: {
      term: "délai (timeout)",
      aliases: ["timeout", "délai", "échéance", "délai maximal", "wait_for"],
      text:
        "Une échéance après laquelle on cesse d'attendre. Une promesse ne s'annule pas : on la fait courir contre un minuteur à soi qui est rejeté à l'échéance (`Promise.race`), et on interrompt le travail par son `AbortSignal` s'il l'écoute.",
    },
  },
  "timeouterror-vs-aborterror": {
    lesson: "08_toolbox#racing-a-timer",
    en: {
      term: "TimeoutError vs AbortError",
      aliases: ["TimeoutError", "AbortError", "DOMException", "abort reason"],
      text:
        '`TimeoutError` means "too late": `AbortSignal.timeout(ms)` aborts with one, and you can make one with `new DOMException("too slow", "TimeoutError")`. `AbortError` means "stopped on purpose": `controller.abort()` with no reason aborts with one. `controller.abort(reason)` aborts with your reason instead; the error a call rejects with is the signal\'s `reason`.',
    },
    fr: {
      term: "TimeoutError ou AbortError",
      aliases: ["TimeoutError", "AbortError", "DOMException", "raison"],
      text:
        '`TimeoutError` veut dire « trop tard » : `AbortSignal.timeout(ms)` s\'interrompt avec une telle erreur, et on peut en créer une avec `new DOMException("trop lent", "TimeoutError")`. `AbortError` veut dire « arrêté exprès » : `controller.abort()` sans raison interrompt avec une telle erreur. `controller.abort(raison)` interrompt avec votre raison à la place ; l\'erreur d\'un appel rejeté est la `reason` du signal.',
    },
  },
  "abortcontroller": {
    lesson: "08_toolbox#racing-a-timer",
    en: {
      term: "AbortController / AbortSignal",
      aliases: ["AbortController", "AbortSignal", "signal", "abort", "cancel", "cancellation"],
      text:
        'The way to ask running work to stop. You keep the `AbortController` and hand its `signal` to the work; `controller.abort()` sets `signal.aborted`, stores `signal.reason` and fires the signal\'s `abort` event, which the work listens to (`signal.addEventListener("abort", …)`) to stop and reject.',
    },
    fr: {
      term: "AbortController / AbortSignal",
      aliases: ["AbortController", "AbortSignal", "signal", "abort", "annuler", "annulation"],
      text:
        "Le moyen de demander à un travail en cours de s'arrêter. Vous gardez l'`AbortController` et passez son `signal` au travail ; `controller.abort()` met `signal.aborted` à vrai, range `signal.reason` et déclenche l'événement `abort` du signal, que le travail écoute (`signal.addEventListener(\"abort\", …)`) pour s'arrêter et rejeter.",
    },
  },
  "sentinel": {
    lesson: "06_queue#stopping-consumers",
    en: {
      term: "sentinel",
      aliases: ["sentinels", "end marker", "poison pill"],
      text:
        'A special value (often `null`) put into a queue to mean "no more items": a consumer that takes it stops. One per consumer, since each takes only one.',
    },
    fr: {
      term: "sentinelle",
      aliases: ["sentinelles", "sentinel", "marqueur de fin"],
      text:
        "Une valeur spéciale (souvent `null`) déposée dans une file pour dire « plus d'élément » : le consommateur qui la reçoit s'arrête. Une par consommateur, puisque chacun n'en prend qu'une.",
    },
  },
  "backpressure": {
    lesson: "06_queue#a-full-queue-waits",
    en: {
      term: "backpressure",
      aliases: ["bounded queue", "maxsize", "full queue", "highWaterMark"],
      text:
        "When a full queue makes its producer wait (`await put()`) until a consumer takes an item: the producer slows to the consumers' pace instead of piling items up in memory.",
    },
    fr: {
      term: "contre-pression",
      aliases: ["backpressure", "file bornée", "file pleine", "maxsize", "highWaterMark"],
      text:
        "Quand une file pleine fait attendre son producteur (`await put()`) jusqu'à ce qu'un consommateur retire un élément : le producteur se cale sur le rythme des consommateurs au lieu d'entasser les éléments en mémoire.",
    },
  },
  "deadlock": {
    lesson: "06_queue#stopping-consumers",
    en: {
      term: "deadlock",
      aliases: ["never ends", "stuck", "hangs", "waits forever"],
      text:
        "A program still waiting with nothing left that could wake it up: no timer, no I/O, only promises nobody will ever settle (a consumer waiting for an item that never comes, a `put()` on a full queue nobody reads). The grader sees it at once in virtual time.",
    },
    fr: {
      term: "interblocage",
      aliases: ["deadlock", "blocage", "ne finit jamais", "bloqué", "attend pour toujours"],
      text:
        "Un programme qui attend encore alors que plus rien ne peut le réveiller : ni minuteur, ni entrée-sortie, seulement des promesses que personne ne réglera (un consommateur qui attend un élément qui ne viendra pas, un `put()` sur une file pleine que personne ne lit). Le correcteur le voit aussitôt en temps virtuel.",
    },
  },
  "pending-timer": {
    lesson: "08_toolbox#clearing-timers",
    en: {
      term: "pending timer",
      aliases: ["timer", "setTimeout", "clearTimeout", "leaked timer", "timers"],
      text:
        "A `setTimeout` that has not fired yet. One you no longer need keeps its callback and keeps the program alive until it fires: clear it with `clearTimeout(id)`, best in a `finally`. The grader counts those left when your function returns.",
    },
    fr: {
      term: "minuteur en attente",
      aliases: ["minuteur", "minuteurs", "setTimeout", "clearTimeout", "timer", "pending timer"],
      text:
        "Un `setTimeout` qui ne s'est pas encore déclenché. S'il ne sert plus, il garde son rappel et maintient le programme en vie jusqu'à son déclenchement : annulez-le avec `clearTimeout(id)`, de préférence dans un `finally`. Le correcteur compte ceux qui restent quand votre fonction a rendu la main.",
    },
  },
  "nan": {
    lesson: "11_ecosystem#command-line-tools",
    en: {
      term: "NaN",
      aliases: ["Number.isNaN", "not a number", "Number()"],
      text:
        '"Not a number": what `Number("soon")` or `parseFloat("")` gives. It is not equal even to itself and passes every `x > 0` test as false, so a value read from the command line must be checked with `Number.isFinite(x)` before it is used as a number of seconds.',
    },
    fr: {
      term: "NaN",
      aliases: ["Number.isNaN", "pas un nombre", "Number()"],
      text:
        '« Not a number », pas un nombre : ce que donnent `Number("bientôt")` ou `parseFloat("")`. Il n\'est même pas égal à lui-même et rend faux tout test `x > 0` : une valeur lue sur la ligne de commande doit donc être vérifiée avec `Number.isFinite(x)` avant de servir de nombre de secondes.',
    },
  },
  "exit-code": {
    lesson: "11_ecosystem#command-line-tools",
    en: {
      term: "exit code",
      aliases: ["exit status", "Deno.exit", "status code", "exit"],
      text:
        "The number a program ends with, which scripts and CI read: 0 means success, 1 that something it checked failed, 2 a usage error (a bad option). Set it with `Deno.exit(code)`, or return it from `main()` when the exercise asks for that.",
    },
    fr: {
      term: "code de sortie",
      aliases: ["exit code", "statut de sortie", "Deno.exit", "exit"],
      text:
        "Le nombre avec lequel un programme se termine, que lisent les scripts et l'intégration continue : 0 pour un succès, 1 quand une vérification a échoué, 2 pour une erreur d'usage (une option invalide). On le fixe avec `Deno.exit(code)`, ou en le renvoyant de `main()` quand l'exercice le demande.",
    },
  },
  "virtual-time": {
    lesson: "03_event_loop#one-thread-many-waits",
    en: {
      term: "virtual time",
      aliases: ["virtual clock", "fake timers", "simulated time"],
      text:
        "The grader's clock. Your code runs with fake timers: when every task is waiting, the clock jumps straight to the next timer, so a 3 s wait takes no real time and durations are measured exactly (3.000 s, not 3.004 s). Code that blocks the thread does not advance it; only timers do.",
    },
    fr: {
      term: "temps virtuel",
      aliases: ["virtual time", "horloge virtuelle", "faux minuteurs", "temps simulé"],
      text:
        "L'horloge du correcteur. Votre code s'exécute avec de faux minuteurs : quand toutes les tâches attendent, l'horloge saute directement au minuteur suivant, si bien qu'une attente de 3 s ne prend aucun temps réel et que les durées sont mesurées exactement (3,000 s, pas 3,004 s). Du code qui bloque le fil ne la fait pas avancer ; seuls les minuteurs le font.",
    },
  },
  "unhandled-rejection": {
    lesson: "10_pitfalls#forgotten-await",
    en: {
      term: "unhandled rejection",
      aliases: ["uncaught", "unhandled", "floating promise"],
      text:
        "A promise that rejected while nobody was waiting for it (no `await`, no `.catch`): its error reaches no `try`/`catch` and, in Deno, ends the program. It usually means an `await` is missing.",
    },
    fr: {
      term: "rejet non traité",
      aliases: ["unhandled rejection", "non traité", "promesse flottante"],
      text:
        "Une promesse rejetée alors que personne ne l'attendait (ni `await`, ni `.catch`) : son erreur n'atteint aucun `try`/`catch` et, avec Deno, met fin au programme. Le plus souvent, il manque un `await`.",
    },
  },
  "async-iterator": {
    lesson: "07_for_await_using#async-iterators",
    en: {
      term: "async iterator",
      aliases: ["for await", "async generator", "Symbol.asyncIterator", "iterator", "done"],
      text:
        "An object that gives values over time: its `next()` returns a promise of `{ value, done }`, and `for await` calls it until `done` is true. An `async function*` makes one; so does any object with a `[Symbol.asyncIterator]()` method.",
    },
    fr: {
      term: "itérateur asynchrone",
      aliases: ["async iterator", "for await", "générateur asynchrone", "Symbol.asyncIterator"],
      text:
        "Un objet qui fournit des valeurs au fil du temps : son `next()` renvoie une promesse de `{ value, done }`, et `for await` l'appelle jusqu'à ce que `done` soit vrai. Une `async function*` en fabrique un, tout comme n'importe quel objet doté d'une méthode `[Symbol.asyncIterator]()`.",
    },
  },
};

/** Lower case, accents and punctuation dropped: how `--explain` compares names. */
function folded(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** The entry a name designates, in any language (`sentinelle`, `TimeoutError`…), or `null`. */
export function findTerm(name: string): string | null {
  const wanted = folded(name);
  if (wanted === "") return null;
  const ids = Object.keys(GLOSSARY);
  const names = (id: string) => {
    const e = GLOSSARY[id];
    return [id, e.en.term, e.fr.term, ...e.en.aliases, ...e.fr.aliases].map(folded);
  };
  // An exact name first, then a name that starts with what was typed.
  return ids.find((id) => names(id).includes(wanted)) ??
    ids.find((id) => names(id).some((n) => n.startsWith(wanted))) ?? null;
}

/** The terms as `--explain` lists them, in `lang`, sorted. */
export function termList(lang: Lang): string[] {
  return Object.values(GLOSSARY).map((e) => e[lang].term).sort((a, b) => a.localeCompare(b, lang));
}

/** The sentences of `deno task hint` that are not the hints themselves. */
export const HINT_TEXT: CatalogOf<{
  usage: string;
  firstFailing: (p: { title: string }) => string;
  allPass: (p: { n: string }) => string;
  notGraded: string;
  explainTip: (p: { task: string }) => string;
  unknownTerm: (p: { name: string }) => string;
  termsHeading: string;
}> = defineCatalog({
  usage:
    "Usage: deno task hint N [--reset] [--dir DIR] [--lang en|fr]   (N: 1, 01, 01_gather or gather)\n" +
    "       deno task hint --explain TERM [--lang en|fr]           (a word of the reports explained)",
  firstFailing: (p: { title: string }) => `First failing check: ✗ ${p.title}`,
  allPass: (p: { n: string }) =>
    `Every check of exercise ${p.n} passes: here are its hints, to compare with your solution.`,
  notGraded: "(could not grade the exercise: the hints below are the exercise's own)",
  explainTip: (p: { task: string }) =>
    `A word you don't know? \`${p.task} hint --explain WORD\` (sentinel, backpressure, AbortError…).`,
  unknownTerm: (p: { name: string }) => `No term matches "${p.name}". The terms explained:`,
  termsHeading: "Terms explained",
}, {
  usage:
    "Usage : deno task hint N [--reset] [--dir DOSSIER] [--lang en|fr]   (N : 1, 01, 01_gather ou gather)\n" +
    "        deno task hint --explain TERME [--lang en|fr]              (un mot des rapports expliqué)",
  firstFailing: (p) => `Première vérification en échec : ✗ ${p.title}`,
  allPass: (p) =>
    `Toutes les vérifications de l'exercice ${p.n} passent : voici ses indices, à comparer avec votre solution.`,
  notGraded: "(impossible de corriger l'exercice : voici ses indices généraux)",
  explainTip: (p) =>
    `Un mot inconnu ? \`${p.task} hint --explain MOT\` (sentinelle, contre-pression, AbortError…).`,
  unknownTerm: (p) => `Aucun terme ne correspond à « ${p.name} ». Les termes expliqués :`,
  termsHeading: "Termes expliqués",
});
