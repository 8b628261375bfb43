/**
 * Why a sandbox stopped before it finished: one pure decision from what the
 * parent observed (its limits, the exit status, what the child wrote on
 * stderr), so that every branch is tested by a table (`_stop_test.ts`)
 * rather than by real subprocesses only.
 *
 * @module
 */
import { stripVTControlCharacters } from "node:util";
import { core } from "./_verdict.ts";
import type { Lang } from "./i18n/mod.ts";
import { type LoadFault, OUTPUT_CLOSED } from "./_protocol.ts";
import { untrusted } from "./_untrusted.ts";

/**
 * Why a sandbox ended early, in the report's words: the kinds are those of
 * an exercise's `error.kind` (`exit`, `frozen`, `oom`, `crash`…); a crash's
 * `detail` is what it is known by (Deno's error line, or a sentence in the
 * report's language).
 */
export type SandboxFault =
  | { kind: LoadFault; message: string }
  /** Out of time: its CPU budget (`cpu`) or the wall-clock backstop (`wall`). */
  | { kind: "frozen"; during: number | null; by: "cpu" | "wall" }
  | { kind: "oom"; during: number | null }
  | { kind: "exit"; code: number; during: number | null }
  | { kind: "crash"; code: number; detail: string; during: number | null };

/** What the parent saw of a sandbox that stopped before its last frame. */
export interface StopFacts {
  /** The learner's module had loaded. */
  loaded: boolean;
  /** Index of the check under way, or `null` (before the first). */
  current: number | null;
  /** The parent killed it for its resident memory. */
  overMemory: boolean;
  /** The parent killed it at the wall-clock backstop. */
  timedOut: boolean;
  /** It ran out of CPU time (the parent's kill or the OS's `SIGXCPU`). */
  outOfCpu: boolean;
  /** Its resident memory was above the heap cap at the last reading. */
  nearHeapCap: boolean;
  /** Exit code. */
  code: number;
  /** Signal that ended it, or `null`. */
  signal: string | null;
  /** What it wrote on stderr (capped). */
  stderr: string;
  /** The report's language. */
  lang: Lang;
}

/**
 * Stderr quoted in a crash message: learner code may have written there
 * (a bidi override, a carriage return, a forged "Total 100/100").
 */
export function shownStderr(stderr: string): string {
  return untrusted(stripVTControlCharacters(stderr).slice(0, 2000), 2000);
}

/** Why a sandbox that stopped before its last frame stopped. */
export function whyStopped(f: StopFacts): SandboxFault {
  const during = f.loaded ? f.current : null;
  // Stopped while holding more than the heap cap: V8 was spending its time
  // collecting garbage near its limit, not looping.
  if (f.overMemory || ((f.timedOut || f.outOfCpu) && f.nearHeapCap)) return { kind: "oom", during };
  if (f.outOfCpu) return { kind: "frozen", during, by: "cpu" };
  if (f.timedOut) return { kind: "frozen", during, by: "wall" };
  if (/Failed to reserve virtual memory for CodeRange/.test(f.stderr)) {
    // A Worker's new isolate cannot reserve its code space under `ulimit -d`:
    // V8 aborts the whole sandbox with an out-of-memory that is not one.
    return { kind: "crash", code: f.code, detail: core("workerRefused")[f.lang], during };
  }
  if (f.code === OUTPUT_CLOSED) {
    return { kind: "crash", code: f.code, detail: core("outputClosed")[f.lang], during };
  }
  if (/heap limit|out of memory|OOM/i.test(f.stderr)) return { kind: "oom", during };
  // A silent SIGABRT: an allocation outside the heap (a 200 MB JSON string)
  // refused by the data-segment limit aborts without a word.
  if (f.signal === "SIGABRT" && f.stderr.trim() === "") return { kind: "oom", during };
  if (!f.loaded && /^error|^Deno has panicked/m.test(stripVTControlCharacters(f.stderr))) {
    // Deno itself refused to start the sandbox (learner exits are trapped
    // and a failed load is reported by the child): a fault of the grader.
    return { kind: "crash", code: f.code, detail: shownStderr(f.stderr), during };
  }
  if (f.code === 0 || f.code === 1 || f.code === 2) return { kind: "exit", code: f.code, during };
  return { kind: "crash", code: f.code, detail: shownStderr(f.stderr), during };
}
