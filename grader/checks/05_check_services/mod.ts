/**
 * Checks of exercise 5 (`05_check_services.ts`): `checkAll`, observed through
 * probes in place of the services, and the command line `main(args)`,
 * observed through its exit code, virtual time and the instants of its
 * printed lines (never their wording: only the service names are looked for).
 *
 * Each check judges one thing and computes what it expects from what the
 * learner's code actually did (e.g. a verdict is due when that probe ended),
 * so one mistake fails one check.
 *
 * @module
 */
import { type CheckContext, defineChecks, describeError } from "../../check.ts";
import { type LogLine, now, virtualSetTimeout } from "../../clock.ts";
import type { LocalText } from "../../i18n/mod.ts";
import type { Probe, ProbeCall } from "../../probe.ts";

interface Service {
  name: string;
  seconds: number;
}
interface CheckResult {
  name: string;
  status: "online" | "offline";
  seconds: number;
  reason?: "timeout" | "error";
  error?: string;
}
type CheckAll = (services?: readonly Service[], options?: {
  timeoutMs?: number;
  probe?: (service: Service, signal?: AbortSignal) => Promise<void>;
  onResult?: (result: CheckResult) => void;
}) => Promise<CheckResult[]>;
type Main = (args?: string[]) => Promise<number>;

/** Tolerance on virtual instants (ms). */
const EPS = 1;
const near = (a: number, b: number) => Math.abs(a - b) <= EPS;
const show = (value: unknown) => {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 300);
  } catch {
    return String(value);
  }
};
const int = (ctx: CheckContext, lo: number, hi: number) =>
  lo + Math.floor(ctx.random() * (hi - lo + 1));

/** The statement's services, as the CLI must use them. */
const STATEMENT: readonly Service[] = [
  { name: "database", seconds: 0.3 },
  { name: "Redis cache", seconds: 0.1 },
  { name: "external API", seconds: 3.5 },
  { name: "mail server", seconds: 0.8 },
  { name: "CDN", seconds: 1.5 },
];

const WORDS = [
  "billing",
  "search",
  "queue",
  "auth",
  "storage",
  "metrics",
  "mailer",
  "images",
  "ledger",
];

interface Rig {
  services: Service[];
  timeoutMs: number;
  probes: Map<string, Probe<void>>;
  probe: (service: Service, signal?: AbortSignal) => Promise<void>;
  reported: { at: number; result: CheckResult }[];
  onResult: (result: CheckResult) => void;
  /** Services whose probe rejects, with the message. */
  errors: Map<string, string>;
}

/**
 * Random services around a random timeout: some answer in time, some do not
 * (never exactly at the deadline), and `failing` of them reject.
 */
function rig(
  ctx: CheckContext,
  options: { fast?: number; slow?: number; failing?: number; timeoutMs?: number } = {},
): Rig {
  const { fast = 3, slow = 2, failing = 0 } = options;
  const timeoutMs = options.timeoutMs ?? int(ctx, 10, 25) * 100;
  const used = new Set<number>();
  const pick = (lo: number, hi: number) => {
    for (let i = 0; i < 100; i++) {
      const ms = int(ctx, lo, hi) * 50;
      if (!used.has(ms) && Math.abs(ms - timeoutMs) > 50) {
        used.add(ms);
        return ms;
      }
    }
    throw new RangeError("Cannot pick a duration: range exhausted");
  };
  const words = [...WORDS].sort(() => ctx.random() - 0.5);
  const durations = [
    ...Array.from({ length: fast + failing }, () => pick(1, Math.floor(timeoutMs / 50) - 2)),
    ...Array.from(
      { length: slow },
      () => pick(Math.floor(timeoutMs / 50) + 2, Math.floor(timeoutMs / 50) + 40),
    ),
  ];
  const services = durations.map((ms, i) => ({
    name: `${words[i]}-${int(ctx, 10, 99)}`,
    seconds: ms / 1000,
  }))
    .sort(() => ctx.random() - 0.5);
  const errors = new Map<string, string>();
  // The failing ones are among those that answer in time.
  for (const s of services.filter((s) => s.seconds * 1000 < timeoutMs).slice(0, failing)) {
    errors.set(s.name, `connection refused by ${s.name} (code ${int(ctx, 100, 999)})`);
  }
  const probes = new Map(services.map((s) => [
    s.name,
    ctx.probe<void>(s.name, {
      seconds: s.seconds,
      error: errors.has(s.name) ? new Error(errors.get(s.name)) : undefined,
    }),
  ]));
  const reported: Rig["reported"] = [];
  return {
    services,
    timeoutMs,
    probes,
    errors,
    reported,
    probe: (service: Service, signal?: AbortSignal) => {
      const p = probes.get((service as { name?: string } | null)?.name ?? "");
      return p ? p(service, signal) : Promise.reject(
        new TypeError(
          `Cannot probe ${show(service)}: expected one of the services given to checkAll`,
        ),
      );
    },
    onResult: (result: CheckResult) => reported.push({ at: now(), result }),
  };
}

const callOf = (r: Rig, name: string): ProbeCall | undefined => r.probes.get(name)!.calls[0];

