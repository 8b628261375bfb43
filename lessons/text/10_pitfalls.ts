/**
 * What lesson 10 prints, in English and French.
 *
 * @module
 */
import type { Lang } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  p1Title: "== Pitfall 1: async handlers that call blocking code ==",
  p1Intro: (work: number, burst: number) =>
    `Two handlers each spend ${work} ms per request. One blocks the thread (as a synchronous\n` +
    "database driver or HTTP client would), the other awaits (as an async one does).\n" +
    `${burst} requests hit each handler at the same moment.`,
  measured:
    "Measured: a real Deno.serve on 127.0.0.1 (a free port), in a Worker; requests sent from here:",
  simulated: "Simulated (the thread is modelled as one lane that blocking work holds):",
  noNet: (file: string) =>
    "No network permission, so this is a simulation (the thread is modelled as one lane\n" +
    "that blocking work holds). For the real server:\n" +
    `  deno run --allow-net=127.0.0.1 ${file}`,
  header: "  request   blocking  awaiting",
  slowest: "  slowest",
  blockingLane: "blocking",
  awaitingLane: "awaiting",
  p1Outro: "Blocking: each request waits for all the ones before it. Awaiting: they overlap.\n" +
    "This is how an API can go from 180 ms to 1.4 s a request after its handlers were made\n" +
    "async without touching the synchronous database calls inside them.\n" +
    "Rule: inside async code, call only async I/O (fetch, Deno.readTextFile, async drivers);\n" +
    "a *Sync API (Deno.readTextFileSync, node:sqlite's DatabaseSync...) blocks everyone.",
  p2Title: "== Pitfall 2: there is no harmless blocking sleep ==",
  p2Simulated: (ms: number) => `Simulated: a timer due at 50 ms ran at ${ms} ms.`,
  p2Measured: (ms: number) => `A timer due at 50 ms ran at ${ms} ms.`,
  p2Outro:
    "The thread slept 300 ms (in Atomics.wait() when measured) and the timer waited for it.\n" +
    "That is what Python's time.sleep() does inside async code: it freezes the loop.",
  p3Title: "== Pitfall 3: CPU work on the loop; move it to a Worker ==",
  p3Simulated: "Simulated: 200 ms of computing; a heartbeat is due at 20 ms.",
  onLoopRan: (ms: string) => `  on the event loop: the heartbeat ran at ${ms}`,
  inWorkerRan: (ms: string) => `  in a Worker:       the heartbeat ran at ${ms}`,
  p3Measured: (n: number, limit: number) =>
    `Counting the ${n} primes below ${limit} while a heartbeat ticks every 20 ms:`,
  onLoopGap: (ms: string) => `  on the event loop: longest silence between beats ${ms}`,
  inWorkerGap: (ms: string) => `  in a Worker:       longest silence between beats ${ms}`,
  workerFound: (n: number) => `  (the Worker found ${n} primes too)`,
  p3Outro: "A Worker is Deno's ProcessPoolExecutor: its own thread, talked to with messages.",
  p4Title: "== Pitfall 4: the forgotten await ==",
  p4Outro:
    "No error, no warning at run time: the promise serialises as {}. TypeScript catches it\n" +
    "when the type says string[]; `deno check` before you ship.",
  p5Title: "== Pitfall 5: async everywhere, just in case ==",
  syncTotal: (n: number) => `sync total = ${n}`,
  asyncTotal: (n: number) => `async total = ${n}`,
  nextLine: "next line of the caller",
  order: (steps: string[]) => `  order: ${steps.join(" -> ")}`,
  p5Outro: "The async version answers later, forces every caller to await, and turns a thrown\n" +
    "error into a rejection. Make a function async when it awaits I/O, not before.",
  serverFailed: (m: string) => `Cannot run the server: ${m}`,
  workerFailed: (m: string) => `Cannot count primes in a Worker: ${m}`,
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    p1Title: "== Piège 1 : des gestionnaires async qui appellent du code bloquant ==",
    p1Intro: (work: number, burst: number) =>
      `Deux gestionnaires passent chacun ${work} ms sur une requête. L'un bloque le fil\n` +
      "d'exécution (comme le ferait un pilote de base de données ou un client HTTP\n" +
      "synchrone), l'autre attend avec await (comme un pilote asynchrone).\n" +
      `${burst} requêtes arrivent sur chacun au même instant.`,
    measured: "Mesuré : un vrai Deno.serve sur 127.0.0.1 (un port libre), dans un Worker ;\n" +
      "les requêtes partent d'ici :",
    simulated: "Simulé (le fil d'exécution est modélisé comme une voie unique que le travail\n" +
      "bloquant occupe) :",
    noNet: (file: string) =>
      "Pas de permission réseau : voici donc une simulation (le fil d'exécution est modélisé\n" +
      "comme une voie unique que le travail bloquant occupe). Pour le vrai serveur :\n" +
      `  deno run --allow-net=127.0.0.1 ${file}`,
    header: "  requête   bloquant  avec await",
    slowest: "  la pire ",
    blockingLane: "bloquant",
    awaitingLane: "avec await",
    p1Outro: "Bloquant : chaque requête attend toutes celles d'avant. Avec await : elles se\n" +
      "chevauchent. C'est ainsi qu'une API passe de 180 ms à 1,4 s par requête quand on rend\n" +
      "ses gestionnaires async sans toucher aux appels synchrones à la base de données.\n" +
      "Règle : dans du code async, n'appelez que des E/S asynchrones (fetch,\n" +
      "Deno.readTextFile, pilotes async) ; une API *Sync (Deno.readTextFileSync, le\n" +
      "DatabaseSync de node:sqlite…) bloque tout le monde.",
    p2Title: "== Piège 2 : aucune attente bloquante n'est inoffensive ==",
    p2Simulated: (ms: number) => `Simulé : un minuteur prévu à 50 ms s'est déclenché à ${ms} ms.`,
    p2Measured: (ms: number) => `Un minuteur prévu à 50 ms s'est déclenché à ${ms} ms.`,
    p2Outro: "Le fil d'exécution a dormi 300 ms (dans Atomics.wait() pour la mesure), et le\n" +
      "minuteur a dû l'attendre. C'est ce que fait time.sleep() dans du code async en Python :\n" +
      "il fige la boucle.",
    p3Title: "== Piège 3 : du calcul sur la boucle ; confiez-le à un Worker ==",
    p3Simulated: "Simulé : 200 ms de calcul ; un battement de cœur est prévu à 20 ms.",
    onLoopRan: (ms: string) => `  sur la boucle d'événements : le battement est venu à ${ms}`,
    inWorkerRan: (ms: string) => `  dans un Worker :             le battement est venu à ${ms}`,
    p3Measured: (n: number, limit: number) =>
      `On compte les ${n} nombres premiers sous ${limit} pendant qu'un battement de cœur\n` +
      "bat toutes les 20 ms :",
    onLoopGap: (ms: string) =>
      `  sur la boucle d'événements : plus long silence entre deux battements ${ms}`,
    inWorkerGap: (ms: string) =>
      `  dans un Worker :             plus long silence entre deux battements ${ms}`,
    workerFound: (n: number) => `  (le Worker a lui aussi trouvé ${n} nombres premiers)`,
    p3Outro: "Un Worker, c'est le ProcessPoolExecutor de Deno : un fil à lui, avec qui l'on\n" +
      "échange des messages.",
    p4Title: "== Piège 4 : l'await oublié ==",
    p4Outro: "Ni erreur ni avertissement à l'exécution : la promesse devient {} une fois\n" +
      "sérialisée. TypeScript le repère quand le type annonce string[] : lancez `deno check`\n" +
      "avant de livrer.",
    p5Title: "== Piège 5 : async partout, au cas où ==",
    syncTotal: (n: number) => `total synchrone = ${n}`,
    asyncTotal: (n: number) => `total async = ${n}`,
    nextLine: "ligne suivante de l'appelant",
    order: (steps: string[]) => `  ordre : ${steps.join(" -> ")}`,
    p5Outro: "La version async répond plus tard, oblige chaque appelant à utiliser await et\n" +
      "transforme une exception en rejet. Rendez une fonction async quand elle attend des\n" +
      "E/S, pas avant.",
    serverFailed: (m: string) => `Impossible de lancer le serveur : ${m}`,
    workerFailed: (m: string) => `Impossible de compter les nombres premiers dans un Worker : ${m}`,
  },
};
