/**
 * Sandboxes started before the grader has loaded (`_early.ts`): how many a
 * command line asks for; a note used only while the sources it names are as
 * they were; a grade that takes them only where it would have run the same
 * command, and reports exactly as without them; and nothing of them left
 * behind — sandboxes, staging folder, cache — whatever the command line.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freshNote, type LaunchNote, noteFile, sandboxesFor } from "../_early.ts";
import { sameCommand, type SandboxCommand } from "../_spawn.ts";
import { grade, type Report } from "../grade.ts";
import { exerciseFile, solutionFiles, stage, stageSolutions } from "../tools/fixtures.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const unix = Deno.build.os !== "windows";
const asJson = (report: Report) => JSON.stringify({ ...report, durationMs: 0 }, null, 2);

Deno.test("sandboxesFor(): as many as the grade shares side by side; none for one exercise, --help or another CPU budget", () => {
  assert.equal(sandboxesFor([], 5, 2), 2);
  assert.equal(sandboxesFor([], 5, 4), 2);
  assert.equal(sandboxesFor([], 5, 1), 1);
  assert.equal(sandboxesFor(["1"], 5, 2), 0);
  assert.equal(sandboxesFor([], 1, 2), 0);
  assert.equal(sandboxesFor(["1", "3", "5"], 5, 4), 1);
  assert.equal(sandboxesFor(["1", "2", "3", "4"], 5, 4), 2);
  // A flag's value is not an exercise.
  const flags = ["--dir", "2", "--reporter", "json", "--lang", "fr", "--seed", "7", "4", "5", "-v"];
  assert.equal(sandboxesFor(flags, 5, 2), 1);
  assert.equal(sandboxesFor(["--lang=fr", "--ascii", "--html", "page.html"], 5, 2), 2);
  for (const args of [["--help"], ["-h"], ["1", "--wall-timeout", "5"], ["--wall-timeout=5"]]) {
    assert.equal(sandboxesFor(args, 5, 2), 0, args.join(" "));
  }
});

/** The note as the grader leaves it, for this process's environment. */
async function currentNote(): Promise<LaunchNote> {
  using solutions = stageSolutions(["01_gather"]);
  await grade({ dir: solutions.dir });
  return JSON.parse(Deno.readTextFileSync(noteFile())) as LaunchNote;
}

Deno.test({
  name:
    "freshNote(): the note counts only while every source, folder and file it names is as it was",
  ignore: !unix,
  async fn() {
    const note = await currentNote();
    assert.ok(note.files.length > 10 && note.dirs.length > 2);
    assert.ok(note.files.some(([path]) => path.endsWith("child.ts")));
    assert.ok(freshNote(JSON.stringify(note)));
    const changed = (change: (n: LaunchNote) => void) => {
      const copy = structuredClone(note);
      change(copy);
      return JSON.stringify(copy);
    };
    assert.equal(freshNote(changed((n) => n.files[0][1] += 1)), null, "a size");
    assert.equal(freshNote(changed((n) => n.files[3][2] -= 1000)), null, "a modification time");
    assert.equal(freshNote(changed((n) => n.dirs[0][1] -= 1000)), null, "a file added or removed");
    assert.equal(freshNote(changed((n) => n.deno = "0.0.0")), null, "another Deno");
    assert.equal(freshNote(changed((n) => n.denoDirFrom[2] = "/elsewhere")), null, "another HOME");
    assert.throws(() => freshNote(changed((n) => n.plan.child += ".gone")), "a bundle gone");
    assert.throws(() => freshNote(changed((n) => n.warm += ".gone")), "a warm cache gone");
  },
});

