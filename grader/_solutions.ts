/**
 * Where the course keeps its reference solutions — the one place that knows
 * the path, for the teacher's tools (`grade-batch`'s `same_as`) and the
 * tests. A student repository has none: there, every lookup finds nothing.
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The path of exercise `id`'s reference solution in the course repository. */
export function referenceSolutionPath(id: string): string {
  return fileURLToPath(new URL(`../fixtures/${id}/solution.ts`, import.meta.url));
}

/** The text of exercise `id`'s reference solution; `null` where there is none. */
export function referenceSolution(id: string): string | null {
  const path = referenceSolutionPath(id);
  try {
    return existsSync(path) ? readFileSync(path, "utf8") : null;
  } catch {
    return null; // not readable here (no permission): as good as absent
  }
}
