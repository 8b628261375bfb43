/**
 * `deno task bench`: measures, in one run on the reference solutions, how
 * fast and how steady the grader is, and prints each figure as a JSON line:
 *
 * - `machine`: cores, CPU, Deno version;
 * - `grade`: warm `deno task grade` wall time (median of several) and its
 *   ratio to a bare `deno run` of an empty file timed alternately with it;
 * - `sandbox`: one sandbox process grading one exercise, then all of them:
 *   what a process costs, and what each further exercise adds;
 * - `floor`: `deno task` of an empty file, and `deno task` of a process
 *   that starts one process with the sandbox's V8 flags and Deno's Node
 *   layer, doing nothing else: the process starts every grade makes, as a
 *   ratio to a bare `deno run`;
 * - `virtual`: virtual seconds the checks simulated, and their ratio to the
 *   grade's wall seconds;
 * - `real-time`: the reference programs run in real time (what a real-time
 *   grader must wait), and the ratio to the grade's wall time;
 * - `batch`: `deno task grade-batch` throughput on 20 submissions, and its
 *   wall time per submission as a ratio to a bare `deno run` timed in between;
 * - `memory`: peak resident memory of a grade and of the batch (Linux);
 * - `determinism`: the same seed gives the same JSON N times in a row, quiet
 *   and with every core busy.
 *
 * `deno task bench [--runs N] [--determinism N] [--quick]`
 *
 * Real time only: this module never touches the virtual clock.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import { CATALOG } from "../course.ts";
import { grade } from "../grade.ts";
import { runSharedSandbox } from "../sandbox.ts";
import { SANDBOX_V8_FLAGS } from "../_spawn.ts";
import { toJson } from "../report/mod.ts";
import { burnCpu } from "./cpu_load.ts";
import { referenceSolution, stageSolutions } from "./fixtures.ts";

const ROOT = fromFileUrl(new URL("../../", import.meta.url));
const DENO = Deno.execPath();
/** Targets from DESIGN.md. */
export const TARGETS = {
  gradeWallS: 0.5,
  /** A warm `deno task grade` of the five, as a multiple of a bare `deno run` (issue 16; moonshot 2). */
  gradeRatio: 5,
  /** `grade-batch` wall time per submission, as a multiple of a bare `deno run` (issue 16; moonshot 1.5). */
  batchRatio: 3,
  realTimeRatio: 40,
  batchPerS: 5,
  determinismRuns: 100,
} as const;

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

function emit(line: Record<string, unknown>): void {
  Deno.stdout.writeSync(new TextEncoder().encode(JSON.stringify(line) + "\n"));
}

interface Timed {
  wallS: number;
  /** CPU seconds (user + system) of the whole process tree; `null` off Linux. */
  cpuS: number | null;
  code: number;
  stdout: string;
}

