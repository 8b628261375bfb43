import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { parseCli, UsageError } from "./cli.ts";
import { findExercise } from "./grade.ts";

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
    env: { NO_COLOR: "1", LANG: "en_US.UTF-8", LC_ALL: "" },
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
  assert.equal((await cli("1", "--dir", "fixtures/solutions")).code, 0);
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
  const r = await cli(
    "1",
    "--lang",
    "fr",
    "--dir",
    "fixtures/mistakes/01_gather/awaited-one-by-one",
  );
  assert.equal(r.code, 1);
  assert.match(r.stdout, /a pris 6,0 s de temps virtuel/);
  assert.match(r.stdout, /indice\u00a0: /);
});

Deno.test("cli: the same seed gives byte-identical JSON apart from durationMs", async () => {
  const strip = (s: string) => s.replace(/"durationMs": \d+/, "");
  const dir = "fixtures/mistakes/01_gather/awaited-one-by-one";
  const a = await cli("1", "--dir", dir, "--reporter", "json", "--seed", "9");
  const b = await cli("1", "--dir", dir, "--reporter", "json", "--seed", "9");
  assert.equal(strip(a.stdout), strip(b.stdout));
  assert.equal(JSON.parse(a.stdout).schema, "async-lab/report@1");
});
