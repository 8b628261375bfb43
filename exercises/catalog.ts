/**
 * The exercises, in course order: one line each. An exercise lives in one
 * place per kind of file — its stub `exercises/NN_topic.ts`, its checks
 * folder `grader/checks/NN_topic/` (the checks in `mod.ts`, every sentence
 * they show in `messages.ts`) and its fixtures `fixtures/NN_topic/` — and
 * its entry here is built from its checks: title, hints and points (the sum
 * of its checks' points) are written once, there. Nothing in the engine
 * changes when an exercise is added.
 *
 * Code that also loads the engine reads `CATALOG` through
 * `grader/course.ts`, never from this file: both wait at top level, and a
 * module graph holding both imports could see this one before its
 * `CATALOG` exists.
 *
 * @module
 */
import type { Exercise } from "@async-lab/grader/course";
import { exercise } from "@async-lab/grader/exercise";

export type { Exercise };

/** The course's exercises, in order. */
export const CATALOG: readonly Exercise[] = await Promise.all([
  exercise("01_gather"),
  exercise("02_downloads"),
  exercise("03_timeouts"),
  exercise("04_pipeline"),
  exercise("05_check_services"),
]);
