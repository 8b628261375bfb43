/**
 * The course's fixtures, one folder per exercise (`fixtures/NN_topic/`):
 *
 * - `solution.ts`: the reference solution (full marks);
 * - `styles/<style>.ts`: correct solutions written another way (full marks);
 * - `mistakes/<mistake>.patch`: a unified diff of the reference solution (or
 *   of the style named by `base`) that makes one mistake, applied here at
 *   test time;
 * - `mistakes.json`: each mistake's expected verdict,
 *   `{ "<mistake>": { "failing": { "<check id>": "<regex its message must match>" } } }`
 *   (`""` accepts any message); `base` names another file to patch;
 *   `checkedBy` names the test that asserts a verdict the generic one cannot
 *   say (an exercise-level error, a whole timeline).
 *
 * Tests and tools stage a submission folder from these (a temporary folder
 * holding `NN_topic.ts` files), grade it, and remove it.
 *
 * @module
 */
import { applyPatch } from "npm:diff@9.0.0";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOG } from "../course.ts";
import { referenceSolutionPath } from "../_solutions.ts";

/** The fixtures folder. */
export const FIXTURES: string = fileURLToPath(new URL("../../fixtures/", import.meta.url));

/** An exercise's fixtures folder: `fixtures/<id>/`. */
export function fixtureFolder(id: string): string {
  return join(FIXTURES, id);
}

/** The path of an exercise's reference solution. */
export function referenceSolution(id: string): string {
  return referenceSolutionPath(id);
}

/** The file name an exercise is graded from (`01_gather` → `01_gather.ts`). */
export function exerciseFile(id: string): string {
  return CATALOG.find((e) => e.id === id)?.file ?? `${id}.ts`;
}

/** Exercise ids that have a fixtures folder, sorted. */
export function fixtureIds(): string[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, "solution.ts")))
    .map((d) => d.name)
    .sort();
}

/** The other-style solutions of an exercise: style name → path. */
export function styles(id: string): Map<string, string> {
  const dir = join(fixtureFolder(id), "styles");
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".ts")).sort()) {
    found.set(name.slice(0, -3), join(dir, name));
  }
  return found;
}

/** One mistake of `mistakes.json`. */
export interface Mistake {
  /** The exercise id. */
  exercise: string;
  /** The mistake's name: `mistakes/<name>.patch`. */
  name: string;
  /** The file the patch applies to, in the exercise's folder (default `solution.ts`). */
  base: string;
  /** Check id → regex its failure message must match; exactly these checks fail. */
  failing?: Record<string, string>;
  /** The exercise-level error kind the mistake causes. */
  error?: string;
  /** The test that asserts this mistake's verdict itself. */
  checkedBy?: string;
}

/** An exercise's mistakes, sorted by name. */
export function mistakes(id: string): Mistake[] {
  const file = join(fixtureFolder(id), "mistakes.json");
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, Omit<Mistake, "name">>;
  return Object.entries(data)
    .map(([name, m]) => ({ ...m, exercise: id, name, base: m.base ?? "solution.ts" }))
    .sort((a, b) => a.name < b.name ? -1 : 1);
}

/** Applies a unified diff to `text`; throws when it does not apply. */
export function patched(text: string, patch: string, what = "patch"): string {
  const out = applyPatch(text, patch);
  if (out === false) throw new Error(`Cannot apply ${what}: its context no longer matches`);
  return out;
}

/** The source of exercise `id` with mistake `name` made in it; throws when the patch no longer applies. */
export function mistakeSource(id: string, name: string): string {
  const mistake = mistakes(id).find((m) => m.name === name);
  if (!mistake) throw new Error(`Cannot find mistake "${name}" in fixtures/${id}/mistakes.json`);
  const dir = fixtureFolder(id);
  const patch = readFileSync(join(dir, "mistakes", `${name}.patch`), "utf8");
  const base = readFileSync(join(dir, mistake.base), "utf8");
  return patched(base, patch, `fixtures/${id}/mistakes/${name}.patch to ${mistake.base}`);
}

/** The reference solutions as submission files: file name → source. */
export function solutionFiles(
  ids: readonly string[] = CATALOG.map((e) => e.id),
): Record<string, string> {
  return Object.fromEntries(
    ids.map((id) => [exerciseFile(id), readFileSync(referenceSolution(id), "utf8")]),
  );
}

/** A staged submission folder, removed when disposed (`using`). */
export interface Staged extends Disposable {
  /** The folder, holding the staged files. */
  dir: string;
}

/**
 * Writes a submission folder in a new temporary folder: `files` maps a file
 * name (`01_gather.ts`) to its source.
 */
export function stage(files: Record<string, string>, prefix = "async-lab-fixture-"): Staged {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A submission folder holding exercise `id` with mistake `name` made in it. */
export function stageMistake(id: string, name: string): Staged {
  return stage({ [exerciseFile(id)]: mistakeSource(id, name) }, `async-lab-${name}-`);
}

/** A submission folder holding the reference solutions (all of the catalog by default). */
export function stageSolutions(ids?: readonly string[]): Staged {
  return stage(solutionFiles(ids), "async-lab-solutions-");
}

/**
 * Runs `script` (JavaScript) in a Deno process of its own, without a config,
 * and returns what it printed, parsed as JSON; throws with its stderr when
 * it fails. For tests of what cannot be undone in the test's own process
 * (hardening the realm).
 */
export async function evalJson(script: string): Promise<unknown> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--quiet", "--no-config", "--ext=js", script],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}
