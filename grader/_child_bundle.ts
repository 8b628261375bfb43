/**
 * A pre-bundled sandbox child, for speed. Every sandbox is a fresh `deno run`
 * of `child.ts`; loading its ~20 TypeScript modules (and the exercise's
 * checks) one by one is a measurable share of its start-up. `deno bundle
 * --code-splitting` turns `child.ts` and every `checks/NN_topic/mod.ts` into a few
 * JavaScript files that share one copy of the clock, built once into
 * `grader/.bundle/<key>/` and reused until any grader source changes.
 *
 * The bundle is the same code: same permissions, same nonce channel, same
 * checks. Whenever anything is off — a checks module other than `grader/checks/NN_topic/mod.ts`,
 * a failed build, `ASYNC_LAB_BUNDLE=0` — the sandbox runs the sources.
 *
 * Real time and files only; never touches the virtual clock.
 *
 * @module
 */
import { exists, hexDigest, removeAll } from "./_fs.ts";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath as fromFileUrl, pathToFileURL } from "node:url";

const GRADER = fromFileUrl(new URL("./", import.meta.url)).replace(/\/$/, "");
const ROOT = fromFileUrl(new URL("../", import.meta.url)).replace(/\/$/, "");
const CHECKS = join(GRADER, "checks");
/**
 * The grader's own lockfile, used by every grading command and sandbox: it
 * lists only the engine's npm packages. (The workspace's `deno.lock` also
 * lists the lessons' packages, and Deno installs every package of a lockfile
 * the first time it needs one: grading would download lesson 11's `hono`.)
 */
export const GRADER_LOCK = join(GRADER, "deno.lock");
/** Where bundles are kept (inside the project: a bundle is as trusted as the grader). */
export const BUNDLE_DIR = join(GRADER, ".bundle");

/** What the sandbox runs. */
export interface ChildEntry {
  /** Path of the child's entry file. */
  child: string;
  /** URL of the checks module to hand the child. */
  checks: string;
}

function enabled(): boolean {
  try {
    return Deno.env.get("ASYNC_LAB_BUNDLE") !== "0";
  } catch {
    return true;
  }
}

/**
 * The files a bundle depends on (every grader source but tests, and the
 * config), and the folders walked to find them. (Deno's own file calls:
 * node:fs's stat and readdir cost ten times more, and this runs before every
 * sandbox.)
 */
function sources(): { files: string[]; dirs: string[] } {
  const files: string[] = [join(ROOT, "deno.json"), GRADER_LOCK];
  const dirs: string[] = [];
  const walk = (dir: string) => {
    dirs.push(dir);
    for (const entry of Deno.readDirSync(dir)) {
      if (entry.name.startsWith(".") || entry.name === "tests") continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory) walk(path);
      else if (/\.(ts|js|json)$/.test(entry.name) && !/_test\.ts$/.test(entry.name)) {
        files.push(path);
      }
    }
  };
  walk(GRADER);
  return { files: files.sort(), dirs: dirs.sort() };
}

/**
 * The sources as last read: the key, and each file's size and modification
 * time and each folder's (a file added or removed changes its folder's), by
 * absolute path, for `_early.ts` to tell whether they are still the same.
 */
export interface SourcesRecord {
  key: string;
  files: [path: string, size: number, mtime: number][];
  dirs: [path: string, mtime: number][];
}

/** The last record read, and when (real milliseconds). */
let last: { record: Promise<SourcesRecord>; at: number } | null = null;

/**
 * How long a key is reused (real milliseconds): every exercise of a grade,
 * and every submission of a batch, asks for it; walking the sources each
 * time cost more than a sandbox's own start. A source changed while `watch`
 * runs is seen on the next grade, which comes later than this.
 */
const KEY_REUSE_MS = 250;

/** The sources' record ({@linkcode SourcesRecord}), reused for {@linkcode KEY_REUSE_MS}. */
export function sourcesRecord(): Promise<SourcesRecord> {
  const now = performance.now();
  if (last === null || now - last.at > KEY_REUSE_MS) {
    last = { record: readSources(), at: now };
  }
  return last.record;
}

