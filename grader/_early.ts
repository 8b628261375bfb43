/**
 * Sandboxes started before the grader has loaded. `deno task grade` runs
 * `main.ts`, which calls {@linkcode startEarly} before it loads the rest of
 * the grader: while the grading process loads its modules and copies the
 * submission, the sandboxes start Deno and load their own code, then wait
 * for their job on stdin (which is all a sandbox does before its job comes:
 * no learner file exists for it yet). They are otherwise started only once
 * the submission is staged, a few dozen milliseconds later.
 *
 * What only the loaded grader can work out (the bundle, the import map, the
 * shared Deno cache) comes from a note the grader writes into the bundle
 * folder when it starts a course sandbox (`early.json`), with the size and
 * modification time of every source the bundle depends on: if any has
 * changed since, nothing starts early. And a grading process uses an early
 * sandbox only where it would have started the very same command — program,
 * arguments, permissions, folder, environment (see `sameCommand`) — as if it
 * had started it then. Every early sandbox, staging folder and cache the
 * grade does not take is removed when it ends, or when the process does.
 *
 * Only `_spawn.ts` is imported (nothing else has loaded yet); Unix only, as
 * the sandbox's limits are set by a shell.
 *
 * @module
 */
import {
  sameCommand,
  type SandboxCommand,
  sandboxCommand,
  type SandboxPlan,
  type StartedSandbox,
  startSandbox,
} from "./_spawn.ts";

/** The note a grading process leaves for the next one's early start. */
export interface LaunchNote {
  /** The Deno version it was written by. */
  deno: string;
  /** Each source of the bundle: path, size, modification time (see `SourcesRecord`). */
  files: [path: string, size: number, mtime: number][];
  /** Each folder walked to find them: path, modification time. */
  dirs: [path: string, mtime: number][];
  /** What a course sandbox runs with, but for the learner's folder and the cache. */
  plan: Omit<SandboxPlan, "cwd" | "cacheDir" | "cpuSeconds">;
  /** The URLs of every exercise's bundled checks: an early sandbox loads them all. */
  checks: string[];
  /** The warm cache copied into each grading process's sandbox cache. */
  warm: string | null;
  /** The shared Deno cache, and the variables it was found from (`DENO_DIR`, `XDG_CACHE_HOME`, `HOME`). */
  denoDir: string;
  denoDirFrom: (string | null)[];
}

/** The note's file name, in the bundle folder. */
export const NOTE_NAME = "early.json";
const NOTE = new URL(`./.bundle/${NOTE_NAME}`, import.meta.url);

/**
 * The CPU budget of an exercise's first sandbox when `--wall-timeout` is not
 * given, in seconds (the command line's default: a sandbox started early
 * with another budget would not be used).
 */
const CPU_SECONDS = 10;

/** The flags of `deno task grade` that take a value. */
const WITH_VALUE = new Set(["--dir", "--reporter", "--html", "--lang", "--seed", "--fail-under"]);

interface EarlySandbox extends StartedSandbox {
  command: SandboxCommand;
}

/** What started early and is not taken yet. */
const early: {
  sandboxes: EarlySandbox[];
  stage: { root: string; dir: string } | null;
  cache: string | null;
} = { sandboxes: [], stage: null, cache: null };

/** Sandboxes started early and taken by the grade, since the process began (the tests read it). */
export const earlyCounts = { started: 0, taken: 0 };

/** What was started early and is still waiting to be taken: sandboxes, and the folders made for them. */
export function earlyLeft(): { sandboxes: number; folders: string[] } {
  return {
    sandboxes: early.sandboxes.length,
    folders: [early.stage?.root, early.cache].filter((f): f is string => typeof f === "string"),
  };
}

const envOf = (name: string): string | null => Deno.env.get(name) ?? null;

/**
 * How many sandboxes a grade with these arguments starts: as many as
 * `grade()` runs side by side (one per core, two exercises each at least).
 * None when the arguments ask for something else (`--help`) or for another
 * CPU budget.
 */
export function sandboxesFor(args: readonly string[], exercises: number, cores: number): number {
  let named = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h" || arg.startsWith("--wall-timeout")) return 0;
    if (WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith("-")) named++;
  }
  const n = named > 0 ? named : exercises;
  return n < 2 ? n : Math.max(1, Math.min(cores, Math.floor(n / 2)));
}

