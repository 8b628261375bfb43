/**
 * The sandbox, parent side: runs one exercise's checks in a Deno subprocess
 * with no permission but reading the learner's folder and the checks, a
 * capped V8 heap, a real wall-clock limit and capped output, and reads its
 * verdict from the lines framed by a nonce only the grader knows.
 *
 * This module measures real time only; it never touches the virtual clock.
 *
 * @module
 */
import { dirname } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { fileURLToPath as fromFileUrl, pathToFileURL } from "node:url";
import type { LogLine } from "./clock.ts";
import { type CheckResult, core } from "./check.ts";
import type { Frame, Job } from "./child.ts";
import type { Lang } from "./i18n/mod.ts";
import { BUNDLE_DIR, bundledChild, GRADER_LOCK } from "./_child_bundle.ts";
import { untrusted } from "./_untrusted.ts";
import { MAX_FRAME_CHARS, readFrame } from "./_frames.ts";
import { REFUSED_MODULES } from "./_harden.ts";

const CHILD = fromFileUrl(new URL("./child.ts", import.meta.url));
const CONFIG = fromFileUrl(new URL("../deno.json", import.meta.url));
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
let importMap: string | null = null;

/**
 * The sandbox's import map: the project's own imports, and every module of
 * `REFUSED_MODULES` (with or without `node:`, static or `import()`) sent to
 * `_refused.ts`, which throws. A `data:` URL: nothing to write or clean up.
 * Built once, from `deno.json` read (not imported: a teacher's checks may
 * import this module inside the sandbox, which may not read `deno.json`).
 */
function sandboxImportMap(): string {
  if (importMap !== null) return importMap;
  const config = JSON.parse(Deno.readTextFileSync(CONFIG)) as { imports?: Record<string, string> };
  const refused = new URL("./_refused.ts", import.meta.url).href;
  const imports: Record<string, string> = { ...config.imports };
  for (const name of REFUSED_MODULES) {
    const target = `${refused}?${encodeURIComponent(name)}`;
    imports[`node:${name}`] = target;
    imports[name] = target;
  }
  // The grader's bundle loads its npm packages through `node:module`'s
  // createRequire (and exports no way to it): it alone keeps that module.
  const scopes = { [pathToFileURL(BUNDLE_DIR).href + "/"]: { "node:module": "node:module" } };
  importMap = `data:application/json,${encodeURIComponent(JSON.stringify({ imports, scopes }))}`;
  return importMap;
}

/** Heap cap of a sandbox, in MiB. */
export const HEAP_MB = 256;
/** Resident memory of a sandbox, in MiB, past which it is killed (ArrayBuffers live outside the heap cap). */
export const RSS_MB = 1024;
/** The child's exit code when learner code closed its stdout (`OUTPUT_CLOSED` in child.ts). */
const OUTPUT_CLOSED = 5;
/** Learner output kept, in bytes. */
export const OUTPUT_CAP = 64 * 1024;

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
  /** Real milliseconds before the sandbox is killed. */
  wallTimeoutMs: number;
  /** The Deno cache the sandbox uses (default: {@linkcode sandboxCache}). */
  cacheDir?: string;
}

let sharedCache: Promise<string | null> | null = null;

