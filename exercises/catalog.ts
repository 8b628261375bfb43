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

const checks = (name: string) => new URL(`../grader/checks/${name}/mod.ts`, import.meta.url).href;

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
    checks: checks("01_gather"),
    hints: [
      {
        en: "A non-blocking wait is a promise that `setTimeout` resolves: " +
          "`new Promise((resolve) => setTimeout(resolve, ms))`. Each fetch awaits one, then returns its list.",
        fr: "Une attente non bloquante, c'est une promesse que `setTimeout` résout : " +
          "`new Promise((resolve) => setTimeout(resolve, ms))`. Chaque fetch en attend une, puis renvoie sa liste.",
      },
      {
        en:
          "`await a(); await b();` waits for `a` before `b` even starts. Calling all three first and " +
          "awaiting afterwards lets their waits overlap.",
        fr:
          "`await a(); await b();` attend la fin de `a` avant même de lancer `b`. Appeler les trois d'abord " +
          "et attendre ensuite permet à leurs attentes de se chevaucher.",
      },
      {
        en:
          "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` " +
          "starts all three at once and keeps the results in argument order. Time it with " +
          "`performance.now()` before and after, divided by 1000.",
        fr:
          "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` " +
          "lance les trois d'un coup et garde les résultats dans l'ordre des arguments. Mesurez avec " +
          "`performance.now()` avant et après, divisé par 1000.",
      },
    ],
  },
  {
    id: "02_downloads",
    file: "02_downloads.ts",
    title: {
      en: "Five downloads, reported as each one finishes",
      fr: "Cinq téléchargements, signalés dès que chacun se termine",
    },
    points: 20,
    checks: checks("02_downloads"),
    hints: [
      {
        en:
          "Calling `download(file)` already starts it: map every file to its promise first, and only " +
          "then wait. The question is in which order you wait for them.",
        fr:
          "Appeler `download(file)` le lance déjà : transformez d'abord chaque fichier en sa promesse, et " +
          "seulement ensuite attendez. Toute la question est l'ordre dans lequel vous les attendez.",
      },
      {
        en:
          "`for (const p of promises) yield await p` waits for the promises in the order you passed them: " +
          "a slow first file holds back the fast ones. Instead, let each promise announce itself when it " +
          "settles (`p.then(…)`), and hand the values out in that order.",
        fr:
          "`for (const p of promises) yield await p` attend les promesses dans l'ordre où vous les avez " +
          "passées : un premier fichier lent retient les rapides. Laissez plutôt chaque promesse se signaler " +
          "quand elle se termine (`p.then(…)`), et rendez les valeurs dans cet ordre-là.",
      },
      {
        en:
          "One way: make one `Promise.withResolvers()` slot per input; when any input settles, settle the " +
          "next free slot with it (`slots[next++].resolve(value)` or `.reject(error)`); then the async " +
          "generator does `for (const slot of slots) yield await slot.promise`. Another: `Promise.race` " +
          "over the promises still pending, removing the winner each time.",
        fr:
          "Une façon de faire : une case `Promise.withResolvers()` par entrée ; quand une entrée se termine, " +
          "elle remplit la prochaine case libre (`slots[next++].resolve(value)` ou `.reject(error)`) ; le " +
          "générateur async fait ensuite `for (const slot of slots) yield await slot.promise`. Une autre : " +
          "`Promise.race` sur les promesses encore en attente, en retirant la gagnante à chaque tour.",
      },
    ],
  },
  {
    id: "03_timeouts",
    file: "03_timeouts.ts",
    title: {
      en: "A deadline on each call, like asyncio.wait_for",
      fr: "Une échéance sur chaque appel, comme asyncio.wait_for",
    },
    points: 20,
    checks: checks("03_timeouts"),
    hints: [
      {
        en: "A deadline is a race between the work and a timer: whichever settles first decides. " +
          "`Promise.race([work(signal), timer])` is the whole shape of `withTimeout`.",
        fr:
          "Une échéance, c'est une course entre le travail et un minuteur : le premier qui se termine " +
          "décide. `Promise.race([work(signal), minuteur])`, c'est toute la forme de `withTimeout`.",
      },
      {
        en:
          "Losing the race does not stop the loser. When the timer wins, abort the work's signal so " +
          "`query` clears its own timer; when the work wins, `clearTimeout` your timer (a `finally` " +
          'block does it on every path). Reject with `new DOMException("…", "TimeoutError")`.',
        fr:
          "Perdre la course n'arrête pas le perdant. Quand le minuteur gagne, annulez le signal du " +
          "travail pour que `query` efface son propre minuteur ; quand le travail gagne, faites " +
          "`clearTimeout` sur le vôtre (un bloc `finally` le fait dans tous les cas). Rejetez avec " +
          '`new DOMException("…", "TimeoutError")`.',
      },
      {
        en:
          "In `queryAll`, give every server its own `withTimeout((signal) => query(name, seconds, " +
          "signal), timeoutMs)` inside one `Promise.all` over `Object.entries(servers)`: each one " +
          "catches its own TimeoutError, calls `log` right there, and pushes its name to `timedOut` " +
          "or `responded`.",
        fr:
          "Dans `queryAll`, donnez à chaque serveur son propre `withTimeout((signal) => query(name, " +
          "seconds, signal), timeoutMs)` dans un seul `Promise.all` sur `Object.entries(servers)` : " +
          "chacun attrape sa propre TimeoutError, appelle `log` sur-le-champ, et range son nom dans " +
          "`timedOut` ou `responded`.",
      },
    ],
  },
  {
    id: "04_pipeline",
    file: "04_pipeline.ts",
    title: {
      en: "A pipeline: one producer, several consumers, a queue between them",
      fr: "Un pipeline : un producteur, plusieurs consommateurs, une file entre eux",
    },
    points: 20,
    checks: checks("04_pipeline"),
    hints: [
      {
        en:
          "Start with the queue. It needs three arrays: the stored items, the `resolve` functions of " +
          "the `get()`s waiting for an item, and the `put()`s waiting for room. A `get()` on an empty " +
          "queue returns `new Promise((resolve) => waiting.push(resolve))`; `put()` calls the oldest one.",
        fr:
          "Commencez par la file. Il lui faut trois tableaux : les éléments stockés, les fonctions " +
          "`resolve` des `get()` qui attendent un élément, et les `put()` qui attendent de la place. Un " +
          "`get()` sur une file vide renvoie `new Promise((resolve) => enAttente.push(resolve))` ; `put()` " +
          "appelle la plus ancienne.",
      },
      {
        en:
          "The producer must not fetch one URL at a time, nor wait for all of them before filling the " +
          "queue: `await Promise.all(urls.map(async (url) => queue.put(await fetch(url))))`, then one " +
          "`null` per consumer.",
        fr:
          "Le producteur ne doit ni récupérer les URL une par une, ni attendre toutes les réponses avant " +
          "de remplir la file : `await Promise.all(urls.map(async (url) => queue.put(await fetch(url))))`, " +
          "puis un `null` par consommateur.",
      },
      {
        en:
          "Each consumer is a loop: `const p = await queue.get(); if (p === null) return;` then analyse " +
          "and record `{ url, consumer: id, value }`. Start `consumers` of them with ids 1…N and " +
          "`await Promise.all([producer(), ...consumers])`. One sentinel missing and that last " +
          "`Promise.all` never ends.",
        fr:
          "Chaque consommateur est une boucle : `const p = await queue.get(); if (p === null) return;` " +
          "puis il analyse et note `{ url, consumer: id, value }`. Lancez-en `consumers`, numérotés de 1 " +
          "à N, et `await Promise.all([producer(), ...consommateurs])`. S'il manque une sentinelle, ce " +
          "dernier `Promise.all` ne finit jamais.",
      },
    ],
  },
  {
    id: "05_check_services",
    file: "05_check_services.ts",
    title: {
      en: "A service monitor you could run in production",
      fr: "Un outil de supervision digne de la production",
    },
    points: 20,
    checks: checks("05_check_services"),
    hints: [
      {
        en:
          "One async function checks one service from start to verdict: start a clock, probe with a " +
          "signal, build its `CheckResult`, call `onResult`, return it. `checkAll` is then " +
          "`Promise.all(services.map(checkOne))`: every check starts at once and reports on its own.",
        fr:
          "Une fonction async vérifie un service du début au verdict : elle lance un chrono, sonde avec " +
          "un signal, construit son `CheckResult`, appelle `onResult` et le renvoie. `checkAll` devient " +
          "`Promise.all(services.map(verifierUn))` : tout démarre en même temps et chacun se signale seul.",
      },
      {
        en:
          "`const signal = AbortSignal.timeout(timeoutMs)` and `await probe(service, signal)` inside " +
          "`try`: in `catch`, `signal.aborted` tells a timeout (reason `timeout`) from any other failure " +
          "(reason `error`, with `error.message`). The probe itself clears its timer when the signal aborts.",
        fr:
          "`const signal = AbortSignal.timeout(timeoutMs)` et `await probe(service, signal)` dans un " +
          "`try` : dans le `catch`, `signal.aborted` distingue un timeout (raison `timeout`) de tout autre " +
          "échec (raison `error`, avec `error.message`). La sonde annule elle-même son timer quand le signal " +
          "est interrompu.",
      },
      {
        en:
          'For the command line, `parseArgs({ args, options: { timeout: { type: "string" }, json: ' +
          '{ type: "boolean" }, help: { type: "boolean" } }, strict: true })` inside `try` (its error ' +
          "means exit code 2). Print each line from `onResult`; with `--json`, print only " +
          "`JSON.stringify(report, null, 2)` at the end. Return `offline === 0 ? 0 : 1`.",
        fr:
          'Pour la ligne de commande, `parseArgs({ args, options: { timeout: { type: "string" }, json: ' +
          '{ type: "boolean" }, help: { type: "boolean" } }, strict: true })` dans un `try` (son erreur ' +
          "donne le code 2). Affichez chaque ligne depuis `onResult` ; avec `--json`, affichez seulement " +
          "`JSON.stringify(rapport, null, 2)` à la fin. Renvoyez `horsLigne === 0 ? 0 : 1`.",
      },
    ],
  },
];
