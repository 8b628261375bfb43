/**
 * Every sentence exercise 2 (`02_downloads.ts`) shows a learner, in English and
 * French: its title, its hints (one at a time, from a nudge to the idea), and
 * each check's title, hint and failures.
 *
 * @module
 */
import { defineCatalog, texts } from "../../i18n/mod.ts";

/** The catalog: the English side sets the keys and parameters, the French one follows. */
export const MESSAGES = defineCatalog({
  title: "Five downloads, reported as each one finishes",
  hint1:
    "Calling `download(file)` already starts it: map every file to its promise first, and only then wait. The question is in which order you wait for them.",
  hint2:
    "`for (const p of promises) yield await p` waits for the promises in the order you passed them: a slow first file holds back the fast ones. Instead, let each promise announce itself when it settles (`p.then(…)`), and hand the values out in that order.",
  hint3:
    "One way: in a plain function, make one `Promise.withResolvers()` slot per input (each with `.catch(() => {})`, so a rejection not read yet is handled); when any input settles, settle the next free slot with it (`slots[next++].resolve(value)` or `.reject(error)`); then return `(async function* () { for (const slot of slots) yield await slot.promise; })()`. `Promise.race` over the pending promises is not enough alone: for a reader who starts late, several have already settled and the race picks them in input order — record the order in each `.then` instead.",
  consumeOkFail2: (p: { what: string; at: string }) =>
    `reading asCompleted(${p.what}) never ended: at ${p.at} it was still waiting, with nothing left that could wake it. Likely causes: a value that never reaches the reader (a slot filled twice, or never), or an iterator that does not say \`done\` once every promise has come out`,
  readTwice: (p: { what: string; reads: number; at: string }) =>
    `reading asCompleted(${p.what}) never ended (still waiting at ${p.at}), and asCompleted read its input ${p.reads} times: a generator gives its promises only the first time, so the second reading found none. Read \`promises\` once, into an array`,
  unhandledInside: (p: { what: string; error: string }) =>
    `with ${p.what}, a promise made inside asCompleted was rejected while nothing handled it (${p.error}): in Deno that ends the whole program. Likely causes: a rejection kept in a promise nobody awaits yet (give it a \`.catch(() => {})\` as soon as you make it), or a callback that throws (e.g. a slot index that went out of range)`,
  consumeOkFail: (p: { what: string; runError: string }) =>
    `asCompleted(${p.what}) failed with ${p.runError}`,
  unhandledHint:
    "a promise that may reject before anyone awaits it needs a handler from the start: `slot.promise.catch(() => {})` right after making it (awaiting it later still gets the error); and no callback of yours may throw",
  planDownloadsFail6: (
    p: { fileName: string; fileSeconds: number; draws: string; want: string; rounded: string },
  ) =>
    `${p.fileName} takes ${p.fileSeconds} s, but its draw random() = ${p.draws} gives 1 + ${p.draws} × 4 = ${p.want} s, ${p.rounded} s to one decimal: one draw per file, in order`,
  planDownloadsTitle: "planDownloads makes file_1.zip… with 1–5 s drawn from the given random",
  planDownloadsHint:
    "for file i, `{ name: `file_${i}.zip`, seconds: Math.round((1 + random() * 4) * 10) / 10 }`, using the `random` parameter, not Math.random",
  planDownloadsFail: (p: { byDefault: boolean; byDefaultLength: number; byDefault2: string }) =>
    `planDownloads() returned ${
      p.byDefault ? `${p.byDefaultLength} file${p.byDefaultLength === 1 ? "" : "s"}` : p.byDefault2
    }; by default it plans 5 files`,
  planDownloadsFail2: (p: { count: number; files: boolean; filesLength: number; files2: string }) =>
    `planDownloads(${p.count}, random) returned ${
      p.files ? `${p.filesLength} file${p.filesLength === 1 ? "" : "s"}` : p.files2
    }; expected ${p.count}`,
  planDownloadsFail3: (p: { i: number; fileName: string; name: string }) =>
    `file ${p.i} is named ${p.fileName}; expected "${p.name}"`,
  planDownloadsFail4: (p: { name: string; s: string }) =>
    `${p.name} takes ${p.s} s; expected a number of seconds between 1 and 5, with one decimal`,
  planDownloadsFail5: (p: { count: number; drawsLength: number }) =>
    `planDownloads(${p.count}, random) called the random function it was given ${
      p.drawsLength === 1 ? "once" : `${p.drawsLength} times`
    } for ${p.count} files: use the \`random\` parameter (the grader passes its own), not Math.random`,
  downloadWaitsTitle: "download(file) waits file.seconds, then resolves with the file",
  downloadWaitsHint:
    "`await new Promise((resolve) => setTimeout(resolve, file.seconds * 1000))`: setTimeout counts in milliseconds",
  downloadWaitsFail: (p: { fileSeconds: number; took: string; want: string; inMs: boolean }) =>
    `download({ seconds: ${p.fileSeconds} }) took ${p.took} of virtual time; expected ${p.want}${
      p.inMs ? `: setTimeout takes milliseconds, multiply the seconds by 1000` : ``
    }`,
  downloadWaitsFail2: (p: { got: string; file: string }) =>
    `download(file) resolved with ${p.got}; expected the file itself, ${p.file}`,
  yieldsInSettlementOrderTitle: "asCompleted yields the values in the order their promises settle",
  yieldsInSettlementOrderHint:
    "do not await the promises in the order you got them: let each one signal when it settles (`.then`), and yield in that order",
  yieldsInSettlementOrderArg: "five promises",
  yieldsInSettlementOrderFail: (p: { got: string; want: string; inInputOrder: boolean }) =>
    `the loop got ${p.got}; in settlement order it is ${p.want}${
      p.inInputOrder
        ? `. That is the order the promises were passed in: awaiting them one by one makes a fast promise wait behind a slow one`
        : ``
    }`,
  yieldsAtSettleInstantTitle: "asCompleted yields each value the moment its promise settles",
  yieldsAtSettleInstantHint:
    "do not wait for all the promises before yielding: yield each value as soon as it is there",
  yieldsAtSettleInstantFail: (p: { rValue: string; settled: string }) =>
    `the value ${p.rValue} (settled at ${p.settled}) never came out of the loop`,
  yieldsAtSettleInstantFail2: (
    p: { rValue: string; at: string; settled: string; allAtEnd: boolean },
  ) =>
    `the value ${p.rValue} came out at ${p.at}, but its promise settled at ${p.settled}${
      p.allAtEnd
        ? `: every value came out at the same instant, once all were done — the results were collected first and handed out afterwards`
        : ``
    }`,
  rejectionArg: (p: { n: number; k: number; two: boolean }) =>
    `${p.n} promises, the ${
      p.k === 1 ? "first" : p.k === p.n ? "last" : `number ${p.k}`
    } to settle rejecting${p.two ? " and the next one too" : ""}`,
  rejectionAtItsTurnFail3: (
    p: { what: string; failAt: string; errorMessage: string; got: string },
  ) =>
    `with ${p.what}: the promise that rejected at ${p.failAt} with "${p.errorMessage}" never made the loop throw; it got ${p.got} and ended normally. The error was swallowed`,
  rejectionAtItsTurnFail4: (p: { what: string; seenError: string; errorMessage: string }) =>
    `with ${p.what}: the loop threw ${p.seenError}; expected the promise's own error, Error: ${p.errorMessage}`,
  rejectionAtItsTurnFail5: (p: { what: string; got: string; before: string }) =>
    `with ${p.what}: before the error the loop got ${p.got}; expected ${p.before}, the values that settled before the rejection, in that order`,
  lateReaderTitle: "asCompleted keeps the settlement order for a reader who starts late",
  lateReaderHint:
    "attach `.then` to every promise when asCompleted is called, not at the first `next()`: a plain function that sets up, then returns the generator, e.g. `return (async function* () { … })()`",
  lateReaderArg: (p: { from: string; rejects: boolean }) =>
    `five promises read from ${p.from} on${p.rejects ? ", the second to settle rejecting" : ""}`,
  lateReaderFail: (p: { what: string; got: string; want: string; inInputOrder: boolean }) =>
    `with ${p.what}: the loop got ${p.got}; in settlement order it is ${p.want}${
      p.inInputOrder
        ? ". The promises that had already settled came out in the order they were passed: asCompleted started watching them only at the first next(), when their order could no longer be seen"
        : ""
    }`,
  lateReaderFail2: (p: { what: string; seen: string; errorMessage: string }) =>
    `with ${p.what}: ${
      p.seen === "" ? "the loop never threw" : `the loop threw ${p.seen}`
    }; expected Error: ${p.errorMessage} right after the first value, at its turn`,
  lateReaderFail3: (
    p: { what: string; value: string; at: string; due: string; settled: string; early: boolean },
  ) =>
    `with ${p.what}: ${p.value} came out at ${p.at}; expected ${p.due}${
      p.early
        ? ` (it settled at ${p.settled}, before reading started: it was ready at the first next())`
        : ` (the instant it settled)`
    }`,
  rejectionAtItsTurnTitle:
    "a rejection comes out of asCompleted at its turn, after the values before it",
  rejectionAtItsTurnHint:
    "when a promise rejects, the next `next()` must reject with that same error; do not skip it or turn it into a value",
  emptyInputTitle: "asCompleted([]) ends at once",
  emptyInputHint: "with no promises there is nothing to wait for: the first `next()` says `done`",
  emptyInputArg: "[]",
  emptyInputFail: (p: { seenYields: string }) =>
    `asCompleted([]) yielded ${p.seenYields}; expected nothing`,
  emptyInputFail2: (p: { at: string; threw: string }) =>
    `asCompleted([]) ${
      p.threw === "" ? `said done only at ${p.at}` : `threw ${p.threw}`
    }; with nothing to wait for, the first next() says done at once (0 s)`,
  anyIterableHint:
    "read the input once, e.g. `const inputs = [...promises]`, and use only `inputs` after that: a generator gives its items only the first time",
  anyIterableTitle: "asCompleted takes any iterable: a generator, a Set",
  anyIterableGenerator: "a generator",
  anyIterableSet: "a Set",
  anyIterableFail: (p: { kind: string; seenYields: string; want: string; reads: number }) =>
    `given ${p.kind} of three promises, the loop got ${p.seenYields}; expected each of ${p.want} once${
      p.reads > 1
        ? `. asCompleted read its input ${p.reads} times: read it once, into an array`
        : ""
    }`,
  independentTitle: "two calls of asCompleted give two independent iterators",
  independentHint:
    "keep every piece of state (slots, counters) inside the call, not at module level: `function asCompleted(ps) { const slots = …; let next = 0; … }`",
  independentArg: "two sets of three promises read at the same time, then two more",
  independentFirst: "the first call",
  independentSecond: "the second call",
  independentThird: "a third call, made after the first two ended",
  independentFail: (p: { which: string; got: string; want: string; threw: string }) =>
    `${p.which} of asCompleted got ${p.got}${
      p.threw === "" ? "" : ` and threw ${p.threw}`
    }; expected its own promises' values in settlement order, ${p.want}. Two calls must not share state`,
  anyIterableArg: (p: { kind: string }) => `${p.kind} of three promises`,
  downloadsStartTogetherTitle:
    "downloadAll starts every download at once and takes the longest one",
  downloadsStartTogetherHint:
    "call download() for every file first (`files.map(…)`), and only then wait for the results",
  downloadsStartTogetherFail: (p: { fileName: string; callsLength: number }) =>
    `${p.fileName} was downloaded ${p.callsLength} times; expected once`,
  downloadsStartTogetherFail2: (p: { fileName: string; at: string }) =>
    `${p.fileName} started downloading at ${p.at}, not at 0.0 s: it waited for another download to finish first`,
  downloadsStartTogetherFail3: (p: { took: string; want: string }) =>
    `downloadAll took ${p.took} of virtual time; together, the downloads take the longest one, ${p.want}`,
  onDoneAtEachCompletionTitle: "downloadAll calls onDone the moment each download finishes",
  onDoneAtEachCompletionHint:
    "call onDone the moment each download finishes: inside the `for await` loop over asCompleted (or in each download's own `.then`), not after the loop",
  onDoneAtEachCompletionFail: (p: { doneLength: number; filesLength: number }) =>
    `onDone was called ${
      p.doneLength === 1 ? "once" : `${p.doneLength} times`
    } for ${p.filesLength} files; expected once per file`,
  onDoneAtEachCompletionFail2: (p: { fileName: string; finished: string; done: string }) =>
    `onDone was never called for ${p.fileName} (finished at ${p.finished}); it got ${p.done}: pass it the file the download resolved with`,
  onDoneAtEachCompletionFail3: (
    p: {
      fileName: string;
      at: string;
      finished: string;
      collected: boolean;
      inStartOrder: boolean;
    },
  ) =>
    `onDone(${p.fileName}) was called at ${p.at}, but that download finished at ${p.finished}${
      p.collected
        ? `: every file was reported at the very end. The results were collected first and printed afterwards — report each one inside the loop, as it arrives`
        : `${
          p.inStartOrder
            ? `: the files were reported in the order they were started, not the order they finished — a fast download waited behind a slow one`
            : ``
        }`
    }`,
  onDoneAtEachCompletionFail4: (
    p: { fileName: string; s: string; finished: string; inMs: boolean },
  ) =>
    `onDone(${p.fileName}, seconds) got seconds = ${p.s}; ${p.finished} had passed${
      p.inMs ? `: that is milliseconds, divide by 1000` : ``
    }`,
  secondsPerCallTitle: "downloadAll measures its times from its own start, on every call",
  secondsPerCallHint:
    "take `const start = performance.now()` inside downloadAll, at each call (not once for the module), and pass `(performance.now() - start) / 1000`",
  secondsPerCallFail: (
    p: { which: number; fileName: string; s: string; from: string; end: string; want: string },
  ) =>
    `call #${p.which} of downloadAll started at ${p.from}; ${p.fileName} finished at ${p.end}, so onDone should get ${p.want} since the start, but got seconds = ${p.s}`,
  secondsPerCallFail2: (p: { which: number; s: string; from: string; want: string }) =>
    `call #${p.which} of downloadAll started at ${p.from} and took ${p.want}, but returned seconds = ${p.s}. Likely causes: a start time taken once for the module instead of at each call, or a difference turned into a sum`,
  summaryTitle: "downloadAll returns the total seconds and the slowest file",
  summaryFail: (p: { s: string; want: string; inMs: boolean }) =>
    `downloadAll returned seconds = ${p.s}, but ${p.want} passed${
      p.inMs ? `: that is milliseconds, divide by 1000` : ``
    }`,
  summaryHint:
    "seconds = (performance.now() - start) / 1000; slowest = the name of the file with the largest `seconds`, wherever it is in the list: `files.reduce((a, b) => (b.seconds > a.seconds ? b : a))`",
  summaryFail2: (
    p: { summarySlowest: string; slowestName: string; slowestSeconds: string; place: number },
  ) =>
    `downloadAll returned slowest = ${p.summarySlowest}; the slowest file is ${p.slowestName} (${p.slowestSeconds}), number ${p.place} in the list`,
  mainFinishesTitle: "main() waits for every download before it returns",
  mainFinishesHint:
    "main awaits downloadAll(planDownloads(), { onDone }) and prints a line in onDone",
  mainFinishesFail: (p: { took: string; runPendingTimers: number }) =>
    `main() finished after ${p.took} while ${
      p.runPendingTimers === 1 ? "a timer was" : `${p.runPendingTimers} timers were`
    } still pending (downloads still running): likely a forgotten \`await\` on downloadAll`,
  mainFinishesExpected: "every download finished",
  mainFinishesFail3: (p: { took: string }) =>
    `main() finished after ${p.took}; five downloads of 1 to 5 s each, run together, take between 1 and 5 s. Likely causes: download() waiting the wrong time, or main() not awaiting downloadAll`,
  mainPrintsTitle:
    "main() prints each file the moment it finishes, with its time, then the total and the slowest file",
  mainPrintsHint:
    "print from the onDone callback you pass to downloadAll (it runs at each finish), then print the summary it returns: `onDone: (file, s) => console.log(`${file.name} ${s.toFixed(1)}`)`",
  mainFinishesFail2: "main() printed nothing: print a line as each file finishes, then the summary",
  mainPrintsFail: (p: { name: string; count: number }) =>
    `main() printed ${
      p.count === 1 ? "one line, which does not name" : `${p.count} lines, none naming`
    } ${p.name}: print a line for each file as it finishes`,
  mainPrintsFail2: (p: { name: string; at: string }) =>
    `no line naming ${p.name} was printed while the downloads ran (1 to 5 s); the first came at ${p.at}. A file's line comes when it finishes`,
  mainPrintsFail3: (p: { name: string; at: string; text: string }) =>
    `the line for ${p.name}, printed at ${p.at}, is ${p.text}: it does not carry the time it finished (${p.at}, in seconds or milliseconds)`,
  mainPrintsFail4: (
    p: { total: boolean; slowest: boolean; took: string; last: string; after: string },
  ) =>
    `main() took ${p.took}; after the last file's line it printed ${p.after}, ${
      p.total ? "" : `without the total time (${p.took})`
    }${!p.total && !p.slowest ? " and " : ""}${
      p.slowest ? "" : `without the slowest file (${p.last}, the last to finish)`
    }`,
  // Marks on timelines: code names, and a few words.
  markDone: (p: { name: string }) => `${p.name} done`,
  markSettled: (p: { value: string }) => `${p.value} settled`,
  markFirstNext: "first next()",
  markLongest: "longest download",
}, {
  title: "Cinq téléchargements, signalés dès que chacun se termine",
  hint1:
    "Appeler `download(file)` le lance déjà : transformez d'abord chaque fichier en sa promesse, et seulement ensuite attendez. Toute la question est l'ordre dans lequel vous les attendez.",
  hint2:
    "`for (const p of promises) yield await p` attend les promesses dans l'ordre où vous les avez passées : un premier fichier lent retient les rapides. Laissez plutôt chaque promesse se signaler quand elle se termine (`p.then(…)`), et rendez les valeurs dans cet ordre-là.",
  hint3:
    "Une façon de faire : dans une fonction ordinaire, une case `Promise.withResolvers()` par entrée (chacune avec `.catch(() => {})`, pour qu'un échec pas encore lu soit pris en charge) ; quand une entrée se termine, elle remplit la prochaine case libre (`slots[next++].resolve(value)` ou `.reject(error)`) ; puis renvoyez `(async function* () { for (const slot of slots) yield await slot.promise; })()`. `Promise.race` sur les promesses en attente ne suffit pas seul : pour un lecteur qui commence tard, plusieurs sont déjà terminées et la course les prend dans l'ordre d'entrée — notez plutôt l'ordre dans le `.then` de chacune.",
  consumeOkFail2: (p) =>
    `la lecture d'asCompleted(${p.what}) ne s'est jamais terminée : à ${p.at} elle attendait encore, sans rien qui puisse la réveiller. Causes probables : une valeur qui n'arrive jamais au lecteur (une case remplie deux fois, ou jamais), ou un itérateur qui ne répond pas \`done\` une fois toutes les promesses sorties`,
  readTwice: (p) =>
    `la lecture d'asCompleted(${p.what}) ne s'est jamais terminée (elle attendait encore à ${p.at}), et asCompleted a lu son entrée ${p.reads} fois : un générateur ne donne ses promesses que la première fois, la seconde lecture n'en a trouvé aucune. Lisez \`promises\` une seule fois, dans un tableau`,
  unhandledInside: (p) =>
    `avec ${p.what}, une promesse créée dans asCompleted a échoué sans que rien ne s'en occupe (${p.error}) : sous Deno, cela arrête tout le programme. Causes probables : un échec gardé dans une promesse que personne n'attend encore (donnez-lui un \`.catch(() => {})\` dès sa création), ou un callback qui lève une erreur (par exemple un indice de case sorti des bornes)`,
  consumeOkFail: (p) => `asCompleted(${p.what}) a échoué avec ${p.runError}`,
  unhandledHint:
    "une promesse qui peut échouer avant que quiconque l'attende a besoin d'un gestionnaire dès le départ : `slot.promise.catch(() => {})` juste après l'avoir créée (l'attendre plus tard donne quand même l'erreur) ; et aucun de vos callbacks ne doit lever d'erreur",
  planDownloadsFail6: (p) =>
    `${p.fileName} prend ${p.fileSeconds} s, mais son tirage random() = ${p.draws} donne 1 + ${p.draws} × 4 = ${p.want} s, soit ${p.rounded} s à une décimale : un tirage par fichier, dans l'ordre`,
  planDownloadsTitle: "planDownloads crée file_1.zip… avec 1 à 5 s tirées du random fourni",
  planDownloadsHint:
    "pour le fichier i, `{ name: `file_${i}.zip`, seconds: Math.round((1 + random() * 4) * 10) / 10 }`, avec le paramètre `random`, pas Math.random",
  planDownloadsFail: (p) =>
    `planDownloads() a renvoyé ${
      p.byDefault ? `${p.byDefaultLength} fichier${p.byDefaultLength > 1 ? "s" : ""}` : p.byDefault2
    } ; par défaut il prévoit 5 fichiers`,
  planDownloadsFail2: (p) =>
    `planDownloads(${p.count}, random) a renvoyé ${
      p.files ? `${p.filesLength} fichier${p.filesLength > 1 ? "s" : ""}` : p.files2
    } ; attendu ${p.count}`,
  planDownloadsFail3: (p) => `le fichier ${p.i} s'appelle ${p.fileName} ; attendu « ${p.name} »`,
  planDownloadsFail4: (p) =>
    `${p.name} prend ${p.s} s ; attendu un nombre de secondes entre 1 et 5, avec une décimale`,
  planDownloadsFail5: (p) =>
    `planDownloads(${p.count}, random) a appelé la fonction random reçue ${p.drawsLength} fois pour ${p.count} fichiers : utilisez le paramètre \`random\` (le correcteur passe le sien), pas Math.random`,
  downloadWaitsTitle: "download(file) attend file.seconds, puis renvoie le fichier",
  downloadWaitsHint:
    "`await new Promise((resolve) => setTimeout(resolve, file.seconds * 1000))` : setTimeout compte en millisecondes",
  downloadWaitsFail: (p) =>
    `download({ seconds: ${p.fileSeconds} }) a pris ${p.took} de temps virtuel ; attendu ${p.want}${
      p.inMs ? ` : setTimeout prend des millisecondes, multipliez les secondes par 1000` : ``
    }`,
  downloadWaitsFail2: (p) =>
    `download(file) a renvoyé ${p.got} ; attendu le fichier lui-même, ${p.file}`,
  yieldsInSettlementOrderTitle:
    "asCompleted rend les valeurs dans l'ordre où leurs promesses se terminent",
  yieldsInSettlementOrderHint:
    "n'attendez pas les promesses dans l'ordre reçu : laissez chacune se signaler quand elle se termine (`.then`), et rendez les valeurs dans cet ordre",
  yieldsInSettlementOrderArg: "cinq promesses",
  yieldsInSettlementOrderFail: (p) =>
    `la boucle a reçu ${p.got} ; dans l'ordre où elles se terminent, c'est ${p.want}${
      p.inInputOrder
        ? `. C'est l'ordre dans lequel les promesses ont été passées : les attendre une à une fait patienter une promesse rapide derrière une lente`
        : ``
    }`,
  yieldsAtSettleInstantTitle:
    "asCompleted rend chaque valeur à l'instant où sa promesse se termine",
  yieldsAtSettleInstantHint:
    "n'attendez pas toutes les promesses avant de rendre les valeurs : rendez chacune dès qu'elle est là",
  yieldsAtSettleInstantFail: (p) =>
    `la valeur ${p.rValue} (terminée à ${p.settled}) n'est jamais sortie de la boucle`,
  yieldsAtSettleInstantFail2: (p) =>
    `la valeur ${p.rValue} est sortie à ${p.at}, alors que sa promesse s'est terminée à ${p.settled}${
      p.allAtEnd
        ? ` : toutes les valeurs sont sorties au même instant, une fois toutes finies — les résultats ont été rassemblés d'abord et rendus ensuite`
        : ``
    }`,
  rejectionArg: (p) =>
    `${p.n} promesses, dont la ${
      p.k === 1 ? "première" : p.k === p.n ? "dernière" : `${p.k}e`
    } à se terminer échoue${p.two ? ", ainsi que la suivante" : ""}`,
  rejectionAtItsTurnFail3: (p) =>
    `avec ${p.what} : la promesse qui a échoué à ${p.failAt} avec « ${p.errorMessage} » n'a jamais fait échouer la boucle ; elle a reçu ${p.got} et s'est terminée normalement. L'erreur a été avalée`,
  rejectionAtItsTurnFail4: (p) =>
    `avec ${p.what} : la boucle a levé ${p.seenError} ; attendu l'erreur de la promesse elle-même, Error: ${p.errorMessage}`,
  rejectionAtItsTurnFail5: (p) =>
    `avec ${p.what} : avant l'erreur, la boucle a reçu ${p.got} ; attendu ${p.before}, les valeurs terminées avant l'échec, dans cet ordre`,
  lateReaderTitle: "asCompleted garde l'ordre d'arrivée pour un lecteur qui commence tard",
  lateReaderHint:
    "attachez `.then` à chaque promesse dès l'appel d'asCompleted, pas au premier `next()` : une fonction ordinaire qui prépare tout, puis renvoie le générateur, par exemple `return (async function* () { … })()`",
  lateReaderArg: (p) =>
    `cinq promesses lues à partir de ${p.from}${
      p.rejects ? ", la deuxième à se terminer échouant" : ""
    }`,
  lateReaderFail: (p) =>
    `avec ${p.what} : la boucle a reçu ${p.got} ; dans l'ordre où elles se terminent, c'est ${p.want}${
      p.inInputOrder
        ? ". Les promesses déjà terminées sont sorties dans l'ordre où elles ont été passées : asCompleted n'a commencé à les surveiller qu'au premier next(), quand leur ordre ne pouvait plus se voir"
        : ""
    }`,
  lateReaderFail2: (p) =>
    `avec ${p.what} : ${
      p.seen === "" ? "la boucle n'a jamais levé d'erreur" : `la boucle a levé ${p.seen}`
    } ; attendu Error: ${p.errorMessage} juste après la première valeur, à son tour`,
  lateReaderFail3: (p) =>
    `avec ${p.what} : ${p.value} est sortie à ${p.at} ; attendu ${p.due}${
      p.early
        ? ` (elle s'est terminée à ${p.settled}, avant le début de la lecture : elle était prête au premier next())`
        : ` (l'instant où elle s'est terminée)`
    }`,
  rejectionAtItsTurnTitle: "un échec sort d'asCompleted à son tour, après les valeurs d'avant",
  rejectionAtItsTurnHint:
    "quand une promesse échoue, le `next()` suivant doit échouer avec cette même erreur ; ne la sautez pas et n'en faites pas une valeur",
  emptyInputTitle: "asCompleted([]) se termine aussitôt",
  emptyInputHint: "sans promesse, il n'y a rien à attendre : le premier `next()` répond `done`",
  emptyInputArg: "[]",
  emptyInputFail: (p) => `asCompleted([]) a rendu ${p.seenYields} ; attendu rien`,
  emptyInputFail2: (p) =>
    `asCompleted([]) ${
      p.threw === "" ? `n'a répondu done qu'à ${p.at}` : `a levé ${p.threw}`
    } ; sans rien à attendre, le premier next() répond done aussitôt (0 s)`,
  anyIterableHint:
    "lisez l'entrée une seule fois, par exemple `const inputs = [...promises]`, puis n'utilisez plus que `inputs` : un générateur ne donne ses éléments que la première fois",
  anyIterableTitle: "asCompleted accepte tout itérable : un générateur, un Set",
  anyIterableGenerator: "un générateur",
  anyIterableSet: "un Set",
  anyIterableFail: (p) =>
    `avec ${p.kind} de trois promesses, la boucle a reçu ${p.seenYields} ; attendu chacune de ${p.want} une fois${
      p.reads > 1
        ? `. asCompleted a lu son entrée ${p.reads} fois : lisez-la une seule fois, dans un tableau`
        : ""
    }`,
  independentTitle: "deux appels d'asCompleted donnent deux itérateurs indépendants",
  independentHint:
    "gardez tout l'état (cases, compteurs) dans l'appel, pas au niveau du module : `function asCompleted(ps) { const slots = …; let next = 0; … }`",
  independentArg: "deux lots de trois promesses lus en même temps, puis deux autres",
  independentFirst: "le premier appel",
  independentSecond: "le deuxième appel",
  independentThird: "un troisième appel, fait après la fin des deux premiers",
  independentFail: (p) =>
    `${p.which} d'asCompleted a reçu ${p.got}${
      p.threw === "" ? "" : ` et a levé ${p.threw}`
    } ; attendu les valeurs de ses propres promesses dans l'ordre où elles se terminent, ${p.want}. Deux appels ne doivent rien partager`,
  anyIterableArg: (p) => `${p.kind} de trois promesses`,
  downloadsStartTogetherTitle:
    "downloadAll lance tous les téléchargements d'un coup et prend le plus long",
  downloadsStartTogetherHint:
    "appelez download() pour chaque fichier d'abord (`files.map(…)`), et seulement ensuite attendez les résultats",
  downloadsStartTogetherFail: (p) =>
    `${p.fileName} a été téléchargé ${p.callsLength} fois ; attendu une fois`,
  downloadsStartTogetherFail2: (p) =>
    `${p.fileName} a commencé à ${p.at}, pas à 0,0 s : il a attendu la fin d'un autre téléchargement`,
  downloadsStartTogetherFail3: (p) =>
    `downloadAll a pris ${p.took} de temps virtuel ; ensemble, les téléchargements prennent le plus long, ${p.want}`,
  onDoneAtEachCompletionTitle:
    "downloadAll appelle onDone à l'instant où chaque téléchargement se termine",
  onDoneAtEachCompletionHint:
    "appelez onDone à l'instant où chaque téléchargement se termine : dans la boucle `for await` sur asCompleted (ou dans le `.then` de chaque téléchargement), pas après la boucle",
  onDoneAtEachCompletionFail: (p) =>
    `onDone a été appelé ${
      p.doneLength === 1 ? "une fois" : `${p.doneLength} fois`
    } pour ${p.filesLength} fichiers ; attendu une fois par fichier`,
  onDoneAtEachCompletionFail2: (p) =>
    `onDone n'a jamais été appelé pour ${p.fileName} (fini à ${p.finished}) ; il a reçu ${p.done} : passez-lui le fichier renvoyé par le téléchargement`,
  onDoneAtEachCompletionFail3: (p) =>
    `onDone(${p.fileName}) a été appelé à ${p.at}, alors que ce téléchargement a fini à ${p.finished}${
      p.collected
        ? ` : tous les fichiers ont été signalés tout à la fin. Les résultats ont été rassemblés d'abord et affichés ensuite — signalez chacun dans la boucle, dès qu'il arrive`
        : `${
          p.inStartOrder
            ? ` : les fichiers ont été signalés dans l'ordre où ils ont été lancés, pas dans celui où ils ont fini — un téléchargement rapide a attendu derrière un lent`
            : ``
        }`
    }`,
  onDoneAtEachCompletionFail4: (p) =>
    `onDone(${p.fileName}, seconds) a reçu seconds = ${p.s} ; ${p.finished} s'étaient écoulées${
      p.inMs ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  secondsPerCallTitle: "downloadAll mesure ses durées depuis son propre début, à chaque appel",
  secondsPerCallHint:
    "prenez `const start = performance.now()` dans downloadAll, à chaque appel (pas une fois pour tout le module), et passez `(performance.now() - start) / 1000`",
  secondsPerCallFail: (p) =>
    `l'appel n° ${p.which} de downloadAll a commencé à ${p.from} ; ${p.fileName} a fini à ${p.end}, onDone aurait donc dû recevoir ${p.want} depuis le début, mais a reçu seconds = ${p.s}`,
  secondsPerCallFail2: (p) =>
    `l'appel n° ${p.which} de downloadAll a commencé à ${p.from} et a duré ${p.want}, mais a renvoyé seconds = ${p.s}. Causes probables : un instant de départ pris une fois pour tout le module au lieu d'à chaque appel, ou une différence devenue une somme`,
  summaryTitle: "downloadAll renvoie le total en secondes et le fichier le plus lent",
  summaryFail: (p) =>
    `downloadAll a renvoyé seconds = ${p.s}, alors que ${p.want} se sont écoulées${
      p.inMs ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  summaryHint:
    "seconds = (performance.now() - start) / 1000 ; slowest = le nom du fichier au plus grand `seconds`, où qu'il soit dans la liste : `files.reduce((a, b) => (b.seconds > a.seconds ? b : a))`",
  summaryFail2: (p) =>
    `downloadAll a renvoyé slowest = ${p.summarySlowest} ; le fichier le plus lent est ${p.slowestName} (${p.slowestSeconds}), n° ${p.place} de la liste`,
  mainFinishesTitle: "main() attend la fin de tous les téléchargements avant de rendre la main",
  mainFinishesHint:
    "main attend downloadAll(planDownloads(), { onDone }) et affiche une ligne dans onDone",
  mainFinishesFail: (p) =>
    `main() s'est terminée après ${p.took} alors que ${
      p.runPendingTimers === 1 ? "un minuteur était" : `${p.runPendingTimers} minuteurs étaient`
    } encore en attente (des téléchargements tournaient encore) : probablement un \`await\` oublié devant downloadAll`,
  mainFinishesExpected: "tous les téléchargements finis",
  mainFinishesFail3: (p) =>
    `main() s'est terminée après ${p.took} ; cinq téléchargements de 1 à 5 s chacun, lancés ensemble, durent entre 1 et 5 s. Causes probables : download() n'attend pas la bonne durée, ou main() n'attend pas downloadAll`,
  mainPrintsTitle:
    "main() affiche chaque fichier dès qu'il est fini, avec sa durée, puis le total et le fichier le plus lent",
  mainPrintsHint:
    "affichez depuis le callback onDone passé à downloadAll (il s'exécute à chaque fin), puis affichez le bilan qu'il renvoie : `onDone: (file, s) => console.log(`${file.name} ${s.toFixed(1)}`)`",
  mainFinishesFail2:
    "main() n'a rien affiché : affichez une ligne à la fin de chaque fichier, puis le bilan",
  mainPrintsFail: (p) =>
    `main() a affiché ${
      p.count === 1 ? "une ligne, qui ne nomme pas" : `${p.count} lignes, dont aucune ne nomme`
    } ${p.name} : affichez une ligne pour chaque fichier dès qu'il est fini`,
  mainPrintsFail2: (p) =>
    `aucune ligne nommant ${p.name} n'a été affichée pendant les téléchargements (de 1 à 5 s) ; la première est venue à ${p.at}. La ligne d'un fichier vient quand il finit`,
  mainPrintsFail3: (p) =>
    `la ligne de ${p.name}, affichée à ${p.at}, est ${p.text} : elle ne porte pas l'instant où il a fini (${p.at}, en secondes ou en millisecondes)`,
  mainPrintsFail4: (p) =>
    `main() a duré ${p.took} ; après la ligne du dernier fichier, elle a affiché ${p.after}, ${
      p.total ? "" : `sans la durée totale (${p.took})`
    }${!p.total && !p.slowest ? " et " : ""}${
      p.slowest ? "" : `sans le fichier le plus lent (${p.last}, le dernier à finir)`
    }`,
  markDone: (p) => `${p.name} terminé`,
  markSettled: (p) => `${p.value} réglée`,
  markFirstNext: "premier next()",
  markLongest: "téléchargement le plus long",
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
