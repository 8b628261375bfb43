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
    "One way: make one `Promise.withResolvers()` slot per input; when any input settles, settle the next free slot with it (`slots[next++].resolve(value)` or `.reject(error)`); then the async generator does `for (const slot of slots) yield await slot.promise`. Another: `Promise.race` over the promises still pending, removing the winner each time.",
  consumeOkFail: (p: { what: string; runError: string }) =>
    `asCompleted(${p.what}) failed with ${p.runError}`,
  consumeOkFail2: (p: { what: string; at: string }) =>
    `looping over asCompleted(${p.what}) never ended: at ${p.at} it was still waiting with nothing left that could wake it. Does your iterator say \`done\` once every promise has come out?`,
  consumeOkFail3: (p: { what: string; error: string }) =>
    `looping over asCompleted(${p.what}) threw ${p.error}, though no promise rejected`,
  planDownloadsTitle: "planDownloads makes file_1.zip… with 1–5 s drawn from the given random",
  planDownloadsHint:
    "for file i, `{ name: `file_${i}.zip`, seconds: Math.round((1 + random() * 4) * 10) / 10 }`, using the `random` parameter, not Math.random",
  planDownloadsFail: (p: { byDefault: boolean; byDefaultLength: number; byDefault2: string }) =>
    `planDownloads() returned ${
      p.byDefault ? `${p.byDefaultLength} files` : `${p.byDefault2}`
    }; by default it plans 5 files`,
  planDownloadsFail2: (p: { count: number; files: boolean; filesLength: number; files2: string }) =>
    `planDownloads(${p.count}, random) returned ${
      p.files ? `${p.filesLength} files` : `${p.files2}`
    }; expected ${p.count}`,
  planDownloadsFail3: (p: { i: number; fileName: string; name: string }) =>
    `file ${p.i} is named ${p.fileName}; expected "${p.name}"`,
  planDownloadsFail4: (p: { name: string; s: string }) =>
    `${p.name} takes ${p.s} s; expected a number of seconds between 1 and 5, with one decimal`,
  planDownloadsFail5: (p: { count: number; drawsLength: number }) =>
    `planDownloads(${p.count}, random) called the random function it was given ${p.drawsLength} times for ${p.count} files: use the \`random\` parameter (the grader passes its own), not Math.random`,
  planDownloadsFail6: (p: { fileName: string; fileSeconds: number; draws: string; want: string }) =>
    `${p.fileName} takes ${p.fileSeconds} s, but its draw random() = ${p.draws} gives 1 + ${p.draws} × 4 = ${p.want} s: one draw per file, in order`,
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
  rejectionAtItsTurnTitle:
    "a rejection comes out of asCompleted at its turn, after the values before it",
  rejectionAtItsTurnHint:
    "when a promise rejects, the next `next()` must reject with that same error; do not skip it or turn it into a value",
  rejectionAtItsTurnFail: (p: { what: string }) =>
    `looping over asCompleted(…) ended with ${p.what}`,
  rejectionAtItsTurnFail2: (p: { what: string }) =>
    `a promise inside asCompleted was rejected and nobody handled it (${p.what}): in Deno that ends the whole program`,
  rejectionAtItsTurnFail3: (p: { failAt: string; errorMessage: string; got: string }) =>
    `the promise that rejected at ${p.failAt} with "${p.errorMessage}" never made the loop throw: it yielded ${p.got} and ended normally. The error was swallowed`,
  rejectionAtItsTurnFail4: (p: { seenError: string; errorMessage: string }) =>
    `the loop threw ${p.seenError}; expected the promise's own error, Error: ${p.errorMessage}`,
  rejectionAtItsTurnFail5: (p: { got: string; before: string }) =>
    `before the error the loop got ${p.got}; expected ${p.before}, the value that settled before the rejection`,
  emptyInputTitle: "asCompleted([]) ends at once",
  emptyInputHint: "with no promises there is nothing to wait for: the first `next()` says `done`",
  emptyInputArg: "[]",
  emptyInputFail: (p: { seenYields: string }) =>
    `asCompleted([]) yielded ${p.seenYields}; expected nothing`,
  anyIterableTitle: "asCompleted takes any iterable: a generator, a Set",
  anyIterableGenerator: "a generator",
  anyIterableSet: "a Set",
  anyIterableHint:
    "read the input once, e.g. `const inputs = [...promises]`: a generator can be read only once",
  anyIterableArg: (p: { kind: string }) => `${p.kind} of three promises`,
  anyIterableFail: (p: { kind: string; seenYields: string; want: string }) =>
    `given ${p.kind} of three promises, the loop got ${p.seenYields}; expected each of ${p.want} once`,
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
    "call onDone inside the `for await` loop over asCompleted, not after it: print as you go",
  onDoneAtEachCompletionFail: (p: { doneLength: number; filesLength: number }) =>
    `onDone was called ${p.doneLength} times for ${p.filesLength} files; expected once per file`,
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
  summaryTitle: "downloadAll returns the total seconds and the slowest file",
  summaryHint:
    "seconds = (performance.now() - start) / 1000; slowest = the name of the file with the largest `seconds`",
  summaryFail: (p: { s: string; want: string; inMs: boolean }) =>
    `downloadAll returned seconds = ${p.s}, but ${p.want} passed${
      p.inMs ? `: that is milliseconds, divide by 1000` : ``
    }`,
  summaryFail2: (p: { summarySlowest: string; slowestName: string; slowestSeconds: string }) =>
    `downloadAll returned slowest = ${p.summarySlowest}; the slowest file is ${p.slowestName} (${p.slowestSeconds})`,
  mainFinishesTitle: "main() waits for the downloads and prints",
  mainFinishesHint:
    "main awaits downloadAll(planDownloads(), { onDone }) and prints a line in onDone",
  mainFinishesFail: (p: { took: string; runPendingTimers: number }) =>
    `main() finished after ${p.took} while ${p.runPendingTimers} download(s) were still running: did you forget \`await\`?`,
  mainFinishesExpected: "every download finished",
  mainFinishesFail2: "main() printed nothing: print a line as each file finishes, then the summary",
}, {
  title: "Cinq téléchargements, signalés dès que chacun se termine",
  hint1:
    "Appeler `download(file)` le lance déjà : transformez d'abord chaque fichier en sa promesse, et seulement ensuite attendez. Toute la question est l'ordre dans lequel vous les attendez.",
  hint2:
    "`for (const p of promises) yield await p` attend les promesses dans l'ordre où vous les avez passées : un premier fichier lent retient les rapides. Laissez plutôt chaque promesse se signaler quand elle se termine (`p.then(…)`), et rendez les valeurs dans cet ordre-là.",
  hint3:
    "Une façon de faire : une case `Promise.withResolvers()` par entrée ; quand une entrée se termine, elle remplit la prochaine case libre (`slots[next++].resolve(value)` ou `.reject(error)`) ; le générateur async fait ensuite `for (const slot of slots) yield await slot.promise`. Une autre : `Promise.race` sur les promesses encore en attente, en retirant la gagnante à chaque tour.",
  consumeOkFail: (p) => `asCompleted(${p.what}) a échoué avec ${p.runError}`,
  consumeOkFail2: (p) =>
    `la boucle sur asCompleted(${p.what}) ne s'est jamais terminée : à ${p.at} elle attendait encore sans que rien ne puisse la réveiller. Votre itérateur répond-il \`done\` une fois toutes les promesses sorties ?`,
  consumeOkFail3: (p) =>
    `la boucle sur asCompleted(${p.what}) a levé ${p.error}, alors qu'aucune promesse n'a échoué`,
  planDownloadsTitle: "planDownloads crée file_1.zip… avec 1 à 5 s tirées du random fourni",
  planDownloadsHint:
    "pour le fichier i, `{ name: `file_${i}.zip`, seconds: Math.round((1 + random() * 4) * 10) / 10 }`, avec le paramètre `random`, pas Math.random",
  planDownloadsFail: (p) =>
    `planDownloads() a renvoyé ${
      p.byDefault ? `${p.byDefaultLength} fichiers` : `${p.byDefault2}`
    } ; par défaut il prévoit 5 fichiers`,
  planDownloadsFail2: (p) =>
    `planDownloads(${p.count}, random) a renvoyé ${
      p.files ? `${p.filesLength} fichiers` : `${p.files2}`
    } ; attendu ${p.count}`,
  planDownloadsFail3: (p) => `le fichier ${p.i} s'appelle ${p.fileName} ; attendu "${p.name}"`,
  planDownloadsFail4: (p) =>
    `${p.name} prend ${p.s} s ; attendu un nombre de secondes entre 1 et 5, avec une décimale`,
  planDownloadsFail5: (p) =>
    `planDownloads(${p.count}, random) a appelé la fonction random reçue ${p.drawsLength} fois pour ${p.count} fichiers : utilisez le paramètre \`random\` (le correcteur passe le sien), pas Math.random`,
  planDownloadsFail6: (p) =>
    `${p.fileName} prend ${p.fileSeconds} s, mais son tirage random() = ${p.draws} donne 1 + ${p.draws} × 4 = ${p.want} s : un tirage par fichier, dans l'ordre`,
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
  rejectionAtItsTurnTitle: "un échec sort d'asCompleted à son tour, après les valeurs d'avant",
  rejectionAtItsTurnHint:
    "quand une promesse échoue, le `next()` suivant doit échouer avec cette même erreur ; ne la sautez pas et n'en faites pas une valeur",
  rejectionAtItsTurnFail: (p) => `la boucle sur asCompleted(…) s'est terminée par ${p.what}`,
  rejectionAtItsTurnFail2: (p) =>
    `une promesse dans asCompleted a échoué sans que personne ne s'en occupe (${p.what}) : sous Deno, cela arrête tout le programme`,
  rejectionAtItsTurnFail3: (p) =>
    `la promesse qui a échoué à ${p.failAt} avec "${p.errorMessage}" n'a jamais fait échouer la boucle : elle a reçu ${p.got} et s'est terminée normalement. L'erreur a été avalée`,
  rejectionAtItsTurnFail4: (p) =>
    `la boucle a levé ${p.seenError} ; attendu l'erreur de la promesse elle-même, Error: ${p.errorMessage}`,
  rejectionAtItsTurnFail5: (p) =>
    `avant l'erreur, la boucle a reçu ${p.got} ; attendu ${p.before}, la valeur terminée avant l'échec`,
  emptyInputTitle: "asCompleted([]) se termine aussitôt",
  emptyInputHint: "sans promesse, il n'y a rien à attendre : le premier `next()` répond `done`",
  emptyInputArg: "[]",
  emptyInputFail: (p) => `asCompleted([]) a rendu ${p.seenYields} ; attendu rien`,
  anyIterableTitle: "asCompleted accepte tout itérable : un générateur, un Set",
  anyIterableGenerator: "un générateur",
  anyIterableSet: "un Set",
  anyIterableHint:
    "lisez l'entrée une seule fois, par exemple `const inputs = [...promises]` : un générateur ne se lit qu'une fois",
  anyIterableArg: (p) => `${p.kind} de trois promesses`,
  anyIterableFail: (p) =>
    `avec ${p.kind} de trois promesses, la boucle a reçu ${p.seenYields} ; attendu chacune de ${p.want} une fois`,
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
    "appelez onDone dans la boucle `for await` sur asCompleted, pas après : affichez au fil de l'eau",
  onDoneAtEachCompletionFail: (p) =>
    `onDone a été appelé ${p.doneLength} fois pour ${p.filesLength} fichiers ; attendu une fois par fichier`,
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
  summaryTitle: "downloadAll renvoie le total en secondes et le fichier le plus lent",
  summaryHint:
    "seconds = (performance.now() - start) / 1000 ; slowest = le nom du fichier au plus grand `seconds`",
  summaryFail: (p) =>
    `downloadAll a renvoyé seconds = ${p.s}, alors que ${p.want} se sont écoulées${
      p.inMs ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  summaryFail2: (p) =>
    `downloadAll a renvoyé slowest = ${p.summarySlowest} ; le fichier le plus lent est ${p.slowestName} (${p.slowestSeconds})`,
  mainFinishesTitle: "main() attend les téléchargements et affiche",
  mainFinishesHint:
    "main attend downloadAll(planDownloads(), { onDone }) et affiche une ligne dans onDone",
  mainFinishesFail: (p) =>
    `main() s'est terminée après ${p.took} alors que ${p.runPendingTimers} téléchargement(s) tournaient encore : un \`await\` oublié ?`,
  mainFinishesExpected: "tous les téléchargements finis",
  mainFinishesFail2:
    "main() n'a rien affiché : affichez une ligne à la fin de chaque fichier, puis le bilan",
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
