/**
 * The sandbox, parent side: runs one exercise's checks
 * ({@linkcode runSandboxed}), or several exercises of one submission one
 * after another ({@linkcode runSharedSandbox}), in a Deno subprocess
 * with no permission but reading the learner's folder and the checks, a
 * capped V8 heap, a limit on its own CPU time (with a generous wall-clock
 * backstop) and capped output, and reads its verdict from the lines framed by
 * a nonce only the grader knows.
 *
 * This module measures real time only; it never touches the virtual clock.
 *
 * @module
 */
import { basename, dirname, join, sep as SEP } from "node:path";
import { exists, hexDigest, removeAll, writeAtomically } from "./_fs.ts";
import { fileURLToPath as fromFileUrl, pathToFileURL } from "node:url";
import type { LogLine } from "./clock.ts";
import type { CheckResult } from "./check.ts";
import { type Frame, frameMarker, type Job } from "./_protocol.ts";
import { type SandboxFault, whyStopped } from "./_stop.ts";

export type { SandboxFault };
import type { Lang } from "./i18n/mod.ts";
import { BUNDLE_DIR, bundledChild, GRADER_LOCK, sourcesRecord } from "./_child_bundle.ts";
import { MAX_FRAME_CHARS, readFrame } from "./_frames.ts";
import {
  processModuleSource,
  REFUSED_MODULES,
  timersModuleSource,
  timersPromisesModuleSource,
} from "./_harden.ts";
import {
  HEAP_MB,
  newSandboxCache,
  RSS_MB,
  sandboxCommand,
  type SandboxPlan,
  sendJob,
  startSandbox,
} from "./_spawn.ts";
import { adoptEarly, denoDirFrom, lostEarly, noteLaunch, takeEarlyCache } from "./_early.ts";

const CHILD = fromFileUrl(new URL("./child.ts", import.meta.url));
const CONFIG = fromFileUrl(new URL("../deno.json", import.meta.url));
const MEMBER_CONFIG = fromFileUrl(new URL("./deno.json", import.meta.url));
/**
 * What of the checkout the sandbox may read: the grader, and the public API a
 * teacher's extra checks import (`mod.ts`, which re-exports the catalog) —
 * not the rest, where a teacher may have cloned the whole class or kept its grades.
 */
const ENGINE = [
  fromFileUrl(new URL(".", import.meta.url)).replace(/\/$/, ""),
  fromFileUrl(new URL("../mod.ts", import.meta.url)),
  fromFileUrl(new URL("../exercises/catalog.ts", import.meta.url)),
];
let importMap: Promise<string> | null = null;

/**
 * The sandbox's import map: the project's own imports, and every module of
 * `REFUSED_MODULES` (with or without `node:`, static or `import()`) sent to
 * `_refused.ts`, which throws. Written once into the bundle folder under a
 * name that is its content's hash (Deno 2.9.6 panics on a `data:` import map
 * beside a workspace's `deno.json`). Built from the `deno.json` files read
 * (not imported: a teacher's checks may import this module inside the
 * sandbox, which may not read `deno.json`).
 */
function sandboxImportMap(): Promise<string> {
  importMap ??= writeImportMap();
  return importMap;
}

