/**
 * The shared sandbox never changes a verdict: a submission graded with its
 * exercises one after another in one sandbox process (`grade({ shared: true,
 * concurrency: 1 })`) gets the very report it gets with each exercise in a
 * process of its own (`shared: false`), byte for byte apart from
 * `durationMs`, `logs` included.
 *
 * - Every mistake and every style of the fixtures, in its exercise's slot
 *   beside the other exercises' variants or reference solutions.
 * - What one exercise's code leaves in the realm at load (a global, a
 *   property of a built-in, a listener, an exit code…) never reaches the
 *   next one: the next one, which would see it, is graded alone instead.
 *   Each leak is shown to be real and seen by its detector (in one file),
 *   and shown to stop the shared run (`runSharedSandbox` gives the next
 *   exercise `null`) where a clean exercise lets it go on.
 * - What the sandbox resets between exercises (the learner's Math.random,
 *   the console's groups, counters and timers, the module's name) is reset:
 *   the next exercise runs in the shared process and prints what it prints
 *   alone.
 * - `shareable()` lets through only what imports and names nothing that
 *   starts real asynchronous work.
 */
import assert from "node:assert/strict";
import { CATALOG } from "../course.ts";
import { DEFAULT_SEED, grade, type GradeOptions, pool, type Report, shareable } from "../grade.ts";
import { runSharedSandbox, type SandboxOutcome, wallBackstopSeconds } from "../sandbox.ts";
import {
  exerciseFile,
  mistakes,
  mistakeSource,
  referenceSolution,
  stage,
  styles,
} from "../tools/fixtures.ts";

const IDS = CATALOG.map((e) => e.id);
const reference = (id: string) => Deno.readTextFileSync(referenceSolution(id));
const checksOf = (id: string) => CATALOG.find((e) => e.id === id)!.checks;

/** The whole report as JSON (its console lines too) without the one field that measures real time. */
const asJson = (report: Report) => JSON.stringify({ ...report, durationMs: 0 }, null, 2);

/** A submission graded both ways: one shared sandbox process for all, and one process each. */
async function bothWays(
  files: Record<string, string>,
  options: GradeOptions = {},
): Promise<{ shared: Report; isolated: Report }> {
  using staged = stage(files, "async-lab-shared-");
  const shared = await grade({ ...options, dir: staged.dir, shared: true, concurrency: 1 });
  const isolated = await grade({ ...options, dir: staged.dir, shared: false });
  return { shared, isolated };
}

/** Runs exercises one after another in one shared sandbox, as `grade()` would. */
async function runTogether(
  files: [id: string, source: string][],
): Promise<(SandboxOutcome | null)[]> {
  using staged = stage(Object.fromEntries(files.map(([id, source]) => [exerciseFile(id), source])));
  return await runSharedSandbox(
    files.map(([id]) => ({ file: `${staged.dir}/${exerciseFile(id)}`, checks: checksOf(id) })),
    {
      lang: "en",
      seed: DEFAULT_SEED,
      cpuMs: 10_000,
      backstopMs: wallBackstopSeconds(10) * 1000,
    },
  );
}

// ---------------------------------------------------------------------------
// shareable()

