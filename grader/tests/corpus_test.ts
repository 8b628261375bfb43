/**
 * The hostile corpus, graded whole: every case of `fixtures/corpus/` laid
 * over the reference solutions must give exactly the verdicts of its
 * `expected.json`, leave every other exercise graded as if it were absent,
 * write nothing outside the sandbox, and leave no process behind.
 *
 * The cases are graded two at a time, once, the first time a test asks.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATALOG } from "../course.ts";
import { pool, type Report } from "../grade.ts";
import { liveStages } from "../_stage.ts";
import {
  baseline,
  type CaseOutcome,
  checkDigest,
  expectedVerdict,
  listCases,
  readExpected,
  runCase,
  verdictOf,
} from "./_corpus.ts";

const LOCK = fileURLToPath(new URL("../../deno.lock", import.meta.url));
const ESCAPES = [
  "/tmp/async-lab-corpus-escape.txt",
  "/tmp/async-lab-corpus-escape-2.txt",
  "/tmp/async-lab-corpus-escape-3.txt",
  "/tmp/async-lab-corpus-escape-dir",
];
const cases = listCases();

/** Every string anywhere in `value`. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) strings(v, out);
  }
  return out;
}
// deno-lint-ignore no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let graded: Promise<{ base: Report; outcomes: Map<string, CaseOutcome>; lock: [string, string] }>;
function gradeAll() {
  graded ??= (async () => {
    const lockBefore = existsSync(LOCK) ? readFileSync(LOCK, "utf8") : "";
    const base = await baseline();
    const list = await pool(cases, 2, (name) => runCase(name));
    const lockAfter = existsSync(LOCK) ? readFileSync(LOCK, "utf8") : "";
    return { base, outcomes: new Map(list.map((o) => [o.name, o])), lock: [lockBefore, lockAfter] };
  })();
  return graded;
}

Deno.test("corpus: holds at least 30 cases, each naming only catalog exercises", () => {
  assert.ok(cases.length >= 30, `${cases.length} cases`);
  const ids = new Set(CATALOG.map((e) => e.id));
  for (const name of cases) {
    const expected = readExpected(name);
    assert.ok(expected.$about.length > 10, `${name}: $about says what the case does`);
    for (const key of Object.keys(expected)) {
      if (!key.startsWith("$")) assert.ok(ids.has(key), `${name}: ${key} is not in the catalog`);
    }
  }
});

Deno.test("corpus: the reference solutions, graded alone, get full marks", async () => {
  const { base } = await gradeAll();
  assert.equal(base.score, base.maxScore);
});

for (const name of cases) {
  Deno.test(`corpus: ${name} gives the expected verdicts and touches nothing else`, async () => {
    const { base, outcomes } = await gradeAll();
    const o = outcomes.get(name)!;
    const { report } = o;
    // A complete report: every exercise, every check, scores from the checks' own points.
    assert.deepEqual(report.exercises.map((e) => e.id), CATALOG.map((e) => e.id));
    for (const e of report.exercises) {
      const baseE = base.exercises.find((b) => b.id === e.id)!;
      assert.deepEqual(e.checks.map((c) => c.id), baseE.checks.map((c) => c.id), e.id);
      const earned = e.checks.reduce((s, c) => s + (c.status === "pass" ? c.points : 0), 0);
      assert.equal(e.score, earned, `${e.id}: score is the sum of passed checks`);
      assert.ok(e.score <= e.maxScore);
      for (const c of e.checks) {
        // Never a stack trace from the grader itself.
        assert.doesNotMatch(
          c.message ?? "",
          /grader\/|\.bundle\/|ext:core|async-lab sandbox/,
          c.id,
        );
        if (c.status !== "pass") {
          assert.ok((c.message ?? "").length > 10, `${e.id}/${c.id} says why`);
        }
      }
      if (e.error) assert.doesNotMatch(e.error.message, /grader\/|\.bundle\/|ext:core/);
      const listed = o.expected[e.id] !== undefined;
      if (listed) {
        assert.deepEqual(verdictOf(e), expectedVerdict(o.expected, e), `${name}: ${e.id}`);
      } else {
        // Every other exercise: graded exactly as if the bad one were absent.
        assert.deepEqual(checkDigest(e), checkDigest(baseE), `${name}: ${e.id} as in the baseline`);
        assert.equal(e.score, e.maxScore);
      }
    }
    // Learner text cannot drive the terminal (clear the screen, draw a forged score).
    for (const text of strings(report)) assert.doesNotMatch(text, CONTROL, JSON.stringify(text));
    assert.deepEqual(o.escaped, [], "nothing written outside the sandbox");
    assert.deepEqual(o.after, o.before, "the submission folder is unchanged");
    assert.deepEqual(o.leftover, [], "no sandbox process left behind");
  });
}

Deno.test("corpus: no case wrote a file or changed deno.lock", async () => {
  const { lock } = await gradeAll();
  assert.equal(lock[1], lock[0], "deno.lock is unchanged");
  for (const path of ESCAPES) assert.ok(!existsSync(path), `${path} must not exist`);
  assert.deepEqual([...liveStages], [], "every staged copy was removed");
});
