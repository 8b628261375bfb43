/**
 * The sandbox's command line: one function builds it from a plan (what it
 * may read, where it runs, its cache, its CPU budget), for the sandboxes
 * `sandbox.ts` starts and for those `_early.ts` starts before the grader has
 * loaded. An early sandbox is only ever used where the very same command
 * (program, arguments, folder, environment) would have been run.
 *
 * Imports nothing but types: `_early.ts` runs it before any other module loads.
 *
 * @module
 */

import type { Job, Preload } from "./_protocol.ts";

/** Heap cap of a sandbox, in MiB. */
export const HEAP_MB = 256;
/** Resident memory of a sandbox, in MiB, past which it is killed (ArrayBuffers live outside the heap cap). */
export const RSS_MB = 1024;

/**
 * The sandbox's V8 flags: the heap cap, and what suits a process that lives
 * a few dozen milliseconds (each measured with `deno task bench` against a
 * copy of the grader without it):
 * - `--no-lazy`: every function is compiled as its module loads, and so lands
 *   in the warm cache's compiled code (see `warmCache` in `sandbox.ts`);
 *   compiling each check when first called cost about a sixth of a sandbox.
 * - `--single-threaded`, `--no-opt`, `--no-maglev`: no background threads
 *   and no optimizing compilers. A sandbox ends before optimized code pays
 *   back its compilation, and the threads that compile it and collect
 *   garbage beside the main one took a fifth of its CPU time: side by side,
 *   two sandboxes were slowing each other down. A grade takes about an eighth
 *   less time and CPU. (Code that computes for seconds runs slower: no
 *   exercise asks for it, and the CPU budget stops it all the same.)
 *
 * The warm cache is made with the same flags: V8 refuses compiled code made
 * under others.
 */
export const SANDBOX_V8_FLAGS: string = [
  `--max-old-space-size=${HEAP_MB}`,
  "--no-lazy",
  "--single-threaded",
  "--no-opt",
  "--no-maglev",
].join(",");

/** What of the grader's environment a sandbox keeps: what Deno needs to find its cache and run. */
const KEPT_ENV = [
  "HOME",
  "XDG_CACHE_HOME",
  "DENO_DIR",
  "PATH",
  "TMPDIR",
  "SystemRoot",
  "USERPROFILE",
];

/**
 * The sandbox's environment: a few variables Deno itself needs, `NO_COLOR`,
 * and nothing else. Learner code may read `NO_COLOR` and `FORCE_COLOR`
 * without permission; `FORCE_COLOR` is left out rather than emptied (set,
 * even empty, it beats `NO_COLOR` in Deno, and `node:util`'s `styleText`
 * then asks for `NODE_DISABLE_COLORS`, which the sandbox may not read).
 */
export function sandboxEnv(cacheDir: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of KEPT_ENV) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  env.NO_COLOR = "1";
  env.DENO_NO_UPDATE_CHECK = "1";
  if (cacheDir !== undefined) env.DENO_DIR = cacheDir;
  return env;
}

/**
 * How many shared sandboxes a grade runs side by side for `exercises` that
 * may share one, on `cores` cores: one per core at most, two exercises each
 * at least; none for fewer than two (each runs in a sandbox of its own).
 * `grade()` groups them so, and `_early.ts` starts as many early.
 */
export function sharedSandboxes(exercises: number, cores: number): number {
  return exercises < 2 ? 0 : Math.max(1, Math.min(cores, Math.floor(exercises / 2)));
}

/** What a sandbox process is started with. */
export interface SandboxPlan {
  /** The child's entry file (bundled or source). */
  child: string;
  /** The project's `deno.json`. */
  config: string;
  /** The grader's lockfile. */
  lock: string;
  /** The sandbox's import map file. */
  importMap: string;
  /** `--allow-read`, as given (a learner folder holding a comma is given as `.`). */
  readable: readonly string[];
  /** The folder it runs in: the learner's. */
  cwd: string;
  /** Its `DENO_DIR`, if not the grader's. */
  cacheDir: string | undefined;
  /** Seconds of CPU time before SIGXCPU (`ulimit -t`), or `null` where the OS charges none. */
  cpuSeconds: number | null;
}