/**
 * A key that changes whenever a grader source changes (every file of
 * `grader/` but tests, and the config): the bundle's folder name, reused for
 * {@linkcode KEY_REUSE_MS}.
 */
export async function sourcesKey(): Promise<string> {
  return (await sourcesRecord()).key;
}

const mtimeOf = (stat: Deno.FileInfo) => stat.mtime?.getTime() ?? 0;

/** The sources now, and their key: a hash of each file's path, size and modification time. */
async function readSources(): Promise<SourcesRecord> {
  const found = sources();
  const lines = [Deno.version.deno];
  const files: SourcesRecord["files"] = [];
  for (const path of found.files) {
    let stat: Deno.FileInfo;
    try {
      stat = Deno.statSync(path);
    } catch {
      continue; // gone meanwhile (or the config is missing)
    }
    lines.push(`${relative(ROOT, path)}\0${stat.size}\0${mtimeOf(stat)}`);
    files.push([path, stat.size, mtimeOf(stat)]);
  }
  const dirs: SourcesRecord["dirs"] = [];
  for (const path of found.dirs) {
    try {
      dirs.push([path, mtimeOf(Deno.statSync(path))]);
    } catch { /* gone meanwhile: the next reading sees it */ }
  }
  return { key: await hexDigest(lines.join("\n"), 12), files, dirs };
}

const builds = new Map<string, Promise<string | null>>();

/** Builds the bundle for `key` unless it is there; returns its folder, or `null`. */
function bundleFor(key: string): Promise<string | null> {
  let build = builds.get(key);
  if (!build) {
    build = build0(key).catch(() => null);
    builds.set(key, build);
  }
  return build;
}

async function build0(key: string): Promise<string | null> {
  const target = join(BUNDLE_DIR, key);
  if (exists(join(target, "child.js"))) return target;
  Deno.mkdirSync(BUNDLE_DIR, { recursive: true });
  Deno.writeTextFileSync(join(BUNDLE_DIR, ".gitignore"), "*\n");
  const temp = join(BUNDLE_DIR, `.build-${key}-${crypto.randomUUID()}`);
  const entries = [...Deno.readDirSync(CHECKS)]
    .filter((d) => d.isDirectory && exists(join(CHECKS, d.name, "mod.ts")))
    .map((d) => join(d.name, "mod.ts"));
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "bundle",
      "--quiet",
      "--platform=deno",
      "--code-splitting",
      `--config=${join(ROOT, "deno.json")}`,
      `--lock=${GRADER_LOCK}`,
      `--outdir=${temp}`,
      join(GRADER, "child.ts"),
      ...entries.map((f) => join(CHECKS, f)),
    ],
    cwd: ROOT,
    stdin: "null",
    stdout: "null",
    stderr: "piped",
  }).output();
  if (!out.success || !exists(join(temp, "child.js"))) {
    removeAll(temp);
    return null;
  }
  const rewrite = (dir: string) => {
    for (const entry of Deno.readDirSync(dir)) {
      const path = join(dir, entry.name);
      if (entry.isDirectory) rewrite(path);
      if (!entry.isFile || !entry.name.endsWith(".js")) continue;
      const rewritten = withoutNodeModule(Deno.readTextFileSync(path));
      if (rewritten !== null) Deno.writeTextFileSync(path, rewritten);
    }
  };
  rewrite(temp);
  try {
    Deno.renameSync(temp, target);
  } catch {
    // Another grader built the same bundle meanwhile: keep theirs.
    removeAll(temp);
  }
  prune(key);
  return exists(join(target, "child.js")) ? target : null;
}

/**
 * How `deno bundle` gives the CommonJS code it bundles (the fake timers)
 * their `require`: `node:module`'s `createRequire`.
 */
const CREATE_REQUIRE =
  /^import \{ createRequire as ([\w$]+) \} from "node:module";\nvar __require = \1\(import\.meta\.url\);\n/m;

/**
 * The built-ins a bundle may import as it loads instead of requiring them:
 * those the fake timers ask for. Any other (`node:worker_threads`, which the
 * sandbox refuses, in a `try` a package keeps for Node) stays a `require`
 * made when and where the code asks for it.
 */
