/**
 * The course's completeness, the rustlings way: every stub
 * `exercises/NN_topic.ts`, every checks folder `grader/checks/NN_topic/` and
 * every fixtures folder `fixtures/NN_topic/` is in the catalog, and every
 * catalog entry has all three; its points are its checks' points; its checks
 * folder holds its sentences (`messages.ts`), not inline text.
 *
 * Run as a program, prints the problems of the course it sits in as JSON
 * (the extra-exercise test runs it inside a copy of the course).
 *
 * @module
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ExerciseChecks } from "../check.ts";
import type { Exercise } from "../../exercises/catalog.ts";

const ID = /^\d\d_[a-z0-9_]+$/;

/** Names in `dir` that look like an exercise id (`NN_topic`), files with `ext` or folders. */
function ids(dir: string, kind: "file" | "folder", ext = ".ts"): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => kind === "file" ? e.isFile() && e.name.endsWith(ext) : e.isDirectory())
    .map((e) => kind === "file" ? e.name.slice(0, -ext.length) : e.name)
    .filter((name) => ID.test(name))
    .sort();
}

/** Where each kind of an exercise's files lives. */
export interface CourseParts {
  stubs: string[];
  checks: string[];
  fixtures: string[];
}

/** The exercise ids each folder of the course at `root` holds. */
export function courseParts(root: URL): CourseParts {
  const at = (path: string) => fileURLToPath(new URL(path, root));
  return {
    stubs: ids(at("exercises/"), "file"),
    checks: ids(at("grader/checks/"), "folder"),
    fixtures: ids(at("fixtures/"), "folder"),
  };
}

/** Relative imports of a module's text, as written. */
function relativeImports(text: string): string[] {
  return [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]);
}

/**
 * Every problem of the course at `root` with `catalog` (its own catalog
 * unless given), as sentences naming the exercise; `[]` when complete.
 * `kinds` picks what to compare with the catalog (default: all three).
 */
export async function courseProblems(
  root: URL,
  catalog: readonly Exercise[],
  kinds: readonly (keyof CourseParts)[] = ["stubs", "checks", "fixtures"],
): Promise<string[]> {
  const problems: string[] = [];
  const parts = courseParts(root);
  const listed = catalog.map((e) => e.id);
  const where = { stubs: "exercises/", checks: "grader/checks/", fixtures: "fixtures/" };
  for (const kind of kinds) {
    for (const id of parts[kind].filter((id) => !listed.includes(id))) {
      problems.push(`${id}: ${where[kind]}${id} is not in the catalog`);
    }
    for (const id of listed.filter((id) => !parts[kind].includes(id))) {
      problems.push(`${id}: in the catalog, but ${where[kind]}${id} is missing`);
    }
  }
  const forbidden = [new URL("mod.ts", root).href, new URL("exercises/catalog.ts", root).href];
  for (const e of catalog) {
    const folder = new URL(`grader/checks/${e.id}/`, root);
    if (e.file !== `${e.id}.ts`) problems.push(`${e.id}: its stub is named ${e.file}`);
    if (e.checks !== new URL("mod.ts", folder).href) {
      problems.push(`${e.id}: its checks are not grader/checks/${e.id}/mod.ts but ${e.checks}`);
    }
    if (kinds.includes("fixtures") && parts.fixtures.includes(e.id)) {
      if (!existsSync(fileURLToPath(new URL(`fixtures/${e.id}/solution.ts`, root)))) {
        problems.push(`${e.id}: fixtures/${e.id}/solution.ts is missing`);
      }
    }
    if (!parts.checks.includes(e.id)) continue;
    const messages = new URL("messages.ts", folder);
    if (!existsSync(fileURLToPath(messages))) {
      problems.push(`${e.id}: grader/checks/${e.id}/messages.ts is missing`);
    } else if (!/\bdefineCatalog\(/.test(readFileSync(messages, "utf8"))) {
      problems.push(`${e.id}: grader/checks/${e.id}/messages.ts declares no defineCatalog(…)`);
    }
    for (const file of readdirSync(folder).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(new URL(file, folder), "utf8");
      const bad = relativeImports(text).filter((s) =>
        forbidden.includes(new URL(s, new URL(file, folder)).href)
      );
      if (bad.length > 0) {
        problems.push(`${e.id}: ${file} imports ${bad.join(", ")} (the catalog loads the checks)`);
      }
      if (file !== "messages.ts" && /^\s*(en|fr):\s/m.test(text)) {
        problems.push(`${e.id}: ${file} writes text inline; sentences go in messages.ts`);
      }
    }
    const { default: spec } = await import(e.checks) as { default: ExerciseChecks };
    const sum = spec.checks.reduce((s, c) => s + c.points, 0);
    if (sum !== e.points) problems.push(`${e.id}: worth ${e.points} points, its checks ${sum}`);
    if (!spec.title || (spec.hints?.length ?? 0) < 2) {
      problems.push(`${e.id}: its checks declare no title or fewer than two hints`);
    }
  }
  return problems;
}

if (import.meta.main) {
  const { CATALOG } = await import("../../exercises/catalog.ts");
  const root = new URL("../../", import.meta.url);
  console.log(JSON.stringify({
    parts: courseParts(root),
    catalog: CATALOG.map((e) => ({ id: e.id, points: e.points })),
    problems: await courseProblems(root, CATALOG),
  }));
}
