/**
 * The sandbox contains what learner code does at its worst: each case gives a
 * clear error for its own exercise, and the checks it did not break are
 * still graded.
 */
import assert from "node:assert/strict";
import { grade, type Report } from "../grade.ts";
import { MAX_FRAME_CHARS, readFrame } from "../_frames.ts";
import { MAX_UNTRUSTED } from "../_untrusted.ts";
import { gradeBatch, toBatchJson, toCsv } from "../batch.ts";
import { CATALOG } from "../course.ts";
import { stageMistake } from "../tools/fixtures.ts";

/** Grades exercise 1 with a hostile mistake (`fixtures/01_gather/mistakes/<name>.patch`). */
const gradeCase = async (name: string, wallTimeoutSeconds = 10) => {
  using staged = stageMistake("01_gather", name);
  const report = await grade({ dir: staged.dir, only: ["01_gather"], wallTimeoutSeconds });
  return report.exercises[0];
};

Deno.test("sandbox: a module that throws at load is an error of its exercise", async () => {
  const e = await gradeCase("throws-at-load");
  assert.equal(e.status, "error");
  assert.equal(e.error?.kind, "load");
  assert.match(e.error!.message, /could not be loaded: TypeError: config missing/);
  assert.equal(e.score, 0);
});

Deno.test("sandbox: a module that calls Deno.exit at load is reported, not obeyed", async () => {
  const e = await gradeCase("exits");
  assert.equal(e.status, "error");
  assert.equal(e.error?.kind, "exit");
  assert.match(e.error!.message, /Deno\.exit\(0\)/);
});

Deno.test("sandbox: a promise that never settles is a deadlock, the other checks pass", async () => {
  const e = await gradeCase("never-settles");
  assert.equal(e.status, "fail");
  const failed = e.checks.filter((c) => c.status !== "pass");
  assert.ok(failed.length > 0);
  for (const c of failed) assert.match(c.message!, /never finished/, c.id);
  // runSequential is fine: its checks pass.
  for (const id of ["sequential-order", "sequential-total", "fetch-durations"]) {
    assert.equal(e.checks.find((c) => c.id === id)?.status, "pass", id);
  }
});

Deno.test("sandbox: a synchronous loop is stopped at its CPU budget and named", async () => {
  const e = await gradeCase("loops-forever", 1.5);
  assert.equal(e.error?.kind, "frozen");
  const frozen = e.checks.find((c) => c.id === "concurrent-start")!;
  assert.equal(frozen.status, "error");
  assert.match(
    frozen.message!,
    /never gave the event loop a chance to run \(stopped after 1\.5 s of processor time\)/,
  );
  // Checks before the loop were graded.
  assert.equal(e.checks.find((c) => c.id === "sequential-order")?.status, "pass");
});

const validResult = {
  id: "fetch-durations",
  title: "t",
  points: 2,
  score: 2,
  status: "pass",
  message: null,
  hint: null,
  expected: null,
  actual: null,
  timeline: [{ label: "users()", start: 0, end: 2000, outcome: "ok" }],
  tookMs: null,
  expectedMs: null,
  todo: false,
};

/** A value nested `depth` levels deep, built without recursion. */
function nested(depth: number): string {
  return "[".repeat(depth) + "]".repeat(depth);
}

Deno.test("readFrame() keeps only the declared fields of a frame, each of its type", () => {
  const deep = nested(300_000);
  const line = `{"type":"result","index":0,"evil":${deep},"result":${
    JSON.stringify(validResult).replace(/}$/, `,"extra":${deep}}`)
  }}`;
  const frame = readFrame(line);
  assert.ok(frame !== null && frame.type === "result");
  assert.deepEqual(Object.keys(frame), ["type", "index", "result"]);
  assert.deepEqual(frame.result, validResult, "no extra field survives");
  assert.doesNotThrow(() => JSON.stringify(frame));
});

Deno.test("readFrame() refuses a frame off its schema, too long or not JSON", () => {
  const result = (patch: Record<string, unknown>) =>
    JSON.stringify({ type: "result", index: 0, result: { ...validResult, ...patch } });
  assert.equal(readFrame(result({ message: { toString: 1 } })), null, "a message that is no text");
  assert.equal(readFrame(result({ status: "passed" })), null, "an unknown status");
  assert.equal(readFrame(result({ points: "20" })), null, "points as text");
  assert.equal(readFrame(result({ timeline: [{ label: 1 }] })), null, "a broken span");
  assert.equal(readFrame(`{"type":"result","index":-1,"result":${result({})}}`), null);
  assert.equal(readFrame(`{"type":"start","index":1e9,"id":"x"}`), null, "an index out of range");
  assert.equal(readFrame(`{"type":"hello"}`), null, "an unknown frame");
  assert.equal(readFrame(`{"type":"done","logs":${nested(300_000)}}`), null);
  assert.equal(readFrame("not json"), null);
  assert.equal(readFrame(" ".repeat(MAX_FRAME_CHARS + 1) + "{}"), null, "too long");
  const long = readFrame(result({ message: "x".repeat(1_000_000) }));
  assert.ok(long?.type === "result" && long.result.message!.length <= MAX_UNTRUSTED + 1);
  assert.deepEqual(readFrame(`{"type":"loaded","x":1}`), { type: "loaded" });
});

Deno.test("toBatchJson() writes every row even when one report cannot be written", async () => {
  const catalog = CATALOG.filter((e) => e.id === "01_gather");
  const subs = ["a", "b", "c"].map((name) => ({ name, dir: `/nowhere/${name}` }));
  const fake = (options: { dir?: string } = {}): Promise<Report> => {
    // A report holding a 300 000-level nested value, as an unchecked frame could bring.
    let deep: unknown = [];
    if (options.dir === "/nowhere/b") { for (let i = 0; i < 300_000; i++) deep = [deep]; }
    return Promise.resolve({
      schema: "async-lab/report@1",
      score: 20,
      maxScore: 20,
      seed: 444,
      lang: "en",
      durationMs: 1,
      exercises: [],
      deep,
    } as Report);
  };
  const result = await gradeBatch(subs, { catalog, grader: fake, concurrency: 3 });
  const json = JSON.parse(toBatchJson(result));
  assert.deepEqual(json.rows.map((r: { submission: string }) => r.submission), ["a", "b", "c"]);
  assert.equal(json.rows[1].status, "error");
  assert.equal(json.rows[1].report, null);
  assert.equal(json.rows[0].report.score, 20);
  assert.equal(toCsv(result).split("\r\n").length, 5, "a header, three rows, the last line end");
});

Deno.test("sandbox: time spent waiting without working is not charged to the budget", async () => {
  // 4 s of real time asleep in main(), against a budget of 3 s of CPU: only the
  // wall-clock backstop (23 s) could stop it, and the checks all pass.
  const started = performance.now();
  const e = await gradeCase("waits-then-works", 3);
  assert.ok(performance.now() - started >= 4000, "it really waited");
  assert.equal(e.error, null, JSON.stringify(e.error));
  assert.equal(e.score, e.maxScore);
});

Deno.test("sandbox: code that blocks without working is stopped by the wall-clock backstop", async () => {
  const e = await gradeCase("blocks", 1);
  assert.equal(e.error?.kind, "frozen");
  const blocked = e.checks.find((c) => c.id === "concurrent-start")!;
  assert.match(blocked.message!, /21 s of real time, waiting without working/);
  assert.equal(e.checks.find((c) => c.id === "sequential-order")?.status, "pass");
});
