/**
 * A teacher adds an exercise with one stub, one checks module and one catalog
 * entry — and no change to the engine.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { type Exercise, grade } from "../../mod.ts";

const fixture = (path: string) => new URL(`../../fixtures/extra/${path}`, import.meta.url);
const SIXTH: Exercise = {
  id: "06_retry",
  file: "06_retry.ts",
  title: { en: "Retry with a pause", fr: "Réessayer avec une pause" },
  points: 10,
  checks: fixture("exercise/06_retry.checks.ts").href,
  hints: [
    { en: "a loop and a try/catch", fr: "une boucle et un try/catch" },
    { en: "await a timer in the catch", fr: "attendez un timer dans le catch" },
  ],
};

Deno.test("grade() grades a teacher's extra exercise: solution full marks", async () => {
  const report = await grade({ catalog: [SIXTH], dir: fileURLToPath(fixture("solution")) });
  assert.equal(report.score, 10);
  assert.equal(report.exercises[0].status, "pass");
});

Deno.test("grade() grades a teacher's extra exercise: stub todo", async () => {
  const report = await grade({ catalog: [SIXTH], dir: fileURLToPath(fixture("stub")) });
  assert.equal(report.score, 0);
  assert.equal(report.exercises[0].status, "todo");
});
