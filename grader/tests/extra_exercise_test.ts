/**
 * A teacher adds an exercise with one stub, one checks folder, one fixtures
 * folder and one catalog line — and no change to the engine. The files of
 * `fixtures/extra/` go into a copy of the course (no network: the copy uses
 * the same cached packages), which then grades the sixth exercise.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { exercise, grade } from "../../mod.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const EXTRA = join(ROOT, "fixtures", "extra");
/** Not part of the course a teacher copies: history, caches, the class's corpus. */
const SKIP = [".git", "node_modules", join("grader", ".bundle"), join("fixtures", "corpus")];

/** The extra exercise's files, and where a teacher puts each. */
const PIECES: [from: string, to: string][] = [
  ["stub/06_retry.ts", "exercises/06_retry.ts"],
  ["checks/mod.ts", "grader/checks/06_retry/mod.ts"],
  ["checks/messages.ts", "grader/checks/06_retry/messages.ts"],
  ["solution/06_retry.ts", "fixtures/06_retry/solution.ts"],
];
const LINE = '  exercise("06_retry"),';

/** A copy of the course with the sixth exercise added; returns its folder. */
async function courseWithSixth(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "async-lab-course-" });
  cpSync(ROOT, dir, {
    recursive: true,
    filter: (src) =>
      !SKIP.some((s) => relative(ROOT, src) === s || relative(ROOT, src).startsWith(s + sep)),
  });
  for (const [from, to] of PIECES) {
    mkdirSync(join(dir, to, ".."), { recursive: true });
    cpSync(join(EXTRA, from), join(dir, to));
  }
  const catalog = join(dir, "exercises", "catalog.ts");
  const lines = readFileSync(catalog, "utf8").split("\n");
  const last = lines.findLastIndex((l) => l.startsWith("  exercise("));
  lines.splice(last + 1, 0, LINE);
  writeFileSync(catalog, lines.join("\n"));
  return dir;
}

/** Runs `deno <args>` in the copy; returns its exit code and standard output. */
async function deno(dir: string, args: string[]): Promise<{ code: number; out: string }> {
  const env = { NO_COLOR: "1", LANG: "C", LC_ALL: "", LC_MESSAGES: "" };
  const output = await new Deno.Command(Deno.execPath(), { args, cwd: dir, env, stdin: "null" })
    .output();
  const out = new TextDecoder().decode(output.stdout);
  const err = new TextDecoder().decode(output.stderr);
  assert.ok(output.code <= 1, `deno ${args.join(" ")} exited ${output.code}: ${err}`);
  return { code: output.code, out };
}

Deno.test("a sixth exercise takes a stub, a checks folder, a fixtures folder and a catalog line", async () => {
  const dir = await courseWithSixth();
  try {
    // The catalog grew by exactly the one line.
    const before = readFileSync(join(ROOT, "exercises", "catalog.ts"), "utf8").split("\n");
    const after = readFileSync(join(dir, "exercises", "catalog.ts"), "utf8").split("\n");
    assert.deepEqual(after.filter((l) => !before.includes(l)), [LINE]);
    assert.equal(after.length, before.length + 1);

    // The copy's own completeness check lists it everywhere, with its points from its checks.
    const course = JSON.parse((await deno(dir, ["run", "-A", "grader/tests/_course.ts"])).out);
    assert.ok(course.parts.stubs.includes("06_retry"));
    assert.ok(course.parts.checks.includes("06_retry"));
    assert.ok(course.parts.fixtures.includes("06_retry"));
    assert.deepEqual(course.catalog.at(-1), { id: "06_retry", points: 10 });
    assert.deepEqual(course.problems.filter((p: string) => p.startsWith("06_retry")), []);

    // Its reference solution gets full marks…
    const submission = join(dir, "submission");
    mkdirSync(submission);
    cpSync(join(dir, "fixtures", "06_retry", "solution.ts"), join(submission, "06_retry.ts"));
    const graded = ["task", "grade", "6", "--reporter", "json", "--lang", "en"];
    const solved = JSON.parse((await deno(dir, [...graded, "--dir", submission])).out);
    assert.deepEqual(solved.exercises.map((e: { id: string }) => e.id), ["06_retry"]);
    const [sixth] = solved.exercises;
    assert.equal(sixth.title, "Retry with a pause");
    assert.equal(sixth.status, "pass");
    assert.equal(sixth.score, 10);
    assert.deepEqual(sixth.checks.map((c: { id: string; score: number }) => [c.id, c.score]), [
      ["waits-between-attempts", 6],
      ["gives-up", 4],
    ]);

    // …and its untouched stub 0, to do.
    const stub = JSON.parse((await deno(dir, graded)).out).exercises[0];
    assert.equal(stub.id, "06_retry");
    assert.equal(stub.score, 0);
    assert.equal(stub.status, "todo");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("exercise() builds a catalog entry from a checks module anywhere, for grade({ catalog })", async () => {
  const sixth = await exercise(
    "06_retry",
    new URL("checks/mod.ts", pathToFileURL(`${EXTRA}${sep}`)),
  );
  assert.equal(sixth.points, 10);
  assert.equal(sixth.file, "06_retry.ts");
  assert.deepEqual(sixth.title, { en: "Retry with a pause", fr: "Réessayer avec une pause" });
  assert.equal(sixth.hints.length, 2);
  const solved = await grade({ catalog: [sixth], dir: join(EXTRA, "solution") });
  assert.equal(solved.score, 10);
  assert.equal(solved.exercises[0].status, "pass");
  const stub = await grade({ catalog: [sixth], dir: join(EXTRA, "stub") });
  assert.equal(stub.score, 0);
  assert.equal(stub.exercises[0].status, "todo");
});
