/**
 * Lesson 11 — the ecosystem: what replaces the asyncio libraries in Deno.
 *
 * Much of what Python gets from libraries is built into Deno: an HTTP server
 * (`Deno.serve`), an HTTP client (`fetch`), WebSockets, async file access and
 * an async-aware test runner. Web frameworks (Hono) and database drivers come
 * from npm. The demonstrations run against a real `Deno.serve` on 127.0.0.1
 * with `--allow-net`, and in-process otherwise: a handler is just a function
 * from `Request` to `Response`, so it can be called without any network.
 *
 * Run it: `deno run --allow-net=127.0.0.1 lessons/11_ecosystem.ts`
 * (without the flag, the same code runs in-process).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { Hono } from "npm:hono@4.13.19";
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/11_ecosystem.ts";

type Text = (typeof TEXT)[Lang];

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** How to name this file in a command: its path in the repository, or the URL it was run from. */
const THIS_FILE = import.meta.url.startsWith("file:") ? "lessons/11_ecosystem.ts" : import.meta.url;

/** Options of {@linkcode main}. */
export interface EcosystemOptions {
  /** Stay in-process even when the network is allowed. */
  simulate?: boolean;
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** A tiny weather API: the upstream service takes 100 ms to answer. */
async function weatherHandler(request: Request): Promise<Response> {
  const city = new URL(request.url).pathname.split("/").pop() ?? "";
  await sleep(100); // the upstream call, awaited: other requests go on meanwhile
  const celsius = [...city].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 30;
  return Response.json({ city, celsius });
}

/** The same idea with Hono: routes, parameters and JSON helpers. */
function honoApp(t: Text): Hono {
  const app = new Hono();
  app.get("/hello/:name", (c) => c.json({ hello: c.req.param("name") }));
  app.get("/slow", async (c) => {
    await sleep(100);
    return c.text(t.slowText);
  });
  return app;
}

/** Fetches three cities at once through `get` and prints each answer. */
async function threeCities(
  get: (path: string) => Promise<Response>,
  t: Text,
): Promise<void> {
  const start = performance.now();
  const answers = await Promise.all(
    ["paris", "lyon", "lille"].map(async (city) => (await get(`/weather/${city}`)).json()),
  );
  for (const { city, celsius } of answers) console.log(t.city(city, celsius));
  console.log(t.threeAtOnce(Math.round(performance.now() - start)));
}

/** Runs the lesson. */
/** What a command-line tool run in-process printed, and the exit code it ended with. */
interface ToolRun {
  code: number;
  stdout: string[];
  stderr: string[];
}

/**
 * `sum [--max N] NUMBER…`: prints the sum of its numbers; exit code 1 when
 * the sum is over the maximum (a check that failed), 2 when the command line
 * is wrong (an unknown option, something that is not a number). A real tool
 * would pass `Deno.args` and end with `Deno.exit(run.code)`.
 */
function sumTool(args: string[], t: Text): ToolRun {
  const run: ToolRun = { code: 0, stdout: [], stderr: [] };
  const usage = (why: string): ToolRun => {
    run.stderr.push(why, t.usage);
    return { ...run, code: 2 };
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { max: { type: "string", default: "100" } },
    });
  } catch (error) {
    return usage(t.unknownOption(/'([^']+)'/.exec((error as Error).message)?.[1] ?? args[0]));
  }
  const texts = [parsed.values.max, ...parsed.positionals];
  // Number("soon") does not throw: it gives NaN, which must be refused here.
  const bad = texts.find((text) => !Number.isFinite(Number(text)) || text.trim() === "");
  if (bad !== undefined) return usage(t.notANumber(bad));
  const [max, ...numbers] = texts.map(Number);
  const total = numbers.reduce((a, b) => a + b, 0);
  run.stdout.push(t.sumIs(total));
  if (total > max) {
    run.stderr.push(t.overMax(total, max));
    return { ...run, code: 1 };
  }
  return run;
}

export async function main(options: EcosystemOptions = {}): Promise<void> {
  const t = TEXT[options.lang ?? lessonLang()];
  const net = !options.simulate &&
    (await Deno.permissions.query({ name: "net", host: "127.0.0.1" })).state === "granted";

  console.log(t.librariesTitle);
  for (const [python, deno] of t.libraries) console.log(`  ${python.padEnd(27)} ${deno}`);

  console.log(`\n${t.serveTitle}`);
  if (net) {
    const server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      weatherHandler,
    );
    const base = `http://127.0.0.1:${server.addr.port}`;
    console.log(t.listening(base));
    try {
      await threeCities((path) => fetch(base + path), t);
    } finally {
      await server.shutdown(); // a server left open keeps the process alive
    }
    console.log(t.shutDown);
  } else {
    console.log(t.noNet(THIS_FILE));
    await threeCities((path) => weatherHandler(new Request(`http://in-process${path}`)), t);
  }

  console.log(`\n${t.wsTitle}`);
  if (net) {
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
      const { socket, response } = Deno.upgradeWebSocket(req);
      socket.onmessage = (event) => socket.send(`echo: ${event.data}`);
      return response;
    });
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${server.addr.port}`);
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = () => reject(new Error(t.wsFailed));
      });
      for (const word of t.words) {
        const reply = new Promise<string>((resolve) => (socket.onmessage = (e) => resolve(e.data)));
        socket.send(word);
        console.log(t.sentGot(word, await reply));
      }
      const closed = new Promise((resolve) => (socket.onclose = resolve));
      socket.close();
      await closed;
    } finally {
      await server.shutdown();
    }
  } else {
    // Same event-driven shape (postMessage / onmessage) without a network: a MessageChannel.
    const { port1: client, port2: server } = new MessageChannel();
    server.onmessage = (event) => server.postMessage(`echo: ${event.data}`);
    for (const word of t.words) {
      const reply = new Promise<string>((resolve) => (client.onmessage = (e) => resolve(e.data)));
      client.postMessage(word);
      console.log(t.sentGotLocal(word, await reply));
    }
    client.close();
    server.close();
  }
  console.log(t.events);

  console.log(`\n${t.honoTitle}`);
  const app = honoApp(t);
  const hello = await app.request("/hello/ada"); // in-process: no network needed
  console.log(`  app.request("/hello/ada") -> ${hello.status} ${await hello.text()}`);
  if (net) {
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
    try {
      const start = performance.now();
      const replies = await Promise.all(
        [1, 2, 3].map(async () =>
          (await fetch(`http://127.0.0.1:${server.addr.port}/slow`)).text()
        ),
      );
      const ms = Math.round(performance.now() - start);
      console.log(t.overHttp(replies[0], ms));
    } finally {
      await server.shutdown();
    }
  } else {
    const start = performance.now();
    await Promise.all([1, 2, 3].map(() => app.request("/slow")));
    console.log(t.inProcess(Math.round(performance.now() - start)));
  }
  console.log(t.samePort);

  console.log(`\n${t.dbTitle}`);
  console.log(t.db);

  console.log(`\n${t.cliTitle}`);
  console.log(t.cliIntro);
  for (
    const args of [["3", "4"], ["--max", "5", "3", "4"], ["--max", "soon", "3"], ["--verbose"]]
  ) {
    const run = sumTool(args, t);
    console.log(t.cliRun(["sum", ...args].join(" "), run.code));
    for (const line of run.stdout) console.log(`      stdout: ${line}`);
    for (const line of run.stderr) console.log(`      stderr: ${line}`);
  }
  console.log(t.cliOutro);
}

if (import.meta.main) await main();
