import assert from "node:assert/strict";
import { renderLanes } from "../grader/timeline.ts";
import type { LaneRecord, VirtualRun } from "./_timeline.ts";
import { assertInOrder, ROOT, runReal, stripAnsi } from "./_run_lesson.ts";
import { LESSONS } from "./run.ts";
import { refresh } from "./_readme.ts";

/** A lesson drawn by `_draw.ts` with the screen given here (never the test machine's). */
interface Drawn {
  lines: string[];
  run: VirtualRun;
  output: string[];
}

async function draw(
  file: string,
  { lang = "en", width = 80, ascii = false, color = false } = {},
): Promise<Drawn> {
  const { code, stdout, stderr } = await runReal([
    "run",
    "--quiet",
    "--allow-read",
    "lessons/_draw.ts",
    file,
    lang,
    String(width),
    String(ascii),
    String(color),
  ]);
  assert.equal(code, 0, stderr);
  return JSON.parse(stdout);
}

/** Code points, so that `━` counts as one column. */
const columns = (line: string) => [...stripAnsi(line)].length;
const lane = (run: VirtualRun, name: string | null): LaneRecord => {
  const found = run.lanes.find((l) => l.name === name);
  assert.ok(found, `no lane ${name} in ${run.lanes.map((l) => l.name)}`);
  return found;
};
const tenths = (ms: number) => Math.round(ms / 100) / 10;

Deno.test("lesson 5 --timeline: one lane per chain, the user, then the posts (seed 444)", async () => {
  const { run, lines, output } = await draw("05_chaining.ts");
  assert.deepEqual(run.lanes.map((l) => l.name), [
    "getUserWithPosts(1)",
    "getUserWithPosts(2)",
    "getUserWithPosts(3)",
    null,
  ]);
  const users = [1, 2, 3].map((id) => lane(run, `getUserWithPosts(${id})`));
  // Each chain waits twice: for its user from 0 s, then for the posts from the instant the user came.
  assert.deepEqual(users.map((l) => l.waits.map((w) => tenths(w.start))), [[0, 1], [0, 0.5], [
    0,
    1.2,
  ]]);
  assert.deepEqual(users.map((l) => tenths(l.waits[0].end)), [1.0, 0.5, 1.2]);
  assert.deepEqual(users.map((l) => tenths(l.waits[1].end - l.waits[1].start)), [1.6, 1.8, 1.5]);
  for (const l of users) {
    assert.equal(l.waits[1].start, l.waits[0].end, "the posts wait starts when the user arrives");
    // Prints: fetching at 0; fetched + retrieving when the user arrives; 3 lines with the posts.
    const [first, posts] = l.waits;
    assert.deepEqual(l.prints, [0, first.end, first.end, posts.end, posts.end, posts.end]);
  }
  // The printed lines carry the same instants as the lanes.
  const fetched2 = run.lines.find((l) => l.text.includes("fetched user with userId=2"))!;
  assert.equal(fetched2.lane, "getUserWithPosts(2)");
  assert.equal(fetched2.at, users[1].waits[0].end);
  assert.equal(Math.max(...users.map((l) => l.waits[1].end)), run.totalMs);
  assert.equal((run.totalMs / 1000).toFixed(2), "2.68");
  assertInOrder(output, ["==> Total time: 2.68 seconds", "add up to 7.57 seconds"]);
  // The drawing: a row per chain, then the total and the sum pointed at on the axis.
  assertInOrder(lines, [
    "getUserWithPosts(1) ●━",
    "getUserWithPosts(2) ●━",
    "getUserWithPosts(3) ●━",
    "main ",
    "↑ all done: 2.68 s",
    "the same waits one after another: 7.57 s ↑",
    "━━━ waiting on a timer   ● printed a line",
  ]);
  // The total's arrow sits at 2.68 s on the axis, left of the sum's at 7.57 s.
  const axis = lines[0];
  const at = (seconds: number) => axis.indexOf(`${seconds}s`);
  const total = lines.find((l) => l.includes("all done"))!.indexOf("↑");
  assert.ok(total > at(2) && total < at(3), `${axis}\n${lines.join("\n")}`);
  const sum = lines.find((l) => l.includes("one after another"))!.indexOf("↑");
  assert.ok(sum > at(7) && sum < at(8), lines.join("\n"));
});

