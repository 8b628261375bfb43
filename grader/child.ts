/**
 * The sandbox's entry point: a Deno subprocess runs this for one exercise,
 * or for several exercises of one submission one after another.
 *
 * It reads from stdin the checks to load, installs the virtual clock, loads
 * them and hardens the realm; then it reads its job (and a random nonce) —
 * all before any learner code exists — and for each exercise loads the
 * learner's module in virtual time, runs every check, and reports each step
 * as a line
 * `\x1e<nonce> <json>` on stdout. Learner code never sees the nonce, so
 * nothing it prints can pass for a result. Between two exercises, the realm
 * must be as hardening left it (`_realm.ts`), or the sandbox stops there.
 *
 * @module
 */
import {
  captureAllConsole,
  flushOutput,
  installVirtualClock,
  type LogLine,
  nodeTimersOnTheClock,
  resetConsole,
  runInVirtualTime,
} from "./clock.ts";
import {
  type Check,
  type CheckResult,
  checkResult,
  core,
  describeError,
  type ExerciseChecks,
  runCheck,
  seededRandom,
} from "./check.ts";
import {
  closeIntrospection,
  exitAttempts,
  freezeIntrinsics,
  hideGraderSigns,
  lockedGlobalIn,
  lockGlobals,
  trapExits,
} from "./_harden.ts";
import type { Lang } from "./i18n/mod.ts";
import { learnerRandom, standInForRandom } from "./toolkit.ts";
import { realmWatch } from "./_realm.ts";
import { MAX_UNTRUSTED } from "./_untrusted.ts";
import {
  type ExerciseJob,
  type Frame,
  frameMarker,
  type Job,
  OUTPUT_CLOSED,
  type Preload,
} from "./_protocol.ts";

// Keep real references before anything can replace them.
const realNow = performance.now.bind(performance);
/** Idle turns of the event loop, at least, before a module's load is called stuck. */
const IDLE_TURNS_AT_LOAD = 200;
const stdoutWrite = Deno.stdout.writeSync.bind(Deno.stdout);
const stderrWrite = Deno.stderr.writeSync.bind(Deno.stderr);
const encoder = new TextEncoder();
const encode = encoder.encode.bind(encoder);
const stringify = JSON.stringify;
const exit = Deno.exit;
// What `send` does to its bytes, taken now: learner code could redefine a
// typed array's `subarray` or `length` to read the nonce off a frame, or to
// rewrite "fail" into "pass" on its way out.
const apply = Reflect.apply;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const subarray = typedArrayProto.subarray as (this: Uint8Array, start: number) => Uint8Array;
const byteCount = Object.getOwnPropertyDescriptor(typedArrayProto, "length")!.get!;

/**
 * Puts V8's legacy RegExp statics (`RegExp.$1`, `RegExp.input`,
 * `RegExp.lastMatch`…) in one state before a module loads: they hold the
 * last match anyone made — the last exercise's code, or a check reading its
 * output — which the next exercise would otherwise read, in a shared sandbox.
 */
const regExpExec = RegExp.prototype.exec;
const forgetLastMatch = () => apply(regExpExec, /(?:)/, [""]);

let nonce = "";
/** Printed lines sent back to the grader at most (they only feed `--verbose`). */
const MAX_REPORTED_LINES = 200;

function send(frame: Frame): void {
  const bytes = encode(`\n${frameMarker(nonce)}${stringify(frame)}\n`);
  const total = apply(byteCount, bytes, []) as number;
  let offset = 0;
  try {
    while (offset < total) offset += stdoutWrite(apply(subarray, bytes, [offset]));
  } catch {
    // Learner code closed stdout (Deno.stdout.close(), fs.closeSync(1)…):
    // nothing more can be reported; the parent reads this exit code.
    exit(OUTPUT_CLOSED);
  }
}

// Stdin as hardening finds it: the job is read after the realm is hardened.
const stdinRead = Deno.stdin.read.bind(Deno.stdin);
const decoder = new TextDecoder();
const decode = decoder.decode.bind(decoder);
const parse = JSON.parse;
/** What was read of stdin past the last line taken. */
let pending = "";

