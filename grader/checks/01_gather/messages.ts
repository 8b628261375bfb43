/**
 * Every sentence exercise 1 (`01_gather.ts`) shows a learner, in English and
 * French: its title, its hints (one at a time, from a nudge to the idea), and
 * each check's title, hint and failures.
 *
 * @module
 */
import { defineCatalog, texts } from "../../i18n/mod.ts";

/** The catalog: the English side sets the keys and parameters, the French one follows. */
export const MESSAGES = defineCatalog({
  title: "Three slow calls: one after another, then together",
  plus: " + ",
  comma: ", ",
  hint1:
    "A non-blocking wait is a promise that `setTimeout` resolves: `new Promise((resolve) => setTimeout(resolve, ms))`. Each fetch awaits one, then returns its list.",
  hint2:
    "`await a(); await b();` waits for `a` before `b` even starts. Calling all three first and awaiting afterwards lets their waits overlap.",
  hintFailures:
    "Each runner starts its own stopwatch when it is called (`const start = performance.now()` on its first line), and fails when a call fails: `await Promise.all(...)` rejects with the first error, just as `asyncio.gather()` raises it.",
  hint3:
    "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` starts all three at once and keeps the results in argument order. Time it with `performance.now()` before and after, divided by 1000.",
  fetchDurationsTitle: "each fetch waits its own time and returns its list",
  fetchDurationsHint:
    "wait with a promise that `setTimeout` resolves, `await new Promise((resolve) => setTimeout(resolve, ms))`, then return the list",
  fetchDurationsFail: (p: { name: string; took: string; want: string; again: boolean }) =>
    `\`${p.name}()\`${
      p.again ? ` called a second time` : ``
    } took ${p.took} of virtual time; it should wait ${p.want} at every call`,
  fetchDurationsFail2: (p: { name: string; runValue: string; value: string }) =>
    `\`${p.name}()\` resolved with ${p.runValue}; expected ${p.value}`,
  sequentialOrderTitle: "runSequential starts each call after the previous one finished",
  sequentialOrderHint:
    "await users, then orders, then inventory: one `await` per call, in that order",
  calledOnceFail: (p: { name: string; calls: string }) =>
    `${p.name} must call each fetcher exactly once; it called ${p.calls}`,
  promisesInValue: (p: { name: string; count: number }) =>
    p.count === -1
      ? `${p.name} resolved with a \`.value\` that is a Promise, not the three lists: did you forget to \`await\` it?`
      : `${p.name} resolved with a \`.value\` that holds ${
        p.count === 1 ? "a Promise" : `${p.count} Promises`
      } instead of lists: did you forget to \`await Promise.all(…)\`?`,
  runnerFailed: (p: { name: string; status: string }) =>
    `${p.name}(fetchers) did not resolve (${p.status})`,
  sequentialOrderFail2: (p: { order: string }) =>
    `the calls started in the order ${p.order}; expected users, orders, inventory`,
  sequentialOrderEnd: "still running when runSequential returned",
  sequentialOrderFail3: (p: { call: string; at: string; previous: string; end: string }) =>
    `${p.call} started at ${p.at}, before ${p.previous} had finished (${p.end}): that is concurrent, not sequential`,
  sequentialTotalTitle: "runSequential takes the sum of the three waits (6.0 s)",
  sequentialTotalHint: "return as soon as the last call has finished: no extra waiting",
  sequentialTotalFail: (p: { took: string; want: string; durations: string }) =>
    `runSequential took ${p.took} of virtual time; one call after another takes the sum of the waits (${p.durations}), ${p.want}`,
  concurrentStartTitle: "runConcurrent starts all three calls at once",
  concurrentStartHint:
    "call the three fetchers first, and only then wait for their promises: `const a = f(), b = g(); await Promise.all([a, b])`",
  concurrentStartFail: (p: { name: string; callsLength: number }) =>
    `${p.name}() ${
      p.callsLength === 0 ? "was never called" : `was called ${p.callsLength} times`
    }; call each fetcher exactly once`,
  concurrentStartFail2: (p: { name: string; at: string; late: boolean }) =>
    `${p.name} started at ${p.at}, not at 0.0 s${
      p.late ? `: it waited for another call to finish first` : ``
    }`,
  concurrentMaxNotSumTitle: "runConcurrent takes the longest wait (3.0 s), not the sum",
  concurrentMaxNotSumHint: "start all three before awaiting any of them (Promise.all)",
  concurrentMaxNotSumFail: (p: { took: string; want: string; summed: boolean }) =>
    `took ${p.took} of virtual time; concurrent code takes as long as the longest call, ${p.want}${
      p.summed ? ` (${p.took} is the sum: the calls ran one after another)` : ``
    }`,
  valuesInOrderTitle: "both runners return the lists in the order users, orders, inventory",
  valuesInOrderHint:
    "Promise.all keeps the order of its arguments, whatever order the calls finish in",
  valuesInOrderFail: (p: { name: string; got: string; tValues: string; finished: string }) =>
    `${p.name} returned value ${p.got}; expected [users, orders, inventory] = ${p.tValues} (the calls finished in the order ${p.finished})`,
  ownSecondsTitle: "the seconds you measure match the time that passed",
  ownSecondsHint:
    "take the start inside the runner, at each call: `const start = performance.now()`, then `(performance.now() - start) / 1000` — seconds, not ms",
  ownSecondsFail: (
    p: {
      name: string;
      nth: number;
      at: string;
      seconds: string;
      want: string;
      cause: "notNumber" | "ms" | "clock" | "other";
    },
  ) =>
    `${p.name}, called ${
      p.nth === 1 ? "a first" : "a second"
    } time at ${p.at} of virtual time, reported seconds = ${p.seconds}, but that call took ${p.want}${
      p.cause === "notNumber"
        ? `: \`seconds\` must be a number`
        : p.cause === "ms"
        ? `: that is milliseconds, divide by 1000`
        : p.cause === "clock"
        ? `: that counts from when the clock started, not from the call (a start time taken once for the module, or \`+ start\` instead of \`- start\`?)`
        : ``
    }`,
  rejectionPropagatesTitle: "when a call fails, the runner rejects with that call's error",
  rejectionPropagatesHint:
    "a runner rejects when one of its calls rejects, as `asyncio.gather` does: `await Promise.all([...])` rejects with the first error; with `Promise.allSettled`, re-throw the first `reason`",
  rejectionResolved: (p: { value: string; failed: string; slot: string; settled: boolean }) =>
    `resolved with value ${p.value}: the error of ${p.failed}() became ${
      p.settled
        ? `an outcome object (Promise.allSettled's results are never re-thrown)`
        : `the value ${p.slot} (a \`catch\` that returns a value, or the results of \`Promise.allSettled\` used without re-throwing the \`reason\`?)`
    }`,
  rejectionPromises: "resolved with Promises in its `.value`: the failure was never awaited",
  rejectionNotCalled: (p: { failed: string }) =>
    `resolved without ever calling ${p.failed}(): its failure could not reach the runner`,
  rejectionTooEarly: (p: { at: string; failed: string; value: string }) =>
    `resolved at ${p.at} with value ${p.value}, before ${p.failed}() had failed: it did not wait for every call`,
  rejectionUnhandled: (p: { failed: string; at: string }) =>
    `rejected, but ${p.failed}()'s rejection at ${p.at} went unhandled while it was still awaiting another call: a real program stops there with "Uncaught (in promise)" (\`Promise.all\` handles every rejection as it happens)`,
  rejectionPropagatesWhat2: "never settled",
  rejectionPropagatesWhat3: (p: { resultStatus: string; message: string }) =>
    `ended with ${p.resultStatus} ${p.message}`,
  rejectionPropagatesFail: (
    p: { name: string; failed: string; what: string; unhandled: boolean },
  ) =>
    `when ${p.failed}() fails, ${p.name} ${p.what}${
      p.unhandled ? `` : `; it should reject with that same error`
    }`,
  figure: (p: { name: string; seconds: string }) => `${p.name}: ${p.seconds}`,
  mainFinishesTitle: "main() runs both versions, prints both measured times, and finishes",
  mainFinishesHint:
    "main awaits runSequential() then runConcurrent() and prints the `seconds` each returned: `const { seconds } = await runSequential()`",
  mainFinishesFail: "main() printed nothing: print both times and why they differ",
  mainFinishesFail2: (p: { at: string; want: string }) =>
    `main() finished at ${p.at}, but runSequential() alone takes ${p.want}: main did not wait for it — did you forget an \`await\`?`,
  mainFiguresFail: (p: { missing: string; printed: string }) =>
    `main() did not print these measured times (in seconds, once measured): ${p.missing}; it printed ${p.printed}`,
  // Marks on timelines: code names, and a few words.
  markSettled: (p: { name: string }) => `${p.name}() settled`,
  markShouldSettle: (p: { name: string }) => `${p.name}() should settle`,
  markCalled: (p: { name: string }) => `${p.name}() called`,
  markResolved: (p: { name: string }) => `${p.name}() resolved`,
  markRejected: (p: { name: string }) => `${p.name}() rejected`,
  markSum: "sum of the three waits",
  markLongest: "longest call settled",
  markAlone: "runSequential() alone",
}, {
  title: "Trois appels lents : l'un après l'autre, puis ensemble",
  plus: " + ",
  comma: " ; ",
  hint1:
    "Une attente non bloquante, c'est une promesse que `setTimeout` résout : `new Promise((resolve) => setTimeout(resolve, ms))`. Chaque fetch en attend une, puis renvoie sa liste.",
  hint2:
    "`await a(); await b();` attend la fin de `a` avant même de lancer `b`. Appeler les trois d'abord et attendre ensuite permet à leurs attentes de se chevaucher.",
  hintFailures:
    "Chaque version lance son propre chronomètre quand on l'appelle (`const start = performance.now()` en première ligne), et échoue quand un appel échoue : `await Promise.all(...)` rejette avec la première erreur, comme `asyncio.gather()` la lève.",
  hint3:
    "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` lance les trois d'un coup et garde les résultats dans l'ordre des arguments. Mesurez avec `performance.now()` avant et après, divisé par 1000.",
  fetchDurationsTitle: "chaque fetch attend sa propre durée et renvoie sa liste",
  fetchDurationsHint:
    "attendez une promesse que `setTimeout` résout, `await new Promise((resolve) => setTimeout(resolve, ms))`, puis renvoyez la liste",
  fetchDurationsFail: (p) =>
    `\`${p.name}()\`${
      p.again ? ` appelée une deuxième fois` : ``
    } a pris ${p.took} de temps virtuel ; elle doit attendre ${p.want} à chaque appel`,
  fetchDurationsFail2: (p) => `\`${p.name}()\` a renvoyé ${p.runValue} ; attendu ${p.value}`,
  sequentialOrderTitle: "runSequential lance chaque appel après la fin du précédent",
  sequentialOrderHint:
    "attendez users, puis orders, puis inventory : un `await` par appel, dans cet ordre",
  calledOnceFail: (p) =>
    `${p.name} doit appeler chaque fetcher exactement une fois ; appels observés : ${p.calls}`,
  promisesInValue: (p) =>
    p.count === -1
      ? `${p.name} a renvoyé un \`.value\` qui est une Promise, pas les trois listes : un \`await\` oublié ?`
      : `${p.name} a renvoyé un \`.value\` qui contient ${
        p.count === 1 ? "une Promise" : `${p.count} Promises`
      } au lieu des listes : un \`await Promise.all(…)\` oublié ?`,
  runnerFailed: (p) => `${p.name}(fetchers) ne s'est pas terminée normalement (${p.status})`,
  sequentialOrderFail2: (p) =>
    `les appels ont démarré dans l'ordre ${p.order} ; attendu users, orders, inventory`,
  sequentialOrderEnd: "encore en cours quand runSequential a rendu la main",
  sequentialOrderFail3: (p) =>
    `${p.call} a démarré à ${p.at}, avant la fin de ${p.previous} (${p.end}) : c'est concurrent, pas séquentiel`,
  sequentialTotalTitle: "runSequential prend la somme des trois attentes (6,0 s)",
  sequentialTotalHint: "terminez dès que le dernier appel est fini : aucune attente en plus",
  sequentialTotalFail: (p) =>
    `runSequential a pris ${p.took} de temps virtuel ; un appel après l'autre dure la somme des attentes (${p.durations}), soit ${p.want}`,
  concurrentStartTitle: "runConcurrent lance les trois appels en même temps",
  concurrentStartHint:
    "appelez d'abord les trois fetchers, et seulement ensuite attendez leurs promesses : `const a = f(), b = g(); await Promise.all([a, b])`",
  concurrentStartFail: (p) =>
    `${p.name}() ${
      p.callsLength === 0 ? "n'a jamais été appelé" : `a été appelé ${p.callsLength} fois`
    } ; appelez chaque fetcher une seule fois`,
  concurrentStartFail2: (p) =>
    `${p.name} a démarré à ${p.at}, pas à 0,0 s${
      p.late ? ` : il a attendu la fin d'un autre appel` : ``
    }`,
  concurrentMaxNotSumTitle: "runConcurrent prend l'attente la plus longue (3,0 s), pas la somme",
  concurrentMaxNotSumHint: "lancez les trois avant d'en attendre un seul (Promise.all)",
  concurrentMaxNotSumFail: (p) =>
    `a pris ${p.took} de temps virtuel ; du code concurrent dure autant que l'appel le plus long (${p.want})${
      p.summed ? ` ; ${p.took}, c'est la somme : les appels se sont faits l'un après l'autre` : ``
    }`,
  valuesInOrderTitle:
    "les deux versions renvoient les listes dans l'ordre users, orders, inventory",
  valuesInOrderHint:
    "Promise.all garde l'ordre de ses arguments, quel que soit l'ordre de fin des appels",
  valuesInOrderFail: (p) =>
    `${p.name} a renvoyé value ${p.got} ; attendu [users, orders, inventory] = ${p.tValues} (les appels ont fini dans l'ordre ${p.finished})`,
  ownSecondsTitle: "les secondes que vous mesurez correspondent au temps écoulé",
  ownSecondsHint:
    "prenez le départ dans la fonction, à chaque appel : `const start = performance.now()`, puis `(performance.now() - start) / 1000` — des secondes, pas des ms",
  ownSecondsFail: (p) =>
    `${p.name}, appelée une ${
      p.nth === 1 ? "première" : "deuxième"
    } fois à ${p.at} de temps virtuel, indique seconds = ${p.seconds}, alors que cet appel a duré ${p.want}${
      p.cause === "notNumber"
        ? ` : \`seconds\` doit être un nombre`
        : p.cause === "ms"
        ? ` : ce sont des millisecondes, divisez par 1000`
        : p.cause === "clock"
        ? ` : c'est le temps écoulé depuis le démarrage de l'horloge, pas depuis l'appel (un départ pris une seule fois pour le module, ou \`+ start\` au lieu de \`- start\` ?)`
        : ``
    }`,
  rejectionPropagatesTitle: "quand un appel échoue, la version échoue avec l'erreur de cet appel",
  rejectionPropagatesHint:
    "une version échoue dès qu'un de ses appels échoue, comme `asyncio.gather` : `await Promise.all([...])` rejette avec la première erreur ; avec `Promise.allSettled`, relancez la première `reason`",
  rejectionResolved: (p) =>
    `a réussi avec value ${p.value} : l'erreur de ${p.failed}() est devenue ${
      p.settled
        ? `un objet de résultat (les résultats de Promise.allSettled ne sont jamais relancés)`
        : `la valeur ${p.slot} (un \`catch\` qui renvoie une valeur, ou les résultats de \`Promise.allSettled\` utilisés sans relancer la \`reason\` ?)`
    }`,
  rejectionPromises:
    "a réussi avec des Promises dans son `.value` : l'échec n'a jamais été attendu",
  rejectionNotCalled: (p) =>
    `a réussi sans jamais appeler ${p.failed}() : son échec ne pouvait pas lui parvenir`,
  rejectionTooEarly: (p) =>
    `a réussi à ${p.at} avec value ${p.value}, avant l'échec de ${p.failed}() : elle n'a pas attendu tous les appels`,
  rejectionUnhandled: (p) =>
    `a bien échoué, mais le rejet de ${p.failed}() à ${p.at} n'a pas été traité pendant qu'elle attendait encore un autre appel : un vrai programme s'arrête là avec « Uncaught (in promise) » (\`Promise.all\` traite chaque rejet dès qu'il arrive)`,
  rejectionPropagatesWhat2: "ne s'est jamais terminée",
  rejectionPropagatesWhat3: (p) => `s'est terminée par ${p.resultStatus} ${p.message}`,
  rejectionPropagatesFail: (p) =>
    `quand ${p.failed}() échoue, ${p.name} ${p.what}${
      p.unhandled ? `` : ` ; elle doit échouer avec cette même erreur`
    }`,
  figure: (p) => `${p.name} : ${p.seconds}`,
  mainFinishesTitle:
    "main() lance les deux versions, affiche les deux durées mesurées, et se termine",
  mainFinishesHint:
    "main attend runSequential() puis runConcurrent() et affiche les `seconds` que chacune a renvoyées : `const { seconds } = await runSequential()`",
  mainFinishesFail:
    "main() n'a rien affiché : affichez les deux durées et pourquoi elles diffèrent",
  mainFinishesFail2: (p) =>
    `main() s'est terminée à ${p.at}, alors que runSequential() seule prend ${p.want} : main ne l'a pas attendue — un \`await\` oublié ?`,
  mainFiguresFail: (p) =>
    `main() n'a pas affiché ces durées mesurées (en secondes, une fois mesurées) : ${p.missing} ; elle a affiché ${p.printed}`,
  markSettled: (p) => `${p.name}() réglée`,
  markShouldSettle: (p) => `${p.name}() devrait se régler`,
  markCalled: (p) => `${p.name}() appelée`,
  markResolved: (p) => `${p.name}() résolue`,
  markRejected: (p) => `${p.name}() rejetée`,
  markSum: "somme des trois attentes",
  markLongest: "fin de l'appel le plus long",
  markAlone: "runSequential() seule",
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