const SHAREABLE_CASES: [string, string, boolean][] = [
  ["no import at all", "export const x = 1;\n", true],
  ["node:util", `import { parseArgs } from "node:util";\n`, true],
  ["node:process", `import process from "node:process";\n`, true],
  ["node:timers/promises", `import { setTimeout } from "node:timers/promises";\n`, true],
  ["Deno.stdout.writeSync", `Deno.stdout.writeSync(new TextEncoder().encode("hi\\n"));\n`, true],
  [
    "Deno.args, Deno.exitCode, Deno.env",
    "Deno.exitCode = Deno.args.length + Deno.env.toObject().x;",
    true,
  ],
  ["a comment on Deno's timers", "// Deno's timers are virtual here.\nexport {};\n", true],
  ["globalThis", "globalThis.x = 1;\n", true],
  ["import() of a file", `export const m = await import("./x.ts");\n`, false],
  ["import() of a module", `await import ("node:util");\n`, false],
  ["an import of a file of its own", `import x from "./helper.ts";\nexport { x };\n`, false],
  ["an import of node:timers", `import "node:timers";\n`, false],
  ["an export from a file", `export * from "./helper.ts";\n`, false],
  ["an import of node:fs", `import { readFileSync } from "node:fs";\n`, false],
  ["new Worker", `new Worker(new URL("./w.ts", import.meta.url), { type: "module" });\n`, false],
  ["Deno.readTextFile", `await Deno.readTextFile("x.txt");\n`, false],
  ["Deno.readFileSync", `Deno.readFileSync("x.txt");\n`, false],
  ["Deno[name]", `Deno["read" + "File"]("x.txt");\n`, false],
  ["Deno . name", `Deno . readFile("x.txt");\n`, false],
  ["Atomics.wait", "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);\n", false],
  ["require", `const fs = require("node:fs");\n`, false],
  ["a lint comment naming require-await", "// deno-lint-ignore require-await\n", true],
  ["a comment quoting from `Date.now()`", "// the time from `Date.now()`\n", true],
  ["a string with from in it", `const line = "pong from " + name;\n`, true],
  ["a multi-line import of a file", `import {\n  a,\n  b,\n} from "./helper.ts";\n`, false],
  ["a side-effect import of a file", `import "./setup.ts";\n`, false],
  ["a type import of a file", `import type { A } from "./types.ts";\n`, false],
  [
    "an import after code on its line",
    `export const a = 1; import { x } from "./01_gather.ts";\n`,
    false,
  ],
  [
    "an import after a comment on its line",
    `/* helper */ import { x } from "./01_gather.ts";\n`,
    false,
  ],
  ["Deno taken apart", "const { readTextFile } = Deno;\n", false],
  ["Deno?.", `Deno?.readTextFile("x.txt");\n`, false],
  ["Deno handed over", "use(Deno);\n", false],
  ["a comment on Deno's timers", "// Deno's timers are faked\n", true],
  ["a comment where Deno does something", "// (which Deno stops the program for)\n", true],
  ["Deno cast", "(Deno as any).readTextFile('x.txt');\n", false],
  ["a FinalizationRegistry", "new FinalizationRegistry(() => {});\n", false],
  ["a WeakRef", "new WeakRef({});\n", false],
  ["crypto.subtle", "await crypto.subtle.digest('SHA-256', new Uint8Array());\n", false],
  ["WebAssembly", "await WebAssembly.instantiate(bytes);\n", false],
  ["a MessageChannel", "new MessageChannel().port1.postMessage(1);\n", false],
  ["a BroadcastChannel", "new BroadcastChannel('x');\n", false],
];

for (const [name, source, expected] of SHAREABLE_CASES) {
  Deno.test(`shareable(): ${name} ${expected ? "is" : "is not"} shareable`, () => {
    assert.equal(shareable(source), expected);
  });
}

/** Fixtures that `shareable()` turns away: they start real asynchronous work. */
const SHARED_NOT = new Set([
  "01_gather/mistake blocks", // Atomics.wait: truly real
  "01_gather/mistake waits-then-works", // Atomics.wait: truly real
  "01_gather/style node-timers", // node:timers: shareable() keeps it to a sandbox of its own
  "01_gather/style timers-promises-object", // node:timers too
]);

/** Every mistake and style of an exercise: name → source. */
function variants(id: string): [string, string][] {
  return [
    ...mistakes(id).map((m): [string, string] => [`mistake ${m.name}`, mistakeSource(id, m.name)]),
    ...[...styles(id)].map(([style, path]): [string, string] => [
      `style ${style}`,
      Deno.readTextFileSync(path),
    ]),
  ];
}

