/**
 * From a failure to the lesson that teaches it: every check of the course
 * names a lesson section (`Check.lesson`), every section of the catalog
 * (`grader/i18n/lessons.ts`) exists, with the same anchor, in both lesson
 * READMEs under its own lesson, and every reporter shows it after the hint.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATALOG } from "../course.ts";
import type { ExerciseChecks } from "../check.ts";
import {
  LESSON_SECTIONS,
  lessonCommand,
  lessonLine,
  lessonRef,
  lessonUrl,
} from "../i18n/lessons.ts";
import type { Lang } from "../i18n/mod.ts";
import { renderPretty } from "../report/pretty.ts";
import { annotations, lessonBase, renderSummary } from "../report/github.ts";
import { renderHtml } from "../report/html.ts";
import { toJson } from "../report/mod.ts";
import { sampleCheck, sampleReport } from "../report/_sample.ts";
import type { Report } from "../grade.ts";

const LESSONS = fileURLToPath(new URL("../../lessons/", import.meta.url));
const README: Record<Lang, string> = {
  en: readFileSync(`${LESSONS}README.md`, "utf8"),
  fr: readFileSync(`${LESSONS}README.fr.md`, "utf8"),
};

/** Each explicit anchor of a README (`<a id="…"></a>`) → the lesson number whose heading it follows. */
function anchors(text: string): Map<string, number | null> {
  const found = new Map<string, number | null>();
  let lesson: number | null = null;
  for (const line of text.split("\n")) {
    const heading = /^#{2,3} (\d+)\. /.exec(line);
    if (heading) lesson = Number(heading[1]);
    else if (/^## /.test(line)) lesson = null;
    for (const m of line.matchAll(/<a id="([^"]+)"><\/a>/g)) found.set(m[1], lesson);
  }
  return found;
}

Deno.test("every lesson section has the same anchor in both READMEs, under its own lesson", () => {
  const keys = Object.keys(LESSON_SECTIONS.en);
  assert.deepEqual(Object.keys(LESSON_SECTIONS.fr).sort(), [...keys].sort());
  const problems: string[] = [];
  for (const key of keys) {
    const ref = lessonRef(key);
    if (ref === null) {
      problems.push(`${key}: not NN_topic#anchor`);
      continue;
    }
    if (!existsSync(`${LESSONS}${ref.lesson}.ts`)) {
      problems.push(`${key}: no lessons/${ref.lesson}.ts`);
    }
    for (const lang of ["en", "fr"] as const) {
      const under = anchors(README[lang]).get(ref.anchor);
      if (under === undefined) problems.push(`${key}: no <a id="${ref.anchor}"></a> in ${lang}`);
      else if (under !== ref.n) problems.push(`${key}: in ${lang}, under lesson ${under}`);
    }
  }
  assert.deepEqual(problems, [], problems.join("\n"));
});

Deno.test("every check of every course exercise names a lesson section", async () => {
  const missing: string[] = [];
  const unknown: string[] = [];
  for (const exercise of CATALOG) {
    const { default: spec } = await import(exercise.checks) as { default: ExerciseChecks };
    for (const check of spec.checks) {
      const name = `${exercise.id}/${check.id}`;
      if (check.lesson === undefined) missing.push(name);
      else if (!Object.hasOwn(LESSON_SECTIONS.en, check.lesson)) {
        unknown.push(`${name}: ${check.lesson}`);
      }
    }
  }
  assert.deepEqual(
    { missing, unknown },
    { missing: [], unknown: [] },
    [
      ...(missing.length ? [`Checks naming no lesson (set Check.lesson):`, ...missing] : []),
      ...(unknown.length
        ? [`Checks naming a section missing from grader/i18n/lessons.ts:`, ...unknown]
        : []),
    ].join("\n  "),
  );
});

Deno.test("lessonLine() names the lesson's command and section in the learner's language", () => {
  const key = "08_toolbox#racing-a-timer";
  assert.equal(
    lessonLine(key, "en"),
    "learn: deno task lesson 8 — racing a timer (Promise.race, AbortController)",
  );
  assert.equal(
    lessonLine(key, "fr", "npx -y deno@2.9.6 task"),
    "à lire\u00a0: npx -y deno@2.9.6 task lesson 8 --lang fr — " +
      "faire la course avec un minuteur (Promise.race, AbortController)",
  );
  assert.equal(lessonLine("08_toolbox#no-such-section", "en"), null);
  assert.equal(lessonLine("not a key", "en"), null);
  assert.equal(lessonCommand(11, "en"), "deno task lesson 11");
  assert.equal(lessonUrl(key, "fr"), "lessons/README.fr.md#racing-a-timer");
});

/** The sample report with its second failure pointing to lesson 8. */
function withLesson(lang: Lang): Report {
  const report = sampleReport(lang);
  const checks = report.exercises[0].checks;
  const i = checks.findIndex((c) => c.status !== "pass" && c.hint !== null);
  checks[i] = { ...checks[i], lesson: "08_toolbox#racing-a-timer" };
  // A failure shown as another's consequence (no hint of its own) shows no lesson either.
  checks.push(sampleCheck({ id: "consequence", lesson: "10_pitfalls#forgotten-await" }));
  return report;
}

Deno.test("the terminal report names the lesson on the line after the hint", () => {
  for (const lang of ["en", "fr"] as const) {
    const text = renderPretty(withLesson(lang), { width: 100, task: "deno task" });
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.includes(lang === "en" ? "learn: " : "à lire\u00a0: "));
    assert.ok(at > 0, text);
    assert.match(lines[at - 1], lang === "en" ? /hint: / : /indice\u00a0: /);
    assert.match(lines[at], /deno task lesson 8/);
    assert.doesNotMatch(text, /lesson 10/);
  }
  const npx = renderPretty(withLesson("en"), { width: 100, task: "npx -y deno@2.9.6 task" });
  assert.match(npx, /learn: npx -y deno@2\.9\.6 task lesson 8 — racing a timer/);
});

