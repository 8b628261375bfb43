import assert from "node:assert/strict";
import { CATALOG } from "./course.ts";
import { firstFailing, levelKind, main, readState, renderHints } from "./hint.ts";
import type { ExerciseReport } from "./grade.ts";
import { grade } from "./grade.ts";
import { sampleCheck } from "./report/_sample.ts";
import type { CheckResult } from "./check.ts";
import { exerciseFile, mistakes, mistakeSource, stage } from "./tools/fixtures.ts";
import { findTerm, GLOSSARY } from "./i18n/glossary.ts";
import { LESSON_SECTIONS } from "./i18n/lessons.ts";

const gather = CATALOG[0];

/** An exercise report of exercise 1 whose checks are `checks`. */
function report(checks: CheckResult[], status: ExerciseReport["status"] = "fail"): ExerciseReport {
  return {
    id: gather.id,
    file: "exercises/01_gather.ts",
    title: gather.title.en,
    score: 0,
    maxScore: 20,
    status,
    error: null,
    checks,
    timeline: [],
    logs: [],
  };
}

const ORDER = sampleCheck({
  id: "concurrent-start",
  title: "runConcurrent starts all three calls at once",
  hint: "call all three before awaiting any",
  lesson: "08_toolbox#promise-all",
});

function session(env: Record<string, string> = {}, graded: ExerciseReport | null = null) {
  const dir = Deno.makeTempDirSync();
  const out: string[] = [], err: string[] = [];
  const state = { graded };
  const io = {
    print: (t: string) => out.push(t),
    error: (t: string) => err.push(t),
    env: (n: string) => env[n],
    statePath: `${dir}/.hint-state.json`,
    width: 80,
    grade: () => Promise.resolve(state.graded),
  };
  return { io, out, err, dir, state, run: (...args: string[]) => main(args, io) };
}

