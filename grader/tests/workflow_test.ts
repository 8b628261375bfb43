/**
 * The Classroom workflow wires the grader to GitHub Classroom's reporter the
 * way the reporter reads it: the step's id, upper-cased with `_RESULTS`,
 * names the variable holding the step's `result` output.
 */
import assert from "node:assert/strict";

const workflow = Deno.readTextFileSync(
  new URL("../../.github/workflows/classroom.yml", import.meta.url),
);

Deno.test("classroom.yml: one plain run step grades with the classroom reporter", () => {
  const id = /- name: Grade\n\s+id: (\S+)\n\s+run: (.+)\n/.exec(workflow);
  assert.ok(id, "a `Grade` step with an id and a run command");
  assert.match(id[1], /^[a-zA-Z0-9]+$/, "the reporter accepts only alphanumeric runner ids");
  assert.match(id[2], /^deno task grade --reporter \S*classroom\S*/);
  assert.match(id[2], /--fail-under 0/, "the grading step stays green so the reporter runs");
  assert.doesNotMatch(workflow, /uses: classroom-resources\/autograding-command-grader/);
});

Deno.test("classroom.yml: the reporter reads <ID>_RESULTS from the grading step", () => {
  const id = /id: (\S+)/.exec(workflow)![1];
  assert.match(workflow, /uses: classroom-resources\/autograding-grading-reporter@v1/);
  assert.ok(
    workflow.includes(`${id.toUpperCase()}_RESULTS: \${{ steps.${id}.outputs.result }}`),
    "env maps the step's result output",
  );
  assert.match(workflow, new RegExp(`runners: ${id}\\n`));
  assert.match(workflow, /uses: denoland\/setup-deno@v2\n\s+with:\n\s+deno-version: v2\.9\.x/);
});
