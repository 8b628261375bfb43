/**
 * The realm's fingerprint (`_realm.ts`) sees each kind of change one
 * exercise's code can leave to the next in a shared sandbox, says nothing
 * when nothing changed, and nothing again once a change is undone (where it
 * can be). Each case runs in a fresh Deno process of its own (one for all the
 * cases): the test runner's realm has listeners and globals of its own, and
 * its resident memory, shared by every test file run with `--parallel`, may
 * be past the fingerprint's memory limit whatever the realm holds.
 */
import assert from "node:assert/strict";
import { SHARED_RSS_BYTES } from "./_realm.ts";
import { evalJson } from "./tools/fixtures.ts";

/** One change to the realm: statements run in the probe process. */
interface Change {
  /** Statements that change the realm. */
  change: string;
  /** Statements that undo it, when that brings the realm back exactly. */
  undo?: string;
  /** The place the fingerprint must name. */
  place: RegExp;
}

const CHANGES: Record<string, Change> = {
  "a new global": {
    change: "globalThis.leak = 1;",
    undo: "delete globalThis.leak;",
    place: /^globalThis\.leak$/,
  },
  "a global replaced": {
    change: "saved = globalThis.structuredClone; globalThis.structuredClone = (v) => v;",
    undo: "globalThis.structuredClone = saved;",
    place: /^globalThis\.structuredClone$/,
  },
  "a global made read-only": {
    change: "Object.defineProperty(globalThis, 'structuredClone', { writable: false });",
    place: /^globalThis\.structuredClone$/,
  },
  "a property added to Error.prototype": {
    change: "Error.prototype.leak = 1;",
    undo: "delete Error.prototype.leak;",
    place: /^globalThis\.Error\.prototype/,
  },
  "a method of a global's prototype replaced": {
    change:
      "saved = URL.prototype.toJSON; URL.prototype.toJSON = function () { return saved.call(this); };",
    undo: "URL.prototype.toJSON = saved;",
    place: /^globalThis\.URL\.prototype/,
  },
  "a method of a lazy global's prototype replaced": {
    // Deno defines Response, TextEncoder, crypto, navigator… as getters that
    // load them on first use: the fingerprint wraps each, and takes its
    // value's fingerprint at its first use.
    change:
      "saved = Response.prototype.json; Response.prototype.json = function () { return saved.call(this); };",
    undo: "Response.prototype.json = saved;",
    place: /Response/,
  },
  "a property added to console": {
    change: "console.leak = 1;",
    undo: "delete console.leak;",
    place: /^globalThis\.console/,
  },
  "a static property of a global changed": {
    change: "saved = Error.stackTraceLimit; Error.stackTraceLimit = 50;",
    undo: "Error.stackTraceLimit = saved;",
    place: /^globalThis\.Error\.stackTraceLimit$/,
  },
  "a property added to process": {
    change: "process.leak = 1;",
    undo: "delete process.leak;",
    place: /^process/,
  },
  "a listener on process": {
    change: "process.on('leak', listener);",
    undo: "process.off('leak', listener);",
    place: /^process(\._eventsCount|\._events\.leak| events)$/,
  },
  "an exit code set": {
    change: "process.exitCode = 3;",
    undo: "process.exitCode = undefined;",
    place: /^process\.exitCode$/,
  },
  "an own property on process.stdout": {
    change: "process.stdout.leak = 1;",
    undo: "delete process.stdout.leak;",
    place: /^extra\[2\]/,
  },
  "an own property on Deno.stdout": {
    change: "Deno.stdout.leak = 1;",
    undo: "delete Deno.stdout.leak;",
    place: /^(extra\[0\]|globalThis\.Deno\.stdout)/,
  },
  "a listener on globalThis": {
    // Removing it leaves an empty list under its type: still a difference
    // (the safe side: the next exercise gets a sandbox of its own).
    change: "addEventListener('leak', listener);",
    place: /^listeners$/,
  },
  "util.inspect's default depth changed": {
    change: "inspect.defaultOptions.depth = 7;",
    undo: "inspect.defaultOptions.depth = 2;",
    place: /^extra\[5\]/,
  },
  "a property added to util.inspect": {
    change: "inspect.leak = 1;",
    undo: "delete inspect.leak;",
    place: /^extra\[4\]/,
  },
  "a property added to a prototype below a global (Intl.NumberFormat)": {
    change: "Intl.NumberFormat.prototype.leak = 1;",
    undo: "delete Intl.NumberFormat.prototype.leak;",
    place: /^globalThis\.Intl\.NumberFormat\.prototype/,
  },
  "a property added to Deno.env": {
    change: "Deno.env.leak = 1;",
    undo: "delete Deno.env.leak;",
    place: /^globalThis\.Deno\.env/,
  },
  "a property added to the object a frozen prototype holds (unscopables)": {
    change: "Array.prototype[Symbol.unscopables].leak = true;",
    undo: "delete Array.prototype[Symbol.unscopables].leak;",
    place: /^globalThis\.Array\.prototype\.Symbol\(Symbol\.unscopables\)/,
  },
  "process.versions changed": {
    change: "process.versions.leak = '1';",
    undo: "delete process.versions.leak;",
    place: /^process\.versions/,
  },
  "util.inspect's styles changed": {
    change: "saved = inspect.styles.number; inspect.styles.number = 'red';",
    undo: "inspect.styles.number = saved;",
    place: /^extra\[4\]\.styles/,
  },
  "memory kept past the limit": {
    change: `kept = new Uint8Array(${SHARED_RSS_BYTES + 64 * 1024 * 1024}).fill(1);`,
    place: /^memory$/,
  },
};

