/**
 * A hand-made class for the class page's tests: six students built from
 * {@linkcode sampleReport}, with names a browser must not run, observations
 * that differ only in their numbers, a student who has not started, one the
 * grader failed on, and `same_as` flags on two rows.
 *
 * @module
 */
import type { BatchResult, BatchRow } from "../batch.ts";
import type { Lang } from "../i18n/mod.ts";
import { rowStatus } from "../batch.ts";
import type { Report } from "../grade.ts";
import { sampleReport } from "./_sample.ts";

/** A name that would run script if it were not escaped. */
export const HOSTILE_NAME = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>`;

function variant(lang: Lang, took: number | null, passAll = false, downloadsOk = passAll): Report {
  const report = sampleReport(lang);
  const gather = report.exercises[0];
  const concurrent = gather.checks[1];
  if (passAll || took === null) {
    concurrent.status = "pass";
    concurrent.score = concurrent.points;
    concurrent.message = null;
  } else {
    concurrent.message = `took ${
      took.toFixed(1)
    } s of virtual time; concurrent code takes the longest call, 3.0 s`;
    concurrent.tookMs = took * 1000;
    concurrent.actual = `${took.toFixed(1)} s`;
  }
  if (passAll) {
    for (const c of gather.checks) Object.assign(c, { status: "pass", score: c.points });
  }
  if (downloadsOk) {
    const downloads = report.exercises[1];
    Object.assign(downloads, { status: "pass", error: null, score: downloads.maxScore });
    for (const c of downloads.checks) Object.assign(c, { status: "pass", score: c.points });
  }
  for (const e of report.exercises) {
    e.score = e.checks.reduce((s, c) => s + c.score, 0);
    if (e.status !== "error") e.status = e.score === e.maxScore ? "pass" : "fail";
  }
  report.score = report.exercises.reduce((s, e) => s + e.score, 0);
  return report;
}

function todoReport(lang: Lang): Report {
  const report = sampleReport(lang);
  for (const e of report.exercises) {
    Object.assign(e, { status: "todo", error: null, score: 0 });
    for (const c of e.checks) {
      Object.assign(c, { status: "fail", score: 0, todo: true, message: "still a TODO" });
    }
  }
  report.score = 0;
  return report;
}

function row(name: string, report: Report | null, extra: Record<string, unknown> = {}): BatchRow {
  const base: BatchRow = report === null
    ? {
      submission: name,
      dir: `/class/${name}`,
      scores: { "01_gather": null, "02_downloads": null },
      total: 0,
      maxScore: 14,
      status: "error",
      errors: ["the grader failed on this submission: boom <b>"],
      report: null,
    }
    : {
      submission: name,
      dir: `/class/${name}`,
      scores: Object.fromEntries(report.exercises.map((e) => [e.id, e.score])),
      total: report.score,
      maxScore: report.maxScore,
      status: rowStatus(report),
      errors: [],
      report,
    };
  return { ...base, ...extra } as BatchRow;
}

/** The sample class, in `lang`; `sameAs` adds `same_as` flags to two rows. */
export function sampleClass(lang: Lang = "en", sameAs = true): BatchResult {
  const same = (names: string[]) => (sameAs ? { same_as: names } : {});
  return {
    schema: "async-lab/batch@1",
    seed: 444,
    lang,
    exercises: ["01_gather", "02_downloads"],
    maxScore: 14,
    durationMs: 4321,
    rows: [
      row("zoé", variant(lang, 6, false, true), same(["Yann"])),
      row(HOSTILE_NAME, variant(lang, 5)),
      row("ana", variant(lang, null, true)),
      row("Yann", variant(lang, 6, false, true), same(["zoé"])),
      row("bob", todoReport(lang)),
      row("crash", null),
    ],
  };
}
