/**
 * async-lab's grading engine: run async code in virtual time, observe it
 * through probes, and grade exercises with checks.
 *
 * @example Three one-second waits, run together, take one virtual second
 * ```ts
 * import { runInVirtualTime } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
 * const run = await runInVirtualTime(() => Promise.all([sleep(1000), sleep(1000), sleep(1000)]));
 * assert.equal(run.status, "ok");
 * assert.equal(run.elapsedMs, 1000);
 * ```
 *
 * @example A probe records when each call started and ended
 * ```ts
 * import { probe, runInVirtualTime } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const users = probe("users", { seconds: 2, value: ["alice"] });
 * const orders = probe("orders", { seconds: 3, value: ["order_1"] });
 * const run = await runInVirtualTime(async () => [await users(), await orders()]);
 * assert.equal(run.elapsedMs, 5000);
 * assert.deepEqual(run.events.map((s) => [s.label, s.start, s.end]), [
 *   ["users", 0, 2000],
 *   ["orders", 2000, 5000],
 * ]);
 * ```
 *
 * @module
 */
export {
  installVirtualClock,
  type LogLine,
  type PendingTimer,
  runInVirtualTime,
  type RunOptions,
  type RunStatus,
  type Span,
  type VirtualRun,
} from "@async-lab/grader/clock";
export {
  isTimeout,
  type Probe,
  probe,
  type ProbeCall,
  type ProbeOptions,
} from "@async-lab/grader/probe";
export {
  type Check,
  type CheckContext,
  CheckFailure,
  type CheckResult,
  defineChecks,
  type ExerciseChecks,
  type FailDetails,
  type FailMark,
  type SecPair,
  type SettledRun,
  type TimelineMark,
  type TimelineSpan,
} from "@async-lab/grader/check";
export {
  type ExerciseError,
  type ExerciseReport,
  findExercise,
  grade,
  type GradeOptions,
  type Report,
  SCHEMA,
} from "@async-lab/grader";
export {
  type Catalog,
  type CatalogOf,
  defineCatalog,
  joinTexts,
  type Lang,
  LANGS,
  type LocalText,
  type Message,
  type Messages,
  type Params,
  type Texts,
  texts,
  type Widen,
} from "@async-lab/grader/i18n";
export {
  EPS,
  near,
  sameData,
  settleOr,
  show,
  showData,
  standInForRandom,
  track,
  type Tracked,
  wait,
} from "@async-lab/grader/toolkit";
export { renderTimeline, type TimelineOptions } from "@async-lab/grader/timeline";
export { CATALOG, type Exercise } from "@async-lab/grader/course";
export { exercise } from "@async-lab/grader/exercise";
