import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { parseCli, shellWord, startDir, UsageError, userPath } from "./cli.ts";
import { shownFrom } from "./_env.ts";
import { findExercise, grade } from "./grade.ts";
import { renderPretty } from "./report/pretty.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { stageMistake, stageSolutions } from "./tools/fixtures.ts";
import { relative } from "node:path";
import { cleanEnv } from "./tests/_clean_env.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

Deno.test("parseCli() reads every documented flag", () => {
  const o = parseCli(
    [
      "3",
      "--dir",
      "x",
      "--reporter",
      "json",
      "--lang",
      "fr",
      "--seed",
      "7",
      "--fail-under",
      "50",
      "--wall-timeout",
      "2.5",
      "--verbose",
      "--ascii",
    ],
    "en",
  );
  assert.deepEqual(o.exercises, ["3"]);
  assert.equal(o.dir, "x");
  assert.deepEqual(o.reporters, ["json"]);
  assert.equal(o.lang, "fr");
  assert.equal(o.seed, 7);
  assert.equal(o.failUnder, 50);
  assert.equal(o.wallTimeout, 2.5);
  assert.ok(o.verbose && o.ascii);
});

Deno.test("parseCli() defaults: pretty, seed 444, 10 s, the environment's language", () => {
  const o = parseCli([], "fr");
  assert.deepEqual([o.reporters, o.seed, o.wallTimeout, o.lang], [["pretty"], 444, 10, "fr"]);
});

Deno.test("parseCli() rejects unknown flags and bad values with a UsageError", () => {
  for (
    const args of [
      ["--bogus"],
      ["--seed", "abc"],
      ["--seed", "1.5"],
      ["--lang", "de"],
      ["--reporter", "xml"],
      ["--wall-timeout", "0"],
      ["--fail-under", "-1"],
    ]
  ) {
    assert.throws(() => parseCli(args, "en"), UsageError, args.join(" "));
  }
});

Deno.test("parseCli() speaks the --lang language in its errors", () => {
  assert.throws(() => parseCli(["--lang", "fr", "--bogus"], "en"), /option inconnue/);
});

Deno.test("findExercise() accepts 1, 01, 01_gather and gather", () => {
  for (const name of ["1", "01", "01_gather", "gather", "01_gather.ts"]) {
    assert.equal(findExercise(name)?.id, "01_gather", name);
  }
  assert.equal(findExercise("9"), undefined);
  assert.equal(findExercise("nothing"), undefined);
});

async function cli(...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", "grader/cli.ts", ...args],
    cwd: ROOT,
    env: cleanEnv({ INIT_CWD: ROOT }),
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("cli: the stubs score 0, the report says what to do next, exit 1", async () => {
  const r = await cli("1");
  assert.equal(r.code, 1);
  assert.match(r.stdout, /01 Three slow calls.*\(to do\)\s+0\/20/);
  assert.match(r.stdout, /Next step: open exercises\/01_gather\.ts/);
});

Deno.test("cli: full marks exit 0; --fail-under lowers the bar", async () => {
  using staged = stageSolutions();
  // The folder as typed from the project's root.
  const solutions = relative(ROOT, staged.dir);
  assert.equal((await cli("1", "--dir", solutions)).code, 0);
  // An exercise named by its path, as a shell completes it.
  const one = await cli("exercises/01_gather.ts", "--dir", solutions);
  assert.equal(one.code, 0);
  // Exercise 1 passes, but it is not the end of the course.
  // (The report wraps long lines: read it with its whitespace normalised.)
  const text = one.stdout.replace(/\s+/g, " ");
  assert.ok(
    text.includes(`Move on to exercise 2 (${solutions}/02_downloads.ts), then run`),
    text,
  );
  assert.doesNotMatch(one.stdout, /Everything passes/);
  assert.equal((await cli("1", "--fail-under", "0")).code, 0);
});

Deno.test("cli: a wrong flag prints the usage line and exits 2", async () => {
  const r = await cli("--nope");
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown option --nope\nUsage: deno task grade/);
  assert.equal(r.stdout, "");
  const bad = await cli("42");
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /no exercise matches "42"/);
  const dir = await cli("--dir", "/nonexistent/folder");
  assert.equal(dir.code, 2);
});

Deno.test("cli: --help prints the options and exits 0", async () => {
  const r = await cli("--help");
  assert.equal(r.code, 0);
  assert.match(r.stdout, /--wall-timeout/);
});

Deno.test("cli: LANG=fr and --lang fr give the French report", async () => {
  using staged = stageMistake("01_gather", "awaited-one-by-one");
  const r = await cli("1", "--lang", "fr", "--dir", staged.dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /orders a démarré à 2,0 s, pas à 0,0 s/);
  assert.match(r.stdout, /indice\u00a0: /);
});

