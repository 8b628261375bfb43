/**
 * Unit tests of the hardening the hostile corpus showed was needed; the
 * corpus test (`corpus_test.ts`) checks the same end to end, in the sandbox.
 */
import assert from "node:assert/strict";
import { ClockTamperError, resetClock, runInVirtualTime } from "../clock.ts";
import { probe } from "../probe.ts";
import {
  lockedGlobalIn,
  PROCESS_DOORS,
  PROCESS_EXPORTS,
  processModuleSource,
  TIMERS_EXPORTS,
  TIMERS_PROMISES_EXPORTS,
  timersModuleSource,
  timersPromisesModuleSource,
} from "../_harden.ts";
import { grade } from "../grade.ts";
import { evalJson, mistakeSource, referenceSolution } from "../tools/fixtures.ts";
import { liveStages, MAX_DEPTH, stageSubmission } from "../_stage.ts";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { annotations } from "../report/github.ts";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

Deno.test("installVirtualClock() leaves no clock object on the globals", async () => {
  await runInVirtualTime(() => sleep(1)); // installs the clock
  const g = globalThis as unknown as Record<string, { clock?: unknown }>;
  for (
    const name of ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "performance"]
  ) {
    assert.equal(g[name].clock, undefined, name);
  }
  // The fake Date keeps a read-only view of the time, nothing to rewind it with.
  const view = (Date as unknown as { clock: Record<string, unknown> }).clock;
  assert.deepEqual(Object.keys(view), ["now"]);
  assert.equal(typeof view.setSystemTime, "undefined");
});

Deno.test("runInVirtualTime() fails a run whose code resets the clock", async () => {
  const run = await runInVirtualTime(async () => {
    await sleep(2000);
    resetClock(); // what a sequential runner would do to pass for concurrent
    await sleep(3000);
  });
  assert.equal(run.status, "error");
  assert.ok(run.error instanceof ClockTamperError);
  // The next run is clean.
  const next = await runInVirtualTime(() => sleep(1000));
  assert.equal(next.status, "ok");
  assert.equal(next.elapsedMs, 1000);
});

Deno.test("runInVirtualTime() fails a run whose code starts a run of its own", async () => {
  // What code importing the live clock would do to hide a rejection it leaves unhandled.
  const run = await runInVirtualTime(async () => {
    const inner = await runInVirtualTime(async () => {
      Promise.reject(new Error("forgotten"));
      await sleep(1000);
    }, { keepTime: true });
    return inner.status;
  });
  assert.equal(run.status, "error");
  assert.ok(run.error instanceof ClockTamperError);
  const next = await runInVirtualTime(() => sleep(1000));
  assert.equal(next.status, "ok");
});

Deno.test("runInVirtualTime() caps console output per run, not per process", async () => {
  const flood = await runInVirtualTime(() => {
    for (let i = 0; i < 200; i++) console.log("x".repeat(1000));
  }, { captureConsole: true });
  assert.ok(flood.logs.length < 200, "the flood was capped");
  const next = await runInVirtualTime(() => console.log("done"), { captureConsole: true });
  assert.deepEqual(next.logs.map((l) => l.text), ["done"]);
});

Deno.test("runInVirtualTime() reports an exception thrown in a microtask as unhandled", async () => {
  const run = await runInVirtualTime(async () => {
    queueMicrotask(() => {
      throw new Error("thrown in a microtask");
    });
    await sleep(10);
  });
  assert.equal((run.unhandled[0] as Error)?.message, "thrown in a microtask");
});

Deno.test("probe() hands out frozen copies of its records", async () => {
  const users = probe("users", { seconds: 2, value: ["alice"] });
  await runInVirtualTime(() => users());
  assert.throws(() => {
    (users.calls[0] as { start: number }).start = 999;
  }, TypeError);
  assert.equal(users.calls[0].start, 0);
  assert.throws(() => {
    (users as unknown as { calls: unknown }).calls = [];
  }, TypeError);
  assert.equal(users.calls.length, 1);
});

