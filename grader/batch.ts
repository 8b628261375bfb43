/**
 * Batch grading for teachers: every immediate subfolder of a folder is one
 * submission (the exercise files, or a repository with `exercises/`), graded
 * in parallel into a gradebook — one row per submission, one column per
 * exercise — that a spreadsheet opens. A broken submission costs only its own
 * row: its exercises run in sandboxes of its own (never shared with another
 * submission's), and a failure of the grader on one submission is caught and
 * written in that row.
 *
 * This module measures real time only (progress, the watchdog); it never
 * touches the virtual clock. The command line is `batch_cli.ts`.
 *
 * @module
 */
import { join, resolve } from "node:path";
import { cpSync, readdirSync, rmSync, statSync } from "node:fs";
import { CATALOG, type Exercise } from "./course.ts";
import { DEFAULT_SEED, grade, pool, type Report } from "./grade.ts";
import type { Lang } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { findSameAs, type SameAs, sameAsText } from "./same_as.ts";
import { wallBackstopSeconds } from "./sandbox.ts";

/** One student's work: a folder inside the class folder. */
export interface Submission {
  /** The folder's name, as the gradebook shows it. */
  name: string;
  /** Its absolute path. */
  dir: string;
}

/** A gradebook row's status. */
export type RowStatus = "pass" | "fail" | "todo" | "error";

/** One submission's line in the gradebook. */
export interface BatchRow {
  submission: string;
  dir: string;
  /** Points per exercise id; `null` where the grader could not say. */
  scores: Record<string, number | null>;
  total: number;
  maxScore: number;
  /** `pass` full marks, `fail` some points missing, `todo` nothing started,
   * `error` some exercise could not be graded (or the grader failed on it). */
  status: RowStatus;
  /** Why the row is `error`, in the batch's language. */
  errors: string[];
  /** The full report (`null` when the grader itself failed). */
  report: Report | null;
  /** Exercises whose file is identical, comments and whitespace aside, to
   * other submissions' or to the reference solution (`same_as.ts`). */
  sameAs?: SameAs;
}

/** What {@linkcode gradeBatch} reports after each submission. */
export interface BatchProgress {
  done: number;
  total: number;
  /** Real milliseconds since the batch started. */
  elapsedMs: number;
  /** The row just finished. */
  row: BatchRow;
}

/** Options of {@linkcode gradeBatch}. */
export interface BatchOptions {
  /** The exercises (default: the course's catalog). */
  catalog?: readonly Exercise[];
  lang?: Lang;
  seed?: number;
  /** Real seconds an exercise may run (default 10). */
  wallTimeoutSeconds?: number;
  /** Sandboxes running at once, all submissions together (default: the core count). */
  concurrency?: number;
  /** Called after each submission. */
  onProgress?: (progress: BatchProgress) => void;
  /** The whole class, when `submissions` is one shard of it: `same_as` compares with all
   * of them (default: `submissions`). */
  classmates?: readonly Submission[];
  /** Grades one submission (default: {@linkcode grade}); tests replace it. */
  grader?: typeof grade;
}

/** The whole batch. */
export interface BatchResult {
  schema: "async-lab/batch@1";
  seed: number;
  lang: Lang;
  /** Exercise ids, in gradebook column order. */
  exercises: string[];
  maxScore: number;
  durationMs: number;
  rows: BatchRow[];
}

/**
 * The submissions in a class folder: its immediate subfolders, hidden ones
 * (`.git`, `.github`) left out, sorted by name.
 */
