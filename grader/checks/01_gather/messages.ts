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
  hint1:
    "A non-blocking wait is a promise that `setTimeout` resolves: `new Promise((resolve) => setTimeout(resolve, ms))`. Each fetch awaits one, then returns its list.",
  hint2:
    "`await a(); await b();` waits for `a` before `b` even starts. Calling all three first and awaiting afterwards lets their waits overlap.",
  hint3:
    "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` starts all three at once and keeps the results in argument order. Time it with `performance.now()` before and after, divided by 1000.",
  fetchDurationsTitle: "each fetch waits its own time and returns its list",
  fetchDurationsHint:
    "wait with `await new Promise((resolve) => setTimeout(resolve, 2000))`, then return the list",
  fetchDurationsFail: (p: { name: string; took: string; want: string }) =>
    `\`${p.name}()\` took ${p.took} of virtual time; it should wait ${p.want}`,
  fetchDurationsFail2: (p: { name: string; runValue: string; value: string }) =>
    `\`${p.name}()\` resolved with ${p.runValue}; expected ${p.value}`,
  sequentialOrderTitle: "runSequential starts each call after the previous one finished",
  sequentialOrderHint:
    "await users, then orders, then inventory: one `await` per call, in that order",
  sequentialOrderFail: (p: { missing: string }) =>
    `each fetcher must be called exactly once; these were not: ${p.missing}`,
  sequentialOrderFail2: (p: { order: string }) =>
    `the calls started in the order ${p.order}; expected users, orders, inventory`,
  sequentialOrderEnd: "still running when runSequential returned",
  sequentialOrderFail3: (p: { call: string; at: string; previous: string; end: string }) =>
    `${p.call} started at ${p.at}, before ${p.previous} had finished (${p.end}): that is concurrent, not sequential`,
  sequentialTotalTitle: "runSequential takes the sum of the three waits (6.0 s)",
  sequentialTotalHint: "return as soon as the last call has finished: no extra waiting",
  sequentialTotalFail: (p: { took: string; want: string }) =>
    `runSequential took ${p.took} of virtual time; one call after another takes the sum, ${p.want}`,
  concurrentStartTitle: "runConcurrent starts all three calls at once",
  concurrentStartHint: "call the three fetchers first, and only then wait for their promises",
  concurrentStartFail: (p: { name: string; callsLength: number }) =>
    `${p.name} was called ${p.callsLength} times; call each fetcher exactly once`,
  concurrentStartFail2: (p: { name: string; at: string; late: boolean }) =>
    `${p.name} started at ${p.at}, not at 0.0 s${
      p.late ? `: it waited for another call to finish first` : ``
    }`,
  concurrentMaxNotSumTitle: "runConcurrent takes the longest wait (3.0 s), not the sum",
  concurrentMaxNotSumHint: "start all three before awaiting any of them (Promise.all)",
  concurrentMaxNotSumFail: (p: { took: string; want: string; summed: boolean }) =>
    `took ${p.took} of virtual time; concurrent code takes the longest call, ${p.want}${
      p.summed ? ` — that is the sum: the calls ran one after another` : ``
    }`,
  valuesInOrderTitle: "both runners return the lists in the order users, orders, inventory",
  valuesInOrderHint:
    "Promise.all keeps the order of its arguments, whatever order the calls finish in",
  valuesInOrderFail: (p: { name: string; got: string; tValues: string }) =>
    `${p.name} returned value ${p.got}; expected [users, orders, inventory] = ${p.tValues}`,
  ownSecondsTitle: "the seconds you measure match the time that passed",
  ownSecondsHint:
    "`const start = performance.now()` before, `(performance.now() - start) / 1000` after: seconds, not ms",
  ownSecondsFail: (p: { name: string; seconds: string; want: string; inMs: boolean }) =>
    `${p.name} reported seconds = ${p.seconds}, but ${p.want} passed${
      p.inMs ? `: that is milliseconds, divide by 1000` : ``
    }`,
  rejectionPropagatesTitle: "a failing call makes the runner reject with its error",
  rejectionPropagatesHint:
    "do not catch the error: Promise.all rejects as soon as one promise rejects",
  rejectionPropagatesWhat: "resolved anyway",
  rejectionPropagatesWhat2: "never settled",
  rejectionPropagatesWhat3: (p: { resultStatus: string; message: string }) =>
    `ended with ${p.resultStatus} ${p.message}`,
  rejectionPropagatesFail: (p: { name: string; what: string }) =>
    `when orders fails, ${p.name} ${p.what}; it should reject with the same error`,
  mainFinishesTitle: "main() runs both versions, prints, and finishes",
  mainFinishesHint: "main awaits runSequential() then runConcurrent() and prints both times",
  mainFinishesFail: "main() printed nothing: print both times and why they differ",
  mainFinishesFail2: (p: { at: string; want: string }) =>
    `main() finished at ${p.at}, but runSequential() alone takes ${p.want}: main did not wait for it — did you forget an \`await\`?`,
}, {
  title: "Trois appels lents : l'un après l'autre, puis ensemble",
  hint1:
    "Une attente non bloquante, c'est une promesse que `setTimeout` résout : `new Promise((resolve) => setTimeout(resolve, ms))`. Chaque fetch en attend une, puis renvoie sa liste.",
  hint2:
    "`await a(); await b();` attend la fin de `a` avant même de lancer `b`. Appeler les trois d'abord et attendre ensuite permet à leurs attentes de se chevaucher.",
  hint3:
    "`const value = await Promise.all([fetchers.users(), fetchers.orders(), fetchers.inventory()])` lance les trois d'un coup et garde les résultats dans l'ordre des arguments. Mesurez avec `performance.now()` avant et après, divisé par 1000.",
  fetchDurationsTitle: "chaque fetch attend sa propre durée et renvoie sa liste",
  fetchDurationsHint:
    "attendez avec `await new Promise((resolve) => setTimeout(resolve, 2000))`, puis renvoyez la liste",
  fetchDurationsFail: (p) =>
    `\`${p.name}()\` a pris ${p.took} de temps virtuel ; elle doit attendre ${p.want}`,
  fetchDurationsFail2: (p) => `\`${p.name}()\` a renvoyé ${p.runValue} ; attendu ${p.value}`,
  sequentialOrderTitle: "runSequential lance chaque appel après la fin du précédent",
  sequentialOrderHint:
    "attendez users, puis orders, puis inventory : un `await` par appel, dans cet ordre",
  sequentialOrderFail: (p) =>
    `chaque fetcher doit être appelé exactement une fois ; ceux-ci ne l'ont pas été : ${p.missing}`,
  sequentialOrderFail2: (p) =>
    `les appels ont démarré dans l'ordre ${p.order} ; attendu users, orders, inventory`,
  sequentialOrderEnd: "encore en cours quand runSequential a rendu la main",
  sequentialOrderFail3: (p) =>
    `${p.call} a démarré à ${p.at}, avant la fin de ${p.previous} (${p.end}) : c'est concurrent, pas séquentiel`,
  sequentialTotalTitle: "runSequential prend la somme des trois attentes (6,0 s)",
  sequentialTotalHint: "terminez dès que le dernier appel est fini : aucune attente en plus",
  sequentialTotalFail: (p) =>
    `runSequential a pris ${p.took} de temps virtuel ; un appel après l'autre prend la somme, ${p.want}`,
  concurrentStartTitle: "runConcurrent lance les trois appels en même temps",
  concurrentStartHint:
    "appelez d'abord les trois fetchers, et seulement ensuite attendez leurs promesses",
  concurrentStartFail: (p) =>
    `${p.name} a été appelé ${p.callsLength} fois ; appelez chaque fetcher une seule fois`,
  concurrentStartFail2: (p) =>
    `${p.name} a démarré à ${p.at}, pas à 0,0 s${
      p.late ? ` : il a attendu la fin d'un autre appel` : ``
    }`,
  concurrentMaxNotSumTitle: "runConcurrent prend l'attente la plus longue (3,0 s), pas la somme",
  concurrentMaxNotSumHint: "lancez les trois avant d'en attendre un seul (Promise.all)",
  concurrentMaxNotSumFail: (p) =>
    `a pris ${p.took} de temps virtuel ; du code concurrent prend l'appel le plus long, ${p.want}${
      p.summed ? ` — c'est la somme : les appels se sont faits l'un après l'autre` : ``
    }`,
  valuesInOrderTitle:
    "les deux versions renvoient les listes dans l'ordre users, orders, inventory",
  valuesInOrderHint:
    "Promise.all garde l'ordre de ses arguments, quel que soit l'ordre de fin des appels",
  valuesInOrderFail: (p) =>
    `${p.name} a renvoyé value ${p.got} ; attendu [users, orders, inventory] = ${p.tValues}`,
  ownSecondsTitle: "les secondes que vous mesurez correspondent au temps écoulé",
  ownSecondsHint:
    "`const start = performance.now()` avant, `(performance.now() - start) / 1000` après : des secondes, pas des ms",
  ownSecondsFail: (p) =>
    `${p.name} indique seconds = ${p.seconds}, alors que ${p.want} se sont écoulées${
      p.inMs ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  rejectionPropagatesTitle: "un appel qui échoue fait échouer la version avec son erreur",
  rejectionPropagatesHint:
    "n'attrapez pas l'erreur : Promise.all échoue dès qu'une promesse échoue",
  rejectionPropagatesWhat: "a quand même réussi",
  rejectionPropagatesWhat2: "ne s'est jamais terminée",
  rejectionPropagatesWhat3: (p) => `s'est terminée par ${p.resultStatus} ${p.message}`,
  rejectionPropagatesFail: (p) =>
    `quand orders échoue, ${p.name} ${p.what} ; elle doit échouer avec la même erreur`,
  mainFinishesTitle: "main() lance les deux versions, affiche, et se termine",
  mainFinishesHint: "main attend runSequential() puis runConcurrent() et affiche les deux durées",
  mainFinishesFail:
    "main() n'a rien affiché : affichez les deux durées et pourquoi elles diffèrent",
  mainFinishesFail2: (p) =>
    `main() s'est terminée à ${p.at}, alors que runSequential() seule prend ${p.want} : main ne l'a pas attendue — un \`await\` oublié ?`,
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
