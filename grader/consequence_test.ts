/**
 * One mistake, one headline: failures that follow from another are linked to
 * it (`consequenceOf`) and every reporter shows them as one line.
 */
import assert from "node:assert/strict";
import { type CheckResult, linkConsequences } from "./check.ts";
import { grade, SCHEMA } from "./grade.ts";
import { toJson } from "./report/mod.ts";
import { renderPretty } from "./report/pretty.ts";
import { annotations, renderSummary } from "./report/github.ts";
import { renderJunit } from "./report/junit.ts";
import { classroomResult } from "./report/classroom.ts";
import { renderHtml } from "./report/html.ts";
import { renderClassHtml } from "./report/class_html.ts";
import { SAMPLE_SOURCE, sampleCheck, sampleWithConsequence } from "./report/_sample.ts";
import { sampleClass } from "./report/_sample_class.ts";
import { stageMistake } from "./tools/fixtures.ts";

const span = (label: string, end: number) => ({ label, start: 0, end, outcome: "ok" as const });
const failed = (id: string, message: string, end = 1000, more: Partial<CheckResult> = {}) =>
  sampleCheck({ id, message, hint: `hint of ${id}`, timeline: [span("a", end)], ...more });

/** How many times `needle` occurs in `text`. */
const count = (text: string, needle: string) => text.split(needle).length - 1;

Deno.test("linkConsequences() follows dependsOn to the failure at the root", () => {
  const results = [
    failed("root", "root went wrong"),
    failed("middle", "middle went wrong", 2000),
    failed("leaf", "leaf went wrong", 3000),
    sampleCheck({ id: "fine", status: "pass", score: 2 }),
    failed("alone", "alone went wrong", 4000),
    failed("needs-fine", "needs-fine went wrong", 5000),
  ];
  const linked = linkConsequences(results, [
    { id: "root" },
    { id: "middle", dependsOn: ["root"] },
    { id: "leaf", dependsOn: ["fine", "middle"] },
    { id: "fine" },
    { id: "alone" },
    { id: "needs-fine", dependsOn: ["fine"] },
  ]);
  const of = Object.fromEntries(linked.map((r) => [r.id, r.consequenceOf]));
  assert.deepEqual(of, {
    root: undefined,
    middle: "root",
    leaf: "root",
    fine: undefined,
    alone: undefined,
    "needs-fine": undefined,
  });
  // A consequence keeps what was observed and its score (none), not a hint that may mislead.
  const middle = linked[1];
  assert.equal(middle.message, "middle went wrong");
  assert.equal(middle.score, 0);
  assert.equal(middle.hint, null);
  assert.equal(linked[0].hint, "hint of root");
  assert.equal(linked[4].hint, "hint of alone");
});

Deno.test("linkConsequences() keeps a declared dependency when the same message points back", () => {
  // `later` declares it follows from `root`, but `earlier` fails first with
  // `root`'s very message: linking `root` to `earlier` would close a loop.
  const results = [
    failed("earlier", "same words"),
    failed("root", "same words"),
    failed("later", "other words", 2000),
  ];
  const linked = linkConsequences(results, [
    { id: "earlier", dependsOn: ["root"] },
    { id: "root" },
    { id: "later", dependsOn: ["root"] },
  ]);
  const of = Object.fromEntries(linked.map((r) => [r.id, r.consequenceOf]));
  assert.deepEqual(of, { earlier: "root", root: undefined, later: "root" });
});

Deno.test("linkConsequences() links a failure with the same message and timeline as an earlier one", () => {
  const results = [
    failed("first", "`f()` gave back a Promise"),
    failed("second", "`f()` gave back a Promise"),
    failed("other-timeline", "`f()` gave back a Promise", 2500),
    failed("other-message", "something else"),
    sampleCheck({ id: "not-run", status: "error", message: "not run", timeline: [] }),
    sampleCheck({ id: "not-run-2", status: "error", message: "not run", timeline: [] }),
  ];
  const linked = linkConsequences(results, results.map((r) => ({ id: r.id })));
  assert.deepEqual(linked.map((r) => r.consequenceOf ?? null), [
    null,
    "first",
    null,
    null,
    // Checks that could not run are never a consequence: nothing was observed.
    null,
    null,
  ]);
});

