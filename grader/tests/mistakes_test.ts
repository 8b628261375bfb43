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
  // What each check's failure can be a consequence of (its dependsOn, followed through).
  const causes = new Map<string, Set<string>>();
  const causesOf = (id: string): Set<string> => {
    if (causes.has(id)) return causes.get(id)!;
    const found = new Set<string>();
    causes.set(id, found);
    const check = spec.checks.find((c: { id: string }) => c.id === id);
    for (const d of check?.dependsOn ?? []) {
      found.add(d);
      for (const e of causesOf(d)) found.add(e);
    }
    return found;
  };
  Deno.test(`${exercise.id}: every check has a mistake that fails it and only it`, () => {
    // A mistake fails a check alone when every other check it fails is that one's consequence.
    const alone = new Set(
      list.flatMap((m) => {
        const failing = Object.keys(m.failing ?? {});
        return failing.filter((id) => failing.every((o) => o === id || causesOf(o).has(id)));
      }),
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