async function writeImportMap(): Promise<string> {
  // The engine member's imports (an import map given on the command line
  // replaces the workspace's).
  const config = JSON.parse(Deno.readTextFileSync(MEMBER_CONFIG)) as {
    imports?: Record<string, string>;
  };
  const refused = new URL("./_refused.ts", import.meta.url).href;
  const imports: Record<string, string> = { ...config.imports };
  for (const name of REFUSED_MODULES) {
    const target = `${refused}?${encodeURIComponent(name)}`;
    imports[`node:${name}`] = target;
    imports[name] = target;
  }
  // `node:process` whose named exports are the hardened methods (see
  // PROCESS_EXPORTS in _harden.ts), for everything outside the bundle folder.
  const shim = await keptFile("node-process", "js", processModuleSource());
  imports["node:process"] = pathToFileURL(shim).href;
  imports["process"] = pathToFileURL(shim).href;
  // `node:timers` whose named exports are the virtual clock's (see
  // TIMERS_EXPORTS in _harden.ts).
  const timers = await keptFile("node-timers", "js", timersModuleSource());
  imports["node:timers"] = pathToFileURL(timers).href;
  imports["timers"] = pathToFileURL(timers).href;
  // And `node:timers/promises` (TIMERS_PROMISES_EXPORTS in _harden.ts).
  const promises = await keptFile("node-timers-promises", "js", timersPromisesModuleSource());
  imports["node:timers/promises"] = pathToFileURL(promises).href;
  imports["timers/promises"] = pathToFileURL(promises).href;
  // The grader's bundle keeps the real modules the ones above re-export (it
  // loads them before the clock, so none of its modules may take their named
  // exports: _child_bundle_test.ts checks it), and `node:module`, through
  // whose createRequire a bundle loads its npm packages when
  // `withoutNodeModule` (_child_bundle.ts) left it as built.
  const scopes = {
    [pathToFileURL(BUNDLE_DIR).href + "/"]: {
      "node:module": "node:module",
      "node:process": "node:process",
      "node:timers": "node:timers",
      "node:timers/promises": "node:timers/promises",
    },
  };
  return await keptFile("import-map", "json", JSON.stringify({ imports, scopes }));
}

/**
 * Writes `text` into the bundle folder as `<prefix>-<hash>.<ext>`, named by
 * its content's hash, unless it is there; returns its path.
 */
async function keptFile(prefix: string, ext: string, text: string): Promise<string> {
  const path = join(BUNDLE_DIR, `${prefix}-${await hexDigest(text, 8)}.${ext}`);
  if (!exists(path)) writeAtomically(path, text);
  return path;
}

export { HEAP_MB, RSS_MB };
/** Learner output kept, in bytes. */
export const OUTPUT_CAP = 64 * 1024;

/**
 * Whether the OS charges a sandbox for its own CPU time (`ulimit -t`): then an
 * exercise's time budget is processor time, which a busy machine cannot use up
 * on the learner's behalf. Elsewhere (Windows) it is wall-clock time.
 */
export const CPU_LIMITED = Deno.build.os !== "windows";

/**
 * Real seconds an exercise may take when its time budget is `budget` seconds
 * of CPU: a backstop for code that blocks without using the processor
 * (`Atomics.wait`, a stopped process), wide enough that a working exercise on
 * a busy machine never reaches it.
 */
export function wallBackstopSeconds(budget: number): number {
  return CPU_LIMITED ? Math.max(2 * budget, budget + 20) : budget;
}

/** What `/proc/<pid>/stat` counts CPU time in (Linux's USER_HZ). */
const TICKS_PER_SECOND = 100;

/** What to run. */
export interface SandboxJob {
  /** Absolute path of the learner's file. */
  file: string;
  /** URL of the checks module. */
  checks: string;
  lang: Lang;
  seed: number;
  /** Index of the first check to run. */
  from: number;
  /** Real milliseconds before the sandbox is killed: where the grader can tell
   * (Linux `/proc`, with a CPU limit), only time spent waiting for nothing counts. */
  wallTimeoutMs: number;
  /** The Deno cache the sandbox uses (default: {@linkcode sandboxCache}). */
  cacheDir?: string;
  /** Milliseconds of its own CPU time before the sandbox is killed (where {@linkcode CPU_LIMITED}). */
  cpuLimitMs?: number;
}

let sharedCache: Promise<string | null> | null = null;

/**
 * Where Deno keeps its cache when `DENO_DIR` is not set (the rule of Deno's
 * own `dirs::cache_dir()`), if it holds npm packages; else `null`. Saves a
 * `deno info` process before the first sandbox.
 */
