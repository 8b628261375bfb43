import assert from "node:assert/strict";
import { renderPretty, words } from "./pretty.ts";
import { sampleReport } from "./_sample.ts";

// deno-lint-ignore no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, "");

Deno.test("renderPretty() right-aligns scores at the width, with or without colour", () => {
  for (const color of [false, true]) {
    for (const width of [50, 64, 80, 100]) {
      const lines = plain(renderPretty(sampleReport(), { width, color })).split("\n");
      const scored = lines.filter((l) => /\d+\/\d+$/.test(l));
      assert.ok(scored.length >= 4);
      for (const line of scored) {
        assert.equal([...line].length, width, `${width} ${color}: ${line}`);
      }
      for (const line of lines) assert.ok([...line].length <= width, `${width}: ${line}`);
    }
  }
});

Deno.test("renderPretty() cuts a long exercise title so the score stays on its line", () => {
  const report = sampleReport();
  report.exercises[0].title = "A pipeline: one producer, several consumers, a queue between them";
  const lines = renderPretty(report, { width: 50 }).split("\n");
  assert.equal(lines[2], "✗ 01 A pipeline: one producer, several consu… 3/10");
  const ascii = renderPretty(report, { width: 50, ascii: true }).split("\n");
  assert.equal(ascii[2], "[x] 01 A pipeline: one producer, several c... 3/10");
});

Deno.test("renderPretty() shows the failure, its timeline and hint in the learner's language", () => {
  const en = renderPretty(sampleReport(), { width: 80 });
  assert.match(en, /expected: 3\.0 s · observed: 6\.0 s/);
  assert.match(en, /timeline: took 6\.0 s, expected 3\.0 s\n( +.*\n){4} +↑ expected end: 3\.0 s/);
  assert.match(en, /hint: start all three/);
  assert.match(en, /1 check passed/);
  const fr = renderPretty(sampleReport("fr"), { width: 80 });
  assert.match(fr, /attendu\u00a0: 3\.0 s · observé\u00a0: 6\.0 s/);
  assert.match(fr, /chronologie : 6,0 s au lieu de 3,0 s/);
  assert.match(fr, /indice\u00a0: start all three/);
  assert.match(fr, /1 test réussi/);
  assert.match(fr, /^Prochaine étape/m);
});