/** A grade in a fresh process that starts its sandboxes early first (see `_early_probe.ts`). */
async function probe(
  dir: string,
  options: { seconds?: number; only?: string[]; kill?: boolean } = {},
) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "--quiet",
      "--lock=grader/deno.lock",
      "grader/tests/_early_probe.ts",
      dir,
      JSON.stringify(options),
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "inherit",
  }).output();
  assert.equal(out.code, 0);
  return JSON.parse(new TextDecoder().decode(out.stdout)) as {
    started: number;
    folders: string[];
    taken: number;
    lost: number;
    left: { sandboxes: number; folders: string[] };
    stages: string[];
    report: Report;
  };
}

Deno.test({
  name: "a grade takes the sandboxes started early, and reports exactly as without them",
  ignore: !unix,
  async fn() {
    using solutions = stageSolutions();
    await currentNote();
    const alone = await grade({ dir: solutions.dir });
    const early = await probe(solutions.dir);
    assert.equal(early.started, sandboxesFor([], 5, navigator.hardwareConcurrency ?? 2));
    assert.equal(early.folders.length, 2, "a staging folder and a cache");
    assert.equal(early.taken, early.started, "every one taken");
    assert.equal(asJson(early.report), asJson(alone));
    assert.deepEqual(early.left, { sandboxes: 0, folders: [] });
    assert.deepEqual(early.stages, []);
    for (const folder of early.folders) assert.ok(!existsSync(folder), `${folder} removed`);
  },
});

Deno.test({
  name: "a grade with another command (another CPU budget) takes none, and stops them all",
  ignore: !unix,
  async fn() {
    using solutions = stageSolutions(["01_gather", "02_downloads"]);
    await currentNote();
    const alone = await grade({ dir: solutions.dir, wallTimeoutSeconds: 5 });
    const early = await probe(solutions.dir, { seconds: 5 });
    assert.ok(early.started > 0);
    assert.equal(early.taken, 0, "none taken");
    assert.equal(asJson(early.report), asJson(alone));
    assert.deepEqual(early.left, { sandboxes: 0, folders: [] });
    for (const folder of early.folders) assert.ok(!existsSync(folder), `${folder} removed`);
  },
});

Deno.test({
  name: "an exercise's own sandbox is never one started early",
  ignore: !unix,
  async fn() {
    using solutions = stageSolutions(["01_gather", "02_downloads"]);
    await currentNote();
    const alone = await grade({ dir: solutions.dir, only: ["01_gather"] });
    const early = await probe(solutions.dir, { only: ["01_gather"] });
    assert.ok(early.started > 0);
    assert.equal(early.taken, 0, "none taken");
    assert.equal(asJson(early.report), asJson(alone));
    assert.deepEqual(early.left, { sandboxes: 0, folders: [] });
  },
});

Deno.test({
  name: "a grade that takes sandboxes started early that have exited since starts new ones",
  ignore: !unix,
  async fn() {
    using solutions = stageSolutions();
    await currentNote();
    const alone = await grade({ dir: solutions.dir });
    const early = await probe(solutions.dir, { kill: true });
    assert.ok(early.started > 0);
    assert.equal(early.lost, early.started, "every one found exited");
    assert.equal(asJson(early.report), asJson(alone));
    assert.deepEqual(early.left, { sandboxes: 0, folders: [] });
    for (const folder of early.folders) assert.ok(!existsSync(folder), `${folder} removed`);
  },
});

Deno.test("sameCommand(): the same program, arguments, folder and environment, or not the same", () => {
  const base: SandboxCommand = {
    program: "/bin/sh",
    args: ["-c", "exec deno", "run", "--allow-read=/stage/a,/grader", "child.js"],
    cwd: "/stage/a",
    env: { HOME: "/home/me", NO_COLOR: "1", DENO_DIR: "/tmp/cache-1" },
  };
  const copy = structuredClone(base);
  copy.env = { DENO_DIR: "/tmp/cache-1", HOME: "/home/me", NO_COLOR: "1" }; // another order
  assert.ok(sameCommand(base, copy));
  const changes: ((c: SandboxCommand) => void)[] = [
    (c) => c.program = "/usr/bin/sh",
    (c) => c.args[3] = "--allow-read=/stage/b,/grader",
    (c) => c.args.push("extra"),
    (c) => c.cwd = "/stage/b",
    (c) => c.env.DENO_DIR = "/tmp/cache-2",
    (c) => delete c.env.HOME,
    (c) => c.env.FORCE_COLOR = "1",
  ];
  for (const change of changes) {
    const other = structuredClone(base);
    change(other);
    assert.ok(!sameCommand(base, other), String(change));
  }
});

