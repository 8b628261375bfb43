/**
 * Every sentence exercise 3 (`03_timeouts.ts`) shows a learner, in English and
 * French: its title, its hints (one at a time, from a nudge to the idea), and
 * each check's title, hint and failures.
 *
 * @module
 */
import { defineCatalog, texts } from "../../i18n/mod.ts";

/** The catalog: the English side sets the keys and parameters, the French one follows. */
export const MESSAGES = defineCatalog({
  title: "A deadline on each call, like asyncio.wait_for",
  instantsSeparator: ", ",
  hint1:
    "A deadline is a race between the work and a timer: whichever settles first decides. `Promise.race([work(signal), timer])` is the whole shape of `withTimeout`.",
  hint2:
    'Losing the race does not stop the loser. When the timer wins, abort the work\'s signal so `query` clears its own timer; when the work wins, `clearTimeout` your timer (a `finally` block does it on every path). Reject with `new DOMException("…", "TimeoutError")`.',
  hint3:
    "In `queryAll`, give every server its own `withTimeout((signal) => query(name, seconds, signal), timeoutMs)` inside one `Promise.all` over `Object.entries(servers)`: each one catches its own TimeoutError, calls `log` right there, and pushes its name to `timedOut` or `responded`.",
  queryWaitsAndStopsTitle: "query waits its time, and stops at once when its signal aborts",
  queryWaitsAndStopsHint:
    "in the promise: `setTimeout(resolve, seconds * 1000)`; on the signal's `abort` event, `clearTimeout` and `reject(signal.reason)`; if `signal.aborted` already, reject right away",
  queryWaitsAndStopsFail: (p: { table: string; STATEMENT: string }) =>
    `SERVERS is ${p.table}; the statement's servers are ${p.STATEMENT}`,
  queryWaitsAndStopsFail2: (
    p: { name: string; seconds: number; took: string; want: string; plainElapsedMs: boolean },
  ) =>
    `query("${p.name}", ${p.seconds}) took ${p.took} of virtual time; expected ${p.want}${
      p.plainElapsedMs ? `: setTimeout takes milliseconds` : ``
    }`,
  queryWaitsAndStopsFail3: (p: { name: string; seconds: number; plainValue: string }) =>
    `query("${p.name}", ${p.seconds}) resolved with ${p.plainValue}; expected a string`,
  queryWaitsAndStopsWhat: "answered anyway",
  queryWaitsAndStopsWhat2: "rejected",
  queryWaitsAndStopsWhat3: (p: { abortedStatus: string }) => `ended with ${p.abortedStatus}`,
  queryWaitsAndStopsFail4: (p: { at: string; what: string; took: string }) =>
    `the signal was aborted at ${p.at}, but query ${p.what} at ${p.took}: listen to the signal's abort event and reject right then`,
  queryWaitsAndStopsFail5: (p: { abortedPendingTimers: number }) =>
    `query stopped when its signal aborted but left ${p.abortedPendingTimers} timer(s) pending: clearTimeout yours, or it keeps the program alive for nothing`,
  queryWaitsAndStopsFail6: (p: { earlyStatus: boolean; took: string }) =>
    `given a signal that was already aborted, query ${
      p.earlyStatus ? `rejected` : `answered`
    } after ${p.took}; it should reject at once (check \`signal.aborted\` first)`,
  timeoutRejectsAtMsTitle: "withTimeout rejects with a TimeoutError exactly at the deadline",
  timeoutRejectsAtMsHint:
    'start your own timer: when it fires, reject with `new DOMException("…", "TimeoutError")` — do not count on the work to stop by itself',
  timeoutRejectsAtMsWhat: (p: { runValue: string; took: string }) =>
    `resolved with ${p.runValue} at ${p.took}, when the work ended`,
  timeoutRejectsAtMsWhat2: (p: { runStatus: string; took: string }) =>
    `ended with ${p.runStatus} at ${p.took}`,
  timeoutRejectsAtMsFail: (p: { ms: number; workMs: string; what: string; want: string }) =>
    `withTimeout(work, ${p.ms}), whose work takes ${p.workMs} and ignores its signal, ${p.what}; it should reject at ${p.want}. Your own timer must reject: the work may not listen to the signal`,
  timeoutRejectsAtMsFail2: (p: { ms: number; took: string; want: string; runElapsedMs: boolean }) =>
    `withTimeout(work, ${p.ms}) rejected at ${p.took}; the deadline is ${p.want}${
      p.runElapsedMs ? `, not when the work gives up` : ``
    }`,
  timeoutRejectsAtMsFail3: (p: { got: string }) =>
    `withTimeout rejected at the right time, but with ${p.got}; expected an error named TimeoutError, e.g. \`new DOMException("…", "TimeoutError")\`, so callers can tell a timeout from a failure`,
  resolvesWithValueTitle: "withTimeout resolves with the work's value as soon as it is there",
  resolvesWithValueHint:
    "`return await Promise.race([work(signal), deadline])`: the race settles like the first to finish",
  resolvesWithValueFail: (p: { ms: number; runValue: string; value: string; runValue2: boolean }) =>
    `withTimeout(work, ${p.ms}) resolved with ${p.runValue}; the work returned ${p.value}${
      p.runValue2 ? `: a missing \`return\`?` : ``
    }`,
  resolvesWithValueFail2: (p: { took: string; want: string }) =>
    `withTimeout resolved at ${p.took}, but the work was done at ${p.want}: do not wait for the deadline once the work has finished`,
  passesRejectionTitle: "withTimeout passes the work's own error through",
  passesRejectionHint:
    "only your timer may produce a TimeoutError: when the work itself fails, reject with its error",
  passesRejectionFail: (
    p: {
      at: string;
      errorMessage: string;
      runStatus: boolean;
      runValue: string;
      runStatus2: string;
    },
  ) =>
    `the work failed at ${p.at} with "${p.errorMessage}", but withTimeout ${
      p.runStatus ? `resolved with ${p.runValue}` : `ended with ${p.runStatus2}`
    }: let the error through`,
  passesRejectionFail2: (p: { errorMessage: string; got: string; runError: boolean }) =>
    `the work failed with "${p.errorMessage}", but withTimeout rejected with ${p.got}${
      p.runError ? `: that is not a timeout, the work failed on its own` : ``
    }`,
  passesRejectionFail3: (p: { took: string; at: string }) =>
    `withTimeout rejected at ${p.took}; the work failed at ${p.at}`,
  clearsItsTimerTitle:
    "withTimeout clears its timer when the work finishes first (no leaked timer)",
  clearsItsTimerHint:
    "keep the id from setTimeout and `clearTimeout(id)` in a `finally`: it runs whether the work succeeded, failed or timed out",
  clearsItsTimerFail: (p: { how: string; n: number; ms: string }) =>
    `${p.how}, ${p.n} timer(s) of yours were still pending: the ${p.ms} deadline timer was never cleared. In a real program it keeps the process alive until it fires, for nothing — clearTimeout it as soon as the race is decided`,
  clearsItsTimerArg: (p: { fails: boolean; at: string }) =>
    `when the work ${p.fails ? `failed` : `finished`} at ${p.at}`,
  clearsItsTimerArg2: (p: { runElapsedMs: string }) =>
    `when queryAll returned at ${p.runElapsedMs}`,
  timeoutAbortsWorkTitle:
    "at the deadline, the work's signal is aborted (the slow call is cancelled)",
  timeoutAbortsWorkHint:
    "pass `controller.signal` to the work and call `controller.abort()` when your timer fires; in queryAll, hand that signal on: `(signal) => query(name, seconds, signal)`",
  timeoutAbortsWorkFail: "withTimeout never called the work",
  timeoutAbortsWorkFail2:
    "withTimeout called the work without a signal: call `work(signal)` so the work can be told to stop",
  timeoutAbortsWorkGot: "never",
  timeoutAbortsWorkFail3: (p: { got: string; want: string; callAborted: boolean }) =>
    `the work's signal was aborted: ${p.got}; expected at the deadline, ${p.want}. ${
      p.callAborted
        ? ``
        : `Losing the race does not stop the work: it keeps running (and holding its timer) after withTimeout gave up`
    }`,
  timeoutAbortsWorkFail4: (
    p: {
      name: string;
      seconds: string;
      start: string;
      noSignal: boolean;
      cancelled: boolean;
      at: string;
      timeoutMs: number;
    },
  ) =>
    `queryAll: ${p.name} (${p.seconds}) was not cancelled at its deadline (${p.start})${
      p.noSignal
        ? `: query was called without the signal. Pass it on: \`withTimeout((signal) => query(name, seconds, signal), timeoutMs)\``
        : `${
          p.cancelled
            ? `: it was cancelled at ${p.at} — is the timeoutMs option (${p.timeoutMs}) used?`
            : ``
        }`
    }`,
  queryAllTogetherTitle: "queryAll queries every server at once and returns at the deadline",
  queryAllTogetherHint:
    "start one withTimeout per server with `Object.entries(servers).map(…)` and await them together with Promise.all",
  queryAllTogetherFail: (p: { name: string; callsLength: number }) =>
    `${p.name} was queried ${p.callsLength} times; expected once`,
  queryAllTogetherFail2: (p: { name: string; at: string }) =>
    `${p.name} was queried at ${p.at}, not at 0.0 s: it waited for another server first. Start every query before awaiting any`,
  queryAllTogetherFail3: (
    p: { timeoutMs: number; took: string; timeoutMs2: string; want: string; runElapsedMs: boolean },
  ) =>
    `queryAll(servers, { timeoutMs: ${p.timeoutMs} }) took ${p.took}; with every query started together and cut at ${p.timeoutMs2}, it takes ${p.want}${
      p.runElapsedMs ? `: is timeoutMs used for each deadline?` : ``
    }`,
  warnsAtDeadlineTitle: "queryAll warns through log the moment a server misses its deadline",
  warnsAtDeadlineHint:
    "catch the TimeoutError around each server's own withTimeout and call `log(…)` right there, naming the server; use the `log` option, not console",
  warnsAtDeadlineSeen:
    "log was never called (did you print with console instead of the `log` option?)",
  warnsAtDeadlineSeen2: "no log line names it",
  warnsAtDeadlineSeen3: (p: { mine: string }) => `it was named at ${p.mine}`,
  warnsAtDeadlineMissed: (p: { name: string }) =>
    `${p.name} was never queried; its deadline was at`,
  warnsAtDeadlineMissed2: (p: { name: string }) => `${p.name} timed out at`,
  warnsAtDeadlineFail: (p: { missed: string; want: string; seen: string; early: boolean }) =>
    `${p.missed} ${p.want}, but ${p.seen}${
      p.early
        ? `. A warning before the deadline is a guess from the numbers: warn when the timeout actually happens`
        : ``
    }`,
  warnsAtDeadlineExpected: (p: { name: string; want: string }) =>
    `a log line naming ${p.name} at ${p.want}`,
  queryAllReportTitle: "queryAll reports who responded, who timed out, and the time it took",
  queryAllReportHint:
    "push each name to exactly one list: `responded` after the await succeeds, `timedOut` in the catch; seconds = (performance.now() - start) / 1000",
  queryAllReportTie: (p: { inTime: boolean }) =>
    ` (server_B answered ${
      p.inTime ? `just in time` : `too late`
    } here: either is fine, if the report says so)`,
  queryAllReportFail: (p: { got: string; want: string; tie: string }) =>
    `queryAll returned ${p.got}; what happened was ${p.want}${p.tie}`,
  queryAllReportFail2: (p: { s: string; passed: string; inMs: boolean }) =>
    `queryAll returned seconds = ${p.s}, but ${p.passed} passed${
      p.inMs ? `: that is milliseconds, divide by 1000` : ``
    }`,
  mainFinishesTitle: "main() queries the servers, prints a summary, and finishes",
  mainFinishesHint: "main awaits queryAll() and prints who responded and who timed out",
  mainFinishesFail: (p: { took: string }) =>
    `main() finished after ${p.took}, before the 2.0 s deadline could pass: did you forget \`await\`?`,
  mainFinishesFail2:
    "main() printed nothing: print who responded, who timed out, and the total time",
}, {
  title: "Une échéance sur chaque appel, comme asyncio.wait_for",
  instantsSeparator: ", ",
  hint1:
    "Une échéance, c'est une course entre le travail et un minuteur : le premier qui se termine décide. `Promise.race([work(signal), minuteur])`, c'est toute la forme de `withTimeout`.",
  hint2:
    'Perdre la course n\'arrête pas le perdant. Quand le minuteur gagne, annulez le signal du travail pour que `query` efface son propre minuteur ; quand le travail gagne, faites `clearTimeout` sur le vôtre (un bloc `finally` le fait dans tous les cas). Rejetez avec `new DOMException("…", "TimeoutError")`.',
  hint3:
    "Dans `queryAll`, donnez à chaque serveur son propre `withTimeout((signal) => query(name, seconds, signal), timeoutMs)` dans un seul `Promise.all` sur `Object.entries(servers)` : chacun attrape sa propre TimeoutError, appelle `log` sur-le-champ, et range son nom dans `timedOut` ou `responded`.",
  queryWaitsAndStopsTitle:
    "query attend sa durée, et s'arrête aussitôt quand son signal est annulé",
  queryWaitsAndStopsHint:
    "dans la promesse : `setTimeout(resolve, seconds * 1000)` ; sur l'événement `abort` du signal, `clearTimeout` et `reject(signal.reason)` ; si `signal.aborted` est déjà vrai, rejetez tout de suite",
  queryWaitsAndStopsFail: (p) =>
    `SERVERS vaut ${p.table} ; les serveurs de l'énoncé sont ${p.STATEMENT}`,
  queryWaitsAndStopsFail2: (p) =>
    `query("${p.name}", ${p.seconds}) a pris ${p.took} de temps virtuel ; attendu ${p.want}${
      p.plainElapsedMs ? ` : setTimeout prend des millisecondes` : ``
    }`,
  queryWaitsAndStopsFail3: (p) =>
    `query("${p.name}", ${p.seconds}) a renvoyé ${p.plainValue} ; attendu une chaîne`,
  queryWaitsAndStopsWhat: "a quand même répondu",
  queryWaitsAndStopsWhat2: "a échoué",
  queryWaitsAndStopsWhat3: (p) => `s'est terminée par ${p.abortedStatus}`,
  queryWaitsAndStopsFail4: (p) =>
    `le signal a été annulé à ${p.at}, mais query ${p.what} à ${p.took} : écoutez l'événement abort du signal et rejetez à ce moment-là`,
  queryWaitsAndStopsFail5: (p) =>
    `query s'est arrêtée à l'annulation de son signal mais a laissé ${p.abortedPendingTimers} minuteur(s) en attente : faites clearTimeout sur le vôtre, sinon il garde le programme en vie pour rien`,
  queryWaitsAndStopsFail6: (p) =>
    `avec un signal déjà annulé, query a ${
      p.earlyStatus ? `échoué` : `répondu`
    } après ${p.took} ; elle doit rejeter aussitôt (testez d'abord \`signal.aborted\`)`,
  timeoutRejectsAtMsTitle: "withTimeout échoue avec une TimeoutError pile à l'échéance",
  timeoutRejectsAtMsHint:
    'lancez votre propre minuteur : quand il se déclenche, rejetez avec `new DOMException("…", "TimeoutError")` — ne comptez pas sur le travail pour s\'arrêter seul',
  timeoutRejectsAtMsWhat: (p) => `a renvoyé ${p.runValue} à ${p.took}, à la fin du travail`,
  timeoutRejectsAtMsWhat2: (p) => `s'est terminé par ${p.runStatus} à ${p.took}`,
  timeoutRejectsAtMsFail: (p) =>
    `withTimeout(work, ${p.ms}), dont le travail prend ${p.workMs} et ignore son signal, ${p.what} ; il doit échouer à ${p.want}. C'est votre propre minuteur qui doit rejeter : le travail peut ignorer le signal`,
  timeoutRejectsAtMsFail2: (p) =>
    `withTimeout(work, ${p.ms}) a échoué à ${p.took} ; l'échéance est ${p.want}${
      p.runElapsedMs ? `, pas quand le travail abandonne` : ``
    }`,
  timeoutRejectsAtMsFail3: (p) =>
    `withTimeout a échoué au bon moment, mais avec ${p.got} ; attendu une erreur nommée TimeoutError, par exemple \`new DOMException("…", "TimeoutError")\`, pour distinguer un dépassement d'une panne`,
  resolvesWithValueTitle: "withTimeout renvoie la valeur du travail dès qu'elle est là",
  resolvesWithValueHint:
    "`return await Promise.race([work(signal), deadline])` : la course se termine comme le premier arrivé",
  resolvesWithValueFail: (p) =>
    `withTimeout(work, ${p.ms}) a renvoyé ${p.runValue} ; le travail a renvoyé ${p.value}${
      p.runValue2 ? ` : un \`return\` oublié ?` : ``
    }`,
  resolvesWithValueFail2: (p) =>
    `withTimeout a répondu à ${p.took}, alors que le travail était fini à ${p.want} : n'attendez pas l'échéance une fois le travail terminé`,
  passesRejectionTitle: "withTimeout laisse passer l'erreur du travail lui-même",
  passesRejectionHint:
    "seul votre minuteur peut produire une TimeoutError : quand le travail échoue, rejetez avec son erreur",
  passesRejectionFail: (p) =>
    `le travail a échoué à ${p.at} avec "${p.errorMessage}", mais withTimeout ${
      p.runStatus ? `a renvoyé ${p.runValue}` : `s'est terminé par ${p.runStatus2}`
    } : laissez passer l'erreur`,
  passesRejectionFail2: (p) =>
    `le travail a échoué avec "${p.errorMessage}", mais withTimeout a rejeté avec ${p.got}${
      p.runError ? ` : ce n'est pas un dépassement, le travail a échoué de lui-même` : ``
    }`,
  passesRejectionFail3: (p) => `withTimeout a échoué à ${p.took} ; le travail a échoué à ${p.at}`,
  clearsItsTimerTitle:
    "withTimeout efface son minuteur quand le travail finit avant (aucun minuteur oublié)",
  clearsItsTimerHint:
    "gardez l'identifiant renvoyé par setTimeout et faites `clearTimeout(id)` dans un `finally` : il s'exécute que le travail ait réussi, échoué ou dépassé le délai",
  clearsItsTimerFail: (p) =>
    `${p.how}, ${p.n} minuteur(s) à vous étaient encore en attente : le minuteur de l'échéance (${p.ms}) n'a jamais été effacé. Dans un vrai programme, il garde le processus en vie jusqu'à son déclenchement, pour rien — faites clearTimeout dès que la course est jouée`,
  clearsItsTimerArg: (p) => `quand le travail a ${p.fails ? `échoué` : `fini`} à ${p.at}`,
  clearsItsTimerArg2: (p) => `quand queryAll a rendu la main à ${p.runElapsedMs}`,
  timeoutAbortsWorkTitle:
    "à l'échéance, le signal du travail est annulé (l'appel lent est abandonné)",
  timeoutAbortsWorkHint:
    "passez `controller.signal` au travail et appelez `controller.abort()` quand votre minuteur se déclenche ; dans queryAll, transmettez ce signal : `(signal) => query(name, seconds, signal)`",
  timeoutAbortsWorkFail: "withTimeout n'a jamais appelé le travail",
  timeoutAbortsWorkFail2:
    "withTimeout a appelé le travail sans signal : appelez `work(signal)` pour pouvoir lui dire de s'arrêter",
  timeoutAbortsWorkGot: "jamais",
  timeoutAbortsWorkFail3: (p) =>
    `le signal du travail a été annulé : ${p.got} ; attendu à l'échéance, ${p.want}. ${
      p.callAborted
        ? ``
        : `Perdre la course n'arrête pas le travail : il continue (et garde son minuteur) après l'abandon de withTimeout`
    }`,
  timeoutAbortsWorkFail4: (p) =>
    `queryAll : ${p.name} (${p.seconds}) n'a pas été abandonné à son échéance (${p.start})${
      p.noSignal
        ? ` : query a été appelée sans le signal. Transmettez-le : \`withTimeout((signal) => query(name, seconds, signal), timeoutMs)\``
        : `${
          p.cancelled
            ? ` : il a été abandonné à ${p.at} — l'option timeoutMs (${p.timeoutMs}) est-elle utilisée ?`
            : ``
        }`
    }`,
  queryAllTogetherTitle:
    "queryAll interroge tous les serveurs d'un coup et rend la main à l'échéance",
  queryAllTogetherHint:
    "lancez un withTimeout par serveur avec `Object.entries(servers).map(…)` et attendez-les ensemble avec Promise.all",
  queryAllTogetherFail: (p) => `${p.name} a été interrogé ${p.callsLength} fois ; attendu une fois`,
  queryAllTogetherFail2: (p) =>
    `${p.name} a été interrogé à ${p.at}, pas à 0,0 s : il a attendu un autre serveur. Lancez toutes les requêtes avant d'en attendre une`,
  queryAllTogetherFail3: (p) =>
    `queryAll(servers, { timeoutMs: ${p.timeoutMs} }) a pris ${p.took} ; avec toutes les requêtes lancées ensemble et coupées à ${p.timeoutMs2}, cela prend ${p.want}${
      p.runElapsedMs ? ` : timeoutMs sert-il bien d'échéance ?` : ``
    }`,
  warnsAtDeadlineTitle: "queryAll prévient via log à l'instant où un serveur rate son échéance",
  warnsAtDeadlineHint:
    "attrapez la TimeoutError autour du withTimeout de chaque serveur et appelez `log(…)` sur-le-champ, en nommant le serveur ; utilisez l'option `log`, pas console",
  warnsAtDeadlineSeen:
    "log n'a jamais été appelé (avez-vous affiché avec console au lieu de l'option `log` ?)",
  warnsAtDeadlineSeen2: "aucune ligne de log ne le nomme",
  warnsAtDeadlineSeen3: (p) => `il a été nommé à ${p.mine}`,
  warnsAtDeadlineMissed: (p) => `${p.name} n'a jamais été interrogé ; son échéance tombait à`,
  warnsAtDeadlineMissed2: (p) => `${p.name} a dépassé le délai à`,
  warnsAtDeadlineFail: (p) =>
    `${p.missed} ${p.want}, mais ${p.seen}${
      p.early
        ? `. Un avertissement avant l'échéance est une supposition tirée des chiffres : prévenez quand le dépassement se produit vraiment`
        : ``
    }`,
  warnsAtDeadlineExpected: (p) => `une ligne nommant ${p.name} à ${p.want}`,
  queryAllReportTitle: "queryAll indique qui a répondu, qui a dépassé le délai, et le temps écoulé",
  queryAllReportHint:
    "rangez chaque nom dans une seule liste : `responded` après un await réussi, `timedOut` dans le catch ; seconds = (performance.now() - start) / 1000",
  queryAllReportTie: (p) =>
    ` (ici server_B a répondu ${
      p.inTime ? `juste à temps` : `trop tard`
    } : les deux sont acceptés, si le rapport le dit)`,
  queryAllReportFail: (p) => `queryAll a renvoyé ${p.got} ; ce qui s'est passé : ${p.want}${p.tie}`,
  queryAllReportFail2: (p) =>
    `queryAll a renvoyé seconds = ${p.s}, alors que ${p.passed} se sont écoulées${
      p.inMs ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  mainFinishesTitle: "main() interroge les serveurs, affiche un bilan, et se termine",
  mainFinishesHint: "main attend queryAll() et affiche qui a répondu et qui a dépassé le délai",
  mainFinishesFail: (p) =>
    `main() s'est terminée après ${p.took}, avant que l'échéance de 2,0 s ne passe : un \`await\` oublié ?`,
  mainFinishesFail2:
    "main() n'a rien affiché : affichez qui a répondu, qui a dépassé le délai, et le temps total",
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
