import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import {
  classroomProblems,
  classroomResult,
  encodeClassroom,
  ENCODED_CAP,
  reportClassroom,
} from "./classroom.ts";
import { sampleCheck, sampleReport } from "./_sample.ts";

const decode = (line: string) =>
  JSON.parse(Buffer.from(line.replace(/^result=/, "").trim(), "base64").toString("utf8"));

Deno.test("classroomResult() follows the grading reporter's rules", () => {
  const report = sampleReport();
  const result = classroomResult(report);
  assert.deepEqual(classroomProblems(result, report.score), []);
  assert.equal(result.max_score, 14);
  assert.equal(result.status, "fail");
  assert.equal(result.tests.length, 5);
  assert.deepEqual(result.tests.map((t) => t.score), [3, 0, 0, 0, 0]);
  const failed = result.tests[1];
  assert.equal(failed.name, "01 › runConcurrent takes the longest wait (3.0 s), not the sum");
  assert.equal(failed.filename, "exercises/01_gather.ts");
  assert.match(failed.test_code, /^took 6\.0 s/);
  assert.match(failed.test_code, /\norders +█+\n/);
  assert.match(failed.test_code, /hint: start all three/);
  assert.equal(result.tests[0].test_code, "", "a passing check prints nothing more");
});

Deno.test("classroomProblems() catches a string score and a wrong sum", () => {
  const result = classroomResult(sampleReport());
  (result.tests[0] as { score: unknown }).score = "3";
  result.tests[1].test_code = "";
  assert.deepEqual(classroomProblems(result, 3), [
    "01 › title of fetch-durations: score",
    "01 › runConcurrent takes the longest wait (3.0 s), not the sum: the failure text is not in test_code",
    "scores add up to 030000, the grader says 3",
    "scores add up to more than max_score",
  ]);
});

Deno.test("classroomResult() says pass only at full marks, error when nothing could run", () => {
  const report = sampleReport();
  report.exercises = [report.exercises[0]];
  for (const c of report.exercises[0].checks) Object.assign(c, { status: "pass", score: c.points });
  report.exercises[0].status = "pass";
  report.score = report.maxScore = 10;
  assert.equal(classroomResult(report).status, "pass");
  const broken = sampleReport();
  broken.exercises = [broken.exercises[1]];
  assert.equal(classroomResult(broken).status, "error");
});

Deno.test("encodeClassroom() is base64 of compact UTF-8 JSON", () => {
  const report = sampleReport("fr");
  const encoded = encodeClassroom(report);
  assert.match(encoded, /^[A-Za-z0-9+/]+=*$/);
  const decoded = decode(encoded);
  assert.deepEqual(decoded, classroomResult(report));
  assert.match(decoded.tests[1].test_code, /fin attendue : 3,0 s/);
  assert.equal(Buffer.from(encoded, "base64").toString("utf8"), JSON.stringify(decoded));
});

Deno.test("encodeClassroom() stays under the environment's size limit", () => {
  const report = sampleReport();
  const long = "x".repeat(5000);
  report.exercises[0].checks = Array.from(
    { length: 100 },
    (_, i) =>
      sampleCheck({
        id: `c${i}`,
        message: `${i} ${long}`,
        hint: long,
        timeline: report.exercises[0].checks[1].timeline,
      }),
  );
  const encoded = encodeClassroom(report);
  assert.ok(encoded.length <= ENCODED_CAP, `${encoded.length} bytes`);
  const decoded = decode(encoded);
  assert.equal(decoded.tests.length, 102);
  assert.deepEqual(classroomProblems(decoded, 0), []);
});

Deno.test("reportClassroom() appends result=… to GITHUB_OUTPUT", () => {
  const written: [string, string][] = [], printed: string[] = [], warned: string[] = [];
  const options = {
    print: (t: string) => printed.push(t),
    write: (p: string, t: string) => written.push([p, t]),
    warn: (t: string) => warned.push(t),
  };
  reportClassroom(sampleReport(), {
    ...options,
    env: (n) => (n === "GITHUB_OUTPUT" ? "/out" : undefined),
  });
  assert.equal(written.length, 1);
  assert.equal(written[0][0], "/out");
  assert.match(written[0][1], /^result=[A-Za-z0-9+/]+=*\n$/);
  assert.equal(decode(written[0][1]).max_score, 14);
  assert.deepEqual(printed, []);
  reportClassroom(sampleReport(), { ...options, env: () => undefined });
  assert.equal(printed.length, 1);
  assert.match(printed[0], /^result=/);
  assert.match(warned[0], /GITHUB_OUTPUT is not set/);
});
