import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";
import { CATALOG } from "./course.ts";
import { mistakeSource, referenceSolution } from "./tools/fixtures.ts";
import {
  type BatchProgress,
  type BatchRow,
  csvField,
  gradeBatch,
  listSubmissions,
  progressLine,
  toBatchJson,
  toCsv,
} from "./batch.ts";
import { parseBatchCli, progressReporter } from "./batch_cli.ts";
import type { UsageError } from "./_env.ts";
import type { Report } from "./grade.ts";
import { cleanEnv } from "./tests/_clean_env.ts";

const root = (path: string) => fromFileUrl(new URL(`../${path}`, import.meta.url));
const GATHER = CATALOG.filter((e) => e.id === "01_gather");

/** A class of six, each submission a different outcome, in a temp folder. */
function makeClass(): string {
  const dir = Deno.makeTempDirSync({ prefix: "async-lab-class-" });
  const put = (name: string, text: string, nested = false) => {
    const folder = nested ? join(dir, name, "exercises") : join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "01_gather.ts"), text);
  };
  const read = (path: string) => Deno.readTextFileSync(root(path));
  const solution = Deno.readTextFileSync(referenceSolution("01_gather"));
  put("alice", solution);
  put("bob-repo", solution, true);
  put("carol", read("exercises/01_gather.ts"));
  mkdirSync(join(dir, "dave"));
  writeFileSync(
    join(dir, "dave", "01_gather.ts"),
    mistakeSource("01_gather", "concurrent-max-not-sum"),
  );
  put("eve", "export const = ;\n");
  put("frank", "while (true) {}\nexport {};\n");
  put('weird, "quoted"', solution);
  mkdirSync(join(dir, ".git"));
  writeFileSync(join(dir, "README.md"), "not a submission\n");
  return dir;
}

