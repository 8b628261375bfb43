/**
 * `grade-batch`'s `same_as`: which submissions hand in an exercise file that
 * is another's — another submission's, or the course's reference solution —
 * once comments and whitespace are set aside. It flags; it never changes a
 * score. A file still identical to the stub, missing or empty is never
 * flagged (every student who has not started shares it).
 *
 * @module
 */
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Exercise } from "./course.ts";
import { exercisesDir } from "./grade.ts";
import { referenceSolution } from "./_solutions.ts";

/** What `same_as` names for a file identical to the reference solution. */
export const REFERENCE = "(reference)";

/** Per exercise id, the others a submission's file is identical to (in name order). */
export type SameAs = Record<string, string[]>;

const WORD = /\w/;

/**
 * Source text with its comments removed and its whitespace reduced to one
 * space between two word characters (nothing elsewhere); strings and
 * template literals are kept as they are.
 */
export function normalizeSource(text: string): string {
  const parts: string[] = [];
  let pendingSpace = false;
  // Whether the text so far ends in a word character (reading the text
  // itself each time, as it grows, made this quadratic in its length).
  let wordEnd = false;
  const push = (chunk: string) => {
    if (pendingSpace && wordEnd && WORD.test(chunk[0])) parts.push(" ");
    pendingSpace = false;
    parts.push(chunk);
    wordEnd = WORD.test(chunk[chunk.length - 1]);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (c === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") i++;
      pendingSpace = true;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end === -1 ? text.length : end + 2;
      pendingSpace = true;
    } else if (/\s/.test(c)) {
      i++;
      pendingSpace = true;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      push(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i + 1;
      while (j < text.length && !/[\s"'`/]/.test(text[j])) j++;
      push(text.slice(i, j));
      i = j;
    }
  }
  return parts.join("");
}

/** The course's stub of an exercise, normalised (`null` when it cannot be read). */
function normalizedStub(exercise: Exercise): string | null {
  try {
    const path = fileURLToPath(new URL(`../exercises/${exercise.file}`, import.meta.url));
    return normalizeSource(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

/** A submission's exercise file, normalised; `null` when missing or unreadable. */
function normalizedFile(dir: string, exercise: Exercise): string | null {
  try {
    return normalizeSource(readFileSync(join(exercisesDir(dir), exercise.file), "utf8"));
  } catch {
    return null;
  }
}

/**
 * For each submission (same order), the exercises whose file is identical
 * after normalisation to a classmate's (default: among `submissions`; the
 * whole class when `submissions` is one shard of it) or to the reference
 * solution (`reference` reads it; default: the course's, none in a student
 * repository).
 */
export function findSameAs(
  submissions: readonly { name: string; dir: string }[],
  catalog: readonly Exercise[],
  reference: (id: string) => string | null = referenceSolution,
  classmates: readonly { name: string; dir: string }[] = submissions,
): SameAs[] {
  const found: SameAs[] = submissions.map(() => ({}));
  for (const exercise of catalog) {
    const stub = normalizedStub(exercise);
    const owners = new Map<string, string[]>();
    for (const mate of classmates) {
      const text = normalizedFile(mate.dir, exercise);
      if (text === null || text === "" || text === stub) continue;
      owners.set(text, [...(owners.get(text) ?? []), mate.name]);
    }
    const texts = submissions.map((s) => normalizedFile(s.dir, exercise));
    const solution = reference(exercise.id);
    const solutionText = solution === null ? null : normalizeSource(solution);
    texts.forEach((text, i) => {
      if (text === null || text === "" || text === stub) return;
      const others = (owners.get(text) ?? []).filter((name) => name !== submissions[i].name);
      if (text === solutionText) others.unshift(REFERENCE);
      if (others.length > 0) found[i][exercise.id] = others;
    });
  }
  return found;
}

/** `same_as` as one CSV cell: `01_gather: bob, carol; 03_timeouts: (reference)`. */
export function sameAsText(sameAs: SameAs | undefined): string {
  return Object.entries(sameAs ?? {}).map(([id, names]) => `${id}: ${names.join(", ")}`)
    .join("; ");
}
