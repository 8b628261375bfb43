/**
 * Test helpers: run a lesson in a subprocess, in virtual time (through
 * `_virtual.ts`) or in real time, and read its output.
 *
 * @module
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import type { VirtualReport } from "./_virtual.ts";

/** The repository root (the lessons' parent folder). */
export const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** One printed line, stamped with the virtual millisecond it was printed at. */
export interface Line {
  at: number;
  text: string;
}

/** A lesson's run in virtual time, its output split into lines. */
export interface VirtualResult extends VirtualReport {
  lines: Line[];
  texts: string[];
}

/** Removes ANSI colour codes. */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/**
 * Runs `lessons/<file>`'s `main(options)` in virtual time in a subprocess.
 *
 * @param file The lesson's file name, e.g. `05_chaining.ts`.
 * @param options JSON handed to `main()`.
 * @returns The runner's report, with every printed line.
 */
export async function runVirtual(file: string, options?: unknown): Promise<VirtualResult> {
  const args = ["run", "--quiet", "--allow-read", "lessons/_virtual.ts", `lessons/${file}`];
  if (options !== undefined) args.push(JSON.stringify(options));
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    // English unless a test asks otherwise: the lessons follow the locale.
    env: { NO_COLOR: "1", LC_ALL: "en_US.UTF-8" },
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(KILL_AFTER_MS),
  }).output();
  const out = new TextDecoder().decode(stdout).trim();
  assert.equal(code, 0, `the runner failed:\n${new TextDecoder().decode(stderr)}\n${out}`);
  const report = JSON.parse(out.split("\n").at(-1)!) as VirtualReport;
  const lines = report.logs.flatMap(({ at, text }) =>
    stripAnsi(text).split("\n").map((t) => ({ at, text: t }))
  );
  return { ...report, lines, texts: lines.map((l) => l.text) };
}

/** Real seconds after which a subprocess is killed: a lesson left running fails its test. */
const KILL_AFTER_MS = 90_000;

/** Runs `deno <args>` from the repository root in real time; returns code and output. */
export async function runReal(
  args: string[],
  options: { cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: options.cwd ?? ROOT,
    // English unless a test asks otherwise: the lessons follow the locale.
    env: { NO_COLOR: "1", LC_ALL: "en_US.UTF-8" },
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(KILL_AFTER_MS),
  }).output();
  const decode = (bytes: Uint8Array) => stripAnsi(new TextDecoder().decode(bytes));
  return { code, stdout: decode(stdout), stderr: decode(stderr) };
}

/**
 * Asserts that `lines` contain lines including each of `parts`, in this order.
 *
 * @returns The matching lines, one per part.
 */
export function assertInOrder<T extends { text: string } | string>(
  lines: T[],
  parts: string[],
): T[] {
  const found: T[] = [];
  let from = 0;
  for (const part of parts) {
    const text = (l: T) => (typeof l === "string" ? l : l.text);
    const index = lines.findIndex((l, i) => i >= from && text(l).includes(part));
    assert.ok(
      index >= 0,
      `expected a line with "${part}" after line ${from}, in:\n${lines.map(text).join("\n")}`,
    );
    found.push(lines[index]);
    from = index + 1;
  }
  return found;
}

/** Asserts a clean virtual run: settled, no timer left, nothing unhandled. */
export function assertClean(run: VirtualResult): void {
  assert.equal(run.status, "ok", `status ${run.status}: ${run.error}`);
  assert.equal(run.pendingTimers, 0, "the lesson left timers running");
  assert.deepEqual(run.unhandled, []);
}
