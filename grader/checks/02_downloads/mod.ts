/**
 * Checks of exercise 2 (`02_downloads.ts`): five downloads reported as each
 * one finishes, and the learner's own `asCompleted`.
 *
 * Durations come from the seed (tenths of a second between 1 and 5 s, all
 * different), so a hard-coded order or total cannot pass. Each check watches
 * one behaviour, so that one mistake fails one check:
 * order and timing of `asCompleted` are checked apart (timing with inputs
 * already in settlement order, order with shuffled inputs).
 *
 * @module
 */
import { type CheckContext, core, defineChecks, describeError, isTodo } from "../../check.ts";
import { now } from "../../clock.ts";
import type { Probe } from "../../probe.ts";

interface Download {
  name: string;
  seconds: number;
}
type AsCompleted = <T>(promises: Iterable<Promise<T>>) => AsyncIterator<T>;
type DownloadAll = (files: Download[], options?: {
  download?: (file: Download) => Promise<Download>;
  onDone?: (file: Download, seconds: number) => void;
}) => Promise<{ seconds: number; slowest: string }>;

/** Tolerance on virtual instants (ms). */
const EPS = 1;
const near = (a: number, b: number, eps = EPS) => Math.abs(a - b) <= eps;
const show = (values: unknown) => JSON.stringify(values);

/** `n` different durations in ms: whole tenths of a second in [1 s, 5 s]. */
function durations(ctx: CheckContext, n: number): number[] {
  const seen = new Set<number>();
  while (seen.size < n) seen.add(10 + Math.floor(ctx.random() * 41));
  return [...seen].map((tenths) => tenths * 100);
}

/** Inputs for asCompleted: a probe per duration, each resolving with its own token. */
interface Racer {
  ms: number;
  value: string;
  probe: Probe<string>;
}

function racers(ctx: CheckContext, ms: number[], error?: { index: number; error: Error }): Racer[] {
  return ms.map((m, i) => {
    const value = `v${i + 1}-${Math.floor(ctx.random() * 9000) + 1000}`;
    return {
      ms: m,
      value,
      probe: ctx.probe<string>(`promise ${i + 1}`, {
        seconds: m / 1000,
        value,
        error: error?.index === i ? error.error : undefined,
      }),
    };
  });
}

/** What the for-await loop over the learner's iterator saw. */
interface Consumed {
  yields: { value: unknown; at: number }[];
  error?: unknown;
  errorAt?: number;
  threw: boolean;
}

/** Consumes `asCompleted(input())` with `for await`, stamping each value with virtual time. */
function consume(ctx: CheckContext, input: () => Iterable<Promise<unknown>>) {
  const asCompleted = ctx.fn<AsCompleted>("asCompleted");
  return ctx.run(async (): Promise<Consumed> => {
    const seen: Consumed = { yields: [], threw: false };
    const iterable = asCompleted(input()) as unknown as AsyncIterable<unknown>;
    try {
      for await (const value of iterable) seen.yields.push({ value, at: now() });
    } catch (error) {
      Object.assign(seen, { error, errorAt: now(), threw: true });
    }
    return seen;
  });
}

/** Turns the stub's TODO error into the usual "still a TODO" failure. */
function todo(ctx: CheckContext, error: unknown, name: string): void {
  if (isTodo(error)) ctx.fail(core("todo", { name }), {}, true);
}

