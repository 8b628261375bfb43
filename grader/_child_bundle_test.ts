import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath as fromFileUrl } from "node:url";
import { CATALOG } from "./course.ts";
import { BUNDLE_DIR, bundledChild, withoutNodeModule } from "./_child_bundle.ts";
import { grade } from "./grade.ts";
import { toJson } from "./report/mod.ts";
import { stage, stageSolutions } from "./tools/fixtures.ts";

const root = (path: string) => fromFileUrl(new URL(`../${path}`, import.meta.url));

Deno.test("bundledChild() gives a bundled child and checks for a course exercise", async () => {
  const entry = await bundledChild(CATALOG[0].checks);
  assert.ok(entry, "a bundle for the course's checks");
  assert.ok(entry.child.startsWith(BUNDLE_DIR) && existsSync(entry.child));
  assert.match(entry.checks, /\/checks\/01_gather\/mod\.js$/);
  assert.ok(existsSync(fromFileUrl(entry.checks)));
  // Built once, then reused while the sources stay the same.
  assert.deepEqual(await bundledChild(CATALOG[0].checks), entry);
});

Deno.test("bundledChild() leaves checks from elsewhere, and ASYNC_LAB_BUNDLE=0, to the sources", async () => {
  assert.equal(await bundledChild("file:///tmp/elsewhere/checks/01_gather/mod.ts"), null);
  assert.equal(await bundledChild("https://example.com/checks.ts"), null);
  Deno.env.set("ASYNC_LAB_BUNDLE", "0");
  try {
    assert.equal(await bundledChild(CATALOG[0].checks), null);
  } finally {
    Deno.env.delete("ASYNC_LAB_BUNDLE");
  }
});

Deno.test("bundledChild(): the bundle grades exactly as the sources do", async () => {
  const json = async (dir: string) => toJson({ ...(await grade({ dir })), durationMs: 0 });
  using solutions = stageSolutions();
  for (const dir of [solutions.dir, root("exercises")]) {
    const bundled = await json(dir);
    Deno.env.set("ASYNC_LAB_BUNDLE", "0");
    try {
      assert.equal(await json(dir), bundled, dir);
    } finally {
      Deno.env.delete("ASYNC_LAB_BUNDLE");
    }
  }
});

Deno.test("bundledChild(): a named import of node:timers/promises runs in virtual time, bundled as from the sources", async () => {
  // The `second` style of exercise 1 waits with `import { setTimeout } from "node:timers/promises"`.
  // Deno binds a built-in's named exports when its ES facade first runs, from
  // the module object the fake timers patch: a bundle that ran that facade
  // before the clock (a static import of node:timers/promises) would hand the
  // learner the real timer, which never fires in virtual time.
  const source = Deno.readTextFileSync(root("fixtures/01_gather/styles/second.ts"));
  assert.match(source, /import \{ setTimeout as wait \} from "node:timers\/promises"/);
  using submission = stage({ "01_gather.ts": source });
  const run = async () => {
    const report = await grade({ dir: submission.dir, only: ["01_gather"] });
    return {
      score: report.score,
      max: report.maxScore,
      json: toJson({ ...report, durationMs: 0 }),
    };
  };
  const bundled = await run();
  assert.equal(bundled.score, bundled.max);
  Deno.env.set("ASYNC_LAB_BUNDLE", "0");
  try {
    assert.equal((await run()).json, bundled.json);
  } finally {
    Deno.env.delete("ASYNC_LAB_BUNDLE");
  }
});

// What `deno bundle` (Deno 2.9.6) writes where bundled CommonJS code calls `require`.
const HEADER = [
  'import { createRequire as __deno_internal_createRequire } from "node:module";',
  "var __require = __deno_internal_createRequire(import.meta.url);",
  "",
].join("\n");

Deno.test("withoutNodeModule() gives a bundle's require the built-ins it names, imported, and no node:module", async () => {
  const bundled = HEADER + [
    'export const loaded = typeof __require === "function" && __require("node:timers");',
    'export const util = __require("node:util");',
    'export const again = __require("node:timers");',
  ].join("\n");
  const rewritten = withoutNodeModule(bundled);
  assert.ok(rewritten !== null);
  assert.doesNotMatch(rewritten, /node:module|createRequire/);
  // Each built-in imported once, statically.
  assert.equal(rewritten.match(/^import .* from "node:timers";$/gm)?.length, 1);
  assert.equal(rewritten.match(/^import .* from "node:util";$/gm)?.length, 1);
  const module = await import(`data:text/javascript,${encodeURIComponent(rewritten)}`);
  assert.equal(module.loaded, (await import("node:timers")).default);
  assert.equal(module.again, module.loaded);
  assert.equal(module.util, (await import("node:util")).default);
});

Deno.test("withoutNodeModule() leaves a file alone without the header, or when require is used any other way", () => {
  assert.equal(withoutNodeModule('export const x = "node:module";\n'), null);
  for (
    const use of [
      "__require(name)",
      '__require.resolve("node:util")',
      'const r = __require; r("node:util")',
      '__require("./local.js")',
      // A module the sandbox refuses, which a package asks for in a `try`:
      // imported with the bundle, it would stop every sandbox from loading.
      'try { __require("node:worker_threads"); } catch {}',
      '__require("node:os")',
    ]
  ) {
    assert.equal(withoutNodeModule(`${HEADER}${use};\n`), null, use);
  }
});

/** Every file under `dir`, at any depth, but in the folders named in `skip`. */
function filesIn(dir: string, skip: readonly string[] = []): string[] {
  return [...Deno.readDirSync(dir)].flatMap((f) => {
    const path = `${dir}/${f.name}`;
    if (f.isDirectory) return skip.includes(f.name) ? [] : filesIn(path, skip);
    return f.isFile ? [path] : [];
  });
}

Deno.test("bundledChild(): the bundle imports no node:module", async () => {
  const entry = await bundledChild(CATALOG[0].checks);
  assert.ok(entry);
  const files = filesIn(fromFileUrl(new URL(".", `file://${entry.child}`)))
    .filter((f) => f.endsWith(".js"));
  assert.ok(files.some((f) => f.includes("/checks/")));
  assert.ok(files.some((f) => Deno.readTextFileSync(f).includes("__require")));
  for (const file of files) assert.doesNotMatch(Deno.readTextFileSync(file), /"node:module"/, file);
});

Deno.test("no grader module bundled into the sandbox takes node:timers' or node:timers/promises' named exports", () => {
  // The bundle loads both before the clock (see withoutNodeModule), and Deno
  // binds a built-in's named exports when it first loads: code in the bundle
  // (the child, the engine, the course's checks) that took them would get
  // the real timers. The default export, read at call time, is the clock's.
  const sources = filesIn(root("grader"), ["tests", "tools", ".bundle"])
    .filter((f) => f.endsWith(".ts") && !f.endsWith("_test.ts"));
  assert.ok(sources.some((f) => f.endsWith("/checks/01_gather/mod.ts")));
  const named =
    /\b(?:import|export)\s+(?:type\s+)?[{*][^;]*?from\s*["'](?:node:)?timers(?:\/promises)?["']/;
  // The rule itself: it finds both forms, and not the default import.
  assert.match('import { setTimeout } from "node:timers/promises";', named);
  assert.match('import * as timers from "timers";', named);
  assert.doesNotMatch('import timers from "node:timers";', named);
  // Comments set aside (they quote such imports to say why not).
  const code = (file: string) =>
    Deno.readTextFileSync(file).replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "");
  for (const file of sources) assert.doesNotMatch(code(file), named, file);
});
