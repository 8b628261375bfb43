/**
 * `deno task classroom DIR`: writes the student repository of a GitHub
 * Classroom assignment — the stubs, the lessons, the grader with its checks,
 * the learner's tasks, a student README, `.gitignore` and the Classroom
 * workflow — and nothing a learner could copy an answer from.
 *
 * What is copied is decided by rules, not by a list of files, so that moving
 * files inside `grader/`, `lessons/` or `exercises/` needs no change here:
 * those three folders are copied whole (each member's `deno.json` as it is),
 * minus tests (`*_test.ts`, `grader/tests/`), the teacher's and developer's
 * tools (`grader/tools/`, benchmarks) and build output (`.bundle`). Nothing
 * is ever read from `fixtures/`. The root `deno.json` is derived from the
 * course's: its settings and imports, and the learner's tasks only.
 *
 * @module
 */
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { defineCatalog, type Lang } from "../i18n/mod.ts";

/** The course's root folder (this file is `grader/tools/classroom.ts`). */
export const COURSE_ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** The folders of the course a student repository holds. */
export const STUDENT_FOLDERS: readonly string[] = ["exercises", "lessons", "grader"];

/** The tasks a learner runs; every other task stays in the course repository. */
export const LEARNER_TASKS: readonly string[] = ["grade", "watch", "hint", "lesson"];

/** Where the templates of the student repository live. */
const TEMPLATES = join(COURSE_ROOT, "grader", "tools", "classroom");

/** What `--course OWNER/REPO@REF` names: the repository whose grader grades. */
export interface CourseRef {
  repo: string;
  ref: string;
}

/** Options of {@linkcode writeClassroom}. */
export interface ClassroomOptions {
  /** The student README's language, and the grader's in the workflow. */
  lang: Lang;
  /** Grade with the course repository's grader at this ref (see the README). */
  course?: CourseRef;
  /** The course to copy from (default: this checkout). */
  root?: string;
  /** The Deno version the README and the workflow name (default: the running one). */
  denoVersion?: string;
}

/** The teacher-facing sentences of `deno task classroom`. */
export const CLASSROOM_MESSAGES = defineCatalog({
  usage: "Usage: deno task classroom DIR [--lang en|fr] [--course OWNER/REPO@REF]",
  help: `Write a student repository for GitHub Classroom into DIR: the stubs, the lessons,
the grader and its checks, the learner's tasks, a student README, .gitignore and
the Classroom workflow. No solution, fixture, test or benchmark goes in.

DIR                      a new or empty folder (a fresh \`git init\` is fine)
--lang L                 the student README's language and the grader's: en or fr (default en)
--course OWNER/REPO@REF  the Classroom run grades with this repository's grader at REF
                         (a tag or commit), so edits to the student's grader/ change nothing
--help                   show this help`,
  noDir: "missing DIR: the folder to write the student repository into",
  tooMany: (p: { args: string }) => `one DIR only, got: ${p.args}`,
  notEmpty: (p: { dir: string }) =>
    `Cannot write into ${p.dir}: it is not empty (use a new folder, or one holding only .git)`,
  insideCourse: (p: { dir: string }) =>
    `Cannot write into ${p.dir}: it is inside the course folders it would copy`,
  badCourse: (p: { value: string }) =>
    `invalid value for --course: ${p.value} (expected OWNER/REPO@REF, e.g. my-school/async-lab@v1)`,
  wrote: (p: { dir: string; files: number }) =>
    `Wrote the student repository to ${p.dir} (${p.files} files). Next: cd into it, git init, ` +
    "commit, push to GitHub and make it a template repository.",
}, {
  usage: "Usage : deno task classroom DOSSIER [--lang en|fr] [--course PROPRIÉTAIRE/DÉPÔT@RÉF]",
  help: `Écrit dans DOSSIER un dépôt étudiant pour GitHub Classroom : les squelettes, les leçons,
le correcteur et ses vérifications, les tâches de l'apprenant, un README étudiant,
.gitignore et le workflow Classroom. Aucune solution, fixture, test ni benchmark.

DOSSIER                            un dossier nouveau ou vide (un \`git init\` récent convient)
--lang L                           langue du README étudiant et du correcteur : en ou fr (défaut en)
--course PROPRIÉTAIRE/DÉPÔT@RÉF    l'exécution Classroom corrige avec le correcteur de ce dépôt
                                   à RÉF (un tag ou un commit) : modifier le grader/ de
                                   l'étudiant ne change rien
--help                             affiche cette aide`,
  noDir: "DOSSIER manquant : le dossier où écrire le dépôt étudiant",
  tooMany: (p: { args: string }) => `un seul DOSSIER, reçu : ${p.args}`,
  notEmpty: (p: { dir: string }) =>
    `Impossible d'écrire dans ${p.dir} : il n'est pas vide (prenez un dossier nouveau, ou qui ne contient que .git)`,
  insideCourse: (p: { dir: string }) =>
    `Impossible d'écrire dans ${p.dir} : il est dans les dossiers du cours qu'il faudrait copier`,
  badCourse: (p: { value: string }) =>
    `valeur invalide pour --course : ${p.value} (attendu PROPRIÉTAIRE/DÉPÔT@RÉF, par ex. mon-ecole/async-lab@v1)`,
  wrote: (p: { dir: string; files: number }) =>
    `Dépôt étudiant écrit dans ${p.dir} (${p.files} fichiers). Ensuite : entrez-y, git init, ` +
    "commit, push sur GitHub, et faites-en un dépôt modèle.",
});