/** When the verdict on `name` is due: its probe's end, or its deadline if that came first. */
function dueAt(r: Rig, name: string): number {
  const c = callOf(r, name)!;
  return Math.min(c.end ?? Infinity, c.start + r.timeoutMs);
}

async function runCheckAll(ctx: CheckContext, r: Rig, withTimeout = true) {
  const checkAll = ctx.fn<CheckAll>("checkAll");
  const options: Parameters<CheckAll>[1] = { probe: r.probe, onResult: r.onResult };
  if (withTimeout) options.timeoutMs = r.timeoutMs;
  const name = withTimeout
    ? `checkAll(services, { timeoutMs: ${r.timeoutMs}, probe, onResult })`
    : "checkAll(services, { probe, onResult })";
  return await ctx.settle(name, () => checkAll(r.services, options));
}

/** Fails unless every service was probed exactly once. */
function probedOnce(ctx: CheckContext, r: Rig): void {
  for (const s of r.services) {
    const n = r.probes.get(s.name)!.calls.length;
    if (n !== 1) {
      ctx.fail({
        en: `${s.name} was probed ${n} times; check each service exactly once`,
        fr: `${s.name} a été sondé ${n} fois ; vérifiez chaque service une seule fois`,
      });
    }
  }
}

/** The learner's result for `name`, or a failure saying what is wrong. */
function resultOf(ctx: CheckContext, results: unknown, name: string): CheckResult {
  if (!Array.isArray(results)) {
    ctx.fail({
      en: `checkAll resolved with ${show(results)}; expected an array of results, one per service`,
      fr: `checkAll a renvoyé ${show(results)} ; attendu un tableau de résultats, un par service`,
    });
  }
  const found = (results as CheckResult[]).filter((x) => x?.name === name);
  if (found.length !== 1) {
    ctx.fail({
      en: `checkAll's results hold ${found.length} entries named ${
        show(name)
      }; expected exactly one`,
      fr: `les résultats de checkAll ont ${found.length} entrées nommées ${
        show(name)
      } ; attendu exactement une`,
    });
  }
  return found[0];
}