Deno.test("shareable(): the reference solutions are shareable, and the fixtures but a known few", () => {
  for (const id of IDS) assert.ok(shareable(reference(id)), `${id}: the reference solution`);
  const refused = IDS.flatMap((id) =>
    variants(id).filter(([, source]) => !shareable(source)).map(([name]) => `${id}/${name}`)
  );
  assert.deepEqual(refused.sort(), [...SHARED_NOT].sort());
});

// ---------------------------------------------------------------------------
// Differential: every mistake and style, shared and isolated.

Deno.test("every mistake and every style gets the same report shared as alone", async () => {
  // Round k of the submissions holds each exercise's k-th variant (or its
  // reference solution once it has none left): each variant runs in its own
  // slot, after the variants of the exercises before it.
  const byExercise = new Map(IDS.map((id) => [id, variants(id)]));
  const rounds = Math.max(...[...byExercise.values()].map((v) => v.length));
  const submissions = Array.from({ length: rounds }, (_, k) =>
    IDS.map((id) => {
      const [name, source] = byExercise.get(id)![k] ?? ["reference", reference(id)];
      return { id, name, source };
    }));
  assert.equal(
    new Set(
      submissions.flatMap((s) =>
        s.filter((v) => v.name !== "reference").map((v) => `${v.id}/${v.name}`)
      ),
    ).size,
    [...byExercise.values()].reduce((n, v) => n + v.length, 0),
    "every variant is in a submission",
  );
  const differences: string[] = [];
  let lost = 0;
  await pool(submissions, 2, async (submission, k) => {
    const { shared, isolated } = await bothWays(
      Object.fromEntries(submission.map((v) => [exerciseFile(v.id), v.source])),
      // A smaller budget for the variants that loop: the same on both sides.
      { wallTimeoutSeconds: 3 },
    );
    lost += isolated.maxScore - isolated.score;
    if (asJson(shared) === asJson(isolated)) return;
    isolated.exercises.forEach((e, i) => {
      if (JSON.stringify(shared.exercises[i]) !== JSON.stringify(e)) {
        differences.push(`round ${k}: ${e.id} (${submission[i].name})`);
      }
    });
    if (differences.length === 0) differences.push(`round ${k}: the report's totals`);
  });
  assert.deepEqual(differences, []);
  // The mistakes did lose points: the reports compared were not all alike.
  assert.ok(lost > 0);
});

// ---------------------------------------------------------------------------
// Contamination: what exercise 1 leaves at load, exercise 2 never sees.

/** Imports under names of their own (no clash with a solution's). */
const IMPORTS = `import leakProcess from "node:process";\n` +
  `import leakUtil, { inspect as leakInspect } from "node:util";\n` +
  `import leakTimers from "node:timers/promises";\n`;

/** What exercise 2's detector does when it sees the leak: it says so and breaks its `main`. */
const SAW = "02 saw the leak";

/** Exercise 1: its reference solution and, at load, `leak`. */
const leaky = (leak: string) => `${IMPORTS}${reference("01_gather")}\n${leak}\n`;

/** Exercise 2: its reference solution, and, at load, a detector that breaks it when `sees` holds. */
const detecting = (sees: string, before = "") =>
  `${IMPORTS}${reference("02_downloads")}\n${before}\nif (${sees}) {\n  console.log(${
    JSON.stringify(SAW)
  });\n  // deno-lint-ignore no-func-assign\n  main = () => Promise.reject(new Error(${
    JSON.stringify(SAW)
  }));\n}\n`;

/**
 * Each leak: what exercise 1 does at load, what exercise 2 tests at load to
 * see it.
 */