Deno.test("JSON carries the lesson key of a failed check", () => {
  const doc = JSON.parse(toJson(withLesson("en")));
  const lessons = doc.exercises[0].checks.map((c: { lesson?: string }) => c.lesson ?? null);
  assert.ok(lessons.includes("08_toolbox#racing-a-timer"));
});

Deno.test("the GitHub summary links to the section in the README of the report's language", () => {
  const env = (vars: Record<string, string>) => (name: string) => vars[name];
  const base = lessonBase(env({
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "school/async-lab-ada",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
  }));
  assert.equal(
    base,
    "https://github.com/school/async-lab-ada/blob/0123456789abcdef0123456789abcdef01234567/",
  );
  assert.equal(lessonBase(env({ GITHUB_REPOSITORY: "a/b" })), "");
  const en = renderSummary(withLesson("en"), { lessonBase: base });
  assert.ok(
    en.includes(
      `📖 learn: [lesson 8 — racing a timer (\`Promise.race\`, \`AbortController\`)](${base}lessons/README.md#racing-a-timer)`,
    ),
    en,
  );
  const fr = renderSummary(withLesson("fr"));
  assert.match(
    fr,
    /📖 à lire\u00a0: \[leçon 8 — faire la course[^\]]*\]\(lessons\/README\.fr\.md#racing-a-timer\)/,
  );
  assert.doesNotMatch(en + fr, /forgotten-await/);
  assert.ok(
    annotations(withLesson("en"), () => "").some((a) => a.includes("learn: deno task lesson 8")),
  );
});

Deno.test("the HTML page names the lesson after the hint", () => {
  const html = renderHtml(withLesson("fr"));
  assert.match(html, /<p class="hint lesson">à lire\u00a0: deno task lesson 8 --lang fr — /);
  assert.doesNotMatch(html, /lesson 10/);
});

Deno.test("checkResult() carries the check's lesson when it did not pass, never when it did", async () => {
  const { checkResult } = await import("../check.ts");
  const check = {
    id: "c",
    points: 1,
    title: { en: "t", fr: "t" },
    hint: { en: "h", fr: "h" },
    lesson: "06_queue#stopping-consumers",
    run() {},
  };
  assert.equal(checkResult(check, "en", { status: "fail" }).lesson, "06_queue#stopping-consumers");
  assert.equal(checkResult(check, "fr", { status: "error" }).lesson, "06_queue#stopping-consumers");
  assert.equal("lesson" in checkResult(check, "en", { status: "pass" }), false);
});