function defaultDenoDir(): string | null {
  const env = (name: string) => {
    try {
      return Deno.env.get(name) || undefined;
    } catch {
      return undefined;
    }
  };
  const home = env("HOME");
  const base = Deno.build.os === "windows"
    ? env("LOCALAPPDATA")
    : Deno.build.os === "darwin"
    ? home && join(home, "Library", "Caches")
    : env("XDG_CACHE_HOME") ?? (home && join(home, ".cache"));
  if (!base) return null;
  const dir = join(base, "deno");
  try {
    return Deno.statSync(join(dir, "npm")).isDirectory ? dir : null;
  } catch {
    return null;
  }
}

/** The shared Deno cache folder (`DENO_DIR`, Deno's default, or what `deno info` says), or `null`. */
function sharedDenoDir(): Promise<string | null> {
  sharedCache ??= (async () => {
    try {
      const set = Deno.env.get("DENO_DIR");
      if (set) return set;
      const guessed = defaultDenoDir();
      if (guessed !== null) return guessed;
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["info", "--json"],
        stdout: "piped",
        stderr: "null",
        env: { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      }).output();
      const dir = (JSON.parse(new TextDecoder().decode(out.stdout)) as { denoDir?: unknown })
        .denoDir;
      return typeof dir === "string" ? dir : null;
    } catch {
      return null;
    }
  })();
  return sharedCache;
}

let ownCache: Promise<string | undefined> | null = null;

/**
 * The sandboxes' own Deno cache: one temporary folder per grading process,
 * empty but for a link to the shared cache's npm packages (the grader's own,
 * read with `--cached-only`) and a copy of the bundle's warm cache (see
 * {@linkcode warmCache}: V8's compiled code of the grader, so that even the
 * first sandboxes start warm), removed when the process ends. What learner
 * code makes Deno cache (a thousand `data:` modules) is never added to the
 * shared cache nor kept past the process. `undefined` when the shared cache
 * cannot be found (the sandboxes then use the shared one).
 */
export function sandboxCache(warm?: Promise<string | null>): Promise<string | undefined> {
  ownCache ??= (async () => {
    // Made already, as below, by the early start (see _early.ts).
    const early = takeEarlyCache();
    if (early !== null) {
      addEventListener("unload", () => removeAll(early));
      return early;
    }
    const shared = await sharedDenoDir();
    if (shared === null) return undefined;
    const template = await warm ?? null;
    try {
      const folder = newSandboxCache(shared, template);
      addEventListener("unload", () => removeAll(folder));
      return folder;
    } catch {
      return undefined;
    }
  })();
  return ownCache;
}

const warming = new Map<string, Promise<string | null>>();

/**
 * The warm cache of a bundle (`<bundle>/warm/`): the SQLite files (V8's code
 * cache, Deno's module analysis caches, each with its write-ahead log) that
 * a throwaway sandbox cache holds once the bundled child has loaded every
 * exercise's checks. Made once per bundle, by running each exercise's
 * checks on an empty module of the grader's own (no learner code ever
 * writes it), then copied into each grading process's own cache: without it
 * the first sandboxes of every `deno task grade` compiled the grader from
 * scratch, about twice the CPU of a warm start. `null` when it cannot be
 * made (the sandboxes then start cold, as before).
 */
export function warmCache(bundle: string): Promise<string | null> {
  let made = warming.get(bundle);
  if (!made) {
    made = makeWarmCache(bundle).catch(() => null);
    warming.set(bundle, made);
  }
  return made;
}

