/**
 * Exercise 1's checks, beyond what every exercise's tests assert: each
 * realistic mistake has one root failure (the others declare it in
 * `dependsOn`), and every check names a lesson section that exists.
 */
import assert from "node:assert/strict";
import spec from "../checks/01_gather/mod.ts";
import { LESSON_SECTIONS } from "../i18n/lessons.ts";
import { mistakes } from "../tools/fixtures.ts";

const byId = new Map(spec.checks.map((c) => [c.id, c]));

Deno.test("01_gather: every mistake shows one root failure, the rest as its consequences", () => {
  for (const m of mistakes("01_gather")) {
    const failing = Object.keys(m.failing ?? {});
    if (failing.length < 2) continue;
    const roots = failing.filter((id) =>
      !(byId.get(id)!.dependsOn ?? []).some((d) => failing.includes(d))
    );
    assert.equal(roots.length, 1, `${m.name}: roots ${roots.join(", ")}`);
  }
});

Deno.test("01_gather: dependsOn names checks of this exercise, never itself", () => {
  for (const c of spec.checks) {
    for (const d of c.dependsOn ?? []) {
      assert.ok(byId.has(d) && d !== c.id, `${c.id} → ${d}`);
    }
  }
});

Deno.test("01_gather: every check names a lesson section that exists", () => {
  for (const c of spec.checks) {
    assert.ok(c.lesson && c.lesson in LESSON_SECTIONS.en, `${c.id}: ${c.lesson}`);
  }
});