/** CPU seconds used so far by this process's finished, waited-for children (Linux). */
function childrenCpuS(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat (cutime, cstime), in clock ticks of 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

/** The load average over the last minute (Linux), to judge how quiet the machine was. */
function loadAverage(): number | null {
  try {
    return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
  } catch {
    return null;
  }
}

/** Runs a command to the end; returns its wall time in seconds. */
async function timed(args: string[], options: { cwd?: string; sample?: MemorySampler } = {}) {
  const started = performance.now();
  const cpuBefore = childrenCpuS();
  const child = new Deno.Command(args[0], {
    args: args.slice(1),
    cwd: options.cwd ?? ROOT,
    stdin: "null",
    stdout: "piped",
    stderr: "null",
    env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
  }).spawn();
  options.sample?.start(child.pid);
  const out = await child.output();
  options.sample?.stop();
  const cpuAfter = childrenCpuS();
  return {
    wallS: (performance.now() - started) / 1000,
    cpuS: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
  } satisfies Timed;
}

/** Peak resident memory of a process tree, sampled from /proc (Linux only). */
export class MemorySampler {
  #timer: ReturnType<typeof setInterval> | undefined;
  /** Largest sum of VmRSS over the tree at one sample, in KiB. */
  peakTreeKb = 0;
  /** Largest VmHWM (own peak) of any one process seen, in KiB. */
  peakProcessKb = 0;
  /** Samples taken. */
  samples = 0;
  readonly available = existsSync("/proc/self/status");

  /** Samples every `everyMs`. */
  constructor(readonly everyMs = 10) {}

  /** Starts sampling the tree under `pid`. */
  start(pid: number): void {
    if (!this.available) return;
    this.#timer = setInterval(() => this.#sample(pid), this.everyMs);
    this.#sample(pid);
  }

  /** Stops sampling. */
  stop(): void {
    clearInterval(this.#timer);
  }

  #sample(root: number): void {
    const children = new Map<number, number[]>();
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        const list = children.get(ppid) ?? [];
        list.push(Number(name));
        children.set(ppid, list);
      } catch { /* gone meanwhile */ }
    }
    let total = 0;
    const todo = [root];
    while (todo.length > 0) {
      const pid = todo.pop()!;
      todo.push(...(children.get(pid) ?? []));
      try {
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        total += rss;
        this.peakProcessKb = Math.max(this.peakProcessKb, hwm);
      } catch { /* gone meanwhile */ }
    }
    this.samples++;
    this.peakTreeKb = Math.max(this.peakTreeKb, total);
  }
}

/** The exercises that can be graded now: checks and reference solution both exist. */
function readyExercises() {
  return CATALOG.filter((e) =>
    existsSync(fromFileUrl(e.checks)) && existsSync(referenceSolution(e.id))
  );
}