const LOADED_WITH_THE_BUNDLE = new Set([
  "node:timers",
  "node:timers/promises",
  "node:perf_hooks",
  "node:util",
]);

/**
 * `text`, a bundled file, with its `require` made of static imports of the
 * built-in modules it names, and without `node:module`; `null` when it
 * needs no change, or calls `require` in any other way or for any other
 * module than {@linkcode LOADED_WITH_THE_BUNDLE} (then it keeps
 * `node:module`, and works as built).
 *
 * Importing `node:module` as the bundle loads, and requiring the four
 * built-ins the fake timers ask for by name (`node:timers`,
 * `node:timers/promises`, `node:perf_hooks`, `node:util`) through it, cost
 * about 6 ms of every sandbox's start. Imported statically, their ES facades
 * run as the bundle loads, before the clock: the sandbox's import map gives
 * learner code its own `node:timers` and `node:timers/promises`, whose named
 * exports are read later (see `TIMERS_EXPORTS` in `_harden.ts`).
 */
export function withoutNodeModule(text: string): string | null {
  const header = CREATE_REQUIRE.exec(text);
  if (header === null) return null;
  const body = text.slice(0, header.index) + text.slice(header.index + header[0].length);
  const names: string[] = [];
  for (const use of body.matchAll(/\b__require\b(\("(node:[\w/]+)"\))?/g)) {
    const typeOf = /\btypeof\s+$/.test(body.slice(Math.max(0, use.index - 16), use.index));
    if (use[2] !== undefined && LOADED_WITH_THE_BUNDLE.has(use[2])) {
      if (!names.includes(use[2])) names.push(use[2]);
    } else if (use[2] !== undefined || !typeOf) return null;
  }
  const imports = names.map((name, i) => `import __builtin${i} from ${JSON.stringify(name)};\n`);
  const cases = names.map((name, i) => `    case ${JSON.stringify(name)}: return __builtin${i};\n`);
  const require = [
    "var __require = (name) => {\n",
    "  switch (name) {\n",
    ...cases,
    "  }\n",
    "  throw new Error(`Cannot find module '${name}'`);\n",
    "};\n",
  ];
  return body.slice(0, header.index) + imports.join("") + require.join("") +
    body.slice(header.index);
}

/** Removes bundles of older sources once they are ten minutes old (a grader may still be starting one). */
function prune(keep: string): void {
  try {
    for (const { name } of Deno.readDirSync(BUNDLE_DIR)) {
      // The bundle, and what is kept beside it under the same key (`info-<key>`).
      // The files every grading process names by their content (the import
      // map, the sandbox's node:process, node:timers and node:timers/promises): a watch may run for hours on one.
      if (/^(import-map|node-process|node-timers(-promises)?)-[0-9a-f]+\.(json|js)$/.test(name)) {
        continue;
      }
      // (The early start's notes, `early-*.json`, go too: they name an older bundle.)
      if (name === keep || name.endsWith(`-${keep}`) || name === ".gitignore") continue;
      const path = join(BUNDLE_DIR, name);
      if (Date.now() - (Deno.statSync(path).mtime?.getTime() ?? 0) > 600_000) {
        removeAll(path);
      }
    }
  } catch { /* best effort */ }
}

/**
 * What a sandbox should run for `checksUrl`: the bundled child and checks when
 * they are (or can be) built for the current sources, else `null` (run the
 * sources).
 */
export async function bundledChild(checksUrl: string): Promise<ChildEntry | null> {
  if (!enabled() || !checksUrl.startsWith("file:")) return null;
  const checksPath = fromFileUrl(checksUrl);
  const folder = basename(dirname(checksPath));
  if (join(CHECKS, folder, "mod.ts") !== checksPath) return null;
  try {
    const key = await sourcesKey();
    let dir = await bundleFor(key);
    if (dir !== null && !exists(join(dir, "child.js"))) {
      // Removed behind our back (by hand, or pruned): build it again.
      builds.delete(key);
      dir = await bundleFor(key);
    }
    if (dir === null) return null;
    const checks = join(dir, "checks", folder, "mod.js");
    if (!exists(checks)) return null;
    return { child: join(dir, "child.js"), checks: pathToFileURL(checks).href };
  } catch {
    return null;
  }
}
