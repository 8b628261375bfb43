/**
 * The hostile corpus (`fixtures/corpus/<case>/`): what a class can hand in at
 * its worst. Each case holds only the files that differ from the reference
 * solutions, plus `expected.json` giving the verdict of every exercise it
 * touches (the others must get full marks, exactly as the reference
 * solutions do). This module lays a case over a temporary copy of the
 * reference solutions (`fixtures/NN_topic/solution.ts`), grades it, and compares verdicts; `corpus_test.ts`
 * runs it on every case.
 *
 * Run it directly to see each case's verdict and real time:
 * `deno run -A grader/tests/_corpus.ts [case…]`.
 *
 * @module
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { CATALOG } from "../course.ts";
import { type ExerciseReport, grade, pool, type Report } from "../grade.ts";
import { solutionFiles, stageSolutions } from "../tools/fixtures.ts";
import { wallBackstopSeconds } from "../sandbox.ts";

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The project's folder. */
export const ROOT = root(".").replace(/\/$/, "");
/** Where the corpus lives. */
export const CORPUS = root("fixtures/corpus");

/** Time budget of an exercise (seconds of CPU, see `grade()`) unless the case says otherwise. */
export const DEFAULT_WALL = 4;

/** The verdict of one exercise. */
export type Verdict =
  | "full"
  | { failing: string[] }
  | { error: string; failing?: string[] };

/** A case's `expected.json`. */
export interface Expected {
  /** What the case does, in one sentence. */
  $about: string;
  /** Time budget of each exercise, in seconds of CPU (the test's `--wall-timeout`; default 4).
   * Never so small that a busy machine changes a verdict: CPU time does not grow with load. */
  $wall?: number;
  /** Files to generate instead of storing them: name → size in bytes of a
   * valid solution padded with a comment (the giant-file case). */
  $pad?: Record<string, number>;
  /** Symbolic links to make in the submission folder: name → target
   * (`{root}` = the project), as a repository may hold them. */
  $links?: Record<string, string>;
  /** Named pipes (FIFOs) to make in the submission folder, in place of
   * these files (Unix only; elsewhere the case is laid without them). */
  $fifos?: string[];
  /** Absolute paths (`{dir}` = the submission folder, `{root}` = the
   * project) the case tries to write; none may exist afterwards. */
  $mustNotExist?: string[];
  /** Verdict per exercise id; exercises not listed must get full marks. */
  [exercise: string]:
    | Verdict
    | string
    | number
    | string[]
    | Record<string, number>
    | Record<string, string>
    | undefined;
}

/** Names of every case, sorted. */
export function listCases(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => statSync(join(CORPUS, name)).isDirectory())
    .sort();
}

/** A case's expected verdicts. */
export function readExpected(name: string): Expected {
  return JSON.parse(readFileSync(join(CORPUS, name, "expected.json"), "utf8")) as Expected;
}

/** The verdict a report gives an exercise. */
export function verdictOf(e: ExerciseReport): Verdict {
  const failing = e.checks.filter((c) => c.status !== "pass").map((c) => c.id);
  if (e.error) return { error: e.error.kind, failing };
  return failing.length === 0 && e.score === e.maxScore ? "full" : { failing };
}

/** The verdict `expected.json` asks for an exercise (an error alone means every check fails). */
export function expectedVerdict(expected: Expected, e: ExerciseReport): Verdict {
  const v = expected[e.id] as Verdict | undefined;
  if (v === undefined || v === "full") return "full";
  if ("error" in v) return { error: v.error, failing: v.failing ?? e.checks.map((c) => c.id) };
  return { failing: v.failing };
}

/** Lays a case over a fresh copy of the reference solutions; returns the folder. */
export function prepareCase(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `async-lab-corpus-${name}-`));
  const solutions = solutionFiles();
  for (const [file, text] of Object.entries(solutions)) writeFileSync(join(dir, file), text);
  const caseDir = join(CORPUS, name);
  for (const file of readdirSync(caseDir)) {
    if (file === "expected.json") continue;
    cpSync(join(caseDir, file), join(dir, file), { recursive: true });
  }
  const expected = readExpected(name);
  for (const [file, bytes] of Object.entries(expected.$pad ?? {})) {
    const head = solutions[file] + "\n";
    const line = "// " + "padding ".repeat(12) + "\n";
    const count = Math.max(0, Math.ceil((bytes - head.length) / line.length));
    writeFileSync(join(dir, file), head + line.repeat(count));
  }
  for (const [name, target] of Object.entries(expected.$links ?? {})) {
    rmSync(join(dir, name), { force: true });
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    Deno.symlinkSync(target.replace("{root}", ROOT), join(dir, name));
  }
  for (const name of expected.$fifos ?? []) {
    rmSync(join(dir, name), { force: true });
    try {
      new Deno.Command("mkfifo", { args: [join(dir, name)] }).outputSync();
    } catch { /* no mkfifo (Windows) */ }
  }
  return dir;
}

