/**
 * Runs one lesson's `main()` in virtual time and prints the outcome as one
 * JSON line (private helper of the lesson tests).
 *
 * Usage: `deno run --allow-read lessons/_virtual.ts lessons/05_chaining.ts ['{"option":1}']`.
 * The optional second argument is JSON handed to `main()`.
 *
 * @module
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

// Keep a real timer before the clock fakes them: waiting for real work (a
// Worker) when no virtual timer is left needs one.
const realSetTimeout = globalThis.setTimeout;
const { installVirtualClock, runInVirtualTime } = await import("../grader/clock.ts");
installVirtualClock();

/** One line of this runner's output. */
export interface VirtualReport {
  status: string;
  value: unknown;
  elapsedMs: number;
  pendingTimers: number;
  error: string | null;
  unhandled: string[];
  logs: { at: number; level: string; text: string }[];
}

const [path, optionsJson] = Deno.args;
if (path === undefined) {
  console.error("usage: deno run --allow-read lessons/_virtual.ts LESSON_FILE [OPTIONS_JSON]");
  Deno.exit(2);
}
const lessonUrl = pathToFileURL(resolve(path)).href;
let mod: { main: (...args: unknown[]) => unknown };
try {
  mod = await import(lessonUrl);
} catch (error) {
  // The clock swallows unhandled rejections: report the failure ourselves.
  console.error(`Cannot load ${path}: ${(error as Error)?.stack ?? error}`);
  Deno.exit(1);
}
// A lesson needs no permission: give up reading before it runs.
await Deno.permissions.revoke({ name: "read" });
const args = optionsJson === undefined ? [] : [JSON.parse(optionsJson)];
const run = await runInVirtualTime(() => mod.main(...args), {
  captureConsole: true,
  // Real work (a Worker) may still be under way: look again for up to ~2 s of real time.
  onIdle: (turns) => turns < 400 && new Promise<boolean>((r) => realSetTimeout(() => r(true), 5)),
});
const report: VirtualReport = {
  status: run.status,
  value: run.value ?? null,
  elapsedMs: run.elapsedMs,
  pendingTimers: run.pendingTimers,
  error: run.error === undefined ? null : String((run.error as Error)?.stack ?? run.error),
  unhandled: run.unhandled.map(String),
  logs: run.logs.map(({ at, level, text }) => ({ at, level, text })),
};
console.log(JSON.stringify(report));
// A lesson must not leave work behind; exit anyway so a leak shows as pendingTimers, not a hang.
Deno.exit(0);
