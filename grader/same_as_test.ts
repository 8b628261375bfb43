import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG } from "./course.ts";
import { gradeBatch, listSubmissions, toBatchJson, toCsv } from "./batch.ts";
import type { Report } from "./grade.ts";
import { findSameAs, normalizeSource, REFERENCE, sameAsText } from "./same_as.ts";
import { referenceSolution } from "./_solutions.ts";

const GATHER = CATALOG.filter((e) => e.id === "01_gather");
const SOLUTION = referenceSolution("01_gather")!;

Deno.test("normalizeSource() drops comments and spacing, keeps strings and word breaks", () => {
  assert.equal(
    normalizeSource("// head\nconst  a = 1; /* note */\n\treturn   a+b // tail\n"),
    "const a=1;return a+b",
  );
  assert.equal(
    normalizeSource('const s = "a  // not a comment";'),
    'const s="a  // not a comment";',
  );
  assert.equal(normalizeSource("const t = `x /* kept */ ${y}`;"), "const t=`x /* kept */ ${y}`;");
  assert.equal(normalizeSource("const s = 'it\\'s';"), "const s='it\\'s';");
  assert.notEqual(normalizeSource("return a"), normalizeSource("returna"));
});

/** A class folder: name → the text of its 01_gather.ts (or null: no file). */
function makeClass(files: Record<string, string | null>): string {
  const dir = Deno.makeTempDirSync({ prefix: "async-lab-same-as-" });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    if (text !== null) writeFileSync(join(dir, name, "01_gather.ts"), text);
  }
  return dir;
}

Deno.test("findSameAs() flags copies up to comments and spacing, and the reference solution", () => {
  const stub = Deno.readTextFileSync(new URL("../exercises/01_gather.ts", import.meta.url));
  const own = "export async function main() {\n  console.log('mine');\n}\n";
  const dir = makeClass({
    ann: own,
    ben: `// I wrote this myself\n${own.replaceAll("  ", "\t")}\n\n`,
    cat: own.replace("mine", "yours"),
    dan: SOLUTION.replace(/\/\*\*[^]*?\*\//, "/* renamed nothing */"),
    eli: stub,
    fay: stub,
    gus: null,
  });
  try {
    const found = findSameAs(listSubmissions(dir), GATHER);
    assert.deepEqual(found, [
      { "01_gather": ["ben"] },
      { "01_gather": ["ann"] },
      {},
      { "01_gather": [REFERENCE] },
      {}, // untouched stubs are alike by nature
      {},
      {}, // no file
    ]);
    // Without a reference solution (a student repository's grader), only classmates count.
    assert.deepEqual(findSameAs(listSubmissions(dir), GATHER, () => null)[3], {});
    // One shard of the class (ann alone) still compares with the whole class.
    const all = listSubmissions(dir);
    assert.deepEqual(findSameAs(all.slice(0, 1), GATHER, () => null, all), [{
      "01_gather": ["ben"],
    }]);
    assert.equal(sameAsText(found[0]), "01_gather: ben");
    assert.equal(sameAsText({}), "");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("gradeBatch() reports same_as in the CSV and the JSON, scores unchanged", async () => {
  const dir = makeClass({ ann: SOLUTION, ben: `${SOLUTION}\n// mine\n` });
  try {
    const fake = (options: { dir?: string } = {}): Promise<Report> =>
      Promise.resolve({
        schema: "async-lab/report@1",
        score: options.dir?.endsWith("ann") ? 20 : 13,
        maxScore: 20,
        seed: 444,
        lang: "en",
        durationMs: 1,
        exercises: [],
      });
    const result = await gradeBatch(listSubmissions(dir), { catalog: GATHER, grader: fake });
    assert.deepEqual(result.rows.map((r) => r.total), [20, 13], "scores as the grader gave them");
    const lines = toCsv(result).slice(1).split("\r\n");
    assert.equal(lines[1], `ann,,20,pass,"01_gather: ${REFERENCE}, ben"`);
    assert.equal(lines[2], `ben,,13,fail,"01_gather: ${REFERENCE}, ann"`);
    const json = JSON.parse(toBatchJson(result));
    assert.deepEqual(json.rows[0].sameAs, { "01_gather": [REFERENCE, "ben"] });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