Deno.test("linkConsequences() leaves checks that name each other as their own roots", () => {
  const results = [failed("a", "a went wrong"), failed("b", "b went wrong", 2000)];
  const linked = linkConsequences(results, [
    { id: "a", dependsOn: ["b"] },
    { id: "b", dependsOn: ["a"] },
  ]);
  assert.deepEqual(linked.map((r) => r.consequenceOf), [undefined, undefined]);
  // A passing dependency explains nothing.
  const alone = linkConsequences(
    [sampleCheck({ id: "a", status: "pass", score: 2 }), failed("b", "b went wrong")],
    [{ id: "a" }, { id: "b", dependsOn: ["a"] }],
  );
  assert.equal(alone[1].consequenceOf, undefined);
  assert.equal(alone[1].hint, "hint of b");
});

const ROOT_MESSAGE = "took 6.0 s of virtual time";

Deno.test("every reporter shows the root failure in full and its consequence in one line", () => {
  for (const lang of ["en", "fr"] as const) {
    const report = sampleWithConsequence(lang);
    const same = lang === "en"
      ? "same cause as ✗ runConcurrent takes the longest wait (3.0 s), not the sum"
      : "même cause que ✗ runConcurrent takes the longest wait (3.0 s), not the sum";
    const norm = (text: string) => text.replace(/\s+/g, " ");

    const pretty = renderPretty(report, { width: 200 });
    assert.ok(pretty.includes(same), pretty);
    assert.equal(count(pretty, ROOT_MESSAGE), 1, pretty);
    assert.equal(count(pretty, "inventory"), 1, "one timeline");
    assert.equal(count(pretty, "start all three"), 1, "one hint");
    assert.match(pretty, /both runners return the lists in order +0\/2/);
    // Scores are unchanged: a consequence still loses its points.
    assert.match(pretty, /Three slow calls +3\/12/);

    const notes = annotations(report, () => SAMPLE_SOURCE).join("\n");
    assert.ok(norm(notes).includes(same), notes);
    assert.equal(count(notes, ROOT_MESSAGE), 1, notes);

    const summary = renderSummary(report);
    assert.ok(summary.includes(same), summary);
    assert.equal(count(summary, ROOT_MESSAGE), 1, summary);
    assert.equal(count(summary, "inventory"), 1, summary);

    const junit = renderJunit(report);
    assert.ok(junit.includes(`message="${same}`), junit);
    assert.equal(count(junit, ROOT_MESSAGE), 2, "the root's message attribute and body only");

    const classroom = classroomResult(report).tests.find((t) => t.name.includes("lists in order"))!;
    assert.equal(classroom.message, same);
    assert.equal(classroom.test_code, same);
    assert.equal(classroom.score, 0);

    const html = renderHtml(report, { date: new Date(0), timeZone: "UTC" });
    assert.ok(html.includes(same), "html");
    assert.equal(count(html, ROOT_MESSAGE), 1);
    assert.equal(count(html, '<svg class="timeline"'), 1);

    const json = JSON.parse(toJson(report));
    assert.equal(json.schema, SCHEMA);
    assert.equal(json.exercises[0].checks[3].consequenceOf, "concurrent-max-not-sum");
    assert.equal(json.exercises[0].checks[1].consequenceOf, undefined);
  }
});

Deno.test("the class page groups a consequence under the failure it follows from", () => {
  const result = sampleClass("en");
  for (const row of result.rows) {
    const gather = row.report?.exercises[0];
    const root = gather?.checks[1];
    if (!gather || !root || root.status === "pass") continue;
    gather.checks.push(sampleCheck({
      id: "values-in-order",
      title: "both runners return the lists in order",
      message: root.message,
      timeline: root.timeline,
      consequenceOf: root.id,
    }));
  }
  const html = renderClassHtml(result, { date: new Date(0), timeZone: "UTC" });
  assert.ok(
    html.includes("same cause as ✗ runConcurrent takes the longest wait (3.0 s), not the sum"),
  );
});