/** A sandbox's command: program, arguments, folder and environment. */
export interface SandboxCommand {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/** The command that runs a sandbox as `plan` says. */
export function sandboxCommand(plan: SandboxPlan): SandboxCommand {
  const denoArgs = [
    "run",
    "--quiet",
    "--no-prompt",
    // Learner code may import only what is already here: no download from
    // the network or npm, and no change to the project's deno.lock (--frozen
    // still reads it, so the grader's own npm packages resolve from the cache).
    "--no-remote",
    "--cached-only",
    "--frozen",
    `--config=${plan.config}`,
    `--lock=${plan.lock}`,
    `--import-map=${plan.importMap}`,
    `--v8-flags=${SANDBOX_V8_FLAGS}`,
    `--allow-read=${plan.readable.join(",")}`,
    plan.child,
  ];
  // On Unix, a data-segment limit makes a huge ArrayBuffer fail with a
  // RangeError inside the sandbox (the heap cap does not cover them), and a
  // CPU-time limit stops a loop after the CPU it used, however busy the
  // machine: SIGXCPU at the soft limit, SIGKILL a second later.
  const unix = Deno.build.os !== "windows";
  const cpuLimit = plan.cpuSeconds === null
    ? ""
    : ` ulimit -t ${plan.cpuSeconds + 1} 2>/dev/null; ulimit -St ${plan.cpuSeconds} 2>/dev/null;`;
  return {
    program: unix ? "/bin/sh" : Deno.execPath(),
    args: unix
      ? [
        "-c",
        `ulimit -d ${RSS_MB * 1024} 2>/dev/null;${cpuLimit} exec "$0" "$@"`,
        Deno.execPath(),
        ...denoArgs,
      ]
      : denoArgs,
    // Run in the learner's folder: `/proc/self/cwd` or a relative path leads
    // nowhere else (the grader's own working folder is the teacher's checkout).
    cwd: plan.cwd,
    env: sandboxEnv(plan.cacheDir),
  };
}

/**
 * A fresh staging folder: `root`, a temporary folder, holding `dir`, the
 * empty folder a submission is copied into (`_stage.ts`) and its sandboxes
 * run in. Made here, for the sandboxes started early too (`_early.ts`).
 */
export function newStageFolder(): { root: string; dir: string } {
  const root = Deno.makeTempDirSync({ prefix: "async-lab-stage-" });
  const dir = `${root}/submission`;
  try {
    Deno.mkdirSync(dir);
  } catch (error) {
    Deno.removeSync(root, { recursive: true });
    throw error;
  }
  return { root, dir };
}

/**
 * A fresh sandbox cache (`DENO_DIR`): a temporary folder with a link to the
 * shared cache's npm packages (the grader's own, read with `--cached-only`)
 * and a copy of the files of `warm`, the bundle's warm cache, if any (a
 * copy that fails leaves it cold: slower, never wrong). The caller removes it.
 */
export function newSandboxCache(shared: string, warm: string | null): string {
  const folder = Deno.makeTempDirSync({ prefix: "async-lab-deno-" });
  try {
    Deno.symlinkSync(`${shared}/npm`, `${folder}/npm`);
  } catch (error) {
    Deno.removeSync(folder, { recursive: true });
    throw error;
  }
  if (warm !== null) {
    try {
      for (const entry of Deno.readDirSync(warm)) {
        if (entry.isFile) Deno.copyFileSync(`${warm}/${entry.name}`, `${folder}/${entry.name}`);
      }
    } catch { /* cold */ }
  }
  return folder;
}

/** A sandbox started, with its checks asked for, waiting for its job (see `_protocol.ts`). */
export interface StartedSandbox {
  child: Deno.ChildProcess;
  /** The URLs of the checks modules it loads. */
  checks: readonly string[];
  /** Its stdin. */
  input: WritableStreamDefaultWriter<Uint8Array>;
}

const line = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value)}\n`);

/**
 * Starts a sandbox (its standard streams piped to the grader, nothing else
 * of the grader's environment) and asks it to load `checks`: it loads them
 * and hardens its realm while the grader gets its job ready.
 */
export function startSandbox(command: SandboxCommand, checks: readonly string[]): StartedSandbox {
  const child = new Deno.Command(command.program, {
    args: command.args,
    cwd: command.cwd,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: command.env,
    clearEnv: true,
  }).spawn();
  const input = child.stdin.getWriter();
  const preload: Preload = { checks: [...checks] };
  // A sandbox that died at once fails on its job's write, which is awaited.
  input.write(line(preload)).catch(() => {});
  return { child, checks, input };
}

/** Sends a started sandbox its job, and closes its input (rejects if the sandbox has exited). */
export async function sendJob(sandbox: StartedSandbox, job: Job): Promise<void> {
  await sandbox.input.write(line(job));
  await sandbox.input.close().catch(() => {});
}

/** Stops a started sandbox that will get no job, and lets go of its streams. */
export async function discardSandbox({ child, input }: StartedSandbox): Promise<void> {
  try {
    child.kill("SIGKILL");
  } catch { /* already gone */ }
  await Promise.allSettled([input.close(), child.stdout.cancel(), child.stderr.cancel()]);
  await child.status;
}

/** Whether two commands are the same: program, arguments, folder and environment. */
export function sameCommand(a: SandboxCommand, b: SandboxCommand): boolean {
  const text = (c: SandboxCommand) =>
    JSON.stringify([c.program, c.args, c.cwd, Object.entries(c.env).sort()]);
  return text(a) === text(b);
}
