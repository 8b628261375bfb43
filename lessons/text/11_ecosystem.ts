/**
 * What lesson 11 prints, in English and French.
 *
 * @module
 */
import type { Lang } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  libraries: [
    ["FastAPI, Starlette, Quart", "Hono (npm:hono), Oak, Fresh; or Deno.serve alone"],
    ["uvicorn (ASGI server)", "built in: Deno.serve"],
    ["aiohttp, HTTPX (client)", "built in: fetch (it pools connections for you)"],
    ["websockets", "built in: WebSocket, Deno.upgradeWebSocket"],
    ["asyncpg, aiomysql, Motor", "npm:postgres, npm:pg, npm:mysql2, npm:mongodb"],
    ["aiosqlite", "node:sqlite (synchronous: keep queries short), Deno KV"],
    ["aiofiles", "built in: Deno.readTextFile, Deno.open (async by default)"],
    ["pytest-asyncio", "built in: Deno.test accepts async functions"],
  ] as [string, string][],
  librariesTitle: "== Python library -> Deno ==",
  serveTitle: "== Deno.serve + fetch ==",
  city: (city: string, celsius: number) => `  ${city}: ${celsius} °C`,
  threeAtOnce: (ms: number) => `  three requests at once: ${ms} ms`,
  listening: (base: string) => `  server listening on ${base}`,
  shutDown: "  server shut down",
  noNet: (file: string) =>
    "  (no network permission: calling the handler in-process; for the real server run\n" +
    `   deno run --allow-net=127.0.0.1 ${file})`,
  wsTitle: "== WebSocket ==",
  wsFailed: "Cannot open the WebSocket",
  words: ["one", "two", "three"],
  sentGot: (word: string, reply: string) => `  sent "${word}", got "${reply}"`,
  sentGotLocal: (word: string, reply: string) =>
    `  sent "${word}", got "${reply}" (in-process MessageChannel)`,
  events: "  Messages arrive as events; awaiting a promise per reply reads like async code.",
  honoTitle: "== Hono, a web framework from npm ==",
  slowText: "slow but not blocking",
  overHttp: (reply: string, ms: number) =>
    `  3 x GET /slow over HTTP -> "${reply}" (${ms} ms for all three)`,
  inProcess: (ms: number) => `  3 x app.request("/slow") -> ${ms} ms for all three`,
  samePort: "  Deno.serve(app.fetch) serves the same app on a real port.",
  dbTitle: "== Databases ==",
  db: '  npm drivers work in Deno: `import postgres from "npm:postgres"` gives a pool whose\n' +
    "  queries you await. Create the pool once, share it, close it at shutdown: the advice\n" +
    "  of the Python course (one shared client) holds here too. A synchronous driver, like\n" +
    "  node:sqlite's DatabaseSync, blocks the loop for the length of each query (lesson 10).",
  cliTitle: "== A command-line tool: arguments, output, exit codes ==",
  cliIntro: "  A tiny tool, `sum [--max N] NUMBER…`, run in-process with four command lines:",
  cliRun: (command: string, code: number) => `  $ ${command}   -> exit code ${code}`,
  sumIs: (total: number) => `sum: ${total}`,
  overMax: (total: number, max: number) => `the sum ${total} is over the maximum ${max}`,
  notANumber: (value: string) =>
    `"${value}" is not a number: Number("${value}") gives NaN, which no check lets through`,
  unknownOption: (flag: string) => `unknown option ${flag}`,
  usage: "usage: sum [--max N] NUMBER…",
  cliOutro:
    "  Results go to stdout, complaints to stderr, and the exit code tells a script what\n" +
    "  happened: 0 all went well, 1 a check failed, 2 the command itself was wrong.\n" +
    "  Deno.args holds the arguments, parseArgs (node:util) reads them, Deno.exit(code) ends\n" +
    "  the program with a code; check every number you read: Number() never throws.",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    libraries: [
      ["FastAPI, Starlette, Quart", "Hono (npm:hono), Oak, Fresh ; ou Deno.serve tout seul"],
      ["uvicorn (serveur ASGI)", "intégré : Deno.serve"],
      ["aiohttp, HTTPX (client)", "intégré : fetch (qui réutilise les connexions pour vous)"],
      ["websockets", "intégré : WebSocket, Deno.upgradeWebSocket"],
      ["asyncpg, aiomysql, Motor", "npm:postgres, npm:pg, npm:mysql2, npm:mongodb"],
      ["aiosqlite", "node:sqlite (synchrone : gardez les requêtes courtes), Deno KV"],
      ["aiofiles", "intégré : Deno.readTextFile, Deno.open (asynchrones par défaut)"],
      ["pytest-asyncio", "intégré : Deno.test accepte les fonctions async"],
    ] as [string, string][],
    librariesTitle: "== Bibliothèque Python -> Deno ==",
    serveTitle: "== Deno.serve + fetch ==",
    city: (city: string, celsius: number) => `  ${city} : ${celsius} °C`,
    threeAtOnce: (ms: number) => `  trois requêtes à la fois : ${ms} ms`,
    listening: (base: string) => `  serveur à l'écoute sur ${base}`,
    shutDown: "  serveur arrêté",
    noNet: (file: string) =>
      "  (pas de permission réseau : on appelle le gestionnaire dans le processus même ;\n" +
      `   pour le vrai serveur, lancez deno run --allow-net=127.0.0.1 ${file})`,
    wsTitle: "== WebSocket ==",
    wsFailed: "Impossible d'ouvrir la WebSocket",
    words: ["un", "deux", "trois"],
    sentGot: (word: string, reply: string) => `  envoyé « ${word} », reçu « ${reply} »`,
    sentGotLocal: (word: string, reply: string) =>
      `  envoyé « ${word} », reçu « ${reply} » (MessageChannel dans le processus)`,
    events:
      "  Les messages arrivent sous forme d'événements ; attendre une promesse par réponse\n" +
      "  se lit comme du code async.",
    honoTitle: "== Hono, un framework web venu de npm ==",
    slowText: "lent mais pas bloquant",
    overHttp: (reply: string, ms: number) =>
      `  3 × GET /slow en HTTP -> « ${reply} » (${ms} ms pour les trois)`,
    inProcess: (ms: number) => `  3 × app.request("/slow") -> ${ms} ms pour les trois`,
    samePort: "  Deno.serve(app.fetch) sert la même application sur un vrai port.",
    dbTitle: "== Bases de données ==",
    db: '  Les pilotes npm fonctionnent sous Deno : `import postgres from "npm:postgres"`\n' +
      "  fournit un pool dont on attend les requêtes avec await. Créez le pool une fois,\n" +
      "  partagez-le, fermez-le à l'arrêt : le conseil du cours Python (un seul client\n" +
      "  partagé) vaut ici aussi. Un pilote synchrone, comme le DatabaseSync de node:sqlite,\n" +
      "  bloque la boucle pendant toute la durée de chaque requête (leçon 10).",
    cliTitle: "== Un outil en ligne de commande : arguments, sortie, codes de sortie ==",
    cliIntro: "  Un petit outil, `sum [--max N] NOMBRE…`, appelé directement dans ce programme\n" +
      "  avec quatre lignes de commande :",
    cliRun: (command: string, code: number) => `  $ ${command}   -> code de sortie ${code}`,
    sumIs: (total: number) => `somme : ${total}`,
    overMax: (total: number, max: number) => `la somme ${total} dépasse le maximum ${max}`,
    notANumber: (value: string) =>
      `« ${value} » n'est pas un nombre : Number("${value}") donne NaN, qu'aucune vérification ne laisse passer`,
    unknownOption: (flag: string) => `option inconnue ${flag}`,
    usage: "usage : sum [--max N] NOMBRE…",
    cliOutro:
      "  Les résultats vont sur stdout, les plaintes sur stderr, et le code de sortie dit à un\n" +
      "  script ce qui s'est passé : 0 tout va bien, 1 une vérification a échoué, 2 la commande\n" +
      "  elle-même était fausse. Deno.args contient les arguments, parseArgs (node:util) les lit,\n" +
      "  Deno.exit(code) termine le programme avec un code ; vérifiez chaque nombre lu : Number()\n" +
      "  ne lève jamais d'erreur.",
  },
};