async function makeWarmCache(bundle: string): Promise<string | null> {
  const target = join(bundle, "warm");
  if (exists(target)) return target;
  const shared = await sharedDenoDir();
  const checks = join(ENGINE[0], "checks");
  const building = join(bundle, `.warm-${crypto.randomUUID()}`);
  const cache = join(building, "cache");
  const learner = join(building, "learner");
  try {
    Deno.mkdirSync(learner, { recursive: true });
    Deno.mkdirSync(cache);
    if (shared !== null) Deno.symlinkSync(`${shared}/npm`, `${cache}/npm`);
    const empty = join(learner, "warm.js");
    Deno.writeTextFileSync(empty, "export {};\n");
    for (const entry of Deno.readDirSync(checks)) {
      const mod = join(checks, entry.name, "mod.ts");
      if (!entry.isDirectory || !exists(mod)) continue;
      await runSandboxed({
        file: empty,
        checks: pathToFileURL(mod).href,
        lang: "en",
        seed: 0,
        from: 0,
        wallTimeoutMs: 30_000,
        cpuLimitMs: 10_000,
        cacheDir: cache,
      });
    }
    // The SQLite databases and their logs; not their shared-memory index
    // (SQLite rebuilds it from the log), nor emitted code or npm's link.
    const kept = join(building, "warm");
    Deno.mkdirSync(kept);
    for (const entry of Deno.readDirSync(cache)) {
      if (entry.isFile && !entry.name.endsWith("-shm")) {
        Deno.copyFileSync(join(cache, entry.name), join(kept, entry.name));
      }
    }
    try {
      Deno.renameSync(kept, target);
    } catch { /* another grader made it meanwhile: keep theirs */ }
  } finally {
    removeAll(building);
  }
  return exists(target) ? target : null;
}

/** What came back from the sandbox. */
export interface SandboxOutcome {
  /** Results by check index (missing where the sandbox stopped first). */
  results: (CheckResult | undefined)[];
  /** Set when the sandbox did not finish normally. */
  fault: SandboxFault | null;
  /** Console lines the learner's code printed (virtual time stamps). */
  logs: LogLine[];
  /** Raw output the learner wrote around the console (capped). */
  rawOutput: string;
  /** Real milliseconds it took. */
  wallMs: number;
  /** Milliseconds of CPU it used, where the grader can read it (Linux `/proc`), else `null`. */
  cpuMs: number | null;
  /** Real milliseconds it spent waiting for nothing (asleep or stopped, using no CPU),
   * where the grader can tell (Linux `/proc`), else `null`. */
  blockedMs: number | null;
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** What a sandbox process was asked to run: one exercise, or several of one submission. */
interface ProcessJob {
  /** The exercises, each with its learner file (all in the same staged folder). */
  exercises: { file: string; checks: string; from: number }[];
  lang: Lang;
  seed: number;
  cacheDir?: string;
  /** Real milliseconds before the whole process is killed (see {@linkcode SandboxJob}). */
  wallTimeoutMs: number;
  /** CPU milliseconds the whole process may use. */
  cpuLimitMs?: number;
  /**
   * In a shared sandbox: CPU milliseconds, and milliseconds of waiting for
   * nothing, that one exercise may use before the sandbox is stopped there.
   */
  perExercise?: { cpuMs: number; blockedMs: number };
}

/** What the parent saw of one exercise in a sandbox process. */
interface ExerciseSeen {
  results: (CheckResult | undefined)[];
  loadFault: SandboxFault | null;
  loaded: boolean;
  /** Index of the check under way, or `null`. */
  current: number | null;
  /** Its `done` frame came. */
  done: boolean;
  logs: LogLine[];
  raw: string;
  /** The process's CPU milliseconds when its `exercise` frame came, where known. */
  cpuAtStart: number | null;
}

/** What the parent saw of a whole sandbox process. */
interface ProcessSeen {
  exercises: ExerciseSeen[];
  overMemory: boolean;
  overCpu: boolean;
  timedOut: boolean;
  lastRssKib: number;
  lastCpuMs: number | null;
  blockedMs: number | null;
  status: Deno.CommandStatus;
  stderr: string;
  wallMs: number;
  cpuLimitMs: number | undefined;
}

/** Whether `path` is `folder` or inside it. */
function inside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(SEP) ? folder : folder + SEP);
}