/** Fails unless the run ended normally (no TODO, no deadlock) and returns what was seen. */
async function consumeOk(
  ctx: CheckContext,
  what: { en: string; fr: string },
  input: () => Iterable<Promise<unknown>>,
): Promise<Consumed> {
  const run = await consume(ctx, input);
  todo(ctx, run.error, "asCompleted()");
  if (run.status === "error") {
    ctx.fail({
      en: `asCompleted(${what.en}) failed with ${describeError(run.error)}`,
      fr: `asCompleted(${what.fr}) a échoué avec ${describeError(run.error)}`,
    }, { actual: describeError(run.error) });
  }
  if (run.status !== "ok") {
    const at = ctx.sec(run.elapsedMs);
    ctx.fail({
      en: `looping over asCompleted(${what.en}) never ended: at ${at.en} it was still waiting ` +
        "with nothing left that could wake it. Does your iterator say `done` once every promise " +
        "has come out?",
      fr: `la boucle sur asCompleted(${what.fr}) ne s'est jamais terminée : à ${at.fr} elle ` +
        "attendait encore sans que rien ne puisse la réveiller. Votre itérateur répond-il `done` " +
        "une fois toutes les promesses sorties ?",
    }, { tookMs: run.elapsedMs });
  }
  const seen = run.value!;
  if (seen.threw) {
    const error = describeError(seen.error);
    ctx.fail({
      en: `looping over asCompleted(${what.en}) threw ${error}, though no promise rejected`,
      fr:
        `la boucle sur asCompleted(${what.fr}) a levé ${error}, alors qu'aucune promesse n'a échoué`,
    }, { actual: error });
  }
  return seen;
}

/** Five files with different durations, and a download probe per file. */
function plan(ctx: CheckContext) {
  const ms = durations(ctx, 5);
  const files: Download[] = ms.map((m, i) => ({ name: `file_${i + 1}.zip`, seconds: m / 1000 }));
  const probes = new Map(files.map((f) => [
    f.name,
    ctx.probe<Download>(f.name, { seconds: f.seconds, value: (file) => file as Download }),
  ]));
  const download = (file: Download) => {
    const p = probes.get((file as Download | undefined)?.name ?? "");
    if (!p) {
      return Promise.reject(
        new TypeError(`Cannot download: expected one of the files, got ${show(file)}`),
      );
    }
    return p(file);
  };
  const done: { name: string; seconds: unknown; at: number }[] = [];
  const onDone = (file: Download, seconds: number) => {
    done.push({ name: (file as Download | undefined)?.name ?? String(file), seconds, at: now() });
  };
  return { files, probes, download, onDone, done, max: Math.max(...ms) };
}

async function runDownloads(ctx: CheckContext) {
  const downloadAll = ctx.fn<DownloadAll>("downloadAll");
  const p = plan(ctx);
  const files = p.files.map((f) => ({ ...f }));
  const run = await ctx.settle(
    "downloadAll(files, { download, onDone })",
    () => downloadAll(files, { download: p.download, onDone: p.onDone }),
  );
  return { ...p, run };
}