Deno.test("lesson 4 --timeline: makerandom(1), (2), (3) wait 1, 2, 3 s at a time", async () => {
  const { run, lines } = await draw("04_makerandom.ts", { ascii: true });
  const calls = [1, 2, 3].map((d) => lane(run, `makerandom(${d})`));
  assert.deepEqual(calls.map((l) => l.waits.length), [12, 2, 3]);
  calls.forEach((l, i) => {
    for (const w of l.waits) assert.equal(w.end - w.start, (i + 1) * 1000);
    // Initiated, too low at each draw, Finished: one print more than waits, the last at the end.
    assert.equal(l.prints.length, l.waits.length + 2);
  });
  assert.deepEqual(calls.map((l) => l.prints.at(-1)), [12_000, 4000, 9000]);
  assertInOrder(lines, ["makerandom(1) o=", "^ all done: 12.00 s", "25.00 s ^"]);
  for (const line of lines) assert.match(line, /^[\x20-\x7e]*$/, "ASCII only");
});

Deno.test("lesson 6 --timeline: the producer's fetches and three consumers, 2.68 s", async () => {
  const { run, lines } = await draw("06_queue.ts");
  assert.deepEqual(run.lanes.map((l) => l.name), [
    null,
    "fetchUser(1)",
    "fetchUser(2)",
    "fetchUser(3)",
    "consumer() #1",
    "consumer() #2",
    "consumer() #3",
  ]);
  assert.deepEqual([1, 2, 3].map((i) => tenths(lane(run, `fetchUser(${i})`).waits[0].end)), [
    1.0,
    0.5,
    1.2,
  ]);
  // A consumer starts each wait the instant a user arrives: it waited on the queue till then.
  const arrivals = [1, 2, 3].map((i) => lane(run, `fetchUser(${i})`).waits[0].end).sort((a, b) =>
    a - b
  );
  const starts = [1, 2, 3].map((i) => lane(run, `consumer() #${i}`).waits[0].start);
  assert.deepEqual(starts, arrivals);
  assertInOrder(lines, ["fetchUser(1)", "consumer() #3", "main", "all done: 2.68 s", "7.57 s"]);
});

Deno.test("--timeline draws every lesson that waits, in any width, en and fr", async () => {
  const plans = LESSONS.filter((l) => l.timeline !== undefined);
  assert.deepEqual(plans.map((l) => Number(l.file.slice(0, 2))), [1, 3, 4, 5, 6, 7, 8, 9, 10]);
  const drawn = await Promise.all(plans.map((l) => draw(l.file, { lang: "fr", width: 50 })));
  for (const [i, { lines, run }] of drawn.entries()) {
    const name = plans[i].file;
    assert.ok(run.lanes.filter((l) => l.name !== null).length >= 1, `${name}: named lanes`);
    assert.ok(lines.length >= 4, name);
    for (const line of lines) assert.ok(columns(line) <= 50, `${name}: ${line}`);
    assert.match(lines.join("\n"), /(fin|tout est fini) : \d+,\d\d s/, name);
    // Every printed line is a mark in its lane.
    for (const l of run.lines) assert.ok(lane(run, l.lane).prints.includes(l.at), name);
    // The same drawing, re-rendered in every width, fits.
    for (const width of [24, 33, 60, 100, 160]) {
      const again = renderLanes(
        run.lanes.map((l) => ({ label: l.name ?? "main", waits: l.waits, marks: l.prints })),
        { width, ascii: true, markers: [{ at: run.totalMs, text: "end" }] },
      );
      for (const line of again) assert.ok(columns(line) <= width, `${name} ${width}: ${line}`);
    }
  }
  // Lesson 1: three calls in turn, then three together; 8 s in all.
  const one = drawn[0].run;
  assert.deepEqual(one.lanes.map((l) => l.name), [
    null,
    "à la suite n°1",
    "à la suite n°2",
    "à la suite n°3",
    "ensemble n°1",
    "ensemble n°2",
    "ensemble n°3",
  ]);
  assert.deepEqual(one.lanes.slice(1).map((l) => l.waits[0].start), [
    0,
    2000,
    4000,
    6000,
    6000,
    6000,
  ]);
  assert.equal(one.totalMs, 8000);
  // Lesson 10 draws the simulated requests: blocking ones one after another, awaiting ones together.
  const ten = drawn.at(-1)!.run;
  const blocking = [1, 2, 3, 4, 5].map((i) => lane(ten, `bloquant #${i}`).waits[0]);
  for (let i = 1; i < 5; i++) assert.equal(blocking[i].start, blocking[i - 1].end);
  const awaiting = [1, 2, 3, 4, 5].map((i) => lane(ten, `avec await #${i}`).waits[0]);
  assert.ok(awaiting.every((w) => w.start === awaiting[0].start && w.end - w.start === 100));
});

