/**
 * The grader judges behaviour, not one way of writing the code: correct
 * solutions in other styles get full marks (fixtures/styles/<exercise>/<style>/),
 * and common mistakes lose exactly the matching checks, with a message that
 * names what was observed (fixtures/mistakes/<exercise>/<mistake>/expected.json:
 * `{ "failing": { "<check-id>": "<regex the message must match>" } }`).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findExercise, grade } from "../grade.ts";

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const folders = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];

for (const ex of folders(root("fixtures/styles"))) {
  const exercise = findExercise(ex.name)!;
  for (const style of folders(`${root("fixtures/styles")}/${ex.name}`)) {
    Deno.test(`${ex.name}: the ${style.name} style gets full marks`, async () => {
      const dir = `${root("fixtures/styles")}/${ex.name}/${style.name}`;
      const report = await grade({ dir, only: [exercise.id] });
      const [e] = report.exercises;
      const failed = e.checks.filter((c) => c.status !== "pass").map((c) =>
        `${c.id}: ${c.message}`
      );
      assert.deepEqual(failed, []);
      assert.equal(e.score, e.maxScore);
    });
  }
}

for (const ex of folders(root("fixtures/mistakes"))) {
  const exercise = findExercise(ex.name)!;
  for (const mistake of folders(`${root("fixtures/mistakes")}/${ex.name}`)) {
    const dir = `${root("fixtures/mistakes")}/${ex.name}/${mistake.name}`;
    Deno.test(`${ex.name}: the mistake ${mistake.name} loses exactly its checks`, async () => {
      const expected = JSON.parse(readFileSync(`${dir}/expected.json`, "utf8")) as {
        failing: Record<string, string>;
      };
      const report = await grade({ dir, only: [exercise.id] });
      const [e] = report.exercises;
      const failed = e.checks.filter((c) => c.status !== "pass");
      assert.deepEqual(failed.map((c) => c.id).sort(), Object.keys(expected.failing).sort());
      for (const c of failed) {
        assert.match(c.message ?? "", new RegExp(expected.failing[c.id]), c.id);
      }
      const lost = failed.reduce((s, c) => s + c.points, 0);
      assert.equal(e.score, e.maxScore - lost);
    });
  }
}