/** The note for the next grade's early start is left once per grading process. */
let noted = false;

/**
 * Leaves the note `_early.ts` starts the next grade's sandboxes from, for a
 * course sandbox: one that may read the learner's folder and the engine
 * (which holds the bundle and the course's checks), and nothing else.
 */
async function noteCourseLaunch(plan: SandboxPlan, readable: readonly string[]): Promise<void> {
  const bundle = dirname(plan.child);
  const rest = readable.slice(1);
  const warm = join(bundle, "warm");
  // Not while the warm cache is being made (its own sandboxes come first).
  if (JSON.stringify(rest) !== JSON.stringify(ENGINE) || !exists(warm)) return;
  const record = await sourcesRecord();
  // The sources as they are now must be the bundle's (a source saved since
  // the bundle was chosen would pair this bundle with newer stamps).
  if (basename(bundle) !== record.key) return;
  noted = true;
  const denoDir = await sharedDenoDir();
  if (denoDir === null) return;
  const checks = [...Deno.readDirSync(join(bundle, "checks"))]
    .filter((entry) => entry.isDirectory)
    .map((entry) => pathToFileURL(join(bundle, "checks", entry.name, "mod.js")).href)
    .sort();
  noteLaunch({
    deno: Deno.version.deno,
    files: record.files,
    dirs: record.dirs,
    plan: {
      child: plan.child,
      config: plan.config,
      lock: plan.lock,
      importMap: plan.importMap,
      readable: rest,
    },
    checks,
    warm,
    denoDir,
    denoDirFrom: denoDirFrom(),
  }, (url, text) => writeAtomically(fromFileUrl(url), text));
}

