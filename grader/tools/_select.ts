/**
 * What the dev tools (`deno task mutants`, `deno task seeds`) share: the
 * exercises named on their command line.
 *
 * @module
 */
import { CATALOG, type Exercise, findExercise } from "../../mod.ts";

/**
 * The exercises named by `names` (`1`, `01`, `01_gather`, `gather`), each
 * once and in the order given, or the whole course when none is named;
 * `null` after printing an error and `usage` when a name matches none.
 */
export function selectExercises(names: readonly string[], usage: string): Exercise[] | null {
  const selected: Exercise[] = [];
  for (const name of names) {
    const found = findExercise(name);
    if (!found) {
      console.error(`error: no exercise "${name}"\n\n${usage}`);
      return null;
    }
    if (!selected.includes(found)) selected.push(found);
  }
  return selected.length > 0 ? selected : [...CATALOG];
}