function cpuModel(): string | null {
  try {
    return /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Runs the bench; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: "string", default: "9" },
      determinism: { type: "string", default: String(TARGETS.determinismRuns) },
      quick: { type: "boolean", default: false },
    },
  });
  const runs = values.quick ? 3 : Math.max(1, Number(values.runs));
  const determinismRuns = values.quick ? 10 : Math.max(1, Number(values.determinism));
  const ready = readyExercises();
  const ids = ready.map((e) => e.id);
  // The reference solutions as a submission folder (fixtures/NN_topic/solution.ts).
  using staged = stageSolutions(ids);
  const SOLUTIONS = staged.dir;
  const cores = navigator.hardwareConcurrency ?? 2;
  emit({
    metric: "machine",
    cores,
    cpu: cpuModel(),
    os: Deno.build.os,
    deno: Deno.version.deno,
    exercises: ids,
    catalog: CATALOG.length,
  });

  // 1. Warm `deno task grade` against a bare `deno run` of an empty file.
  const empty = await Deno.makeTempFile({ suffix: ".ts" });
  const gradeArgs = [
    DENO,
    "task",
    "--quiet",
    "grade",
    ...ids,
    "--dir",
    SOLUTIONS,
    "--reporter",
    "json",
  ];
  const emptyArgs = [DENO, "run", "--quiet", empty];
  await timed(gradeArgs); // warm the caches
  await timed(emptyArgs);
  const gradeTimes: number[] = [];
  const gradeCpus: number[] = [];
  const emptyTimes: number[] = [];
  const emptyCpus: number[] = [];
  const gradeLoad = loadAverage();
  const jsons = new Set<string>();
  let fullMarks = true;
  for (let i = 0; i < runs; i++) {
    const g = await timed(gradeArgs);
    gradeTimes.push(g.wallS);
    if (g.cpuS !== null) gradeCpus.push(g.cpuS);
    const e = await timed(emptyArgs);
    emptyTimes.push(e.wallS);
    if (e.cpuS !== null) emptyCpus.push(e.cpuS);
    try {
      const report = JSON.parse(g.stdout);
      fullMarks &&= g.code === 0 && report.score === report.maxScore;
      jsons.add(JSON.stringify({ ...report, durationMs: 0 }));
    } catch {
      fullMarks = false;
    }
  }
  const gradeS = median(gradeTimes);
  const emptyS = median(emptyTimes);
  emit({
    metric: "grade",
    command: `deno task grade ${ids.join(" ")} --dir <the reference solutions> --reporter json`,
    runs,
    medianS: round(gradeS),
    minS: round(Math.min(...gradeTimes)),
    maxS: round(Math.max(...gradeTimes)),
    emptyDenoRunMedianS: round(emptyS),
    ratioToEmptyRun: round(gradeS / emptyS, 1),
    targetRatio: `<= ${TARGETS.gradeRatio}x (moonshot 2x)`,
    metRatio: gradeS / emptyS <= TARGETS.gradeRatio,
    cpuMedianS: gradeCpus.length > 0 ? round(median(gradeCpus)) : null,
    emptyDenoRunCpuMedianS: emptyCpus.length > 0 ? round(median(emptyCpus)) : null,
    loadAverageBefore: gradeLoad,
    loadAverageAfter: loadAverage(),
    fullMarks,
    sameJsonEveryRun: jsons.size === 1,
    target: `<= ${TARGETS.gradeWallS} s`,
    met: gradeS <= TARGETS.gradeWallS,
  });

  // 1b. Where a sandbox's time goes: one shared sandbox process grading one
  // exercise, then all of them, timed alternately with a bare run; the
  // difference is what each further exercise adds to a process.
  {
    const list = ready.map((e) => ({ file: join(SOLUTIONS, e.file), checks: e.checks }));
    const options = { lang: "en" as const, seed: 444, cpuMs: 10_000, backstopMs: 30_000 };
    const wall = async (exercises: typeof list) => {
      const started = performance.now();
      const outcomes = await runSharedSandbox(exercises, options);
      if (outcomes.some((o) => o === null)) throw new Error("a shared sandbox stopped early");
      return performance.now() - started;
    };
    await wall(list);
    const one: number[] = [];
    const all: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      one.push(await wall(list.slice(0, 1)));
      all.push(await wall(list));
      bare.push((await timed(emptyArgs)).wallS * 1000);
    }
    const oneMs = median(one);
    const allMs = median(all);
    const perExerciseMs = list.length > 1 ? (allMs - oneMs) / (list.length - 1) : 0;
    emit({
      metric: "sandbox",
      runs,
      oneExerciseMs: Math.round(oneMs),
      allExercisesMs: Math.round(allMs),
      exercises: list.length,
      perFurtherExerciseMs: Math.round(perExerciseMs),
      processMs: Math.round(oneMs - perExerciseMs),
      emptyDenoRunMs: Math.round(median(bare)),
      processToEmptyRun: round((oneMs - perExerciseMs) / median(bare), 1),
    });
  }

  // 1c. The floor of this design: the process starts every grade makes
  // before any work, timed alternately with a bare run. `deno task` running
  // an empty file; then `deno task` running a process that starts one
  // process with the sandbox's V8 flags which loads Deno's Node layer
  // (`node:process`, which the fake timers and the exit traps need) and
  // exits: a grading process and one sandbox, doing nothing.
  {
    const dir = await Deno.makeTempDir({ prefix: "async-lab-bench-floor-" });
    try {
      Deno.writeTextFileSync(join(dir, "empty.js"), "");
      Deno.writeTextFileSync(
        join(dir, "node.js"),
        'import process from "node:process";\nprocess.pid;\n',
      );
      Deno.writeTextFileSync(
        join(dir, "parent.js"),
        `await new Deno.Command(Deno.execPath(), { args: ${
          JSON.stringify([
            "run",
            "--quiet",
            `--v8-flags=${SANDBOX_V8_FLAGS}`,
            "--allow-read=.",
            "node.js",
          ])
        } }).output();\n`,
      );
      Deno.writeTextFileSync(
        join(dir, "deno.json"),
        JSON.stringify({
          tasks: {
            empty: "deno run --quiet empty.js",
            starts: "deno run --quiet --allow-run --allow-read parent.js",
          },
        }),
      );
      const task = (
        name: string,
      ) => [DENO, "task", "--quiet", "--config", join(dir, "deno.json"), name];
      const commands = { bare: emptyArgs, task: task("empty"), starts: task("starts") };
      const times: Record<keyof typeof commands, number[]> = { bare: [], task: [], starts: [] };
      for (let i = 0; i <= runs; i++) {
        for (const [name, args] of Object.entries(commands)) {
          const { wallS } = await timed(args, { cwd: dir });
          if (i > 0) times[name as keyof typeof commands].push(wallS * 1000); // the first warms
        }
      }
      const bare = median(times.bare);
      emit({
        metric: "floor",
        runs,
        emptyDenoRunMs: Math.round(bare),
        taskOfEmptyRunMs: Math.round(median(times.task)),
        taskGraderAndSandboxStartMs: Math.round(median(times.starts)),
        ratioTaskToEmptyRun: round(median(times.task) / bare, 2),
        ratioStartsToEmptyRun: round(median(times.starts) / bare, 2),
        gradeRatioLeftForWork: round(TARGETS.gradeRatio - median(times.starts) / bare, 2),
      });
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }

  // 2. Virtual seconds the checks simulated.
  const virtual = JSON.parse(
    (await timed([
      DENO,
      "run",
      "--quiet",
      "--allow-read",
      join(ROOT, "grader/tools/bench_virtual.ts"),
      SOLUTIONS,
      ...ids,
    ])).stdout,
  );
  const virtualS = virtual.virtualMs / 1000;
  emit({
    metric: "virtual",
    virtualS: round(virtualS, 1),
    perExerciseS: Object.fromEntries(
      Object.entries(virtual.perExercise as Record<string, { virtualMs: number }>)
        .map(([id, e]) => [id, round(e.virtualMs / 1000, 1)]),
    ),
    gradeMedianS: round(gradeS),
    ratioVirtualToWall: round(virtualS / gradeS, 1),
  });

  // 3. The reference programs in real time, side by side and one by one.
  const programs = ready.map((e) => join(SOLUTIONS, e.file));
  const started = performance.now();
  const each = await Promise.all(
    programs.map((file) => timed([DENO, "run", "--quiet", "--no-prompt", file])),
  );
  const parallelS = (performance.now() - started) / 1000;
  const sumS = each.reduce((s, t) => s + t.wallS, 0);
  emit({
    metric: "real-time",
    programs: Object.fromEntries(ready.map((e, i) => [e.id, round(each[i].wallS, 2)])),
    // 05_check_services exits 1 by design: one of its services is offline.
    exitCodes: Object.fromEntries(ready.map((e, i) => [e.id, each[i].code])),
    oneAfterAnotherS: round(sumS, 2),
    sideBySideS: round(parallelS, 2),
    ratioOneAfterAnother: round(sumS / gradeS, 1),
    ratioSideBySide: round(parallelS / gradeS, 1),
    checksInRealTimeS: round(virtualS, 1),
    ratioChecksInRealTime: round(virtualS / gradeS, 1),
    target: `>= ${TARGETS.realTimeRatio}x`,
    met: Math.min(sumS, virtualS) / gradeS >= TARGETS.realTimeRatio,
  });

  // 4. Batch throughput on 20 submissions, and the peak memory of a grade.
  const classDir = await Deno.makeTempDir({ prefix: "async-lab-bench-class-" });
  try {
    for (let i = 1; i <= 20; i++) {
      const dir = join(classDir, `student-${String(i).padStart(2, "0")}`);
      mkdirSync(dir);
      for (const e of ready) cpSync(join(SOLUTIONS, e.file), join(dir, e.file));
    }
    const csv = join(classDir, "grades.csv");
    const batchArgs = [DENO, "task", "--quiet", "grade-batch", classDir, "--out", csv];
    const loadBefore = loadAverage();
    const batches: Timed[] = [];
    // Bare runs timed between the batches, so that the ratio compares like with like.
    const bareTimes: number[] = [(await timed(emptyArgs)).wallS];
    for (let i = 0; i < 3; i++) {
      batches.push(await timed(batchArgs));
      bareTimes.push((await timed(emptyArgs)).wallS);
    }
    const bareS = median(bareTimes);
    const rows = readFileSync(csv, "utf8").trim().split("\r\n").slice(1);
    // The name, a score per exercise of the catalog and the total, then the
    // status (before same_as, whose quoted names may hold commas).
    const fullMarksRow = new RegExp(`^[^,]*(?:,\\d+){${CATALOG.length + 1}},pass(?:,|$)`);
    const batchMemory = new MemorySampler(50);
    await timed(batchArgs, { sample: batchMemory });
    const walls = batches.map((b) => b.wallS);
    const batchS = Math.min(...walls);
    const cpus = batches.flatMap((b) => (b.cpuS === null ? [] : [b.cpuS]));
    const cpuS = cpus.length > 0 ? median(cpus) : null;
    emit({
      metric: "batch",
      submissions: 20,
      exercisesEach: ids.length,
      exercisesGraded: 20 * ids.length,
      concurrency: cores,
      runs: walls.length,
      wallS: walls.map((w) => round(w, 2)),
      perS: round(20 / batchS, 1),
      medianPerS: round(20 / median(walls), 1),
      cpuS: cpuS === null ? null : round(cpuS, 2),
      // Every process's CPU (the batch's own and its sandboxes'), per submission and per exercise.
      cpuPerSubmissionMs: cpuS === null ? null : Math.round((cpuS * 1000) / 20),
      cpuPerExerciseMs: cpuS === null ? null : Math.round((cpuS * 1000) / (20 * ids.length)),
      perSIfCoresIdle: cpuS === null ? null : round((20 * cores) / cpuS, 1),
      perSubmissionMedianS: round(median(walls) / 20),
      emptyDenoRunMedianS: round(bareS),
      ratioPerSubmissionToEmptyRun: round(median(walls) / 20 / bareS, 2),
      targetRatio: `<= ${TARGETS.batchRatio}x (moonshot 1.5x)`,
      metRatio: median(walls) / 20 / bareS <= TARGETS.batchRatio,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAverage(),
      allFullMarks: rows.length === 20 && rows.every((r) => fullMarksRow.test(r)),
      target: `>= ${TARGETS.batchPerS}/s`,
      met: 20 / batchS >= TARGETS.batchPerS,
    });
    const gradeMemory = new MemorySampler(5);
    await timed(gradeArgs, { sample: gradeMemory });
    emit({
      metric: "memory",
      available: gradeMemory.available,
      gradePeakTreeMiB: round(gradeMemory.peakTreeKb / 1024, 1),
      gradePeakProcessMiB: round(gradeMemory.peakProcessKb / 1024, 1),
      batchPeakTreeMiB: round(batchMemory.peakTreeKb / 1024, 1),
      batchPeakProcessMiB: round(batchMemory.peakProcessKb / 1024, 1),
      sampledEveryMs: { grade: gradeMemory.everyMs, batch: batchMemory.everyMs },
    });
  } finally {
    await Deno.remove(classDir, { recursive: true });
    await Deno.remove(empty);
  }

  // 5. Determinism: the same seed, the same JSON, quiet and under load.
  const once = async () => {
    const report = await grade({ dir: SOLUTIONS, catalog: ready });
    return toJson({ ...report, durationMs: 0 });
  };
  const reference = await once();
  const differing = { quiet: 0, loaded: 0 };
  for (let i = 0; i < determinismRuns; i++) if (await once() !== reference) differing.quiet++;
  const load = burnCpu(cores);
  const loadedStart = performance.now();
  try {
    for (let i = 0; i < determinismRuns; i++) if (await once() !== reference) differing.loaded++;
  } finally {
    await load.stop();
  }
  emit({
    metric: "determinism",
    runsQuiet: determinismRuns,
    runsWithEveryCoreBusy: determinismRuns,
    burners: cores,
    loadedMeanS: round((performance.now() - loadedStart) / 1000 / determinismRuns),
    differing,
    identical: differing.quiet === 0 && differing.loaded === 0,
    target: `${TARGETS.determinismRuns} identical in a row, quiet and loaded`,
    met: differing.quiet === 0 && differing.loaded === 0 &&
      determinismRuns >= TARGETS.determinismRuns,
  });
  return 0;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
