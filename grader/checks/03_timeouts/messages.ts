/**
 * Every sentence exercise 3 (`03_timeouts.ts`) shows a learner, in English and
 * French: its title, its hints (one at a time, from the shape of the idea to
 * the details), and each check's title, hint and failures.
 *
 * @module
 */
import { defineCatalog, texts } from "../../i18n/mod.ts";

/** The catalog: the English side sets the keys and parameters, the French one follows. */
export const MESSAGES = defineCatalog({
  title: "A deadline on each call, like asyncio.wait_for",
  instantsSeparator: ", ",
  hint1:
    'A deadline is a race: see lesson 8, “racing a timer” (`deno task lesson 8`, lessons/README.md#racing-a-timer). `Promise.race([a, b])` settles like whichever of `a` and `b` settles first, so turn a timer into a promise that can win by rejecting: `new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 50))`. Race the work against one of those, with your own error and your own `ms`, and keep the id `setTimeout` returns so you can clear it once the race is decided.',
  hint2:
    'Losing the race does not stop the loser: give the work `controller.signal` (an `AbortController` per call) and call `controller.abort(reason)` when your timer fires. Reject with your own `new DOMException("…", "TimeoutError")` before you abort: a work that honours its signal rejects at once, often with an `AbortError`, and whichever settles first wins. Where each comes from: `controller.abort()` with no reason makes `signal.reason` an `AbortError`; `controller.abort(new DOMException("…", "TimeoutError"))` or `AbortSignal.timeout(ms)` make it a `TimeoutError`. A `finally` block clears your timer on every path.',
  hint3:
    "In `queryAll`, give every server its own `withTimeout((signal) => query(name, seconds, signal), timeoutMs)`, all started at once over `Object.entries(servers)` and awaited together. Each one catches its own TimeoutError, calls `log` right there, and pushes its name to `timedOut`; a success pushes it to `responded`; any other error is rethrown. Take `performance.now()` when queryAll is called, not when the module loads.",
  queryWaitsAndStopsTitle: "query waits its time, and stops at once when its signal aborts",
  queryWaitsAndStopsHint:
    '`signal.addEventListener("abort", () => …, { once: true })` runs your code the moment the signal aborts; `signal.reason` is what it was aborted with, and `signal.aborted` says whether it already was. Clear your own timer there and reject with that reason',
  queryTook: (p: { call: string; took: string; want: string; inMs: boolean }) =>
    `${p.call} took ${p.took} of virtual time; expected ${p.want}${
      p.inMs ? `: setTimeout counts in milliseconds (seconds * 1000)` : ``
    }`,
  queryValue: (p: { call: string; value: string }) =>
    `${p.call} resolved with ${p.value}; expected a non-empty answer string`,
  queryValueExpected: "a non-empty string",
  queryAnsweredAnyway: "answered anyway",
  queryRejected: "rejected",
  queryEnded: (p: { status: string }) => `ended with ${p.status}`,
  queryNotStopped: (p: { at: string; what: string; took: string }) =>
    `the signal was aborted at ${p.at}, but query ${p.what} at ${p.took}: listen to the signal's abort event and reject right then`,
  queryWrongReason: (p: { at: string; got: string; want: string }) =>
    `query stopped at ${p.at}, when its signal aborted, but rejected with ${p.got}; expected the signal's reason, ${p.want} (reject with \`signal.reason\`, so the caller learns why it stopped)`,
  queryLeftTimer: (p: { n: number; at: string }) =>
    `query stopped at ${p.at}, when its signal aborted, but ${
      p.n === 1 ? `1 timer was` : `${p.n} timers were`
    } still pending: clearTimeout yours when you stop, or it keeps the program alive for nothing`,
  queryEarlyRejected: (p: { got: string }) => `rejected with ${p.got}`,
  queryEarlyAnswered: "answered",
  queryAlreadyAborted: (p: { got: string; took: string; want: string }) =>
    `given a signal that was already aborted, query ${p.got} after ${p.took}; it should reject at once with the signal's reason, ${p.want} (check \`signal.aborted\` first)`,
  timeoutRejectsAtMsTitle: "withTimeout rejects with a TimeoutError exactly at the deadline",
  timeoutRejectsAtMsHint:
    'race the work against a promise that your own timer rejects: `Promise.race([work(signal), new Promise((_, reject) => setTimeout(() => reject(error), 50))])` settles at the timer even if the work never stops. Make `error` a `new DOMException("…", "TimeoutError")` and reject it before you abort the work',
  timeoutResolved: (p: { value: string; took: string }) =>
    `resolved with ${p.value} at ${p.took}, when the work ended`,
  timeoutEnded: (p: { status: string; took: string }) => `ended with ${p.status} at ${p.took}`,
  timeoutNotRejected: (p: { call: string; workMs: string; what: string; want: string }) =>
    `${p.call}, whose work takes ${p.workMs} and ignores its signal, ${p.what}; it should reject at ${p.want}. Your own timer must reject: a work may not listen to its signal`,
  timeoutWrongInstant: (p: { call: string; took: string; want: string; workEnd: boolean }) =>
    `${p.call} rejected at ${p.took}; the deadline is ${p.want}${
      p.workEnd ? `, not when the work gives up` : ``
    }`,
  timeoutWrongError: (p: { call: string; got: string }) =>
    `${p.call} rejected at the deadline, but with ${p.got}; expected an error named TimeoutError, e.g. \`new DOMException("…", "TimeoutError")\`, so callers can tell a timeout from a failure`,
  timeoutGotValue: (p: { value: string }) => `resolved with ${p.value}`,
  timeoutExpected: (p: { at: string }) => `TimeoutError at ${p.at}`,
  timeoutGotError: (p: { error: string }) => `rejected with ${p.error}`,
  timeoutAbortErrorWon: (p: { call: string; got: string; took: string }) =>
    `${p.call} rejected at the deadline (${p.took}) with ${p.got}: that is the error the work threw when its signal was aborted, as node:timers/promises does. An AbortError means "aborted"; a TimeoutError means "aborted because time ran out", and withTimeout must say the second. Likely causes: you abort before you reject, so the work's rejection wins the race (reject first, then abort); or withTimeout waits for the work to give up instead of rejecting on its own. Note that \`controller.abort()\` with no reason makes \`signal.reason\` an AbortError too; \`controller.abort(error)\` with your TimeoutError hands the work the right reason`,
  timeoutHonouringWork: (p: { call: string; got: string; took: string; want: string }) =>
    `${p.call}, whose work stops with an AbortError of its own when its signal aborts, ${p.got} at ${p.took}; expected a TimeoutError at ${p.want}`,
  resolvesWithValueTitle: "withTimeout resolves with the work's value as soon as it is there",
  resolvesWithValueHint:
    "`Promise.race` settles like the first promise to settle, with its value: `await Promise.race([fast, slow])` gives `fast`'s value when `fast` wins — return it",
  resolvesAbortedAtStart: (p: { call: string }) =>
    `${p.call}: the work's signal was already aborted when the work started, so the work stopped at once. An earlier call that timed out aborted it: make a new AbortController in each call, not one for the whole module`,
  resolvesWrongValue: (p: { call: string; got: string; value: string; missingReturn: boolean }) =>
    `${p.call} resolved with ${p.got}; the work returned ${p.value}${
      p.missingReturn ? `: a missing \`return\`?` : ``
    }`,
  resolvesLate: (p: { call: string; took: string; want: string; atDeadline: boolean }) =>
    `${p.call} resolved at ${p.took}, but the work was done at ${p.want}${
      p.atDeadline
        ? `: it waited for its deadline as well. Settle as soon as the first of the two settles (Promise.race), not when both have`
        : `: settle with the work's value as soon as it is there`
    }`,
  passesRejectionTitle: "withTimeout passes the work's own error through, unchanged",
  passesRejectionHint:
    "in a race, a rejection settles the race too: `Promise.race([failing, timer])` rejects with `failing`'s own error object. Only your timer makes a TimeoutError; anything else the work throws goes through as it is",
  passesResolved: (p: { call: string; at: string; error: string; got: string; took: string }) =>
    `the work failed at ${p.at} with ${p.error}, but ${p.call} resolved with ${p.got} at ${p.took}: let the error through`,
  passesOtherError: (
    p: { call: string; error: string; got: string; timeout: boolean; copy: boolean },
  ) =>
    `the work failed with ${p.error}, but ${p.call} rejected with ${p.got}${
      p.timeout
        ? `: that is not a timeout, the work failed on its own before the deadline`
        : p.copy
        ? `, a copy of it: reject with the very error object (\`reject(error)\`, \`throw error\`), so callers keep its class and its cause`
        : `: reject with the work's own error, unchanged`
    }`,
  passesLate: (p: { call: string; took: string; at: string }) =>
    `${p.call} rejected at ${p.took}; the work failed at ${p.at}: pass the error on as soon as it comes`,
  clearsItsTimerTitle:
    "withTimeout clears its timer whenever the work settles first (no leaked timer)",
  clearsItsTimerHint:
    "keep what `setTimeout` returns and `clearTimeout` it once the race is decided, on every path: `try { return await race; } finally { clearTimeout(id); }` runs whether the work succeeded, failed or timed out",
  clearsItsTimerFail: (p: { how: string; n: number }) =>
    `${p.how}, ${
      p.n === 1 ? `1 timer of yours was` : `${p.n} timers of yours were`
    } still pending: a deadline timer was never cleared. In a real program it keeps the process alive until it fires, for nothing — clearTimeout it as soon as the race is decided, on the error path too`,
  clearsWhenWork: (p: { fails: boolean; at: string }) =>
    `when the work ${p.fails ? `failed` : `finished`} at ${p.at}`,
  clearsWhenTwo: (p: { at: string }) =>
    `when two calls at once had both finished, at ${p.at} (each call must clear its own timer: keep its id in the call, not in a variable shared by the module)`,
  clearsWhenQueryAll: (p: { at: string }) => `when queryAll returned at ${p.at}`,
  timeoutAbortsWorkTitle:
    "at the deadline, the work's signal is aborted (the slow call is cancelled)",
  timeoutAbortsWorkHint:
    "an `AbortController` is the off switch: `const c = new AbortController(); work(c.signal); … c.abort(reason)` tells the work to stop. Call `abort` when your timer fires; in queryAll, hand that signal on to query",
  abortsNeverCalled: "withTimeout never called the work",
  abortsNoSignal:
    "withTimeout called the work without an AbortSignal: call `work(signal)` so the work can be told to stop",
  abortsNever: "never",
  abortsWrongInstant: (p: { got: string; want: string; never: boolean; atStart: boolean }) =>
    `the work's signal was aborted: ${p.got}; expected at the deadline, ${p.want}. ${
      p.never
        ? `Losing the race does not stop the work: it keeps running (and holding its timer) after withTimeout gave up`
        : p.atStart
        ? `It was already aborted when the work started: an earlier call aborted it. Make a new AbortController in each call`
        : ``
    }`,
  abortsQueryAll: (p: { name: string; seconds: string; due: string; noSignal: boolean }) =>
    `queryAll: ${p.name} (${p.seconds}) was not cancelled at its deadline (${p.due})${
      p.noSignal
        ? `: query was called without the signal. Pass it on: \`withTimeout((signal) => query(name, seconds, signal), timeoutMs)\``
        : `: the signal query was given was never aborted. Likely causes: it is not the signal withTimeout aborts; or this call's deadline timer never fired, cleared by another call (a timer variable shared by the module)`
    }`,
  queryAllTogetherTitle: "queryAll queries every server at once and returns at the deadline",
  queryAllTogetherHint:
    "start every call before you await any: `await Promise.all(items.map((item) => start(item)))` runs them side by side, so the total is the slowest one (cut at the deadline), not the sum",
  togetherCalls: (p: { name: string; n: number }) =>
    `${p.name} was queried ${
      p.n === 0 ? `0 times` : p.n === 1 ? `once` : `${p.n} times`
    }; expected exactly once`,
  togetherLate: (p: { name: string; started: string; at: string }) =>
    `${p.name} was queried at ${p.started}; queryAll was called at ${p.at}: it waited for another server first. Start every query before awaiting any`,
  togetherArgs: (p: { name: string; got: string; want: string }) =>
    `${p.name} was queried with (${p.got}); expected (${p.want}, signal): its name and its seconds, as in the table`,
  togetherDefault: (p: { took: string; want: string }) =>
    `called without timeoutMs, queryAll took ${p.took}; with the default deadline, 2000 ms, it takes ${p.want}`,
  togetherWrongEnd: (
    p: { timeoutMs: number; took: string; deadline: string; want: string; hardCoded: boolean },
  ) =>
    `queryAll(servers, { timeoutMs: ${p.timeoutMs} }) took ${p.took}; with every query started together and cut at ${p.deadline}, it takes ${p.want}${
      p.hardCoded ? `: is timeoutMs used for each deadline, rather than 2000?` : ``
    }`,
  warnsAtDeadlineTitle: "queryAll warns through log the moment a server misses its deadline",
  warnsAtDeadlineHint:
    "a `catch` right after one server's own await runs at the instant that server fails: `try { await one(); } catch (e) { log(…) }` inside each server's task, not after they all end. Name the server in the line",
  warnsLogNeverCalled:
    "log was never called (did you print with console instead of the `log` option?)",
  warnsConsoleSilent:
    "nothing was printed (without a `log` option, queryAll should warn through the console)",
  warnsNotNamed: (p: { n: number }) =>
    p.n === 1
      ? `the one line printed does not name it`
      : `none of the ${p.n} lines printed names it`,
  warnsNamedAt: (p: { instants: string }) => `it was named at ${p.instants}`,
  warnsNeverQueried: (p: { name: string }) => `${p.name} was never queried; its deadline was at`,
  warnsTimedOut: (p: { name: string }) => `${p.name} timed out at`,
  warnsNoLogOption: " (queryAll called without a log option: the console is the default)",
  warnsAtDeadlineFail: (
    p: { missed: string; want: string; seen: string; early: "guess" | "early" | ""; how: string },
  ) =>
    `${p.missed} ${p.want}, but ${p.seen}${p.how}${
      p.early === "guess"
        ? `. A warning as the query starts is a guess from the numbers: warn when the timeout actually happens`
        : p.early === "early"
        ? `: before its deadline. Is the deadline timeoutMs, counted from the query's start?`
        : ``
    }`,
  warnsExpected: (p: { name: string; want: string }) => `a line naming ${p.name} at ${p.want}`,
  queryAllReportTitle: "queryAll reports who responded, who timed out, and the time it took",
  queryAllReportHint:
    "sort each outcome into one list as it happens: `try { await one(); ok.push(name); } catch { late.push(name); }`, and measure with `performance.now()` taken when the call starts: `(performance.now() - start) / 1000`",
  reportTie: (p: { names: string }) =>
    ` (${p.names} answered right at the deadline: either list is fine for it, as long as the report says what happened)`,
  reportWrongLists: (p: { call: string; got: string; want: string; tie: string }) =>
    `${p.call} returned ${p.got}; what happened was ${p.want}${p.tie}`,
  reportWrongSeconds: (
    p: { call: string; s: string; passed: string; inMs: boolean; fromZero: boolean; from: string },
  ) =>
    `${p.call} returned seconds = ${p.s}, but ${p.passed} passed from the call to its return${
      p.inMs
        ? `: that is milliseconds, divide by 1000`
        : p.fromZero
        ? `: that counts from t = 0, not from the call at ${p.from}. Take performance.now() inside queryAll, when it is called, not once for the module`
        : ``
    }`,
  passesErrorsTitle: "queryAll does not report a server that failed as timed out",
  passesErrorsHint:
    'tell the errors apart by name: `if (error.name !== "TimeoutError") throw error;` lets anything that is not a timeout go on, and `Promise.all` then rejects with it',
  passesErrorsOther: (p: { call: string; error: string; got: string }) =>
    `a query failed with "${p.error}", and ${p.call} rejected with ${p.got}: let the query's own error through, unchanged`,
  passesErrorsListed: (
    p: { call: string; name: string; error: string; at: string; list: string },
  ) =>
    `${p.name} failed at ${p.at} with "${p.error}", an error of its own, but ${p.call} listed it in ${p.list}: it neither answered nor timed out. Rethrow what is not a TimeoutError, so queryAll rejects with it`,
  mainFinishesTitle:
    "main() queries the servers, then prints who responded, who timed out, and the time",
  mainFinishesHint:
    "`const report = await queryAll();` waits the 2 s, then print from `report`: every server's name, in its group, and `report.seconds`",
  mainServers: (p: { table: string; want: string }) =>
    `SERVERS is ${p.table}; the statement's servers are ${p.want}`,
  mainServersHint:
    "keep SERVERS as the statement gives it: server_A 0.5, server_B 2.0, server_C 5.0, server_D 1.2",
  mainEarly: (p: { took: string }) =>
    `main() finished after ${p.took}, before the 2.000 s deadline could pass. Likely causes: main() does not await queryAll() (a forgotten \`await\`), or queryAll() returns before its queries have settled`,
  mainLate: (p: { took: string; want: string }) =>
    `main() finished after ${p.took}; with every server cut at the deadline it takes ${p.want}`,
  mainNames: (p: { missing: string; n: number; printed: number; before: number }) =>
    `after queryAll returned, main() ${
      p.printed === 0
        ? `printed nothing of its own${
          p.before > 0
            ? ` (it printed ${p.before === 1 ? `a line` : `${p.before} lines`} before the deadline)`
            : ``
        }`
        : `did not name ${p.missing}`
    }: print every server's name, in the group it ended in`,
  mainNoFigure: (p: { took: string }) =>
    `main() never printed how long it took (${p.took}, as queryAll measured it): print report.seconds, in any format`,
}, {
  title: "Une échéance sur chaque appel, comme asyncio.wait_for",
  instantsSeparator: ", ",
  hint1:
    "Une échéance, c'est une course : voyez la leçon 8, « faire la course avec un minuteur » (`deno task lesson 8 --lang fr`, lessons/README.fr.md#racing-a-timer). `Promise.race([a, b])` se termine comme le premier de `a` et `b` à se terminer ; faites donc d'un minuteur une promesse qui peut gagner en échouant : `new Promise((_, reject) => setTimeout(() => reject(new Error(\"trop tard\")), 50))`. Faites courir le travail contre une promesse de ce genre, avec votre propre erreur et votre propre `ms`, et gardez l'identifiant que renvoie `setTimeout` pour l'effacer une fois la course jouée.",
  hint2:
    'Perdre la course n\'arrête pas le perdant : donnez au travail `controller.signal` (un `AbortController` par appel) et appelez `controller.abort(raison)` quand votre minuteur se déclenche. Rejetez avec votre propre `new DOMException("…", "TimeoutError")` avant d\'annuler : un travail qui écoute son signal échoue aussitôt, souvent avec une `AbortError`, et le premier qui se termine gagne. D\'où vient chacune : `controller.abort()` sans raison fait de `signal.reason` une `AbortError` ; `controller.abort(new DOMException("…", "TimeoutError"))` ou `AbortSignal.timeout(ms)` en font une `TimeoutError`. Un bloc `finally` efface votre minuteur dans tous les cas.',
  hint3:
    "Dans `queryAll`, donnez à chaque serveur son propre `withTimeout((signal) => query(name, seconds, signal), timeoutMs)`, tous lancés d'un coup sur `Object.entries(servers)` et attendus ensemble. Chacun attrape sa propre TimeoutError, appelle `log` sur-le-champ et range son nom dans `timedOut` ; une réussite le range dans `responded` ; toute autre erreur est relancée. Prenez `performance.now()` à l'appel de queryAll, pas au chargement du module.",
  queryWaitsAndStopsTitle:
    "query attend sa durée, et s'arrête aussitôt quand son signal est annulé",
  queryWaitsAndStopsHint:
    "`signal.addEventListener(\"abort\", () => …, { once: true })` exécute votre code à l'instant où le signal est annulé ; `signal.reason` dit avec quoi il l'a été, et `signal.aborted` s'il l'est déjà. Effacez-y votre minuteur et rejetez avec cette raison",
  queryTook: (p) =>
    `${p.call} a pris ${p.took} de temps virtuel ; attendu ${p.want}${
      p.inMs ? ` : setTimeout compte en millisecondes (seconds * 1000)` : ``
    }`,
  queryValue: (p) => `${p.call} a renvoyé ${p.value} ; attendu une réponse, une chaîne non vide`,
  queryValueExpected: "une chaîne non vide",
  queryAnsweredAnyway: "a quand même répondu",
  queryRejected: "a échoué",
  queryEnded: (p) => `s'est terminée par ${p.status}`,
  queryNotStopped: (p) =>
    `le signal a été annulé à ${p.at}, mais query ${p.what} à ${p.took} : écoutez l'événement abort du signal et rejetez à ce moment-là`,
  queryWrongReason: (p) =>
    `query s'est arrêtée à ${p.at}, à l'annulation de son signal, mais a rejeté avec ${p.got} ; attendu la raison du signal, ${p.want} (rejetez avec \`signal.reason\`, pour que l'appelant sache pourquoi elle s'est arrêtée)`,
  queryLeftTimer: (p) =>
    `query s'est arrêtée à ${p.at}, à l'annulation de son signal, mais ${
      p.n === 1 ? `un minuteur était` : `${p.n} minuteurs étaient`
    } encore en attente : effacez le vôtre (clearTimeout) quand vous vous arrêtez, sinon il garde le programme en vie pour rien`,
  queryEarlyRejected: (p) => `a échoué avec ${p.got}`,
  queryEarlyAnswered: "a répondu",
  queryAlreadyAborted: (p) =>
    `avec un signal déjà annulé, query ${p.got} après ${p.took} ; elle doit rejeter aussitôt avec la raison du signal, ${p.want} (testez d'abord \`signal.aborted\`)`,
  timeoutRejectsAtMsTitle: "withTimeout échoue avec une TimeoutError pile à l'échéance",
  timeoutRejectsAtMsHint:
    'faites courir le travail contre une promesse que votre propre minuteur rejette : `Promise.race([work(signal), new Promise((_, reject) => setTimeout(() => reject(erreur), 50))])` se termine au minuteur même si le travail ne s\'arrête jamais. Faites de `erreur` une `new DOMException("…", "TimeoutError")` et rejetez-la avant d\'annuler le travail',
  timeoutResolved: (p) => `a renvoyé ${p.value} à ${p.took}, à la fin du travail`,
  timeoutEnded: (p) => `s'est terminé par ${p.status} à ${p.took}`,
  timeoutNotRejected: (p) =>
    `${p.call}, dont le travail prend ${p.workMs} et ignore son signal, ${p.what} ; il doit échouer à ${p.want}. C'est votre propre minuteur qui doit rejeter : un travail peut ignorer son signal`,
  timeoutWrongInstant: (p) =>
    `${p.call} a échoué à ${p.took} ; l'échéance est ${p.want}${
      p.workEnd ? `, pas quand le travail abandonne` : ``
    }`,
  timeoutWrongError: (p) =>
    `${p.call} a échoué à l'échéance, mais avec ${p.got} ; attendu une erreur nommée TimeoutError, par exemple \`new DOMException("…", "TimeoutError")\`, pour que l'appelant distingue un dépassement d'une panne`,
  timeoutGotValue: (p) => `a renvoyé ${p.value}`,
  timeoutExpected: (p) => `TimeoutError à ${p.at}`,
  timeoutGotError: (p) => `a échoué avec ${p.error}`,
  timeoutAbortErrorWon: (p) =>
    `${p.call} a échoué à l'échéance (${p.took}) avec ${p.got} : c'est l'erreur que le travail a levée à l'annulation de son signal, comme le fait node:timers/promises. Une AbortError veut dire « annulé » ; une TimeoutError, « annulé faute de temps », et c'est la seconde que withTimeout doit dire. Causes probables : vous annulez avant de rejeter, si bien que l'échec du travail gagne la course (rejetez d'abord, annulez ensuite) ; ou withTimeout attend que le travail abandonne au lieu de rejeter de lui-même. À noter : \`controller.abort()\` sans raison fait aussi de \`signal.reason\` une AbortError ; \`controller.abort(erreur)\` avec votre TimeoutError donne au travail la bonne raison`,
  timeoutHonouringWork: (p) =>
    `${p.call}, dont le travail s'arrête avec sa propre AbortError quand son signal est annulé, ${p.got} à ${p.took} ; attendu une TimeoutError à ${p.want}`,
  resolvesWithValueTitle: "withTimeout renvoie la valeur du travail dès qu'elle est là",
  resolvesWithValueHint:
    "`Promise.race` se termine comme la première promesse terminée, avec sa valeur : `await Promise.race([rapide, lente])` donne la valeur de `rapide` quand elle gagne — renvoyez-la",
  resolvesAbortedAtStart: (p) =>
    `${p.call} : le signal du travail était déjà annulé quand le travail a commencé, si bien qu'il s'est arrêté aussitôt. Un appel précédent, qui avait dépassé le délai, l'avait annulé : créez un AbortController à chaque appel, pas un pour tout le module`,
  resolvesWrongValue: (p) =>
    `${p.call} a renvoyé ${p.got} ; le travail a renvoyé ${p.value}${
      p.missingReturn ? ` : un \`return\` oublié ?` : ``
    }`,
  resolvesLate: (p) =>
    `${p.call} a répondu à ${p.took}, alors que le travail était fini à ${p.want}${
      p.atDeadline
        ? ` : il a aussi attendu son échéance. Terminez dès que le premier des deux se termine (Promise.race), pas quand les deux l'ont fait`
        : ` : renvoyez la valeur du travail dès qu'elle est là`
    }`,
  passesRejectionTitle: "withTimeout laisse passer telle quelle l'erreur du travail lui-même",
  passesRejectionHint:
    "dans une course, un échec termine aussi la course : `Promise.race([enEchec, minuteur])` rejette avec l'objet erreur de `enEchec` lui-même. Seul votre minuteur produit une TimeoutError ; tout ce que le travail lève d'autre passe tel quel",
  passesResolved: (p) =>
    `le travail a échoué à ${p.at} avec ${p.error}, mais ${p.call} a renvoyé ${p.got} à ${p.took} : laissez passer l'erreur`,
  passesOtherError: (p) =>
    `le travail a échoué avec ${p.error}, mais ${p.call} a rejeté avec ${p.got}${
      p.timeout
        ? ` : ce n'est pas un dépassement, le travail a échoué de lui-même avant l'échéance`
        : p.copy
        ? `, une copie de l'erreur : rejetez avec l'objet erreur lui-même (\`reject(error)\`, \`throw error\`), pour que l'appelant garde sa classe et sa cause`
        : ` : rejetez avec l'erreur du travail, telle quelle`
    }`,
  passesLate: (p) =>
    `${p.call} a échoué à ${p.took} ; le travail a échoué à ${p.at} : transmettez l'erreur dès qu'elle arrive`,
  clearsItsTimerTitle:
    "withTimeout efface son minuteur dès que le travail se termine avant lui (aucun minuteur oublié)",
  clearsItsTimerHint:
    "gardez ce que renvoie `setTimeout` et faites `clearTimeout` dessus une fois la course jouée, dans tous les cas : `try { return await course; } finally { clearTimeout(id); }` s'exécute que le travail ait réussi, échoué ou dépassé le délai",
  clearsItsTimerFail: (p) =>
    `${p.how}, ${
      p.n === 1 ? `un de vos minuteurs était` : `${p.n} de vos minuteurs étaient`
    } encore en attente : un minuteur d'échéance n'a jamais été effacé. Dans un vrai programme, il garde le processus en vie jusqu'à son déclenchement, pour rien — effacez-le (clearTimeout) dès que la course est jouée, y compris quand le travail échoue`,
  clearsWhenWork: (p) => `quand le travail a ${p.fails ? `échoué` : `fini`} à ${p.at}`,
  clearsWhenTwo: (p) =>
    `quand deux appels simultanés avaient tous deux fini, à ${p.at} (chaque appel doit effacer son propre minuteur : gardez son identifiant dans l'appel, pas dans une variable partagée par le module)`,
  clearsWhenQueryAll: (p) => `quand queryAll a rendu la main à ${p.at}`,
  timeoutAbortsWorkTitle:
    "à l'échéance, le signal du travail est annulé (l'appel lent est abandonné)",
  timeoutAbortsWorkHint:
    "un `AbortController` sert d'interrupteur : `const c = new AbortController(); work(c.signal); … c.abort(raison)` dit au travail de s'arrêter. Appelez `abort` quand votre minuteur se déclenche ; dans queryAll, transmettez ce signal à query",
  abortsNeverCalled: "withTimeout n'a jamais appelé le travail",
  abortsNoSignal:
    "withTimeout a appelé le travail sans AbortSignal : appelez `work(signal)` pour pouvoir lui dire de s'arrêter",
  abortsNever: "jamais",
  abortsWrongInstant: (p) =>
    `le signal du travail a été annulé : ${p.got} ; attendu à l'échéance, ${p.want}. ${
      p.never
        ? `Perdre la course n'arrête pas le travail : il continue (et garde son minuteur) après l'abandon de withTimeout`
        : p.atStart
        ? `Il était déjà annulé quand le travail a commencé : un appel précédent l'avait annulé. Créez un AbortController à chaque appel`
        : ``
    }`,
  abortsQueryAll: (p) =>
    `queryAll : ${p.name} (${p.seconds}) n'a pas été abandonné à son échéance (${p.due})${
      p.noSignal
        ? ` : query a été appelée sans le signal. Transmettez-le : \`withTimeout((signal) => query(name, seconds, signal), timeoutMs)\``
        : ` : le signal reçu par query n'a jamais été annulé. Causes probables : ce n'est pas le signal qu'annule withTimeout ; ou le minuteur d'échéance de cet appel ne s'est jamais déclenché, effacé par un autre appel (une variable de minuteur partagée par le module)`
    }`,
  queryAllTogetherTitle:
    "queryAll interroge tous les serveurs d'un coup et rend la main à l'échéance",
  queryAllTogetherHint:
    "lancez chaque appel avant d'en attendre un seul : `await Promise.all(items.map((item) => lancer(item)))` les fait tourner côte à côte, si bien que le total est le plus lent (coupé à l'échéance), pas la somme",
  togetherCalls: (p) =>
    `${p.name} a été interrogé ${
      p.n === 0 ? `0 fois` : p.n === 1 ? `une fois` : `${p.n} fois`
    } ; attendu exactement une fois`,
  togetherLate: (p) =>
    `${p.name} a été interrogé à ${p.started} ; queryAll avait été appelée à ${p.at} : il a attendu un autre serveur. Lancez toutes les requêtes avant d'en attendre une`,
  togetherArgs: (p) =>
    `${p.name} a été interrogé avec (${p.got}) ; attendu (${p.want}, signal) : son nom et sa durée en secondes, comme dans la table`,
  togetherDefault: (p) =>
    `appelée sans timeoutMs, queryAll a pris ${p.took} ; avec l'échéance par défaut, 2000 ms, cela prend ${p.want}`,
  togetherWrongEnd: (p) =>
    `queryAll(servers, { timeoutMs: ${p.timeoutMs} }) a pris ${p.took} ; avec toutes les requêtes lancées ensemble et coupées à ${p.deadline}, cela prend ${p.want}${
      p.hardCoded ? ` : timeoutMs sert-il bien d'échéance, plutôt que 2000 ?` : ``
    }`,
  warnsAtDeadlineTitle: "queryAll prévient via log à l'instant où un serveur rate son échéance",
  warnsAtDeadlineHint:
    "un `catch` placé juste après l'await d'un seul serveur s'exécute à l'instant où ce serveur échoue : `try { await un(); } catch (e) { log(…) }` dans la tâche de chaque serveur, pas après qu'elles ont toutes fini. Nommez le serveur dans la ligne",
  warnsLogNeverCalled:
    "log n'a jamais été appelé (avez-vous affiché avec console au lieu de l'option `log` ?)",
  warnsConsoleSilent:
    "rien n'a été affiché (sans option `log`, queryAll doit prévenir via la console)",
  warnsNotNamed: (p) =>
    p.n === 1
      ? `la seule ligne affichée ne le nomme pas`
      : `aucune des ${p.n} lignes affichées ne le nomme`,
  warnsNamedAt: (p) => `il a été nommé à ${p.instants}`,
  warnsNeverQueried: (p) => `${p.name} n'a jamais été interrogé ; son échéance tombait à`,
  warnsTimedOut: (p) => `${p.name} a dépassé le délai à`,
  warnsNoLogOption: " (queryAll appelée sans option log : la console est la valeur par défaut)",
  warnsAtDeadlineFail: (p) =>
    `${p.missed} ${p.want}, mais ${p.seen}${p.how}${
      p.early === "guess"
        ? `. Un avertissement dès le lancement de la requête est une supposition tirée des chiffres : prévenez quand le dépassement se produit vraiment`
        : p.early === "early"
        ? ` : avant son échéance. L'échéance est-elle bien timeoutMs, compté depuis le lancement de la requête ?`
        : ``
    }`,
  warnsExpected: (p) => `une ligne nommant ${p.name} à ${p.want}`,
  queryAllReportTitle: "queryAll indique qui a répondu, qui a dépassé le délai, et le temps écoulé",
  queryAllReportHint:
    "rangez chaque issue dans une liste au moment où elle arrive : `try { await un(); ok.push(nom); } catch { enRetard.push(nom); }`, et mesurez avec `performance.now()` pris au début de l'appel : `(performance.now() - debut) / 1000`",
  reportTie: (p) =>
    ` (${p.names} a répondu pile à l'échéance : les deux listes sont acceptées pour lui, pourvu que le rapport dise ce qui s'est passé)`,
  reportWrongLists: (p) => `${p.call} a renvoyé ${p.got} ; ce qui s'est passé : ${p.want}${p.tie}`,
  reportWrongSeconds: (p) =>
    `${p.call} a renvoyé seconds = ${p.s}, alors que ${p.passed} se sont écoulées entre l'appel et son retour${
      p.inMs
        ? ` : ce sont des millisecondes, divisez par 1000`
        : p.fromZero
        ? ` : c'est compté depuis t = 0, pas depuis l'appel à ${p.from}. Prenez performance.now() dans queryAll, à son appel, pas une fois pour tout le module`
        : ``
    }`,
  passesErrorsTitle: "queryAll ne range pas parmi les dépassements un serveur tombé en panne",
  passesErrorsHint:
    'distinguez les erreurs par leur nom : `if (error.name !== "TimeoutError") throw error;` laisse passer tout ce qui n\'est pas un dépassement, et `Promise.all` échoue alors avec',
  passesErrorsOther: (p) =>
    `une requête a échoué avec « ${p.error} », et ${p.call} a rejeté avec ${p.got} : laissez passer l'erreur de la requête, telle quelle`,
  passesErrorsListed: (p) =>
    `${p.name} a échoué à ${p.at} avec « ${p.error} », une erreur qui lui est propre, mais ${p.call} l'a rangé dans ${p.list} : il n'a ni répondu ni dépassé le délai. Relancez ce qui n'est pas une TimeoutError, pour que queryAll échoue avec`,
  mainFinishesTitle:
    "main() interroge les serveurs, puis affiche qui a répondu, qui a dépassé le délai, et le temps écoulé",
  mainFinishesHint:
    "`const report = await queryAll();` attend les 2 s ; affichez ensuite à partir de `report` : le nom de chaque serveur, dans son groupe, et `report.seconds`",
  mainServers: (p) => `SERVERS vaut ${p.table} ; les serveurs de l'énoncé sont ${p.want}`,
  mainServersHint:
    "gardez SERVERS tel que l'énoncé le donne : server_A 0.5, server_B 2.0, server_C 5.0, server_D 1.2",
  mainEarly: (p) =>
    `main() s'est terminée après ${p.took}, avant que l'échéance de 2,000 s ne passe. Causes probables : main() n'attend pas queryAll() (un \`await\` oublié), ou queryAll() rend la main avant que ses requêtes ne soient terminées`,
  mainLate: (p) =>
    `main() s'est terminée après ${p.took} ; avec chaque serveur coupé à l'échéance, cela prend ${p.want}`,
  mainNames: (p) =>
    `après le retour de queryAll, main() ${
      p.printed === 0
        ? `n'a rien affiché d'elle-même${
          p.before > 0
            ? ` (elle a affiché ${
              p.before === 1 ? `une ligne` : `${p.before} lignes`
            } avant l'échéance)`
            : ``
        }`
        : `n'a pas nommé ${p.missing}`
    } : affichez le nom de chaque serveur, dans le groupe où il a fini`,
  mainNoFigure: (p) =>
    `main() n'a jamais affiché le temps écoulé (${p.took}, tel que queryAll l'a mesuré) : affichez report.seconds, sous la forme de votre choix`,
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