Deno.test("cli: the same seed gives byte-identical JSON apart from durationMs", async () => {
  const strip = (s: string) => s.replace(/"durationMs": \d+/, "");
  using staged = stageMistake("01_gather", "awaited-one-by-one");
  const dir = staged.dir;
  const a = await cli("1", "--dir", dir, "--reporter", "json", "--seed", "9");
  const b = await cli("1", "--dir", dir, "--reporter", "json", "--seed", "9");
  assert.equal(strip(a.stdout), strip(b.stdout));
  assert.equal(JSON.parse(a.stdout).schema, "async-lab/report@1");
});

Deno.test("userPath() reads a relative --dir from where `deno task` was started", () => {
  assert.equal(userPath("alice", "/home/t/class"), "/home/t/class/alice");
  assert.equal(userPath("../x", "/home/t/class"), "/home/t/x");
  assert.equal(userPath("/abs/alice", "/home/t/class"), "/abs/alice");
  assert.equal(userPath("alice", ""), "alice");
  // INIT_CWD as `deno task` sets it (here or below), not one another tool left.
  assert.equal(startDir("/p/exercises", "/p"), "/p/exercises");
  assert.equal(startDir("/p", "/p"), "/p");
  assert.equal(startDir("/elsewhere", "/p"), "");
  assert.equal(startDir("/p2", "/p"), "");
  assert.equal(startDir(undefined, "/p"), "");
  assert.equal(shellWord("../class/alice"), "../class/alice");
  assert.equal(shellWord("my class/it's"), `'my class/it'\\''s'`);
});

Deno.test("cli: after --dir from a subfolder, the next step grades that same folder", async () => {
  using staged = stageMistake("01_gather", "sequential");
  // The folder as typed from exercises/.
  const typed = relative(`${ROOT}exercises`, staged.dir);
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--quiet",
      "grader/cli.ts",
      "1",
      "--dir",
      typed,
    ],
    cwd: ROOT,
    env: cleanEnv({ INIT_CWD: `${ROOT}exercises` }),
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 1, new TextDecoder().decode(out.stderr));
  const text = stdout.replace(/\s+/g, " ");
  assert.ok(text.includes(`\`deno task grade 1 --dir ${typed}\``), text);
  assert.ok(text.includes(`Next step: fix ${typed}/01_gather.ts,`), text);
});

Deno.test("the batch summary agrees in number, in English and French", () => {
  const counts = { seconds: "1 s", rate: "1.0", pass: 0, fail: 1, todo: 1, error: 0 };
  assert.match(MESSAGES.en.batchSummary({ count: 1, ...counts }), /^graded 1 submission in/);
  assert.match(MESSAGES.en.batchSummary({ count: 2, ...counts }), /^graded 2 submissions in/);
  const fr = MESSAGES.fr.batchSummary({ count: 1, ...counts });
  assert.match(fr, /^1 rendu corrigé en .*, 1 partiel, 1 non commencé,/);
  assert.match(
    MESSAGES.fr.batchSummary({ count: 3, ...counts, fail: 2, todo: 2 }),
    /^3 rendus corrigés .*, 2 partiels, 2 non commencés,/,
  );
});

Deno.test("README: the sample report is what the grader prints for that mistake", async () => {
  const readme = Deno.readTextFileSync(`${ROOT}README.md`);
  const sample = /`deno task grade 1` says:\n\n```\n([^]*?)```\n/.exec(readme)?.[1];
  assert.ok(sample, "README has a sample report");
  using staged = stageMistake("01_gather", "sequential");
  const report = await grade({ dir: staged.dir, only: ["01_gather"], lang: "en" });
  report.exercises[0].file = "exercises/01_gather.ts";
  assert.equal(sample, renderPretty(report, { width: 80 }));
});

Deno.test("shownFrom() names files from where the user typed the command", async () => {
  const report = await grade({ only: ["01_gather"], lang: "en" });
  const at = (dir?: string, cwd?: string) => shownFrom(report, dir, cwd).exercises[0].file;
  assert.equal(at(undefined, `${ROOT}exercises`), "01_gather.ts");
  assert.equal(at(undefined, ROOT), "exercises/01_gather.ts");
  assert.equal(at(`${ROOT}exercises`, "/"), `${ROOT}exercises/01_gather.ts`);
});

Deno.test("cli: --verbose shows what the learner's code printed during the checks", async () => {
  using staged = stageSolutions();
  const r = await cli("1", "--dir", staged.dir, "--verbose");
  assert.equal(r.code, 0);
  assert.match(r.stdout, /your program printed:\n.*\[ +6\.0 s\] One after another: 6\.0 s/);
});
