/**
 * The exercises, in course order: one line each. An exercise lives in one
 * place per kind of file — its stub `exercises/NN_topic.ts`, its checks
 * folder `grader/checks/NN_topic/` (the checks in `mod.ts`, every sentence
 * they show in `messages.ts`) and its fixtures `fixtures/NN_topic/` — and
 * its entry here is built from its checks: title, hints and points (the sum
 * of its checks' points) are written once, there. Nothing in the engine
 * changes when an exercise is added.
 *
 * @module
 */
import type { ExerciseChecks } from "../grader/check.ts";
import type { LocalText } from "../grader/i18n/mod.ts";

/** One exercise of the course, as `grade({ catalog })` takes it. */
export interface Exercise {
  /** `NN_topic`, also the stub's file name without `.ts`. */
  id: string;
  /** The stub's file name inside `exercises/`. */
  file: string;
  /** Its title, as the report shows it. */
  title: LocalText;
  /** Points it is worth: the sum of its checks' points. */
  points: number;
  /** URL of its checks module (`export default defineChecks({ title, hints, checks })`). */
  checks: string;
  /** Hints from a nudge to the idea, shown one at a time by `deno task hint N`. */
  hints: readonly LocalText[];
}

/**
 * An exercise's catalog entry, read from its checks module: the title and
 * hints it declares, and the sum of its checks' points. The checks module must
 * not import `mod.ts` or this catalog (it would wait on itself).
 *
 * @param id The exercise's id, `NN_topic`: its stub is `exercises/NN_topic.ts`.
 * @param checks URL of its checks module (default: `grader/checks/NN_topic/mod.ts`).
 * @returns The entry.
 *
 * @example Exercise 1's entry comes from its checks folder
 * ```ts
 * import { exercise } from "./catalog.ts";
 * import assert from "node:assert/strict";
 *
 * const gather = await exercise("01_gather");
 * assert.equal(gather.file, "01_gather.ts");
 * assert.equal(gather.points, 20);
 * assert.match(gather.checks, /\/grader\/checks\/01_gather\/mod\.ts$/);
 * ```
 */
export async function exercise(id: string, checks?: string | URL): Promise<Exercise> {
  const url = new URL(checks ?? `../grader/checks/${id}/mod.ts`, import.meta.url).href;
  const { default: spec } = await import(url) as { default?: ExerciseChecks };
  if (!spec || !Array.isArray(spec.checks)) {
    throw new TypeError(`Cannot read exercise "${id}": ${url} has no default defineChecks(…)`);
  }
  if (!spec.title || !spec.hints) {
    throw new TypeError(`Cannot read exercise "${id}": its checks declare no title or hints`);
  }
  return {
    id,
    file: `${id}.ts`,
    title: spec.title,
    points: spec.checks.reduce((sum, c) => sum + c.points, 0),
    checks: url,
    hints: spec.hints,
  };
}

/** The course's exercises, in order. */
export const CATALOG: readonly Exercise[] = await Promise.all([
  exercise("01_gather"),
  exercise("02_downloads"),
  exercise("03_timeouts"),
  exercise("04_pipeline"),
  exercise("05_check_services"),
]);
