/**
 * A hand-made report for the reporters' tests: exercise 1 with one passing
 * check, one failing with a timeline, one failing with a hint only; and an
 * exercise whose file could not be loaded.
 *
 * @module
 */
import type { CheckResult } from "../check.ts";
import type { ExerciseReport, Report } from "../grade.ts";
import type { Lang } from "../i18n/mod.ts";

/** A check result with defaults. */
export function sampleCheck(fields: Partial<CheckResult> & Pick<CheckResult, "id">): CheckResult {
  return {
    title: `title of ${fields.id}`,
    points: 2,
    score: 0,
    status: "fail",
    message: null,
    hint: null,
    expected: null,
    actual: null,
    timeline: [],
    tookMs: null,
    expectedMs: null,
    todo: false,
    ...fields,
  };
}

/** The sample report, in `lang`. */
export function sampleReport(lang: Lang = "en"): Report {
  const gather: ExerciseReport = {
    id: "01_gather",
    file: "exercises/01_gather.ts",
    title: "Three slow calls",
    score: 3,
    maxScore: 10,
    status: "fail",
    error: null,
    logs: [{ at: 0, level: "log", text: "hello <world> & \u0007bell" }],
    timeline: [],
    checks: [
      sampleCheck({ id: "fetch-durations", points: 3, score: 3, status: "pass" }),
      sampleCheck({
        id: "concurrent-max-not-sum",
        title: "runConcurrent takes the longest wait (3.0 s), not the sum",
        points: 4,
        message: "took 6.0 s of virtual time; concurrent code takes the longest call, 3.0 s",
        hint: "start all three before awaiting any of them (Promise.all)",
        expected: "3.0 s",
        actual: "6.0 s",
        tookMs: 6000,
        expectedMs: 3000,
        timeline: [
          { label: "users", start: 0, end: 2000, outcome: "ok" },
          { label: "orders", start: 2000, end: 5000, outcome: "ok" },
          { label: "inventory", start: 5000, end: 6000, outcome: "ok" },
        ],
      }),
      sampleCheck({
        id: "fetch-order",
        title: "fetchOrders waits 3 s",
        points: 3,
        message: '`fetchOrders()` took 1.0 s, 100% wrong: "quotes", <tags> & commas',
        hint: "wait 3000 ms",
      }),
    ],
  };
  const loadMessage = "your file could not be loaded: SyntaxError: Unexpected token";
  const downloads: ExerciseReport = {
    id: "02_downloads",
    file: "exercises/02_downloads.ts",
    title: "Downloads",
    score: 0,
    maxScore: 4,
    status: "error",
    error: { kind: "load", message: loadMessage },
    logs: [],
    timeline: [],
    checks: [
      sampleCheck({ id: "as-completed", status: "error", message: loadMessage }),
      sampleCheck({ id: "download-all", status: "error", message: loadMessage }),
    ],
  };
  return {
    schema: "async-lab/report@1",
    score: 3,
    maxScore: 14,
    seed: 444,
    lang,
    durationMs: 123,
    exercises: [gather, downloads],
  };
}

/** The learner file of the sample's exercise 1. */
export const SAMPLE_SOURCE = `// statement…
export type Fetcher = () => Promise<string[]>;

export async function fetchUsers(): Promise<string[]> {
  return [];
}

export const fetchOrders = async () => [];

export async function runConcurrent() {
  return [];
}
`;

/**
 * The sample report with one more failed check in exercise 1 that follows
 * from `concurrent-max-not-sum` (same message and timeline, `consequenceOf`
 * set): what `grade()` makes of one mistake that fails two checks.
 */
export function sampleWithConsequence(lang: Lang = "en"): Report {
  const report = sampleReport(lang);
  const gather = report.exercises[0];
  const root = gather.checks[1];
  gather.checks.push(sampleCheck({
    id: "values-in-order",
    title: "both runners return the lists in order",
    points: 2,
    message: root.message,
    timeline: root.timeline,
    tookMs: root.tookMs,
    expectedMs: root.expectedMs,
    hint: null,
    consequenceOf: root.id,
  }));
  gather.maxScore += 2;
  report.maxScore += 2;
  return report;
}