/** Processes whose command line mentions `text` (Linux `/proc`; empty elsewhere). */
export function processesMentioning(text: string): number[] {
  if (!existsSync("/proc")) return [];
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === Deno.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.includes(text)) found.push(Number(entry));
    } catch { /* gone already */ }
  }
  return found;
}

/** Every regular file under `dir` with its size, for before/after comparisons. */
export function snapshot(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const st = lstatSync(path); // a link is an entry of its own, never followed
      if (st.isDirectory()) walk(path);
      else out[path.slice(dir.length + 1)] = st.size;
    }
  };
  walk(dir);
  return out;
}

/** What grading one case showed. */
export interface CaseOutcome {
  name: string;
  expected: Expected;
  report: Report;
  /** Real milliseconds the whole grade took. */
  wallMs: number;
  /** Submission folder before and after. */
  before: Record<string, number>;
  after: Record<string, number>;
  /** `$mustNotExist` paths that exist after grading. */
  escaped: string[];
  /** Sandbox processes still alive after grading. */
  leftover: number[];
}

/** Grades one case (in a temporary folder, removed afterwards). */
export async function runCase(name: string): Promise<CaseOutcome> {
  const expected = readExpected(name);
  const dir = prepareCase(name);
  const targets = (expected.$mustNotExist ?? []).map((p) =>
    p.replace("{dir}", dir).replace("{root}", ROOT)
  );
  for (const path of targets) rmSync(path, { force: true });
  try {
    const before = snapshot(dir);
    const started = performance.now();
    const report = await grade({ dir, wallTimeoutSeconds: expected.$wall ?? DEFAULT_WALL });
    const wallMs = performance.now() - started;
    return {
      name,
      expected,
      report,
      wallMs,
      before,
      after: snapshot(dir),
      escaped: targets.filter((p) => existsSync(p)),
      leftover: processesMentioning(dir),
    };
  } finally {
    for (const path of targets) rmSync(path, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Grades the reference solutions once: what every untouched exercise must match. */
export async function baseline(): Promise<Report> {
  using solutions = stageSolutions();
  return await grade({ dir: solutions.dir, wallTimeoutSeconds: 10 });
}

/** The checks of an exercise as compared with the baseline: id, status, score, message. */
export function checkDigest(e: ExerciseReport): string[] {
  return e.checks.map((c) => `${c.id} ${c.status} ${c.score}/${c.points} ${c.message ?? ""}`);
}

if (import.meta.main) {
  const names = Deno.args.length > 0 ? Deno.args : listCases();
  const outcomes = await pool(names, 2, (n) => runCase(n));
  for (const o of outcomes) {
    const verdicts = o.report.exercises
      .map((e) => ({ id: e.id, got: verdictOf(e), want: expectedVerdict(o.expected, e) }))
      .filter((v) => JSON.stringify(v.got) !== '"full"' || JSON.stringify(v.want) !== '"full"');
    const ok = verdicts.every((v) => JSON.stringify(v.got) === JSON.stringify(v.want));
    // The real time a case may take: its exercises run two at a time, each within its backstop.
    const limit = wallBackstopSeconds(o.expected.$wall ?? DEFAULT_WALL) + 1;
    console.log(
      `${ok ? "ok  " : "DIFF"} ${o.name.padEnd(28)} ${(o.wallMs / 1000).toFixed(2)} s ` +
        `(limit ${limit} s${o.wallMs > limit * 1000 ? ", OVER" : ""})  ` +
        `${o.report.score}/${o.report.maxScore}`,
    );
    for (const v of verdicts) {
      console.log(`     ${v.id}: got ${JSON.stringify(v.got)}`);
      if (JSON.stringify(v.got) !== JSON.stringify(v.want)) {
        console.log(`     ${" ".repeat(v.id.length)}  want ${JSON.stringify(v.want)}`);
        const e = o.report.exercises.find((x) => x.id === v.id)!;
        if (e.error) console.log(`       error: ${e.error.message}`);
        for (const c of e.checks.filter((c) => c.status !== "pass")) {
          console.log(`       ${c.id}: ${c.message?.slice(0, 200)}`);
        }
      }
    }
    if (o.escaped.length > 0) console.log(`     ESCAPED: ${o.escaped.join(", ")}`);
    if (o.leftover.length > 0) console.log(`     LEFTOVER: ${o.leftover.join(", ")}`);
    if (JSON.stringify(o.before) !== JSON.stringify(o.after)) console.log("     FOLDER CHANGED");
  }
  console.log(`catalog: ${CATALOG.map((e) => e.id).join(", ")}`);
}
