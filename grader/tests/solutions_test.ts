/**
 * Whole-program tests of the course: every reference solution gets full
 * marks, every untouched stub scores 0 as `todo` (other styles: styles_test.ts;
 * mistakes: mistakes_test.ts).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath as fromFileUrl } from "node:url";
import { CATALOG } from "../course.ts";
import { grade } from "../grade.ts";
import { stageSolutions } from "../tools/fixtures.ts";

const root = (path: string) => fromFileUrl(new URL(`../../${path}`, import.meta.url));

Deno.test("grade() gives the reference solutions full marks", async () => {
  using staged = stageSolutions();
  const report = await grade({ dir: staged.dir });
  for (const e of report.exercises) {
    const failed = e.checks.filter((c) => c.status !== "pass").map((c) => `${c.id}: ${c.message}`);
    assert.deepEqual(failed, [], `${e.id} should pass every check`);
    assert.equal(e.score, 20, e.id);
    assert.equal(e.status, "pass");
  }
  assert.equal(report.score, report.maxScore);
  assert.equal(report.maxScore, CATALOG.length * 20);
});

Deno.test("grade() scores the untouched stubs 0 with every exercise todo", async () => {
  const report = await grade({ dir: root("exercises") });
  assert.equal(report.score, 0);
  for (const e of report.exercises) assert.equal(e.status, "todo", `${e.id} should be todo`);
});

Deno.test("catalog: every exercise's checks add up to its points", async () => {
  for (const e of CATALOG) {
    const { default: spec } = await import(e.checks);
    const sum = spec.checks.reduce((s: number, c: { points: number }) => s + c.points, 0);
    assert.equal(sum, e.points, e.id);
    assert.ok(existsSync(root(`exercises/${e.file}`)), `${e.file} exists`);
    assert.ok(e.hints.length >= 2, `${e.id} has at least two hints`);
  }
});
