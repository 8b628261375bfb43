/**
 * Every sentence exercise 4 (`04_pipeline.ts`) shows a learner, in English and
 * French: its title, its hints (one at a time, from a nudge to the idea), and
 * each check's title, hint and failures.
 *
 * @module
 */
import { defineCatalog, texts } from "../../i18n/mod.ts";

/** The catalog: the English side sets the keys and parameters, the French one follows. */
export const MESSAGES = defineCatalog({
  title: "A queue between one producer and several consumers",
  listSeparator: ", ",
  labelAt: (p: { label: string; at: string }) => `${p.label} at ${p.at}`,
  never: "never",
  nothing: "nothing",
  hint1:
    "Start with the queue. It needs three arrays: the stored items, the `resolve` functions of the `get()`s waiting for an item, and the `put()`s waiting for room. A `get()` on an empty queue returns `new Promise((resolve) => waiting.push(resolve))`; `put()` calls the oldest one (`waiting.shift()`).",
  hint2:
    "A full queue makes `put()` wait: that is backpressure, a slow consumer slowing the producer down instead of letting items pile up. `put()` then returns a promise that the `get()` which makes room resolves, oldest first.",
  hint3:
    "The producer must neither fetch one URL at a time, nor wait for its fetches in URL order, nor wait for all of them before filling the queue: give each URL its own task, `urls.map(async (url) => { const p = await fetch(url); log(…); await queue.put(p); })`, `Promise.all` them, then one `null` per consumer.",
  hint4:
    "Each consumer is a loop: `const p = await queue.get(); if (p === null) return;` then analyse, log and record `{ url, consumer: id, value }`. Start `consumers` of them with ids 1…N, take `performance.now()` inside runPipeline, and `await Promise.all([producer(), ...consumers])`. One sentinel missing and that last `Promise.all` never ends.",
  runPipeFail: (p: { n: number; name: string; at: string }) =>
    `with ${p.n} consumer${
      p.n === 1 ? "" : "s"
    }, ${p.name} never returned: every payload was analysed by ${p.at}, then it waited forever with nothing left to wake it (a deadlock). A consumer still waiting in get() never received its sentinel: put one null per consumer once the last payload is in the queue, and let a consumer that gets null return`,
  runPipeHint:
    "a sentinel per worker: once the last real item is in, put the stop value once for each worker still looping, and make each worker return when it takes it (`if (item === STOP) return;`)",
  runPipeFail2: (p: { name: string; analysed: number; total: number; at: string }) =>
    `${p.name} never returned: only ${p.analysed} of ${p.total} payloads were analysed, and at ${p.at} nothing was left that could wake it up (a deadlock). Likely causes: a get() that no put() woke up, or a payload that never reached the queue`,
  spansFail: (p: { at: string; s: string }) =>
    `runPipeline() returned at ${p.at} while the fetch of ${p.s} was still under way: wait until every payload is in the queue and every consumer has stopped. Did the sentinels (null) go in before every payload had arrived?`,
  spansFail2: (p: { s: string }) =>
    `${p.s} was never fetched (or its fetch never ended): the producer must fetch every URL`,
  spansFail3: (p: { s: string; arrived: string }) =>
    `the payload of ${p.s} arrived at ${p.arrived} but was never analysed: every consumer had stopped, so a sentinel (null) came out of the queue before it. Put the nulls in only once every payload is in, and take items out first in, first out`,
  spansFail4: (p: { s: string; early: boolean; at: string }) =>
    `the payload of ${p.s} was never analysed${
      p.early
        ? `: runPipeline() returned at ${p.at} before it was. Wait until every consumer has stopped`
        : ""
    }`,
  returnedEarly: (p: { at: string; last: string }) =>
    `runPipeline() returned at ${p.at}, but the last analysis ended at ${p.last}: return only once every consumer has stopped (await them all)`,
  queueFifoTitle: "AsyncQueue gives items back first in, first out, each queue its own",
  queueFifoHint:
    "an array per queue, kept on the instance (this.items), never at module level: push() at the back, shift() from the front; a put() that waited for room keeps its turn",
  queueFifoFail: (p: { items: string; got: string }) =>
    `after put() of ${p.items}, get() gave ${p.got}: a queue gives items back in the order they went in, whatever they are (0, "", null and false are items too)`,
  queueFifoFail2: (p: { bounded: string; got2: string }) =>
    `with maxSize 2, put() of ${p.bounded} (the last two waiting for room), then four get()s gave ${p.got2}: waiting put()s must get in oldest first`,
  queueFifoFail3: (p: { mine: string; later: string; got: string }) =>
    `two queues: put() of ${p.mine} into the first and the second, get() from the second, the first, then a get() waiting on the second while ${p.later} went into the first and then the second; they received ${p.got}. Each queue must keep its own items and its own waiting get()s: store them on the instance, not in a variable shared by every queue`,
  queueGetWaitsTitle:
    "get() on an empty queue waits for the next put(); waiting get()s are served in order",
  queueGetWaitsHint:
    "keep the resolve functions of waiting get()s in an array; put() calls the oldest one (shift()), e.g. `const wake = this.waiting.shift(); if (wake) wake(item);`",
  queueGetWaitsFail: (p: { earlyValue: string }) =>
    `get() on an empty queue resolved at once (with ${p.earlyValue}) instead of waiting for the next put()`,
  queueGetWaitsFail2: (p: { want: string }) =>
    `get() on an empty queue was still waiting 5 s after the put() at ${p.want}: put() must wake the oldest waiting get()`,
  queueGetWaitsFail3: (p: { got: string; gValue: string; item: string; want: string }) =>
    `get() on an empty queue resumed at ${p.got} with ${p.gValue}; the put() of ${p.item} came at ${p.want}: resume the waiting get() the moment an item arrives (no polling with timers)`,
  queueGetWaitsFail4: (p: { names: string; order: string }) =>
    `three get()s waited (oldest first), then put() brought ${p.names} one at a time; the get()s received ${p.order}: serve waiting get()s oldest first, each at the instant of its put()`,
  queueMaxSizeTitle:
    "with maxSize, put() on a full queue waits until a get() makes room (backpressure)",
  queueMaxSizeHint:
    "backpressure: when the queue holds maxSize items, put() returns a promise kept in a line of waiting put()s, and each get() lets the oldest one in and resolves it; without maxSize (or 0), put() never waits",
  queueMaxSizeFail: (p: { max: number }) =>
    `with maxSize ${p.max}, the first ${p.max} put() calls should resolve at once: the queue had room`,
  queueMaxSizeFail2: (p: { max: number; number: number; at: string; want: string }) =>
    `with maxSize ${p.max} and ${p.max} items in the queue, put() number ${p.number} resolved at ${p.at}; it must wait until a get() makes room (the first came at ${p.want})`,
  queueMaxSizeFail3: (p: { max: number; want: string; got: string }) =>
    `with maxSize ${p.max}, the two put() calls waiting for room should resume one per get(), oldest first, at ${p.want}; they resumed at ${p.got}`,
  queueMaxSizeFail4: (p: { got: string; items: string }) =>
    `after the waiting put() calls, get() gave ${p.got}; expected ${p.items}: the item of a put() that waited must enter the queue, in its turn`,
  queueMaxSizeFail5: (p: { waited: number; zero: boolean }) =>
    `on new AsyncQueue(${
      p.zero ? "0" : ""
    }), put() number ${p.waited} of 20 waited: without maxSize (or with 0) the queue is unbounded and put() resolves at once`,
  queueSizeTitle: "size counts the items waiting in the queue",
  queueSizeHint:
    "return the length of the array of stored items; an item handed straight to a waiting get() never enters the queue, and a put() still waiting for room is not in it yet",
  queueSizeText: "a new queue",
  queueSizeText2: (p: { n: number }) => `${p.n} put() calls`,
  queueSizeText3: "one get()",
  queueSizeText4: "as many get() calls as put() calls",
  queueSizeText5: "a get() waiting on an empty queue",
  queueSizeText6: "a put() handed straight to that waiting get()",
  queueSizeText7: "one more put()",
  queueSizeText8: "three put() calls on a queue with maxSize 2 (the third one waiting)",
  queueSizeText9: "one get() on that full queue (the waiting put() got in)",
  queueSizeFail: (p: { got: string; what: string; want: number }) =>
    `size was ${p.got} after ${p.what}; expected ${p.want}`,
  producerFetchesConcurrentlyTitle: "the producer starts every fetch at once, each exactly once",
  producerFetchesConcurrentlyHint:
    "start every fetch before awaiting any: `await Promise.all(urls.map(async (url) => …))` runs one task per URL side by side",
  producerFetchesConcurrentlyFail: (p: { u: string; count: number }) =>
    `${p.u} was fetched ${p.count} time${p.count === 1 ? "" : "s"}; fetch each URL exactly once`,
  producerFetchesConcurrentlyFail2: (p: { first: string; start: string }) =>
    `the producer fetched one URL at a time: each fetch started when the previous one ended (${p.first} at ${p.start}). Start every fetch at once and put each payload in the queue as soon as it arrives`,
  producerFetchesConcurrentlyFail3: (p: { first: string; start: string }) =>
    `${p.first} was fetched from ${p.start}, not from 0 s: the producer should start every fetch at once`,
  producerFetchesConcurrentlyExpected: "every fetch starts at 0 s",
  putOnArrivalTitle: "each payload is analysed the moment it arrives when a consumer is free",
  putOnArrivalHint:
    "put each payload into the queue right after its own fetch resolves, inside that URL's own task (not in URL order, not after all of them): a task per item acts on its own result, `items.map(async (x) => use(await load(x)))`",
  putOnArrivalFail: (p: { last: string; first: string; firstAt: string }) =>
    `no analysis started before the last fetch ended (${p.last}), and ${p.first}, first in the list, had arrived at ${p.firstAt}: the producer waited for every fetch before putting anything in the queue. Put each payload in as soon as its own fetch resolves`,
  putOnArrivalUrlOrder: (
    p: {
      last: string;
      first: string;
      firstAt: string;
      short: string;
      arrival: string;
      start: string;
    },
  ) =>
    `the payloads went into the queue in URL order: ${p.short} arrived at ${p.arrival} but its analysis started at ${p.start}, once every URL before it in the list had arrived (${p.first}, first in the list, at ${p.firstAt}; the last fetch ended at ${p.last}). Awaiting the fetches one after another in the list's order holds every payload behind a slow one: put each payload in from its own task, as soon as its own fetch resolves`,
  putOnArrivalBoth: (p: { last: string; first: string; firstAt: string }) =>
    `no analysis started before ${p.last}, when ${p.first}, first in the list and last to arrive (at ${p.firstAt}), came in. Two likely causes: the producer waited for every fetch before putting anything, or it awaited the fetches in URL order, so the slow first one held the others back. Either way, put each payload in from its own task, as soon as its own fetch resolves`,
  putOnArrivalFail2: (p: { short: string; arrival: string; start: string }) =>
    `the payload of ${p.short} arrived at ${p.arrival} but its analysis started at ${p.start}, although a consumer was free: put each payload in the queue the moment it arrives, and let a waiting consumer take it at once`,
  consumersTakeWorkWhenFreeTitle:
    "consumers (2 by default) each take the next payload as soon as they are free",
  consumersTakeWorkWhenFreeHint:
    "all consumers get() from one shared queue, in a loop: get, analyse, get again, e.g. `for (let x = await queue.get(); x !== null; x = await queue.get()) { … }`. Never deal the payloads out in advance, and never run more consumers than asked",
  consumersTakeWorkWhenFreeFail: (p: { start: string; k: number; n: number }) =>
    `at ${p.start}, ${p.k} analyses were running at once, but runPipeline has ${p.n} consumers by default: start exactly \`consumers\` consumer loops, not one per URL`,
  consumersTakeWorkWhenFreeFail2: (
    p: { short: string; arrival: string; start: string; idleFrom: string; busy: number; n: number },
  ) =>
    `the payload of ${p.short} arrived at ${p.arrival} and waited until ${p.start}, although a consumer was idle from ${p.idleFrom} (${p.busy} of ${p.n} busy): each consumer should take the next payload from the shared queue as soon as it is free`,
  twoConsumersBeatOneTitle: "two consumers finish sooner than one, by the expected margin",
  twoConsumersBeatOneHint:
    "start exactly `consumers` consumer loops (the option, 2 when it is missing), e.g. `Array.from({ length: n }, (_, i) => worker(i + 1))`, and return as soon as they have all stopped",
  twoConsumersBeatOneFail: (
    p: { n: number; took: string; want: string; arrivals: string; analysis: string; asIf: number },
  ) =>
    `with ${p.n} consumer${
      p.n === 1 ? "" : "s"
    }, the analyses ended at ${p.took}; expected ${p.want} (every payload at ${p.arrivals}, then six analyses of ${p.analysis}, ${p.n} at a time)${
      p.asIf > 0
        ? `: that is how long ${p.asIf} consumer${
          p.asIf === 1 ? "" : "s"
        } would take. Is the \`consumers\` option read?`
        : ""
    }`,
  pipelineSecondsTitle: "seconds is the time of each call, measured from its own start",
  pipelineSecondsHint:
    "take the start inside runPipeline, at each call: `const start = performance.now();` … `seconds: (performance.now() - start) / 1000`",
  pipelineSecondsFail: (
    p: { call: number; start: string; end: string; seconds: string; took: string; reason: string },
  ) =>
    `call number ${p.call} of runPipeline ran from ${p.start} to ${p.end} (${p.took}) but returned seconds = ${p.seconds}${
      p.reason === "milliseconds"
        ? ": that is milliseconds, divide by 1000"
        : p.reason === "sinceOnce"
        ? ": that is the time since a start taken once (when the module loaded, or at the first call). Take the start at each call"
        : p.reason === "notANumber"
        ? ": expected a number of seconds"
        : ""
    }`,
  sentinelsStopConsumersTitle:
    "sentinels stop every consumer: runPipeline returns with 1, 2 or 3 consumers, whatever the order of arrivals",
  sentinelsStopConsumersHint:
    'a sentinel is a value that means "stop": once every payload is in the queue, put one null per consumer; a consumer that gets null returns',
  resultsNameConsumerTitle:
    "results hold one entry per URL with its value and the consumer (from 1) that analysed it",
  resultsNameConsumerHint:
    "each consumer knows its own number (1, 2, …) and pushes { url, consumer, value } after each analysis",
  resultsNameConsumerFail: (p: { results: string; total: number }) =>
    `runPipeline returned results = ${p.results}; expected an array of ${p.total} { url, consumer, value }, one per URL`,
  resultsNameConsumerFail2: (p: { u: string; value: number; entries: string }) =>
    `results should hold ${p.u} once, with the value analyze resolved with (${p.value}); got ${p.entries}`,
  resultsNameConsumerFail3: (p: { u: string; consumer: string; n: number }) =>
    `${p.u} was analysed by consumer ${p.consumer}; with ${p.n} consumers the numbers are 1 to ${p.n} (consumers are numbered from 1)`,
  resultsNameConsumerFail4: (p: { consumer: string; start: string }) =>
    `consumer ${p.consumer} is named for two analyses that overlapped (at ${p.start}): a consumer analyses one payload at a time, so record the number of the consumer that did it`,
  logProgressTitle:
    "a line names each URL when its payload arrives and when its analysis ends; without options, runPipeline logs with console.log, fetches with fetchData and analyses with analyze",
  logProgressHint:
    "call `log(…)` with a line holding the URL right after its fetch resolves and right after its analysis resolves; an option falls back on its default with `??`, e.g. `const log = options.log ?? console.log`",
  logProgressFail: (
    p: {
      short: string;
      fetched: boolean;
      at: string;
      seen: string;
      console: boolean;
      count: number;
    },
  ) =>
    `${
      p.console ? "without options.log, console.log" : "options.log"
    } printed no line naming ${p.short} at ${p.at}, when its ${
      p.fetched ? "payload arrived" : "analysis ended"
    }${
      p.seen
        ? ` (a line names it at ${p.seen})`
        : p.count === 0
        ? " (nothing was printed at all)"
        : ""
    }: log one line naming the URL at each arrival and at the end of each analysis${
      p.console ? ", through console.log when no log is given" : ""
    }`,
  logProgressExpected: (p: { short: string; at: string }) => `a line naming ${p.short} at ${p.at}`,
  logDefaults: (p: { took: string; want: string; d: string }) =>
    `without options.fetch or options.analyze, runPipeline([url], { consumers: 1 }) took ${p.took}; with fetchData taking ${p.d} (Math.random() was held at one value) and analyze 1 s, it takes ${p.want}: fetch with fetchData and analyse with analyze when no option says otherwise`,
  simulationsTitle: "URLS lists six URLs, fetchData waits 0.5–2 s and analyze 1 s",
  simulationsHint:
    "fetchData waits (0.5 + 1.5 * random()) * 1000 ms with the random it is given; analyze waits 1000 ms; setTimeout counts in milliseconds: `await new Promise((r) => setTimeout(r, ms))`",
  simulationsFail: (p: { urls: string }) =>
    `URLS should list six different URLs (http://… or https://…); it is ${p.urls}`,
  simulationsFail2: (p: { r: number; took: string; want: string }) =>
    `fetchData(url, () => ${p.r}) took ${p.took}; it should wait 0.5 + 1.5 × ${p.r} = ${p.want}`,
  simulationsFail3: (p: { p: string }) =>
    `fetchData(url) resolved with ${p.p}; expected { url, items } with items an array of a few numbers`,
  simulationsFail4: (p: { took: string; value: string }) =>
    `analyze(payload) took ${p.took} and resolved with ${p.value}; it should wait 1.0 s and resolve with a number`,
  mainComparesTitle:
    "main() runs one consumer, then two, and prints both times and the sequential estimate",
  mainComparesHint:
    "in main(), `const one = await runPipeline(URLS, { consumers: 1 })`, then two, with the same fetch times; print one.seconds, two.seconds and the sum of the fetch times plus 1 s per analysis, to a tenth of a second",
  mainNeedsUrls:
    "main() was not run: its figures are those of six URLs, and URLS does not hold six different URLs",
  mainNothing:
    "main() printed nothing: print the times of one and two consumers, and the sequential estimate",
  one: (p: { at: string }) => `1 consumer: ${p.at}`,
  two: (p: { at: string }) => `2 consumers: ${p.at}`,
  sequential: (p: { at: string }) => `sequential: ${p.at}`,
  mainFigures: (
    p: { d: string; one: string; two: string; missing: string; early: boolean; seen: string },
  ) =>
    `with every fetch taking ${p.d} (Math.random() was held at one value), your runPipeline(URLS) took ${p.one} with one consumer and ${p.two} with two, so main()'s output should show ${p.missing}${
      p.early ? " (printed before that run had ended)" : ""
    }; the numbers it printed were ${
      p.seen || "none"
    }. Print the seconds each run returned, and the sequential estimate (the fetch times added up, plus 1 s per analysis), in seconds to a tenth at least or in milliseconds`,
  mainRuns: (p: { took: string; want: string }) =>
    `main() took ${p.took} of virtual time; running the pipeline with one consumer and then with two takes ${p.want}: run both, one after the other, and print what they measured`,
}, {
  title: "Une file entre un producteur et plusieurs consommateurs",
  listSeparator: " ; ",
  labelAt: (p) => `${p.label} à ${p.at}`,
  never: "jamais",
  nothing: "rien",
  hint1:
    "Commencez par la file. Il lui faut trois tableaux : les éléments stockés, les fonctions `resolve` des `get()` qui attendent un élément, et les `put()` qui attendent de la place. Un `get()` sur une file vide renvoie `new Promise((resolve) => enAttente.push(resolve))` ; `put()` appelle la plus ancienne (`enAttente.shift()`).",
  hint2:
    "Une file pleine fait attendre `put()` : c'est la contre-pression, un consommateur lent qui freine le producteur au lieu de laisser les éléments s'entasser. `put()` renvoie alors une promesse que résout le `get()` qui fait de la place, dans l'ordre d'arrivée.",
  hint3:
    "Le producteur ne doit ni récupérer les URL une par une, ni attendre ses récupérations dans l'ordre des URL, ni attendre toutes les réponses avant de remplir la file : donnez à chaque URL sa propre tâche, `urls.map(async (url) => { const p = await fetch(url); log(…); await queue.put(p); })`, attendez-les avec `Promise.all`, puis mettez un `null` par consommateur.",
  hint4:
    "Chaque consommateur est une boucle : `const p = await queue.get(); if (p === null) return;` puis il analyse, journalise et note `{ url, consumer: id, value }`. Lancez-en `consumers`, numérotés de 1 à N, prenez `performance.now()` dans runPipeline, et `await Promise.all([producer(), ...consommateurs])`. S'il manque une sentinelle, ce dernier `Promise.all` ne finit jamais.",
  runPipeFail: (p) =>
    `avec ${p.n} consommateur${
      p.n === 1 ? "" : "s"
    }, ${p.name} ne s'est jamais terminée : toutes les données étaient analysées à ${p.at}, puis elle a attendu pour toujours sans rien qui puisse la réveiller (un interblocage). Un consommateur encore en attente dans get() n'a jamais reçu sa sentinelle : mettez un null par consommateur une fois la dernière donnée dans la file, et qu'un consommateur qui reçoit null s'arrête`,
  runPipeHint:
    "une sentinelle par travailleur : une fois le dernier vrai élément dans la file, mettez la valeur d'arrêt une fois pour chaque travailleur qui boucle encore, et que chacun s'arrête en la recevant (`if (element === STOP) return;`)",
  runPipeFail2: (p) =>
    `${p.name} ne s'est jamais terminée : seules ${p.analysed} données sur ${p.total} ont été analysées, et à ${p.at} plus rien ne pouvait la réveiller (un interblocage). Causes probables : un get() qu'aucun put() n'a réveillé, ou une donnée qui n'est jamais arrivée dans la file`,
  spansFail: (p) =>
    `runPipeline() a rendu la main à ${p.at} alors que la récupération de ${p.s} était encore en cours : attendez que toutes les données soient dans la file et que chaque consommateur se soit arrêté. Les sentinelles (null) sont-elles entrées avant l'arrivée de toutes les données ?`,
  spansFail2: (p) =>
    `${p.s} n'a jamais été récupérée (ou sa récupération n'a jamais fini) : le producteur doit récupérer chaque URL`,
  spansFail3: (p) =>
    `les données de ${p.s} sont arrivées à ${p.arrived} mais n'ont jamais été analysées : tous les consommateurs s'étaient arrêtés, une sentinelle (null) est donc sortie de la file avant elles. Ne mettez les null qu'une fois toutes les données dans la file, et sortez les éléments dans l'ordre d'arrivée`,
  spansFail4: (p) =>
    `les données de ${p.s} n'ont jamais été analysées${
      p.early
        ? ` : runPipeline() a rendu la main à ${p.at} avant. Attendez que chaque consommateur se soit arrêté`
        : ""
    }`,
  returnedEarly: (p) =>
    `runPipeline() a rendu la main à ${p.at}, mais la dernière analyse a fini à ${p.last} : ne rendez la main qu'une fois chaque consommateur arrêté (attendez-les tous)`,
  queueFifoTitle:
    "AsyncQueue rend les éléments dans l'ordre d'arrivée (premier entré, premier sorti), chaque file les siens",
  queueFifoHint:
    "un tableau par file, gardé sur l'instance (this.items), jamais au niveau du module : push() à l'arrière, shift() à l'avant ; un put() qui a attendu de la place garde son tour",
  queueFifoFail: (p) =>
    `après put() de ${p.items}, get() a rendu ${p.got} : une file rend les éléments dans l'ordre où ils sont entrés, quels qu'ils soient (0, "", null et false sont aussi des éléments)`,
  queueFifoFail2: (p) =>
    `avec maxSize 2, put() de ${p.bounded} (les deux derniers attendant de la place), puis quatre get() ont rendu ${p.got2} : les put() en attente doivent entrer du plus ancien au plus récent`,
  queueFifoFail3: (p) =>
    `deux files : put() de ${p.mine} dans la première puis la seconde, get() sur la seconde puis la première, puis un get() en attente sur la seconde pendant que ${p.later} entraient dans la première puis la seconde ; ils ont reçu ${p.got}. Chaque file doit garder ses propres éléments et ses propres get() en attente : rangez-les sur l'instance, pas dans une variable partagée par toutes les files`,
  queueGetWaitsTitle:
    "get() sur une file vide attend le prochain put() ; les get() en attente sont servis dans l'ordre",
  queueGetWaitsHint:
    "gardez les fonctions resolve des get() en attente dans un tableau ; put() appelle la plus ancienne (shift()), par exemple `const reveil = this.enAttente.shift(); if (reveil) reveil(item);`",
  queueGetWaitsFail: (p) =>
    `get() sur une file vide s'est résolu tout de suite (avec ${p.earlyValue}) au lieu d'attendre le prochain put()`,
  queueGetWaitsFail2: (p) =>
    `get() sur une file vide attendait encore 5 s après le put() de ${p.want} : put() doit réveiller le plus ancien get() en attente`,
  queueGetWaitsFail3: (p) =>
    `get() sur une file vide a repris à ${p.got} avec ${p.gValue} ; le put() de ${p.item} a eu lieu à ${p.want} : réveillez le get() en attente dès qu'un élément arrive (pas de scrutation avec des minuteurs)`,
  queueGetWaitsFail4: (p) =>
    `trois get() attendaient (le plus ancien d'abord), puis put() a apporté ${p.names} un par un ; les get() ont reçu ${p.order} : servez les get() en attente du plus ancien au plus récent, chacun à l'instant de son put()`,
  queueMaxSizeTitle:
    "avec maxSize, put() sur une file pleine attend qu'un get() fasse de la place (contre-pression)",
  queueMaxSizeHint:
    "contre-pression : quand la file contient maxSize éléments, put() renvoie une promesse rangée dans une file de put() en attente, et chaque get() fait entrer le plus ancien et le résout ; sans maxSize (ou avec 0), put() n'attend jamais",
  queueMaxSizeFail: (p) =>
    `avec maxSize ${p.max}, les ${p.max} premiers appels à put() doivent se résoudre tout de suite : la file avait de la place`,
  queueMaxSizeFail2: (p) =>
    `avec maxSize ${p.max} et ${p.max} éléments dans la file, le put() numéro ${p.number} s'est résolu à ${p.at} ; il doit attendre qu'un get() fasse de la place (le premier a eu lieu à ${p.want})`,
  queueMaxSizeFail3: (p) =>
    `avec maxSize ${p.max}, les deux put() qui attendaient de la place doivent reprendre un par get(), le plus ancien d'abord, à ${p.want} ; ils ont repris à ${p.got}`,
  queueMaxSizeFail4: (p) =>
    `après les put() en attente, get() a rendu ${p.got} ; attendu ${p.items} : l'élément d'un put() qui a attendu doit entrer dans la file, à son tour`,
  queueMaxSizeFail5: (p) =>
    `sur new AsyncQueue(${
      p.zero ? "0" : ""
    }), le put() numéro ${p.waited} sur 20 a attendu : sans maxSize (ou avec 0) la file est illimitée et put() se résout tout de suite`,
  queueSizeTitle: "size compte les éléments qui attendent dans la file",
  queueSizeHint:
    "renvoyez la longueur du tableau des éléments stockés ; un élément remis directement à un get() en attente n'entre jamais dans la file, et un put() qui attend encore de la place n'y est pas encore",
  queueSizeText: "une file neuve",
  queueSizeText2: (p) => `${p.n} appels à put()`,
  queueSizeText3: "un get()",
  queueSizeText4: "autant d'appels à get() qu'à put()",
  queueSizeText5: "un get() en attente sur une file vide",
  queueSizeText6: "un put() remis directement à ce get() en attente",
  queueSizeText7: "un put() de plus",
  queueSizeText8: "trois appels à put() sur une file de maxSize 2 (le troisième en attente)",
  queueSizeText9: "un get() sur cette file pleine (le put() en attente est entré)",
  queueSizeFail: (p) => `size valait ${p.got} après ${p.what} ; attendu ${p.want}`,
  producerFetchesConcurrentlyTitle:
    "le producteur lance toutes les récupérations d'un coup, chacune une seule fois",
  producerFetchesConcurrentlyHint:
    "lancez toutes les récupérations avant d'en attendre une : `await Promise.all(urls.map(async (url) => …))` fait tourner une tâche par URL côte à côte",
  producerFetchesConcurrentlyFail: (p) =>
    `${p.u} a été récupérée ${p.count} fois ; récupérez chaque URL une seule fois`,
  producerFetchesConcurrentlyFail2: (p) =>
    `le producteur a récupéré les URL une par une : chaque récupération a démarré à la fin de la précédente (${p.first} à ${p.start}). Lancez-les toutes d'un coup et mettez chaque donnée dans la file dès qu'elle arrive`,
  producerFetchesConcurrentlyFail3: (p) =>
    `${p.first} a été récupérée à partir de ${p.start}, pas de 0 s : le producteur doit lancer toutes les récupérations d'un coup`,
  producerFetchesConcurrentlyExpected: "toutes les récupérations démarrent à 0 s",
  putOnArrivalTitle: "chaque donnée est analysée dès son arrivée quand un consommateur est libre",
  putOnArrivalHint:
    "mettez chaque donnée dans la file juste après la fin de sa propre récupération, dans la tâche de son URL (ni dans l'ordre des URL, ni après toutes) : une tâche par élément traite son propre résultat, `items.map(async (x) => utiliser(await charger(x)))`",
  putOnArrivalFail: (p) =>
    `aucune analyse n'a démarré avant la fin de la dernière récupération (${p.last}), alors que ${p.first}, la première de la liste, était arrivée à ${p.firstAt} : le producteur a attendu toutes les récupérations avant de remplir la file. Mettez chaque donnée dans la file dès la fin de sa propre récupération`,
  putOnArrivalUrlOrder: (p) =>
    `les données sont entrées dans la file dans l'ordre des URL : ${p.short} est arrivée à ${p.arrival} mais son analyse a démarré à ${p.start}, une fois arrivées toutes les URL qui la précèdent dans la liste (${p.first}, la première, à ${p.firstAt} ; la dernière récupération a fini à ${p.last}). Attendre les récupérations l'une après l'autre dans l'ordre de la liste retient toutes les données derrière une lente : mettez chaque donnée dans la file depuis sa propre tâche, dès la fin de sa propre récupération`,
  putOnArrivalBoth: (p) =>
    `aucune analyse n'a démarré avant ${p.last}, quand ${p.first}, première de la liste et dernière arrivée (à ${p.firstAt}), est arrivée. Deux causes probables : le producteur a attendu toutes les récupérations avant de remplir la file, ou il les a attendues dans l'ordre des URL, si bien que la première, lente, a retenu les autres. Dans les deux cas, mettez chaque donnée dans la file depuis sa propre tâche, dès la fin de sa propre récupération`,
  putOnArrivalFail2: (p) =>
    `les données de ${p.short} sont arrivées à ${p.arrival} mais leur analyse a démarré à ${p.start}, alors qu'un consommateur était libre : mettez chaque donnée dans la file dès son arrivée, et qu'un consommateur en attente la prenne aussitôt`,
  consumersTakeWorkWhenFreeTitle:
    "les consommateurs (2 par défaut) prennent chacun la donnée suivante dès qu'ils sont libres",
  consumersTakeWorkWhenFreeHint:
    "tous les consommateurs font get() sur une seule file partagée, en boucle : get, analyse, get à nouveau, par exemple `for (let x = await queue.get(); x !== null; x = await queue.get()) { … }`. Ne distribuez jamais les données à l'avance, et ne lancez jamais plus de consommateurs que demandé",
  consumersTakeWorkWhenFreeFail: (p) =>
    `à ${p.start}, ${p.k} analyses tournaient en même temps, alors que runPipeline a ${p.n} consommateurs par défaut : lancez exactement \`consumers\` boucles de consommateur, pas une par URL`,
  consumersTakeWorkWhenFreeFail2: (p) =>
    `les données de ${p.short} sont arrivées à ${p.arrival} et ont attendu jusqu'à ${p.start}, alors qu'un consommateur était inactif dès ${p.idleFrom} (${p.busy} sur ${p.n} occupés) : chaque consommateur doit prendre la donnée suivante dans la file partagée dès qu'il est libre`,
  twoConsumersBeatOneTitle: "deux consommateurs finissent plus tôt qu'un seul, de l'écart attendu",
  twoConsumersBeatOneHint:
    "lancez exactement `consumers` boucles de consommateur (l'option, 2 si elle manque), par exemple `Array.from({ length: n }, (_, i) => travailleur(i + 1))`, et rendez la main dès qu'elles se sont toutes arrêtées",
  twoConsumersBeatOneFail: (p) =>
    `avec ${p.n} consommateur${
      p.n === 1 ? "" : "s"
    }, les analyses ont fini à ${p.took} ; attendu ${p.want} (toutes les données à ${p.arrivals}, puis six analyses de ${p.analysis}, ${p.n} à la fois)${
      p.asIf > 0
        ? ` : c'est la durée qu'il faudrait à ${p.asIf} consommateur${
          p.asIf === 1 ? "" : "s"
        }. L'option \`consumers\` est-elle lue ?`
        : ""
    }`,
  pipelineSecondsTitle: "seconds est la durée de chaque appel, mesurée depuis son propre début",
  pipelineSecondsHint:
    "prenez le départ dans runPipeline, à chaque appel : `const debut = performance.now();` … `seconds: (performance.now() - debut) / 1000`",
  pipelineSecondsFail: (p) =>
    `l'appel numéro ${p.call} de runPipeline s'est déroulé de ${p.start} à ${p.end} (${p.took}) mais a renvoyé seconds = ${p.seconds}${
      p.reason === "milliseconds"
        ? " : ce sont des millisecondes, divisez par 1000"
        : p.reason === "sinceOnce"
        ? " : c'est le temps écoulé depuis un départ pris une seule fois (au chargement du module, ou au premier appel). Prenez le départ à chaque appel"
        : p.reason === "notANumber"
        ? " : attendu un nombre de secondes"
        : ""
    }`,
  sentinelsStopConsumersTitle:
    "les sentinelles arrêtent chaque consommateur : runPipeline se termine avec 1, 2 ou 3 consommateurs, quel que soit l'ordre des arrivées",
  sentinelsStopConsumersHint:
    "une sentinelle est une valeur qui veut dire « stop » : une fois toutes les données dans la file, mettez un null par consommateur ; un consommateur qui reçoit null s'arrête",
  resultsNameConsumerTitle:
    "les résultats ont une entrée par URL avec sa valeur et le consommateur (numéroté à partir de 1) qui l'a analysée",
  resultsNameConsumerHint:
    "chaque consommateur connaît son numéro (1, 2, …) et ajoute { url, consumer, value } après chaque analyse",
  resultsNameConsumerFail: (p) =>
    `runPipeline a renvoyé results = ${p.results} ; attendu un tableau de ${p.total} { url, consumer, value }, un par URL`,
  resultsNameConsumerFail2: (p) =>
    `results doit contenir ${p.u} une fois, avec la valeur renvoyée par analyze (${p.value}) ; obtenu ${p.entries}`,
  resultsNameConsumerFail3: (p) =>
    `${p.u} a été analysée par le consommateur ${p.consumer} ; avec ${p.n} consommateurs les numéros vont de 1 à ${p.n} (on numérote à partir de 1)`,
  resultsNameConsumerFail4: (p) =>
    `le consommateur ${p.consumer} est indiqué pour deux analyses qui se chevauchent (à ${p.start}) : un consommateur analyse une donnée à la fois, notez donc le numéro de celui qui l'a faite`,
  logProgressTitle:
    "une ligne nomme chaque URL à l'arrivée de ses données et à la fin de son analyse ; sans options, runPipeline affiche avec console.log, récupère avec fetchData et analyse avec analyze",
  logProgressHint:
    "appelez `log(…)` avec une ligne contenant l'URL juste après la fin de sa récupération et juste après la fin de son analyse ; une option se rabat sur sa valeur par défaut avec `??`, par exemple `const log = options.log ?? console.log`",
  logProgressFail: (p) =>
    `${
      p.console ? "sans options.log, console.log" : "options.log"
    } n'a affiché aucune ligne nommant ${p.short} à ${p.at}, quand ${
      p.fetched ? "ses données sont arrivées" : "son analyse a fini"
    }${
      p.seen
        ? ` (une ligne la nomme à ${p.seen})`
        : p.count === 0
        ? " (rien n'a été affiché du tout)"
        : ""
    } : affichez une ligne nommant l'URL à chaque arrivée et à la fin de chaque analyse${
      p.console ? ", avec console.log quand aucun log n'est donné" : ""
    }`,
  logProgressExpected: (p) => `une ligne nommant ${p.short} à ${p.at}`,
  logDefaults: (p) =>
    `sans options.fetch ni options.analyze, runPipeline([url], { consumers: 1 }) a pris ${p.took} ; avec fetchData qui dure ${p.d} (Math.random() était maintenu à une seule valeur) et analyze 1 s, elle prend ${p.want} : récupérez avec fetchData et analysez avec analyze quand aucune option ne dit autre chose`,
  simulationsTitle: "URLS liste six URL, fetchData attend de 0,5 à 2 s et analyze 1 s",
  simulationsHint:
    "fetchData attend (0.5 + 1.5 * random()) * 1000 ms avec le random qu'on lui donne ; analyze attend 1000 ms ; setTimeout compte en millisecondes : `await new Promise((r) => setTimeout(r, ms))`",
  simulationsFail: (p) =>
    `URLS doit lister six URL différentes (http://… ou https://…) ; c'est ${p.urls}`,
  simulationsFail2: (p) =>
    `fetchData(url, () => ${p.r}) a pris ${p.took} ; elle doit attendre 0,5 + 1,5 × ${p.r} = ${p.want}`,
  simulationsFail3: (p) =>
    `fetchData(url) a renvoyé ${p.p} ; attendu { url, items } avec items un tableau de quelques nombres`,
  simulationsFail4: (p) =>
    `analyze(payload) a pris ${p.took} et renvoyé ${p.value} ; elle doit attendre 1,0 s et renvoyer un nombre`,
  mainComparesTitle:
    "main() lance un consommateur, puis deux, et affiche les deux durées et l'estimation séquentielle",
  mainComparesHint:
    "dans main(), `const un = await runPipeline(URLS, { consumers: 1 })`, puis deux, avec les mêmes durées de récupération ; affichez un.seconds, deux.seconds et la somme des durées de récupération plus 1 s par analyse, au dixième de seconde",
  mainNeedsUrls:
    "main() n'a pas été lancée : ses chiffres sont ceux de six URL, et URLS ne contient pas six URL différentes",
  mainNothing:
    "main() n'a rien affiché : affichez les durées avec un et deux consommateurs, et l'estimation séquentielle",
  one: (p) => `1 consommateur : ${p.at}`,
  two: (p) => `2 consommateurs : ${p.at}`,
  sequential: (p) => `séquentiel : ${p.at}`,
  mainFigures: (p) =>
    `comme chaque récupération durait ${p.d} (Math.random() était maintenu à une seule valeur), votre runPipeline(URLS) a pris ${p.one} avec un consommateur et ${p.two} avec deux : la sortie de main() devait donc montrer ${p.missing}${
      p.early ? " (affiché avant la fin de ce lancement)" : ""
    } ; les nombres affichés étaient ${
      p.seen || "aucun"
    }. Affichez les secondes renvoyées par chaque lancement, et l'estimation séquentielle (la somme des durées de récupération, plus 1 s par analyse), en secondes au dixième au moins ou en millisecondes`,
  mainRuns: (p) =>
    `main() a pris ${p.took} de temps virtuel ; lancer le pipeline avec un consommateur puis avec deux prend ${p.want} : lancez les deux, l'un après l'autre, et affichez ce qu'ils ont mesuré`,
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
