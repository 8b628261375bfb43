/**
 * Every sentence exercise 5 (`05_check_services.ts`) shows a learner, in English and
 * French: its title, its hints (one at a time, from a nudge to the idea), and
 * each check's title, hint and failures.
 *
 * @module
 */
import { defineCatalog, texts } from "../../i18n/mod.ts";

/** The catalog: the English side sets the keys and parameters, the French one follows. */
export const MESSAGES = defineCatalog({
  title: "A service monitor you could run in production",
  listSeparator: ", ",
  hint1:
    "One async function checks one service from start to verdict: start a clock, probe with a signal, build its `CheckResult`, call `onResult`, return it. `checkAll` is then `Promise.all(services.map(checkOne))`: every check starts at once and reports on its own.",
  hint2:
    "`const signal = AbortSignal.timeout(timeoutMs)` and `await probe(service, signal)` inside `try`: in `catch`, `signal.aborted` tells a timeout (reason `timeout`) from any other failure (reason `error`, with `error.message`). The probe itself clears its timer when the signal aborts.",
  hint3:
    'For the command line, `parseArgs({ args, options: { timeout: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } }, strict: true })` inside `try` (its error means exit code 2). Print each line from `onResult`; with `--json`, print only `JSON.stringify(report, null, 2)` at the end. Return `offline === 0 ? 0 : 1`.',
  probedOnceFail: (p: { sName: string; n: number }) =>
    `${p.sName} was probed ${p.n} times; check each service exactly once`,
  resultOfFail: (p: { results: string }) =>
    `checkAll resolved with ${p.results}; expected an array of results, one per service`,
  resultOfFail2: (p: { foundLength: number; name: string }) =>
    `checkAll's results hold ${p.foundLength} entries named ${p.name}; expected exactly one`,
  runMainFail: (p: { name: string; firstError: string }) =>
    `${p.name} failed with ${p.firstError}: reading NO_COLOR with Deno.env.get needs --allow-env, which the grader (like many users) does not grant. Use Deno.noColor, or ask Deno.permissions.querySync({ name: "env", variable: "NO_COLOR" }) first`,
  probesStartTogetherTitle: "checkAll starts every probe at the same time",
  probesStartTogetherHint:
    "map each service to an async check and await them together (Promise.all), not one by one in a loop",
  probesStartTogetherFail: (
    p: { lateName: string; at: string; afterPrev: boolean; callsName: string },
  ) =>
    `${p.lateName} was probed from ${p.at}, not from 0.00 s${
      p.afterPrev
        ? `: it waited for ${p.callsName} to finish — the checks ran one after another`
        : ``
    }`,
  probesStartTogetherExpected: "every probe starts at 0.00 s",
  resultsReportedAtOnceTitle: "onResult reports each service once, the moment its verdict is known",
  resultsReportedAtOnceHint:
    "call onResult inside each service's own async check, right after its probe ends or times out — not after Promise.all",
  resultsReportedAtOnceFail: (p: { gotLength: number; sName: string; gotLength2: boolean }) =>
    `onResult was called ${p.gotLength} times for ${p.sName}; call it exactly once per service${
      p.gotLength2
        ? `: a timed-out check must not be reported again when its aborted probe rejects`
        : ``
    }`,
  resultsReportedAtOnceFail2: (p: { runElapsedMs: string }) =>
    `every verdict was reported at ${p.runElapsedMs}, when the last check ended: the results were collected before being reported. Call onResult as soon as each check ends`,
  resultsReportedAtOnceFail3: (p: { wrongName: string; wrongAt: string; wrongDue: string }) =>
    `${p.wrongName} was reported at ${p.wrongAt}; its verdict was known at ${p.wrongDue}`,
  timeoutOfflineTitle:
    "a service slower than the timeout (2 s by default) is offline, reason timeout",
  timeoutOfflineHint:
    'when the deadline fires, the probe rejects with a TimeoutError (or your signal is aborted): that is { status: "offline", reason: "timeout" }; any other error is reason "error"',
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
  timeoutAbortsProbeTitle:
    "at the deadline the probe's signal is aborted, and no timer is left behind",
  timeoutAbortsProbeHint:
    "pass each probe a signal: AbortSignal.timeout(timeoutMs), or an AbortController you abort from a setTimeout that you clear when the probe answers in time",
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
  timeoutAbortsProbeFail2: (p: { at: string; pending: number }) =>
    `checkAll returned at ${p.at} with ${p.pending} timer(s) still pending: clear your timeout when the probe answers in time (clearTimeout), or a real program waits for nothing`,
  errorOfflineTitle:
    "a probe that fails marks its service offline (reason error) and the others go on",
  errorOfflineHint:
    'catch each probe\'s error inside its own check: { status: "offline", reason: "error", error: err.message }',
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
    `${p.sName} answered in time but its result was ${p.got}: one failing service must not affect the others`,
  resultsSecondsTitle: "each result's seconds is how long that check took",
  resultsSecondsHint:
    "note performance.now() when each check starts; seconds = (performance.now() - start) / 1000 when it ends",
  resultsSecondsFail: (p: { sName: string; gotSeconds: string; want: string; ms: boolean }) =>
    `${p.sName}'s result says seconds = ${p.gotSeconds}; its check took ${p.want}${
      p.ms ? `: that is milliseconds, divide by 1000` : ``
    }`,
  mainJsonTitle:
    'main(["--json"]) prints one JSON document and returns 1 (the external API times out)',
  mainJsonHint:
    "console.log(JSON.stringify(report, null, 2)) — console.log(object) prints Deno's own format, which is not JSON; print nothing else in --json mode",
  mainJsonFail: (p: { error: string; out: string }) =>
    `with --json, the output is not one JSON document (${p.error}); it starts with: ${p.out}`,
  mainJsonFail2: (p: { names: string }) =>
    `the JSON should hold an array of the five services, each with its name and status; found ${p.names}`,
  mainJsonFail3: (p: { sName: unknown; sStatus: string; want: string }) =>
    `in the JSON, ${p.sName} has status ${p.sStatus}; with the default 2 s timeout it is ${p.want}`,
  mainJsonFail4: (p: { runValue: string }) =>
    `main(["--json"]) returned ${p.runValue}; one service is offline, so the exit code is 1`,
  mainTimeoutFlagTitle:
    '--timeout SECONDS works: main(["--timeout", "4"]) returns 0, main([]) returns 1',
  mainTimeoutFlagHint:
    "--timeout is in seconds: Number(value) * 1000 gives checkAll its timeoutMs; the exit code is 0 only when every service is online",
  mainTimeoutFlagText: "every service answers within 4 s",
  mainTimeoutFlagText2: "the external API needs 3.5 s, more than the default 2 s",
  mainTimeoutFlagText3: "the external API needs 3.5 s, more than 3 s",
  mainTimeoutFlagFail: (
    p: {
      args: string;
      runValue: string;
      runElapsedMs: string;
      code: number;
      why: string;
      tiny: boolean;
    },
  ) =>
    `main(${p.args}) returned ${p.runValue} after ${p.runElapsedMs}; expected ${p.code}: ${p.why}${
      p.tiny
        ? `. The checks gave up almost at once: is --timeout read as milliseconds? It is in seconds`
        : ``
    }`,
  mainUsageTitle: "--help prints the usage and returns 0; a bad option or value returns 2",
  mainUsageHint:
    "parseArgs({ args, options, strict: true }) throws on an unknown option: catch it, print the usage, return 2; check that --timeout is a number above 0",
  mainUsageFail: (p: { helpValue: string; helpElapsedMs: string; helpLogsLength: number }) =>
    `main(["--help"]) returned ${p.helpValue} after ${p.helpElapsedMs}, printing ${p.helpLogsLength} line(s); it should print the usage at once, check nothing, and return 0`,
  mainUsageFail2: (p: { args: string; runValue: string; runElapsedMs: string }) =>
    `main(${p.args}) returned ${p.runValue} after ${p.runElapsedMs}; a usage error returns 2 at once, before checking anything (parseArgs with strict: true, and validate --timeout)`,
  linesOnTimeTitle:
    "main() prints each service's line the moment its verdict is known (no colour under NO_COLOR)",
  linesOnTimeHint:
    "print from the onResult callback you give checkAll, not in a loop over its results",
  linesOnTimeFail: (p: { colouredText: string }) =>
    `main() printed colour codes although NO_COLOR is set (and the output is not a terminal): ${p.colouredText}. Colour only when Deno.noColor is false and Deno.stdout.isTerminal()`,
  linesOnTimeFail2: (p: { missing: string }) =>
    `main() printed no line naming ${p.missing}: print one line per service, with its name`,
  linesOnTimeFail3: (p: { last: string; fastest: string }) =>
    `every service's line was printed by ${p.last}, before even the fastest service could answer (${p.fastest}): the checks gave up too soon — is the timeout in milliseconds, as checkAll expects?`,
  linesOnTimeFail4: (p: { at: string }) =>
    `every service's line was printed at ${p.at}: lines printed late, the results were collected before printing. Print each line as soon as its verdict is known`,
  linesOnTimeFail5: "the lines were not printed when each verdict was known",
  linesOnTimeExpected: (p: { names: string; together: string }) => `${p.names} at ${p.together}`,
  simulationsTitle:
    "SERVICES is the statement's list; probe() waits its time and stops when its signal aborts",
  simulationsHint:
    "probe: a setTimeout of service.seconds * 1000; an abort listener clears it and rejects with signal.reason",
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
    },
  ) =>
    `probe(service, signal) with the signal aborted at ${p.abortAt} ${
      p.abortedStatus
        ? `rejected at ${p.abortedElapsedMs}, leaving ${p.abortedPendingTimers} timer(s) pending`
        : `${
          p.abortedStatus2
            ? `resolved anyway at ${p.abortedElapsedMs}: it ignored the signal`
            : `ended with ${p.abortedStatus3} at ${p.abortedElapsedMs}`
        }`
    }; it should reject at once with signal.reason and clear its timer`,
}, {
  title: "Un outil de supervision digne de la production",
  listSeparator: " ; ",
  hint1:
    "Une fonction async vérifie un service du début au verdict : elle lance un chrono, sonde avec un signal, construit son `CheckResult`, appelle `onResult` et le renvoie. `checkAll` devient `Promise.all(services.map(verifierUn))` : tout démarre en même temps et chacun se signale seul.",
  hint2:
    "`const signal = AbortSignal.timeout(timeoutMs)` et `await probe(service, signal)` dans un `try` : dans le `catch`, `signal.aborted` distingue un timeout (raison `timeout`) de tout autre échec (raison `error`, avec `error.message`). La sonde annule elle-même son timer quand le signal est interrompu.",
  hint3:
    'Pour la ligne de commande, `parseArgs({ args, options: { timeout: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } }, strict: true })` dans un `try` (son erreur donne le code 2). Affichez chaque ligne depuis `onResult` ; avec `--json`, affichez seulement `JSON.stringify(rapport, null, 2)` à la fin. Renvoyez `horsLigne === 0 ? 0 : 1`.',
  probedOnceFail: (p) =>
    `${p.sName} a été sondé ${p.n} fois ; vérifiez chaque service une seule fois`,
  resultOfFail: (p) =>
    `checkAll a renvoyé ${p.results} ; attendu un tableau de résultats, un par service`,
  resultOfFail2: (p) =>
    `les résultats de checkAll ont ${p.foundLength} entrées nommées ${p.name} ; attendu exactement une`,
  runMainFail: (p) =>
    `${p.name} a échoué avec ${p.firstError} : lire NO_COLOR avec Deno.env.get demande --allow-env, que le correcteur (comme bien des utilisateurs) n'accorde pas. Utilisez Deno.noColor, ou interrogez d'abord Deno.permissions.querySync({ name: "env", variable: "NO_COLOR" })`,
  probesStartTogetherTitle: "checkAll lance toutes les sondes en même temps",
  probesStartTogetherHint:
    "associez à chaque service une vérification async et attendez-les ensemble (Promise.all), pas une par une dans une boucle",
  probesStartTogetherFail: (p) =>
    `${p.lateName} a été sondé à partir de ${p.at}, pas de 0,00 s${
      p.afterPrev
        ? ` : il a attendu la fin de ${p.callsName} — les vérifications se sont faites l'une après l'autre`
        : ``
    }`,
  probesStartTogetherExpected: "toutes les sondes démarrent à 0,00 s",
  resultsReportedAtOnceTitle:
    "onResult signale chaque service une fois, dès que son verdict est connu",
  resultsReportedAtOnceHint:
    "appelez onResult dans la vérification async de chaque service, juste après la fin de sa sonde ou son expiration — pas après Promise.all",
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
  timeoutOfflineTitle:
    "un service plus lent que le délai (2 s par défaut) est hors ligne, pour cause de timeout",
  timeoutOfflineHint:
    'quand l\'échéance tombe, la sonde échoue avec une TimeoutError (ou votre signal est interrompu) : c\'est { status: "offline", reason: "timeout" } ; toute autre erreur a pour raison "error"',
  timeoutOfflineFail: (p) =>
    `${p.sName} répond en ${p.sSeconds} avec un délai de ${p.limit}${
      p.withTimeout ? `` : ` (celui par défaut)`
    } ; son résultat était ${p.what}, attendu ${
      p.slow ? `{"status":"offline","reason":"timeout"}` : `{"status":"online"}`
    }${p.slow2 ? ` : un timeout n'est pas une erreur ordinaire, distinguez-les` : ``}`,
  timeoutAbortsProbeTitle:
    "à l'échéance le signal de la sonde est interrompu, et aucun minuteur ne reste en attente",
  timeoutAbortsProbeHint:
    "passez un signal à chaque sonde : AbortSignal.timeout(timeoutMs), ou un AbortController que vous interrompez depuis un setTimeout, annulé quand la sonde répond à temps",
  timeoutAbortsProbeFail: (p) =>
    `${
      p.cSignal
        ? `${p.sName} a été sondé sans signal : passez-en un, pour que la sonde s'arrête à l'échéance au lieu de continuer`
        : `le signal de ${p.sName} a été ${
          p.cAborted ? `interrompu à ${p.abortedAt}` : `jamais interrompu`
        } ; il doit l'être à l'échéance, ${p.due}`
    }`,
  timeoutAbortsProbeActual: "jamais",
  timeoutAbortsProbeFail2: (p) =>
    `checkAll a rendu la main à ${p.at} avec ${p.pending} minuteur(s) encore en attente : annulez votre délai quand la sonde répond à temps (clearTimeout), sinon un vrai programme attend pour rien`,
  errorOfflineTitle:
    "une sonde qui échoue met son service hors ligne (raison error) et les autres continuent",
  errorOfflineHint:
    'attrapez l\'erreur de chaque sonde dans sa propre vérification : { status: "offline", reason: "error", error: err.message }',
  errorOfflineFail: (p) =>
    `quand la sonde de ${p.failing} a échoué (${p.message}), checkAll ${
      p.runStatus ? `a échoué avec ${p.runError}` : `s'est terminée par ${p.runStatus2}`
    } : attrapez l'échec de chaque sonde, mettez ce service hors ligne, et laissez les autres vérifications continuer`,
  errorOfflineExpected: "un résultat par service",
  errorOfflineFail2: (p) =>
    `la sonde de ${p.sName} a échoué avec « ${p.message} » ; son résultat était ${p.got}, attendu { status: "offline", reason: "error", error: "${p.message}" }`,
  errorOfflineFail3: (p) =>
    `${p.sName} a répondu à temps mais son résultat était ${p.got} : un service en échec ne doit pas affecter les autres`,
  resultsSecondsTitle: "le champ seconds de chaque résultat est la durée de cette vérification",
  resultsSecondsHint:
    "notez performance.now() au début de chaque vérification ; seconds = (performance.now() - début) / 1000 à la fin",
  resultsSecondsFail: (p) =>
    `le résultat de ${p.sName} indique seconds = ${p.gotSeconds} ; sa vérification a pris ${p.want}${
      p.ms ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  mainJsonTitle: 'main(["--json"]) affiche un document JSON et renvoie 1 (l\'API externe expire)',
  mainJsonHint:
    "console.log(JSON.stringify(rapport, null, 2)) — console.log(objet) affiche le format de Deno, qui n'est pas du JSON ; n'affichez rien d'autre en mode --json",
  mainJsonFail: (p) =>
    `avec --json, la sortie n'est pas un document JSON (${p.error}) ; elle commence par : ${p.out}`,
  mainJsonFail2: (p) =>
    `le JSON doit contenir un tableau des cinq services, chacun avec son nom et son statut ; trouvé ${p.names}`,
  mainJsonFail3: (p) =>
    `dans le JSON, ${p.sName} a le statut ${p.sStatus} ; avec le délai par défaut de 2 s, son statut est "${p.want}"`,
  mainJsonFail4: (p) =>
    `main(["--json"]) a renvoyé ${p.runValue} ; un service est hors ligne, le code de sortie est donc 1`,
  mainTimeoutFlagTitle:
    '--timeout SECONDES fonctionne : main(["--timeout", "4"]) renvoie 0, main([]) renvoie 1',
  mainTimeoutFlagHint:
    "--timeout est en secondes : Number(valeur) * 1000 donne à checkAll son timeoutMs ; le code de sortie vaut 0 seulement si tous les services sont en ligne",
  mainTimeoutFlagText: "tous les services répondent en moins de 4 s",
  mainTimeoutFlagText2: "l'API externe met 3,5 s, plus que les 2 s par défaut",
  mainTimeoutFlagText3: "l'API externe met 3,5 s, plus que 3 s",
  mainTimeoutFlagFail: (p) =>
    `main(${p.args}) a renvoyé ${p.runValue} après ${p.runElapsedMs} ; attendu ${p.code} : ${p.why}${
      p.tiny
        ? `. Les vérifications ont abandonné presque tout de suite : --timeout est-il lu en millisecondes ? Il est en secondes`
        : ``
    }`,
  mainUsageTitle:
    "--help affiche l'aide et renvoie 0 ; une option ou une valeur invalide renvoie 2",
  mainUsageHint:
    "parseArgs({ args, options, strict: true }) lève une erreur sur une option inconnue : attrapez-la, affichez l'aide, renvoyez 2 ; vérifiez que --timeout est un nombre supérieur à 0",
  mainUsageFail: (p) =>
    `main(["--help"]) a renvoyé ${p.helpValue} après ${p.helpElapsedMs}, en affichant ${p.helpLogsLength} ligne(s) ; il doit afficher l'aide tout de suite, ne rien vérifier, et renvoyer 0`,
  mainUsageFail2: (p) =>
    `main(${p.args}) a renvoyé ${p.runValue} après ${p.runElapsedMs} ; une erreur d'utilisation renvoie 2 tout de suite, sans rien vérifier (parseArgs avec strict: true, et validez --timeout)`,
  linesOnTimeTitle:
    "main() affiche la ligne de chaque service dès que son verdict est connu (sans couleur avec NO_COLOR)",
  linesOnTimeHint:
    "affichez depuis le callback onResult passé à checkAll, pas dans une boucle sur ses résultats",
  linesOnTimeFail: (p) =>
    `main() a affiché des codes de couleur alors que NO_COLOR est défini (et que la sortie n'est pas un terminal) : ${p.colouredText}. Ne colorez que si Deno.noColor est faux et Deno.stdout.isTerminal() vrai`,
  linesOnTimeFail2: (p) =>
    `main() n'a affiché aucune ligne nommant ${p.missing} : affichez une ligne par service, avec son nom`,
  linesOnTimeFail3: (p) =>
    `la ligne de chaque service était affichée à ${p.last}, avant même que le service le plus rapide puisse répondre (${p.fastest}) : les vérifications ont abandonné trop tôt — le délai est-il bien en millisecondes, comme checkAll l'attend ?`,
  linesOnTimeFail4: (p) =>
    `la ligne de chaque service a été affichée à ${p.at} : des lignes affichées en retard, les résultats ont été rassemblés avant l'affichage. Affichez chaque ligne dès que son verdict est connu`,
  linesOnTimeFail5: "les lignes n'ont pas été affichées au moment où chaque verdict était connu",
  linesOnTimeExpected: (p) => `${p.names} à ${p.together}`,
  simulationsTitle:
    "SERVICES est la liste de l'énoncé ; probe() attend sa durée et s'arrête quand son signal est interrompu",
  simulationsHint:
    "probe : un setTimeout de service.seconds * 1000 ; un écouteur d'abort l'annule et rejette avec signal.reason",
  simulationsFail: (p) => `SERVICES doit être les cinq services de l'énoncé ; c'est ${p.services}`,
  simulationsFail2: (p) =>
    `probe(${p.service}) a pris ${p.ranElapsedMs} ; elle doit attendre ${p.serviceSeconds}`,
  simulationsFail3: (p) =>
    `probe(service, signal) avec le signal interrompu à ${p.abortAt} ${
      p.abortedStatus
        ? `a échoué à ${p.abortedElapsedMs}, en laissant ${p.abortedPendingTimers} minuteur(s) en attente`
        : `${
          p.abortedStatus2
            ? `s'est quand même résolue à ${p.abortedElapsedMs} : elle a ignoré le signal`
            : `s'est terminée par ${p.abortedStatus3} à ${p.abortedElapsedMs}`
        }`
    } ; elle doit échouer tout de suite avec signal.reason et annuler son minuteur`,
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
