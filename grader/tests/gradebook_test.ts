/**
 * The teacher's gradebook on GitHub Actions: `.github/workflows/gradebook.yml`
 * passes actionlint and keeps the Classroom token out of the jobs that run
 * student code; `grade-batch --shard K/N` parts joined by
 * `grader/tools/join_batches.ts` make the same gradebook as one run.
 */
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOG } from "../course.ts";
import { referenceSolution } from "../_solutions.ts";
import { joinBatches, JoinError } from "../tools/join_batches.ts";
import type { BatchResult } from "../batch.ts";
import { actionlint } from "./_actionlint.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WORKFLOWS = join(ROOT, ".github", "workflows");

Deno.test("gradebook.yml passes actionlint and is a manual run with the assignment and shards", async () => {
  const text = readFileSync(join(WORKFLOWS, "gradebook.yml"), "utf8");
  assert.deepEqual(await actionlint(text, "gradebook.yml"), []);
  assert.match(text, /^on:\n {2}workflow_dispatch:\n {4}inputs:\n/m);
  assert.match(text, /^ {6}assignment:\n/m);
  assert.match(text, /^ {6}shards:\n/m);
  assert.match(text, /gh classroom clone student-repos --assignment-id "\$ASSIGNMENT"/);
  assert.match(text, /deno task grade-batch submissions --shard "\$SHARD\/\$COUNT"/);
  assert.match(text, /shard: \$\{\{ fromJSON\(needs\.clone\.outputs\.shards\) \}\}/);
  assert.match(text, /grader\/tools\/join_batches\.ts/);
  assert.match(text, /name: gradebook\n\s+path: \|\n\s+grades\.csv\n\s+grades\.json/);
  // The token that reads every student's repository stays in the job that runs no student code.
  const jobs = text.split(/^ {2}(?=\w[\w-]*:\n)/m);
  const withSecret = jobs.filter((j) => j.includes("secrets.")).map((j) => j.split(":")[0]);
  assert.deepEqual(withSecret, ["clone"]);
});

Deno.test("ci.yml passes actionlint; the course repository ships no Classroom workflow of its own", async () => {
  assert.deepEqual(readdirSync(WORKFLOWS).sort(), ["ci.yml", "gradebook.yml"]);
  const text = readFileSync(join(WORKFLOWS, "ci.yml"), "utf8");
  assert.deepEqual(await actionlint(text, "ci.yml"), []);
});

async function gradeBatch(dir: string, extra: string[]): Promise<number> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "--quiet", "grade-batch", dir, "--lang", "en", "--concurrency", "2", ...extra],
    cwd: ROOT,
    env: { NO_COLOR: "1", INIT_CWD: ROOT },
    stdout: "null",
    stderr: "piped",
  }).output();
  assert.notEqual(out.code, 2, new TextDecoder().decode(out.stderr));
  return out.code;
}

Deno.test("grade-batch --shard K/N parts, joined, make the gradebook one run makes", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "async-lab-gradebook-" });
  try {
    const cls = join(dir, "class");
    const put = (name: string, text: (id: string, file: string) => string) => {
      mkdirSync(join(cls, name, "exercises"), { recursive: true });
      for (const e of CATALOG) {
        writeFileSync(join(cls, name, "exercises", e.file), text(e.id, e.file));
      }
    };
    const stub = (_: string, file: string) => readFileSync(join(ROOT, "exercises", file), "utf8");
    put("ann", (id) => referenceSolution(id)!);
    put("ben", stub);
    put(
      "cat",
      (id, file) => id === CATALOG[0].id ? `// mine\n${referenceSolution(id)!}` : stub(id, file),
    );

    const whole = join(dir, "whole");
    assert.equal(await gradeBatch(cls, ["--out", `${whole}.csv`, "--json", `${whole}.json`]), 0);
    const parts: BatchResult[] = [];
    for (const k of [1, 2, 3, 4]) { // four shards for three students: one is empty
      const part = join(dir, `part-${k}.json`);
      assert.equal(
        await gradeBatch(cls, ["--shard", `${k}/4`, "--json", part, "--out", join(dir, "x.csv")]),
        0,
      );
      parts.push(JSON.parse(readFileSync(part, "utf8")));
    }
    assert.deepEqual(parts.map((p) => p.rows.length), [1, 1, 1, 0]);
    const { main } = await import("../tools/join_batches.ts");
    const joined = join(dir, "joined");
    const files = [1, 2, 3, 4].map((k) => join(dir, `part-${k}.json`));
    const code = main(["--out", `${joined}.csv`, "--json", `${joined}.json`, ...files]);
    assert.equal(code, 0);
    assert.equal(readFileSync(`${joined}.csv`, "utf8"), readFileSync(`${whole}.csv`, "utf8"));
    const lines = readFileSync(`${joined}.csv`, "utf8").split("\r\n");
    assert.match(lines[1], /^ann,20,20,20,20,20,100,pass,"01_gather: \(reference\), cat; /);
    assert.match(lines[3], /^cat,20,0,0,0,0,20,fail,"01_gather: \(reference\), ann"$/);
    const json = JSON.parse(readFileSync(`${joined}.json`, "utf8"));
    assert.deepEqual(json.rows.map((r: { submission: string }) => r.submission), [
      "ann",
      "ben",
      "cat",
    ]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("joinBatches() refuses parts of different batches or a submission twice", () => {
  const part = (rows: string[], seed = 444): BatchResult => ({
    schema: "async-lab/batch@1",
    seed,
    lang: "en",
    exercises: ["01_gather"],
    maxScore: 20,
    durationMs: 5,
    rows: rows.map((submission) => ({
      submission,
      dir: `/c/${submission}`,
      scores: { "01_gather": 0 },
      total: 0,
      maxScore: 20,
      status: "todo",
      errors: [],
      report: null,
    })),
  });
  assert.deepEqual(joinBatches([part(["b"]), part(["a", "c"])]).rows.map((r) => r.submission), [
    "a",
    "b",
    "c",
  ]);
  assert.throws(() => joinBatches([part(["a"]), part(["a"])]), JoinError);
  assert.throws(() => joinBatches([part(["a"]), part(["b"], 7)]), JoinError);
  assert.throws(() => joinBatches([]), JoinError);
});
