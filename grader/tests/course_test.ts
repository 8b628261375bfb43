/**
 * The catalog is complete and honest (see `_course.ts`): what the folders
 * hold and what the catalog lists are the same exercises.
 */
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { CATALOG, type Exercise } from "../course.ts";
import { courseParts, courseProblems } from "./_course.ts";

const ROOT = new URL("../../", import.meta.url);
const ids = CATALOG.map((e) => e.id);

Deno.test("course: every stub and checks folder is in the catalog, and the reverse", async () => {
  const parts = courseParts(ROOT);
  assert.deepEqual(parts.stubs, ids);
  assert.deepEqual(parts.checks, ids);
  assert.deepEqual(await courseProblems(ROOT, CATALOG, ["stubs", "checks"]), []);
});

Deno.test("course: every fixtures folder fixtures/NN_topic/ is in the catalog, and the reverse", async () => {
  assert.deepEqual(courseParts(ROOT).fixtures, ids);
  assert.deepEqual(await courseProblems(ROOT, CATALOG), []);
});

Deno.test("course: an exercise's points are the sum of its checks' points", async () => {
  for (const e of CATALOG) {
    const { default: spec } = await import(e.checks);
    const sum = spec.checks.reduce((s: number, c: { points: number }) => s + c.points, 0);
    assert.equal(e.points, sum, e.id);
  }
  assert.deepEqual(CATALOG.map((e) => e.points), [20, 20, 20, 20, 20]);
});

Deno.test("courseProblems() names what is missing, unlisted or written twice", async () => {
  const fake = (id: string, over: Partial<Exercise> = {}): Exercise => ({
    ...CATALOG[0],
    id,
    file: `${id}.ts`,
    checks: new URL(`grader/checks/${id}/mod.ts`, ROOT).href,
    ...over,
  });
  const catalog = [
    fake("01_gather", { points: 19 }),
    ...CATALOG.slice(1, 4),
    fake("09_missing"),
  ];
  const problems = await courseProblems(ROOT, catalog, ["stubs", "checks"]);
  assert.deepEqual(problems.sort(), [
    "01_gather: worth 19 points, its checks 20",
    "05_check_services: exercises/05_check_services is not in the catalog",
    "05_check_services: grader/checks/05_check_services is not in the catalog",
    "09_missing: in the catalog, but exercises/09_missing is missing",
    "09_missing: in the catalog, but grader/checks/09_missing is missing",
  ]);
});

Deno.test("courseProblems() finds inline text and a checks folder that imports the catalog", async () => {
  const root = await Deno.makeTempDir({ prefix: "course-" });
  try {
    const folder = `${root}/grader/checks/07_inline`;
    await Deno.mkdir(folder, { recursive: true });
    await Deno.mkdir(`${root}/exercises`);
    await Deno.writeTextFile(`${root}/exercises/07_inline.ts`, "export {};\n");
    await Deno.writeTextFile(
      `${folder}/mod.ts`,
      [
        "const title = {",
        '  en: "inline", fr: "en ligne",',
        "};",
        "export default { title, hints: [title, title], checks: [{ id: 'a', points: 3 }] };",
        "",
      ].join("\n"),
    );
    await Deno.writeTextFile(`${folder}/helper.ts`, 'import { CATALOG } from "../../../mod.ts";\n');
    const base = pathToFileURL(`${root}/`);
    const entry: Exercise = {
      ...CATALOG[0],
      id: "07_inline",
      file: "07_inline.ts",
      points: 3,
      checks: new URL("grader/checks/07_inline/mod.ts", base).href,
    };
    assert.deepEqual((await courseProblems(base, [entry], ["stubs", "checks"])).sort(), [
      "07_inline: grader/checks/07_inline/messages.ts is missing",
      "07_inline: helper.ts imports ../../../mod.ts (the catalog loads the checks)",
      "07_inline: mod.ts writes text inline; sentences go in messages.ts",
    ]);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
