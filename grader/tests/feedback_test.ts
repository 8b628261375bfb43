/**
 * What a learner and an instructor see, end to end through `deno task grade`:
 * the timeline of a classic mistake in both languages, ASCII fallback, the
 * JSON timeline, and the Classroom payload of real submissions.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { fileURLToPath } from "node:url";
import { CATALOG } from "../course.ts";
import { grade } from "../grade.ts";
import { classroomProblems, classroomResult } from "../report/classroom.ts";
import { stageMistake, stageSolutions } from "../tools/fixtures.ts";
import { shellWord } from "../cli.ts";
import { cleanEnv } from "./_clean_env.ts";

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const CLI = root("grader/cli.ts");
/** Exercise 1 where runConcurrent awaits the three calls one after another. */
const sequential = () => stageMistake("01_gather", "sequential");

async function cli(args: string[], env: Record<string, string> = {}) {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "--allow-all", CLI, ...args],
    env: cleanEnv({ LANG: "", ...env }),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: output.code, stdout: decode(output.stdout), stderr: decode(output.stderr) };
}

/** The three bars of a drawn timeline, as [first column, last column + 1]. */
function bars(text: string, glyph: string): Map<string, [number, number]> {
  const found = new Map<string, [number, number]>();
  for (const line of text.split("\n")) {
    const m = /^ +(users|orders|inventory) +/.exec(line);
    if (m && line.includes(glyph)) {
      found.set(m[1], [line.indexOf(glyph), line.lastIndexOf(glyph) + 1]);
    }
  }
  return found;
}

Deno.test("grade: calls awaited one by one show the late start once, a timeline and a hint", async () => {
  using seq = sequential();
  const { code, stdout } = await cli(["1", "--dir", seq.dir], { LANG: "en_US.UTF-8" });
  assert.equal(code, 1);
  // The root failure in full: orders started only when users had finished.
  const failure = stdout.slice(stdout.indexOf("✗ runConcurrent starts all three calls at once"));
  assert.match(failure, /orders started at 2\.0 s, not at 0\.0 s: it waited for another call/);
  assert.match(failure, /expected: 0\.0 s · observed: 2\.0 s/);
  const b = bars(failure, "█");
  assert.deepEqual([...b.keys()], ["users", "orders", "inventory"]);
  assert.equal(b.get("users")![1], b.get("orders")![0], "orders starts as users ends");
  assert.equal(b.get("orders")![1], b.get("inventory")![0], "inventory starts as orders ends");
  assert.match(
    failure,
    /hint: call the three fetchers first, and only then wait for their\s+promises/,
  );
  // Its consequence, the 6.0 s total, in one line with no message, timeline or hint of its own.
  const total = stdout.slice(stdout.indexOf("✗ runConcurrent takes the longest wait"));
  assert.match(total, /^.*\n\s+same cause as ✗ runConcurrent starts all three calls at once\n/);
  assert.equal(stdout.match(/hint: /g)?.length, 1, "one hint for one mistake");
  // The next step grades the same folder again. It is wrapped at 80 columns,
  // and the checkout's path may be long or hold spaces (then it is quoted).
  const flat = stdout.replace(/\s+/g, " ");
  const next = flat.slice(flat.indexOf("Next step: fix "));
  assert.match(next, /^Next step: fix .*01_gather\.ts, then run /);
  const dir = shellWord(seq.dir).replace(/\s+/g, " ");
  assert.ok(next.includes(`then run \`deno task grade 1 --dir ${dir}\``), next);
});