export default defineChecks([
  {
    id: "plan-downloads",
    points: 2,
    title: {
      en: "planDownloads makes file_1.zip… with 1–5 s drawn from the given random",
      fr: "planDownloads crée file_1.zip… avec 1 à 5 s tirées du random fourni",
    },
    hint: {
      en:
        "for file i, `{ name: `file_${i}.zip`, seconds: Math.round((1 + random() * 4) * 10) / 10 }`" +
        ", using the `random` parameter, not Math.random",
      fr:
        "pour le fichier i, `{ name: `file_${i}.zip`, seconds: Math.round((1 + random() * 4) * 10) / 10 }`" +
        ", avec le paramètre `random`, pas Math.random",
    },
    run(ctx) {
      const planDownloads = ctx.fn<(count?: number, random?: () => number) => Download[]>(
        "planDownloads",
      );
      let byDefault: Download[] = [];
      try {
        byDefault = planDownloads();
      } catch (error) {
        todo(ctx, error, "planDownloads()");
        throw error;
      }
      if (!Array.isArray(byDefault) || byDefault.length !== 5) {
        ctx.fail({
          en: `planDownloads() returned ${
            Array.isArray(byDefault) ? `${byDefault.length} files` : show(byDefault)
          }; by default it plans 5 files`,
          fr: `planDownloads() a renvoyé ${
            Array.isArray(byDefault) ? `${byDefault.length} fichiers` : show(byDefault)
          } ; par défaut il prévoit 5 fichiers`,
        });
      }
      const count = 6 + Math.floor(ctx.random() * 4);
      const draws: number[] = [];
      const random = () => {
        const r = ctx.random();
        draws.push(r);
        return r;
      };
      const files = planDownloads(count, random);
      if (!Array.isArray(files) || files.length !== count) {
        ctx.fail({
          en: `planDownloads(${count}, random) returned ${
            Array.isArray(files) ? `${files.length} files` : show(files)
          }; expected ${count}`,
          fr: `planDownloads(${count}, random) a renvoyé ${
            Array.isArray(files) ? `${files.length} fichiers` : show(files)
          } ; attendu ${count}`,
        });
      }
      for (const [i, file] of files.entries()) {
        const name = `file_${i + 1}.zip`;
        if (file?.name !== name) {
          ctx.fail({
            en: `file ${i + 1} is named ${show(file?.name)}; expected "${name}"`,
            fr: `le fichier ${i + 1} s'appelle ${show(file?.name)} ; attendu "${name}"`,
          }, { expected: name, actual: show(file?.name) });
        }
        const s = file.seconds;
        if (
          typeof s !== "number" || !(s >= 1 && s <= 5) || !near(s * 10, Math.round(s * 10), 1e-6)
        ) {
          ctx.fail({
            en: `${name} takes ${show(s)} s; expected a number of seconds between 1 and 5, ` +
              "with one decimal",
            fr: `${name} prend ${show(s)} s ; attendu un nombre de secondes entre 1 et 5, ` +
              "avec une décimale",
          }, { expected: "1.0 – 5.0", actual: show(s) });
        }
      }
      if (draws.length < count) {
        ctx.fail({
          en: `planDownloads(${count}, random) called the random function it was given ` +
            `${draws.length} times for ${count} files: use the \`random\` parameter (the grader ` +
            "passes its own), not Math.random",
          fr: `planDownloads(${count}, random) a appelé la fonction random reçue ${draws.length} ` +
            `fois pour ${count} fichiers : utilisez le paramètre \`random\` (le correcteur passe le ` +
            "sien), pas Math.random",
        });
      }
      for (const [i, file] of files.entries()) {
        const want = 1 + draws[i] * 4;
        if (!near(file.seconds, want, 0.1 + 1e-9)) {
          ctx.fail({
            en: `${file.name} takes ${file.seconds} s, but its draw random() = ${
              draws[i].toFixed(3)
            } gives 1 + ${draws[i].toFixed(3)} × 4 = ${
              want.toFixed(2)
            } s: one draw per file, in order`,
            fr:
              `${file.name} prend ${file.seconds} s, mais son tirage random() = ${
                draws[i].toFixed(3)
              } donne 1 + ${draws[i].toFixed(3)} × 4 = ${
                want.toFixed(2)
              } s : un tirage par fichier, ` +
              "dans l'ordre",
          }, { expected: `${want.toFixed(1)} s`, actual: `${file.seconds} s` });
        }
      }
    },
  },
  {
    id: "download-waits",
    points: 2,
    title: {
      en: "download(file) waits file.seconds, then resolves with the file",
      fr: "download(file) attend file.seconds, puis renvoie le fichier",
    },
    hint: {
      en: "`await new Promise((resolve) => setTimeout(resolve, file.seconds * 1000))`: " +
        "setTimeout counts in milliseconds",
      fr: "`await new Promise((resolve) => setTimeout(resolve, file.seconds * 1000))` : " +
        "setTimeout compte en millisecondes",
    },
    async run(ctx) {
      const download = ctx.fn<(file: Download) => Promise<Download>>("download");
      const [ms] = durations(ctx, 1);
      const file = { name: `file_${1 + Math.floor(ctx.random() * 9)}.zip`, seconds: ms / 1000 };
      const run = await ctx.settle("download(file)", () => download({ ...file }));
      if (!near(run.elapsedMs, ms)) {
        const took = ctx.sec(run.elapsedMs, 3), want = ctx.sec(ms);
        const inMs = near(run.elapsedMs, file.seconds);
        ctx.fail({
          en:
            `download({ seconds: ${file.seconds} }) took ${took.en} of virtual time; expected ${want.en}` +
            (inMs ? ": setTimeout takes milliseconds, multiply the seconds by 1000" : ""),
          fr:
            `download({ seconds: ${file.seconds} }) a pris ${took.fr} de temps virtuel ; attendu ${want.fr}` +
            (inMs ? " : setTimeout prend des millisecondes, multipliez les secondes par 1000" : ""),
        }, { expected: want, actual: took, timeline: [] });
      }
      const got = run.value as Download | undefined;
      if (got?.name !== file.name || got?.seconds !== file.seconds) {
        ctx.fail({
          en: `download(file) resolved with ${show(got)}; expected the file itself, ${show(file)}`,
          fr: `download(file) a renvoyé ${show(got)} ; attendu le fichier lui-même, ${show(file)}`,
        }, { expected: show(file), actual: show(got), timeline: [] });
      }
    },
  },
  {
    id: "yields-in-settlement-order",
    points: 3,
    title: {
      en: "asCompleted yields the values in the order their promises settle",
      fr: "asCompleted rend les valeurs dans l'ordre où leurs promesses se terminent",
    },
    hint: {
      en:
        "do not await the promises in the order you got them: let each one signal when it settles " +
        "(`.then`), and yield in that order",
      fr:
        "n'attendez pas les promesses dans l'ordre reçu : laissez chacune se signaler quand elle se " +
        "termine (`.then`), et rendez les valeurs dans cet ordre",
    },
    async run(ctx) {
      let ms = durations(ctx, 5);
      const sorted = [...ms].sort((a, b) => a - b);
      if (ms.every((m, i) => m === sorted[i])) ms = ms.toReversed();
      const inputs = racers(ctx, ms);
      const seen = await consumeOk(
        ctx,
        { en: "five promises", fr: "cinq promesses" },
        () => inputs.map((r) => r.probe()),
      );
      const got = seen.yields.map((y) => y.value);
      const want = [...inputs].sort((a, b) => a.ms - b.ms).map((r) => r.value);
      const given = inputs.map((r) => r.value);
      if (show(got) !== show(want)) {
        const inInputOrder = show(got) === show(given);
        ctx.fail({
          en: `the loop got ${show(got)}; in settlement order it is ${show(want)}` +
            (inInputOrder
              ? ". That is the order the promises were passed in: awaiting them one by one makes " +
                "a fast promise wait behind a slow one"
              : ""),
          fr:
            `la boucle a reçu ${show(got)} ; dans l'ordre où elles se terminent, c'est ${
              show(want)
            }` +
            (inInputOrder
              ? ". C'est l'ordre dans lequel les promesses ont été passées : les attendre une à une " +
                "fait patienter une promesse rapide derrière une lente"
              : ""),
        }, { expected: show(want), actual: show(got) });
      }
    },
  },
  {
    id: "yields-at-settle-instant",
    points: 3,
    title: {
      en: "asCompleted yields each value the moment its promise settles",
      fr: "asCompleted rend chaque valeur à l'instant où sa promesse se termine",
    },
    hint: {
      en:
        "do not wait for all the promises before yielding: yield each value as soon as it is there",
      fr: "n'attendez pas toutes les promesses avant de rendre les valeurs : rendez chacune dès " +
        "qu'elle est là",
    },
    async run(ctx) {
      const ms = durations(ctx, 5).sort((a, b) => a - b);
      const inputs = racers(ctx, ms);
      const seen = await consumeOk(
        ctx,
        { en: "five promises", fr: "cinq promesses" },
        () => inputs.map((r) => r.probe()),
      );
      for (const r of inputs) {
        const y = seen.yields.find((y) => y.value === r.value);
        const settled = ctx.sec(r.ms);
        if (y === undefined) {
          return ctx.fail({
            en: `the value ${show(r.value)} (settled at ${settled.en}) never came out of the loop`,
            fr: `la valeur ${
              show(r.value)
            } (terminée à ${settled.fr}) n'est jamais sortie de la boucle`,
          }, { expected: show(r.value), actual: show(seen.yields.map((y) => y.value)) });
        }
        if (!near(y.at, r.ms)) {
          const at = ctx.sec(y.at);
          const allAtEnd = seen.yields.every((z) => near(z.at, y.at));
          ctx.fail({
            en:
              `the value ${
                show(r.value)
              } came out at ${at.en}, but its promise settled at ${settled.en}` +
              (allAtEnd
                ? ": every value came out at the same instant, once all were done — the results " +
                  "were collected first and handed out afterwards"
                : ""),
            fr: `la valeur ${show(r.value)} est sortie à ${at.fr}, alors que sa promesse s'est ` +
              `terminée à ${settled.fr}` +
              (allAtEnd
                ? " : toutes les valeurs sont sorties au même instant, une fois toutes finies — les " +
                  "résultats ont été rassemblés d'abord et rendus ensuite"
                : ""),
          }, { expected: settled, actual: at });
        }
      }
    },
  },
  {
    id: "rejection-at-its-turn",
    points: 2,
    title: {
      en: "a rejection comes out of asCompleted at its turn, after the values before it",
      fr: "un échec sort d'asCompleted à son tour, après les valeurs d'avant",
    },
    hint: {
      en:
        "when a promise rejects, the next `next()` must reject with that same error; do not skip " +
        "it or turn it into a value",
      fr:
        "quand une promesse échoue, le `next()` suivant doit échouer avec cette même erreur ; ne " +
        "la sautez pas et n'en faites pas une valeur",
    },
    async run(ctx) {
      const ms = durations(ctx, 4).sort((a, b) => a - b);
      const error = new Error(`download ${Math.floor(ctx.random() * 900) + 100} failed`);
      const inputs = racers(ctx, ms, { index: 1, error });
      const run = await consume(ctx, () => inputs.map((r) => r.probe()));
      todo(ctx, run.error, "asCompleted()");
      if (run.status !== "ok") {
        const what = run.status === "error" ? describeError(run.error) : run.status;
        ctx.fail({
          en: `looping over asCompleted(…) ended with ${what}`,
          fr: `la boucle sur asCompleted(…) s'est terminée par ${what}`,
        });
      }
      if (run.unhandled.length > 0) {
        const what = describeError(run.unhandled[0]);
        ctx.fail({
          en:
            `a promise inside asCompleted was rejected and nobody handled it (${what}): in Deno ` +
            "that ends the whole program",
          fr:
            `une promesse dans asCompleted a échoué sans que personne ne s'en occupe (${what}) : ` +
            "sous Deno, cela arrête tout le programme",
        });
      }
      const seen = run.value!;
      const got = seen.yields.map((y) => y.value);
      const before = [inputs[0].value];
      const failAt = ctx.sec(ms[1]);
      if (!seen.threw) {
        ctx.fail({
          en: `the promise that rejected at ${failAt.en} with "${error.message}" never made the ` +
            `loop throw: it yielded ${show(got)} and ended normally. The error was swallowed`,
          fr: `la promesse qui a échoué à ${failAt.fr} avec "${error.message}" n'a jamais fait ` +
            `échouer la boucle : elle a reçu ${
              show(got)
            } et s'est terminée normalement. L'erreur ` +
            "a été avalée",
        }, { expected: `${show(before)}, then Error: ${error.message}`, actual: show(got) });
      }
      const same = seen.error === error ||
        (seen.error as Error | undefined)?.message === error.message;
      if (!same) {
        ctx.fail({
          en: `the loop threw ${describeError(seen.error)}; expected the promise's own error, ` +
            `Error: ${error.message}`,
          fr: `la boucle a levé ${describeError(seen.error)} ; attendu l'erreur de la promesse ` +
            `elle-même, Error: ${error.message}`,
        }, { expected: `Error: ${error.message}`, actual: describeError(seen.error) });
      }
      if (show(got) !== show(before)) {
        ctx.fail({
          en:
            `before the error the loop got ${show(got)}; expected ${
              show(before)
            }, the value that ` +
            "settled before the rejection",
          fr:
            `avant l'erreur, la boucle a reçu ${show(got)} ; attendu ${show(before)}, la valeur ` +
            "terminée avant l'échec",
        }, { expected: show(before), actual: show(got) });
      }
    },
  },
  {
    id: "empty-input",
    points: 1,
    title: {
      en: "asCompleted([]) ends at once",
      fr: "asCompleted([]) se termine aussitôt",
    },
    hint: {
      en: "with no promises there is nothing to wait for: the first `next()` says `done`",
      fr: "sans promesse, il n'y a rien à attendre : le premier `next()` répond `done`",
    },
    async run(ctx) {
      const seen = await consumeOk(ctx, { en: "[]", fr: "[]" }, () => []);
      if (seen.yields.length > 0) {
        ctx.fail({
          en: `asCompleted([]) yielded ${show(seen.yields.map((y) => y.value))}; expected nothing`,
          fr: `asCompleted([]) a rendu ${show(seen.yields.map((y) => y.value))} ; attendu rien`,
        });
      }
    },
  },
  {
    id: "any-iterable",
    points: 1,
    title: {
      en: "asCompleted takes any iterable: a generator, a Set",
      fr: "asCompleted accepte tout itérable : un générateur, un Set",
    },
    hint: {
      en:
        "read the input once, e.g. `const inputs = [...promises]`: a generator can be read only once",
      fr:
        "lisez l'entrée une seule fois, par exemple `const inputs = [...promises]` : un générateur " +
        "ne se lit qu'une fois",
    },
    async run(ctx) {
      const kinds = [
        {
          en: "a generator",
          fr: "un générateur",
          make: (rs: Racer[]) =>
            (function* () {
              for (const r of rs) yield r.probe();
            })(),
        },
        { en: "a Set", fr: "un Set", make: (rs: Racer[]) => new Set(rs.map((r) => r.probe())) },
      ];
      for (const kind of kinds) {
        const inputs = racers(ctx, durations(ctx, 3));
        const seen = await consumeOk(
          ctx,
          { en: `${kind.en} of three promises`, fr: `${kind.fr} de trois promesses` },
          () => kind.make(inputs),
        );
        const got = seen.yields.map((y) => String(y.value)).sort();
        const want = inputs.map((r) => r.value).sort();
        if (show(got) !== show(want)) {
          ctx.fail({
            en: `given ${kind.en} of three promises, the loop got ${
              show(seen.yields.map((y) => y.value))
            }; expected each of ${show(want)} once`,
            fr: `avec ${kind.fr} de trois promesses, la boucle a reçu ${
              show(seen.yields.map((y) => y.value))
            } ; attendu chacune de ${show(want)} une fois`,
          }, { expected: show(want), actual: show(got) });
        }
      }
    },
  },
  {
    id: "downloads-start-together",
    points: 2,
    title: {
      en: "downloadAll starts every download at once and takes the longest one",
      fr: "downloadAll lance tous les téléchargements d'un coup et prend le plus long",
    },
    hint: {
      en:
        "call download() for every file first (`files.map(…)`), and only then wait for the results",
      fr: "appelez download() pour chaque fichier d'abord (`files.map(…)`), et seulement ensuite " +
        "attendez les résultats",
    },
    async run(ctx) {
      const { files, probes, run, max } = await runDownloads(ctx);
      for (const file of files) {
        const calls = probes.get(file.name)!.calls;
        if (calls.length !== 1) {
          ctx.fail({
            en: `${file.name} was downloaded ${calls.length} times; expected once`,
            fr: `${file.name} a été téléchargé ${calls.length} fois ; attendu une fois`,
          });
        }
        if (calls[0].start > EPS) {
          const at = ctx.sec(calls[0].start);
          ctx.fail({
            en:
              `${file.name} started downloading at ${at.en}, not at 0.0 s: it waited for another ` +
              "download to finish first",
            fr:
              `${file.name} a commencé à ${at.fr}, pas à 0,0 s : il a attendu la fin d'un autre ` +
              "téléchargement",
          }, { expected: ctx.sec(0), actual: at, tookMs: run.elapsedMs, expectedMs: max });
        }
      }
      if (!near(run.elapsedMs, max)) {
        const took = ctx.sec(run.elapsedMs), want = ctx.sec(max);
        ctx.fail({
          en: `downloadAll took ${took.en} of virtual time; together, the downloads take the ` +
            `longest one, ${want.en}`,
          fr: `downloadAll a pris ${took.fr} de temps virtuel ; ensemble, les téléchargements ` +
            `prennent le plus long, ${want.fr}`,
        }, { expected: want, actual: took, tookMs: run.elapsedMs, expectedMs: max });
      }
    },
  },
  {
    id: "on-done-at-each-completion",
    points: 2,
    title: {
      en: "downloadAll calls onDone the moment each download finishes",
      fr: "downloadAll appelle onDone à l'instant où chaque téléchargement se termine",
    },
    hint: {
      en: "call onDone inside the `for await` loop over asCompleted, not after it: print as you go",
      fr:
        "appelez onDone dans la boucle `for await` sur asCompleted, pas après : affichez au fil de l'eau",
    },
    async run(ctx) {
      const { files, probes, done } = await runDownloads(ctx);
      if (done.length !== files.length) {
        ctx.fail({
          en:
            `onDone was called ${done.length} times for ${files.length} files; expected once per file`,
          fr:
            `onDone a été appelé ${done.length} fois pour ${files.length} fichiers ; attendu une ` +
            "fois par fichier",
        }, { expected: String(files.length), actual: String(done.length) });
      }
      const ends = files.map((f) => probes.get(f.name)!.calls[0]?.end ?? NaN);
      const last = Math.max(...ends);
      for (const [i, file] of files.entries()) {
        const call = done.find((d) => d.name === file.name);
        const finished = ctx.sec(ends[i]);
        if (call === undefined) {
          return ctx.fail({
            en: `onDone was never called for ${file.name} (finished at ${finished.en}); it got ` +
              `${show(done.map((d) => d.name))}: pass it the file the download resolved with`,
            fr:
              `onDone n'a jamais été appelé pour ${file.name} (fini à ${finished.fr}) ; il a reçu ` +
              `${
                show(done.map((d) => d.name))
              } : passez-lui le fichier renvoyé par le téléchargement`,
          });
        }
        if (!near(call.at, ends[i])) {
          const at = ctx.sec(call.at);
          const collected = done.every((d) => near(d.at, last));
          // Reported in the order the downloads were started: awaited one by one.
          const inStartOrder = !collected &&
            show(done.map((d) => d.name)) === show(files.map((f) => f.name));
          ctx.fail({
            en:
              `onDone(${file.name}) was called at ${at.en}, but that download finished at ${finished.en}` +
              (collected
                ? ": every file was reported at the very end. The results were collected first and " +
                  "printed afterwards — report each one inside the loop, as it arrives"
                : inStartOrder
                ? ": the files were reported in the order they were started, not the order they " +
                  "finished — a fast download waited behind a slow one"
                : ""),
            fr:
              `onDone(${file.name}) a été appelé à ${at.fr}, alors que ce téléchargement a fini à ` +
              finished.fr +
              (collected
                ? " : tous les fichiers ont été signalés tout à la fin. Les résultats ont été " +
                  "rassemblés d'abord et affichés ensuite — signalez chacun dans la boucle, dès qu'il " +
                  "arrive"
                : inStartOrder
                ? " : les fichiers ont été signalés dans l'ordre où ils ont été lancés, pas dans " +
                  "celui où ils ont fini — un téléchargement rapide a attendu derrière un lent"
                : ""),
          }, { expected: finished, actual: at });
        }
        const s = call.seconds;
        if (typeof s !== "number" || !near(s, ends[i] / 1000, 0.051)) {
          const inMs = typeof s === "number" && near(s, ends[i], 1);
          ctx.fail({
            en:
              `onDone(${file.name}, seconds) got seconds = ${show(s)}; ${finished.en} had passed` +
              (inMs ? ": that is milliseconds, divide by 1000" : ""),
            fr:
              `onDone(${file.name}, seconds) a reçu seconds = ${
                show(s)
              } ; ${finished.fr} s'étaient ` +
              "écoulées" + (inMs ? " : ce sont des millisecondes, divisez par 1000" : ""),
          }, { expected: finished, actual: show(s) });
        }
      }
    },
  },
  {
    id: "summary",
    points: 1,
    title: {
      en: "downloadAll returns the total seconds and the slowest file",
      fr: "downloadAll renvoie le total en secondes et le fichier le plus lent",
    },
    hint: {
      en: "seconds = (performance.now() - start) / 1000; slowest = the name of the file with the " +
        "largest `seconds`",
      fr:
        "seconds = (performance.now() - start) / 1000 ; slowest = le nom du fichier au plus grand " +
        "`seconds`",
    },
    async run(ctx) {
      const { files, run } = await runDownloads(ctx);
      const summary = run.value as { seconds?: unknown; slowest?: unknown } | undefined;
      const want = ctx.sec(run.elapsedMs, 2);
      const s = summary?.seconds;
      if (typeof s !== "number" || !near(s, run.elapsedMs / 1000, 0.051)) {
        const inMs = typeof s === "number" && near(s, run.elapsedMs, 1);
        ctx.fail({
          en: `downloadAll returned seconds = ${show(s)}, but ${want.en} passed` +
            (inMs ? ": that is milliseconds, divide by 1000" : ""),
          fr: `downloadAll a renvoyé seconds = ${show(s)}, alors que ${want.fr} se sont écoulées` +
            (inMs ? " : ce sont des millisecondes, divisez par 1000" : ""),
        }, { expected: want, actual: show(s) });
      }
      const slowest = files.reduce((a, b) => (b.seconds > a.seconds ? b : a));
      if (summary?.slowest !== slowest.name) {
        ctx.fail({
          en: `downloadAll returned slowest = ${show(summary?.slowest)}; the slowest file is ` +
            `${slowest.name} (${ctx.sec(slowest.seconds * 1000).en})`,
          fr:
            `downloadAll a renvoyé slowest = ${show(summary?.slowest)} ; le fichier le plus lent ` +
            `est ${slowest.name} (${ctx.sec(slowest.seconds * 1000).fr})`,
        }, { expected: slowest.name, actual: show(summary?.slowest) });
      }
    },
  },
  {
    id: "main-finishes",
    points: 1,
    title: {
      en: "main() waits for the downloads and prints",
      fr: "main() attend les téléchargements et affiche",
    },
    hint: {
      en: "main awaits downloadAll(planDownloads(), { onDone }) and prints a line in onDone",
      fr: "main attend downloadAll(planDownloads(), { onDone }) et affiche une ligne dans onDone",
    },
    async run(ctx) {
      const main = ctx.fn<() => Promise<void>>("main");
      const run = await ctx.settle("main()", () => main());
      const took = ctx.sec(run.elapsedMs);
      if (run.pendingTimers > 0) {
        ctx.fail({
          en:
            `main() finished after ${took.en} while ${run.pendingTimers} download(s) were still ` +
            "running: did you forget `await`?",
          fr: `main() s'est terminée après ${took.fr} alors que ${run.pendingTimers} ` +
            "téléchargement(s) tournaient encore : un `await` oublié ?",
        }, {
          expected: { en: "every download finished", fr: "tous les téléchargements finis" },
          actual: took,
        });
      }
      if (run.logs.length === 0) {
        ctx.fail({
          en: "main() printed nothing: print a line as each file finishes, then the summary",
          fr:
            "main() n'a rien affiché : affichez une ligne à la fin de chaque fichier, puis le bilan",
        });
      }
    },
  },
]);