export function listSubmissions(root: string): Submission[] {
  const abs = resolve(root);
  const found: Submission[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const dir = join(abs, entry.name);
    let isDir = entry.isDirectory();
    if (!isDir && entry.isSymbolicLink()) {
      try {
        isDir = statSync(dir).isDirectory();
      } catch { /* a dangling link is not a submission */ }
    }
    if (isDir) found.push({ name: entry.name, dir });
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Copies a submission to a fresh temporary folder; returns the copy's path. */
function stage(dir: string): string {
  const copy = Deno.makeTempDirSync({ prefix: "async-lab-submission-" });
  cpSync(dir, copy, { recursive: true });
  return copy;
}

/** A row's status from its report. */
export function rowStatus(report: Report): RowStatus {
  if (report.exercises.some((e) => e.status === "error")) return "error";
  if (report.score === report.maxScore) return "pass";
  if (report.score === 0 && report.exercises.every((e) => e.status === "todo")) return "todo";
  return "fail";
}

function failedRow(
  submission: Submission,
  catalog: readonly Exercise[],
  error: string,
): BatchRow {
  return {
    submission: submission.name,
    dir: submission.dir,
    scores: Object.fromEntries(catalog.map((e) => [e.id, null])),
    total: 0,
    maxScore: catalog.reduce((s, e) => s + e.points, 0),
    status: "error",
    errors: [error],
    report: null,
  };
}

/**
 * Grades every submission, several at once: `concurrency` sandboxes in
 * flight in all, one exercise per sandbox. With more submissions than
 * sandboxes, each submission grades its exercises one after another and
 * `concurrency` submissions run side by side, which keeps every core busy
 * without start-up storms; with fewer, the exercises of a submission share
 * the slack.
 *
 * @example Grading a class of two
 * ```ts ignore
 * import { gradeBatch, listSubmissions, toCsv } from "./batch.ts";
 * const result = await gradeBatch(listSubmissions("student-repos"));
 * await Deno.writeTextFile("grades.csv", toCsv(result));
 * ```
 */
export async function gradeBatch(
  submissions: readonly Submission[],
  options: BatchOptions = {},
): Promise<BatchResult> {
  const started = performance.now();
  const catalog = options.catalog ?? CATALOG;
  const lang = options.lang ?? "en";
  const seed = options.seed ?? DEFAULT_SEED;
  const wallSeconds = options.wallTimeoutSeconds ?? 10;
  const concurrency = Math.max(1, options.concurrency ?? navigator.hardwareConcurrency ?? 2);
  const outer = Math.max(1, Math.min(concurrency, submissions.length));
  const inner = Math.max(1, Math.floor(concurrency / outer));
  const run = options.grader ?? grade;
  const m = MESSAGES[lang];
  // Each sandbox is killed at its CPU budget or wall-clock backstop; this only guards against the unforeseen.
  const watchdogSeconds = Math.ceil(
    catalog.length * (wallBackstopSeconds(wallSeconds) + 5) * 2 + 30,
  );
  let done = 0;
  const rows = await pool(submissions, outer, async (submission) => {
    let row: BatchRow;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let staged: string | null = null;
    try {
      // Deno's --allow-read list is comma-separated, with no escape: a folder
      // whose path holds a comma is graded from a copy under a plain name.
      if (submission.dir.includes(",")) staged = stage(submission.dir);
      const report = await Promise.race([
        run({
          dir: staged ?? submission.dir,
          catalog,
          lang,
          seed,
          wallTimeoutSeconds: wallSeconds,
          concurrency: inner,
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(m.batchHung({ seconds: watchdogSeconds }))),
            watchdogSeconds * 1000,
          );
        }),
      ]);
      row = {
        submission: submission.name,
        dir: submission.dir,
        scores: Object.fromEntries(catalog.map((e) => [
          e.id,
          report.exercises.find((x) => x.id === e.id)?.score ?? null,
        ])),
        total: report.score,
        maxScore: report.maxScore,
        status: rowStatus(report),
        errors: report.exercises.flatMap((e) =>
          e.error ? [`${e.id}: ${e.error.message.split("\n")[0]}`] : []
        ),
        // What the learner printed stays out: 300 submissions' output adds up.
        report: { ...report, exercises: report.exercises.map((e) => ({ ...e, logs: [] })) },
      };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      row = failedRow(submission, catalog, m.batchFailed({ error: text }));
    } finally {
      clearTimeout(timer);
      if (staged !== null) rmSync(staged, { recursive: true, force: true });
    }
    done++;
    options.onProgress?.({
      done,
      total: submissions.length,
      elapsedMs: performance.now() - started,
      row,
    });
    return row;
  });
  // Flags identical files; the scores stay as they are.
  const sameAs = findSameAs(submissions, catalog, undefined, options.classmates);
  rows.forEach((row, i) => row.sameAs = sameAs[i]);
  return {
    schema: "async-lab/batch@1",
    seed,
    lang,
    exercises: catalog.map((e) => e.id),
    maxScore: catalog.reduce((s, e) => s + e.points, 0),
    durationMs: Math.round(performance.now() - started),
    rows,
  };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line
 * break or edge spaces; text that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@` first) gets a leading `'`.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The gradebook as CSV: a header row (`submission`, one column per exercise,
 * `total`, `status`, `same_as`), then one row per submission; UTF-8 with a byte-order
 * mark and CRLF line ends, so Excel, LibreOffice and Google Sheets all open
 * it as it is.
 */