const LEAKS: Record<string, { leak: string; sees: string }> = {
  "a new global": { leak: "globalThis.leak = 1;", sees: `"leak" in globalThis` },
  "a property added to Error.prototype": {
    leak: "Error.prototype.leak = 1;",
    sees: `"leak" in new Error()`,
  },
  "a property added to console": { leak: "console.leak = 1;", sees: `"leak" in console` },
  "a listener on process": {
    leak: `leakProcess.on("leak", () => {});`,
    sees: `leakProcess.listenerCount("leak") > 0`,
  },
  "an exit code": { leak: "leakProcess.exitCode = 3;", sees: "leakProcess.exitCode === 3" },
  "a method of process's prototype replaced": {
    leak: "{\n  const proto = Object.getPrototypeOf(leakProcess);\n  const emit = proto.emit;\n" +
      "  proto.emit = function (...args) {\n    return emit.apply(this, args);\n  };\n}",
    sees: `Object.getPrototypeOf(leakProcess).emit.toString().includes("apply(this")`,
  },
  "an own property on process.stdout": {
    leak: "leakProcess.stdout.leak = 1;",
    sees: `"leak" in leakProcess.stdout`,
  },
  "a listener on globalThis": {
    leak: `addEventListener("leak", (event) => event.preventDefault());`,
    sees: `!dispatchEvent(new Event("leak", { cancelable: true }))`,
  },
  "util.inspect's default depth": {
    leak: "leakInspect.defaultOptions.depth = 7;",
    sees: "leakInspect.defaultOptions.depth === 7",
  },
  "Error.stackTraceLimit": {
    leak: "Error.stackTraceLimit = 77;",
    sees: "Error.stackTraceLimit === 77",
  },
  "a property added to the async generators' prototype": {
    leak: "Object.getPrototypeOf(async function* () {}).prototype.leak = 1;",
    sees: `"leak" in (async function* () {})()`,
  },
  "a Map iterator's next replaced": {
    leak: "{\n  const it = Object.getPrototypeOf(new Map().entries());\n  const next = it.next;\n" +
      "  it.next = function () {\n    return next.call(this);\n  };\n}",
    sees: `Object.getPrototypeOf(new Map().entries()).next.toString().includes("call(this)")`,
  },
  // Below the globals' own properties: what they hold, and what a frozen
  // built-in holds (the fingerprint used to stop one level above).
  "a property added to Intl.NumberFormat.prototype": {
    leak: "Intl.NumberFormat.prototype.leak = 1;",
    sees: `"leak" in new Intl.NumberFormat()`,
  },
  "a property added to Deno.env": {
    leak: "Deno.env.leak = 1;",
    sees: `"leak" in Deno.env`,
  },
  "Array.prototype's unscopables": {
    leak: "Array.prototype[Symbol.unscopables].leak = true;",
    sees: "Array.prototype[Symbol.unscopables].leak === true",
  },
  "process.versions changed": {
    leak: `leakProcess.versions.leak = "1";`,
    sees: `"leak" in leakProcess.versions`,
  },
  "process.argv[0] rewritten": {
    leak: `leakProcess.argv[0] = "leak";`,
    sees: `leakProcess.argv[0] === "leak"`,
  },
  "an own property on process.argv": {
    leak: "leakProcess.argv.leak = 1;",
    sees: `"leak" in leakProcess.argv`,
  },
  "util.inspect's styles": {
    leak: `leakInspect.styles.number = "red";`,
    sees: `leakInspect.styles.number === "red"`,
  },
  // What the shareable Node modules export, and every importer shares.
  "a property added to node:util's default export": {
    leak: "leakUtil.leak = 1;",
    sees: `"leak" in leakUtil`,
  },
  "node:timers/promises's scheduler changed": {
    leak: "leakTimers.scheduler.leak = 1;",
    sees: `"leak" in leakTimers.scheduler`,
  },
  // The clock puts its promise timers in it (nodeTimersOnTheClock in clock.ts).
  "node:timers' promises object changed": {
    leak: `leakProcess.getBuiltinModule("node:timers").promises.leak = 1;`,
    sees: `"leak" in leakProcess.getBuiltinModule("node:timers").promises`,
  },
  // The clock puts `wait` and `yield` on it (nodeTimersOnTheClock in clock.ts).
  "the scheduler's wait replaced on its prototype": {
    leak: "Object.getPrototypeOf(leakTimers.scheduler).wait = () => Promise.resolve();",
    sees: `Object.getPrototypeOf(leakTimers.scheduler).wait.toString().includes("resolve()")`,
  },
  // Deno defines these globals as getters that load them on first use: the
  // fingerprint wraps each, and takes its value's fingerprint at first use.
  "a property added to TextEncoder.prototype": {
    leak: "TextEncoder.prototype.leak = 1;",
    sees: `"leak" in new TextEncoder()`,
  },
  "Response.prototype.json replaced": {
    leak: "Response.prototype.json = () => Promise.resolve(1);",
    sees: `Response.prototype.json.toString().includes("resolve(1)")`,
  },
  "crypto.randomUUID replaced": {
    leak: `crypto.randomUUID = () => "0-0-0-0-0";`,
    sees: `crypto.randomUUID() === "0-0-0-0-0"`,
  },
};

