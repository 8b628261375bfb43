/**
 * Checks of exercise 3 (`03_timeouts.ts`): `withTimeout` (the TypeScript
 * `asyncio.wait_for`) and `queryAll`.
 *
 * Deadlines and durations come from the seed, so a hard-coded 2000 cannot
 * pass. The checks are split so that one mistake fails one check: the
 * deadline itself is tested with work that ignores its signal; cancelling
 * the work is a separate check; a leaked timer is counted apart from work
 * that was never cancelled (a probe still pending holds exactly one timer).
 *
 * @module
 */
import { type CheckContext, defineChecks, describeError } from "../../check.ts";
import { now, virtualSetTimeout } from "../../clock.ts";
import { isTimeout, type Probe } from "../../probe.ts";

type Query = (name: string, seconds: number, signal?: AbortSignal) => Promise<string>;
type WithTimeout = <T>(work: (signal: AbortSignal) => Promise<T>, ms: number) => Promise<T>;
interface Report {
  responded: string[];
  timedOut: string[];
  seconds: number;
}
type QueryAll = (
  servers?: Readonly<Record<string, number>>,
  options?: { timeoutMs?: number; query?: Query; log?: (line: string) => void },
) => Promise<Report>;

/** The statement's servers. */
const STATEMENT: Readonly<Record<string, number>> = {
  server_A: 0.5,
  server_B: 2.0,
  server_C: 5.0,
  server_D: 1.2,
};

/** Tolerance on virtual instants (ms). */
const EPS = 1;
const near = (a: number, b: number, eps = EPS) => Math.abs(a - b) <= eps;
const show = (value: unknown) => JSON.stringify(value);
const names = (list: unknown) => (Array.isArray(list) ? [...list].map(String).sort() : list);

/** A deadline in ms drawn from the seed, in [lo, hi) seconds, on whole tenths. */
function deadline(ctx: CheckContext, lo = 1, hi = 3): number {
  return Math.round((lo + ctx.random() * (hi - lo)) * 10) * 100;
}

/** A random token to tell values apart. */
const token = (ctx: CheckContext, prefix: string) =>
  `${prefix}-${Math.floor(ctx.random() * 9000) + 1000}`;

/** Query probes, one per server, plus the wrapper handed to `queryAll`. */
function servers(ctx: CheckContext, table: Readonly<Record<string, number>>) {
  const probes = new Map<string, Probe<string>>(
    Object.entries(table).map(([name, seconds]) => [
      name,
      ctx.probe<string>(name, { seconds, value: `${name} answered` }),
    ]),
  );
  const query: Query = (name, seconds, signal) => {
    const p = probes.get(name);
    if (!p) return Promise.reject(new TypeError(`Cannot query: no server named ${show(name)}`));
    return p(name, seconds, signal);
  };
  const lines: { text: string; at: number }[] = [];
  // Like console.warn: several arguments make one line.
  const log = (...parts: unknown[]) =>
    void lines.push({ text: parts.map((p) => String(p)).join(" "), at: now() });
  return { probes, query, lines, log };
}

/** Random servers around the deadline, none of them finishing exactly at it. */
function randomTable(ctx: CheckContext, timeoutMs: number): Record<string, number> {
  const table: Record<string, number> = {};
  const letters = "ABCDEF".slice(0, 4 + Math.floor(ctx.random() * 3));
  for (const [i, letter] of [...letters].entries()) {
    // Alternate fast and slow so both groups are never empty.
    const slow = i % 2 === 1;
    const ms = slow
      ? timeoutMs + 300 + Math.round(ctx.random() * 30) * 100
      : 200 + Math.round(ctx.random() * (timeoutMs - 500) / 100) * 100;
    table[`server_${letter}`] = ms / 1000;
  }
  return table;
}

/** Runs `queryAll` on probes and fails unless it settles. */
async function runQueryAll(
  ctx: CheckContext,
  table: Readonly<Record<string, number>>,
  timeoutMs?: number,
) {
  const queryAll = ctx.fn<QueryAll>("queryAll");
  const s = servers(ctx, table);
  const options = timeoutMs === undefined
    ? { query: s.query, log: s.log }
    : { timeoutMs, query: s.query, log: s.log };
  const label = timeoutMs === undefined
    ? "queryAll(servers, { query, log })"
    : `queryAll(servers, { timeoutMs: ${timeoutMs}, query, log })`;
  const run = await ctx.settle(label, () => queryAll({ ...table }, options));
  return { ...s, run, report: run.value };
}