/**
 * The next line of stdin, parsed as JSON (the end of the input ends the
 * line). A plain read loop: `new Response(Deno.stdin.readable)` would first
 * load the web streams machinery, ~4 ms of every sandbox's start-up.
 */
async function readLine<T>(): Promise<T> {
  const buffer = new Uint8Array(1 << 16);
  while (!pending.includes("\n")) {
    const n = await stdinRead(buffer);
    if (n === null) break;
    pending += decode(buffer.subarray(0, n), { stream: true });
  }
  const end = pending.indexOf("\n");
  const line = end < 0 ? pending : pending.slice(0, end);
  pending = end < 0 ? "" : pending.slice(end + 1);
  return parse(line) as T;
}

function deepFreeze(value: unknown): void {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return;
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
}

const ANSI = new RegExp(String.raw`\x1b\[[0-9;]*m`, "g");

/** Why the learner's module could not be loaded, in the learner's words. */
function loadFailure(
  error: unknown,
  module: string,
  lang: Lang,
): { kind: "load" | "syntax"; message: string } {
  const file = decodeURIComponent(module.slice(module.lastIndexOf("/") + 1));
  const text = String((error as { message?: unknown })?.message ?? "")
    .replace(ANSI, "")
    .replaceAll(module, file);
  // Deno reports a parse error as a TypeError whose message starts with "SyntaxError:".
  if (error instanceof Error && /^SyntaxError: /.test(text) && error.name !== "SyntaxError") {
    const detail = text.replace(/^SyntaxError: /, "").split("\n").slice(0, 6).join("\n");
    return { kind: "syntax", message: core("syntaxError", { file, error: detail })[lang] };
  }
  const refused = (error as { name?: unknown })?.name === "ModuleRefused"
    ? /node:([\w/]+)/.exec(String((error as { message?: unknown }).message))?.[1]
    : undefined;
  if (refused !== undefined) {
    return { kind: "load", message: core("moduleRefused", { name: refused })[lang] };
  }
  const name = lockedGlobalIn(error);
  if (name !== null) return { kind: "load", message: core("lockedGlobal", { name })[lang] };
  const described = describeError(error).replace(ANSI, "").replaceAll(module, file);
  return { kind: "load", message: core("loadFailed", { error: described })[lang] };
}

/**
 * A result made of plain, short values only: its texts and timeline cut just
 * past what the report keeps (a message quoting a 50 MB learner value would
 * otherwise make a 50 MB frame), and no learner object left in it (the live
 * bundle exports CheckFailure: a failure thrown by learner code may carry
 * millions of spans, or values whose toJSON throws). `null` if a text is not
 * even a string.
 */
function clipped(result: CheckResult): CheckResult | null {
  const texts = [result.message, result.hint, result.expected, result.actual];
  if (texts.some((text) => text !== null && typeof text !== "string")) return null;
  const cut = (text: string | null) =>
    text !== null && text.length > MAX_UNTRUSTED ? text.slice(0, MAX_UNTRUSTED + 1) : text;
  const num = (n: unknown) => (typeof n === "number" ? n : null);
  return {
    ...result,
    message: cut(result.message),
    hint: cut(result.hint),
    expected: cut(result.expected),
    actual: cut(result.actual),
    timeline: result.timeline.slice(0, MAX_SPANS).map((span) => ({
      label: typeof span.label === "string" ? span.label.slice(0, 100) : "?",
      start: num(span.start) ?? 0,
      end: num(span.end),
      outcome: OUTCOMES.includes(span.outcome) ? span.outcome : "pending",
    })),
    tookMs: num(result.tookMs),
    expectedMs: num(result.expectedMs),
    todo: result.todo === true,
  };
}

const OUTCOMES: readonly unknown[] = ["ok", "timeout", "aborted", "error", "pending"];

/** Spans of a timeline kept per result. */
const MAX_SPANS = 200;

