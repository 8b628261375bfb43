/**
 * The sandbox protocol, one home for both ends of the pipe: what the parent
 * (`sandbox.ts`) sends the child (`child.ts`) on stdin, the frames the child
 * writes back on stdout, how a frame line is marked, and the child's own
 * exit code. Types and constants only: no I/O, no clock.
 *
 * On stdin, two lines of JSON: a {@linkcode Preload} as soon as the sandbox
 * starts (the checks it loads, then it hardens its realm), and the
 * {@linkcode Job} when the submission is ready (no learner code runs before
 * it); then the end of the input.
 *
 * @module
 */
import type { CheckResult } from "./check.ts";
import type { LogLine } from "./clock.ts";
import type { Lang } from "./i18n/mod.ts";

/** One exercise of a job. */
export interface ExerciseJob {
  /** Absolute file URL of the learner's module. */
  module: string;
  /** URL of the exercise's checks module. */
  checks: string;
  /** Index of the first check to run (after a sandbox stopped at an earlier one). */
  from: number;
}

/** The checks modules a sandbox loads before it hardens its realm. */
export interface Preload {
  /** Their URLs: every exercise of the job names one of them. */
  checks: string[];
}

/**
 * What the parent asks the child to do: one exercise, or several of one
 * submission run one after another in the same sandbox (see
 * `runSharedSandbox` in `sandbox.ts`).
 */
export interface Job {
  /** The random secret that marks the child's frames. */
  nonce: string;
  /** The report's language. */
  lang: Lang;
  /** Seed of the checks' random data. */
  seed: number;
  /** The exercises, in the order they run. */
  exercises: ExerciseJob[];
}

/** Why the learner's module could not be loaded, as the child tells it. */
export type LoadFault = "load" | "syntax" | "exit" | "never-ends";

/**
 * What the child reports, one frame per line. An `exercise` frame opens each
 * exercise of the job (its index in `Job.exercises`); the frames after it
 * are that exercise's, up to its `done` (or its `load-error`).
 */
export type Frame =
  | { type: "exercise"; index: number }
  | { type: "loaded" }
  | { type: "load-error"; kind: LoadFault; message: string }
  | { type: "start"; index: number; id: string }
  | { type: "result"; index: number; result: CheckResult }
  | { type: "done"; logs: LogLine[] };

/** The child's exit code when it can no longer write its frames (learner code closed stdout). */
export const OUTPUT_CLOSED = 5;

/** What starts a frame line: a record separator, the nonce, a space (the JSON follows). */
export function frameMarker(nonce: string): string {
  return `\x1e${nonce} `;
}