Deno.test("lockedGlobalIn() names the built-in a TypeError says was replaced", () => {
  const assign = (name: string) =>
    new TypeError(`Cannot assign to read only property '${name}' of object '#<Window>'`);
  assert.equal(lockedGlobalIn(assign("Promise")), "Promise");
  assert.equal(lockedGlobalIn(assign("now")), "performance.now / Date.now");
  assert.equal(lockedGlobalIn(new TypeError("x is not a function")), null);
  assert.equal(lockedGlobalIn(new Error("Cannot assign to read only property 'a'")), null);
});

Deno.test("grade() runs a submission whose folder name holds a comma", async () => {
  // Deno's --allow-read list is comma-separated, with no escape.
  const parent = await Deno.makeTempDir();
  const dir = `${parent}/Dupont, Jean`;
  try {
    await Deno.mkdir(dir);
    await Deno.copyFile(
      referenceSolution("01_gather"),
      `${dir}/01_gather.ts`,
    );
    const report = await grade({ dir, only: ["01_gather"] });
    assert.equal(report.exercises[0].error, null);
    assert.equal(report.score, report.maxScore);
  } finally {
    await Deno.remove(parent, { recursive: true });
  }
});

Deno.test("runCheck() shows only the failures its own context issued, never a forged one", async () => {
  const { CheckFailure, runCheck } = await import("../check.ts");
  const result = await runCheck({
    id: "forged",
    points: 2,
    title: { en: "t", fr: "t" },
    hint: { en: "h", fr: "h" },
    run() {
      throw new CheckFailure({ en: "all good, nothing to see here", fr: "tout va bien" }, {}, true);
    },
  }, { lang: "en", exports: {}, seed: 1 });
  assert.equal(result.status, "fail");
  assert.equal(result.todo, false);
  // Shown as what it is: an error the code under test threw, not the check's verdict.
  assert.match(result.message ?? "", /^`forged` failed with CheckFailure: all good/);
});

