/**
 * Builds a course's catalog entry from an exercise's checks module, so that
 * its title, hints and points are written once, in its checks folder.
 *
 * @module
 */
import type { ExerciseChecks } from "./check.ts";
import { checksInfo } from "./_checks_info.ts";
import type { Exercise } from "./course.ts";

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
 * import { exercise } from "./exercise.ts";
 * import assert from "node:assert/strict";
 *
 * const gather = await exercise("01_gather");
 * assert.equal(gather.file, "01_gather.ts");
 * assert.equal(gather.points, 20);
 * assert.match(gather.checks, /\/grader\/checks\/01_gather\/mod\.ts$/);
 * ```
 */
export async function exercise(id: string, checks?: string | URL): Promise<Exercise> {
  const url = new URL(checks ?? `./checks/${id}/mod.ts`, import.meta.url).href;
  const spec = await checksInfo(url) as ExerciseChecks | undefined;
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
