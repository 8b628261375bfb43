/**
 * The sandbox contains what learner code does at its worst: each case gives a
 * clear error for its own exercise, and the checks it did not break are
 * still graded.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { grade } from "../grade.ts";

const hostile = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/hostile/${name}`, import.meta.url));
const gradeCase = async (name: string, wallTimeoutSeconds = 10) => {
  const report = await grade({ dir: hostile(name), only: ["01_gather"], wallTimeoutSeconds });
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

Deno.test("sandbox: a synchronous loop is stopped at its CPU budget and named", async () => {
  const e = await gradeCase("loops-forever", 1.5);
  assert.equal(e.error?.kind, "frozen");
  const frozen = e.checks.find((c) => c.id === "concurrent-start")!;
  assert.equal(frozen.status, "error");
  assert.match(
    frozen.message!,
    /never gave the event loop a chance to run \(stopped after 1\.5 s of processor time\)/,
  );
  // Checks before the loop were graded.
  assert.equal(e.checks.find((c) => c.id === "sequential-order")?.status, "pass");
});

Deno.test("sandbox: time spent waiting without working is not charged to the budget", async () => {
  // 4 s of real time asleep in main(), against a budget of 3 s of CPU: only the
  // wall-clock backstop (23 s) could stop it, and the checks all pass.
  const started = performance.now();
  const e = await gradeCase("waits-then-works", 3);
  assert.ok(performance.now() - started >= 4000, "it really waited");
  assert.equal(e.error, null, JSON.stringify(e.error));
  assert.equal(e.score, e.maxScore);
});

Deno.test("sandbox: code that blocks without working is stopped by the wall-clock backstop", async () => {
  const e = await gradeCase("blocks", 1);
  assert.equal(e.error?.kind, "frozen");
  const blocked = e.checks.find((c) => c.id === "concurrent-start")!;
  assert.match(blocked.message!, /21 s of real time, waiting without working/);
  assert.equal(e.checks.find((c) => c.id === "sequential-order")?.status, "pass");
});
