/**
 * What the grading process needs of an exercise's checks module, without
 * loading it: its title and hints, and each check's id, points, title,
 * hint, lesson and `dependsOn`. Loading a checks module loads the engine
 * that runs checks, with the clock's npm package: about a fifth of every
 * `deno task grade`, for a few strings and numbers. The course's own checks
 * (`grader/checks/NN_topic/mod.ts`) are read once, then kept as JSON beside
 * the sandbox bundle, under the key of the grader's sources
 * (`grader/.bundle/info-<key>/`): a changed source is a new key, so a stale
 * copy is never read. Checks from elsewhere are always loaded.
 *
 * Real time and files only; never touches the virtual clock.
 *
 * @module
 */
import { basename, dirname, join } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import type { Check, ExerciseChecks } from "./check.ts";
import { BUNDLE_DIR, sourcesKey } from "./_child_bundle.ts";
import { writeAtomically } from "./_fs.ts";

const CHECKS = fromFileUrl(new URL("./checks/", import.meta.url));

/** What this process has read already, by file (its name holds the sources' key). */
const read = new Map<string, ExerciseChecks>();

/** What of a check the grading process reads. */
export type CheckInfo = Omit<Check, "run">;

/** The fields of a check kept, in order. */
const FIELDS = ["id", "points", "title", "hint", "lesson", "dependsOn"] as const;

/** What a checks module declares, minus the code that runs the checks. */
function infoOf(spec: ExerciseChecks): ExerciseChecks {
  return {
    ...(spec.title !== undefined ? { title: spec.title } : {}),
    ...(spec.hints !== undefined ? { hints: spec.hints } : {}),
    checks: spec.checks.map((check) => {
      const kept: Record<string, unknown> = {};
      for (const field of FIELDS) if (check[field] !== undefined) kept[field] = check[field];
      return kept as unknown as Check;
    }),
  };
}

/** Whether `value` is made of strings, finite numbers, booleans, arrays and plain objects only. */
function plainData(value: unknown): boolean {
  if (typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(plainData);
  if (typeof value !== "object" || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(plainData);
}

/** The checks modules this process has imported (a module is never loaded again, even once its file changed). */
const imported = new Set<string>();

async function load(url: string): Promise<ExerciseChecks> {
  imported.add(url);
  return ((await import(url)) as { default: ExerciseChecks }).default;
}

/**
 * The declarations of the checks module at `url`: read from the kept JSON
 * when there is one for the current sources, else loaded (and kept, where
 * the grader may write). Its checks have no `run`: only a sandbox runs them.
 */
export async function checksInfo(url: string): Promise<ExerciseChecks> {
  if (!url.startsWith("file:")) return await load(url);
  const path = fromFileUrl(url);
  const folder = basename(dirname(path));
  if (join(CHECKS, folder, "mod.ts") !== path) return await load(url);
  let file: string;
  try {
    file = join(BUNDLE_DIR, `info-${await sourcesKey()}`, `${folder}.json`);
  } catch {
    return await load(url);
  }
  const known = read.get(file);
  if (known !== undefined) return known;
  try {
    const kept = JSON.parse(Deno.readTextFileSync(file)) as ExerciseChecks;
    if (Array.isArray(kept.checks)) {
      read.set(file, kept);
      return kept;
    }
  } catch { /* not kept yet */ }
  // Kept only from a first import: a process that imported the module under
  // an older key (a `watch` running while a check is edited) holds the old one.
  const fresh = !imported.has(url);
  const spec = await load(url);
  if (!fresh) return spec;
  const info = infoOf(spec);
  try {
    // Only what survives JSON as it is: anything else is loaded each time.
    if (plainData(info)) {
      writeAtomically(file, JSON.stringify(info));
    }
  } catch { /* read-only checkout, or a sandbox: load it next time too */ }
  return spec;
}