Deno.test("contamination: the detectors alone, after a clean exercise, run on in the shared sandbox", async () => {
  const all = Object.values(LEAKS).map((l) => `(${l.sees})`).join(" || ");
  const outcomes = await runTogether([["01_gather", reference("01_gather")], [
    "02_downloads",
    detecting(all),
  ]]);
  assert.ok(outcomes.every((o) => o !== null), "both exercises ran to their end, shared");
  assert.ok(!outcomes[1]!.logs.some((l) => l.text.includes(SAW)), "no detector fired");
});

Deno.test("contamination: every reference solution runs to its end in one shared sandbox", async () => {
  // The fingerprint's false alarms cost speed: none for a clean submission
  // (the module's name, in `process.argv`, changes from one exercise to the next).
  const outcomes = await runTogether(IDS.map((id) => [id, reference(id)]));
  assert.deepEqual(outcomes.map((o) => o !== null), IDS.map(() => true));
});

Deno.test("contamination: an exercise that calls process.getBuiltinModule leaves the next one in the shared sandbox", async () => {
  // Deno makes the method, loading node:module, on first read, and that
  // redefines a global: the sandbox reads it before its fingerprint.
  const one = `${IMPORTS}${reference("01_gather")}\nleakProcess.getBuiltinModule("node:util");\n`;
  assert.ok(shareable(one));
  const outcomes = await runTogether([["01_gather", one], [
    "02_downloads",
    reference("02_downloads"),
  ]]);
  assert.deepEqual(outcomes.map((o) => o !== null), [true, true]);
});

for (const [name, { leak, sees }] of Object.entries(LEAKS)) {
  Deno.test(`contamination: ${name} left by exercise 1 never reaches exercise 2`, async () => {
    const one = leaky(leak);
    const two = detecting(sees);
    // Both would share a sandbox: only the realm check keeps them apart.
    assert.ok(shareable(one) && shareable(two), "both are shareable");
    // The leak is real in a sandbox, and the detector sees it (in one file).
    {
      using staged = stage({ [exerciseFile("02_downloads")]: detecting(sees, leak) });
      const [alone] = (await grade({ dir: staged.dir, only: ["02_downloads"], shared: false }))
        .exercises;
      assert.ok(alone.logs.some((l) => l.text === SAW), "the detector sees the leak");
      assert.ok(alone.score < alone.maxScore, "the leak, seen, costs exercise 2 points");
    }
    // The shared sandbox stops after exercise 1: exercise 2 is graded alone.
    const outcomes = await runTogether([["01_gather", one], ["02_downloads", two]]);
    assert.notEqual(outcomes[0], null, "exercise 1 ran to its end");
    assert.equal(outcomes[1], null, "exercise 2 did not run after the leak");
    // And the report is the one of separate sandboxes: full marks for both.
    const { shared, isolated } = await bothWays({
      [exerciseFile("01_gather")]: one,
      [exerciseFile("02_downloads")]: two,
    }, { only: ["01_gather", "02_downloads"] });
    for (const e of shared.exercises) {
      assert.equal(e.score, e.maxScore, `${e.id}: full marks`);
      assert.ok(!e.logs.some((l) => l.text.includes(SAW)), `${e.id}: saw no leak`);
    }
    assert.equal(asJson(shared), asJson(isolated));
  });
}

