/**
 * Every sentence exercise 5 (`05_check_services.ts`) shows a learner, in English and
 * French: its title, its hints (one at a time, from a nudge to the idea), and
 * each check's title, hint and failures.
 *
 * @module
 */
import { defineCatalog, texts } from "../../i18n/mod.ts";

const times = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The catalog: the English side sets the keys and parameters, the French one follows. */
export const MESSAGES = defineCatalog({
  title: "A service monitor you could run in production",
  listSeparator: ", ",
  pair: (p: { name: string; at: string }) => `${p.name} at ${p.at}`,
  hint1:
    "One async function checks one service from start to verdict: start a clock, probe with a signal, build its `CheckResult`, call `onResult`, return it. `checkAll` is then `Promise.all(services.map(checkOne))`: every check starts at once and reports on its own.",
  hint2:
    "`const signal = AbortSignal.timeout(timeoutMs)` and `await probe(service, signal)` inside `try`: in `catch`, `signal.aborted` tells a timeout (reason `timeout`) from any other failure (reason `error`, with `error.message`). The probe itself clears its timer when the signal aborts.",
  hint3:
    'For the command line, `parseArgs({ args, options: { timeout: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } }, strict: true })` inside `try` (its error means exit code 2); `Number(value)` gives `NaN` for a word, so test `Number.isFinite(seconds) && seconds > 0`. Print each line from `onResult`; with `--json`, print only `JSON.stringify(report, null, 2)` at the end. Return `offline === 0 ? 0 : 1`.',
  probedOnceFail: (p: { sName: string; n: number }) =>
    `${p.sName} was probed ${times(p.n, "time", "times")}; check each service exactly once`,
  resultOfFail: (p: { results: string }) =>
    `checkAll resolved with ${p.results}; expected an array of results, one per service`,
  resultOfFail2: (p: { foundLength: number; name: string }) =>
    `checkAll's results hold ${p.foundLength} entries named ${p.name}; expected exactly one`,
  runMainFail: (p: { name: string; firstError: string }) =>
    `${p.name} failed with ${p.firstError}: the grader, like anyone who runs your tool without --allow-env, gives no access to the environment. NO_COLOR needs none: read Deno.noColor (Deno.env.get("NO_COLOR") also works without permission, other variables do not)`,
  probesStartTogetherTitle: "checkAll starts every probe at the same time",
  probesStartTogetherHint:
    "start every probe before awaiting any: `await Promise.all(items.map(async (item) => …))` runs the callbacks together, a `for` loop with `await` inside runs them one by one",
  probesStartTogetherFail: (
    p: {
      lateName: string;
      at: string;
      calledAt: string;
      sequential: boolean;
      waitedFor: string;
      started: number;
      total: number;
    },
  ) =>
    `${p.lateName} was probed from ${p.at}, not from ${p.calledAt} when checkAll was called${
      p.sequential
        ? `: each probe started when the one before it ended — the checks ran one after another`
        : p.waitedFor
        ? `: it started when ${p.waitedFor} ended (${p.started} of the ${p.total} probes started at once) — were the checks limited to a few at a time, or chained?`
        : ``
    }`,
  probesStartTogetherExpected: (p: { at: string }) => `every probe starts at ${p.at}`,
  resultsReportedAtOnceTitle: "onResult reports each service once, the moment its verdict is known",
  resultsReportedAtOnceHint:
    "call onResult inside each service's own async check, right after its probe ends or times out — not after Promise.all: `items.map(async (x) => { const r = await work(x); report(r); return r; })`",
  resultsReportedAtOnceFail: (p: { gotLength: number; sName: string; gotLength2: boolean }) =>
    `onResult was called ${
      times(p.gotLength, "time", "times")
    } for ${p.sName}; call it exactly once per service${
      p.gotLength2
        ? `: a timed-out check must not be reported again when its aborted probe rejects`
        : ``
    }`,
  resultsReportedAtOnceFail2: (p: { runElapsedMs: string }) =>
    `every verdict was reported at ${p.runElapsedMs}, when the last check ended: the results were collected before being reported. Call onResult as soon as each check ends`,
  resultsReportedAtOnceFail3: (p: { wrongName: string; wrongAt: string; wrongDue: string }) =>
    `${p.wrongName} was reported at ${p.wrongAt}; its verdict was known at ${p.wrongDue}`,
  resultsReportedAtOnceFail4: (p: { sName: string; got: string; want: string }) =>
    `onResult received status ${p.got} for ${p.sName}; its verdict is "${p.want}"`,
  timeoutOfflineTitle:
    "a service slower than the timeout (2 s by default) is offline, reason timeout",
  timeoutOfflineHint:
    'when the deadline fires, the probe rejects with the signal\'s reason (or your signal is aborted): that is { status: "offline", reason: "timeout" }; any other failure is reason "error" — `signal.aborted` tells them apart in `catch`',
  timeoutOfflineFail: (
    p: {
      sName: string;
      sSeconds: string;
      limit: string;
      withTimeout: boolean;
      what: string;
      slow: boolean;
      slow2: boolean;
    },
  ) =>
    `${p.sName} answers in ${p.sSeconds} with a timeout of ${p.limit}${
      p.withTimeout ? `` : ` (the default)`
    }; its result was ${p.what}, expected ${
      p.slow ? `{"status":"offline","reason":"timeout"}` : `{"status":"online"}`
    }${p.slow2 ? `: a timeout is not an ordinary error, tell them apart` : ``}`,
  timeoutAbortsProbeTitle: "at the deadline, the probe's signal is aborted",
  timeoutAbortsProbeHint:
    "pass each probe a signal that aborts at the deadline: `AbortSignal.timeout(ms)` does it alone; or `const c = new AbortController(); setTimeout(() => c.abort(), ms)` and pass `c.signal`",
  timeoutAbortsProbeFail: (
    p: { cSignal: boolean; sName: string; cAborted: boolean; abortedAt: string; due: string },
  ) =>
    `${
      p.cSignal
        ? `${p.sName} was probed without a signal: pass one, so that the probe stops at the deadline instead of running on`
        : `${p.sName}'s signal was ${
          p.cAborted ? `aborted at ${p.abortedAt}` : `never aborted`
        }; it should be aborted at the deadline, ${p.due}`
    }`,
  timeoutAbortsProbeActual: "never",
  noTimerLeftTitle: "checkAll leaves no timer behind, whatever happened",
  noTimerLeftHint:
    "a timer you start with setTimeout must be cleared on every path — in `finally`, so that success and failure both clear it: `try { … } finally { clearTimeout(timer); }` (AbortSignal.timeout needs no clearing)",
  pathTimeouts: "some services timed out",
  pathInTime: "every service answered in time",
  pathError: "one probe failed",
  noTimerLeftFail: (p: { at: string; pending: number; path: string }) =>
    `when ${p.path}, checkAll returned at ${p.at} with ${
      p.pending === 1
        ? "1 of your timers still pending"
        : `${p.pending} of your timers still pending`
    }: clear your timer on every path (clearTimeout in finally), or a real program waits for nothing`,
  errorOfflineTitle:
    "a probe that fails marks its service offline (reason error) and the others go on",
  errorOfflineHint:
    'catch each probe\'s error inside its own check, so one failure cannot reject them all: { status: "offline", reason: "error", error: err.message }',
  errorOfflineFail: (
    p: {
      failing: string;
      message: string;
      runStatus: boolean;
      runError: string;
      runStatus2: string;
    },
  ) =>
    `when the probe of ${p.failing} failed (${p.message}), checkAll ${
      p.runStatus ? `rejected with ${p.runError}` : `ended with ${p.runStatus2}`
    }: catch each probe's failure, mark that service offline, and let the other checks go on`,
  errorOfflineExpected: "one result per service",
  errorOfflineFail2: (p: { sName: string; message: string; got: string }) =>
    `the probe of ${p.sName} failed with "${p.message}"; its result was ${p.got}, expected { status: "offline", reason: "error", error: "${p.message}" }`,
  errorOfflineFail3: (p: { sName: string; got: string }) =>
    `another probe failed, and ${p.sName}'s result was ${p.got}: one failing service must not change the others' verdicts`,
  resultsSecondsTitle: "each result's seconds is how long that check took, at every call",
  resultsSecondsHint:
    "take the start inside each check, at each call — `const start = performance.now()` in the function, not at the top of the module; seconds = (performance.now() - start) / 1000 when it ends",
  resultsSecondsFail: (
    p: { sName: string; gotSeconds: string; want: string; ms: boolean; second: boolean },
  ) =>
    `${
      p.second ? "at checkAll's second call, " : ""
    }${p.sName}'s result says seconds = ${p.gotSeconds}; its check took ${p.want}${
      p.ms ? `: that is milliseconds, divide by 1000` : ``
    }`,
  simulationsTitle:
    "SERVICES is the statement's list; probe() waits its time and stops when its signal aborts",
  simulationsHint:
    'a timer wrapped in a promise, that an abort listener cancels: `new Promise((resolve, reject) => { const t = setTimeout(resolve, ms); signal?.addEventListener("abort", () => { clearTimeout(t); reject(signal.reason); }); })`',
  simulationsFail: (p: { services: string }) =>
    `SERVICES should be the statement's five services; it is ${p.services}`,
  simulationsFail2: (p: { service: string; ranElapsedMs: string; serviceSeconds: string }) =>
    `probe(${p.service}) took ${p.ranElapsedMs}; it should wait ${p.serviceSeconds}`,
  simulationsFail3: (
    p: {
      abortAt: string;
      abortedStatus: boolean;
      abortedElapsedMs: string;
      abortedPendingTimers: number;
      abortedStatus2: boolean;
      abortedStatus3: string;
      otherReason: boolean;
    },
  ) =>
    `probe(service, signal) with the signal aborted at ${p.abortAt} ${
      p.abortedStatus
        ? `rejected at ${p.abortedElapsedMs}${
          p.otherReason ? ", but not with signal.reason" : ""
        }, leaving ${
          p.abortedPendingTimers === 1 ? "1 timer" : `${p.abortedPendingTimers} timers`
        } pending`
        : `${
          p.abortedStatus2
            ? `resolved anyway at ${p.abortedElapsedMs}: it ignored the signal`
            : `ended with ${p.abortedStatus3} at ${p.abortedElapsedMs}`
        }`
    }; it should reject at once with signal.reason and clear its timer`,
  mainTimeoutFlagTitle: "--timeout SECONDS is honoured to the millisecond (2 s without it)",
  mainTimeoutFlagHint:
    '--timeout is in seconds, with decimals: `Number("1.25") * 1000` gives checkAll its timeoutMs (parseInt would drop the decimals); main ends when the slowest check does',
  mainTimeoutFlagFail: (
    p: { args: string; took: string; want: string; tiny: boolean; whole: boolean },
  ) =>
    `main(${p.args}) took ${p.took}; with that timeout, the checks end after ${p.want}${
      p.tiny
        ? `. The checks gave up almost at once: is the timeout given to checkAll in seconds, or --timeout read as milliseconds? --timeout is in seconds, timeoutMs in milliseconds`
        : p.whole
        ? `. That is what a whole number of seconds gives: are the decimals of --timeout dropped (parseInt, Math.round)?`
        : ``
    }`,
  mainExitCodeTitle: "main returns 0 when every service is online, 1 when any is offline",
  mainExitCodeHint:
    "the exit code says whether anything is offline, not how many: `return offline === 0 ? 0 : 1` (2 is kept for usage errors)",
  exitRow: (p: { args: string; offline: number; code: string }) =>
    `main(${p.args}) returned ${p.code} with ${p.offline} offline`,
  mainExitCodeFail: (p: { wrong: string; counted: boolean }) =>
    `${p.wrong}; expected 0 when every service is online and 1 when one or more is offline${
      p.counted ? `: it returned the number of offline services` : ``
    }`,
  mainJsonTitle:
    'main(["--json"]) prints one JSON document: every result, with its status and seconds',
  mainJsonHint:
    "console.log(JSON.stringify(report, null, 2)) — console.log(object) prints Deno's own format, which is not JSON; print nothing else in --json mode",
  mainJsonFail: (p: { error: string; out: string }) =>
    `with --json, the output is not one JSON document (${p.error}); it starts with: ${p.out}`,
  mainJsonFail2: (p: { names: string }) =>
    `the JSON should hold an array of the five services, each with its name and status; found ${p.names}`,
  mainJsonFail3: (p: { sName: string; sStatus: string; want: string; timeout: string }) =>
    `in the JSON, ${p.sName} has status ${p.sStatus}; with a timeout of ${p.timeout} it is "${p.want}"`,
  mainJsonFail4: (p: { sName: string; got: string; want: string }) =>
    `in the JSON, ${p.sName} has seconds ${p.got}; its check took ${p.want}`,
  mainUsageTitle: "--help prints the usage and returns 0; a bad option or value returns 2",
  mainUsageHint:
    "parseArgs({ args, options, strict: true }) throws on an unknown option or a missing value: catch it, print the error and the usage, return 2; then check the number: `Number.isFinite(n) && n > 0`",
  mainUsageFail: (p: { helpValue: string; took: string; missing: string }) =>
    `main(["--help"]) returned ${p.helpValue} after ${p.took}${
      p.missing ? `, and its usage does not name ${p.missing}` : ""
    }; it should print the usage (every option) at once, check nothing, and return 0`,
  mainUsageFail2: (
    p: {
      args: string;
      runValue: string;
      took: string;
      nan: boolean;
      word: string;
      silent: boolean;
      noUsage: boolean;
    },
  ) =>
    `main(${p.args}) returned ${p.runValue} after ${p.took}; a usage error prints the error and the usage, and returns 2 at once, before checking anything${
      p.nan
        ? `. Number("${p.word}") is NaN ("not a number"), and every comparison with NaN is false: \`NaN <= 0\` lets it through. Test Number.isFinite(value)`
        : p.silent
        ? `. It printed nothing: say what is wrong`
        : p.noUsage
        ? `. Its message does not show the usage (the options, such as --timeout)`
        : ``
    }`,
  linesOnTimeTitle: "main() prints each service's line the moment its verdict is known",
  linesOnTimeHint:
    "print from the onResult callback you give checkAll — `checkAll(SERVICES, { onResult: (r) => console.log(…) })` — not in a loop over its results",
  linesOnTimeFail2: (p: { missing: string }) =>
    `main() printed no line naming ${p.missing}: print one line per service, with its name`,
  linesOnTimeFail3: (p: { last: string; fastest: string }) =>
    `every service's line was printed by ${p.last}, before even the fastest service could answer (${p.fastest}): the checks gave up too soon — is the timeout in milliseconds, as checkAll expects?`,
  linesOnTimeFail4: (p: { at: string }) =>
    `every service's line was printed at ${p.at}: the results were collected before printing. Print each line as soon as its verdict is known`,
  linesOnTimeFail5: "the lines were not printed when each verdict was known",
  mainFiguresTitle:
    "each line gives its service's status and time; the summary gives online, offline and total time",
  mainFiguresHint:
    "a line per service with its status and `result.seconds.toFixed(2)`; at the end one summary line with three figures: `${online} online, ${offline} offline, ${total.toFixed(2)} s`",
  mainFiguresFail: (p: { name: string; line: string; want: string }) =>
    `${p.name}'s line ${p.line} does not show how long its check took (${p.want})`,
  mainFiguresFail2: (p: { up: string; down: string; upLine: string; downLine: string }) =>
    `${p.up} is online and ${p.down} offline, but their lines read the same once names and figures are set aside (${p.upLine} / ${p.downLine}): say which is which in words or symbols, not only in colour`,
  mainFiguresFail3: (p: { lacks: string; summary: string }) =>
    `after the services' lines, the summary lacks ${p.lacks}; it reads ${p.summary}`,
  summaryOnline: (p: { n: number }) => `the number online (${p.n})`,
  summaryOffline: (p: { n: number }) => `the number offline (${p.n})`,
  summaryTotal: (p: { at: string }) => `the total time (${p.at})`,
  summaryExpected: (p: { online: number; offline: number; at: string }) =>
    `${p.online} online, ${p.offline} offline, ${p.at}`,
  mainColourTitle: "main() writes colour only when allowed: a terminal, and no NO_COLOR",
  mainColourHint:
    "decide once: `const colour = !Deno.noColor && Deno.stdout.isTerminal();` and colour only when it is true",
  colourTerminalNoColor: "on a terminal with NO_COLOR set",
  colourPipe: "into a pipe (not a terminal) without NO_COLOR",
  colourPipeNoColor: "into a pipe with NO_COLOR set",
  mainColourFail: (p: { where: string; text: string }) =>
    `main() printed colour codes ${p.where}: ${p.text}. Colour only when Deno.noColor is false and Deno.stdout.isTerminal() is true`,
}, {
  title: "Un outil de supervision prêt pour la production",
  listSeparator: " ; ",
  pair: (p) => `${p.name} à ${p.at}`,
  hint1:
    "Une fonction async vérifie un service du début au verdict : elle lance un chrono, sonde avec un signal, construit son `CheckResult`, appelle `onResult` et le renvoie. `checkAll` devient `Promise.all(services.map(verifierUn))` : tout démarre en même temps et chacun se signale seul.",
  hint2:
    "`const signal = AbortSignal.timeout(timeoutMs)` et `await probe(service, signal)` dans un `try` : dans le `catch`, `signal.aborted` distingue un dépassement de délai (raison `timeout`) de tout autre échec (raison `error`, avec `error.message`). La sonde annule elle-même son minuteur quand le signal est interrompu.",
  hint3:
    'Pour la ligne de commande, `parseArgs({ args, options: { timeout: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } }, strict: true })` dans un `try` (son erreur donne le code 2) ; `Number(valeur)` donne `NaN` pour un mot, testez donc `Number.isFinite(secondes) && secondes > 0`. Affichez chaque ligne depuis `onResult` ; avec `--json`, affichez seulement `JSON.stringify(rapport, null, 2)` à la fin. Renvoyez `horsLigne === 0 ? 0 : 1`.',
  probedOnceFail: (p) =>
    `${p.sName} a été sondé ${p.n} fois ; vérifiez chaque service une seule fois`,
  resultOfFail: (p) =>
    `checkAll a renvoyé ${p.results} ; attendu un tableau de résultats, un par service`,
  resultOfFail2: (p) =>
    `les résultats de checkAll contiennent ${p.foundLength} ${
      p.foundLength === 1 ? "entrée nommée" : "entrées nommées"
    } ${p.name} ; attendu exactement une`,
  runMainFail: (p) =>
    `${p.name} a échoué avec ${p.firstError} : le correcteur, comme quiconque lance votre outil sans --allow-env, ne donne pas accès à l'environnement. NO_COLOR n'en a pas besoin : lisez Deno.noColor (Deno.env.get("NO_COLOR") marche aussi sans permission, les autres variables non)`,
  probesStartTogetherTitle: "checkAll lance toutes les sondes en même temps",
  probesStartTogetherHint:
    "lancez toutes les sondes avant d'en attendre une : `await Promise.all(elements.map(async (e) => …))` exécute les callbacks ensemble, une boucle `for` avec un `await` dedans les exécute l'un après l'autre",
  probesStartTogetherFail: (p) =>
    `${p.lateName} a été sondé à partir de ${p.at}, et non de ${p.calledAt}, quand checkAll a été appelée${
      p.sequential
        ? ` : chaque sonde a démarré à la fin de la précédente — les vérifications se sont faites l'une après l'autre`
        : p.waitedFor
        ? ` : il a démarré à la fin de ${p.waitedFor} (${p.started} sondes sur ${p.total} ont démarré tout de suite) — les vérifications étaient-elles limitées à quelques-unes à la fois, ou enchaînées ?`
        : ``
    }`,
  probesStartTogetherExpected: (p) => `toutes les sondes démarrent à ${p.at}`,
  resultsReportedAtOnceTitle:
    "onResult signale chaque service une fois, dès que son verdict est connu",
  resultsReportedAtOnceHint:
    "appelez onResult dans la vérification async de chaque service, juste après la fin de sa sonde ou son expiration — pas après Promise.all : `elements.map(async (x) => { const r = await travail(x); signaler(r); return r; })`",
  resultsReportedAtOnceFail: (p) =>
    `onResult a été appelé ${p.gotLength} fois pour ${p.sName} ; appelez-le exactement une fois par service${
      p.gotLength2
        ? ` : une vérification expirée ne doit pas être signalée une seconde fois quand sa sonde interrompue échoue`
        : ``
    }`,
  resultsReportedAtOnceFail2: (p) =>
    `tous les verdicts ont été signalés à ${p.runElapsedMs}, à la fin de la dernière vérification : les résultats ont été rassemblés avant d'être signalés. Appelez onResult dès la fin de chaque vérification`,
  resultsReportedAtOnceFail3: (p) =>
    `${p.wrongName} a été signalé à ${p.wrongAt} ; son verdict était connu à ${p.wrongDue}`,
  resultsReportedAtOnceFail4: (p) =>
    `onResult a reçu le statut ${p.got} pour ${p.sName} ; son verdict est « ${p.want} »`,
  timeoutOfflineTitle:
    "un service plus lent que le délai (2 s par défaut) est hors ligne, pour dépassement de délai",
  timeoutOfflineHint:
    'quand l\'échéance tombe, la sonde échoue avec la raison du signal (ou votre signal est interrompu) : c\'est { status: "offline", reason: "timeout" } ; tout autre échec a pour raison "error" — `signal.aborted` les distingue dans le `catch`',
  timeoutOfflineFail: (p) =>
    `${p.sName} répond en ${p.sSeconds} avec un délai de ${p.limit}${
      p.withTimeout ? `` : ` (celui par défaut)`
    } ; son résultat était ${p.what}, attendu ${
      p.slow ? `{"status":"offline","reason":"timeout"}` : `{"status":"online"}`
    }${p.slow2 ? ` : un dépassement de délai n'est pas une erreur ordinaire, distinguez-les` : ``}`,
  timeoutAbortsProbeTitle: "à l'échéance, le signal de la sonde est interrompu",
  timeoutAbortsProbeHint:
    "passez à chaque sonde un signal interrompu à l'échéance : `AbortSignal.timeout(ms)` le fait seul ; ou bien `const c = new AbortController(); setTimeout(() => c.abort(), ms)` et passez `c.signal`",
  timeoutAbortsProbeFail: (p) =>
    `${
      p.cSignal
        ? `${p.sName} a été sondé sans signal : passez-en un, pour que la sonde s'arrête à l'échéance au lieu de continuer`
        : `le signal de ${p.sName} a été ${
          p.cAborted ? `interrompu à ${p.abortedAt}` : `jamais interrompu`
        } ; il doit l'être à l'échéance, ${p.due}`
    }`,
  timeoutAbortsProbeActual: "jamais",
  noTimerLeftTitle: "checkAll ne laisse aucun minuteur derrière elle, quoi qu'il arrive",
  noTimerLeftHint:
    "un minuteur lancé avec setTimeout doit être annulé sur tous les chemins — dans `finally`, pour que la réussite comme l'échec l'annulent : `try { … } finally { clearTimeout(minuteur); }` (AbortSignal.timeout n'a rien à annuler)",
  pathTimeouts: "certains services ont dépassé le délai",
  pathInTime: "tous les services ont répondu à temps",
  pathError: "une sonde a échoué",
  noTimerLeftFail: (p) =>
    `quand ${p.path}, checkAll a rendu la main à ${p.at} avec ${
      p.pending === 1
        ? "1 de vos minuteurs encore en attente"
        : `${p.pending} de vos minuteurs encore en attente`
    } : annulez votre minuteur sur tous les chemins (clearTimeout dans finally), sinon un vrai programme attend pour rien`,
  errorOfflineTitle:
    "une sonde qui échoue met son service hors ligne (raison error) et les autres continuent",
  errorOfflineHint:
    'attrapez l\'erreur de chaque sonde dans sa propre vérification, pour qu\'un échec ne les fasse pas toutes échouer : { status: "offline", reason: "error", error: err.message }',
  errorOfflineFail: (p) =>
    `quand la sonde de ${p.failing} a échoué (${p.message}), checkAll ${
      p.runStatus ? `a échoué avec ${p.runError}` : `s'est terminée par ${p.runStatus2}`
    } : attrapez l'échec de chaque sonde, mettez ce service hors ligne, et laissez les autres vérifications continuer`,
  errorOfflineExpected: "un résultat par service",
  errorOfflineFail2: (p) =>
    `la sonde de ${p.sName} a échoué avec « ${p.message} » ; son résultat était ${p.got}, attendu { status: "offline", reason: "error", error: "${p.message}" }`,
  errorOfflineFail3: (p) =>
    `une autre sonde a échoué, et le résultat de ${p.sName} était ${p.got} : un service en échec ne doit pas changer le verdict des autres`,
  resultsSecondsTitle:
    "le champ seconds de chaque résultat est la durée de cette vérification, à chaque appel",
  resultsSecondsHint:
    "prenez le départ dans chaque vérification, à chaque appel — `const debut = performance.now()` dans la fonction, pas en haut du module ; seconds = (performance.now() - debut) / 1000 à la fin",
  resultsSecondsFail: (p) =>
    `${
      p.second ? "au second appel de checkAll, " : ""
    }le résultat de ${p.sName} indique seconds = ${p.gotSeconds} ; sa vérification a pris ${p.want}${
      p.ms ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  simulationsTitle:
    "SERVICES est la liste de l'énoncé ; probe() attend sa durée et s'arrête quand son signal est interrompu",
  simulationsHint:
    "un minuteur enveloppé dans une promesse, qu'un écouteur d'abort annule : `new Promise((resolve, reject) => { const t = setTimeout(resolve, ms); signal?.addEventListener(\"abort\", () => { clearTimeout(t); reject(signal.reason); }); })`",
  simulationsFail: (p) => `SERVICES doit être les cinq services de l'énoncé ; c'est ${p.services}`,
  simulationsFail2: (p) =>
    `probe(${p.service}) a pris ${p.ranElapsedMs} ; elle doit attendre ${p.serviceSeconds}`,
  simulationsFail3: (p) =>
    `probe(service, signal) avec le signal interrompu à ${p.abortAt} ${
      p.abortedStatus
        ? `a échoué à ${p.abortedElapsedMs}${
          p.otherReason ? ", mais pas avec signal.reason" : ""
        }, en laissant ${
          p.abortedPendingTimers === 1 ? "1 minuteur" : `${p.abortedPendingTimers} minuteurs`
        } en attente`
        : `${
          p.abortedStatus2
            ? `s'est quand même résolue à ${p.abortedElapsedMs} : elle a ignoré le signal`
            : `s'est terminée par ${p.abortedStatus3} à ${p.abortedElapsedMs}`
        }`
    } ; elle doit échouer tout de suite avec signal.reason et annuler son minuteur`,
  mainTimeoutFlagTitle: "--timeout SECONDES est respecté à la milliseconde (2 s sans lui)",
  mainTimeoutFlagHint:
    '--timeout est en secondes, avec décimales : `Number("1.25") * 1000` donne à checkAll son timeoutMs (parseInt perdrait les décimales) ; main se termine avec la vérification la plus lente',
  mainTimeoutFlagFail: (p) =>
    `main(${p.args}) a pris ${p.took} ; avec ce délai, les vérifications se terminent après ${p.want}${
      p.tiny
        ? `. Les vérifications ont abandonné presque tout de suite : le délai est-il passé à checkAll en secondes, ou --timeout lu en millisecondes ? --timeout est en secondes, timeoutMs en millisecondes`
        : p.whole
        ? `. C'est ce que donne un nombre entier de secondes : les décimales de --timeout sont-elles perdues (parseInt, Math.round) ?`
        : ``
    }`,
  mainExitCodeTitle:
    "main renvoie 0 quand tous les services sont en ligne, 1 quand l'un d'eux est hors ligne",
  mainExitCodeHint:
    "le code de sortie dit si quelque chose est hors ligne, pas combien : `return horsLigne === 0 ? 0 : 1` (2 est réservé aux erreurs d'utilisation)",
  exitRow: (p) => `main(${p.args}) a renvoyé ${p.code} avec ${p.offline} hors ligne`,
  mainExitCodeFail: (p) =>
    `${p.wrong} ; attendu 0 quand tous les services sont en ligne et 1 dès qu'un ou plusieurs sont hors ligne${
      p.counted ? ` : il a renvoyé le nombre de services hors ligne` : ``
    }`,
  mainJsonTitle:
    'main(["--json"]) affiche un document JSON : chaque résultat, avec son statut et ses secondes',
  mainJsonHint:
    "console.log(JSON.stringify(rapport, null, 2)) — console.log(objet) affiche le format de Deno, qui n'est pas du JSON ; n'affichez rien d'autre en mode --json",
  mainJsonFail: (p) =>
    `avec --json, la sortie n'est pas un document JSON (${p.error}) ; elle commence par : ${p.out}`,
  mainJsonFail2: (p) =>
    `le JSON doit contenir un tableau des cinq services, chacun avec son nom et son statut ; trouvé ${p.names}`,
  mainJsonFail3: (p) =>
    `dans le JSON, ${p.sName} a le statut ${p.sStatus} ; avec un délai de ${p.timeout}, son statut est « ${p.want} »`,
  mainJsonFail4: (p) =>
    `dans le JSON, ${p.sName} a pour seconds ${p.got} ; sa vérification a pris ${p.want}`,
  mainUsageTitle:
    "--help affiche l'aide et renvoie 0 ; une option ou une valeur invalide renvoie 2",
  mainUsageHint:
    "parseArgs({ args, options, strict: true }) lève une erreur sur une option inconnue ou une valeur manquante : attrapez-la, affichez l'erreur et l'aide, renvoyez 2 ; vérifiez ensuite le nombre : `Number.isFinite(n) && n > 0`",
  mainUsageFail: (p) =>
    `main(["--help"]) a renvoyé ${p.helpValue} après ${p.took}${
      p.missing ? `, et son aide ne nomme pas ${p.missing}` : ""
    } ; il doit afficher l'aide (toutes les options) tout de suite, ne rien vérifier, et renvoyer 0`,
  mainUsageFail2: (p) =>
    `main(${p.args}) a renvoyé ${p.runValue} après ${p.took} ; une erreur d'utilisation affiche l'erreur et l'aide, et renvoie 2 tout de suite, sans rien vérifier${
      p.nan
        ? `. Number("${p.word}") vaut NaN (« pas un nombre »), et toute comparaison avec NaN est fausse : \`NaN <= 0\` le laisse passer. Testez Number.isFinite(valeur)`
        : p.silent
        ? `. Il n'a rien affiché : dites ce qui ne va pas`
        : p.noUsage
        ? `. Son message ne montre pas l'aide (les options, comme --timeout)`
        : ``
    }`,
  linesOnTimeTitle: "main() affiche la ligne de chaque service dès que son verdict est connu",
  linesOnTimeHint:
    "affichez depuis le callback onResult passé à checkAll — `checkAll(SERVICES, { onResult: (r) => console.log(…) })` — pas dans une boucle sur ses résultats",
  linesOnTimeFail2: (p) =>
    `main() n'a affiché aucune ligne nommant ${p.missing} : affichez une ligne par service, avec son nom`,
  linesOnTimeFail3: (p) =>
    `la ligne de chaque service était affichée à ${p.last}, avant même que le service le plus rapide puisse répondre (${p.fastest}) : les vérifications ont abandonné trop tôt — le délai est-il bien en millisecondes, comme checkAll l'attend ?`,
  linesOnTimeFail4: (p) =>
    `la ligne de chaque service a été affichée à ${p.at} : les résultats ont été rassemblés avant l'affichage. Affichez chaque ligne dès que son verdict est connu`,
  linesOnTimeFail5: "les lignes n'ont pas été affichées au moment où chaque verdict était connu",
  mainFiguresTitle:
    "chaque ligne donne le statut et la durée de son service ; le bilan donne en ligne, hors ligne et durée totale",
  mainFiguresHint:
    "une ligne par service avec son statut et `result.seconds.toFixed(2)` ; à la fin une ligne de bilan avec trois nombres : `${enLigne} en ligne, ${horsLigne} hors ligne, ${total.toFixed(2)} s`",
  mainFiguresFail: (p) =>
    `la ligne de ${p.name}, ${p.line}, ne montre pas la durée de sa vérification (${p.want})`,
  mainFiguresFail2: (p) =>
    `${p.up} est en ligne et ${p.down} hors ligne, mais leurs lignes se lisent pareil une fois les noms et les nombres mis de côté (${p.upLine} / ${p.downLine}) : dites lequel est lequel en mots ou en symboles, pas seulement en couleur`,
  mainFiguresFail3: (p) =>
    `après les lignes des services, il manque au bilan ${p.lacks} ; il se lit ${p.summary}`,
  summaryOnline: (p) => `le nombre en ligne (${p.n})`,
  summaryOffline: (p) => `le nombre hors ligne (${p.n})`,
  summaryTotal: (p) => `la durée totale (${p.at})`,
  summaryExpected: (p) => `${p.online} en ligne, ${p.offline} hors ligne, ${p.at}`,
  mainColourTitle:
    "main() n'écrit en couleur que si c'est permis : un terminal, et pas de NO_COLOR",
  mainColourHint:
    "décidez une fois : `const couleur = !Deno.noColor && Deno.stdout.isTerminal();` et ne colorez que si c'est vrai",
  colourTerminalNoColor: "dans un terminal avec NO_COLOR défini",
  colourPipe: "dans un tube (pas un terminal) sans NO_COLOR",
  colourPipeNoColor: "dans un tube avec NO_COLOR défini",
  mainColourFail: (p) =>
    `main() a écrit des codes de couleur ${p.where} : ${p.text}. Ne colorez que si Deno.noColor est faux et Deno.stdout.isTerminal() vrai`,
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
