/**
 * Whole-program tests of the course: every reference solution gets full
 * marks, every untouched stub scores 0 as `todo`, every broken fixture fails
 * exactly the check it is named after.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath as fromFileUrl } from "node:url";
import { CATALOG } from "../../exercises/catalog.ts";
import { grade } from "../grade.ts";

const root = (path: string) => fromFileUrl(new URL(`../../${path}`, import.meta.url));

Deno.test("grade() gives the reference solutions full marks", async () => {
  const report = await grade({ dir: root("fixtures/solutions") });
  for (const e of report.exercises) {
    const failed = e.checks.filter((c) => c.status !== "pass").map((c) => `${c.id}: ${c.message}`);
    assert.deepEqual(failed, [], `${e.id} should pass every check`);
    assert.equal(e.score, 20, e.id);
    assert.equal(e.status, "pass");
  }
  assert.equal(report.score, report.maxScore);
  assert.equal(report.maxScore, CATALOG.length * 20);
});

Deno.test("grade() gives the second-style solutions full marks", async () => {
  const report = await grade({ dir: root("fixtures/alt") });
  for (const e of report.exercises) {
    const failed = e.checks.filter((c) => c.status !== "pass").map((c) => `${c.id}: ${c.message}`);
    assert.deepEqual(failed, [], `${e.id} (second style) should pass every check`);
  }
  assert.equal(report.score, report.maxScore);
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

// One folder per check: fixtures/broken/<exercise>/<check-id>/<file>.
const brokenRoot = root("fixtures/broken");
for (const exercise of CATALOG) {
  const dir = `${brokenRoot}/${exercise.id}`;
  if (!existsSync(dir)) continue;
  const { default: spec } = await import(exercise.checks);
  const ids: string[] = spec.checks.map((c: { id: string }) => c.id);
  Deno.test(`${exercise.id}: every check has a broken fixture that fails it`, () => {
    const have = readdirSync(dir);
    assert.deepEqual(ids.filter((id) => !have.includes(id)), [], "checks without a fixture");
  });
  for (const id of readdirSync(dir).sort()) {
    Deno.test(`${exercise.id}: broken fixture ${id} fails that check and only that one`, async () => {
      const report = await grade({ dir: `${dir}/${id}`, only: [exercise.id] });
      const [e] = report.exercises;
      assert.ok(ids.includes(id), `${id} names a check`);
      const failed = e.checks.filter((c) => c.status !== "pass").map((c) => c.id);
      assert.deepEqual(failed, [id], JSON.stringify(e.checks.filter((c) => c.status !== "pass")));
      const check = e.checks.find((c) => c.id === id)!;
      assert.ok(check.message && check.message.length > 10, "the failure says what was observed");
    });
  }
}
