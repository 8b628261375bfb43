/**
 * The sandbox's entry point: one Deno subprocess per exercise runs this.
 *
 * It reads its job (and a random nonce) from stdin before any learner code
 * exists, installs the virtual clock, loads the exercise's checks, hardens
 * the realm, loads the learner's module in virtual time, runs every check,
 * and reports each step as a line `\x1e<nonce> <json>` on stdout. Learner
 * code never sees the nonce, so nothing it prints can pass for a result.
 *
 * @module
 */
import { captureAllConsole, installVirtualClock, type LogLine, runInVirtualTime } from "./clock.ts";
import {
  type CheckResult,
  core,
  describeError,
  type ExerciseChecks,
  runCheck,
  seededRandom,
} from "./check.ts";
import { exitAttempts, freezeIntrinsics, trapExits } from "./_harden.ts";
import type { Lang } from "./i18n/mod.ts";

// Keep real references before anything can replace them.
const realNow = performance.now.bind(performance);
const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const stderrWrite = Deno.stderr.writeSync.bind(Deno.stderr);
const encoder = new TextEncoder();
const encode = encoder.encode.bind(encoder);
const stringify = JSON.stringify;
const exit = Deno.exit;

/** What the parent asks the child to do. */
export interface Job {
  nonce: string;
  /** Absolute file URL of the learner's module. */
  module: string;
  /** URL of the exercise's checks module. */
  checks: string;
  lang: Lang;
  seed: number;
  /** Index of the first check to run (after a sandbox stopped at an earlier one). */
  from: number;
}

/** What the child reports, one frame per line. */
export type Frame =
  | { type: "loaded" }
  | { type: "load-error"; kind: "load" | "exit" | "never-ends"; message: string }
  | { type: "start"; index: number; id: string }
  | { type: "result"; index: number; result: CheckResult }
  | { type: "done"; logs: LogLine[] };

let nonce = "";

function send(frame: Frame): void {
  const bytes = encode(`\n\x1e${nonce} ${stringify(frame)}\n`);
  let offset = 0;
  while (offset < bytes.length) offset += stdoutWrite(bytes.subarray(offset));
}

async function readJob(): Promise<Job> {
  const text = await new Response(Deno.stdin.readable).text();
  return JSON.parse(text) as Job;
}

function deepFreeze(value: unknown): void {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return;
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
}

async function main(): Promise<void> {
  const job = await readJob();
  nonce = job.nonce;
  installVirtualClock();
  const logs: LogLine[] = [];
  captureAllConsole(logs);
  const { default: exercise } = await import(job.checks) as { default: ExerciseChecks };
  deepFreeze(exercise);
  await trapExits();
  // Same seed, same run: even the learner's own Math.random() is seeded.
  Math.random = seededRandom(job.seed);
  freezeIntrinsics();

  // Load the learner's module in virtual time: its top-level code may await timers.
  const idleSince = { at: -1 };
  const load = await runInVirtualTime(() => import(job.module), {
    captureConsole: true,
    onIdle: (turns) => {
      // Module loading is real I/O: give it real time before calling it stuck.
      if (turns === 0) idleSince.at = realNow();
      return realNow() - idleSince.at < 2000;
    },
  });
  logs.push(...load.logs);
  if (exitAttempts.length > 0) {
    send({
      type: "load-error",
      kind: "exit",
      message: core("loadExit", { code: exitAttempts[0] })[job.lang],
    });
    return;
  }
  if (load.status === "error") {
    const error = describeError(load.error);
    send({ type: "load-error", kind: "load", message: core("loadFailed", { error })[job.lang] });
    return;
  }
  if (load.status !== "ok") {
    send({ type: "load-error", kind: "never-ends", message: core("loadNeverEnded")[job.lang] });
    return;
  }
  send({ type: "loaded" });
  const exports = load.value as Record<string, unknown>;
  for (const [index, check] of exercise.checks.entries()) {
    if (index < job.from) continue;
    send({ type: "start", index, id: check.id });
    const exitsBefore = exitAttempts.length;
    let result = await runCheck(check, { lang: job.lang, exports, seed: job.seed });
    if (exitAttempts.length > exitsBefore) {
      result = {
        ...result,
        score: 0,
        status: "fail",
        message: core("checkExit", { code: exitAttempts[exitsBefore] })[job.lang],
      };
    }
    send({ type: "result", index, result });
  }
  send({ type: "done", logs });
}

try {
  await main();
} catch (error) {
  // A fault of the grader itself: say so on stderr, which the parent reads.
  stderrWrite(encode(`async-lab sandbox: ${describeError(error)}\n`));
  exit(3);
}
exit(0);