/** A failed check whose error could not even be described. */
function unreadable(check: Check, lang: Lang): CheckResult {
  return checkResult(check, lang, {
    status: "fail",
    message: core("unreadable", { name: check.id })[lang],
  });
}

/** Runs one exercise of the job: loads the learner's module, runs its checks, reports each step. */
async function runExercise(
  job: Job,
  exercise: ExerciseJob,
  spec: ExerciseChecks,
  logs: LogLine[],
): Promise<void> {
  // Load the learner's module in virtual time: its top-level code may await timers.
  const idleSince = { at: -1 };
  const exitsAtLoad = exitAttempts.length;
  const load = await runInVirtualTime(() => {
    forgetLastMatch();
    return import(exercise.module);
  }, {
    captureConsole: true,
    onIdle: (turns) => {
      // Module loading is real I/O: give it real time before calling it stuck,
      // and as many turns of the event loop, which a busy machine slows down
      // as much as the I/O (real time alone would call a slow load stuck).
      if (turns === 0) idleSince.at = realNow();
      return realNow() - idleSince.at < 2000 || turns < IDLE_TURNS_AT_LOAD;
    },
  });
  logs.push(...load.logs);
  if (exitAttempts.length > exitsAtLoad) {
    send({
      type: "load-error",
      kind: "exit",
      message: core("loadExit", { code: exitAttempts[exitsAtLoad] })[job.lang],
    });
    return;
  }
  if (load.status === "error") {
    let failure: ReturnType<typeof loadFailure>;
    try {
      failure = loadFailure(load.error, exercise.module, job.lang);
    } catch {
      failure = { kind: "load", message: core("unreadable", { name: "import()" })[job.lang] };
    }
    send({ type: "load-error", ...failure });
    return;
  }
  if (load.status !== "ok") {
    send({ type: "load-error", kind: "never-ends", message: core("loadNeverEnded")[job.lang] });
    return;
  }
  send({ type: "loaded" });
  const exports = load.value as Record<string, unknown>;
  for (const [index, check] of spec.checks.entries()) {
    if (index < exercise.from) continue;
    send({ type: "start", index, id: check.id });
    const exitsBefore = exitAttempts.length;
    let result: CheckResult;
    try {
      result = await runCheck(check, {
        lang: job.lang,
        exports,
        seed: job.seed,
        // What the learner's code printed during the checks, for `--verbose` (capped).
        onLogs: (lines) => {
          if (logs.length < MAX_REPORTED_LINES) {
            logs.push(...lines.slice(0, MAX_REPORTED_LINES - logs.length));
          }
        },
      });
    } catch {
      // The check's own error handling choked on a learner value (a getter,
      // a Proxy or a toString that throws): the check fails, the rest run.
      result = unreadable(check, job.lang);
    }
    if (exitAttempts.length > exitsBefore) {
      result = {
        ...result,
        score: 0,
        status: "fail",
        message: core("checkExit", { code: exitAttempts[exitsBefore] })[job.lang],
      };
    }
    let safe: CheckResult | null = null;
    try {
      safe = clipped(result);
    } catch { /* a getter in what learner code threw */ }
    send({ type: "result", index, result: safe ?? unreadable(check, job.lang) });
  }
  // A line printed outside the checks without its newline still counts.
  flushOutput(logs);
  send({ type: "done", logs });
}

/**
 * The built-in prototypes no global leads to (the fingerprint reaches only
 * the globals and their prototypes): what one exercise adds to or replaces
 * in them (an async generator's `next`, a Map iterator's) every generator
 * or iterator of the next exercise would inherit.
 */
function hiddenIntrinsics(): object[] {
  const protoOf = Object.getPrototypeOf;
  const generator = protoOf(function* () {});
  const asyncGenerator = protoOf(async function* () {});
  return [
    generator,
    generator.prototype,
    asyncGenerator,
    asyncGenerator.prototype,
    protoOf(async function () {}),
    protoOf(new Map().entries()),
    protoOf(new Set().values()),
    protoOf(""[Symbol.iterator]()),
    protoOf(/./[Symbol.matchAll]("")),
    protoOf([].values().map((x) => x)),
  ];
}

