/**
 * The HTML pages from the command lines: `deno task grade --reporter html`
 * (stdout) and `--html FILE`, and `deno task grade-batch DIR --html FILE`
 * on a small real class (graded once for the file).
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCli } from "../cli.ts";
import { parseBatchCli } from "../batch_cli.ts";
import { mistakeSource, solutionFiles, stageMistake, stageSolutions } from "../tools/fixtures.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ENV = { NO_COLOR: "1", LANG: "en_US.UTF-8", LC_ALL: "", INIT_CWD: ROOT, COLUMNS: "80" };

async function run(script: string, ...args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", script, ...args],
    cwd: ROOT,
    env: ENV,
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

Deno.test("parseCli() and parseBatchCli() read --html FILE", () => {
  assert.equal(parseCli(["--html", "r.html"], "en").html, "r.html");
  assert.deepEqual(parseCli(["--reporter", "pretty,html"], "en").reporters, ["pretty", "html"]);
  const o = parseBatchCli(["class", "--html", "c.html", "--out", "g.csv"], "en");
  assert.equal(o.html, "c.html");
  assert.equal(o.out, "g.csv");
});

Deno.test("grade --reporter html prints the learner's page, with its timeline, in French", async () => {
  using staged = stageMistake("01_gather", "concurrent-max-not-sum");
  const r = await run(
    "grader/cli.ts",
    "1",
    "--dir",
    staged.dir,
    "--reporter",
    "html",
    "--lang",
    "fr",
  );
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^<!DOCTYPE html>\n<html lang="fr">/);
  assert.match(r.stdout, /<h1>async-lab — bulletin de notes<\/h1>/);
  assert.match(r.stdout, /<svg class="timeline"/);
  assert.match(r.stdout, /<\/html>\n$/);
});

Deno.test("grade --html FILE writes the page and still prints the terminal report", async () => {
  const tmp = Deno.makeTempDirSync({ prefix: "async-lab-html-cli-" });
  using solutions = stageSolutions();
  try {
    const file = join(tmp, "my report.html");
    const r = await run("grader/cli.ts", "1", "--dir", solutions.dir, "--html", file);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Total\s+20\/20/);
    const html = Deno.readTextFileSync(file);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Total: 20 \/ 20/);
  } finally {
    Deno.removeSync(tmp, { recursive: true });
  }
});

Deno.test("grade-batch --html FILE writes the class page, escapes folder names, prints no CSV", async () => {
  const tmp = Deno.makeTempDirSync({ prefix: "async-lab-html-class-" });
  try {
    const cls = join(tmp, "class");
    const hostile = `<img src=x onerror=alert(1)>`;
    const put = (name: string, files: Record<string, string>) => {
      mkdirSync(join(cls, name), { recursive: true });
      for (const [f, text] of Object.entries(files)) writeFileSync(join(cls, name, f), text);
    };
    const stubs = (f: string) => /^0\d_.*\.ts$/.test(f);
    put(hostile, solutionFiles());
    mkdirSync(join(cls, "stub"));
    for (const f of readdirSync(join(ROOT, "exercises")).filter(stubs)) {
      copyFileSync(join(ROOT, "exercises", f), join(cls, "stub", f));
    }
    put("sum", {
      ...solutionFiles(),
      "01_gather.ts": mistakeSource("01_gather", "concurrent-max-not-sum"),
    });
    const html = join(tmp, "class.html"), json = join(tmp, "grades.json");
    const r = await run("grader/batch_cli.ts", cls, "--html", html, "--json", json);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "", "the CSV goes nowhere when --html names where results go");
    assert.match(r.stderr, /wrote .*class\.html/);
    const page = Deno.readTextFileSync(html);
    assert.ok(!page.includes(hostile));
    assert.match(page, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.equal(page.match(/<tr data-index=/g)?.length, 3);
    assert.match(page, /01 · runConcurrent[^<]*<\/a>/, "the failed check is ranked and detailed");
    assert.match(page, /<svg class="timeline"/);
    assert.equal(JSON.parse(Deno.readTextFileSync(json)).rows.length, 3);
  } finally {
    Deno.removeSync(tmp, { recursive: true });
  }
});
