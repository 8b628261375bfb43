/**
 * The `classroom` reporter: the result GitHub Classroom's grading reporter
 * (`classroom-resources/autograding-grading-reporter@v1`) reads, written as
 * `result=<base64 of compact JSON>` to `$GITHUB_OUTPUT`.
 *
 * What that reporter does with it, and so what the payload must be:
 * - it reads env `<STEP_ID>_RESULTS` (the step id upper-cased), decodes the
 *   base64 and parses the JSON;
 * - the grade Classroom records is the **sum of every test's `score`** out of
 *   `max_score`: a missing or string score breaks the sum, so every test has
 *   a number, and the scores add up to the grader's own total;
 * - for a failed test it prints the name and `test_code`, never `message`:
 *   the failure text goes in both;
 * - it prints `line N` after a test's name unless `line_no` is 0;
 * - any `fail` or `error` status marks the workflow run failed.
 *
 * @module
 */
import { Buffer } from "node:buffer";
import type { Report } from "../grade.ts";
import { FEEDBACK } from "../i18n/feedback.ts";
import { checkDetailLines, rootOf } from "./_details.ts";

/** One test of the payload. */
export interface ClassroomTest {
  name: string;
  status: "pass" | "fail" | "error";
  score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: 0;
  duration: number;
}

/** The payload GitHub Classroom's grading reporter reads. */
export interface ClassroomResult {
  version: 1;
  status: "pass" | "fail" | "error";
  max_score: number;
  tests: ClassroomTest[];
}

/** Most characters of a test's `test_code`. */
export const TEST_CODE_CAP = 1500;
/**
 * Most bytes of the encoded result. The reporter gets it through an
 * environment variable, which Linux caps at 128 KiB.
 */
export const ENCODED_CAP = 96 * 1024;

/** Options of {@linkcode classroomResult}. */
export interface ClassroomOptions {
  /** ASCII-only timelines in `test_code`. */
  ascii?: boolean;
  /**
   * Shorter texts, to fit under {@linkcode ENCODED_CAP}: `short` leaves the
   * timelines out, `minimal` keeps only the failure message.
   */
  size?: "full" | "short" | "minimal";
}

function cap(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + "…";
}

/** Builds the payload: one test per check, scored exactly as the report. */
export function classroomResult(report: Report, options: ClassroomOptions = {}): ClassroomResult {
  const tests: ClassroomTest[] = [];
  for (const e of report.exercises) {
    for (const c of e.checks) {
      const size = options.size ?? "full";
      // A consequence says only which failure it follows from.
      const root = rootOf(c, e.checks);
      const message = cap(
        root
          ? FEEDBACK[report.lang].sameCause({
            icon: options.ascii ? "[x]" : "✗",
            title: root.title,
          })
          : c.message ?? FEEDBACK[report.lang].notRunHere,
        size === "full" ? 500 : 160,
      );
      let text = "";
      if (c.status !== "pass") {
        const lines = checkDetailLines(c, {
          lang: report.lang,
          ascii: options.ascii,
          noTimeline: size !== "full",
          siblings: e.checks,
        });
        lines[0] = message;
        text = size === "minimal"
          ? message
          : cap(lines.join("\n"), size === "short" ? 400 : TEST_CODE_CAP);
      }
      tests.push({
        name: `${e.id.slice(0, 2)} › ${c.title}`,
        status: c.status,
        score: Number.isFinite(c.score) ? c.score : 0,
        message: c.status === "pass" ? "" : message,
        test_code: text,
        filename: e.file,
        line_no: 0,
        duration: 0,
      });
    }
  }
  const passed = report.maxScore > 0 && report.score === report.maxScore &&
    tests.every((t) => t.status === "pass");
  const failing = report.exercises.filter((e) => e.status !== "pass");
  const status = passed
    ? "pass"
    : failing.length > 0 && failing.every((e) => e.status === "error")
    ? "error"
    : "fail";
  return { version: 1, status, max_score: report.maxScore, tests };
}

/** Base64 of the payload's compact UTF-8 JSON, shortened to fit {@linkcode ENCODED_CAP}. */
export function encodeClassroom(report: Report, options: ClassroomOptions = {}): string {
  const encode = (result: ClassroomResult) =>
    Buffer.from(JSON.stringify(result), "utf8").toString("base64");
  let encoded = "";
  for (const size of ["full", "short", "minimal"] as const) {
    encoded = encode(classroomResult(report, { ...options, size }));
    if (encoded.length <= ENCODED_CAP) break;
  }
  return encoded;
}

/**
 * Checks a payload against the rules the grading reporter relies on (see the
 * module's notes) and returns what is wrong: empty when all is well. `total`
 * is the grader's own score, which the tests' scores must add up to.
 */
export function classroomProblems(result: ClassroomResult, total: number): string[] {
  const problems: string[] = [];
  if (result.version !== 1) problems.push("version is not 1");
  if (!["pass", "fail", "error"].includes(result.status)) problems.push(`status ${result.status}`);
  if (typeof result.max_score !== "number") problems.push("max_score is not a number");
  let sum = 0;
  for (const t of result.tests) {
    if (typeof t.score !== "number" || !Number.isFinite(t.score)) problems.push(`${t.name}: score`);
    if (t.line_no !== 0) problems.push(`${t.name}: line_no ${t.line_no}`);
    if (typeof t.name !== "string" || t.name === "") problems.push("a test without a name");
    if (t.status !== "pass" && !(t.test_code.length > 0 && t.test_code.includes(t.message))) {
      problems.push(`${t.name}: the failure text is not in test_code`);
    }
    sum += t.score;
  }
  // What the reporter sends Classroom: the sum of the tests' scores.
  if (sum !== total) problems.push(`scores add up to ${sum}, the grader says ${total}`);
  if (sum > result.max_score) problems.push("scores add up to more than max_score");
  return problems;
}

/** Options of {@linkcode reportClassroom}. */
export interface ClassroomReporterOptions {
  ascii?: boolean;
  env: (name: string) => string | undefined;
  print: (text: string) => void;
  /** Appends to a file (tests pass a fake). */
  write?: (path: string, text: string) => void;
  /** Writes a note for humans (standard error). */
  warn?: (text: string) => void;
}

/**
 * Appends `result=<base64>` to `$GITHUB_OUTPUT`; outside GitHub Actions,
 * prints that line instead, after a note on standard error.
 */
export function reportClassroom(report: Report, options: ClassroomReporterOptions): void {
  const line = `result=${encodeClassroom(report, { ascii: options.ascii })}\n`;
  const output = options.env("GITHUB_OUTPUT");
  if (output) {
    (options.write ??
      ((path, text) => Deno.writeTextFileSync(path, text, { append: true, create: true })))(
        output,
        line,
      );
    return;
  }
  (options.warn ?? ((text) => console.error(text)))(FEEDBACK[report.lang].classroomNoOutput);
  options.print(line);
}
