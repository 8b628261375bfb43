/**
 * The `junit` reporter: JUnit XML for CI systems other than GitHub's (GitLab,
 * Jenkins, Azure…). One `<testsuite>` per exercise, one `<testcase>` per
 * check; a failed check carries a `<failure>` whose message is what was
 * observed and whose body adds expected/observed, the timeline and the hint.
 *
 * @module
 */
import type { Report } from "../grade.ts";
import { checkDetailLines } from "./_details.ts";

/** Options of {@linkcode renderJunit}. */
export interface JunitOptions {
  /** ASCII-only timelines inside failures. */
  ascii?: boolean;
}

/** Characters XML 1.0 cannot hold at all, even escaped. */
// deno-lint-ignore no-control-regex
const INVALID = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an XML attribute or element, dropping what XML cannot hold. */
export function xmlEscape(text: string): string {
  return text.replace(INVALID, "\uFFFD").replace(/[&<>"']/g, (c) => `&${XML[c]};`);
}
const XML: Record<string, string> = { "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" };

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values).map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`).join("");

/** Learner output kept in `<system-out>`, per exercise. */
const OUTPUT_LINES = 200;

/**
 * Renders the report as a JUnit XML document.
 *
 * @example One passing exercise
 * ```ts
 * import { renderJunit } from "./junit.ts";
 * import assert from "node:assert/strict";
 * const xml = renderJunit({
 *   schema: "async-lab/report@1", score: 1, maxScore: 1, seed: 444, lang: "en", durationMs: 10,
 *   exercises: [{ id: "01_gather", file: "exercises/01_gather.ts", title: "t", score: 1, maxScore: 1,
 *     status: "pass", error: null, timeline: [], logs: [], checks: [{ id: "a", title: "a check",
 *     points: 1, score: 1, status: "pass", message: null, hint: null, expected: null, actual: null,
 *     timeline: [], tookMs: null, expectedMs: null, todo: false }] }],
 * });
 * assert.match(xml, /<testcase name="a check"/);
 * ```
 */
export function renderJunit(report: Report, options: JunitOptions = {}): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = report.exercises.flatMap((e) => e.checks);
  const count = (status: string, checks = all) => checks.filter((c) => c.status === status).length;
  out.push(
    `<testsuites${
      attrs({
        name: "async-lab",
        tests: all.length,
        failures: count("fail"),
        errors: count("error"),
        time: (report.durationMs / 1000).toFixed(3),
      })
    }>`,
  );
  for (const e of report.exercises) {
    out.push(
      `  <testsuite${
        attrs({
          name: `${e.id} ${e.title}`,
          tests: e.checks.length,
          failures: count("fail", e.checks),
          errors: count("error", e.checks),
          skipped: 0,
          time: "0",
          file: e.file,
        })
      }>`,
      "    <properties>",
      `      <property${attrs({ name: "score", value: e.score })}/>`,
      `      <property${attrs({ name: "maxScore", value: e.maxScore })}/>`,
      `      <property${attrs({ name: "status", value: e.status })}/>`,
      `      <property${attrs({ name: "seed", value: report.seed })}/>`,
      "    </properties>",
    );
    for (const c of e.checks) {
      const head = `    <testcase${
        attrs({ name: c.title, classname: `async-lab.${e.id}`, file: e.file, time: "0" })
      }`;
      if (c.status === "pass") {
        out.push(`${head}/>`);
        continue;
      }
      const tag = c.status === "error" ? "error" : "failure";
      const details = checkDetailLines(c, {
        lang: report.lang,
        ascii: options.ascii,
        siblings: e.checks,
      });
      const body = details.join("\n");
      const type = c.status === "error" ? (e.error?.kind ?? "error") : c.todo ? "todo" : "fail";
      out.push(
        `${head}>`,
        `      <${tag}${
          attrs({ message: (c.consequenceOf ? details[0] : c.message) ?? "", type })
        }>${xmlEscape(body)}</${tag}>`,
        "    </testcase>",
      );
    }
    if (e.logs.length > 0) {
      const text = e.logs.slice(0, OUTPUT_LINES).map((l) => l.text).join("\n");
      out.push(`    <system-out>${xmlEscape(text)}</system-out>`);
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}
