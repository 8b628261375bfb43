/**
 * The sandbox contains what learner code does at its worst: each case gives a
 * clear error for its own exercise, and the checks it did not break are
 * still graded.
 */
import assert from "node:assert/strict";
import { grade } from "../grade.ts";
import { stageMistake } from "../tools/fixtures.ts";

/** Grades exercise 1 with a hostile mistake (`fixtures/01_gather/mistakes/<name>.patch`). */
const gradeCase = async (name: string, wallTimeoutSeconds = 10) => {
  using staged = stageMistake("01_gather", name);
  const report = await grade({ dir: staged.dir, only: ["01_gather"], wallTimeoutSeconds });
  return report.exercises[0];
};

Deno.test("sandbox: a module that throws at load is an error of its exercise", async () => {
  const e = await gradeCase("throws-at-load");
  assert.equal(e.status, "error");
  assert.equal(e.error?.kind, "load");
  assert.match(e.error!.message, /could not be loaded: TypeError: config missing/);
  assert.equal(e.score, 0);
});

Deno.test("sandbox: a module that calls Deno.exit at load is reported, not obeyed", async () => {
  const e = await gradeCase("exits");
  assert.equal(e.status, "error");
  assert.equal(e.error?.kind, "exit");
  assert.match(e.error!.message, /Deno\.exit\(0\)/);
});

Deno.test("sandbox: a promise that never settles is a deadlock, the other checks pass", async () => {
  const e = await gradeCase("never-settles");
  assert.equal(e.status, "fail");
  const failed = e.checks.filter((c) => c.status !== "pass");
  assert.ok(failed.length > 0);
  for (const c of failed) assert.match(c.message!, /never finished/, c.id);
  // runSequential is fine: its checks pass.
  for (const id of ["sequential-order", "sequential-total", "fetch-durations"]) {
    assert.equal(e.checks.find((c) => c.id === id)?.status, "pass", id);
  }
});

Deno.test("sandbox: a synchronous loop is stopped by the wall clock and named", async () => {
  const e = await gradeCase("loops-forever", 1.5);
  assert.equal(e.error?.kind, "frozen");
  const frozen = e.checks.find((c) => c.id === "concurrent-start")!;
  assert.equal(frozen.status, "error");
  assert.match(frozen.message!, /never gave the event loop a chance to run/);
  // Checks before the loop were graded.
  assert.equal(e.checks.find((c) => c.id === "sequential-order")?.status, "pass");
});