export function toCsv(result: BatchResult): string {
  const lines = [
    ["submission", ...result.exercises, "total", "status", "same_as"].map(csvField).join(","),
  ];
  for (const row of result.rows) {
    lines.push(
      [
        row.submission,
        ...result.exercises.map((id) => row.scores[id] ?? null),
        row.total,
        row.status,
        sameAsText(row.sameAs),
      ]
        .map(csvField).join(","),
    );
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

/**
 * The batch as JSON: every row with its full report (captured output left
 * out). Each row is written on its own: a report that cannot be written (it
 * should never happen: the sandbox's frames are rebuilt field by field) costs
 * only its own row its report, never the class its file.
 */
export function toBatchJson(result: BatchResult): string {
  const m = MESSAGES[result.lang] ?? MESSAGES.en;
  const rows = result.rows.map(({ report, ...row }) => {
    const full = {
      ...row,
      report: report === null ? null : {
        ...report,
        exercises: report.exercises.map(({ logs: _logs, ...rest }) => rest),
      },
    };
    try {
      return JSON.stringify(full, null, 2);
    } catch (error) {
      const why = m.batchFailed({ error: String((error as Error)?.message ?? error) });
      return JSON.stringify(
        { ...row, status: "error", errors: [...row.errors, why], report: null },
        null,
        2,
      );
    }
  });
  const head = JSON.stringify({ ...result, rows: [] }, null, 2);
  // The rows go where `[]` stands, each indented as JSON.stringify would.
  const body = rows.map((r) => r.replace(/^/gm, "    ")).join(",\n");
  const list = rows.length > 0 ? `"rows": [\n${body}\n  ]` : `"rows": []`;
  return head.replace(/"rows": \[\]/, () => list) + "\n";
}

/** A number with one decimal, in the language's way (`4.8`, `4,8`). */
export function decimal(n: number, lang: Lang): string {
  const text = (Math.round(n * 10) / 10).toFixed(1);
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** Real seconds as a short duration: `38 s`, `4 min 05 s`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 90) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
}

/** Options of {@linkcode progressLine}. */
export interface ProgressLineOptions {
  lang: Lang;
  /** Draw a bar (a terminal); otherwise plain text. */
  bar: boolean;
  /** Columns the bar may use. */
  width?: number;
  /** ASCII only. */
  ascii?: boolean;
}

/** The progress line: count, rate, time left, and a bar on a terminal. */
export function progressLine(p: BatchProgress, options: ProgressLineOptions): string {
  const rate = p.elapsedMs > 0 ? p.done / (p.elapsedMs / 1000) : 0;
  const left = rate > 0 ? duration((p.total - p.done) / rate) : "?";
  const text = MESSAGES[options.lang].batchProgress({
    done: p.done,
    total: p.total,
    rate: decimal(rate, options.lang),
    left,
  });
  if (!options.bar) return text;
  const cells = Math.max(10, Math.min(40, (options.width ?? 80) - text.length - 3));
  const full = p.total === 0 ? cells : Math.round((p.done / p.total) * cells);
  const [on, off] = options.ascii ? ["#", "-"] : ["█", "░"];
  return `${on.repeat(full)}${off.repeat(cells - full)} ${text}`;
}

/** Counts rows by status. */
export function tally(rows: readonly BatchRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { pass: 0, fail: 0, todo: 0, error: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