Deno.test("a forgotten await fails several checks of exercise 1 and is reported once", async () => {
  using staged = stageMistake("01_gather", "forgot-await");
  const report = await grade({ dir: staged.dir, only: ["01_gather"], lang: "en" });
  const checks = report.exercises[0].checks;
  const roots = checks.filter((c) => c.status !== "pass" && c.consequenceOf === undefined);
  const consequences = checks.filter((c) => c.consequenceOf !== undefined);
  assert.ok(consequences.length >= 2, JSON.stringify(checks, null, 1));
  for (const c of consequences) {
    assert.ok(roots.some((r) => r.id === c.consequenceOf), c.id);
    assert.equal(c.score, 0);
    assert.equal(c.hint, null);
  }
  // The score is the passing checks' points, as before.
  assert.equal(
    report.exercises[0].score,
    checks.filter((c) => c.status === "pass").reduce((s, c) => s + c.points, 0),
  );
  const text = renderPretty(report, { width: 100 });
  assert.equal(count(text, "[Promise, Promise, Promise]"), 1, text);
  assert.equal(count(text, "same cause as ✗"), consequences.length, text);
});

Deno.test("marks, forgotten timers and dependsOn come through the sandbox into the report", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "async-lab-marks-" });
  try {
    const engine = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
    Deno.writeTextFileSync(
      `${dir}/mod.ts`,
      `import { defineChecks } from ${engine("./check.ts")};
const title = { en: "t", fr: "t" };
export default defineChecks({
  title: { en: "Marks", fr: "Repères" },
  hints: [{ en: "h", fr: "h" }],
  checks: [
    {
      id: "late", points: 2, title, hint: { en: "root hint", fr: "indice" },
      async run(ctx) {
        const go = ctx.fn<() => Promise<void>>("go");
        await ctx.settle("go()", () => go());
        ctx.fail({ en: "onDone came late", fr: "onDone en retard" }, {
          marks: [{ at: 1800, label: "deadline", kind: "deadline" },
            { at: 2030, label: "onDone(a)", kind: "call" }],
        });
      },
    },
    {
      id: "after", points: 1, title, hint: { en: "misleading hint", fr: "x" }, dependsOn: ["late"],
      run(ctx) { ctx.fail({ en: "something else", fr: "autre chose" }); },
    },
  ],
});
`,
    );
    Deno.writeTextFileSync(
      `${dir}/99_marks.ts`,
      "export async function go() { setTimeout(() => {}, 2500); await new Promise((r) => setTimeout(r, 1000)); }\n",
    );
    const catalog = [{
      id: "99_marks",
      file: "99_marks.ts",
      title: { en: "Marks", fr: "Repères" },
      points: 3,
      checks: new URL(`file://${dir}/mod.ts`).href,
      hints: [{ en: "h", fr: "h" }],
    }];
    const report = await grade({ dir, catalog, lang: "en" });
    const [late, after] = report.exercises[0].checks;
    assert.equal(late.status, "fail", JSON.stringify(late));
    assert.deepEqual(late.marks, [
      { at: 1800, label: "deadline", kind: "deadline" },
      { at: 2030, label: "onDone(a)", kind: "call" },
    ]);
    // The learner's own timer set at 0 s, due at 2.5 s, still pending when go() returned.
    assert.deepEqual(late.pendingTimers, [{ start: 0, due: 2500 }]);
    assert.equal(after.consequenceOf, "late");
    assert.equal(after.hint, null);
    const text = renderPretty(report, { width: 80 });
    assert.match(text, /deadline: 1\.8 s/);
    assert.match(text, /onDone\(a\) · 2\.03 s/);
    assert.match(text, /your timer +╌+┤ forgotten, due at 2\.5 s/);
    assert.doesNotMatch(text, /misleading hint|something else/);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