async function runProcess(job: ProcessJob): Promise<ProcessSeen> {
  const started = performance.now();
  const nonce = randomNonce();
  const first = job.exercises[0];
  const checksPaths = job.exercises.map((e) =>
    e.checks.startsWith("file:") ? fromFileUrl(e.checks) : null
  );
  // The same child and checks pre-bundled into a few files start faster (see _child_bundle.ts).
  const bundles = await Promise.all(job.exercises.map((e) => bundledChild(e.checks)));
  // One entry point for the whole process: the bundled child only if every exercise has one.
  const bundled = bundles.every((b) => b !== null) ? bundles[0] : null;
  const cacheDir = job.cacheDir ??
    await sandboxCache(bundled ? warmCache(dirname(bundled.child)) : undefined);
  // The learner's folder, the engine (the checks import it) and the checks'
  // own folders, but for those already inside one of them.
  const learnerDir = dirname(first.file);
  const readable: string[] = [];
  for (
    const path of [
      learnerDir,
      ...ENGINE,
      ...checksPaths.flatMap((path) => (path ? [dirname(path)] : [])),
      ...(bundled ? [dirname(bundled.child)] : []),
    ]
  ) {
    if (!readable.some((folder) => inside(path, folder))) readable.push(path);
  }
  // Deno splits the list on commas, with no escape: a learner's folder named
  // "Dupont, Jean" is granted as "." from inside it instead.
  const comma = learnerDir.includes(",");
  const cpuLimitMs = CPU_LIMITED ? job.cpuLimitMs : undefined;
  const plan: SandboxPlan = {
    child: bundled?.child ?? CHILD,
    config: CONFIG,
    lock: GRADER_LOCK,
    importMap: await sandboxImportMap(),
    readable: readable.map((path) => path === learnerDir && comma ? "." : path),
    cwd: learnerDir,
    cacheDir,
    cpuSeconds: cpuLimitMs === undefined ? null : Math.max(1, Math.ceil(cpuLimitMs / 1000)),
  };
  const command = sandboxCommand(plan);
  const checks = job.exercises.map((e, i) => bundles[i] && bundled ? bundles[i]!.checks : e.checks);
  const message: Job = {
    nonce,
    lang: job.lang,
    seed: job.seed,
    exercises: job.exercises.map((e, i) => ({
      module: new URL(`file://${e.file}`).href,
      checks: checks[i],
      from: e.from,
    })),
  };
  // A shared sandbox may be one started early with this very command, that
  // loads these checks (see _early.ts); if it has exited meanwhile, a new one.
  let sandbox = job.perExercise ? adoptEarly(command, checks) : null;
  if (sandbox !== null) {
    try {
      await sendJob(sandbox, message);
    } catch {
      await lostEarly(sandbox);
      sandbox = null;
    }
  }
  if (sandbox === null) {
    sandbox = startSandbox(command, [...new Set(checks)]);
    // One that exited at once says why with its status and stderr, read below.
    await sendJob(sandbox, message).catch(() => {});
  }
  const child = sandbox.child;
  if (bundled && !comma && !noted) noteCourseLaunch(plan, readable).catch(() => {});

  const seen: ExerciseSeen[] = job.exercises.map(() => ({
    results: [],
    loadFault: null,
    loaded: false,
    current: null,
    done: false,
    logs: [],
    raw: "",
    cpuAtStart: null,
  }));
  /** The exercise the frames are about (the last `exercise` frame's). */
  let active: ExerciseSeen | null = null;

  // The V8 heap cap does not cover ArrayBuffers: watch the resident memory
  // too (Linux /proc; where it cannot be read, the heap cap alone applies).
  // The same file gives the CPU time used, to the tick: the sandbox stops at
  // its exact budget, and the grader knows what is left for the next one. It
  // also tells a sandbox that waits for nothing (asleep, stopped, using no
  // CPU) from one that a busy machine keeps waiting for a core (runnable):
  // only the first kind of wait counts against the wall-clock backstop.
  let overMemory = false;
  let overCpu = false;
  let timedOut = false;
  let lastRssKib = 0;
  let lastCpuMs: number | null = null;
  let blockedMs: number | null = null;
  /** Waits for nothing since the active exercise started (shared sandboxes). */
  let blockedInExercise = 0;
  let lastPoll = performance.now();
  const stop = () => {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  };
  const per = job.perExercise;
  const watch = setInterval(() => {
    try {
      const status = Deno.readTextFileSync(`/proc/${child.pid}/status`);
      const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      lastRssKib = kib;
      // Fields after the command's closing parenthesis: the state first, then
      // utime and stime as the 12th and 13th.
      const stat = Deno.readTextFileSync(`/proc/${child.pid}/stat`);
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      const now = performance.now();
      if (Number.isFinite(ticks)) {
        const cpuMs = ticks * 1000 / TICKS_PER_SECOND;
        const idle = lastCpuMs !== null && cpuMs === lastCpuMs && fields[0] !== "R";
        if (blockedMs === null && cpuLimitMs !== undefined) {
          clearTimeout(timer);
          timer = arm(job.wallTimeoutMs * 10 - (now - started));
        }
        blockedMs = (blockedMs ?? 0) + (idle ? now - lastPoll : 0);
        if (idle) blockedInExercise += now - lastPoll;
        lastCpuMs = cpuMs;
        if (active !== null && active.cpuAtStart === null) active.cpuAtStart = cpuMs;
      }
      lastPoll = now;
      const usedHere = active?.cpuAtStart != null && lastCpuMs !== null
        ? lastCpuMs - active.cpuAtStart
        : 0;
      if (kib > RSS_MB * 1024) {
        overMemory = true;
        stop();
      } else if (cpuLimitMs !== undefined && lastCpuMs !== null && lastCpuMs >= cpuLimitMs) {
        overCpu = true;
        stop();
      } else if (cpuLimitMs !== undefined && blockedMs !== null && blockedMs >= job.wallTimeoutMs) {
        timedOut = true;
        stop();
      } else if (per && (usedHere >= per.cpuMs || blockedInExercise >= per.blockedMs)) {
        overCpu = true;
        stop();
      }
    } catch {
      clearInterval(watch);
    }
  }, 100);
  // Where /proc cannot be read, real time; where it can, real time is only a
  // last resort far beyond the backstop (the watch above applies it to waits).
  const arm = (ms: number) =>
    setTimeout(() => {
      timedOut = true;
      stop();
    }, ms);
  let timer = arm(job.wallTimeoutMs);

  const marker = frameMarker(nonce);
  // A job of one exercise is about that exercise from the start.
  if (seen.length === 1) active = seen[0];

  const handle = (frame: Frame) => {
    if (frame.type === "exercise") {
      active = seen[frame.index] ?? null;
      if (active !== null) active.cpuAtStart = lastCpuMs;
      blockedInExercise = 0;
      // Where /proc cannot be read (macOS, Windows), each exercise of a
      // shared sandbox gets its own real-time limit.
      if (per && lastCpuMs === null) {
        clearTimeout(timer);
        timer = arm(per.blockedMs);
      }
      return;
    }
    if (active === null) return;
    switch (frame.type) {
      case "loaded":
        active.loaded = true;
        break;
      case "load-error":
        active.loadFault = { kind: frame.kind, message: frame.message };
        break;
      case "start":
        active.current = frame.index;
        break;
      case "result":
        active.results[frame.index] = frame.result;
        active.current = null;
        break;
      case "done":
        active.done = true;
        active.logs = frame.logs;
        break;
    }
  };

  const keepRaw = (text: string) => {
    const into = active ?? seen[0];
    if (into && into.raw.length < OUTPUT_CAP) {
      into.raw += text.slice(0, OUTPUT_CAP - into.raw.length) + "\n";
    }
  };
  const readStdout = async () => {
    const decoder = new TextDecoder();
    let pending = "";
    // Set while the rest of an overlong line is dropped.
    let skipping = false;
    for await (const chunk of child.stdout) {
      pending += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (skipping) {
          skipping = false;
        } else if (line.startsWith(marker)) {
          // Every frame is untrusted: off the schema, it counts as no frame.
          const frame = readFrame(line.slice(marker.length));
          if (frame !== null) handle(frame);
        } else if (line !== "") {
          keepRaw(line);
        }
      }
      // Never let one endless line eat memory: no frame is this long.
      if (pending.length > MAX_FRAME_CHARS + marker.length) {
        if (!pending.startsWith(marker)) keepRaw(pending);
        pending = "";
        skipping = true;
      }
    }
  };
  const readStderr = async () => {
    const decoder = new TextDecoder();
    let text = "";
    for await (const chunk of child.stderr) {
      if (text.length < OUTPUT_CAP) text += decoder.decode(chunk, { stream: true });
    }
    return text;
  };
  const [, stderr, status] = await Promise.all([readStdout(), readStderr(), child.status]);
  clearTimeout(timer);
  clearInterval(watch);
  return {
    exercises: seen,
    overMemory,
    overCpu,
    timedOut,
    lastRssKib,
    lastCpuMs,
    blockedMs,
    status,
    stderr,
    wallMs: performance.now() - started,
    cpuLimitMs,
  };
}