/** Output lines that go to the terminal, colours removed. */
// deno-lint-ignore no-control-regex
const plain = (line: LogLine) => line.text.replace(/\x1b\[[0-9;]*m/g, "");

async function runMain(ctx: CheckContext, args: string[]) {
  const main = ctx.fn<Main>("main");
  const name = `main(${show(args)})`;
  const first = await ctx.run(() => main(args));
  if (
    first.status === "error" &&
    /env access|NotCapable|PermissionDenied/.test(describeError(first.error))
  ) {
    ctx.fail({
      en:
        `${name} failed with ${
          describeError(first.error)
        }: reading NO_COLOR with Deno.env.get needs ` +
        "--allow-env, which the grader (like many users) does not grant. Use Deno.noColor, or ask " +
        'Deno.permissions.querySync({ name: "env", variable: "NO_COLOR" }) first',
      fr:
        `${name} a échoué avec ${
          describeError(first.error)
        } : lire NO_COLOR avec Deno.env.get demande ` +
        "--allow-env, que le correcteur (comme bien des utilisateurs) n'accorde pas. Utilisez Deno.noColor, " +
        'ou interrogez d\'abord Deno.permissions.querySync({ name: "env", variable: "NO_COLOR" })',
    }, { actual: describeError(first.error) });
  }
  // The usual diagnosis (a forgotten await, a deadlock, an error…) comes from settle.
  return await ctx.settle(name, () => main(args));
}

/**
 * Finds the services anywhere in a JSON value: an array of `{ name, status }` objects, or an
 * object keyed by the five services' names whose values are a status or `{ status, … }`.
 */
function findServices(
  value: unknown,
  depth = 3,
): { name?: unknown; status?: unknown }[] | undefined {
  if (
    Array.isArray(value) && value.length > 0 &&
    value.every((x) => typeof x === "object" && x && "name" in x && "status" in x)
  ) {
    return value;
  }
  if (depth === 0 || typeof value !== "object" || value === null) return undefined;
  const byName = value as Record<string, unknown>;
  if (!Array.isArray(value) && STATEMENT.every((s) => Object.hasOwn(byName, s.name))) {
    const entries = STATEMENT.map((s) => {
      const v = byName[s.name];
      return typeof v === "object" && v !== null && "status" in v
        ? { name: s.name, status: (v as { status: unknown }).status }
        : { name: s.name, status: v };
    });
    if (entries.every((e) => typeof e.status === "string")) return entries;
  }
  for (const v of Object.values(value)) {
    const found = findServices(v, depth - 1);
    if (found) return found;
  }
  return undefined;
}

const times = (ctx: CheckContext, ms: number[]): LocalText => ({
  en: ms.map((m) => ctx.sec(m, 2).en).join(", "),
  fr: ms.map((m) => ctx.sec(m, 2).fr).join(" ; "),
});

export default defineChecks([
  {
    id: "probes-start-together",
    points: 2,
    title: {
      en: "checkAll starts every probe at the same time",
      fr: "checkAll lance toutes les sondes en même temps",
    },
    hint: {
      en:
        "map each service to an async check and await them together (Promise.all), not one by one in a loop",
      fr:
        "associez à chaque service une vérification async et attendez-les ensemble (Promise.all), pas une par une dans une boucle",
    },
    async run(ctx) {
      const r = rig(ctx);
      await runCheckAll(ctx, r);
      probedOnce(ctx, r);
      const calls = r.services.map((s) => ({ name: s.name, call: callOf(r, s.name)! }))
        .sort((a, b) => a.call.start - b.call.start);
      const late = calls.find((c) => c.call.start > EPS);
      if (late) {
        const i = calls.indexOf(late);
        const prev = calls[i - 1].call;
        const afterPrev = prev.end !== null && near(late.call.start, prev.end);
        const at = ctx.sec(late.call.start, 2);
        ctx.fail({
          en: `${late.name} was probed from ${at.en}, not from 0.00 s` +
            (afterPrev
              ? `: it waited for ${calls[i - 1].name} to finish — the checks ran one after another`
              : ""),
          fr: `${late.name} a été sondé à partir de ${at.fr}, pas de 0,00 s` +
            (afterPrev
              ? ` : il a attendu la fin de ${
                calls[i - 1].name
              } — les vérifications se sont faites l'une après l'autre`
              : ""),
        }, {
          expected: {
            en: "every probe starts at 0.00 s",
            fr: "toutes les sondes démarrent à 0,00 s",
          },
          actual: times(ctx, calls.map((c) => c.call.start)),
        });
      }
    },
  },
  {
    id: "results-reported-at-once",
    points: 2,
    title: {
      en: "onResult reports each service once, the moment its verdict is known",
      fr: "onResult signale chaque service une fois, dès que son verdict est connu",
    },
    hint: {
      en:
        "call onResult inside each service's own async check, right after its probe ends or times out — " +
        "not after Promise.all",
      fr:
        "appelez onResult dans la vérification async de chaque service, juste après la fin de sa sonde ou " +
        "son expiration — pas après Promise.all",
    },
    async run(ctx) {
      const r = rig(ctx);
      const run = await runCheckAll(ctx, r);
      probedOnce(ctx, r);
      for (const s of r.services) {
        const got = r.reported.filter((x) => x.result?.name === s.name);
        if (got.length !== 1) {
          ctx.fail({
            en:
              `onResult was called ${got.length} times for ${s.name}; call it exactly once per service` +
              (got.length > 1
                ? ": a timed-out check must not be reported again when its aborted probe rejects"
                : ""),
            fr:
              `onResult a été appelé ${got.length} fois pour ${s.name} ; appelez-le exactement une fois par service` +
              (got.length > 1
                ? " : une vérification expirée ne doit pas être signalée une seconde fois quand sa sonde interrompue échoue"
                : ""),
          }, { expected: "1", actual: String(got.length) });
        }
      }
      const rows = r.services.map((s) => ({
        name: s.name,
        due: dueAt(r, s.name),
        at: r.reported.find((x) => x.result.name === s.name)!.at,
      })).sort((a, b) => a.due - b.due);
      const wrong = rows.find((x) => !near(x.at, x.due));
      if (wrong) {
        const batched = rows.every((x) => near(x.at, run.elapsedMs));
        ctx.fail(
          batched
            ? {
              en:
                `every verdict was reported at ${
                  ctx.sec(run.elapsedMs, 2).en
                }, when the last check ended: ` +
                "the results were collected before being reported. Call onResult as soon as each check ends",
              fr:
                `tous les verdicts ont été signalés à ${
                  ctx.sec(run.elapsedMs, 2).fr
                }, à la fin de la dernière ` +
                "vérification : les résultats ont été rassemblés avant d'être signalés. Appelez onResult dès " +
                "la fin de chaque vérification",
            }
            : {
              en:
                `${wrong.name} was reported at ${
                  ctx.sec(wrong.at, 2).en
                }; its verdict was known at ` +
                `${ctx.sec(wrong.due, 2).en}`,
              fr:
                `${wrong.name} a été signalé à ${
                  ctx.sec(wrong.at, 2).fr
                } ; son verdict était connu à ` +
                `${ctx.sec(wrong.due, 2).fr}`,
            },
          {
            expected: times(ctx, rows.map((x) => x.due)),
            actual: times(ctx, rows.map((x) => x.at)),
          },
        );
      }
    },
  },
  {
    id: "timeout-offline",
    points: 2,
    title: {
      en: "a service slower than the timeout (2 s by default) is offline, reason timeout",
      fr:
        "un service plus lent que le délai (2 s par défaut) est hors ligne, pour cause de timeout",
    },
    hint: {
      en:
        "when the deadline fires, the probe rejects with a TimeoutError (or your signal is aborted): " +
        'that is { status: "offline", reason: "timeout" }; any other error is reason "error"',
      fr:
        "quand l'échéance tombe, la sonde échoue avec une TimeoutError (ou votre signal est interrompu) : " +
        'c\'est { status: "offline", reason: "timeout" } ; toute autre erreur a pour raison "error"',
    },
    async run(ctx) {
      const cases: [Rig, boolean][] = [
        [rig(ctx), true],
        [rig(ctx, { fast: 2, slow: 1, timeoutMs: 2000 }), false],
      ];
      for (const [r, withTimeout] of cases) {
        const run = await runCheckAll(ctx, r, withTimeout);
        const limit = ctx.sec(r.timeoutMs);
        for (const s of r.services) {
          const got = resultOf(ctx, run.value, s.name);
          const slow = s.seconds * 1000 > r.timeoutMs;
          const ok = slow
            ? got.status === "offline" && got.reason === "timeout"
            : got.status === "online";
          if (!ok) {
            const what = show({ status: got.status, reason: got.reason });
            ctx.fail({
              en:
                `${s.name} answers in ${
                  ctx.sec(s.seconds * 1000, 2).en
                } with a timeout of ${limit.en}` +
                (withTimeout ? "" : " (the default)") + `; its result was ${what}, expected ` +
                (slow ? '{"status":"offline","reason":"timeout"}' : '{"status":"online"}') +
                (slow && got.reason === "error"
                  ? ": a timeout is not an ordinary error, tell them apart"
                  : ""),
              fr:
                `${s.name} répond en ${
                  ctx.sec(s.seconds * 1000, 2).fr
                } avec un délai de ${limit.fr}` +
                (withTimeout ? "" : " (celui par défaut)") +
                ` ; son résultat était ${what}, attendu ` +
                (slow ? '{"status":"offline","reason":"timeout"}' : '{"status":"online"}') +
                (slow && got.reason === "error"
                  ? " : un timeout n'est pas une erreur ordinaire, distinguez-les"
                  : ""),
            }, { expected: slow ? "offline / timeout" : "online", actual: what });
          }
        }
      }
    },
  },
  {
    id: "timeout-aborts-probe",
    points: 2,
    title: {
      en: "at the deadline the probe's signal is aborted, and no timer is left behind",
      fr:
        "à l'échéance le signal de la sonde est interrompu, et aucun minuteur ne reste en attente",
    },
    hint: {
      en:
        "pass each probe a signal: AbortSignal.timeout(timeoutMs), or an AbortController you abort from " +
        "a setTimeout that you clear when the probe answers in time",
      fr:
        "passez un signal à chaque sonde : AbortSignal.timeout(timeoutMs), ou un AbortController que vous " +
        "interrompez depuis un setTimeout, annulé quand la sonde répond à temps",
    },
    async run(ctx) {
      const r = rig(ctx);
      const run = await runCheckAll(ctx, r);
      probedOnce(ctx, r);
      for (const s of r.services.filter((s) => s.seconds * 1000 > r.timeoutMs)) {
        const c = callOf(r, s.name)!;
        const due = c.start + r.timeoutMs;
        if (!c.signal || !c.aborted || !near(c.abortedAt!, due)) {
          ctx.fail({
            en: !c.signal
              ? `${s.name} was probed without a signal: pass one, so that the probe stops at the deadline instead of running on`
              : `${s.name}'s signal was ${
                c.aborted ? `aborted at ${ctx.sec(c.abortedAt!, 2).en}` : "never aborted"
              }; ` +
                `it should be aborted at the deadline, ${ctx.sec(due, 2).en}`,
            fr: !c.signal
              ? `${s.name} a été sondé sans signal : passez-en un, pour que la sonde s'arrête à l'échéance au lieu de continuer`
              : `le signal de ${s.name} a été ${
                c.aborted ? `interrompu à ${ctx.sec(c.abortedAt!, 2).fr}` : "jamais interrompu"
              } ; ` +
                `il doit l'être à l'échéance, ${ctx.sec(due, 2).fr}`,
          }, {
            expected: ctx.sec(due, 2),
            actual: c.aborted ? ctx.sec(c.abortedAt!, 2) : { en: "never", fr: "jamais" },
          });
        }
      }
      const leaked = (pending: number, at: number) =>
        ctx.fail({
          en:
            `checkAll returned at ${
              ctx.sec(at, 2).en
            } with ${pending} timer(s) still pending: clear your ` +
            "timeout when the probe answers in time (clearTimeout), or a real program waits for nothing",
          fr:
            `checkAll a rendu la main à ${
              ctx.sec(at, 2).fr
            } avec ${pending} minuteur(s) encore en attente : ` +
            "annulez votre délai quand la sonde répond à temps (clearTimeout), sinon un vrai programme " +
            "attend pour rien",
        }, { expected: "0", actual: String(pending) });
      if (run.pendingTimers > 0) leaked(run.pendingTimers, run.elapsedMs);
      // Every service in time: checkAll ends before the deadline, so a timeout timer that was
      // not cleared is still pending (above, it fired with the slow services' deadline).
      const quick = rig(ctx, { fast: 3, slow: 0 });
      const done = await runCheckAll(ctx, quick);
      const running = [...quick.probes.values()].filter((p) => p.calls.some((c) => c.end === null))
        .length;
      if (done.pendingTimers - running > 0) leaked(done.pendingTimers - running, done.elapsedMs);
    },
  },
  {
    id: "error-offline",
    points: 2,
    title: {
      en: "a probe that fails marks its service offline (reason error) and the others go on",
      fr: "une sonde qui échoue met son service hors ligne (raison error) et les autres continuent",
    },
    hint: {
      en:
        'catch each probe\'s error inside its own check: { status: "offline", reason: "error", error: err.message }',
      fr:
        'attrapez l\'erreur de chaque sonde dans sa propre vérification : { status: "offline", reason: "error", error: err.message }',
    },
    async run(ctx) {
      const r = rig(ctx, { fast: 3, slow: 0, failing: 1 });
      const [failing, message] = [...r.errors][0];
      const checkAll = ctx.fn<CheckAll>("checkAll");
      const run = await ctx.run(() =>
        checkAll(r.services, { timeoutMs: r.timeoutMs, probe: r.probe, onResult: r.onResult })
      );
      if (run.status !== "ok") {
        ctx.fail({
          en: `when the probe of ${failing} failed (${message}), checkAll ` +
            (run.status === "error"
              ? `rejected with ${describeError(run.error)}`
              : `ended with ${run.status}`) +
            ": catch each probe's failure, mark that service offline, and let the other checks go on",
          fr: `quand la sonde de ${failing} a échoué (${message}), checkAll ` +
            (run.status === "error"
              ? `a échoué avec ${describeError(run.error)}`
              : `s'est terminée par ${run.status}`) +
            " : attrapez l'échec de chaque sonde, mettez ce service hors ligne, et laissez les autres vérifications continuer",
        }, {
          expected: { en: "one result per service", fr: "un résultat par service" },
          actual: run.status,
        });
      }
      for (const s of r.services) {
        const got = resultOf(ctx, run.value, s.name);
        if (s.name === failing) {
          if (
            got.status !== "offline" || got.reason !== "error" ||
            !String(got.error ?? "").includes(message)
          ) {
            ctx.fail({
              en:
                `the probe of ${s.name} failed with "${message}"; its result was ${
                  show(got)
                }, expected ` +
                `{ status: "offline", reason: "error", error: "${message}" }`,
              fr:
                `la sonde de ${s.name} a échoué avec « ${message} » ; son résultat était ${
                  show(got)
                }, attendu ` +
                `{ status: "offline", reason: "error", error: "${message}" }`,
            }, { expected: `offline / error / ${message}`, actual: show(got) });
          }
        } else if (got.status !== "online") {
          ctx.fail({
            en:
              `${s.name} answered in time but its result was ${
                show(got)
              }: one failing service must not ` +
              "affect the others",
            fr:
              `${s.name} a répondu à temps mais son résultat était ${
                show(got)
              } : un service en échec ne doit ` +
              "pas affecter les autres",
          }, { expected: "online", actual: show(got) });
        }
      }
    },
  },
  {
    id: "results-seconds",
    points: 1,
    title: {
      en: "each result's seconds is how long that check took",
      fr: "le champ seconds de chaque résultat est la durée de cette vérification",
    },
    hint: {
      en:
        "note performance.now() when each check starts; seconds = (performance.now() - start) / 1000 when it ends",
      fr:
        "notez performance.now() au début de chaque vérification ; seconds = (performance.now() - début) / 1000 à la fin",
    },
    async run(ctx) {
      const r = rig(ctx);
      const run = await runCheckAll(ctx, r);
      probedOnce(ctx, r);
      for (const s of r.services) {
        const got = resultOf(ctx, run.value, s.name);
        const c = callOf(r, s.name)!;
        const want = (dueAt(r, s.name) - c.start) / 1000;
        // Rounded to the tenth is fine (durations are on a 50 ms grid), as in the other exercises.
        if (typeof got.seconds !== "number" || Math.abs(got.seconds - want) > 0.051) {
          const ms = typeof got.seconds === "number" && Math.abs(got.seconds - want * 1000) <= 1.5;
          ctx.fail({
            en:
              `${s.name}'s result says seconds = ${show(got.seconds)}; its check took ${
                ctx.sec(want * 1000, 3).en
              }` +
              (ms ? ": that is milliseconds, divide by 1000" : ""),
            fr:
              `le résultat de ${s.name} indique seconds = ${
                show(got.seconds)
              } ; sa vérification a pris ` +
              `${ctx.sec(want * 1000, 3).fr}` +
              (ms ? " : ce sont des millisecondes, divisez par 1000" : ""),
          }, { expected: String(want), actual: show(got.seconds) });
        }
      }
    },
  },
  {
    id: "main-json",
    points: 2,
    title: {
      en: 'main(["--json"]) prints one JSON document and returns 1 (the external API times out)',
      fr: 'main(["--json"]) affiche un document JSON et renvoie 1 (l\'API externe expire)',
    },
    hint: {
      en:
        "console.log(JSON.stringify(report, null, 2)) — console.log(object) prints Deno's own format, which " +
        "is not JSON; print nothing else in --json mode",
      fr:
        "console.log(JSON.stringify(rapport, null, 2)) — console.log(objet) affiche le format de Deno, qui " +
        "n'est pas du JSON ; n'affichez rien d'autre en mode --json",
    },
    async run(ctx) {
      const run = await runMain(ctx, ["--json"]);
      const out = run.logs.filter((l) => l.level === "log" || l.level === "info").map((l) => l.text)
        .join("\n");
      let doc: unknown;
      try {
        doc = JSON.parse(out);
      } catch (error) {
        ctx.fail({
          en:
            `with --json, the output is not one JSON document (${
              describeError(error)
            }); it starts with: ` +
            `${show(out.slice(0, 120))}`,
          fr:
            `avec --json, la sortie n'est pas un document JSON (${
              describeError(error)
            }) ; elle commence par : ` +
            `${show(out.slice(0, 120))}`,
        }, { expected: "JSON.stringify(…)", actual: out.slice(0, 120) });
      }
      const services = findServices(doc);
      const names = services?.map((s) => s.name);
      if (!services || show([...names!].sort()) !== show(STATEMENT.map((s) => s.name).sort())) {
        ctx.fail({
          en:
            `the JSON should hold an array of the five services, each with its name and status; found ${
              show(names ?? doc)
            }`,
          fr:
            `le JSON doit contenir un tableau des cinq services, chacun avec son nom et son statut ; trouvé ${
              show(names ?? doc)
            }`,
        });
      }
      for (const s of services!) {
        const want = s.name === "external API" ? "offline" : "online";
        if (s.status !== want) {
          ctx.fail({
            en: `in the JSON, ${s.name} has status ${
              show(s.status)
            }; with the default 2 s timeout it is ${want}`,
            fr: `dans le JSON, ${s.name} a le statut ${
              show(s.status)
            } ; avec le délai par défaut de 2 s, son statut est "${want}"`,
          }, { expected: want, actual: show(s.status) });
        }
      }
      if (run.value !== 1) {
        ctx.fail({
          en: `main(["--json"]) returned ${
            show(run.value)
          }; one service is offline, so the exit code is 1`,
          fr: `main(["--json"]) a renvoyé ${
            show(run.value)
          } ; un service est hors ligne, le code de sortie est donc 1`,
        }, { expected: "1", actual: show(run.value) });
      }
    },
  },
  {
    id: "main-timeout-flag",
    points: 2,
    title: {
      en: '--timeout SECONDS works: main(["--timeout", "4"]) returns 0, main([]) returns 1',
      fr: '--timeout SECONDES fonctionne : main(["--timeout", "4"]) renvoie 0, main([]) renvoie 1',
    },
    hint: {
      en:
        "--timeout is in seconds: Number(value) * 1000 gives checkAll its timeoutMs; the exit code is 0 only " +
        "when every service is online",
      fr:
        "--timeout est en secondes : Number(valeur) * 1000 donne à checkAll son timeoutMs ; le code de sortie " +
        "vaut 0 seulement si tous les services sont en ligne",
    },
    async run(ctx) {
      const cases: [string[], number, LocalText][] = [
        [["--timeout", "4"], 0, {
          en: "every service answers within 4 s",
          fr: "tous les services répondent en moins de 4 s",
        }],
        [[], 1, {
          en: "the external API needs 3.5 s, more than the default 2 s",
          fr: "l'API externe met 3,5 s, plus que les 2 s par défaut",
        }],
        [["--timeout=3"], 1, {
          en: "the external API needs 3.5 s, more than 3 s",
          fr: "l'API externe met 3,5 s, plus que 3 s",
        }],
      ];
      for (const [args, code, why] of cases) {
        const run = await runMain(ctx, args);
        if (run.value !== code) {
          const tiny = args.length > 0 && run.elapsedMs < 50;
          ctx.fail({
            en:
              `main(${show(args)}) returned ${show(run.value)} after ${
                ctx.sec(run.elapsedMs, 3).en
              }; expected ${code}: ${why.en}` +
              (tiny
                ? ". The checks gave up almost at once: is --timeout read as milliseconds? It is in seconds"
                : ""),
            fr:
              `main(${show(args)}) a renvoyé ${show(run.value)} après ${
                ctx.sec(run.elapsedMs, 3).fr
              } ; attendu ${code} : ${why.fr}` +
              (tiny
                ? ". Les vérifications ont abandonné presque tout de suite : --timeout est-il lu en millisecondes ? Il est en secondes"
                : ""),
          }, { expected: String(code), actual: show(run.value), tookMs: run.elapsedMs });
        }
      }
    },
  },
  {
    id: "main-usage",
    points: 2,
    title: {
      en: "--help prints the usage and returns 0; a bad option or value returns 2",
      fr: "--help affiche l'aide et renvoie 0 ; une option ou une valeur invalide renvoie 2",
    },
    hint: {
      en:
        "parseArgs({ args, options, strict: true }) throws on an unknown option: catch it, print the usage, " +
        "return 2; check that --timeout is a number above 0",
      fr:
        "parseArgs({ args, options, strict: true }) lève une erreur sur une option inconnue : attrapez-la, " +
        "affichez l'aide, renvoyez 2 ; vérifiez que --timeout est un nombre supérieur à 0",
    },
    async run(ctx) {
      const help = await runMain(ctx, ["--help"]);
      if (help.value !== 0 || help.logs.length === 0 || help.elapsedMs > EPS) {
        ctx.fail({
          en:
            `main(["--help"]) returned ${show(help.value)} after ${
              ctx.sec(help.elapsedMs, 2).en
            }, printing ` +
            `${help.logs.length} line(s); it should print the usage at once, check nothing, and return 0`,
          fr:
            `main(["--help"]) a renvoyé ${show(help.value)} après ${
              ctx.sec(help.elapsedMs, 2).fr
            }, en affichant ` +
            `${help.logs.length} ligne(s) ; il doit afficher l'aide tout de suite, ne rien vérifier, et renvoyer 0`,
        }, { expected: "0", actual: show(help.value) });
      }
      const flag = `--${["verbose", "retries", "port", "quiet"][int(ctx, 0, 3)]}`;
      for (const args of [[flag], ["--timeout", "soon"], ["--timeout"], ["--timeout", "-1"]]) {
        const run = await runMain(ctx, args);
        if (run.value !== 2 || run.elapsedMs > EPS) {
          ctx.fail({
            en:
              `main(${show(args)}) returned ${show(run.value)} after ${
                ctx.sec(run.elapsedMs, 2).en
              }; a usage ` +
              "error returns 2 at once, before checking anything (parseArgs with strict: true, and validate --timeout)",
            fr:
              `main(${show(args)}) a renvoyé ${show(run.value)} après ${
                ctx.sec(run.elapsedMs, 2).fr
              } ; une erreur ` +
              "d'utilisation renvoie 2 tout de suite, sans rien vérifier (parseArgs avec strict: true, et validez --timeout)",
          }, { expected: "2", actual: show(run.value) });
        }
      }
    },
  },
  {
    id: "lines-on-time",
    points: 2,
    title: {
      en:
        "main() prints each service's line the moment its verdict is known (no colour under NO_COLOR)",
      fr:
        "main() affiche la ligne de chaque service dès que son verdict est connu (sans couleur avec NO_COLOR)",
    },
    hint: {
      en: "print from the onResult callback you give checkAll, not in a loop over its results",
      fr:
        "affichez depuis le callback onResult passé à checkAll, pas dans une boucle sur ses résultats",
    },
    async run(ctx) {
      const run = await runMain(ctx, []);
      const lines = run.logs.map((l) => ({ at: l.at, text: plain(l).toLowerCase() }));
      // When each verdict is known: all checks at once (or, tolerated here, one after another).
      const together = STATEMENT.map((s) => Math.min(s.seconds * 1000, 2000));
      let t = 0;
      const inTurn = STATEMENT.map((s) => (t += Math.min(s.seconds * 1000, 2000)));
      const firstLine = STATEMENT.map((s) =>
        lines.find((l) => l.text.includes(s.name.toLowerCase()))?.at ?? null
      );
      // The grader runs with NO_COLOR set (and output that is not a terminal).
      const coloured = run.logs.find((l) => l.text.includes("\x1b["));
      if (coloured) {
        ctx.fail({
          en:
            `main() printed colour codes although NO_COLOR is set (and the output is not a terminal): ` +
            `${
              show(coloured.text)
            }. Colour only when Deno.noColor is false and Deno.stdout.isTerminal()`,
          fr:
            `main() a affiché des codes de couleur alors que NO_COLOR est défini (et que la sortie n'est pas ` +
            `un terminal) : ${show(coloured.text)}. Ne colorez que si Deno.noColor est faux et ` +
            "Deno.stdout.isTerminal() vrai",
        }, { timeline: [] });
      }
      const missing = STATEMENT.filter((_, i) => firstLine[i] === null).map((s) => s.name);
      if (missing.length > 0) {
        ctx.fail({
          en: `main() printed no line naming ${
            missing.join(", ")
          }: print one line per service, with its name`,
          fr: `main() n'a affiché aucune ligne nommant ${
            missing.join(", ")
          } : affichez une ligne par service, avec son nom`,
        });
      }
      const onTime = (due: number[]) =>
        STATEMENT.every((s, i) =>
          lines.some((l) => near(l.at, due[i]) && l.text.includes(s.name.toLowerCase()))
        );
      if (!onTime(together) && !onTime(inTurn)) {
        const at = firstLine as number[];
        const batched = at.every((x) => near(x, at[0]));
        // Every line before the fastest service could answer: the checks gave up too soon.
        const fastest = Math.min(...together);
        const tooSoon = at.every((x) => x < fastest - EPS);
        ctx.fail(
          tooSoon
            ? {
              en: `every service's line was printed by ${
                ctx.sec(Math.max(...at), 2).en
              }, before even the fastest service could answer (${
                ctx.sec(fastest, 2).en
              }): the checks gave up too soon — is the timeout in milliseconds, as checkAll expects?`,
              fr:
                `la ligne de chaque service était affichée à ${
                  ctx.sec(Math.max(...at), 2).fr
                }, avant même que le service le plus rapide puisse répondre (${
                  ctx.sec(fastest, 2).fr
                }) : les vérifications ont abandonné trop tôt — le délai est-il bien en millisecondes, ` +
                "comme checkAll l'attend ?",
            }
            : batched
            ? {
              en:
                `every service's line was printed at ${
                  ctx.sec(at[0], 2).en
                }: lines printed late, the results ` +
                "were collected before printing. Print each line as soon as its verdict is known",
              fr:
                `la ligne de chaque service a été affichée à ${
                  ctx.sec(at[0], 2).fr
                } : des lignes affichées en ` +
                "retard, les résultats ont été rassemblés avant l'affichage. Affichez chaque ligne dès que son " +
                "verdict est connu",
            }
            : {
              en: "the lines were not printed when each verdict was known",
              fr: "les lignes n'ont pas été affichées au moment où chaque verdict était connu",
            },
          {
            expected: {
              en: `${STATEMENT.map((s) => s.name).join(", ")} at ${times(ctx, together).en}`,
              fr: `${STATEMENT.map((s) => s.name).join(", ")} à ${times(ctx, together).fr}`,
            },
            actual: times(ctx, at),
          },
        );
      }
    },
  },
  {
    id: "simulations",
    points: 1,
    title: {
      en:
        "SERVICES is the statement's list; probe() waits its time and stops when its signal aborts",
      fr:
        "SERVICES est la liste de l'énoncé ; probe() attend sa durée et s'arrête quand son signal est interrompu",
    },
    hint: {
      en:
        "probe: a setTimeout of service.seconds * 1000; an abort listener clears it and rejects with signal.reason",
      fr:
        "probe : un setTimeout de service.seconds * 1000 ; un écouteur d'abort l'annule et rejette avec signal.reason",
    },
    async run(ctx) {
      const services = ctx.get<unknown>("SERVICES");
      // Each service's name and duration count; key order and extra fields do not.
      const pairs = (list: unknown) =>
        Array.isArray(list)
          ? show(list.map((s) => [(s as Service)?.name, (s as Service)?.seconds]).sort())
          : "";
      if (pairs(services) !== pairs(STATEMENT)) {
        ctx.fail({
          en: `SERVICES should be the statement's five services; it is ${show(services)}`,
          fr: `SERVICES doit être les cinq services de l'énoncé ; c'est ${show(services)}`,
        }, { expected: show(STATEMENT), actual: show(services) });
      }
      const probe = ctx.fn<(service: Service, signal?: AbortSignal) => Promise<void>>("probe");
      const service = { name: `svc-${int(ctx, 10, 99)}`, seconds: int(ctx, 5, 30) / 10 };
      const ran = await ctx.settle(`probe(${show(service)})`, () => probe(service));
      if (!near(ran.elapsedMs, service.seconds * 1000)) {
        ctx.fail({
          en: `probe(${show(service)}) took ${ctx.sec(ran.elapsedMs, 3).en}; it should wait ${
            ctx.sec(service.seconds * 1000).en
          }`,
          fr: `probe(${show(service)}) a pris ${
            ctx.sec(ran.elapsedMs, 3).fr
          } ; elle doit attendre ${ctx.sec(service.seconds * 1000).fr}`,
        }, { timeline: [] });
      }
      const abortAt = int(ctx, 1, service.seconds * 10 - 1) * 100;
      const reason = new DOMException("Signal timed out.", "TimeoutError");
      const aborted = await ctx.run(() => {
        const controller = new AbortController();
        virtualSetTimeout(() => controller.abort(reason), abortAt);
        return probe(service, controller.signal);
      });
      if (
        aborted.status !== "error" || !near(aborted.elapsedMs, abortAt) || aborted.pendingTimers > 0
      ) {
        ctx.fail({
          en: `probe(service, signal) with the signal aborted at ${ctx.sec(abortAt).en} ` +
            (aborted.status === "error"
              ? `rejected at ${
                ctx.sec(aborted.elapsedMs).en
              }, leaving ${aborted.pendingTimers} timer(s) pending`
              : aborted.status === "ok"
              ? `resolved anyway at ${ctx.sec(aborted.elapsedMs).en}: it ignored the signal`
              : `ended with ${aborted.status} at ${ctx.sec(aborted.elapsedMs).en}`) +
            "; it should reject at once with signal.reason and clear its timer",
          fr: `probe(service, signal) avec le signal interrompu à ${ctx.sec(abortAt).fr} ` +
            (aborted.status === "error"
              ? `a échoué à ${
                ctx.sec(aborted.elapsedMs).fr
              }, en laissant ${aborted.pendingTimers} minuteur(s) en attente`
              : aborted.status === "ok"
              ? `s'est quand même résolue à ${
                ctx.sec(aborted.elapsedMs).fr
              } : elle a ignoré le signal`
              : `s'est terminée par ${aborted.status} à ${ctx.sec(aborted.elapsedMs).fr}`) +
            " ; elle doit échouer tout de suite avec signal.reason et annuler son minuteur",
        }, { timeline: [] });
      }
    },
  },
]);
