import assert from "node:assert/strict";
import { CATALOG } from "./course.ts";
import { levelKind, main, readState, renderHints } from "./hint.ts";

function session(env: Record<string, string> = {}) {
  const dir = Deno.makeTempDirSync();
  const out: string[] = [], err: string[] = [];
  const io = {
    print: (t: string) => out.push(t),
    error: (t: string) => err.push(t),
    env: (n: string) => env[n],
    statePath: `${dir}/.hint-state.json`,
    width: 80,
  };
  return { io, out, err, dir, run: (...args: string[]) => main(args, io) };
}

const gather = CATALOG[0];

Deno.test("hint: each run shows one more hint, a nudge first and the idea last", () => {
  const s = session();
  try {
    const count = gather.hints.length;
    assert.ok(count >= 2);
    assert.equal(s.run("1"), 0);
    assert.match(s.out[0], /^Exercise 1 — Three slow calls/);
    assert.match(s.out[0], new RegExp(`Hint 1/${count} · a nudge`));
    assert.doesNotMatch(s.out[0], /Hint 2\//);
    assert.match(s.out[0], /Run `deno task hint 1` again for the next hint/);
    assert.deepEqual(readState(s.io.statePath), { "01_gather": 1 });
    for (let i = 2; i <= count + 1; i++) s.run("01_gather");
    const last = s.out.at(-1)!;
    assert.match(last, new RegExp(`Hint ${count}/${count} · the idea`));
    assert.match(last, /Hint 1\/\d · a nudge/, "earlier hints stay on screen");
    assert.match(last, /That was the last hint/);
    assert.deepEqual(readState(s.io.statePath), { "01_gather": count }, "never beyond the last");
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: --reset starts over, and the language follows LANG or --lang", () => {
  const s = session({ LANG: "fr_FR.UTF-8" });
  try {
    s.run("gather");
    s.run("gather");
    assert.match(s.out[1], /^Exercice 1 — Trois appels lents/);
    assert.match(s.out[1], /Indice 2\/\d · /);
    assert.equal(s.run("1", "--reset"), 0);
    assert.match(s.out[2], /repartent du début/);
    assert.deepEqual(readState(s.io.statePath), {});
    s.run("1", "--lang", "en");
    assert.match(s.out[3], /Hint 1\/\d · a nudge/);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: a missing or unknown exercise is a usage error", () => {
  const s = session();
  try {
    assert.equal(s.run(), 2);
    assert.match(s.err[0], /^Usage: deno task hint N/);
    assert.equal(s.run("42"), 2);
    assert.match(s.err[1], /no exercise matches "42"/);
    assert.equal(s.run("1", "--nope"), 2);
    assert.match(s.err[2], /unknown option --nope/);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("readState() treats a damaged file as no state", () => {
  const s = session();
  try {
    Deno.writeTextFileSync(s.io.statePath, "{ not json");
    assert.deepEqual(readState(s.io.statePath), {});
    Deno.writeTextFileSync(s.io.statePath, '{"01_gather": -3, "x": "2", "02_downloads": 1}');
    assert.deepEqual(readState(s.io.statePath), { "02_downloads": 1 });
    assert.equal(s.run("1"), 0);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("renderHints() wraps to the width and keeps code spans whole", () => {
  const text = renderHints(gather, gather.hints.length, { lang: "en", width: 50 });
  for (const line of text.split("\n")) {
    const code = (line.match(/`[^`]*`/g) ?? []).some((c) => c.length > 48);
    if (!code) assert.ok(line.length <= 50, `${line.length}: ${line}`);
  }
  assert.equal(levelKind(1, 3, "fr"), "un coup de pouce");
  assert.equal(levelKind(3, 3, "fr"), "l'idée");
  assert.equal(levelKind(2, 3, "en"), "a closer look");
});

Deno.test("hint: the state file is ignored by git", () => {
  const ignore = Deno.readTextFileSync(new URL("../.gitignore", import.meta.url));
  assert.match(ignore, /^\.hint-state\.json$/m);
});

Deno.test("hint: plain ASCII on a terminal that is not UTF-8 (LANG=C)", () => {
  const s = session({ LANG: "C" });
  try {
    assert.equal(s.run("1", "--lang", "fr"), 0);
    assert.match(s.out[0], /^Exercice 1 - Trois appels lents/);
    assert.match(s.out[0], /^[\n\x20-\x7e]*$/);
    const utf8 = session({ LANG: "fr_FR.UTF-8" });
    utf8.run("1");
    assert.match(utf8.out[0], /Indice 1\/\d · un coup de pouce/);
    Deno.removeSync(utf8.dir, { recursive: true });
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: a path as the shell completes it names the exercise", () => {
  const s = session();
  try {
    assert.equal(s.run("exercises/01_gather.ts"), 0);
    assert.match(s.out[0], /^Exercise 1 — /);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});
