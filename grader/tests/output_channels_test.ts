/**
 * Output through every channel: a correct solution that prints with
 * `Deno.stdout.writeSync`, `Deno.stdout.write` or `process.stdout.write`
 * (and their stderr twins) instead of `console` gets the verdicts the
 * reference solution gets, graded in the real sandbox (whose output is a
 * pipe, as always when it grades).
 */
import assert from "node:assert/strict";
import { grade } from "../grade.ts";
import { solutionFiles, stage } from "../tools/fixtures.ts";

/** Helpers printing like `console.log` / `console.error`, through one channel. */
const CHANNELS: Record<string, string> = {
  "Deno.stdout.writeSync": `
const __text = (a: unknown[]) => a.map((x) => typeof x === "string" ? x : Deno.inspect(x)).join(" ") + "\\n";
const __out = (...a: unknown[]) => { Deno.stdout.writeSync(new TextEncoder().encode(__text(a))); };
const __err = (...a: unknown[]) => { Deno.stderr.writeSync(new TextEncoder().encode(__text(a))); };
`,
  "Deno.stdout.write": `
const __text = (a: unknown[]) => a.map((x) => typeof x === "string" ? x : Deno.inspect(x)).join(" ") + "\\n";
const __out = (...a: unknown[]) => { void Deno.stdout.write(new TextEncoder().encode(__text(a))); };
const __err = (...a: unknown[]) => { void Deno.stderr.write(new TextEncoder().encode(__text(a))); };
`,
  "process.stdout.write": `
import __process from "node:process";
const __text = (a: unknown[]) => a.map((x) => typeof x === "string" ? x : Deno.inspect(x)).join(" ") + "\\n";
const __out = (...a: unknown[]) => { __process.stdout.write(__text(a)); };
const __err = (...a: unknown[]) => { __process.stderr.write(__text(a)); };
`,
};

/** The reference solutions with every console call printing through `channel` instead. */
function rewritten(channel: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(solutionFiles()).map(([file, text]) => [
      file,
      CHANNELS[channel] +
      text.replace(/\bconsole\.(log|info)\b/g, "__out").replace(
        /\bconsole\.(error|warn)\b/g,
        "__err",
      ),
    ]),
  );
}

const verdicts = (report: Awaited<ReturnType<typeof grade>>) =>
  report.exercises.flatMap((e) => [
    `${e.id}: ${e.error ?? "loaded"}`,
    ...e.checks.map((c) => `${e.id}/${c.id}: ${c.status} ${c.score}`),
  ]);

Deno.test("a solution printing through any channel gets the reference's verdicts", async () => {
  using reference = stage(solutionFiles(), "async-lab-channels-");
  const expected = await grade({ dir: reference.dir, seed: 7 });
  assert.ok(
    Object.values(solutionFiles()).some((text) => /\bconsole\.(log|info)\b/.test(text)),
    "the reference solutions print with console.log",
  );
  for (const channel of Object.keys(CHANNELS)) {
    using staged = stage(rewritten(channel), "async-lab-channels-");
    const report = await grade({ dir: staged.dir, seed: 7 });
    assert.deepEqual(verdicts(report), verdicts(expected), channel);
  }
});