Deno.test("listSubmissions() lists the visible subfolders, sorted", () => {
  const dir = makeClass();
  try {
    assert.deepEqual(listSubmissions(dir).map((s) => s.name), [
      "alice",
      "bob-repo",
      "carol",
      "dave",
      "eve",
      "frank",
      'weird, "quoted"',
    ]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("gradeBatch() grades a class into one row per submission, each with its own outcome", async () => {
  const dir = makeClass();
  try {
    const progress: BatchProgress[] = [];
    const result = await gradeBatch(listSubmissions(dir), {
      catalog: GATHER,
      wallTimeoutSeconds: 4,
      concurrency: 2,
      onProgress: (p) => progress.push(p),
    });
    const byName = Object.fromEntries(result.rows.map((r) => [r.submission, r]));
    const brief = (r: BatchRow) => [r.scores["01_gather"], r.total, r.status];
    assert.deepEqual(brief(byName["alice"]), [20, 20, "pass"]);
    assert.deepEqual(brief(byName["bob-repo"]), [20, 20, "pass"]);
    assert.deepEqual(brief(byName["carol"]), [0, 0, "todo"]);
    assert.equal(byName["dave"].status, "fail");
    assert.ok(byName["dave"].total > 0 && byName["dave"].total < 20, "a partial score");
    assert.deepEqual(brief(byName["eve"]), [0, 0, "error"]);
    assert.match(byName["eve"].errors[0], /^01_gather: /);
    assert.deepEqual(brief(byName["frank"]), [0, 0, "error"]);
    assert.equal(byName["frank"].report?.exercises[0].error?.kind, "frozen");
    assert.equal(byName['weird, "quoted"'].status, "pass");
    assert.deepEqual(progress.map((p) => p.done), [1, 2, 3, 4, 5, 6, 7]);
    assert.ok(progress.every((p) => p.total === 7));

    const csv = toCsv(result);
    assert.ok(csv.startsWith("\ufeff"), "a byte-order mark for Excel");
    const lines = csv.slice(1).split("\r\n");
    assert.equal(lines.pop(), "", "ends with a line break");
    // Three hand in the reference solution: each is flagged with the others.
    const same = (...names: string[]) => `"01_gather: ${names.join(", ").replaceAll('"', '""')}"`;
    assert.deepEqual(lines, [
      "submission,01_gather,total,status,same_as",
      `alice,20,20,pass,${same("(reference)", "bob-repo", 'weird, "quoted"')}`,
      `bob-repo,20,20,pass,${same("(reference)", "alice", 'weird, "quoted"')}`,
      "carol,0,0,todo,",
      `dave,${byName["dave"].total},${byName["dave"].total},fail,`,
      "eve,0,0,error,",
      "frank,0,0,error,",
      `"weird, ""quoted""",20,20,pass,${same("(reference)", "alice", "bob-repo")}`,
    ]);
    const json = JSON.parse(toBatchJson(result));
    assert.equal(json.schema, "async-lab/batch@1");
    assert.equal(json.rows.length, 7);
    assert.equal(json.rows[0].report.schema, "async-lab/report@1");
    assert.equal(json.rows[0].report.exercises[0].logs, undefined, "captured output left out");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("gradeBatch() keeps going when the grader fails on one submission", async () => {
  const subs = ["a", "b", "c"].map((name) => ({ name, dir: `/nowhere/${name}` }));
  const fake = (options: { dir?: string } = {}): Promise<Report> => {
    if (options.dir === "/nowhere/b") return Promise.reject(new Error("boom"));
    return Promise.resolve({
      schema: "async-lab/report@1",
      score: 20,
      maxScore: 20,
      seed: 444,
      lang: "en",
      durationMs: 1,
      exercises: [],
    });
  };
  const result = await gradeBatch(subs, { catalog: GATHER, grader: fake, concurrency: 3 });
  assert.deepEqual(result.rows.map((r) => r.status), ["pass", "error", "pass"]);
  assert.deepEqual(result.rows[1].scores, { "01_gather": null });
  assert.match(result.rows[1].errors[0], /boom/);
  assert.equal(toCsv(result).split("\r\n")[2], "b,,0,error,");
});

Deno.test("csvField() quotes what a spreadsheet would split and defuses formulas", () => {
  assert.equal(csvField("alice"), "alice");
  assert.equal(csvField(17), "17");
  assert.equal(csvField(null), "");
  assert.equal(csvField('a,"b"'), '"a,""b"""');
  assert.equal(csvField("line\nbreak"), '"line\nbreak"');
  assert.equal(csvField(" padded"), '" padded"');
  assert.equal(csvField("=HYPERLINK(1)"), "'=HYPERLINK(1)");
  assert.equal(csvField("élève-ü"), "élève-ü");
});

Deno.test("parseBatchCli() reads the flags and rejects bad ones", () => {
  const o = parseBatchCli(
    ["class", "--out", "g.csv", "--concurrency", "3", "--wall-timeout=2"],
    "en",
  );
  assert.equal(o.dir, "class");
  assert.equal(o.out, "g.csv");
  assert.equal(o.concurrency, 3);
  assert.equal(o.wallTimeout, 2);
  assert.equal(o.seed, 444);
  const bad = (args: string[]) =>
    assert.throws(
      () => parseBatchCli(args, "en"),
      (e: UsageError) => e.name === "UsageError",
    );
  bad(["class", "--bogus"]);
  bad(["class", "--concurrency", "0"]);
  bad(["class", "--concurrency", "two"]);
  bad(["class", "--lang", "de"]);
  bad([]);
  bad(["a", "b"]);
  assert.deepEqual(parseBatchCli(["class", "--shard", "2/3"], "en").shard, [2, 3]);
  bad(["class", "--shard", "4/3"]);
  bad(["class", "--shard", "0/3"]);
  bad(["class", "--shard", "1"]);
  assert.equal(parseBatchCli(["--help"], "en").help, true);
});

Deno.test("grade-batch exits 2 with the usage line on a bad flag or a missing folder", async () => {
  for (const args of [["--bogus"], ["/no/such/class/folder"]]) {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", "--allow-read", "--allow-env", root("grader/batch_cli.ts"), ...args],
      env: cleanEnv(),
    }).output();
    assert.equal(out.code, 2, args.join(" "));
    assert.match(new TextDecoder().decode(out.stderr), /Usage: deno task grade-batch DIR/);
  }
});

Deno.test("progressReporter() writes a plain line per tenth when stderr is not a terminal", () => {
  const lines: string[] = [];
  const reporter = progressReporter("en", (t) => lines.push(t), false);
  for (let done = 1; done <= 20; done++) {
    reporter.update({ done, total: 20, elapsedMs: done * 100, row: {} as BatchRow });
  }
  reporter.end();
  assert.equal(lines.length, 11);
  assert.equal(lines.at(-1), "20/20 graded · 10.0/s · 0 s left\n");
  assert.ok(lines.every((l) => !l.includes("\r")));
});

Deno.test("progressLine() draws a bar with the count, the rate and the time left", () => {
  const p = { done: 5, total: 20, elapsedMs: 1000, row: {} as BatchRow };
  assert.equal(
    progressLine(p, { lang: "en", bar: true, width: 60, ascii: true }),
    "#######-------------------- 5/20 graded · 5.0/s · 3 s left",
  );
  assert.equal(progressLine(p, { lang: "fr", bar: false }), "5/20 corrigés · 5,0/s · encore 3 s");
});