/**
 * Runs one exercise in its own subprocess. `job.file` is in a staged copy of
 * the submission (see `_stage.ts`): the sandbox may read its folder, and
 * runs in it.
 */
export async function runSandboxed(job: SandboxJob): Promise<SandboxOutcome> {
  const cpuLimitMs = CPU_LIMITED ? job.cpuLimitMs : undefined;
  const p = await runProcess({
    exercises: [{ file: job.file, checks: job.checks, from: job.from }],
    lang: job.lang,
    seed: job.seed,
    cacheDir: job.cacheDir,
    wallTimeoutMs: job.wallTimeoutMs,
    cpuLimitMs,
  });
  const seen = p.exercises[0];
  const { status, overMemory, timedOut, overCpu, lastCpuMs } = p;
  // The CPU limit: our own kill at the budget, or the OS's SIGXCPU (a SIGKILL
  // is not taken for one: learner code may send it to itself).
  const outOfCpu = !seen.done && (overCpu ||
    (cpuLimitMs !== undefined && !overMemory && !timedOut && status.signal === "SIGXCPU"));
  const fault: SandboxFault | null = seen.loadFault ?? (seen.done ? null : whyStopped({
    loaded: seen.loaded,
    current: seen.current,
    overMemory,
    timedOut,
    outOfCpu,
    nearHeapCap: p.lastRssKib > HEAP_MB * 1024,
    code: status.code,
    signal: status.signal,
    stderr: p.stderr,
    lang: job.lang,
  }));
  return {
    results: seen.results,
    fault,
    logs: seen.logs,
    rawOutput: seen.raw,
    wallMs: p.wallMs,
    // Killed at its CPU budget: it used all of it, whatever the last reading.
    cpuMs: outOfCpu ? Math.max(cpuLimitMs ?? 0, lastCpuMs ?? 0) : lastCpuMs,
    blockedMs: cpuLimitMs === undefined ? null : p.blockedMs,
  };
}

