/**
 * Checks of exercise 1 (`01_gather.ts`): sequential vs concurrent calls.
 *
 * The runners get probes whose durations come from the seed (around the
 * statement's 2 s / 3 s / 1 s), so a hard-coded answer cannot pass.
 *
 * @module
 */
import { type CheckContext, defineChecks } from "../../check.ts";
import type { Probe } from "../../probe.ts";

type Lists = [string[], string[], string[]];
type Runner = (fetchers?: Record<string, () => Promise<string[]>>) => Promise<
  { value: Lists; seconds: number }
>;

const NAMES = ["users", "orders", "inventory"] as const;
/** Tolerance on virtual durations (ms): learners may compute them with floats. */
const EPS = 1;

interface Trio {
  fetchers: Record<(typeof NAMES)[number], Probe<string[]>>;
  ms: [number, number, number];
  values: Lists;
}

/**
 * Three probes with distinct values. Their durations are the statement's
 * (2 s, 3 s, 1 s), or drawn from the seed around them with `vary`, so that a
 * hard-coded answer cannot pass.
 */
function trio(ctx: CheckContext, options: { failing?: number; vary?: boolean } = {}): Trio {
  const base = [2, 3, 1];
  const ms = base.map((s) =>
    options.vary ? Math.round((s + ctx.random() - 0.5) * 10) * 100 : s * 1000
  ) as Trio["ms"];
  const values = NAMES.map((n, i) => [`${n}-${Math.floor(ctx.random() * 1000)}`, `#${i}`]) as Lists;
  const fetchers = Object.fromEntries(NAMES.map((name, i) => [
    name,
    ctx.probe<string[]>(name, {
      seconds: ms[i] / 1000,
      value: () => [...values[i]],
      error: options.failing === i ? new Error(`${name} service is down`) : undefined,
    }),
  ])) as Trio["fetchers"];
  // Learner code gets this object: it must not swap a probe for a fake.
  Object.freeze(fetchers);
  return { fetchers, ms, values };
}

const near = (a: number, b: number) => Math.abs(a - b) <= EPS;
const list = (values: unknown) => JSON.stringify(values);

function runner(ctx: CheckContext, name: "runSequential" | "runConcurrent"): Runner {
  return ctx.fn<Runner>(name);
}

