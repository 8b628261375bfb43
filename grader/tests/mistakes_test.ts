/**
 * Common mistakes lose exactly the matching checks, with a message that names
 * what was observed. Each mistake is a patch of the exercise's reference
 * solution (`fixtures/<exercise>/mistakes/<mistake>.patch`), applied here;
 * its verdict is in `fixtures/<exercise>/mistakes.json` (see
 * `grader/tools/fixtures.ts`). Every check has a mistake that fails it and
 * only it.
 */
import assert from "node:assert/strict";
import { CATALOG } from "../course.ts";
import { grade } from "../grade.ts";
import { mistakes, stageMistake } from "../tools/fixtures.ts";

for (const exercise of CATALOG) {
  const list = mistakes(exercise.id);
  if (list.length === 0) continue;
  const { default: spec } = await import(exercise.checks);
  const ids: string[] = spec.checks.map((c: { id: string }) => c.id);
  Deno.test(`${exercise.id}: every check has a mistake that fails it and only it`, () => {
    const alone = new Set(
      list.map((m) => Object.keys(m.failing ?? {})).filter((f) => f.length === 1).flat(),
    );
    assert.deepEqual(ids.filter((id) => !alone.has(id)), [], "checks without a mistake");
  });
  for (const mistake of list) {
    // A verdict the generic test cannot say is asserted by the test it names.
    if (mistake.failing === undefined) {
      assert.ok(mistake.checkedBy, `${exercise.id}/${mistake.name}: a verdict or checkedBy`);
      continue;
    }
    if (mistake.checkedBy) continue;
    const failing = mistake.failing;
    Deno.test(`${exercise.id}: the mistake ${mistake.name} loses exactly its checks`, async () => {
      using staged = stageMistake(exercise.id, mistake.name);
      const report = await grade({ dir: staged.dir, only: [exercise.id] });
      const [e] = report.exercises;
      const failed = e.checks.filter((c) => c.status !== "pass");
      assert.deepEqual(failed.map((c) => c.id).sort(), Object.keys(failing).sort());
      for (const c of failed) {
        assert.ok(
          c.message && c.message.length > 10,
          `${c.id}: the failure says what was observed`,
        );
        assert.match(c.message, new RegExp(failing[c.id]), c.id);
      }
      const lost = failed.reduce((s, c) => s + c.points, 0);
      assert.equal(e.score, e.maxScore - lost);
    });
  }
}