Deno.test("hint: without a failing check, each run shows one more hint of the ladder", async () => {
  const s = session();
  try {
    const count = gather.hints.length;
    assert.ok(count >= 2);
    assert.equal(await s.run("1"), 0);
    assert.match(s.out[0], /^Exercise 1 — Three slow calls/);
    assert.match(s.out[0], /could not grade the exercise/);
    assert.match(s.out[0], new RegExp(`Hint 1/${count} · a nudge`));
    assert.doesNotMatch(s.out[0], /Hint 2\//);
    assert.match(s.out[0], /Run `deno task hint 1` again for the next hint/);
    assert.deepEqual(readState(s.io.statePath), { en: { "01_gather": { check: null, shown: 1 } } });
    for (let i = 2; i <= count + 1; i++) await s.run("01_gather");
    const last = s.out.at(-1)!;
    assert.match(last, new RegExp(`Hint ${count}/${count} · the idea`));
    assert.match(last, /Hint 1\/\d · a nudge/, "earlier hints stay on screen");
    assert.match(last, /That was the last hint/);
    assert.deepEqual(
      readState(s.io.statePath),
      { en: { "01_gather": { check: null, shown: count } } },
      "never beyond the last",
    );
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: starts from the first failing check's hint and lesson, then goes deeper", async () => {
  const passing = sampleCheck({ id: "fetch-durations", status: "pass", score: 2, hint: null });
  const later = sampleCheck({ id: "values-in-order", hint: "keep the argument order" });
  const s = session({}, report([passing, ORDER, later]));
  try {
    await s.run("1");
    const first = s.out[0].replace(/\s+/g, " ");
    assert.match(first, /First failing check: ✗ runConcurrent starts all three calls at once/);
    assert.match(first, /hint: call all three before awaiting any/);
    assert.match(first, /learn: deno task lesson 8 — Promise\.all: start everything/);
    assert.doesNotMatch(first, /Hint 1\//, "the check's own hint comes first, alone");
    assert.doesNotMatch(first, /keep the argument order/, "only the first failing check");
    assert.match(first, /hint --explain WORD/);
    await s.run("1");
    assert.match(s.out[1], /First failing check: ✗ runConcurrent/);
    assert.match(s.out[1], /Hint 1\/\d · a nudge/);
    assert.deepEqual(readState(s.io.statePath), {
      en: { "01_gather": { check: "concurrent-start", shown: 1 } },
    });
    // The learner fixed it: the next failing check starts over from its own hint.
    s.state.graded = report([passing, { ...ORDER, status: "pass", hint: null }, later]);
    await s.run("1");
    assert.match(s.out[2], /First failing check: ✗ title of values-in-order/);
    assert.doesNotMatch(s.out[2], /Hint 1\//);
    assert.deepEqual(readState(s.io.statePath), {
      en: { "01_gather": { check: "values-in-order", shown: 0 } },
    });
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: one counter per language", async () => {
  const s = session({}, report([ORDER]));
  try {
    await s.run("1", "--lang", "en");
    await s.run("1", "--lang", "en");
    await s.run("1", "--lang", "fr");
    assert.match(s.out[2], /^Exercice 1 — /);
    assert.match(s.out[2], /Première vérification en échec/);
    assert.match(s.out[2], /à lire\u00a0: deno task lesson 8 --lang fr/);
    assert.doesNotMatch(s.out[2], /Indice 1\//, "French starts at its own first step");
    assert.deepEqual(readState(s.io.statePath), {
      en: { "01_gather": { check: "concurrent-start", shown: 1 } },
      fr: { "01_gather": { check: "concurrent-start", shown: 0 } },
    });
    await s.run("1", "--reset");
    assert.deepEqual(readState(s.io.statePath), {});
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: when every check passes, the ladder says so", async () => {
  const done = sampleCheck({ id: "x", status: "pass", score: 2, hint: null });
  const s = session({}, report([done], "pass"));
  try {
    await s.run("1");
    assert.match(s.out[0], /Every check of exercise 1 passes/);
    assert.match(s.out[0], /Hint 1\/\d · a nudge/);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("firstFailing() skips consequences, load errors and an exercise not started", () => {
  const consequence = { ...ORDER, id: "after", hint: null, consequenceOf: "concurrent-start" };
  assert.equal(firstFailing(report([consequence, ORDER]))?.id, "concurrent-start");
  const broken = report([{ ...ORDER, message: "could not load" }]);
  broken.error = { kind: "load", message: "could not load" };
  assert.equal(firstFailing(broken), undefined);
  assert.equal(firstFailing(report([{ ...ORDER, todo: true }], "todo")), undefined);
});

Deno.test("hint: graded for real, the first failing check of a mistake comes first", async () => {
  const id = "03_timeouts";
  const mistake = mistakes(id)[0].name;
  using staged = stage({ [exerciseFile(id)]: mistakeSource(id, mistake) });
  const graded = (await grade({ dir: staged.dir, only: [id] })).exercises[0];
  const expected = firstFailing(graded);
  assert.ok(expected, `${mistake} fails a check`);
  const s = session();
  try {
    const { grade: _, ...io } = s.io;
    assert.equal(await main(["3", "--dir", staged.dir, "--lang", "en"], io), 0);
    assert.equal(readState(s.io.statePath).en?.["03_timeouts"]?.check, expected.id);
    assert.ok(s.out[0].replace(/\s+/g, " ").includes(`First failing check: ✗ ${expected.title}`));
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint --explain: a term in the learner's language, with its lesson", async () => {
  const s = session();
  try {
    assert.equal(await s.run("--explain", "sentinel"), 0);
    assert.match(s.out[0], /^sentinel\n/);
    assert.match(s.out[0], /learn: deno task lesson 6 — stopping the consumers/);
    assert.equal(await s.run("--explain", "AbortError", "--lang", "fr"), 0);
    assert.match(s.out[1], /^TimeoutError ou AbortError\n/);
    assert.match(s.out[1].replace(/\s+/g, " "), /`controller\.abort\(\)` sans raison/);
    assert.equal(await s.run("--explain", "contre-pression"), 0, "a French name works in English");
    assert.match(s.out[2], /^backpressure\n/);
    assert.equal(await s.run("--explain", "flux capacitor"), 2);
    assert.match(s.err[0], /No term matches "flux capacitor"/);
    assert.match(s.err[0], /\n {2}sentinel\n/);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("the glossary explains the words reports use, each linked to a lesson section", () => {
  const needed = [
    "promise",
    "await",
    "event loop",
    "concurrent",
    "parallel",
    "timeout",
    "TimeoutError",
    "AbortError",
    "AbortController",
    "AbortSignal",
    "sentinel",
    "backpressure",
    "deadlock",
    "pending timer",
    "NaN",
    "exit code",
    "virtual time",
    "sentinelle",
    "contre-pression",
    "interblocage",
    "temps virtuel",
    "code de sortie",
  ];
  assert.deepEqual(needed.filter((name) => findTerm(name) === null), []);
  for (const [id, entry] of Object.entries(GLOSSARY)) {
    assert.ok(Object.hasOwn(LESSON_SECTIONS.en, entry.lesson), `${id}: ${entry.lesson}`);
    for (const lang of ["en", "fr"] as const) assert.ok(entry[lang].text.length > 40, id);
  }
  assert.match(GLOSSARY[findTerm("NaN")!].en.text, /Number\("soon"\)/);
  assert.match(GLOSSARY[findTerm("AbortError")!].en.text, /`controller\.abort\(\)` with no reason/);
});

Deno.test("hint: --reset starts over, and the language follows LANG or --lang", async () => {
  const s = session({ LANG: "fr_FR.UTF-8" });
  try {
    await s.run("gather");
    await s.run("gather");
    assert.match(s.out[1], /^Exercice 1 — Trois appels lents/);
    assert.match(s.out[1], /Indice 2\/\d · /);
    assert.equal(await s.run("1", "--reset"), 0);
    assert.match(s.out[2], /repartent du début/);
    assert.deepEqual(readState(s.io.statePath), {});
    await s.run("1", "--lang", "en");
    assert.match(s.out[3], /Hint 1\/\d · a nudge/);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: a missing or unknown exercise is a usage error", async () => {
  const s = session();
  try {
    assert.equal(await s.run(), 2);
    assert.match(s.err[0], /^Usage: deno task hint N/);
    assert.match(s.err[0], /--explain TERM/);
    assert.equal(await s.run("42"), 2);
    assert.match(s.err[1], /no exercise matches "42"/);
    assert.equal(await s.run("1", "--nope"), 2);
    assert.match(s.err[2], /unknown option --nope/);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("readState() treats a damaged or old-format file as no state", async () => {
  const s = session();
  try {
    Deno.writeTextFileSync(s.io.statePath, "{ not json");
    assert.deepEqual(readState(s.io.statePath), {});
    Deno.writeTextFileSync(s.io.statePath, '{"01_gather": 2}');
    assert.deepEqual(readState(s.io.statePath), {});
    Deno.writeTextFileSync(
      s.io.statePath,
      '{"en": {"01_gather": {"check": 3, "shown": 1}, "02_downloads": {"check": null, "shown": 1},' +
        ' "03_timeouts": {"check": "x", "shown": -1}}, "de": {"01_gather": {"check": null, "shown": 1}}}',
    );
    assert.deepEqual(readState(s.io.statePath), {
      en: { "02_downloads": { check: null, shown: 1 } },
    });
    assert.equal(await s.run("1"), 0);
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

Deno.test("hint: plain ASCII on a terminal that is not UTF-8 (LANG=C)", async () => {
  const s = session({ LANG: "C" });
  try {
    assert.equal(await s.run("1", "--lang", "fr"), 0);
    assert.match(s.out[0], /^Exercice 1 - Trois appels lents/);
    assert.match(s.out[0], /^[\n\x20-\x7e]*$/);
    const utf8 = session({ LANG: "fr_FR.UTF-8" });
    await utf8.run("1");
    assert.match(utf8.out[0], /Indice 1\/\d · un coup de pouce/);
    Deno.removeSync(utf8.dir, { recursive: true });
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});

Deno.test("hint: a path as the shell completes it names the exercise", async () => {
  const s = session();
  try {
    assert.equal(await s.run("exercises/01_gather.ts"), 0);
    assert.match(s.out[0], /^Exercise 1 — /);
  } finally {
    Deno.removeSync(s.dir, { recursive: true });
  }
});