async function main(): Promise<void> {
  const preload = await readLine<Preload>();
  installVirtualClock();
  // What Node's timer modules hold that the fake timers leave alone waits on the clock too.
  const timers = await import("node:timers/promises");
  const nodeTimers = (await import("node:timers")).default;
  nodeTimersOnTheClock(nodeTimers, timers.default);
  // Every exercise's checks load before the realm is hardened (and before any learner code).
  // One that fails to load fails only the exercises that need it.
  const specs = new Map<string, ExerciseChecks>();
  const failed = new Map<string, unknown>();
  for (const url of preload.checks) {
    try {
      const { default: spec } = await import(url) as { default: ExerciseChecks };
      deepFreeze(spec);
      specs.set(url, spec);
    } catch (error) {
      failed.set(url, error);
    }
  }
  await trapExits();
  await closeIntrospection();
  // Named after each exercise's module once the job says which.
  const nameModule = await hideGraderSigns("");
  // Same seed, same run: even the learner's own Math.random() is seeded (a
  // check may stand in for it: see standInForRandom in toolkit.ts), afresh
  // for each exercise.
  let seeded = seededRandom(0);
  Math.random = learnerRandom(() => seeded());
  freezeIntrinsics();
  lockGlobals();
  // An exception or rejection nobody handles outside a run (a microtask left
  // over from a check) must not end the sandbox: inside a run, the clock
  // reports it against the check.
  addEventListener("error", (event) => event.preventDefault());
  addEventListener("unhandledrejection", (event) => event.preventDefault());
  // The realm as hardening left it, for every job (the same steps whether
  // one exercise runs or several): what one exercise changes there, the
  // next one must not see.
  const { default: process } = await import("node:process");
  const util = await import("node:util");
  const { inspect } = util;
  // The objects the shareable Node modules export, which an importer may change.
  const unchanged = realmWatch(process, [
    Deno.stdout,
    Deno.stderr,
    // process's methods (`on`, `emit`…) live on its prototypes, which no global leads to.
    Object.getPrototypeOf(process),
    Object.getPrototypeOf(Object.getPrototypeOf(process)),
    inspect,
    inspect.defaultOptions,
    util.default,
    timers.default,
    timers.scheduler,
    Object.getPrototypeOf(timers.scheduler),
    nodeTimers.promises,
    ...hiddenIntrinsics(),
  ]);

  // The job comes once the submission is ready (a sandbox may be started
  // before: see _early.ts); only now can learner code exist.
  const job = await readLine<Job>();
  nonce = job.nonce;
  // To the end of the input, as the parent closes it: learner code that
  // reads stdin finds it ended, not waiting.
  for (
    const buffer = new Uint8Array(256);
    (await stdinRead(buffer)) !== null;
  ) { /* nothing else comes */ }
  for (const [index, exercise] of job.exercises.entries()) {
    const spec = specs.get(exercise.checks);
    if (spec === undefined) {
      throw failed.get(exercise.checks) ?? new Error(`checks not loaded: ${exercise.checks}`);
    }
    if (index > 0) {
      // If the last exercise's code changed anything the next one could see,
      // this sandbox stops: the parent runs the exercises left in a fresh one.
      if (unchanged() !== null) return;
      standInForRandom(null);
      resetConsole();
    }
    seeded = seededRandom(job.seed);
    nameModule(exercise.module);
    send({ type: "exercise", index });
    const logs: LogLine[] = [];
    captureAllConsole(logs);
    await runExercise(job, exercise, spec, logs);
  }
}

try {
  await main();
} catch (error) {
  // A fault of the grader itself: say so on stderr, which the parent reads.
  let why = "(unreadable error)";
  try {
    why = describeError(error);
  } catch { /* a hostile value: keep the placeholder */ }
  try {
    stderrWrite(encode(`async-lab sandbox: ${why}\n`));
  } catch { /* stderr closed by learner code */ }
  exit(3);
}
exit(0);
