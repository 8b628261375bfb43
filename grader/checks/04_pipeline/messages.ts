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
  title: "A pipeline: one producer, several consumers, a queue between them",
  listSeparator: ", ",
  hint1:
    "Start with the queue. It needs three arrays: the stored items, the `resolve` functions of the `get()`s waiting for an item, and the `put()`s waiting for room. A `get()` on an empty queue returns `new Promise((resolve) => waiting.push(resolve))`; `put()` calls the oldest one.",
  hint2:
    "The producer must not fetch one URL at a time, nor wait for all of them before filling the queue: `await Promise.all(urls.map(async (url) => queue.put(await fetch(url))))`, then one `null` per consumer.",
  hint3:
    "Each consumer is a loop: `const p = await queue.get(); if (p === null) return;` then analyse and record `{ url, consumer: id, value }`. Start `consumers` of them with ids 1…N and `await Promise.all([producer(), ...consumers])`. One sentinel missing and that last `Promise.all` never ends.",
  runPipeFail: (p: { n: number; n2: boolean; name: string; at: string }) =>
    `with ${p.n} consumer${
      p.n2 ? `s` : ``
    }, ${p.name} never returned: every payload was analysed by ${p.at}, then it waited forever with nothing left to wake it. One consumer never got its sentinel (null): put one null per consumer once the last payload is in the queue`,
  runPipeHint: "for (let i = 0; i < consumers; i++) await queue.put(null);",
  runPipeFail2: (p: { name: string; analysed: number; rUrlsLength: number; at: string }) =>
    `${p.name} never returned: only ${p.analysed} of ${p.rUrlsLength} payloads were analysed, and at ${p.at} nothing was left that could wake it up. A get() that no put() woke up, or a payload that never reached the queue?`,
  spansFail: (p: { at: string; s: unknown }) =>
    `runPipeline() returned at ${p.at} while the fetch of ${p.s} was still under way: wait until every payload is in the queue and every consumer has stopped — did the sentinels (null) go in before every payload had arrived?`,
  spansFail2: (p: { s: unknown }) =>
    `${p.s} was never fetched (or its fetch never ended): the producer must fetch every URL`,
  spansFail3: (p: { s: unknown; arrived: string }) =>
    `the payload of ${p.s} arrived at ${p.arrived} but was never analysed: every consumer had stopped, so a sentinel (null) came out of the queue before it. Put the nulls in only once every payload is in, and take items out first in, first out`,
  spansFail4: (p: { s: unknown; early: boolean; runElapsedMs: string }) =>
    `the payload of ${p.s} was never analysed${
      p.early
        ? `: runPipeline() returned at ${p.runElapsedMs} before it was. Wait until every consumer has stopped`
        : ``
    }`,
  queueFifoTitle: "AsyncQueue gives items back first in, first out",
  queueFifoHint:
    "push() at the back, shift() from the front; a put() that waited for room keeps its turn",
  queueFifoFail: (p: { items: string; got: string }) =>
    `after put() of ${p.items}, get() gave ${p.got}: a queue gives items back in the order they went in`,
  queueFifoFail2: (p: { bounded: string; got2: string }) =>
    `with maxSize 2, put() of ${p.bounded} (the last two waiting for room), then four get()s gave ${p.got2}: waiting put()s must get in oldest first`,
  queueGetWaitsTitle:
    "get() on an empty queue waits for the next put(); waiting get()s are served in order",
  queueGetWaitsHint:
    "keep the resolve functions of waiting get()s in an array; put() calls the oldest one (shift())",
  queueGetWaitsFail: (p: { earlyValue: string }) =>
    `get() on an empty queue resolved at once (with ${p.earlyValue}) instead of waiting for the next put()`,
  queueGetWaitsFail2: (p: { want: string }) =>
    `get() on an empty queue was still waiting 5 s after the put() at ${p.want}: put() must wake the oldest waiting get()`,
  queueGetWaitsActual: "never",
  queueGetWaitsFail3: (p: { got: string; gValue: string; item: string; want: string }) =>
    `get() on an empty queue resumed at ${p.got} with ${p.gValue}; the put() of ${p.item} came at ${p.want}: resume the waiting get() the moment an item arrives (no polling with timers)`,
  queueGetWaitsFail4: (p: { names: string; order: string }) =>
    `three get()s waited (oldest first), then put() brought ${p.names} one at a time; the get()s received ${p.order}: serve waiting get()s oldest first, each at the instant of its put()`,
  queueGetWaitsExpected: (p: { names: string; puts: string }) => `${p.names} at ${p.puts}`,
  queueGetWaitsActual2: (p: { order: string; instants: string }) => `${p.order} at ${p.instants}`,
  queueMaxSizeTitle: "with maxSize, put() on a full queue waits until a get() makes room",
  queueMaxSizeHint:
    "when the queue holds maxSize items, put() returns a promise that the next get() resolves; without maxSize, put() never waits",
  queueMaxSizeFail:
    "with maxSize 2, the first two put()s should resolve at once: the queue had room",
  queueMaxSizeFail2: (p: { beforeAt: string; want: string }) =>
    `with maxSize 2 and two items in the queue, the third put() resolved at ${p.beforeAt}; it must wait until a get() makes room (at ${p.want})`,
  queueMaxSizeFail3: (p: { want: string; got3: string }) =>
    `the waiting put() should resume at ${p.want}, when get() made room; it resumed: ${p.got3}`,
  queueMaxSizeFail4: (p: { got: string; items: string }) =>
    `after the waiting put(), get() gave ${p.got}; expected ${p.items}: the item of a put() that waited must enter the queue`,
  queueMaxSizeFail5: (p: { waited: number }) =>
    `on new AsyncQueue() (no maxSize), put() number ${p.waited} of 20 waited: without maxSize the queue is unbounded and put() resolves at once`,
  queueSizeTitle: "size counts the items waiting in the queue",
  queueSizeHint:
    "return the length of the array of stored items; an item handed straight to a waiting get() never enters the queue",
  queueSizeText: "a new queue",
  queueSizeText2: (p: { n: number }) => `${p.n} put()s`,
  queueSizeText3: "one get()",
  queueSizeText4: "as many get()s as put()s",
  queueSizeText5: "a get() waiting on an empty queue",
  queueSizeText6: "a put() handed straight to that waiting get()",
  queueSizeText7: "one more put()",
  queueSizeFail: (p: { got: string; what: string; want: number }) =>
    `size was ${p.got} after ${p.what}; expected ${p.want}`,
  producerFetchesConcurrentlyTitle: "the producer starts every fetch at once",
  producerFetchesConcurrentlyHint:
    "map each URL to an async task that fetches it and puts its payload, then Promise.all the tasks",
  producerFetchesConcurrentlyFail: (p: { u: unknown; callsLength: number }) =>
    `${p.u} was fetched ${p.callsLength} times; fetch each URL exactly once`,
  producerFetchesConcurrentlyFail2: (p: { firstShort: string; start: string }) =>
    `the producer fetched one URL at a time: each fetch started when the previous one ended (${p.firstShort} at ${p.start}). Start every fetch at once and put each payload in the queue as soon as it arrives`,
  producerFetchesConcurrentlyFail3: (p: { firstShort: string; start: string }) =>
    `${p.firstShort} was fetched from ${p.start}, not from 0.0 s: the producer should start every fetch at once`,
  producerFetchesConcurrentlyExpected: "every fetch starts at 0.0 s",
  putOnArrivalTitle: "each payload is analysed the moment it arrives when a consumer is free",
  putOnArrivalHint:
    "put each payload into the queue right after its own fetch resolves, not after all of them",
  putOnArrivalFail: (p: { last: string }) =>
    `no analysis started before the last fetch ended (${p.last}): the producer waited for every fetch before putting anything in the queue. Put each payload in as soon as its own fetch resolves`,
  putOnArrivalFail2: (p: { xShort: string; arrival: string; start: string }) =>
    `the payload of ${p.xShort} arrived at ${p.arrival} but its analysis started at ${p.start}, although a consumer was free: put each payload in the queue the moment it arrives, and let a waiting consumer take it at once`,
  consumersTakeWorkWhenFreeTitle:
    "consumers (2 by default) each take the next payload as soon as they are free",
  consumersTakeWorkWhenFreeHint:
    "all consumers get() from one shared queue, in a loop: get, analyse, get again — never more consumers than asked",
  consumersTakeWorkWhenFreeFail: (p: { start: string; k: number; n: number }) =>
    `at ${p.start}, ${p.k} analyses were running at once, but runPipeline has ${p.n} consumers by default: start exactly \`consumers\` consumer loops, not one per URL`,
  consumersTakeWorkWhenFreeFail2: (
    p: {
      xShort: string;
      arrival: string;
      start: string;
      idleFrom: string;
      busy: number;
      n: number;
    },
  ) =>
    `the payload of ${p.xShort} arrived at ${p.arrival} and waited until ${p.start}, although a consumer was idle from ${p.idleFrom} (${p.busy} of ${p.n} busy): each consumer should take the next payload from the shared queue as soon as it is free`,
  twoConsumersBeatOneTitle: "two consumers finish sooner than one, by the expected margin",
  twoConsumersBeatOneHint:
    "start `consumers` consumer loops (from the option), return as soon as they have all stopped, and measure seconds with performance.now()",
  twoConsumersBeatOneFail: (p: { n: number; seconds: string; runElapsedMs: string; ms: boolean }) =>
    `with ${p.n} consumer(s), runPipeline reported seconds = ${p.seconds}, but ${p.runElapsedMs} passed${
      p.ms ? `: that is milliseconds, divide by 1000` : ``
    }`,
  twoConsumersBeatOneFail2: (
    p: { consumers: number; took: string; want: string; arrivals: string; same: boolean },
  ) =>
    `with ${p.consumers} consumer(s), runPipeline took ${p.took}; expected ${p.want} (payloads at ${p.arrivals}, then six 1 s analyses, ${p.consumers} at a time)${
      p.same ? `: one and two consumers took the same time — is the \`consumers\` option used?` : ``
    }`,
  sentinelsStopConsumersTitle:
    "sentinels stop every consumer: runPipeline returns with 1, 2 or 3 consumers",
  sentinelsStopConsumersHint:
    "once every payload is in the queue, put one null per consumer; a consumer that gets null returns",
  resultsNameConsumerTitle:
    "results hold one entry per URL with its value and the consumer (from 1) that analysed it",
  resultsNameConsumerHint:
    "each consumer knows its own number (1, 2, …) and pushes { url, consumer, value } after each analysis",
  resultsNameConsumerFail: (p: { results: string; rUrlsLength: number }) =>
    `runPipeline returned results = ${p.results}; expected an array of ${p.rUrlsLength} { url, consumer, value }, one per URL`,
  resultsNameConsumerFail2: (p: { u: unknown; u2: unknown; entries: string }) =>
    `results should hold ${p.u} once, with the value analyze resolved with (${p.u2}); got ${p.entries}`,
  resultsNameConsumerFail3: (p: { u: unknown; eConsumer: string; n: number }) =>
    `${p.u} was analysed by consumer ${p.eConsumer}; with ${p.n} consumers the numbers are 1 to 2 (consumers are numbered from 1)`,
  resultsNameConsumerFail4: (p: { consumer: unknown; start: string }) =>
    `consumer ${p.consumer} is named for two analyses that overlapped (at ${p.start}): a consumer analyses one payload at a time, so record the number of the consumer that did it`,
  simulationsTitle: "fetchData waits 0.5–2 s, analyze waits 1 s, and main() runs to the end",
  simulationsHint:
    "fetchData waits (0.5 + 1.5 * random()) * 1000 ms; analyze waits 1000 ms — setTimeout counts in ms; main() awaits both pipelines",
  simulationsFail: (p: { urls: string }) => `URLS should list six different URLs; it is ${p.urls}`,
  simulationsFail2: (p: { r: number; runElapsedMs: string; want: string }) =>
    `fetchData(url, () => ${p.r}) took ${p.runElapsedMs}; it should wait 0.5 + 1.5 × ${p.r} = ${p.want}`,
  simulationsFail3: (p: { p: string }) =>
    `fetchData(url) resolved with ${p.p}; expected { url, items } with items an array of numbers`,
  simulationsFail4: (p: { runElapsedMs: string; runValue: string }) =>
    `analyze(payload) took ${p.runElapsedMs} and resolved with ${p.runValue}; it should wait 1.0 s and resolve with a number`,
  simulationsFail5:
    "main() printed nothing: print the times of one and two consumers, and the sequential estimate",
}, {
  title: "Un pipeline : un producteur, plusieurs consommateurs, une file entre eux",
  listSeparator: " ; ",
  hint1:
    "Commencez par la file. Il lui faut trois tableaux : les éléments stockés, les fonctions `resolve` des `get()` qui attendent un élément, et les `put()` qui attendent de la place. Un `get()` sur une file vide renvoie `new Promise((resolve) => enAttente.push(resolve))` ; `put()` appelle la plus ancienne.",
  hint2:
    "Le producteur ne doit ni récupérer les URL une par une, ni attendre toutes les réponses avant de remplir la file : `await Promise.all(urls.map(async (url) => queue.put(await fetch(url))))`, puis un `null` par consommateur.",
  hint3:
    "Chaque consommateur est une boucle : `const p = await queue.get(); if (p === null) return;` puis il analyse et note `{ url, consumer: id, value }`. Lancez-en `consumers`, numérotés de 1 à N, et `await Promise.all([producer(), ...consommateurs])`. S'il manque une sentinelle, ce dernier `Promise.all` ne finit jamais.",
  runPipeFail: (p) =>
    `avec ${p.n} consommateur${
      p.n2 ? `s` : ``
    }, ${p.name} ne s'est jamais terminée : toutes les données étaient analysées à ${p.at}, puis elle a attendu pour toujours sans rien qui puisse la réveiller. Un consommateur n'a jamais reçu sa sentinelle (null) : mettez un null par consommateur une fois la dernière donnée dans la file`,
  runPipeHint: "for (let i = 0; i < consumers; i++) await queue.put(null);",
  runPipeFail2: (p) =>
    `${p.name} ne s'est jamais terminée : seules ${p.analysed} données sur ${p.rUrlsLength} ont été analysées, et à ${p.at} plus rien ne pouvait la réveiller. Un get() qu'aucun put() n'a réveillé, ou une donnée qui n'est jamais arrivée dans la file ?`,
  spansFail: (p) =>
    `runPipeline() a rendu la main à ${p.at} alors que la récupération de ${p.s} était encore en cours : attendez que toutes les données soient dans la file et que chaque consommateur se soit arrêté — les sentinelles (null) sont-elles entrées avant l'arrivée de toutes les données ?`,
  spansFail2: (p) =>
    `${p.s} n'a jamais été récupérée (ou sa récupération n'a jamais fini) : le producteur doit récupérer chaque URL`,
  spansFail3: (p) =>
    `les données de ${p.s} sont arrivées à ${p.arrived} mais n'ont jamais été analysées : tous les consommateurs s'étaient arrêtés, une sentinelle (null) est donc sortie de la file avant elles. Ne mettez les null qu'une fois toutes les données dans la file, et sortez les éléments dans l'ordre d'arrivée`,
  spansFail4: (p) =>
    `les données de ${p.s} n'ont jamais été analysées${
      p.early
        ? ` : runPipeline() a rendu la main à ${p.runElapsedMs} avant. Attendez que chaque consommateur se soit arrêté`
        : ``
    }`,
  queueFifoTitle:
    "AsyncQueue rend les éléments dans l'ordre d'arrivée (premier entré, premier sorti)",
  queueFifoHint:
    "push() à l'arrière, shift() à l'avant ; un put() qui a attendu de la place garde son tour",
  queueFifoFail: (p) =>
    `après put() de ${p.items}, get() a rendu ${p.got} : une file rend les éléments dans l'ordre où ils sont entrés`,
  queueFifoFail2: (p) =>
    `avec maxSize 2, put() de ${p.bounded} (les deux derniers attendant de la place), puis quatre get() ont rendu ${p.got2} : les put() en attente doivent entrer du plus ancien au plus récent`,
  queueGetWaitsTitle:
    "get() sur une file vide attend le prochain put() ; les get() en attente sont servis dans l'ordre",
  queueGetWaitsHint:
    "gardez les fonctions resolve des get() en attente dans un tableau ; put() appelle la plus ancienne (shift())",
  queueGetWaitsFail: (p) =>
    `get() sur une file vide s'est résolu tout de suite (avec ${p.earlyValue}) au lieu d'attendre le prochain put()`,
  queueGetWaitsFail2: (p) =>
    `get() sur une file vide attendait encore 5 s après le put() de ${p.want} : put() doit réveiller le plus ancien get() en attente`,
  queueGetWaitsActual: "jamais",
  queueGetWaitsFail3: (p) =>
    `get() sur une file vide a repris à ${p.got} avec ${p.gValue} ; le put() de ${p.item} a eu lieu à ${p.want} : réveillez le get() en attente dès qu'un élément arrive (pas de scrutation avec des minuteurs)`,
  queueGetWaitsFail4: (p) =>
    `trois get() attendaient (le plus ancien d'abord), puis put() a apporté ${p.names} un par un ; les get() ont reçu ${p.order} : servez les get() en attente du plus ancien au plus récent, chacun à l'instant de son put()`,
  queueGetWaitsExpected: (p) => `${p.names} à ${p.puts}`,
  queueGetWaitsActual2: (p) => `${p.order} à ${p.instants}`,
  queueMaxSizeTitle: "avec maxSize, put() sur une file pleine attend qu'un get() fasse de la place",
  queueMaxSizeHint:
    "quand la file contient maxSize éléments, put() renvoie une promesse que le prochain get() résout ; sans maxSize, put() n'attend jamais",
  queueMaxSizeFail:
    "avec maxSize 2, les deux premiers put() doivent se résoudre tout de suite : la file avait de la place",
  queueMaxSizeFail2: (p) =>
    `avec maxSize 2 et deux éléments dans la file, le troisième put() s'est résolu à ${p.beforeAt} ; il doit attendre qu'un get() fasse de la place (à ${p.want})`,
  queueMaxSizeFail3: (p) =>
    `le put() en attente doit reprendre à ${p.want}, quand get() a fait de la place ; il a repris : ${p.got3}`,
  queueMaxSizeFail4: (p) =>
    `après le put() en attente, get() a rendu ${p.got} ; attendu ${p.items} : l'élément d'un put() qui a attendu doit entrer dans la file`,
  queueMaxSizeFail5: (p) =>
    `sur new AsyncQueue() (sans maxSize), le put() numéro ${p.waited} sur 20 a attendu : sans maxSize la file est illimitée et put() se résout tout de suite`,
  queueSizeTitle: "size compte les éléments qui attendent dans la file",
  queueSizeHint:
    "renvoyez la longueur du tableau des éléments stockés ; un élément remis directement à un get() en attente n'entre jamais dans la file",
  queueSizeText: "une file neuve",
  queueSizeText2: (p) => `${p.n} put()`,
  queueSizeText3: "un get()",
  queueSizeText4: "autant de get() que de put()",
  queueSizeText5: "un get() en attente sur une file vide",
  queueSizeText6: "un put() remis directement à ce get() en attente",
  queueSizeText7: "un put() de plus",
  queueSizeFail: (p) => `size valait ${p.got} après ${p.what} ; attendu ${p.want}`,
  producerFetchesConcurrentlyTitle: "le producteur lance toutes les récupérations en même temps",
  producerFetchesConcurrentlyHint:
    "associez à chaque URL une tâche async qui la récupère et met ses données dans la file, puis Promise.all sur ces tâches",
  producerFetchesConcurrentlyFail: (p) =>
    `${p.u} a été récupérée ${p.callsLength} fois ; récupérez chaque URL une seule fois`,
  producerFetchesConcurrentlyFail2: (p) =>
    `le producteur a récupéré les URL une par une : chaque récupération a démarré à la fin de la précédente (${p.firstShort} à ${p.start}). Lancez-les toutes d'un coup et mettez chaque donnée dans la file dès qu'elle arrive`,
  producerFetchesConcurrentlyFail3: (p) =>
    `${p.firstShort} a été récupérée à partir de ${p.start}, pas de 0,0 s : le producteur doit lancer toutes les récupérations d'un coup`,
  producerFetchesConcurrentlyExpected: "toutes les récupérations démarrent à 0,0 s",
  putOnArrivalTitle: "chaque donnée est analysée dès son arrivée quand un consommateur est libre",
  putOnArrivalHint:
    "mettez chaque donnée dans la file juste après la fin de sa propre récupération, pas après toutes",
  putOnArrivalFail: (p) =>
    `aucune analyse n'a démarré avant la fin de la dernière récupération (${p.last}) : le producteur a attendu toutes les récupérations avant de remplir la file. Mettez chaque donnée dans la file dès la fin de sa propre récupération`,
  putOnArrivalFail2: (p) =>
    `les données de ${p.xShort} sont arrivées à ${p.arrival} mais leur analyse a démarré à ${p.start}, alors qu'un consommateur était libre : mettez chaque donnée dans la file dès son arrivée, et qu'un consommateur en attente la prenne aussitôt`,
  consumersTakeWorkWhenFreeTitle:
    "les consommateurs (2 par défaut) prennent chacun la donnée suivante dès qu'ils sont libres",
  consumersTakeWorkWhenFreeHint:
    "tous les consommateurs font get() sur une seule file partagée, en boucle : get, analyse, get à nouveau — jamais plus de consommateurs que demandé",
  consumersTakeWorkWhenFreeFail: (p) =>
    `à ${p.start}, ${p.k} analyses tournaient en même temps, alors que runPipeline a ${p.n} consommateurs par défaut : lancez exactement \`consumers\` boucles de consommateur, pas une par URL`,
  consumersTakeWorkWhenFreeFail2: (p) =>
    `les données de ${p.xShort} sont arrivées à ${p.arrival} et ont attendu jusqu'à ${p.start}, alors qu'un consommateur était inactif dès ${p.idleFrom} (${p.busy} sur ${p.n} occupés) : chaque consommateur doit prendre la donnée suivante dans la file partagée dès qu'il est libre`,
  twoConsumersBeatOneTitle: "deux consommateurs finissent plus tôt qu'un seul, de l'écart attendu",
  twoConsumersBeatOneHint:
    "lancez `consumers` boucles de consommateur (selon l'option), rendez la main dès qu'elles se sont toutes arrêtées, et mesurez les secondes avec performance.now()",
  twoConsumersBeatOneFail: (p) =>
    `avec ${p.n} consommateur(s), runPipeline indique seconds = ${p.seconds}, alors que ${p.runElapsedMs} se sont écoulées${
      p.ms ? ` : ce sont des millisecondes, divisez par 1000` : ``
    }`,
  twoConsumersBeatOneFail2: (p) =>
    `avec ${p.consumers} consommateur(s), runPipeline a pris ${p.took} ; attendu ${p.want} (données arrivées à ${p.arrivals}, puis six analyses d'1 s, ${p.consumers} à la fois)${
      p.same
        ? ` : un et deux consommateurs ont pris le même temps — l'option \`consumers\` est-elle utilisée ?`
        : ``
    }`,
  sentinelsStopConsumersTitle:
    "les sentinelles arrêtent chaque consommateur : runPipeline se termine avec 1, 2 ou 3 consommateurs",
  sentinelsStopConsumersHint:
    "une fois toutes les données dans la file, mettez un null par consommateur ; un consommateur qui reçoit null s'arrête",
  resultsNameConsumerTitle:
    "les résultats ont une entrée par URL avec sa valeur et le consommateur (numéroté à partir de 1) qui l'a analysée",
  resultsNameConsumerHint:
    "chaque consommateur connaît son numéro (1, 2, …) et ajoute { url, consumer, value } après chaque analyse",
  resultsNameConsumerFail: (p) =>
    `runPipeline a renvoyé results = ${p.results} ; attendu un tableau de ${p.rUrlsLength} { url, consumer, value }, un par URL`,
  resultsNameConsumerFail2: (p) =>
    `results doit contenir ${p.u} une fois, avec la valeur renvoyée par analyze (${p.u2}) ; obtenu ${p.entries}`,
  resultsNameConsumerFail3: (p) =>
    `${p.u} a été analysée par le consommateur ${p.eConsumer} ; avec ${p.n} consommateurs les numéros vont de 1 à 2 (on numérote à partir de 1)`,
  resultsNameConsumerFail4: (p) =>
    `le consommateur ${p.consumer} est indiqué pour deux analyses qui se chevauchent (à ${p.start}) : un consommateur analyse une donnée à la fois, notez donc le numéro de celui qui l'a faite`,
  simulationsTitle: "fetchData attend de 0,5 à 2 s, analyze attend 1 s, et main() va jusqu'au bout",
  simulationsHint:
    "fetchData attend (0.5 + 1.5 * random()) * 1000 ms ; analyze attend 1000 ms — setTimeout compte en ms ; main() attend les deux pipelines",
  simulationsFail: (p) => `URLS doit lister six URL différentes ; c'est ${p.urls}`,
  simulationsFail2: (p) =>
    `fetchData(url, () => ${p.r}) a pris ${p.runElapsedMs} ; elle doit attendre 0,5 + 1,5 × ${p.r} = ${p.want}`,
  simulationsFail3: (p) =>
    `fetchData(url) a renvoyé ${p.p} ; attendu { url, items } avec items un tableau de nombres`,
  simulationsFail4: (p) =>
    `analyze(payload) a pris ${p.runElapsedMs} et renvoyé ${p.runValue} ; elle doit attendre 1,0 s et renvoyer un nombre`,
  simulationsFail5:
    "main() n'a rien affiché : affichez les durées avec un et deux consommateurs, et l'estimation séquentielle",
});

/** A message of {@linkcode MESSAGES} in both languages, parameters filled. */
export const msg = texts(MESSAGES);