Deno.test("grade: the same feedback in French with LANG=fr_FR.UTF-8", async () => {
  using seq = sequential();
  const { stdout } = await cli(["1", "--dir", seq.dir], { LANG: "fr_FR.UTF-8" });
  const failure = stdout.slice(
    stdout.indexOf("✗ runConcurrent lance les trois appels en même temps"),
  );
  assert.match(failure, /orders a démarré à 2,0 s, pas à 0,0 s : il a attendu la fin d'un autre/);
  assert.match(failure, /attendu\u00a0: 0,0 s · observé\u00a0: 2,0 s/);
  assert.equal(bars(failure, "█").size, 3);
  assert.match(failure, /indice\u00a0: appelez d'abord les trois fetchers/);
  assert.match(failure, /même cause que ✗ runConcurrent lance les trois appels en même temps/);
  assert.match(stdout, /Prochaine étape : corrigez/);
  assert.doesNotMatch(stdout, /\b(hint|expected|timeline|learn):|Next step/);
});

Deno.test("grade: --lang wins over LANG, and LC_ALL over LANG", async () => {
  using seq = sequential();
  const a = await cli(["1", "--dir", seq.dir, "--lang", "en"], { LANG: "fr_FR.UTF-8" });
  assert.match(a.stdout, /hint: /);
  const b = await cli(["1", "--dir", seq.dir], { LC_ALL: "fr_FR.UTF-8", LANG: "en_US.UTF-8" });
  assert.match(b.stdout, /indice\u00a0: /);
  const c = await cli(["--help"], { LANG: "fr_FR.UTF-8" });
  assert.match(c.stdout, /^Usage : deno task grade/);
  const d = await cli(["--nope"], { LANG: "fr_FR.UTF-8" });
  assert.equal(d.code, 2);
  assert.match(d.stderr, /option inconnue/);
});

Deno.test("grade: timelines fall back to ASCII outside UTF-8 or with --ascii", async () => {
  using seq = sequential();
  for (
    const [args, env] of [[[], { LANG: "C" }], [["--ascii"], { LANG: "en_US.UTF-8" }]] as const
  ) {
    const { stdout } = await cli(["1", "--dir", seq.dir, ...args], env);
    assert.match(stdout, /^[\n\x20-\x7e]*$/, `only ASCII with ${JSON.stringify({ args, env })}`);
    assert.equal(bars(stdout, "#").size, 3);
  }
});

Deno.test("grade: the JSON report carries the failed check's timeline", async () => {
  using seq = sequential();
  const { stdout } = await cli(["1", "--dir", seq.dir, "--reporter", "json"]);
  const report = JSON.parse(stdout);
  const [e] = report.exercises;
  assert.deepEqual(e.timeline.map((s: { label: string }) => s.label), [
    "users",
    "orders",
    "inventory",
  ]);
  assert.deepEqual(e.timeline.map((s: { end: number }) => s.end), [2000, 5000, 6000]);
  assert.ok(e.timeline.every((s: { outcome: string }) => s.outcome === "ok"));
  const check = e.checks.find((c: { id: string }) => c.id === "concurrent-max-not-sum");
  assert.equal(check.timeline.length, 3);
});

Deno.test("classroom: the reference solutions get full marks and pass", async () => {
  using staged = stageSolutions();
  const report = await grade({ dir: staged.dir });
  const result = classroomResult(report);
  assert.deepEqual(classroomProblems(result, report.score), []);
  assert.equal(result.max_score, CATALOG.length * 20);
  assert.equal(result.tests.reduce((s, t) => s + t.score, 0), result.max_score);
  assert.equal(result.status, "pass");
  assert.ok(result.tests.every((t) => t.status === "pass"));
});

Deno.test("classroom: a submission failing one check gets exactly the grader's score", async () => {
  using staged = stageMistake("01_gather", "main-finishes");
  const report = await grade({ dir: staged.dir, only: ["01_gather"] });
  const result = classroomResult(report);
  assert.deepEqual(classroomProblems(result, report.score), []);
  assert.equal(report.score, 19);
  assert.equal(result.tests.reduce((s, t) => s + t.score, 0), 19);
  assert.equal(result.max_score, 20);
  assert.equal(result.status, "fail");
  const failed = result.tests.filter((t) => t.status !== "pass");
  assert.equal(failed.length, 1);
  assert.match(failed[0].test_code, /main\(\)/);
});

Deno.test("grade --reporter classroom,github writes GITHUB_OUTPUT and the step summary", async () => {
  using seq = sequential();
  const dir = await Deno.makeTempDir();
  try {
    const output = `${dir}/output`, summary = `${dir}/summary.md`;
    const { code, stdout } = await cli(
      ["1", "--dir", seq.dir, "--reporter", "classroom,github", "--fail-under", "0"],
      { GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, LANG: "en_US.UTF-8" },
    );
    assert.equal(code, 0);
    const line = Deno.readTextFileSync(output);
    assert.match(line, /^result=[A-Za-z0-9+/]+=*\n$/);
    const result = JSON.parse(Buffer.from(line.slice(7), "base64").toString("utf8"));
    assert.equal(result.tests.reduce((s: number, t: { score: number }) => s + t.score, 0), 13);
    assert.match(
      stdout,
      /^::error file=.*01_gather\.ts,line=\d+,title=01_gather%3A runConcurrent/m,
    );
    assert.match(Deno.readTextFileSync(summary), /\| \*\*Total\*\* \| \*\*13\/20\*\* \|/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