/** Whether a server's probe really answered (outcome `ok`). */
function answered(probe: Probe<string> | undefined): boolean {
  return probe?.calls[0]?.outcome === "ok";
}

export default defineChecks([
  {
    id: "query-waits-and-stops",
    points: 2,
    title: {
      en: "query waits its time, and stops at once when its signal aborts",
      fr: "query attend sa durée, et s'arrête aussitôt quand son signal est annulé",
    },
    hint: {
      en: "in the promise: `setTimeout(resolve, seconds * 1000)`; on the signal's `abort` event, " +
        "`clearTimeout` and `reject(signal.reason)`; if `signal.aborted` already, reject right away",
      fr: "dans la promesse : `setTimeout(resolve, seconds * 1000)` ; sur l'événement `abort` du " +
        "signal, `clearTimeout` et `reject(signal.reason)` ; si `signal.aborted` est déjà vrai, " +
        "rejetez tout de suite",
    },
    async run(ctx) {
      const table = ctx.get<Record<string, number>>("SERVERS");
      if (show(Object.entries(table ?? {}).sort()) !== show(Object.entries(STATEMENT).sort())) {
        ctx.fail({
          en: `SERVERS is ${show(table)}; the statement's servers are ${show(STATEMENT)}`,
          fr: `SERVERS vaut ${show(table)} ; les serveurs de l'énoncé sont ${show(STATEMENT)}`,
        }, { expected: show(STATEMENT), actual: show(table) });
      }
      const query = ctx.fn<Query>("query");
      const seconds = deadline(ctx, 0.5, 3.5) / 1000;
      const name = token(ctx, "server");
      const plain = await ctx.settle(`query("${name}", ${seconds})`, () => query(name, seconds));
      if (!near(plain.elapsedMs, seconds * 1000)) {
        const took = ctx.sec(plain.elapsedMs, 3), want = ctx.sec(seconds * 1000);
        ctx.fail({
          en: `query("${name}", ${seconds}) took ${took.en} of virtual time; expected ${want.en}` +
            (near(plain.elapsedMs, seconds) ? ": setTimeout takes milliseconds" : ""),
          fr:
            `query("${name}", ${seconds}) a pris ${took.fr} de temps virtuel ; attendu ${want.fr}` +
            (near(plain.elapsedMs, seconds) ? " : setTimeout prend des millisecondes" : ""),
        }, { expected: want, actual: took, timeline: [] });
      }
      if (typeof plain.value !== "string") {
        ctx.fail({
          en: `query("${name}", ${seconds}) resolved with ${show(plain.value)}; expected a string`,
          fr: `query("${name}", ${seconds}) a renvoyé ${show(plain.value)} ; attendu une chaîne`,
        }, { timeline: [] });
      }
      // Aborted while waiting.
      const abortAt = Math.round(seconds * 1000 * (0.2 + ctx.random() * 0.6));
      const controller = new AbortController();
      const aborted = await ctx.run(() => {
        virtualSetTimeout(() => controller.abort(new Error("stop")), abortAt);
        return query(name, seconds, controller.signal);
      });
      const at = ctx.sec(abortAt, 2);
      if (aborted.status !== "error" || !near(aborted.elapsedMs, abortAt)) {
        const what = aborted.status === "ok"
          ? { en: "answered anyway", fr: "a quand même répondu" }
          : aborted.status === "error"
          ? { en: "rejected", fr: "a échoué" }
          : { en: `ended with ${aborted.status}`, fr: `s'est terminée par ${aborted.status}` };
        const took = ctx.sec(aborted.elapsedMs, 2);
        ctx.fail({
          en:
            `the signal was aborted at ${at.en}, but query ${what.en} at ${took.en}: listen to the ` +
            "signal's abort event and reject right then",
          fr: `le signal a été annulé à ${at.fr}, mais query ${what.fr} à ${took.fr} : écoutez ` +
            "l'événement abort du signal et rejetez à ce moment-là",
        }, { expected: at, actual: took, timeline: [] });
      }
      if (aborted.pendingTimers > 0) {
        ctx.fail({
          en: `query stopped when its signal aborted but left ${aborted.pendingTimers} timer(s) ` +
            "pending: clearTimeout yours, or it keeps the program alive for nothing",
          fr:
            `query s'est arrêtée à l'annulation de son signal mais a laissé ${aborted.pendingTimers} ` +
            "minuteur(s) en attente : faites clearTimeout sur le vôtre, sinon il garde le programme " +
            "en vie pour rien",
        }, { timeline: [] });
      }
      // Already aborted before the call.
      const early = await ctx.run(() =>
        query(name, seconds, AbortSignal.abort(new Error("too late")))
      );
      if (early.status !== "error" || early.elapsedMs > EPS) {
        const took = ctx.sec(early.elapsedMs, 2);
        ctx.fail({
          en: `given a signal that was already aborted, query ${
            early.status === "error" ? "rejected" : "answered"
          } after ${took.en}; it should reject at once (check \`signal.aborted\` first)`,
          fr: `avec un signal déjà annulé, query a ${
            early.status === "error" ? "échoué" : "répondu"
          } après ${took.fr} ; elle doit rejeter aussitôt (testez d'abord \`signal.aborted\`)`,
        }, { expected: ctx.sec(0), actual: took, timeline: [] });
      }
    },
  },
  {
    id: "timeout-rejects-at-ms",
    points: 3,
    title: {
      en: "withTimeout rejects with a TimeoutError exactly at the deadline",
      fr: "withTimeout échoue avec une TimeoutError pile à l'échéance",
    },
    hint: {
      en:
        'start your own timer: when it fires, reject with `new DOMException("…", "TimeoutError")`' +
        " — do not count on the work to stop by itself",
      fr: "lancez votre propre minuteur : quand il se déclenche, rejetez avec " +
        '`new DOMException("…", "TimeoutError")` — ne comptez pas sur le travail pour s\'arrêter seul',
    },
    async run(ctx) {
      const withTimeout = ctx.fn<WithTimeout>("withTimeout");
      const ms = deadline(ctx);
      const workMs = ms + deadline(ctx, 1, 3);
      // This work ignores its signal: the deadline must hold anyway.
      const work = ctx.probe<string>("work", {
        seconds: workMs / 1000,
        value: token(ctx, "late"),
        honourSignal: false,
      });
      const run = await ctx.run(() => withTimeout(work, ms));
      const want = ctx.sec(ms), took = ctx.sec(run.elapsedMs);
      if (run.status === "error" && /^TODO\b/.test((run.error as Error)?.message ?? "")) {
        await ctx.settle("withTimeout(work, ms)", () => withTimeout(work, ms));
      }
      if (run.status !== "error") {
        const what = run.status === "ok"
          ? {
            en: `resolved with ${show(run.value)} at ${took.en}, when the work ended`,
            fr: `a renvoyé ${show(run.value)} à ${took.fr}, à la fin du travail`,
          }
          : {
            en: `ended with ${run.status} at ${took.en}`,
            fr: `s'est terminé par ${run.status} à ${took.fr}`,
          };
        ctx.fail({
          en: `withTimeout(work, ${ms}), whose work takes ${ctx.sec(workMs).en} and ignores its ` +
            `signal, ${what.en}; it should reject at ${want.en}. Your own timer must reject: the work ` +
            "may not listen to the signal",
          fr:
            `withTimeout(work, ${ms}), dont le travail prend ${ctx.sec(workMs).fr} et ignore son ` +
            `signal, ${what.fr} ; il doit échouer à ${want.fr}. C'est votre propre minuteur qui doit ` +
            "rejeter : le travail peut ignorer le signal",
        }, { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs: ms });
      }
      if (!near(run.elapsedMs, ms)) {
        ctx.fail({
          en: `withTimeout(work, ${ms}) rejected at ${took.en}; the deadline is ${want.en}` +
            (near(run.elapsedMs, workMs) ? ", not when the work gives up" : ""),
          fr: `withTimeout(work, ${ms}) a échoué à ${took.fr} ; l'échéance est ${want.fr}` +
            (near(run.elapsedMs, workMs) ? ", pas quand le travail abandonne" : ""),
        }, { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs: ms });
      }
      if (!isTimeout(run.error)) {
        const got = describeError(run.error);
        ctx.fail({
          en: `withTimeout rejected at the right time, but with ${got}; expected an error named ` +
            'TimeoutError, e.g. `new DOMException("…", "TimeoutError")`, so callers can tell a ' +
            "timeout from a failure",
          fr: `withTimeout a échoué au bon moment, mais avec ${got} ; attendu une erreur nommée ` +
            'TimeoutError, par exemple `new DOMException("…", "TimeoutError")`, pour distinguer ' +
            "un dépassement d'une panne",
        }, { expected: "TimeoutError", actual: got });
      }
    },
  },
  {
    id: "resolves-with-value",
    points: 2,
    title: {
      en: "withTimeout resolves with the work's value as soon as it is there",
      fr: "withTimeout renvoie la valeur du travail dès qu'elle est là",
    },
    hint: {
      en:
        "`return await Promise.race([work(signal), deadline])`: the race settles like the first to finish",
      fr:
        "`return await Promise.race([work(signal), deadline])` : la course se termine comme le premier arrivé",
    },
    async run(ctx) {
      const withTimeout = ctx.fn<WithTimeout>("withTimeout");
      const ms = deadline(ctx, 2, 4);
      const workMs = deadline(ctx, 0.3, ms / 1000 - 0.5);
      const value = token(ctx, "answer");
      const work = ctx.probe<string>("work", { seconds: workMs / 1000, value });
      const run = await ctx.settle(`withTimeout(work, ${ms})`, () => withTimeout(work, ms));
      if (run.value !== value) {
        ctx.fail({
          en: `withTimeout(work, ${ms}) resolved with ${show(run.value)}; the work returned ` +
            `${show(value)}` + (run.value === undefined ? ": a missing `return`?" : ""),
          fr: `withTimeout(work, ${ms}) a renvoyé ${show(run.value)} ; le travail a renvoyé ` +
            `${show(value)}` + (run.value === undefined ? " : un `return` oublié ?" : ""),
        }, { expected: show(value), actual: show(run.value) });
      }
      if (!near(run.elapsedMs, workMs)) {
        const took = ctx.sec(run.elapsedMs), want = ctx.sec(workMs);
        ctx.fail({
          en:
            `withTimeout resolved at ${took.en}, but the work was done at ${want.en}: do not wait ` +
            "for the deadline once the work has finished",
          fr:
            `withTimeout a répondu à ${took.fr}, alors que le travail était fini à ${want.fr} : ` +
            "n'attendez pas l'échéance une fois le travail terminé",
        }, { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs: workMs });
      }
    },
  },
  {
    id: "passes-rejection",
    points: 2,
    title: {
      en: "withTimeout passes the work's own error through",
      fr: "withTimeout laisse passer l'erreur du travail lui-même",
    },
    hint: {
      en:
        "only your timer may produce a TimeoutError: when the work itself fails, reject with its error",
      fr: "seul votre minuteur peut produire une TimeoutError : quand le travail échoue, rejetez " +
        "avec son erreur",
    },
    async run(ctx) {
      const withTimeout = ctx.fn<WithTimeout>("withTimeout");
      const ms = deadline(ctx, 2, 4);
      const workMs = deadline(ctx, 0.3, ms / 1000 - 0.5);
      const error = new Error(`connection reset (${token(ctx, "code")})`);
      const work = ctx.probe<string>("work", { seconds: workMs / 1000, error });
      const run = await ctx.run(() => withTimeout(work, ms));
      const took = ctx.sec(run.elapsedMs), at = ctx.sec(workMs);
      if (run.status === "error" && /^TODO\b/.test((run.error as Error)?.message ?? "")) {
        await ctx.settle("withTimeout(work, ms)", () => withTimeout(work, ms));
      }
      if (run.status !== "error") {
        ctx.fail({
          en: `the work failed at ${at.en} with "${error.message}", but withTimeout ${
            run.status === "ok" ? `resolved with ${show(run.value)}` : `ended with ${run.status}`
          }: let the error through`,
          fr: `le travail a échoué à ${at.fr} avec "${error.message}", mais withTimeout ${
            run.status === "ok" ? `a renvoyé ${show(run.value)}` : `s'est terminé par ${run.status}`
          } : laissez passer l'erreur`,
        }, { expected: `Error: ${error.message}`, actual: run.status });
      }
      const same = run.error === error || (run.error as Error)?.message === error.message;
      if (!same) {
        const got = describeError(run.error);
        ctx.fail({
          en: `the work failed with "${error.message}", but withTimeout rejected with ${got}` +
            (isTimeout(run.error) ? ": that is not a timeout, the work failed on its own" : ""),
          fr: `le travail a échoué avec "${error.message}", mais withTimeout a rejeté avec ${got}` +
            (isTimeout(run.error)
              ? " : ce n'est pas un dépassement, le travail a échoué de lui-même"
              : ""),
        }, { expected: `Error: ${error.message}`, actual: got });
      }
      if (!near(run.elapsedMs, workMs)) {
        ctx.fail({
          en: `withTimeout rejected at ${took.en}; the work failed at ${at.en}`,
          fr: `withTimeout a échoué à ${took.fr} ; le travail a échoué à ${at.fr}`,
        }, { expected: at, actual: took, tookMs: run.elapsedMs, expectedMs: workMs });
      }
    },
  },
  {
    id: "clears-its-timer",
    points: 3,
    title: {
      en: "withTimeout clears its timer when the work finishes first (no leaked timer)",
      fr: "withTimeout efface son minuteur quand le travail finit avant (aucun minuteur oublié)",
    },
    hint: {
      en:
        "keep the id from setTimeout and `clearTimeout(id)` in a `finally`: it runs whether the " +
        "work succeeded, failed or timed out",
      fr: "gardez l'identifiant renvoyé par setTimeout et faites `clearTimeout(id)` dans un " +
        "`finally` : il s'exécute que le travail ait réussi, échoué ou dépassé le délai",
    },
    async run(ctx) {
      const withTimeout = ctx.fn<WithTimeout>("withTimeout");
      const leaked = (n: number, ms: number, how: { en: string; fr: string }) =>
        ctx.fail({
          en:
            `${how.en}, ${n} timer(s) of yours were still pending: the ${
              ctx.sec(ms).en
            } deadline timer was never cleared. In a real program it keeps the process alive ` +
            "until it fires, for nothing — clearTimeout it as soon as the race is decided",
          fr: `${how.fr}, ${n} minuteur(s) à vous étaient encore en attente : le minuteur de ` +
            `l'échéance (${
              ctx.sec(ms).fr
            }) n'a jamais été effacé. Dans un vrai programme, il garde ` +
            "le processus en vie jusqu'à son déclenchement, pour rien — faites clearTimeout dès que " +
            "la course est jouée",
        }, { expected: "0", actual: String(n) });
      for (const fails of [false, true]) {
        const ms = deadline(ctx, 2, 4);
        const workMs = deadline(ctx, 0.3, ms / 1000 - 0.5);
        const work = ctx.probe<string>("work", {
          seconds: workMs / 1000,
          value: "done",
          error: fails ? new Error("work failed") : undefined,
        });
        const run = await (fails
          ? ctx.run(() =>
            withTimeout(work, ms).catch(() => "caught")
          )
          : ctx.settle(`withTimeout(work, ${ms})`, () => withTimeout(work, ms)));
        if (run.status === "ok" && run.pendingTimers > 0) {
          const at = ctx.sec(run.elapsedMs);
          leaked(run.pendingTimers, ms, {
            en: `when the work ${fails ? "failed" : "finished"} at ${at.en}`,
            fr: `quand le travail a ${fails ? "échoué" : "fini"} à ${at.fr}`,
          });
        }
      }
      // queryAll: count what is pending apart from queries never cancelled.
      const timeoutMs = deadline(ctx, 1.5, 2.5);
      const { probes, run } = await runQueryAll(ctx, randomTable(ctx, timeoutMs), timeoutMs);
      const stillRunning = [...probes.values()].filter((p) => p.calls.some((c) => c.end === null))
        .length;
      const own = run.pendingTimers - stillRunning;
      if (own > 0) {
        leaked(own, timeoutMs, {
          en: `when queryAll returned at ${ctx.sec(run.elapsedMs).en}`,
          fr: `quand queryAll a rendu la main à ${ctx.sec(run.elapsedMs).fr}`,
        });
      }
    },
  },
  {
    id: "timeout-aborts-work",
    points: 2,
    title: {
      en: "at the deadline, the work's signal is aborted (the slow call is cancelled)",
      fr: "à l'échéance, le signal du travail est annulé (l'appel lent est abandonné)",
    },
    hint: {
      en:
        "pass `controller.signal` to the work and call `controller.abort()` when your timer fires; " +
        "in queryAll, hand that signal on: `(signal) => query(name, seconds, signal)`",
      fr:
        "passez `controller.signal` au travail et appelez `controller.abort()` quand votre minuteur " +
        "se déclenche ; dans queryAll, transmettez ce signal : `(signal) => query(name, seconds, signal)`",
    },
    async run(ctx) {
      const withTimeout = ctx.fn<WithTimeout>("withTimeout");
      const ms = deadline(ctx);
      const workMs = ms + deadline(ctx, 1, 3);
      const work = ctx.probe<string>("work", { seconds: workMs / 1000, value: "late" });
      const run = await ctx.run(() => withTimeout(work, ms).catch(() => "gave up"));
      if (run.status !== "ok") {
        await ctx.settle(`withTimeout(work, ${ms})`, () => withTimeout(work, ms));
      }
      const call = work.calls[0];
      const want = ctx.sec(ms);
      if (call === undefined) {
        return ctx.fail({
          en: "withTimeout never called the work",
          fr: "withTimeout n'a jamais appelé le travail",
        });
      }
      if (call.signal === undefined) {
        ctx.fail({
          en: "withTimeout called the work without a signal: call `work(signal)` so the work can " +
            "be told to stop",
          fr: "withTimeout a appelé le travail sans signal : appelez `work(signal)` pour pouvoir " +
            "lui dire de s'arrêter",
        });
      }
      if (!call.aborted || !near(call.abortedAt!, ms)) {
        const got = call.aborted ? ctx.sec(call.abortedAt!) : { en: "never", fr: "jamais" };
        ctx.fail({
          en: `the work's signal was aborted: ${got.en}; expected at the deadline, ${want.en}. ` +
            (call.aborted ? "" : "Losing the race does not stop the work: it keeps running (and " +
              "holding its timer) after withTimeout gave up"),
          fr: `le signal du travail a été annulé : ${got.fr} ; attendu à l'échéance, ${want.fr}. ` +
            (call.aborted ? "" : "Perdre la course n'arrête pas le travail : il continue (et " +
              "garde son minuteur) après l'abandon de withTimeout"),
        }, { expected: want, actual: got });
      }
      // queryAll must hand the signal on to each query.
      const timeoutMs = deadline(ctx, 1.5, 2.5);
      const table = randomTable(ctx, timeoutMs);
      const { probes } = await runQueryAll(ctx, table, timeoutMs);
      for (const [name, seconds] of Object.entries(table)) {
        if (seconds * 1000 <= timeoutMs) continue;
        const q = probes.get(name)!.calls[0];
        if (q === undefined) continue; // reported by the queryAll checks
        const start = q.start;
        if (!q.aborted || !near(q.abortedAt!, start + timeoutMs)) {
          const noSignal = q.signal === undefined;
          // Cancelled, but not at timeoutMs: e.g. a hard-coded 2000.
          const at = q.aborted ? ctx.sec(q.abortedAt!) : null;
          ctx.fail({
            en:
              `queryAll: ${name} (${
                ctx.sec(seconds * 1000).en
              }) was not cancelled at its deadline ` +
              `(${ctx.sec(start + timeoutMs).en})` +
              (noSignal
                ? ": query was called without the signal. Pass it on: " +
                  "`withTimeout((signal) => query(name, seconds, signal), timeoutMs)`"
                : at
                ? `: it was cancelled at ${at.en} — is the timeoutMs option (${timeoutMs}) used?`
                : ""),
            fr:
              `queryAll : ${name} (${
                ctx.sec(seconds * 1000).fr
              }) n'a pas été abandonné à son échéance ` +
              `(${ctx.sec(start + timeoutMs).fr})` +
              (noSignal
                ? " : query a été appelée sans le signal. Transmettez-le : " +
                  "`withTimeout((signal) => query(name, seconds, signal), timeoutMs)`"
                : at
                ? ` : il a été abandonné à ${at.fr} — l'option timeoutMs (${timeoutMs}) est-elle ` +
                  "utilisée ?"
                : ""),
          });
        }
      }
    },
  },
  {
    id: "query-all-together",
    points: 2,
    title: {
      en: "queryAll queries every server at once and returns at the deadline",
      fr: "queryAll interroge tous les serveurs d'un coup et rend la main à l'échéance",
    },
    hint: {
      en: "start one withTimeout per server with `Object.entries(servers).map(…)` and await them " +
        "together with Promise.all",
      fr:
        "lancez un withTimeout par serveur avec `Object.entries(servers).map(…)` et attendez-les " +
        "ensemble avec Promise.all",
    },
    async run(ctx) {
      const timeoutMs = deadline(ctx, 1.5, 2.5);
      const table = randomTable(ctx, timeoutMs);
      const { probes, run } = await runQueryAll(ctx, table, timeoutMs);
      const expectedMs = Math.min(timeoutMs, Math.max(...Object.values(table)) * 1000);
      for (const name of Object.keys(table)) {
        const calls = probes.get(name)!.calls;
        if (calls.length !== 1) {
          ctx.fail({
            en: `${name} was queried ${calls.length} times; expected once`,
            fr: `${name} a été interrogé ${calls.length} fois ; attendu une fois`,
          });
        }
        if (calls[0].start > EPS) {
          const at = ctx.sec(calls[0].start);
          ctx.fail({
            en:
              `${name} was queried at ${at.en}, not at 0.0 s: it waited for another server first. ` +
              "Start every query before awaiting any",
            fr:
              `${name} a été interrogé à ${at.fr}, pas à 0,0 s : il a attendu un autre serveur. ` +
              "Lancez toutes les requêtes avant d'en attendre une",
          }, { expected: ctx.sec(0), actual: at, tookMs: run.elapsedMs, expectedMs });
        }
      }
      if (!near(run.elapsedMs, expectedMs)) {
        const took = ctx.sec(run.elapsedMs), want = ctx.sec(expectedMs);
        ctx.fail({
          en: `queryAll(servers, { timeoutMs: ${timeoutMs} }) took ${took.en}; with every query ` +
            `started together and cut at ${ctx.sec(timeoutMs).en}, it takes ${want.en}` +
            (run.elapsedMs > expectedMs + EPS ||
                (near(run.elapsedMs, 2000) && !near(timeoutMs, 2000))
              ? ": is timeoutMs used for each deadline?"
              : ""),
          fr:
            `queryAll(servers, { timeoutMs: ${timeoutMs} }) a pris ${took.fr} ; avec toutes les ` +
            `requêtes lancées ensemble et coupées à ${
              ctx.sec(timeoutMs).fr
            }, cela prend ${want.fr}` +
            (run.elapsedMs > expectedMs + EPS ||
                (near(run.elapsedMs, 2000) && !near(timeoutMs, 2000))
              ? " : timeoutMs sert-il bien d'échéance ?"
              : ""),
        }, { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs });
      }
    },
  },
  {
    id: "warns-at-deadline",
    points: 2,
    title: {
      en: "queryAll warns through log the moment a server misses its deadline",
      fr: "queryAll prévient via log à l'instant où un serveur rate son échéance",
    },
    hint: {
      en: "catch the TimeoutError around each server's own withTimeout and call `log(…)` right " +
        "there, naming the server; use the `log` option, not console",
      fr: "attrapez la TimeoutError autour du withTimeout de chaque serveur et appelez `log(…)` " +
        "sur-le-champ, en nommant le serveur ; utilisez l'option `log`, pas console",
    },
    async run(ctx) {
      const { probes, lines, run } = await runQueryAll(ctx, STATEMENT);
      for (const name of Object.keys(STATEMENT)) {
        const call = probes.get(name)!.calls[0];
        if (answered(probes.get(name))) continue;
        // Never queried (reported by query-all-together): its deadline is still 2 s away.
        const due = (call?.start ?? 0) + 2000;
        const mine = lines.filter((l) => l.text.toLowerCase().includes(name.toLowerCase()));
        if (mine.some((l) => near(l.at, due))) continue;
        const want = ctx.sec(due);
        const seen = mine.length === 0
          ? lines.length === 0
            ? {
              en: "log was never called (did you print with console instead of the `log` option?)",
              fr:
                "log n'a jamais été appelé (avez-vous affiché avec console au lieu de l'option `log` ?)",
            }
            : { en: "no log line names it", fr: "aucune ligne de log ne le nomme" }
          : {
            en: `it was named at ${mine.map((l) => ctx.sec(l.at).en).join(", ")}`,
            fr: `il a été nommé à ${mine.map((l) => ctx.sec(l.at).fr).join(", ")}`,
          };
        const early = mine.length > 0 && mine.every((l) => l.at < due - EPS);
        const missed = call === undefined
          ? {
            en: `${name} was never queried; its deadline was at`,
            fr: `${name} n'a jamais été interrogé ; son échéance tombait à`,
          }
          : { en: `${name} timed out at`, fr: `${name} a dépassé le délai à` };
        ctx.fail({
          en: `${missed.en} ${want.en}, but ${seen.en}` +
            (early
              ? ". A warning before the deadline is a guess from the numbers: warn when the " +
                "timeout actually happens"
              : ""),
          fr: `${missed.fr} ${want.fr}, mais ${seen.fr}` +
            (early
              ? ". Un avertissement avant l'échéance est une supposition tirée des chiffres : " +
                "prévenez quand le dépassement se produit vraiment"
              : ""),
        }, {
          expected: {
            en: `a log line naming ${name} at ${want.en}`,
            fr: `une ligne nommant ${name} à ${want.fr}`,
          },
          actual: seen,
          tookMs: run.elapsedMs,
          expectedMs: 2000,
        });
      }
    },
  },
  {
    id: "query-all-report",
    points: 1,
    title: {
      en: "queryAll reports who responded, who timed out, and the time it took",
      fr: "queryAll indique qui a répondu, qui a dépassé le délai, et le temps écoulé",
    },
    hint: {
      en:
        "push each name to exactly one list: `responded` after the await succeeds, `timedOut` in " +
        "the catch; seconds = (performance.now() - start) / 1000",
      fr:
        "rangez chaque nom dans une seule liste : `responded` après un await réussi, `timedOut` " +
        "dans le catch ; seconds = (performance.now() - start) / 1000",
    },
    async run(ctx) {
      for (const timeoutMs of [undefined, deadline(ctx, 1.5, 2.5)]) {
        const table = timeoutMs === undefined ? STATEMENT : randomTable(ctx, timeoutMs);
        const { probes, run, report } = await runQueryAll(ctx, table, timeoutMs);
        const ok = Object.keys(table).filter((n) => answered(probes.get(n)));
        const late = Object.keys(table).filter((n) => !answered(probes.get(n)));
        const got = { responded: names(report?.responded), timedOut: names(report?.timedOut) };
        // A server that answered right at its deadline (server_B) is a tie: if its work was not
        // cancelled, the deadline may still have won the race, so either list is right for it.
        const deadlineMs = timeoutMs ?? 2000;
        const tied = ok.filter((n) => {
          const c = probes.get(n)!.calls[0];
          return c.end !== null && near(c.end - c.start, deadlineMs) &&
            Array.isArray(report?.timedOut) && report.timedOut.includes(n);
        });
        const want = {
          responded: ok.filter((n) => !tied.includes(n)).sort(),
          timedOut: [...late, ...tied].sort(),
        };
        if (show(got) !== show(want)) {
          const tie = timeoutMs === undefined
            ? {
              en: ` (server_B answered ${
                answered(probes.get("server_B")) ? "just in time" : "too late"
              } here: either is fine, if the report says so)`,
              fr: ` (ici server_B a répondu ${
                answered(probes.get("server_B")) ? "juste à temps" : "trop tard"
              } : les deux sont acceptés, si le rapport le dit)`,
            }
            : { en: "", fr: "" };
          ctx.fail({
            en: `queryAll returned ${show(got)}; what happened was ${show(want)}${tie.en}`,
            fr: `queryAll a renvoyé ${show(got)} ; ce qui s'est passé : ${show(want)}${tie.fr}`,
          }, { expected: show(want), actual: show(got) });
        }
        const s = report?.seconds;
        if (typeof s !== "number" || !near(s, run.elapsedMs / 1000, 0.051)) {
          const passed = ctx.sec(run.elapsedMs, 2);
          const inMs = typeof s === "number" && near(s, run.elapsedMs, 1);
          ctx.fail({
            en: `queryAll returned seconds = ${show(s)}, but ${passed.en} passed` +
              (inMs ? ": that is milliseconds, divide by 1000" : ""),
            fr: `queryAll a renvoyé seconds = ${show(s)}, alors que ${passed.fr} se sont écoulées` +
              (inMs ? " : ce sont des millisecondes, divisez par 1000" : ""),
          }, { expected: passed, actual: show(s) });
        }
      }
    },
  },
  {
    id: "main-finishes",
    points: 1,
    title: {
      en: "main() queries the servers, prints a summary, and finishes",
      fr: "main() interroge les serveurs, affiche un bilan, et se termine",
    },
    hint: {
      en: "main awaits queryAll() and prints who responded and who timed out",
      fr: "main attend queryAll() et affiche qui a répondu et qui a dépassé le délai",
    },
    async run(ctx) {
      const main = ctx.fn<() => Promise<void>>("main");
      const run = await ctx.settle("main()", () => main());
      const took = ctx.sec(run.elapsedMs);
      if (run.elapsedMs < 2000 - EPS) {
        ctx.fail({
          en: `main() finished after ${took.en}, before the 2.0 s deadline could pass: did you ` +
            "forget `await`?",
          fr:
            `main() s'est terminée après ${took.fr}, avant que l'échéance de 2,0 s ne passe : un ` +
            "`await` oublié ?",
        }, { expected: ctx.sec(2000), actual: took });
      }
      if (run.logs.length === 0) {
        ctx.fail({
          en: "main() printed nothing: print who responded, who timed out, and the total time",
          fr: "main() n'a rien affiché : affichez qui a répondu, qui a dépassé le délai, et le " +
            "temps total",
        });
      }
    },
  },
]);
