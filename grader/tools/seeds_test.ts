import assert from "node:assert/strict";
import { join } from "node:path";
import { CATALOG } from "../course.ts";
import { mistakeSource } from "./fixtures.ts";
import { correctFixtures, main, pretty, seedExercise } from "./seeds.ts";

const GATHER = CATALOG.find((e) => e.id === "01_gather")!;

Deno.test("seeds: a wrong command line exits 2 without grading", async () => {
  for (const args of [["--seeds", "0"], ["--seeds", "2.5"], ["--first", "-1"], ["9"], ["--nope"]]) {
    assert.equal(await main(args), 2, args.join(" "));
  }
});

Deno.test("seeds: the correct fixtures are the solution, then each style", () => {
  const found = correctFixtures("01_gather");
  assert.equal([...found.keys()][0], "solution");
  assert.ok(found.size >= 2);
});

Deno.test("seeds: a wrong style is listed with its seed and check; a right one is not", async () => {
  const tmp = Deno.makeTempDirSync({ prefix: "async-lab-seeds-test-" });
  try {
    const wrong = join(tmp, "wrong.ts");
    Deno.writeTextFileSync(wrong, mistakeSource("01_gather", "wrong-durations"));
    const files = new Map([["solution", correctFixtures("01_gather").get("solution")!], [
      "wrong",
      wrong,
    ]]);
    const figures = await seedExercise(GATHER, { seeds: 2, first: 7, files });
    assert.deepEqual(figures.styles, ["solution", "wrong"]);
    assert.equal(figures.runs, 4);
    assert.deepEqual(
      figures.failures.map((f) => [f.style, f.seed, f.check]),
      [["wrong", 7, "fetch-durations"], ["wrong", 8, "fetch-durations"]],
    );
    const text = pretty([figures], 0);
    assert.match(text, /01_gather: 2 styles × 2 seeds = 4 runs, 2 failures/);
    assert.match(text, /✗ wrong seed 8 fetch-durations: /);
  } finally {
    Deno.removeSync(tmp, { recursive: true });
  }
});