/** Parses `OWNER/REPO@REF`; `null` when it is not that shape. */
export function parseCourse(value: string): CourseRef | null {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+)@([A-Za-z0-9._\/-]+)$/.exec(value);
  if (!match || match[2].startsWith("-") || match[2].includes("..")) return null;
  return { repo: match[1], ref: match[2] };
}

/**
 * Whether a course file goes into the student repository (`path` relative to
 * the course root, `/`-separated, inside one of {@linkcode STUDENT_FOLDERS}).
 */
export function isStudentFile(path: string): boolean {
  const parts = path.split("/");
  const name = parts[parts.length - 1];
  if (parts.some((p) => p.startsWith(".") && p !== ".")) return false; // .bundle, editor files
  if (name.endsWith("_test.ts")) return false;
  if (parts[0] === "grader") {
    if (parts[1] === "tests" || parts[1] === "tools") return false;
    if (/^_?bench|^_cpu_load/.test(name)) return false; // benchmarks stay with the course
  }
  return true;
}

/** The course files a student repository holds, relative to `root`, `/`-separated, sorted. */
export function studentFiles(root: string = COURSE_ROOT): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (isStudentFile(`${path}/x`)) walk(path);
      } else if (entry.isFile() && isStudentFile(path)) found.push(path);
    }
  };
  for (const folder of STUDENT_FOLDERS) {
    if (existsSync(join(root, folder))) walk(folder);
  }
  return found.sort();
}

/**
 * The student's root `deno.json`, from the course's: the same settings and
 * imports (so that `deno.lock` stays as it is), workspace members that the student repository holds, the
 * learner's tasks only, and nothing that names the course's other folders.
 */
export function studentConfig(course: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const tasks = (course.tasks ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(course)) {
    if (["name", "version", "exports", "publish", "test", "bench"].includes(key)) continue;
    if (key === "tasks") {
      out.tasks = Object.fromEntries(
        LEARNER_TASKS.filter((t) => t in tasks).map((t) => [t, tasks[t]]),
      );
    } else if (key === "workspace" && Array.isArray(value)) {
      out.workspace = value.filter((m) =>
        typeof m === "string" && STUDENT_FOLDERS.includes(m.replace(/^\.\//, "").split("/")[0])
      );
    } else if (key === "exclude" && Array.isArray(value)) {
      const kept = value.filter((p) => typeof p === "string" && !/^(\.\/)?fixtures\b/.test(p));
      if (kept.length > 0) out.exclude = kept;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * Fills a template: keeps the `#@course` or the `#@local` … `#@end` blocks,
 * then replaces each `__name__` with its value (a shape YAML and Markdown
 * formatters leave alone).
 */
export function fillTemplate(
  text: string,
  course: boolean,
  values: Record<string, string>,
): string {
  const kept: string[] = [];
  let keep = true;
  for (const line of text.split("\n")) {
    const marker = /^#@(course|local|end)$/.exec(line.trim());
    if (marker) {
      keep = marker[1] === "end" || (marker[1] === "course") === course;
      continue;
    }
    if (keep) kept.push(line);
  }
  return kept.join("\n").replace(/__(\w+?)__/g, (whole, name: string) => values[name] ?? whole);
}

/** Whether `dir` may be written into: missing, empty, or holding only `.git`. */
export function isSafeTarget(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!statSync(dir).isDirectory()) return false;
  return readdirSync(dir).every((name) => name === ".git");
}

/** Whether `dir` lies inside one of the course folders that are copied. */
export function insideCourse(dir: string, root: string = COURSE_ROOT): boolean {
  const abs = resolve(dir);
  return STUDENT_FOLDERS.some((folder) => {
    const rel = relative(join(root, folder), abs);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  });
}

/**
 * Writes the student repository into `dir` (which must be safe: see
 * {@linkcode isSafeTarget}); returns the files written, relative to `dir`.
 */
export function writeClassroom(dir: string, options: ClassroomOptions): string[] {
  const root = options.root ?? COURSE_ROOT;
  const deno = options.denoVersion ?? Deno.version.deno;
  const written: string[] = [];
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    written.push(path);
  };
  for (const path of studentFiles(root)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    copyFileSync(join(root, path), join(dir, path));
    written.push(path);
  }
  // The lock keeps the sandbox's `--frozen` imports identical to the course's.
  if (existsSync(join(root, "deno.lock"))) {
    copyFileSync(join(root, "deno.lock"), join(dir, "deno.lock"));
    written.push("deno.lock");
  }
  const config = JSON.parse(Deno.readTextFileSync(join(root, "deno.json")));
  write("deno.json", JSON.stringify(studentConfig(config), null, 2) + "\n");
  const values: Record<string, string> = {
    deno,
    course: options.course?.repo ?? "",
    ref: options.course?.ref ?? "",
    langFlag: options.lang === "en" ? "" : ` --lang ${options.lang}`,
  };
  const template = (name: string) => Deno.readTextFileSync(join(TEMPLATES, name));
  const course = options.course !== undefined;
  write("README.md", fillTemplate(template(`README.${options.lang}.md`), course, values));
  write(".gitignore", template("gitignore"));
  write(
    ".github/workflows/classroom.yml",
    fillTemplate(template("classroom.yml"), course, values),
  );
  return written.sort();
}
