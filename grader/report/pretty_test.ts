import assert from "node:assert/strict";
import { renderPretty, words } from "./pretty.ts";
import { sampleReport } from "./_sample.ts";

// deno-lint-ignore no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

Deno.test("renderPretty() right-aligns scores at the width, with or without colour", () => {
  for (const color of [false, true]) {
    for (const width of [50, 64, 80, 100]) {
      const lines = plain(renderPretty(sampleReport(), { width, color })).split("\n");
      const scored = lines.filter((l) => /\d+\/\d+$/.test(l));
      assert.ok(scored.length >= 4);
      for (const line of scored) {
        assert.equal([...line].length, width, `${width} ${color}: ${line}`);
      }
      for (const line of lines) assert.ok([...line].length <= width, `${width}: ${line}`);
    }
  }
});

Deno.test("renderPretty() cuts a long exercise title so the score stays on its line", () => {
  const report = sampleReport();
  report.exercises[0].title = "A pipeline: one producer, several consumers, a queue between them";
  const lines = renderPretty(report, { width: 50 }).split("\n");
  assert.equal(lines[2], "✗ 01 A pipeline: one producer, several consu… 3/10");
});

Deno.test("renderPretty() shows the failure, its timeline and hint in the learner's language", () => {
  const en = renderPretty(sampleReport(), { width: 80 });
  assert.match(en, /expected: 3\.0 s · observed: 6\.0 s/);
  assert.match(en, /timeline: took 6\.0 s, expected 3\.0 s\n( +.*\n){4} +↑ expected end: 3\.0 s/);
  assert.match(en, /hint: start all three/);
  assert.match(en, /1 check passed/);
  const fr = renderPretty(sampleReport("fr"), { width: 80 });
  assert.match(fr, /attendu\u00a0: 3\.0 s · observé\u00a0: 6\.0 s/);
  assert.match(fr, /chronologie : 6,0 s au lieu de 3,0 s/);
  assert.match(fr, /indice\u00a0: start all three/);
  assert.match(fr, /1 test réussi/);
  assert.match(fr, /^Prochaine étape/m);
});

Deno.test("renderPretty() in ASCII has no other character", () => {
  const text = renderPretty(sampleReport("fr"), { width: 80, ascii: true });
  assert.match(text, /^[\n\x20-\x7e]*$/);
  assert.match(text, /\n +orders +#+\n/);
});

Deno.test("words() keeps a code span whole when it fits", () => {
  assert.deepEqual(words("run `deno task grade 1` now", 40), ["run", "`deno task grade 1`", "now"]);
  assert.deepEqual(words("run `deno task grade 1` now", 10), [
    "run",
    "`deno",
    "task",
    "grade",
    "1`",
    "now",
  ]);
  assert.deepEqual(words("an `unclosed span", 40), ["an", "`unclosed", "span"]);
});