/** The note, if every source it names is as it was and its files are there; else `null`. */
export function freshNote(text: string): LaunchNote | null {
  const note = JSON.parse(text) as LaunchNote;
  if (note.deno !== Deno.version.deno) return null;
  const mtime = (path: string) => Deno.statSync(path).mtime?.getTime() ?? 0;
  for (const [path, size, time] of note.files) {
    const stat = Deno.statSync(path);
    if (stat.size !== size || (stat.mtime?.getTime() ?? 0) !== time) return null;
  }
  for (const [path, time] of note.dirs) if (mtime(path) !== time) return null;
  const from = [envOf("DENO_DIR"), envOf("XDG_CACHE_HOME"), envOf("HOME")];
  if (JSON.stringify(from) !== JSON.stringify(note.denoDirFrom)) return null;
  for (const path of [note.plan.child, note.plan.importMap, `${note.denoDir}/npm`]) {
    Deno.statSync(path); // throws when gone
  }
  return note;
}

/**
 * Starts the sandboxes a `deno task grade` with `args` will need, if the
 * note is fresh; does nothing otherwise, or on any error (the grade then
 * starts its sandboxes itself).
 */
export function startEarly(args: readonly string[]): void {
  try {
    if (Deno.build.os === "windows") return;
    if (envOf("ASYNC_LAB_BUNDLE") === "0" || envOf("ASYNC_LAB_EARLY") === "0") return;
    const note = freshNote(Deno.readTextFileSync(NOTE));
    if (note === null) return;
    const count = sandboxesFor(args, note.checks.length, navigator.hardwareConcurrency ?? 2);
    if (count === 0) return;
    addEventListener("unload", () => stopEarly());
    // The staging folder, as `_stage.ts` makes it (it copies the submission
    // in later), and the sandboxes' cache, as `sandboxCache()` makes it.
    const root = Deno.makeTempDirSync({ prefix: "async-lab-stage-" });
    early.stage = { root, dir: `${root}/submission` };
    Deno.mkdirSync(early.stage.dir);
    const cache = Deno.makeTempDirSync({ prefix: "async-lab-deno-" });
    early.cache = cache;
    Deno.symlinkSync(`${note.denoDir}/npm`, `${cache}/npm`);
    if (note.warm !== null) {
      try {
        for (const entry of Deno.readDirSync(note.warm)) {
          if (entry.isFile) {
            Deno.copyFileSync(`${note.warm}/${entry.name}`, `${cache}/${entry.name}`);
          }
        }
      } catch { /* a cold cache is slower, never wrong */ }
    }
    const command = sandboxCommand({
      ...note.plan,
      readable: [early.stage.dir, ...note.plan.readable],
      cwd: early.stage.dir,
      cacheDir: cache,
      cpuSeconds: CPU_SECONDS,
    });
    // Each loads every exercise's checks: which it will run is not known yet.
    for (let i = 0; i < count; i++) {
      early.sandboxes.push({ command, ...startSandbox(command, note.checks) });
      earlyCounts.started++;
    }
  } catch {
    stopEarly();
  }
}

/** The staging folder made early, once (`null`: none, or taken). */
export function takeEarlyStage(): { root: string; dir: string } | null {
  const stage = early.stage;
  early.stage = null;
  return stage;
}

/** The sandbox cache made early, once (`null`: none, or taken). */
export function takeEarlyCache(): string | null {
  const cache = early.cache;
  early.cache = null;
  return cache;
}

/**
 * An early sandbox started with `command` that loads every one of `checks`,
 * taken out of the pool; `null` if there is none.
 */
export function adoptEarly(
  command: SandboxCommand,
  checks: readonly string[],
): StartedSandbox | null {
  const i = early.sandboxes.findIndex((s) =>
    sameCommand(s.command, command) && checks.every((c) => s.checks.includes(c))
  );
  if (i < 0) return null;
  const [taken] = early.sandboxes.splice(i, 1);
  earlyCounts.taken++;
  return taken;
}

/**
 * Stops every early sandbox not taken, and removes the staging folder and
 * cache if they were not taken either. Resolves once the sandboxes have exited.
 */
export async function stopEarly(): Promise<void> {
  const left = early.sandboxes.splice(0);
  for (const folder of [takeEarlyStage()?.root, takeEarlyCache()]) {
    if (folder) {
      try {
        Deno.removeSync(folder, { recursive: true });
      } catch { /* already gone */ }
    }
  }
  await Promise.all(left.map(async ({ child, input }) => {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
    await Promise.allSettled([input.close(), child.stdout.cancel(), child.stderr.cancel()]);
    await child.status;
  }));
}

/**
 * Keeps `note` for the next grading process's early start, with `write`
 * (an atomic write): only where an early start can happen, and only when it
 * differs from the note there.
 */
export function noteLaunch(note: LaunchNote, write: (url: URL, text: string) => void): void {
  if (Deno.build.os === "windows") return;
  const text = JSON.stringify(note);
  if (text === lastNoted) return;
  lastNoted = text;
  try {
    if (Deno.readTextFileSync(NOTE) === text) return;
  } catch { /* none yet */ }
  try {
    write(NOTE, text);
  } catch { /* a read-only checkout: nothing starts early */ }
}
let lastNoted = "";