const REALM = new URL("./_realm.ts", import.meta.url).href;

/** What the fingerprint said of one change: before it, after it, once undone. */
interface Seen {
  before: string | null;
  after: string | null;
  undone?: string | null;
}

/** Runs every change in one fresh process, each with a fingerprint taken just before it. */
async function probe(changes: Record<string, Change>): Promise<Record<string, Seen>> {
  const body = Object.entries(changes).map(([name, c]) =>
    `{
  const unchanged = realmWatch(process, extra);
  const before = unchanged();
  ${c.change}
  const after = unchanged();
  ${c.undo ?? ""}
  seen[${JSON.stringify(name)}] = { before, after${c.undo ? ", undone: unchanged()" : ""} };
}`
  );
  const script = [
    `import { realmWatch } from ${JSON.stringify(REALM)};`,
    `import process from "node:process";`,
    `import { inspect } from "node:util";`,
    `const extra = [Deno.stdout, Deno.stderr, process.stdout, process.stderr, inspect, inspect.defaultOptions];`,
    // As in the sandbox (closeIntrospection): Deno's core, which loading a lazy global changes, is gone.
    `delete Deno[Deno.internal];`,
    `const seen = {};`,
    `const listener = () => {};`,
    `let saved, kept;`,
    `{ const unchanged = realmWatch(process, extra); seen.nothing = { before: unchanged(), after: unchanged() }; }`,
    ...body,
    `console.log(JSON.stringify(seen));`,
  ].join("\n");
  return await evalJson(script) as Record<string, Seen>;
}

const seen = probe(CHANGES);

Deno.test("realmWatch: nothing changed, nothing to say", async () => {
  assert.deepEqual((await seen).nothing, { before: null, after: null });
  // Every change started from a realm the fingerprint called unchanged.
  for (const name of Object.keys(CHANGES)) assert.equal((await seen)[name].before, null, name);
});

for (const [name, { place, undo }] of Object.entries(CHANGES)) {
  Deno.test({
    name: `realmWatch sees ${name}${undo ? ", and not once it is undone" : ""}`,
    fn: async () => {
      const { after, undone } = (await seen)[name];
      assert.notEqual(after, null, `${name} went unseen`);
      assert.match(after!, place);
      if (undo) assert.equal(undone, null, `${name}, undone, still differs`);
    },
  });
}

Deno.test("realmWatch: the same value written again is no change", async () => {
  const again = await probe({
    same: { change: "console.log = console.log; Error.stackTraceLimit = 10;", place: /.*/ },
  });
  assert.deepEqual(again.same, { before: null, after: null });
});