Deno.test("renderLanes() colours lanes only when asked, and cuts nothing when it fits", () => {
  const lanes = [
    { label: "a", waits: [{ start: 0, end: 1000 }], marks: [0, 1000] },
    { label: "b", waits: [{ start: 500, end: 2500 }], marks: [2500] },
  ];
  const plain = renderLanes(lanes, { width: 40 });
  assert.ok(plain.every((l) => !l.includes("\x1b[")));
  const coloured = renderLanes(lanes, { width: 40, color: true });
  assert.ok(coloured.slice(1).every((l) => l.includes("\x1b[")));
  assert.deepEqual(coloured.map(stripAnsi), plain);
  // b starts waiting at 0.5 s: its first cell is half a second's columns in.
  const perSecond = plain[0].indexOf("1s") - plain[0].indexOf("0s");
  assert.equal(plain[2].indexOf("━") - plain[1].indexOf("●"), perSecond / 2);
});

Deno.test("deno task lesson 5 --timeline follows LANG/LC_ALL and --lang; ASCII under LC_ALL=C", async () => {
  const task = (args: string[], env: Record<string, string>) =>
    new Deno.Command(Deno.execPath(), {
      args: ["task", "--quiet", "lesson", ...args],
      cwd: ROOT,
      env: { NO_COLOR: "1", COLUMNS: "90", LANG: "", LC_MESSAGES: "", LC_CTYPE: "", ...env },
      stdout: "piped",
      stderr: "piped",
    }).output().then(({ code, stdout, stderr }) => ({
      code,
      stdout: new TextDecoder().decode(stdout),
      stderr: new TextDecoder().decode(stderr),
    }));
  const [fr, en, posix, latin1] = await Promise.all([
    task(["5", "--timeline"], { LC_ALL: "fr_FR.UTF-8" }),
    task(["5", "--timeline", "--lang", "en"], { LC_ALL: "fr_FR.UTF-8" }),
    task(["5", "--timeline"], { LC_ALL: "C" }),
    task(["5", "--timeline"], { LC_ALL: "fr_FR.ISO-8859-1" }),
  ]);
  assert.equal(latin1.code, 0, latin1.stderr);
  assertInOrder(latin1.stdout.split("\n"), ["getUserWithPosts(1) o=", "^ tout est fini : 2,68 s"]);
  assert.ok(!latin1.stdout.includes("━"), "no box drawing under a locale that is not UTF-8");
  assert.equal(fr.code, 0, fr.stderr);
  assertInOrder(fr.stdout.split("\n"), [
    "Utilisateur : userId=2 reçu (en 0,5 s).",
    "==> Durée totale : 2,68 secondes",
    "D'où deux totaux : 7,57 s",
    "principal",
    "↑ tout est fini : 2,68 s",
  ]);
  assert.ok(!fr.stdout.includes("\x1b["), "no colour without a terminal");
  assert.equal(en.code, 0, en.stderr);
  assertInOrder(en.stdout.split("\n"), ["==> Total time: 2.68 seconds", "↑ all done: 2.68 s"]);
  assert.equal(posix.code, 0, posix.stderr);
  assertInOrder(posix.stdout.split("\n"), ["getUserWithPosts(1) o=", "^ all done: 2.68 s"]);
  assert.ok([...posix.stdout].every((c) => c.charCodeAt(0) < 128), "ASCII only under LC_ALL=C");
  // The drawing (after the lesson's output) takes COLUMNS' 90 columns, no more.
  for (const r of [fr, en, posix]) {
    const drawing = r.stdout.trimEnd().split("\n\n").at(-1)!.split("\n");
    for (const line of drawing) assert.ok(columns(line) <= 90, line);
    assert.ok(columns(drawing[0]) > 80, drawing[0]);
  }
});

Deno.test("deno task lesson: --timeline on a lesson without timers, or with --real, exits 2", async () => {
  const [two, both] = await Promise.all([
    runReal(["task", "--quiet", "lesson", "2", "--timeline", "--lang", "en"]),
    runReal(["task", "--quiet", "lesson", "5", "--timeline", "--real", "--lang", "fr"]),
  ]);
  assert.equal(two.code, 2);
  assert.match(two.stderr, /Lesson 2 does not wait on timers/);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /Choisissez --timeline ou --real/);
  assert.match(both.stderr, /05 {2}Enchaîner/);
});

Deno.test("the READMEs' drawings are those the lessons draw today", async () => {
  for (const [name, text, fresh] of await refresh()) {
    assert.ok(text.includes("<!-- timeline 05 -->"), name);
    assert.equal(text, fresh, `${name} is stale: deno run -A lessons/_readme.ts --write`);
  }
});
