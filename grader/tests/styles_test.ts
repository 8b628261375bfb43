/**
 * The grader judges behaviour, not one way of writing the code: correct
 * solutions in other styles (`fixtures/<exercise>/styles/<style>.ts`) get
 * full marks. The exercises that have a style of the same name are graded
 * together, as one submission.
 */
import assert from "node:assert/strict";
import { CATALOG } from "../course.ts";
import { grade } from "../grade.ts";
import { exerciseFile, stage, styles } from "../tools/fixtures.ts";

const byStyle = new Map<string, Map<string, string>>();
for (const { id } of CATALOG) {
  for (const [style, path] of styles(id)) {
    byStyle.set(style, (byStyle.get(style) ?? new Map()).set(id, path));
  }
}

for (const [style, files] of byStyle) {
  const ids = [...files.keys()];
  Deno.test(`${ids.join(", ")}: the ${style} style gets full marks`, async () => {
    using staged = stage(
      Object.fromEntries(
        ids.map((id) => [exerciseFile(id), Deno.readTextFileSync(files.get(id)!)]),
      ),
    );
    const report = await grade({ dir: staged.dir, only: ids });
    assert.equal(report.exercises.length, ids.length);
    for (const e of report.exercises) {
      const failed = e.checks.filter((c) => c.status !== "pass").map((c) =>
        `${c.id}: ${c.message}`
      );
      assert.deepEqual(failed, [], `${e.id} (${style}) should pass every check`);
      assert.equal(e.score, e.maxScore);
    }
  });
}
