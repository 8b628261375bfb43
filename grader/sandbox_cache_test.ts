/**
 * The sandboxes' warm cache: made from the grader's own code only, copied
 * into each grading process's throwaway cache, never written by learner code.
 */
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { bundledChild } from "./_child_bundle.ts";
import { grade } from "./grade.ts";
import { warmCache } from "./sandbox.ts";
import { referenceSolution } from "./tools/fixtures.ts";

const CHECKS_1 = new URL("./checks/01_gather/mod.ts", import.meta.url).href;

/** Every byte of a folder's regular files, as one Latin-1 string (a marker is ASCII). */
function folderText(folder: string): string {
  let text = "";
  for (const entry of Deno.readDirSync(folder)) {
    if (entry.isFile) {
      const bytes = Deno.readFileSync(join(folder, entry.name));
      for (let i = 0; i < bytes.length; i += 8192) {
        text += String.fromCharCode(...bytes.subarray(i, i + 8192));
      }
    }
  }
  return text;
}

Deno.test("warm cache: a bundle's holds V8's compiled grader, and nothing of a learner's", async () => {
  const bundled = await bundledChild(CHECKS_1);
  if (bundled === null) return; // no bundle here (ASYNC_LAB_BUNDLE=0): sandboxes run the sources
  const warm = await warmCache(dirname(bundled.child));
  assert.ok(warm !== null, "the warm cache was made");
  const names = [...Deno.readDirSync(warm)].map((e) => e.name).sort();
  assert.ok(names.some((n) => /^v8_code_cache/.test(n)), `V8's code cache is there: ${names}`);
  // SQLite files only: no shared-memory index, no emitted code, no link to npm's packages.
  for (const entry of Deno.readDirSync(warm)) {
    assert.ok(entry.isFile, `${entry.name} is a plain file`);
    assert.ok(!entry.name.endsWith("-shm"), `${entry.name} is not SQLite's shared memory`);
  }
  // Made from the grader's own code: the bundled checks are in it.
  assert.ok(folderText(warm).includes("01_gather"), "the checks of exercise 1 were compiled");

  // A learner's module graded now (with a marker no other file holds) never reaches it.
  const marker = `learner-marker-${crypto.randomUUID()}`;
  const dir = await Deno.makeTempDir();
  try {
    const solution = Deno.readTextFileSync(referenceSolution("01_gather"));
    await Deno.writeTextFile(
      join(dir, "01_gather.ts"),
      `${solution}\nexport const marker = ${JSON.stringify(marker)};\n`,
    );
    const report = await grade({ dir, only: ["01_gather"] });
    assert.equal(report.score, report.maxScore, "the marked solution still gets full marks");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
  const again = await warmCache(dirname(bundled.child));
  assert.equal(again, warm);
  assert.ok(!folderText(warm).includes(marker), "no learner code in the warm cache");
});

Deno.test("warm cache: made once per bundle, whoever asks", async () => {
  const bundled = await bundledChild(CHECKS_1);
  if (bundled === null) return;
  const [a, b] = await Promise.all([
    warmCache(dirname(bundled.child)),
    warmCache(dirname(bundled.child)),
  ]);
  assert.equal(a, b);
  assert.equal(a, join(dirname(bundled.child), "warm"));
});