// ---------------------------------------------------------------------------
// Resets: what the sandbox puts back between two exercises.

const RESETS: Record<string, { one: string; two: string; ignore?: boolean }> = {
  "the learner's Math.random": {
    one: "for (let i = 0; i < 1000; i++) Math.random();",
    two: `console.log("random at load:", Math.random(), Math.random(), Math.random());`,
  },
  "the console's groups, counters and timers": {
    one: `console.group("left open"); console.count("leak"); console.time("leak");`,
    two: `console.log("line at load"); console.count("leak"); console.timeEnd("leak");`,
  },
  "the RegExp statics (RegExp.$1, RegExp.input…)": {
    one: `/(\\d+)/.exec("order_42");`,
    two: `console.log("last match at load:", JSON.stringify([RegExp.$1, RegExp.input]));`,
  },
  // KNOWN GAP: @sinonjs/fake-timers numbers its timers with a counter of its
  // own that `clock.reset()` does not put back (`uniqueTimerId`, inside
  // `withGlobal`): the next exercise's first timer gets the id after the
  // last exercise's last one (1000000000131, not 1000000000000). Only code
  // that prints or compares timer ids sees it; the fix needs a clock that
  // can be reinstalled, or fake-timers to reset the counter.
  "the timers' ids": {
    one: "for (let i = 0; i < 5; i++) clearTimeout(setTimeout(() => {}, 0));",
    two:
      `{\n  const id = setTimeout(() => {}, 0);\n  console.log("first timer id:", Number(id));\n` +
      "  clearTimeout(id);\n}",
    ignore: true,
  },
  "the module's name": {
    one: "",
    two: `console.log("argv at load:", leakProcess.argv.slice(1).map((p) => p.split("/").pop()));`,
  },
};

for (const [name, { one, two, ignore }] of Object.entries(RESETS)) {
  Deno.test({ name: `reset: ${name}, between exercise 1 and exercise 2`, ignore }, async () => {
    const first = leaky(one);
    const second = `${IMPORTS}${reference("02_downloads")}\n${two}\n`;
    assert.ok(shareable(first) && shareable(second), "both are shareable");
    // Exercise 2 runs in the shared sandbox, after exercise 1…
    const outcomes = await runTogether([["01_gather", first], ["02_downloads", second]]);
    assert.ok(outcomes.every((o) => o !== null), "both exercises ran to their end, shared");
    // …and prints what it prints alone.
    const { shared, isolated } = await bothWays({
      [exerciseFile("01_gather")]: first,
      [exerciseFile("02_downloads")]: second,
    }, { only: ["01_gather", "02_downloads"] });
    assert.equal(asJson(shared), asJson(isolated));
    const texts = (logs: { text: string }[]) => logs.map((l) => l.text);
    assert.deepEqual(texts(outcomes[1]!.logs), texts(isolated.exercises[1].logs));
    for (const e of shared.exercises) assert.equal(e.score, e.maxScore, `${e.id}: full marks`);
    // Without the reset, it would not: the same lines after exercise 1's, in one file, differ.
    if (one !== "") {
      using staged = stage({
        [exerciseFile("02_downloads")]: `${IMPORTS}${reference("02_downloads")}\n${one}\n${two}\n`,
      });
      const [after] = (await grade({ dir: staged.dir, only: ["02_downloads"], shared: false }))
        .exercises;
      const load = (logs: { text: string }[]) =>
        texts(logs).filter((t) => !/^(Starting|✓|Total)/.test(t));
      assert.notDeepEqual(load(after.logs), load(isolated.exercises[1].logs));
    } else {
      assert.ok(
        texts(outcomes[1]!.logs).includes('argv at load: [ "02_downloads.ts" ]'),
        texts(outcomes[1]!.logs).join("\n"),
      );
    }
  });
}
