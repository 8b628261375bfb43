/**
 * Correct code is never failed: `deno task seeds [EXERCISE…] [--seeds N] [--json]`.
 *
 * Grades every correct fixture of each exercise — `fixtures/NN_topic/solution.ts`
 * and `fixtures/NN_topic/styles/*.ts` — over N seeds (default 50: seeds
 * `first`…`first + N - 1`), two sandboxes at a time, each exercise alone
 * through the engine's public `grade()` and a staged folder per style. It
 * prints per exercise the styles, seeds, runs and failures (style, seed,
 * check and message of each), and exits 1 when any run lost a point, 2 on a
 * wrong command line.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG, type Exercise, grade } from "../../mod.ts";
import { selectExercises } from "./_select.ts";
import { referenceSolution, styles } from "./fixtures.ts";

/** One run that did not score full marks. */
export interface SeedFailure {
  /** `solution` or the style's file name without `.ts`. */
  style: string;
  seed: number;
  /** The failing check's id, or `(exercise)` for an exercise-level error. */
  check: string;
  message: string;
}

/** The figures of one exercise. */
export interface SeedFigures {
  id: string;
  /** The styles graded, `solution` first. */
  styles: string[];
  seeds: number;
  runs: number;
  failures: SeedFailure[];
}

/** Options of {@linkcode seedExercise}. */
export interface SeedOptions {
  /** How many seeds (default 50). */
  seeds?: number;
  /** The first seed (default 1). */
  first?: number;
  /** Sandboxes at once (default 2). */
  concurrency?: number;
  /** Real seconds a run may take (default 10, as `deno task grade`). */
  wallTimeoutSeconds?: number;
  /** The correct sources, style name → path (default: the exercise's fixtures). */
  files?: ReadonlyMap<string, string>;
  /** Told after each run. */
  onProgress?: (done: number, total: number) => void;
}

/** The correct fixtures of an exercise: `solution`, then its styles by name. */
export function correctFixtures(id: string): Map<string, string> {
  return new Map([["solution", referenceSolution(id)], ...styles(id)]);
}

/** Runs with at most `limit` tasks at once, keeping the order of results. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** Grades every correct fixture of one exercise over the seeds. */
export async function seedExercise(
  exercise: Exercise,
  options: SeedOptions = {},
): Promise<SeedFigures> {
  const { seeds = 50, first = 1, concurrency = 2, wallTimeoutSeconds = 10 } = options;
  const files = options.files ?? correctFixtures(exercise.id);
  const tmp = Deno.makeTempDirSync({ prefix: `async-lab-seeds-${exercise.id}-` });
  try {
    const dirs = new Map<string, string>();
    let n = 0;
    for (const [style, path] of files) {
      const dir = join(tmp, String(n++));
      mkdirSync(dir);
      writeFileSync(join(dir, exercise.file), readFileSync(path, "utf8"));
      dirs.set(style, dir);
    }
    const runs = [...dirs].flatMap(([style, dir]) =>
      Array.from({ length: seeds }, (_, i) => ({ style, dir, seed: first + i }))
    );
    let done = 0;
    const found = await pool(runs, concurrency, async ({ style, dir, seed }) => {
      const report = await grade({
        dir,
        only: [exercise.id],
        catalog: CATALOG,
        lang: "en",
        seed,
        wallTimeoutSeconds,
        concurrency: 1,
      });
      options.onProgress?.(++done, runs.length);
      const ex = report.exercises[0];
      const out: SeedFailure[] = [];
      if (ex.error) {
        out.push({
          style,
          seed,
          check: "(exercise)",
          message: oneLine(`${ex.error.kind}: ${ex.error.message}`),
        });
      }
      for (const c of ex.checks) {
        if (c.status !== "pass") {
          out.push({ style, seed, check: c.id, message: oneLine(c.message ?? c.status) });
        }
      }
      if (out.length === 0 && ex.score !== ex.maxScore) {
        out.push({ style, seed, check: "(score)", message: `${ex.score}/${ex.maxScore}` });
      }
      return out;
    });
    return {
      id: exercise.id,
      styles: [...dirs.keys()],
      seeds,
      runs: runs.length,
      failures: found.flat(),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The human report. */
export function pretty(figures: readonly SeedFigures[], wallMs: number): string {
  const lines: string[] = [];
  for (const f of figures) {
    lines.push(
      `${f.id}: ${f.styles.length} styles × ${f.seeds} seeds = ${f.runs} runs, ` +
        `${f.failures.length} failures  (${f.styles.join(", ")})`,
    );
    for (const x of f.failures) {
      const msg = x.message.length > 110 ? `${x.message.slice(0, 109)}…` : x.message;
      lines.push(`  ✗ ${x.style} seed ${x.seed} ${x.check}: ${msg}`);
    }
  }
  lines.push(`${(wallMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}

const USAGE = `Usage: deno task seeds [EXERCISE…] [--seeds N] [--first S] [--json]
       [--concurrency N] [--wall-timeout S]

Grades every correct fixture (solution.ts and styles/*.ts) of each exercise
over N seeds and lists every run that lost a point; exits 1 if any did.
EXERCISE may be 3, 03, 03_timeouts or timeouts (default: all).
  --seeds N         how many seeds (default 50)
  --first S         the first seed (default 1)
  --json            print one document {"exercises": [...]}
  --concurrency N   sandboxes at once (default 2)
  --wall-timeout S  real seconds a run may take (default 10)`;

/** The command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        json: { type: "boolean" },
        seeds: { type: "string" },
        first: { type: "string" },
        concurrency: { type: "string" },
        "wall-timeout": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const number = (name: string, fallback: number, min: number, int: boolean) => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    const ok = typeof raw === "string" && raw.trim() !== "" && Number.isFinite(n) && n >= min &&
      (!int || Number.isInteger(n));
    return ok ? n : null;
  };
  const opts = {
    seeds: number("seeds", 50, 1, true),
    first: number("first", 1, 0, true),
    concurrency: number("concurrency", 2, 1, true),
    "wall-timeout": number("wall-timeout", 10, 0.1, false),
  };
  for (const [name, v] of Object.entries(opts)) {
    if (v === null) {
      console.error(`error: --${name} got "${values[name]}"\n\n${USAGE}`);
      return 2;
    }
  }
  const exercises = selectExercises(positionals, USAGE);
  if (exercises === null) return 2;
  const started = performance.now();
  const tty = Deno.stderr.isTerminal();
  const figures: SeedFigures[] = [];
  for (const exercise of exercises) {
    figures.push(
      await seedExercise(exercise, {
        seeds: opts.seeds!,
        first: opts.first!,
        concurrency: opts.concurrency!,
        wallTimeoutSeconds: opts["wall-timeout"]!,
        onProgress: tty
          ? (done, total) =>
            Deno.stderr.writeSync(new TextEncoder().encode(`\r${exercise.id} ${done}/${total} `))
          : undefined,
      }),
    );
    if (tty) Deno.stderr.writeSync(new TextEncoder().encode("\r\x1b[K"));
  }
  const wallMs = Math.round(performance.now() - started);
  if (values.json) {
    console.log(JSON.stringify({ exercises: figures, durationMs: wallMs }, null, 2));
  } else {
    console.log(pretty(figures, wallMs));
  }
  return figures.some((f) => f.failures.length > 0) ? 1 : 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