export default defineChecks([
  {
    id: "fetch-durations",
    points: 3,
    title: {
      en: "each fetch waits its own time and returns its list",
      fr: "chaque fetch attend sa propre durée et renvoie sa liste",
    },
    hint: {
      en:
        "wait with `await new Promise((resolve) => setTimeout(resolve, 2000))`, then return the list",
      fr:
        "attendez avec `await new Promise((resolve) => setTimeout(resolve, 2000))`, puis renvoyez la liste",
    },
    async run(ctx) {
      const expected: [string, number, string[]][] = [
        ["fetchUsers", 2000, ["alice", "bob", "charlie"]],
        ["fetchOrders", 3000, ["order_1", "order_2"]],
        ["fetchInventory", 1000, ["item_A", "item_B", "item_C"]],
      ];
      for (const [name, ms, value] of expected) {
        const fn = ctx.fn<() => Promise<string[]>>(name);
        const run = await ctx.settle(`${name}()`, () => fn());
        if (!near(run.elapsedMs, ms)) {
          const took = ctx.sec(run.elapsedMs, 3), want = ctx.sec(ms);
          ctx.fail({
            en: `\`${name}()\` took ${took.en} of virtual time; it should wait ${want.en}`,
            fr: `\`${name}()\` a pris ${took.fr} de temps virtuel ; elle doit attendre ${want.fr}`,
          }, { expected: want, actual: took, timeline: [] });
        }
        if (list(run.value) !== list(value)) {
          ctx.fail({
            en: `\`${name}()\` resolved with ${list(run.value)}; expected ${list(value)}`,
            fr: `\`${name}()\` a renvoyé ${list(run.value)} ; attendu ${list(value)}`,
          }, { expected: list(value), actual: list(run.value), timeline: [] });
        }
      }
    },
  },
  {
    id: "sequential-order",
    points: 3,
    title: {
      en: "runSequential starts each call after the previous one finished",
      fr: "runSequential lance chaque appel après la fin du précédent",
    },
    hint: {
      en: "await users, then orders, then inventory: one `await` per call, in that order",
      fr: "attendez users, puis orders, puis inventory : un `await` par appel, dans cet ordre",
    },
    async run(ctx) {
      const t = trio(ctx);
      const run = runner(ctx, "runSequential");
      await ctx.settle("runSequential(fetchers)", () => run(t.fetchers));
      const calls = NAMES.map((n) => t.fetchers[n].calls);
      const missing = NAMES.filter((_, i) => calls[i].length !== 1);
      if (missing.length > 0) {
        ctx.fail({
          en: `each fetcher must be called exactly once; these were not: ${missing.join(", ")}`,
          fr: `chaque fetcher doit être appelé exactement une fois ; ceux-ci ne l'ont pas été : ${
            missing.join(", ")
          }`,
        });
      }
      const spans = calls.map((c) => c[0]);
      const order = [...spans].sort((a, b) => a.start - b.start).map((s) => s.label);
      if (order.join() !== NAMES.join()) {
        ctx.fail({
          en: `the calls started in the order ${
            order.join(", ")
          }; expected users, orders, inventory`,
          fr: `les appels ont démarré dans l'ordre ${
            order.join(", ")
          } ; attendu users, orders, inventory`,
        }, { expected: "users, orders, inventory", actual: order.join(", ") });
      }
      for (let i = 1; i < 3; i++) {
        const prev = spans[i - 1];
        if (prev.end === null || spans[i].start < prev.end) {
          const at = ctx.sec(spans[i].start);
          // A call still running when runSequential returned has no end to show.
          const end = prev.end === null
            ? {
              en: "still running when runSequential returned",
              fr: "encore en cours quand runSequential a rendu la main",
            }
            : ctx.sec(prev.end);
          ctx.fail({
            en:
              `${NAMES[i]} started at ${at.en}, before ${NAMES[i - 1]} had finished (${end.en}): ` +
              "that is concurrent, not sequential",
            fr: `${NAMES[i]} a démarré à ${at.fr}, avant la fin de ${NAMES[i - 1]} (${end.fr}) : ` +
              "c'est concurrent, pas séquentiel",
          }, { expected: end, actual: at });
        }
      }
    },
  },
  {
    id: "sequential-total",
    points: 2,
    title: {
      en: "runSequential takes the sum of the three waits (6.0 s)",
      fr: "runSequential prend la somme des trois attentes (6,0 s)",
    },
    hint: {
      en: "return as soon as the last call has finished: no extra waiting",
      fr: "terminez dès que le dernier appel est fini : aucune attente en plus",
    },
    async run(ctx) {
      const t = trio(ctx);
      const run = runner(ctx, "runSequential");
      const result = await ctx.settle("runSequential(fetchers)", () => run(t.fetchers));
      const sum = t.ms[0] + t.ms[1] + t.ms[2];
      if (!near(result.elapsedMs, sum)) {
        const took = ctx.sec(result.elapsedMs), want = ctx.sec(sum);
        ctx.fail({
          en:
            `runSequential took ${took.en} of virtual time; one call after another takes the sum, ${want.en}`,
          fr:
            `runSequential a pris ${took.fr} de temps virtuel ; un appel après l'autre prend la somme, ${want.fr}`,
        }, { expected: want, actual: took, tookMs: result.elapsedMs, expectedMs: sum });
      }
    },
  },
  {
    id: "concurrent-start",
    points: 3,
    title: {
      en: "runConcurrent starts all three calls at once",
      fr: "runConcurrent lance les trois appels en même temps",
    },
    hint: {
      en: "call the three fetchers first, and only then wait for their promises",
      fr: "appelez d'abord les trois fetchers, et seulement ensuite attendez leurs promesses",
    },
    async run(ctx) {
      const t = trio(ctx);
      const run = runner(ctx, "runConcurrent");
      await ctx.settle("runConcurrent(fetchers)", () => run(t.fetchers));
      const firstEnd = Math.min(...t.ms);
      for (const name of NAMES) {
        const calls = t.fetchers[name].calls;
        if (calls.length !== 1) {
          ctx.fail({
            en: `${name} was called ${calls.length} times; call each fetcher exactly once`,
            fr: `${name} a été appelé ${calls.length} fois ; appelez chaque fetcher une seule fois`,
          });
        }
        if (calls[0].start > 0) {
          const at = ctx.sec(calls[0].start);
          const late = calls[0].start >= firstEnd;
          ctx.fail({
            en: `${name} started at ${at.en}, not at 0.0 s` +
              (late ? ": it waited for another call to finish first" : ""),
            fr: `${name} a démarré à ${at.fr}, pas à 0,0 s` +
              (late ? " : il a attendu la fin d'un autre appel" : ""),
          }, { expected: ctx.sec(0), actual: at });
        }
      }
    },
  },
  {
    id: "concurrent-max-not-sum",
    points: 4,
    title: {
      en: "runConcurrent takes the longest wait (3.0 s), not the sum",
      fr: "runConcurrent prend l'attente la plus longue (3,0 s), pas la somme",
    },
    hint: {
      en: "start all three before awaiting any of them (Promise.all)",
      fr: "lancez les trois avant d'en attendre un seul (Promise.all)",
    },
    async run(ctx) {
      const t = trio(ctx);
      const run = runner(ctx, "runConcurrent");
      const result = await ctx.settle("runConcurrent(fetchers)", () => run(t.fetchers));
      const max = Math.max(...t.ms), sum = t.ms[0] + t.ms[1] + t.ms[2];
      if (!near(result.elapsedMs, max)) {
        const took = ctx.sec(result.elapsedMs), want = ctx.sec(max);
        const summed = near(result.elapsedMs, sum);
        ctx.fail({
          en:
            `took ${took.en} of virtual time; concurrent code takes the longest call, ${want.en}` +
            (summed ? " — that is the sum: the calls ran one after another" : ""),
          fr:
            `a pris ${took.fr} de temps virtuel ; du code concurrent prend l'appel le plus long, ${want.fr}` +
            (summed ? " — c'est la somme : les appels se sont faits l'un après l'autre" : ""),
        }, { expected: want, actual: took, tookMs: result.elapsedMs, expectedMs: max });
      }
    },
  },
  {
    id: "values-in-order",
    points: 2,
    title: {
      en: "both runners return the lists in the order users, orders, inventory",
      fr: "les deux versions renvoient les listes dans l'ordre users, orders, inventory",
    },
    hint: {
      en: "Promise.all keeps the order of its arguments, whatever order the calls finish in",
      fr: "Promise.all garde l'ordre de ses arguments, quel que soit l'ordre de fin des appels",
    },
    async run(ctx) {
      for (const name of ["runSequential", "runConcurrent"] as const) {
        const t = trio(ctx, { vary: true });
        const run = runner(ctx, name);
        const result = await ctx.settle(`${name}(fetchers)`, () => run(t.fetchers));
        const got = (result.value as { value?: unknown })?.value;
        if (list(got) !== list(t.values)) {
          ctx.fail({
            en: `${name} returned value ${list(got)}; expected [users, orders, inventory] = ${
              list(t.values)
            }`,
            fr: `${name} a renvoyé value ${list(got)} ; attendu [users, orders, inventory] = ${
              list(t.values)
            }`,
          }, { expected: list(t.values), actual: list(got) ?? "undefined" });
        }
      }
    },
  },
  {
    id: "own-seconds",
    points: 1,
    title: {
      en: "the seconds you measure match the time that passed",
      fr: "les secondes que vous mesurez correspondent au temps écoulé",
    },
    hint: {
      en:
        "`const start = performance.now()` before, `(performance.now() - start) / 1000` after: seconds, not ms",
      fr:
        "`const start = performance.now()` avant, `(performance.now() - start) / 1000` après : des secondes, pas des ms",
    },
    async run(ctx) {
      for (const name of ["runSequential", "runConcurrent"] as const) {
        const t = trio(ctx, { vary: true });
        const run = runner(ctx, name);
        const result = await ctx.settle(`${name}(fetchers)`, () => run(t.fetchers));
        const seconds = (result.value as { seconds?: unknown })?.seconds;
        const real = result.elapsedMs / 1000;
        if (typeof seconds !== "number" || !(Math.abs(seconds - real) <= 0.051)) {
          const want = ctx.sec(result.elapsedMs, 2);
          ctx.fail({
            en: `${name} reported seconds = ${String(seconds)}, but ${want.en} passed` +
              (typeof seconds === "number" && Math.abs(seconds - real * 1000) < 1
                ? ": that is milliseconds, divide by 1000"
                : ""),
            fr:
              `${name} indique seconds = ${
                String(seconds)
              }, alors que ${want.fr} se sont écoulées` +
              (typeof seconds === "number" && Math.abs(seconds - real * 1000) < 1
                ? " : ce sont des millisecondes, divisez par 1000"
                : ""),
          }, { expected: want, actual: String(seconds) });
        }
      }
    },
  },
  {
    id: "rejection-propagates",
    points: 1,
    title: {
      en: "a failing call makes the runner reject with its error",
      fr: "un appel qui échoue fait échouer la version avec son erreur",
    },
    hint: {
      en: "do not catch the error: Promise.all rejects as soon as one promise rejects",
      fr: "n'attrapez pas l'erreur : Promise.all échoue dès qu'une promesse échoue",
    },
    async run(ctx) {
      for (const name of ["runSequential", "runConcurrent"] as const) {
        const t = trio(ctx, { failing: 1 });
        const run = runner(ctx, name);
        const result = await ctx.run(() => run(t.fetchers));
        const message = (result.error as { message?: unknown })?.message;
        if (result.status !== "error" || message !== "orders service is down") {
          const what = result.status === "ok"
            ? { en: "resolved anyway", fr: "a quand même réussi" }
            : result.status === "deadlock"
            ? { en: "never settled", fr: "ne s'est jamais terminée" }
            : {
              en: `ended with ${result.status} ${String(message ?? "")}`,
              fr: `s'est terminée par ${result.status} ${String(message ?? "")}`,
            };
          ctx.fail({
            en: `when orders fails, ${name} ${what.en}; it should reject with the same error`,
            fr: `quand orders échoue, ${name} ${what.fr} ; elle doit échouer avec la même erreur`,
          }, { expected: "Error: orders service is down", actual: what });
        }
      }
    },
  },
  {
    id: "main-finishes",
    points: 1,
    title: {
      en: "main() runs both versions, prints, and finishes",
      fr: "main() lance les deux versions, affiche, et se termine",
    },
    hint: {
      en: "main awaits runSequential() then runConcurrent() and prints both times",
      fr: "main attend runSequential() puis runConcurrent() et affiche les deux durées",
    },
    async run(ctx) {
      const main = ctx.fn<() => Promise<void>>("main");
      const result = await ctx.settle("main()", () => main());
      if (result.logs.length === 0) {
        ctx.fail({
          en: "main() printed nothing: print both times and why they differ",
          fr: "main() n'a rien affiché : affichez les deux durées et pourquoi elles diffèrent",
        });
      }
      // main must wait for runSequential(): it cannot end sooner than that run takes on its own
      // (with the learner's own fetchers, whatever their durations).
      let alone: number | undefined;
      try {
        const seq = await ctx.run(() => runner(ctx, "runSequential")());
        if (seq.status === "ok") alone = seq.elapsedMs;
      } catch {
        // runSequential is still a TODO or missing: other checks say so.
      }
      if (alone !== undefined && result.elapsedMs < alone - EPS) {
        const at = ctx.sec(result.elapsedMs), want = ctx.sec(alone);
        ctx.fail({
          en: `main() finished at ${at.en}, but runSequential() alone takes ${want.en}: main ` +
            "did not wait for it — did you forget an `await`?",
          fr:
            `main() s'est terminée à ${at.fr}, alors que runSequential() seule prend ${want.fr} : ` +
            "main ne l'a pas attendue — un `await` oublié ?",
        }, { expected: want, actual: at, tookMs: result.elapsedMs, expectedMs: alone });
      }
    },
  },
]);
