import assert from "node:assert/strict";
import { findLesson, LESSONS } from "./run.ts";
import { assertInOrder, runReal } from "./_run_lesson.ts";

Deno.test("findLesson() accepts a number, a padded number or part of a name", () => {
  assert.equal(findLesson("5"), "05_chaining.ts");
  assert.equal(findLesson("05"), "05_chaining.ts");
  assert.equal(findLesson("11"), "11_ecosystem.ts");
  assert.equal(findLesson("chaining"), "05_chaining.ts");
  assert.equal(findLesson("PITFALLS"), "10_pitfalls.ts");
  assert.equal(findLesson("05_chaining"), "05_chaining.ts");
});

Deno.test("findLesson() rejects unknown, empty and ambiguous names", () => {
  assert.equal(findLesson("0"), undefined);
  assert.equal(findLesson("12"), undefined);
  assert.equal(findLesson(""), undefined);
  assert.equal(findLesson("nope"), undefined);
  assert.equal(findLesson("a"), undefined); // in several names
});

Deno.test("LESSONS lists every lesson file of the folder, in order", async () => {
  const files: string[] = [];
  for await (const entry of Deno.readDir(new URL("./", import.meta.url))) {
    if (/^\d\d_.*\.ts$/.test(entry.name) && !entry.name.endsWith("_test.ts")) {
      files.push(entry.name);
    }
  }
  assert.deepEqual(LESSONS.map((l) => l.file), files.sort());
  assert.equal(LESSONS.length, 11);
});

Deno.test("deno task lesson N runs the lesson", async () => {
  const { code, stdout, stderr } = await runReal(["task", "--quiet", "lesson", "3"]);
  assert.equal(code, 0, stderr);
  assertInOrder(stdout.split("\n"), ["Hello...", "World!", "1. synchronous code"]);
});

Deno.test("deno task lesson exits 2 with a usage line on a bad argument", async () => {
  for (const args of [["99"], ["nope"], []]) {
    const { code, stderr } = await runReal(["task", "--quiet", "lesson", ...args]);
    assert.equal(code, 2, `lesson ${args}`);
    assert.match(stderr, /^usage: deno task lesson N/m);
    assert.match(stderr, /05 {2}Chaining/);
  }
});