/** The shared Deno cache folder (`DENO_DIR`, or what `deno info` says), or `null`. */
function sharedDenoDir(): Promise<string | null> {
  sharedCache ??= (async () => {
    try {
      const set = Deno.env.get("DENO_DIR");
      if (set) return set;
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
 * The sandboxes' own Deno cache: one temporary folder per grading process
 * (so its code cache is warm after the first sandbox), empty but for a link
 * to the shared cache's npm packages (the grader's own, read with
 * `--cached-only`), removed when the process ends. What learner code makes
 * Deno cache (a thousand `data:` modules) is never added to the shared
 * cache. `undefined` when the shared cache cannot be found (the sandboxes
 * then use the shared one).
 */
export function sandboxCache(): Promise<string | undefined> {
  ownCache ??= (async () => {
    const shared = await sharedDenoDir();
    if (shared === null) return undefined;
    try {
      const folder = Deno.makeTempDirSync({ prefix: "async-lab-deno-" });
      addEventListener("unload", () => {
        try {
          Deno.removeSync(folder, { recursive: true });
        } catch { /* already gone */ }
      });
      Deno.symlinkSync(`${shared}/npm`, `${folder}/npm`);
      return folder;
    } catch {
      return undefined;
    }
  })();
  return ownCache;
}

/** Why a sandbox ended early. */
export type SandboxFault =
  | { kind: "load" | "syntax" | "exit" | "never-ends"; message: string }
  | { kind: "frozen"; during: number | null }
  | { kind: "oom"; during: number | null }
  | { kind: "exited"; code: number; during: number | null }
  | { kind: "crash"; code: number; stderr: string; during: number | null };

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
}

/**
 * Stderr quoted in a crash message: learner code may have written there
 * (a bidi override, a carriage return, a forged "Total 100/100").
 */
function shownStderr(stderr: string): string {
  return untrusted(stripVTControlCharacters(stderr).slice(0, 2000), 2000);
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Runs one exercise in its own subprocess. `job.file` is in a staged copy of
 * the submission (see `_stage.ts`): the sandbox may read its folder, and
 * runs in it.
 */
export async function runSandboxed(job: SandboxJob): Promise<SandboxOutcome> {
  const started = performance.now();
  const nonce = randomNonce();
  const checksPath = job.checks.startsWith("file:") ? fromFileUrl(job.checks) : null;
  // The same child and checks pre-bundled into a few files start faster (see _child_bundle.ts).
  const bundled = await bundledChild(job.checks);
  const cacheDir = job.cacheDir ?? await sandboxCache();
  // The learner's folder, the engine (the checks import it) and the checks' own folder.
  const learnerDir = dirname(job.file);
  const readable = [learnerDir, ...ENGINE, ...(checksPath ? [dirname(checksPath)] : [])];
  // Deno splits the list on commas, with no escape: a learner's folder named
  // "Dupont, Jean" is granted as "." from inside it instead.
  const comma = learnerDir.includes(",");
  if (bundled) readable.push(dirname(bundled.child));
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
    `--config=${CONFIG}`,
    `--lock=${GRADER_LOCK}`,
    `--import-map=${sandboxImportMap()}`,
    `--v8-flags=--max-old-space-size=${HEAP_MB}`,
    `--allow-read=${readable.map((path) => path === learnerDir && comma ? "." : path).join(",")}`,
    bundled?.child ?? CHILD,
  ];
  // On Unix, a data-segment limit makes a huge ArrayBuffer fail with a
  // RangeError inside the sandbox (the heap cap does not cover them).
  const unix = Deno.build.os !== "windows";
  const command = new Deno.Command(unix ? "/bin/sh" : Deno.execPath(), {
    args: unix
      ? [
        "-c",
        `ulimit -d ${RSS_MB * 1024} 2>/dev/null; exec "$0" "$@"`,
        Deno.execPath(),
        ...denoArgs,
      ]
      : denoArgs,
    // Run in the learner's folder: `/proc/self/cwd` or a relative path leads
    // nowhere else (the grader's own working folder is the teacher's checkout).
    cwd: learnerDir,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
    env: {
      NO_COLOR: "1",
      DENO_NO_UPDATE_CHECK: "1",
      ...(cacheDir !== undefined ? { DENO_DIR: cacheDir } : {}),
    },
    clearEnv: false,
  });
  const child = command.spawn();
  const message: Job = {
    nonce,
    module: new URL(`file://${job.file}`).href,
    checks: bundled?.checks ?? job.checks,
    lang: job.lang,
    seed: job.seed,
    from: job.from,
  };
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(message)));
  await writer.close().catch(() => {});

  // The V8 heap cap does not cover ArrayBuffers: watch the resident memory
  // too (Linux /proc; where it cannot be read, the heap cap alone applies).
  let overMemory = false;
  let lastRssKib = 0;
  const watch = setInterval(() => {
    try {
      const status = Deno.readTextFileSync(`/proc/${child.pid}/status`);
      const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      lastRssKib = kib;
      if (kib > RSS_MB * 1024) {
        overMemory = true;
        child.kill("SIGKILL");
      }
    } catch {
      clearInterval(watch);
    }
  }, 100);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  }, job.wallTimeoutMs);

  const results: (CheckResult | undefined)[] = [];
  let loadFault: SandboxFault | null = null;
  let done = false;
  let logs: LogLine[] = [];
  let current: number | null = null;
  let loaded = false;
  let raw = "";
  const marker = `\x1e${nonce} `;

  const handle = (frame: Frame) => {
    switch (frame.type) {
      case "loaded":
        loaded = true;
        break;
      case "load-error":
        loadFault = { kind: frame.kind, message: frame.message };
        break;
      case "start":
        current = frame.index;
        break;
      case "result":
        results[frame.index] = frame.result;
        current = null;
        break;
      case "done":
        done = true;
        logs = frame.logs;
        break;
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
        } else if (raw.length < OUTPUT_CAP && line !== "") {
          raw += line.slice(0, OUTPUT_CAP - raw.length) + "\n";
        }
      }
      // Never let one endless line eat memory: no frame is this long.
      if (pending.length > MAX_FRAME_CHARS + marker.length) {
        if (!pending.startsWith(marker) && raw.length < OUTPUT_CAP) {
          raw += pending.slice(0, OUTPUT_CAP - raw.length) + "\n";
        }
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

  let fault: SandboxFault | null = loadFault;
  if (!fault && !done) {
    const during = loaded ? current : null;
    // Stopped at the wall while holding more than the heap cap: V8 was
    // thrashing near its limit (slow on a busy machine), not looping.
    const nearHeapCap = lastRssKib > HEAP_MB * 1024;
    if (overMemory || (timedOut && nearHeapCap)) fault = { kind: "oom", during };
    else if (timedOut) fault = { kind: "frozen", during };
    else if (/Failed to reserve virtual memory for CodeRange/.test(stderr)) {
      // A Worker's new isolate cannot reserve its code space under `ulimit -d`:
      // V8 aborts the whole sandbox with an out-of-memory that is not one.
      const why = core("workerRefused")[job.lang];
      fault = { kind: "crash", code: status.code, stderr: why, during };
    } else if (status.code === OUTPUT_CLOSED) {
      const why = core("outputClosed")[job.lang];
      fault = { kind: "crash", code: status.code, stderr: why, during };
    } else if (/heap limit|out of memory|OOM/i.test(stderr)) fault = { kind: "oom", during };
    // A silent SIGABRT: an allocation outside the heap (a 200 MB JSON string)
    // refused by the data-segment limit aborts without a word.
    else if (status.signal === "SIGABRT" && stderr.trim() === "") fault = { kind: "oom", during };
    else if (!loaded && /^error/m.test(stripVTControlCharacters(stderr))) {
      // Deno itself refused to start the sandbox (learner exits are trapped
      // and a failed load is reported by the child): a fault of the grader.
      fault = { kind: "crash", code: status.code, stderr: shownStderr(stderr), during };
    } else if (status.code === 0 || status.code === 1 || status.code === 2) {
      fault = { kind: "exited", code: status.code, during };
    } else {
      fault = {
        kind: "crash",
        code: status.code,
        stderr: shownStderr(stderr),
        during,
      };
    }
    if (!loaded && fault.kind === "exited") {
      fault = { kind: "exited", code: status.code, during: null };
    }
  }
  return {
    results,
    fault,
    logs,
    rawOutput: raw,
    wallMs: performance.now() - started,
  };
}