Deno.test("renderPretty() in ASCII has no other character", () => {
  const text = renderPretty(sampleReport("fr"), { width: 80, ascii: true });
  assert.match(text, /^[\n\x20-\x7e]*$/);
  assert.match(text, /\n +orders +#+\n/);
});

Deno.test("words() keeps a code span whole when it fits", () => {
  assert.deepEqual(words("run `deno task grade 1` now", 40), ["run", "`deno task grade 1`", "now"]);
  assert.deepEqual(words("run `deno task grade 1` now", 10), [
    "run",
    "`deno",
    "task",
    "grade",
    "1`",
    "now",
  ]);
  assert.deepEqual(words("an `unclosed span", 40), ["an", "`unclosed", "span"]);
});

Deno.test("renderPretty() wraps a long check title under itself instead of cutting it", () => {
  const report = sampleReport();
  const title = "both runners return the lists in the order users, orders, inventory";
  report.exercises[0].checks[1].title = title;
  for (const width of [50, 60, 80]) {
    const lines = renderPretty(report, { width }).split("\n");
    const first = lines.findIndex((l) => l.startsWith("  ✗ both runners"));
    assert.match(lines[first], / 0\/4$/);
    assert.equal([...lines[first]].length, width);
    const wrapped = [lines[first].slice(4).replace(/ +0\/4$/, "")];
    for (let i = first + 1; lines[i].startsWith("    ") && !/took 6/.test(lines[i]); i++) {
      wrapped.push(lines[i].trim());
    }
    assert.equal(wrapped.join(" "), title, `width ${width}`);
    assert.doesNotMatch(lines.join("\n"), /…/);
  }
});

Deno.test("renderPretty() repeats --dir in the next step's command", () => {
  const en = renderPretty(sampleReport(), { width: 120, dir: "../class/alice" });
  assert.match(en, /then run `deno task grade 1 --dir \.\.\/class\/alice` \(`deno task hint 1`/);
  const fr = renderPretty(sampleReport("fr"), { width: 120, dir: "x" });
  assert.match(fr, /puis lancez `deno task grade 1 --dir x`/);
  assert.match(renderPretty(sampleReport(), { width: 120 }), /run `deno task grade 1` \(/);
});

Deno.test("words() keeps a unit with its number", () => {
  assert.deepEqual(words("longest (3,0 s), not 250 ms, nor 2 s", 40), [
    "longest",
    "(3,0 s),",
    "not",
    "250 ms,",
    "nor",
    "2 s",
  ]);
  assert.deepEqual(words("step 2 sets", 40), ["step", "2", "sets"]);
});

Deno.test("renderPretty() marks a check that met a TODO as to do (○), not as wrong (✗)", () => {
  const report = sampleReport();
  Object.assign(report.exercises[0].checks[1], { todo: true, message: "`f()` is still a TODO" });
  const text = renderPretty(report, { width: 80 });
  assert.match(text, /\n {2}○ runConcurrent takes the longest wait/);
  assert.match(renderPretty(report, { width: 80, ascii: true }), /\n {2}\[ \] runConcurrent takes/);
  assert.match(renderPretty(sampleReport(), { width: 80 }), /\n {2}✗ runConcurrent takes/);
});

Deno.test("renderPretty() puts a long expected and observed on lines of their own", () => {
  const report = sampleReport("fr");
  const list = (n: number) => Array.from({ length: 6 }, (_, i) => `${n + i},00 s`).join(" ; ");
  Object.assign(report.exercises[0].checks[1], { expected: list(1), actual: list(2) });
  const lines = renderPretty(report, { width: 60 }).split("\n");
  for (const line of lines) assert.ok([...line].length <= 60, line);
  const at = lines.findIndex((l) => l.startsWith("    attendu\u00a0: "));
  assert.equal(lines[at], "    attendu\u00a0: 1,00 s ; 2,00 s ; 3,00 s ; 4,00 s ; 5,00 s ;");
  assert.equal(lines[at + 1], "    6,00 s");
  assert.match(lines[at + 2], /^ {4}observé\u00a0: 2,00 s ; .* ;$/);
  // Short ones stay on one line.
  assert.match(renderPretty(sampleReport(), { width: 60 }), /expected: 3\.0 s · observed: 6\.0 s/);
});

Deno.test("renderPretty() names the next exercise when only passing ones were graded", () => {
  const report = sampleReport();
  report.exercises = [{ ...report.exercises[0], status: "pass", score: 10 }];
  const ungraded = { id: "02_downloads", file: "exercises/02_downloads.ts" };
  const notGraded = ["02_downloads", "03_timeouts"];
  const en = renderPretty(report, { width: 100, ungraded, notGraded });
  assert.match(
    en,
    /Well done! Move on to exercise 2 \(exercises\/02_downloads\.ts\), then run `deno task grade 2`\n$/,
  );
  assert.doesNotMatch(en, /Everything passes/);
  const fr = renderPretty({ ...report, lang: "fr" }, {
    width: 120,
    ungraded,
    notGraded,
    dir: "x",
    langFlag: "fr",
  });
  assert.match(
    fr,
    /Bravo ! Passez à l'exercice 2 \(exercises\/02_downloads\.ts\), puis lancez `deno task grade 2 --dir x --lang fr`\n$/,
  );
  assert.match(renderPretty(report, { width: 100 }), /Everything passes/);
});

Deno.test("renderPretty() after grading a later exercise alone says what is known", () => {
  const report = sampleReport();
  report.exercises = [{
    ...report.exercises[0],
    id: "05_check_services",
    status: "pass",
    score: 10,
  }];
  const notGraded = ["01_gather", "02_downloads", "03_timeouts", "04_pipeline"];
  const ungraded = { id: "01_gather", file: "exercises/01_gather.ts" };
  const en = renderPretty(report, {
    width: 200,
    ungraded,
    notGraded,
    task: "npx -y deno@2.9.6 task",
  }).replace(/\s+/g, " ");
  assert.match(
    en,
    /Exercise 5 passes; exercises 1, 2, 3 and 4 were not graded this time\. Run `npx -y deno@2\.9\.6 task grade` to grade them all/,
  );
  assert.doesNotMatch(en, /exercise 1 \(/);
  const fr = renderPretty({ ...report, lang: "fr" }, {
    width: 200,
    ungraded,
    notGraded: ["03_timeouts"],
    langFlag: "fr",
  }).replace(/\s+/g, " ");
  assert.match(
    fr,
    /L'exercice 5 est réussi ; l'exercice 3 n'a pas été corrigé cette fois\. Lancez `deno task grade --lang fr`/,
  );
});

Deno.test("renderPretty() repeats --lang and --dir in the next step's commands", () => {
  const fr = renderPretty(sampleReport("fr"), {
    width: 200,
    dir: "'mon travail'",
    langFlag: "fr",
    task: "npx -y deno@2.9.6 task",
  }).replace(/\s+/g, " ");
  assert.match(
    fr,
    /lancez `npx -y deno@2\.9\.6 task grade 1 --dir 'mon travail' --lang fr` \(`npx -y deno@2\.9\.6 task hint 1 --lang fr` si vous bloquez\)/,
  );
});

Deno.test("words() keeps French punctuation and guillemets with their words", () => {
  assert.deepEqual(words("la sonde a échoué : « hors ligne » ; pourquoi ?", 80), [
    "la",
    "sonde",
    "a",
    "échoué :",
    "« hors",
    "ligne » ;",
    "pourquoi ?",
  ]);
});
