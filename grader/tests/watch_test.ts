/**
 * `deno task watch` end to end, as a learner uses it: it grades, the learner
 * saves a fix, it grades again by itself, `q` quits. Keys come through a pipe
 * (the same code path as a terminal, without raw mode).
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { mistakeSource, referenceSolution } from "../tools/fixtures.ts";
import { cleanEnv } from "./_clean_env.ts";

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

function session(extra: string[]) {
  const dir = Deno.makeTempDirSync();
  Deno.writeTextFileSync(`${dir}/01_gather.ts`, mistakeSource("01_gather", "sequential"));
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "--allow-all", root("grader/watch.ts"), "--dir", dir, ...extra],
    env: cleanEnv(),
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  // A guard against a hung watcher, not a timing assertion: wide enough for a
  // very busy machine.
  const guard = setTimeout(() => child.kill("SIGKILL"), 600_000);
  const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
  const writer = child.stdin.getWriter();
  let seen = "";
  /** Reads until the n-th full screen (each ends with the keys line). */
  const screen = async (n: number) => {
    while ((seen.match(/q: quit\n/g) ?? []).length < n) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`watch ended early:\n${seen}`);
      seen += value;
    }
    return seen.split("async-lab — watch mode").at(-1)!;
  };
  return { dir, child, guard, reader, writer, screen, all: () => seen };
}

for (const [name, extra] of [["file events", []], ["polling", ["--poll"]]] as const) {
  Deno.test(`watch: grades, grades again when a file is saved (${name}), re-runs on r, quits on q`, async () => {
    const s = session([...extra]);
    try {
      const first = await s.screen(1);
      assert.match(first, /\] 0\/\d exercises passed/);
      assert.match(first, /✗ runConcurrent takes the longest wait/);
      assert.match(first, /orders started at 2\.0 s, not at 0\.0 s/);
      // The learner fixes the file and saves it.
      Deno.copyFileSync(referenceSolution("01_gather"), `${s.dir}/01_gather.ts`);
      const second = await s.screen(2);
      assert.match(second, /\] 1\/\d exercises passed/);
      assert.match(second, /✓ 01 Three slow calls/);
      // r then Enter: one more grading.
      await s.writer.write(new TextEncoder().encode("r\n"));
      const third = await s.screen(3);
      assert.match(third, /\] 1\/\d exercises passed/);
      await s.writer.write(new TextEncoder().encode("q"));
      let rest = "";
      for (;;) {
        const { value, done } = await s.reader.read();
        if (done) break;
        rest += value;
      }
      assert.match(rest, /Stopped watching\./);
      assert.equal((s.all().match(/q: quit\n/g) ?? []).length, 3, "r and Enter graded once");
      const status = await s.child.status;
      assert.equal(status.code, 0);
    } finally {
      clearTimeout(s.guard);
      await s.writer.close().catch(() => {});
      try {
        s.child.kill("SIGKILL");
      } catch { /* ended */ }
      await s.child.status;
      Deno.removeSync(s.dir, { recursive: true });
    }
  });
}
