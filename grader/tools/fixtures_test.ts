import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { mistakes, mistakeSource, patched, referenceSolution, stageMistake } from "./fixtures.ts";

const PATCH = `--- solution.ts
+++ solution.ts
@@ -1,3 +1,3 @@
 one
-two
+2
 three
`;

Deno.test("patched() applies a unified diff, and throws when its context no longer matches", () => {
  assert.equal(patched("one\ntwo\nthree\n", PATCH), "one\n2\nthree\n");
  assert.throws(() => patched("one\nTWO\nthree\n", PATCH, "x.patch"), /Cannot apply x\.patch/);
});

Deno.test("stageMistake() writes the patched reference solution and removes it when disposed", () => {
  const [first] = mistakes("01_gather");
  let dir = "";
  {
    using staged = stageMistake("01_gather", first.name);
    dir = staged.dir;
    const text = readFileSync(join(dir, "01_gather.ts"), "utf8");
    assert.equal(text, mistakeSource("01_gather", first.name));
    assert.notEqual(text, readFileSync(referenceSolution("01_gather"), "utf8"));
  }
  assert.equal(existsSync(dir), false);
  assert.throws(() => mistakeSource("01_gather", "no-such-mistake"), /Cannot find mistake/);
});
