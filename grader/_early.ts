/**
 * Shared sandboxes started before the grader has loaded. `deno task grade`
 * runs `main.ts`, which calls {@linkcode startEarly} before it loads the
 * rest of the grader: while the grading process loads its modules and copies
 * the submission, the sandboxes start Deno, load every exercise's checks and
 * harden their realm, then wait for their job on stdin (no learner file
 * exists for them before it comes). They are otherwise started only once the
 * submission is staged, a few dozen milliseconds later.
 *
 * What only the loaded grader can work out (the bundle, the import map, the
 * shared Deno cache) comes from a note the grader writes into the bundle
 * folder when it starts a course sandbox (`early-<hash>.json`, one per Deno
 * cache), with the size and modification time of every source the bundle
 * depends on: if any has changed since, nothing starts early. A grading
 * process uses an early sandbox for a shared sandbox only (an exercise's
 * sandbox of its own is always started afresh), and only where it would have
 * started the very same command — program, arguments, permissions, folder,
 * environment (see `sameCommand`). Every early sandbox, staging folder and
 * cache the grade does not take is removed when it ends, or when the process
 * does.
 *
 * Only `_spawn.ts` is imported (nothing else has loaded yet); Unix only, as
 * the sandbox's limits are set by a shell.
 *
 * @module
 */
import {
  discardSandbox,
  newSandboxCache,
  newStageFolder,
  sameCommand,
  type SandboxCommand,
  sandboxCommand,
  type SandboxPlan,
  sharedSandboxes,
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
  warm: string;
  /** The shared Deno cache, and the variables it was found from (`DENO_DIR`, `XDG_CACHE_HOME`, `HOME`). */
  denoDir: string;
  denoDirFrom: (string | null)[];
}

/** The variables the shared Deno cache is found from, as a note records them. */
export function denoDirFrom(): (string | null)[] {
  return [envOf("DENO_DIR"), envOf("XDG_CACHE_HOME"), envOf("HOME")];
}

/**
 * The note's file in the bundle folder: one per set of the variables it
 * depends on ({@linkcode denoDirFrom}), so that graders run with another
 * Deno cache (a test's, a CI step's) never overwrite each other's.
 */
export function noteFile(from: readonly (string | null)[] = denoDirFrom()): URL {
  // FNV-1a: a name, not a secret; the note's own fields are checked anyway.
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(from)) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return new URL(`./.bundle/early-${hash.toString(16).padStart(8, "0")}.json`, import.meta.url);
}

/**
 * A shared sandbox's CPU limit, an exercise's budget, when `--wall-timeout`
 * is not given, in seconds (the command line's default: a sandbox started
 * early with another limit would not be used).
 */
const CPU_SECONDS = 10;

const envOf = (name: string): string | null => Deno.env.get(name) ?? null;

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

/**
 * Sandboxes started early, taken, and taken but found exited (then replaced
 * by a new one), since the process began (the tests read it; so does
 * `ASYNC_LAB_EARLY=trace`, see `main.ts`).
 */
export const earlyCounts = { started: 0, taken: 0, lost: 0 };

/** What was started early and is still waiting to be taken: sandboxes, and the folders made for them. */
export function earlyLeft(): { sandboxes: number; folders: string[] } {
  return {
    sandboxes: early.sandboxes.length,
    folders: [early.stage?.root, early.cache].filter((f): f is string => typeof f === "string"),
  };
}

/**
 * How many sandboxes a grade with these arguments starts early: as many
 * shared sandboxes as `grade()` runs side by side (`sharedSandboxes`).
 * None for a single exercise (it runs in a sandbox
 * of its own, which is always started afresh), nor when the arguments ask
 * for something else (`--help`) or for another CPU budget (`--wall-timeout`).
 */
export function sandboxesFor(args: readonly string[], exercises: number, cores: number): number {
  let named = 0;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--help" || arg === "-h" || arg.startsWith("--wall-timeout")) return 0;
    if (WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith("-")) named++;
  }
  return sharedSandboxes(named > 0 ? named : exercises, cores);
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
  if (JSON.stringify(denoDirFrom()) !== JSON.stringify(note.denoDirFrom)) return null;
  for (const path of [note.plan.child, note.plan.importMap, note.warm, `${note.denoDir}/npm`]) {
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
    const note = freshNote(Deno.readTextFileSync(noteFile()));
    if (note === null) return;
    const count = sandboxesFor(args, note.checks.length, navigator.hardwareConcurrency ?? 2);
    if (count === 0) return;
    addEventListener("unload", stopEarlyNow);
    // The staging folder (`_stage.ts` copies the submission in later) and
    // the sandboxes' cache, made as for any grade.
    early.stage = newStageFolder();
    // Deno splits --allow-read on commas: such a folder is granted as "."
    // by the grade, whose command would never be this one.
    if (early.stage.dir.includes(",")) throw new Error("a comma in the temporary folder");
    const cache = newSandboxCache(note.denoDir, note.warm);
    early.cache = cache;
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
    stopEarlyNow();
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

/** An early sandbox taken but found exited: stopped, and counted. */
export async function lostEarly(sandbox: StartedSandbox): Promise<void> {
  earlyCounts.lost++;
  await discardSandbox(sandbox);
}

/** Removes the staging folder and cache made early, unless taken. */
function removeEarlyFolders(): void {
  for (const folder of [takeEarlyStage()?.root, takeEarlyCache()]) {
    if (folder) {
      try {
        Deno.removeSync(folder, { recursive: true });
      } catch { /* already gone */ }
    }
  }
}

/**
 * Stops every early sandbox not taken, and once they have exited removes
 * the staging folder and cache if they were not taken either.
 */
export async function stopEarly(): Promise<void> {
  await Promise.all(early.sandboxes.splice(0).map(discardSandbox));
  removeEarlyFolders();
}

/** The same, at once: when the process ends (the kills are sent before anything is removed). */
function stopEarlyNow(): void {
  for (const sandbox of early.sandboxes.splice(0)) discardSandbox(sandbox);
  removeEarlyFolders();
}

/**
 * Kills the early sandboxes not taken yet, and waits for them to exit,
 * leaving them in the pool: a test's way to have a grade take one that has
 * exited meanwhile.
 */
export async function killEarlyForTests(): Promise<void> {
  await Promise.all(early.sandboxes.map(async ({ child }) => {
    child.kill("SIGKILL");
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
  const file = noteFile(note.denoDirFrom);
  forgetGoneCaches(file);
  try {
    if (Deno.readTextFileSync(file) === text) return;
  } catch { /* none yet */ }
  try {
    write(file, text);
  } catch { /* a read-only checkout: nothing starts early */ }
}

/** Removes the other notes whose Deno cache is gone (a test's or a bench's own cache, deleted since). */
function forgetGoneCaches(keep: URL): void {
  try {
    const folder = new URL("./", keep);
    for (const entry of Deno.readDirSync(folder)) {
      if (!/^early-[0-9a-f]{8}\.json$/.test(entry.name)) continue;
      const other = new URL(entry.name, folder);
      if (other.href === keep.href) continue;
      try {
        const { denoDir } = JSON.parse(Deno.readTextFileSync(other)) as LaunchNote;
        Deno.statSync(`${denoDir}/npm`);
      } catch {
        try {
          Deno.removeSync(other);
        } catch { /* removed by another grader */ }
      }
    }
  } catch { /* no bundle folder */ }
}
