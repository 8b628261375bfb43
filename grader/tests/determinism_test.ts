/**
 * Determinism: the same submission graded again and again with the same seed
 * gives the same JSON report, byte for byte apart from `durationMs`, also
 * while other processes keep every core busy — so no check depends on
 * wall-clock time. (The bench runs the 100-run version.)
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath as fromFileUrl } from "node:url";
import { CATALOG } from "../course.ts";
import { grade, type GradeOptions } from "../grade.ts";
import { toJson } from "../report/mod.ts";
import { burnCpu } from "../tools/cpu_load.ts";
import { referenceSolution, type Staged, stageMistake, stageSolutions } from "../tools/fixtures.ts";

const root = (path: string) => fromFileUrl(new URL(`../../${path}`, import.meta.url));

/** The exercises whose checks and reference solution both exist (the catalog grows). */
const READY = CATALOG.filter((e) =>
  existsSync(fromFileUrl(e.checks)) && existsSync(referenceSolution(e.id))
);
const solutions = () => stageSolutions(READY.map((e) => e.id));

/** The report as JSON without the one field that measures real time. */
async function gradedJson(options: GradeOptions): Promise<string> {
  const report = await grade({ catalog: READY, ...options });
  return toJson({ ...report, durationMs: 0 });
}

/** A submission folder that stays as it is. */
const kept = (dir: string): Staged => ({ dir, [Symbol.dispose]: () => {} });

const cases: [string, () => Staged, GradeOptions][] = [
  ["the reference solutions", solutions, {}],
  [
    "a broken submission with a timeline",
    () => stageMistake("01_gather", "concurrent-max-not-sum"),
    { only: ["01_gather"] },
  ],
  ["the stubs, in French with another seed", () => kept(root("exercises")), {
    lang: "fr",
    seed: 7,
  }],
];

for (const [name, submission, rest] of cases) {
  Deno.test(`grade() gives ${name} the same JSON every time, also with every core busy`, async () => {
    using staged = submission();
    const options = { dir: staged.dir, ...rest };
    const first = await gradedJson(options);
    assert.ok(READY.length > 0 && first.includes('"checks"'));
    for (let i = 0; i < 2; i++) {
      assert.equal(await gradedJson(options), first, `quiet run ${i + 2}`);
    }
    const load = burnCpu();
    try {
      for (let i = 0; i < 3; i++) {
        assert.equal(await gradedJson(options), first, `loaded run ${i + 1}`);
      }
    } finally {
      await load.stop();
    }
  });
}

Deno.test("grade() with another seed changes only what the seed feeds", async () => {
  // Guards the test above against a report that ignores its seed entirely.
  using staged = solutions();
  const a = JSON.parse(await gradedJson({ dir: staged.dir, seed: 1 }));
  const b = JSON.parse(await gradedJson({ dir: staged.dir, seed: 2 }));
  assert.equal(a.seed, 1);
  assert.equal(b.seed, 2);
  assert.equal(a.score, b.score, "the reference solutions pass whatever the seed");
});

Deno.test("checks read no real clock: only the virtual one, which the sandbox installs first", () => {
  // `Date` and `performance` are the virtual clock's inside the sandbox; these are not.
  const realClocks = /\b(hrtime|osUptime|uptime|timeOrigin|realNow)\b/;
  const files = [
    ...Deno.readDirSync(root("grader/checks")).flatMap((folder) =>
      [...Deno.readDirSync(root(`grader/checks/${folder.name}`))].map((e) =>
        `grader/checks/${folder.name}/${e.name}`
      )
    ),
    "grader/check.ts",
    "grader/probe.ts",
    "grader/clock.ts",
  ].filter((f) => f.endsWith(".ts") && !f.endsWith("_test.ts"));
  assert.ok(files.length >= 4);
  const offending = files.filter((f) => realClocks.test(Deno.readTextFileSync(root(f))));
  assert.deepEqual(offending, []);
});