Deno.test({
  name: "hostile exercises graded with sandboxes started early report as without them",
  ignore: !unix,
  async fn() {
    await currentNote();
    for (const name of ["stdin-games", "exit-in-check", "forged-stdout", "override-settimeout"]) {
      const file = exerciseFile("01_gather");
      const hostile = Deno.readTextFileSync(join(ROOT, "fixtures", "corpus", name, file));
      using submission = stage({ ...solutionFiles(), [file]: hostile });
      const alone = await grade({ dir: submission.dir });
      const early = await probe(submission.dir);
      assert.ok(early.started > 0, name);
      assert.equal(early.taken, early.started, name);
      assert.equal(asJson(early.report), asJson(alone), name);
      assert.deepEqual(early.left, { sandboxes: 0, folders: [] }, name);
    }
  },
});

/**
 * `deno run grader/main.ts ARGS` (as `deno task grade` runs it) with its own
 * temporary folder (named `tmpName`), and `ASYNC_LAB_EARLY=trace`: what it
 * started early and took, and what it left in that folder.
 */
async function main(args: string[], file = "grader/main.ts", tmpName = "async-lab-early-") {
  const tmp = mkdtempSync(join(tmpdir(), tmpName));
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--quiet", "--lock=grader/deno.lock", file, ...args],
      cwd: ROOT,
      env: { TMPDIR: tmp, NO_COLOR: "1", ASYNC_LAB_EARLY: "trace" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(out.stderr);
    const trace = stderr.split("\n").find((line) => line.startsWith('{"early":'));
    return {
      code: out.code,
      stdout: new TextDecoder().decode(out.stdout),
      early: trace ? (JSON.parse(trace).early as { started: number; taken: number }) : null,
      left: readdirSync(tmp),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

Deno.test({
  name:
    "deno task grade (main.ts) reports as cli.ts does, and leaves nothing behind, whatever its arguments",
  ignore: !unix,
  async fn() {
    using solutions = stageSolutions();
    await currentNote();
    const args = ["--dir", solutions.dir, "--reporter", "json"];
    const early = await main(args);
    const plain = await main(args, "grader/cli.ts");
    assert.equal(early.code, 0);
    assert.ok(early.early!.started > 0);
    assert.equal(early.early!.taken, early.early!.started);
    const json = (text: string) => JSON.stringify({ ...JSON.parse(text), durationMs: 0 });
    assert.equal(json(early.stdout), json(plain.stdout));
    assert.deepEqual(early.left, [], "no staging folder, cache or sandbox file left");
    // Sandboxes started, then a command line that grades nothing: all stopped, all removed.
    for (const line of [["--no-such-flag"], ["--dir", join(solutions.dir, "nowhere")]]) {
      const stopped = await main(line);
      assert.equal(stopped.code, 2, line.join(" "));
      assert.ok(stopped.early!.started > 0, line.join(" "));
      assert.deepEqual(stopped.left, [], line.join(" "));
    }
    const help = await main(["--help"]);
    assert.equal(help.code, 0);
    assert.deepEqual(help.early, { started: 0, taken: 0, lost: 0 });
    assert.deepEqual(help.left, []);
    // A comma in the temporary folder: the grade's own command would differ, so none starts.
    const comma = await main(args, "grader/main.ts", "async-lab-early,comma-");
    assert.deepEqual(comma.early, { started: 0, taken: 0, lost: 0 });
    assert.equal(json(comma.stdout), json(plain.stdout));
    assert.deepEqual(comma.left, []);
  },
});