/** One exercise of a {@linkcode runSharedSandbox} call. */
export interface SharedExercise {
  /** Absolute path of the learner's file (every exercise's in the same staged folder). */
  file: string;
  /** URL of the checks module. */
  checks: string;
}

/**
 * CPU milliseconds one exercise may use in a shared sandbox before the
 * sandbox is stopped there (a correct exercise uses a few dozen): past it,
 * the exercise is graded again in a sandbox of its own, with its whole budget.
 */
export const SHARED_EXERCISE_CPU_MS = 2000;

/**
 * Runs several exercises of one submission one after another in a single
 * sandbox process: the same permissions, heap cap, output caps and nonce
 * channel as {@linkcode runSandboxed}, one process start instead of one per
 * exercise. Only an exercise that ran to its end (its `done` frame) gets an
 * outcome; every other one — it did not load, it stopped the sandbox (a
 * crash, an exit, memory), it used more than {@linkcode SHARED_EXERCISE_CPU_MS}
 * of CPU or waited for nothing too long, an exercise before it changed the
 * realm (`_realm.ts`), or it never started — gets `null`, and the caller
 * grades it in a sandbox of its own, as if this run never happened: a
 * shared sandbox can make grading slower, never change a verdict.
 */
export async function runSharedSandbox(
  exercises: readonly SharedExercise[],
  options: { lang: Lang; seed: number; cpuMs: number; backstopMs: number },
): Promise<(SandboxOutcome | null)[]> {
  const cpuMs = Math.min(options.cpuMs, SHARED_EXERCISE_CPU_MS);
  const blockedMs = Math.min(options.backstopMs, SHARED_EXERCISE_CPU_MS);
  const p = await runProcess({
    exercises: exercises.map((e) => ({ file: e.file, checks: e.checks, from: 0 })),
    lang: options.lang,
    seed: options.seed,
    wallTimeoutMs: blockedMs * exercises.length,
    // The process's own limit is an exercise's budget, whatever the number
    // of exercises (one command for every shared sandbox, so that one
    // started early serves any group); the watch holds each exercise to its share.
    cpuLimitMs: options.cpuMs,
    perExercise: { cpuMs, blockedMs },
  });
  return p.exercises.map((seen, i) => {
    if (!seen.done || seen.loadFault !== null) return null;
    const next = p.exercises[i + 1];
    const cpuEnd = next?.cpuAtStart ?? p.lastCpuMs;
    return {
      results: seen.results,
      fault: null,
      logs: seen.logs,
      rawOutput: seen.raw,
      wallMs: p.wallMs / exercises.length,
      cpuMs: seen.cpuAtStart !== null && cpuEnd !== null ? cpuEnd - seen.cpuAtStart : null,
      blockedMs: null,
    };
  });
}