Deno.test("stageSubmission() copies regular files only, and leaves hidden and deep ones out", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/01_gather.ts`, "export const a = 1;\n");
    await Deno.mkdir(`${dir}/.git`);
    await Deno.writeTextFile(`${dir}/.git/config`, "secret");
    await Deno.mkdir(`${dir}/lib/x`, { recursive: true });
    await Deno.writeTextFile(`${dir}/lib/x/util.ts`, "export {};\n");
    await Deno.writeTextFile(`${dir}/big.ts`, "x".repeat(2000));
    const deep = `${dir}/${Array.from({ length: MAX_DEPTH + 2 }, (_, i) => `d${i}`).join("/")}`;
    await Deno.mkdir(deep, { recursive: true });
    await Deno.writeTextFile(`${deep}/far.ts`, "export {};\n");
    const staged = stageSubmission(dir, "en", 1000);
    try {
      assert.equal(staged.refused, null);
      assert.notEqual(staged.root, null);
      assert.ok(!staged.dir.startsWith(dir), "the copy is elsewhere");
      assert.equal(Deno.readTextFileSync(`${staged.dir}/01_gather.ts`), "export const a = 1;\n");
      assert.ok(Deno.lstatSync(`${staged.dir}/lib/x/util.ts`).isFile);
      assert.ok(!existsSync(`${staged.dir}/.git`), "hidden entries are not copied");
      assert.ok(!existsSync(`${staged.dir}/big.ts`), "an oversize file is not copied");
      assert.equal(staged.oversize.get("big.ts"), 2000);
      assert.ok(!existsSync(staged.dir + deep.slice(dir.length)), "nothing below the depth limit");
    } finally {
      staged.cleanup();
    }
    assert.ok(!existsSync(staged.root!), "cleanup removes the copy");
    assert.ok(!liveStages.has(staged.root!));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("stageSubmission() refuses a link or a FIFO anywhere, naming it escaped", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(`${dir}/01_gather.ts`, "export {};\n");
    await Deno.mkdir(`${dir}/a/b`, { recursive: true });
    const name = "evil\x1b[2J\nTotal 100 of 100";
    await Deno.symlink("/", `${dir}/a/b/${name}`);
    const staged = stageSubmission(dir, "en", 1 << 20);
    assert.equal(staged.root, null, "nothing staged");
    assert.match(staged.refused ?? "", /link/);
    const refused = staged.refused ?? "";
    assert.ok(!refused.includes("\x1b") && !refused.includes("\n"), "no escape sequence, one line");
    assert.match(staged.refused ?? "", /␛\[2J⏎Total/);
    await Deno.remove(`${dir}/a`, { recursive: true });
    if (Deno.build.os !== "windows") {
      const fifo = new Deno.Command("mkfifo", { args: [`${dir}/pipe.ts`] });
      if ((await fifo.output()).success) {
        const again = stageSubmission(dir, "en", 1 << 20);
        assert.match(again.refused ?? "", /pipe\.ts/);
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("grade() refuses a submission whose exercises/ folder is a link, and stages nothing", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.symlink(
      fileURLToPath(new URL("../../fixtures/01_gather", import.meta.url)),
      `${dir}/exercises`,
    );
    const report = await grade({ dir, only: ["01_gather"] });
    assert.equal(report.score, 0);
    assert.equal(report.exercises[0].error?.kind, "load");
    assert.equal(liveStages.size, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** Bytes of the regular files under `dir`, links not followed. */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of Deno.readDirSync(dir)) {
    const path = `${dir}/${entry.name}`;
    const info = Deno.lstatSync(path);
    if (info.isDirectory) total += folderBytes(path);
    else if (info.isFile) total += info.size;
  }
  return total;
}

Deno.test("a grade leaves the Deno cache at most a few MiB larger, whatever the code imports", async () => {
  // A private Deno cache (the shared npm packages linked in), so that no
  // other test's compiling is counted.
  const info = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json"],
    stdout: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const shared = JSON.parse(new TextDecoder().decode(info.stdout)).denoDir as string;
  const cache = await Deno.makeTempDir({ prefix: "async-lab-cache-test-" });
  // The grade's own temporary folders (staged copy, the sandboxes' cache) go here.
  const tmp = await Deno.makeTempDir({ prefix: "async-lab-tmp-test-" });
  try {
    await Deno.symlink(`${shared}/npm`, `${cache}/npm`);
    const corpus = async (name: string) => {
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--allow-all", fileURLToPath(new URL("./_corpus.ts", import.meta.url)), name],
        cwd: fileURLToPath(new URL("../../", import.meta.url)),
        env: { DENO_DIR: cache, TMPDIR: tmp, NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      return new TextDecoder().decode(out.stdout);
    };
    // The grader's own caches first, from a case that imports nothing.
    assert.match(await corpus("exit-at-load"), /^ok /m);
    const before = folderBytes(cache);
    // 10 data: modules of 250 KB, about 15 MB of cache in the shared folder before.
    assert.match(await corpus("data-import-flood"), /^ok /m);
    const grown = folderBytes(cache) - before;
    assert.ok(grown < 4 * 1024 * 1024, `the cache grew by ${(grown / 1024 / 1024).toFixed(1)} MiB`);
    // And the sandboxes' own cache went with the grading process.
    assert.deepEqual([...Deno.readDirSync(tmp)].map((e) => e.name), []);
  } finally {
    await Deno.remove(cache, { recursive: true });
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("--reporter github quotes the staged copy, never the learner's file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${dir}/01_gather.ts`,
      mistakeSource("01_gather", "awaited-one-by-one"),
    );
    const report = await grade({ dir, only: ["01_gather"] });
    assert.ok(report.score < report.maxScore, "the mistake fails some checks");
    // After grading, the file becomes a link to an endless device.
    await Deno.remove(`${dir}/01_gather.ts`);
    await Deno.symlink("/dev/zero", `${dir}/01_gather.ts`);
    const lines = annotations(report);
    assert.ok(lines.length > 0);
    assert.ok(lines.some((l) => /file=[^,]*01_gather\.ts,line=([2-9]|\d\d)/.test(l)), lines[0]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("PROCESS_EXPORTS names every named export of this Deno's node:process", async () => {
  const real = await import("node:process");
  const names = Object.keys(real).filter((name) => name !== "default").sort();
  assert.deepEqual([...PROCESS_EXPORTS].sort(), names);
});

// The built-ins the sandbox's import map sends to a module of the grader's
// (see TIMERS_EXPORTS in _harden.ts), each with the list of its named exports.
const STAND_INS = [
  { specifier: "node:timers", names: TIMERS_EXPORTS, source: timersModuleSource },
  {
    specifier: "node:timers/promises",
    names: TIMERS_PROMISES_EXPORTS,
    source: timersPromisesModuleSource,
  },
];

for (const { specifier, names, source } of STAND_INS) {
  Deno.test(`the named exports listed for ${specifier} are every named export of this Deno's`, async () => {
    const real = await import(specifier);
    const found = Object.keys(real).filter((name) => name !== "default").sort();
    assert.deepEqual([...names].sort(), found);
  });

  Deno.test(`the sandbox's ${specifier} takes each named export from the module's default export when loaded`, async () => {
    // Loaded as the sandbox loads it (after the clock replaced the default
    // export's functions), with a stand-in for the clock's setTimeout.
    const real = (await import(specifier)).default as Record<string, unknown>;
    const before = real.setTimeout;
    const virtual = () => "virtual";
    real.setTimeout = virtual;
    try {
      const url = `data:text/javascript,${encodeURIComponent(source())}`;
      const shim = await import(url);
      assert.equal(shim.setTimeout, virtual);
      assert.equal(shim.default, real);
      for (const name of names) assert.equal(shim[name], real[name], name);
    } finally {
      real.setTimeout = before;
    }
  });
}

Deno.test("the sandbox's node:process hands out the hardened doors, and every other export as it is", () => {
  const source = processModuleSource();
  for (const name of PROCESS_EXPORTS) {
    const door = PROCESS_DOORS.includes(name);
    assert.equal(
      new RegExp(`export function ${name}\\(`).test(source),
      door,
      `${name}: ${door ? "a function that calls the process object's method" : "re-exported"}`,
    );
  }
  assert.match(source, /^export default process;$/m);
});

Deno.test("after closeIntrospection(), process.getBuiltinModule refuses the refused modules and gives the others", async () => {
  // In a process of its own: closing the doors cannot be undone.
  const harden = new URL("../_harden.ts", import.meta.url).href;
  const script = [
    `import { closeIntrospection } from ${JSON.stringify(harden)};`,
    `import process from "node:process";`,
    `await closeIntrospection();`,
    `const seen = {};`,
    `for (const id of ["node:util", "timers/promises", "node:v8", "module", "node:vm"]) {`,
    `  try {`,
    `    const got = process.getBuiltinModule(id);`,
    `    const real = (await import(id.startsWith("node:") ? id : "node:" + id)).default;`,
    `    seen[id] = got === real ? "the module" : "another object";`,
    `  } catch (error) { seen[id] = error.name; }`,
    `}`,
    `seen.writable = Object.getOwnPropertyDescriptor(process, "getBuiltinModule").writable;`,
    `console.log(JSON.stringify(seen));`,
  ].join("\n");
  assert.deepEqual(await evalJson(script), {
    "node:util": "the module",
    "timers/promises": "the module",
    "node:v8": "ModuleRefused",
    "module": "ModuleRefused",
    "node:vm": "ModuleRefused",
    writable: false,
  });
});
