import assert from "node:assert/strict";
import {
  annotations,
  checkLine,
  escapeData,
  escapeProperty,
  exportedLines,
  renderSummary,
  reportGithub,
} from "./github.ts";
import { SAMPLE_SOURCE, sampleCheck, sampleReport } from "./_sample.ts";

const read = (file: string) => (file === "exercises/01_gather.ts" ? SAMPLE_SOURCE : "x");

Deno.test("escapeData() and escapeProperty() follow GitHub's workflow-command rules", () => {
  assert.equal(escapeData("100%\r\nnext: a, b"), "100%25%0D%0Anext: a, b");
  assert.equal(escapeProperty("100%\nnext: a, b"), "100%25%0Anext%3A a%2C b");
});

Deno.test("exportedLines() finds each exported function, const and class", () => {
  const lines = exportedLines(
    SAMPLE_SOURCE + "function local() {}\nexport { local as renamed };\n",
  );
  assert.equal(lines.get("fetchUsers"), 4);
  assert.equal(lines.get("fetchOrders"), 8);
  assert.equal(lines.get("runConcurrent"), 10);
  assert.equal(lines.get("Fetcher"), undefined, "types are not functions");
  assert.equal(lines.get("renamed"), 13);
});

Deno.test("checkLine() points at the function the check names", () => {
  const lines = exportedLines(SAMPLE_SOURCE);
  const check = (message: string, title = "a check") => sampleCheck({ id: "x", message, title });
  assert.equal(checkLine(check("`fetchOrders()` took 1.0 s"), lines), 8);
  assert.equal(checkLine(check("took 6.0 s", "runConcurrent takes 3.0 s"), lines), 10);
  // A backticked name wins over a plain word that comes first.
  assert.equal(checkLine(check("runConcurrent calls `fetchUsers`"), lines), 4);
  assert.equal(checkLine(check("nothing known here"), lines), 1);
});

Deno.test("annotations() gives one ::error per failed check at the learner's function", () => {
  const lines = annotations(sampleReport(), read);
  assert.equal(lines.length, 3);
  assert.equal(
    lines[0],
    "::error file=exercises/01_gather.ts,line=10,title=01_gather%3A runConcurrent takes the longest wait (3.0 s)%2C not the sum::" +
      "took 6.0 s of virtual time; concurrent code takes the longest call, 3.0 s%0A" +
      "expected: 3.0 s · observed: 6.0 s%0Ahint: start all three before awaiting any of them (Promise.all)",
  );
  assert.match(lines[1], /^::error file=exercises\/01_gather\.ts,line=8,/);
  assert.match(lines[1], /100%25 wrong/);
  // The exercise that could not load gets one annotation, on its first line.
  assert.match(
    lines[2],
    /^::error file=exercises\/02_downloads\.ts,line=1,title=02_downloads%3A Downloads::your file could not be loaded/,
  );
  for (const line of lines) assert.doesNotMatch(line, /[\r\n]/);
});

Deno.test("annotations() gives an exercise not started yet one notice", () => {
  const report = sampleReport();
  report.exercises[0].status = "todo";
  const lines = annotations(report, read);
  assert.equal(lines.length, 2);
  assert.match(
    lines[0],
    /^::notice file=exercises\/01_gather\.ts,line=1,title=01_gather%3A Three slow calls::Next step: open exercises\/01_gather\.ts, replace the TODOs/,
  );
});

Deno.test("annotations() leaves out file and line when the file cannot be read", () => {
  const lines = annotations(sampleReport(), () => "");
  assert.match(lines[0], /^::error title=/);
});

Deno.test("renderSummary() has a score table and each failed check's timeline", () => {
  const md = renderSummary(sampleReport());
  assert.match(md, /^## async-lab — grade report — 3\/14$/m);
  assert.match(md, /^\| ❌ 01 Three slow calls \| 3\/10 \| failed \|$/m);
  assert.match(md, /^\| ⚠️ 02 Downloads \| 0\/4 \| error \|$/m);
  assert.match(md, /^\| \*\*Total\*\* \| \*\*3\/14\*\* \| \|$/m);
  assert.match(
    md,
    /```text\n {2}timeline: took 6\.0 s, expected 3\.0 s\n(.*\n){4} {2}.*↑ expected end: 3\.0 s\n {2}```/,
  );
  assert.match(md, /&lt;tags>/, "no raw HTML from messages");
  assert.doesNotMatch(
    md,
    /fetch-durations|title of fetch-durations/,
    "passing checks are not listed",
  );
  assert.match(md, /your file could not be loaded/);
});

Deno.test("renderSummary() in French, and when everything passes", () => {
  const fr = renderSummary(sampleReport("fr"));
  assert.match(fr, /\| Exercice \| Note \| État \|/);
  assert.match(fr, /fin attendue : 3,0 s/);
  const report = sampleReport();
  report.exercises = [report.exercises[0]];
  for (const c of report.exercises[0].checks) c.status = "pass";
  report.exercises[0].status = "pass";
  assert.match(renderSummary(report), /Every check passes\./);
});

Deno.test("reportGithub() writes the summary only when GITHUB_STEP_SUMMARY is set", () => {
  const printed: string[] = [], written: [string, string][] = [];
  const options = {
    print: (t: string) => printed.push(t),
    write: (p: string, t: string) => written.push([p, t]),
    read,
  };
  reportGithub(sampleReport(), { ...options, env: () => undefined });
  assert.equal(written.length, 0);
  assert.equal(printed.length, 1);
  assert.match(printed[0], /^::error /);
  reportGithub(sampleReport(), {
    ...options,
    env: (n) => (n === "GITHUB_STEP_SUMMARY" ? "/s.md" : undefined),
  });
  assert.equal(written.length, 1);
  assert.equal(written[0][0], "/s.md");
  assert.match(written[0][1], /\| \*\*Total\*\*/);
});
