/**
 * Runs a lesson in virtual time and records what each task did: its waits
 * (timers, from the instant they were set to the instant they fired or were
 * cleared) and its printed lines, each in the lane named by {@linkcode lane}
 * (`_lanes.ts`), or in the main lane.
 *
 * Imports only relative modules and full `npm:` specifiers, so it works when
 * the lessons are run from a URL with no `deno.json`.
 *
 * @module
 */
import FakeTimers from "npm:@sinonjs/fake-timers@15.5.0";
import { currentLane } from "./_lanes.ts";

/** One lane of the drawing: a task's waits and the instants it printed at. */
export interface LaneRecord {
  /** The task's name, or `null` for code that runs outside any named task. */
  name: string | null;
  /**
   * Its waits, in virtual milliseconds: from `start` to `end`, when the timer
   * fired (whole milliseconds) or was cleared; `asked` is the delay the code
   * asked for, fractions included (what the lesson adds up itself).
   */
  waits: { start: number; end: number; asked: number }[];
  /** The virtual milliseconds at which it printed a line. */
  prints: number[];
}

/** A printed line, with its instant and lane. */
export interface PrintedLine {
  at: number;
  lane: string | null;
  text: string;
}

/** What a lesson did in virtual time. */
export interface VirtualRun {
  /** The lesson's `main()` value. */
  value: unknown;
  /** Virtual milliseconds from start to the end of `main()`. */
  totalMs: number;
  /** Every wait of every lane added up: how long one task after another would take. */
  waitSumMs: number;
  /** Lanes in the order they first did something. */
  lanes: LaneRecord[];
  /** Every printed line (ANSI colours removed). */
  lines: PrintedLine[];
}

/** Removes ANSI colour codes. */
export function stripAnsi(text: string): string {
  // deno-lint-ignore no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** Every wait of `lanes` added up, as asked for (fractions of milliseconds included). */
export function sumOfWaits(lanes: readonly LaneRecord[]): number {
  return lanes.reduce((sum, l) => sum + l.waits.reduce((s, w) => s + w.asked, 0), 0);
}

/** The longest a lesson may run in virtual time before it is stopped (a forgotten timer). */
const HORIZON_MS = 3_600_000;

/**
 * Runs `main` in virtual time, once per process: the fake clock stays
 * installed afterwards. Output still reaches the console, instantly.
 *
 * @param main The lesson's `main`, already bound to its options.
 * @param print Where printed lines go (default: the real `console.log`).
 */
export async function runVirtual(
  main: () => unknown,
  print: (text: string) => void = console.log.bind(console),
): Promise<VirtualRun> {
  const realSetTimeout = globalThis.setTimeout;
  const clock = FakeTimers.withGlobal(globalThis).install({
    now: 0,
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date", "performance"],
    loopLimit: 1_000_000,
  });
  const lanes = new Map<string | null, LaneRecord>();
  const laneOf = (): LaneRecord => {
    const name = currentLane.getStore() ?? null;
    let record = lanes.get(name);
    if (record === undefined) lanes.set(name, record = { name, waits: [], prints: [] });
    return record;
  };
  const lines: PrintedLine[] = [];
  const wait = new Map<unknown, { start: number; end: number; asked: number }>();
  // deno-lint-ignore no-explicit-any
  const g = globalThis as any;
  const [fakeSet, fakeClear, fakeSetInterval, fakeClearInterval] = [
    g.setTimeout,
    g.clearTimeout,
    g.setInterval,
    g.clearInterval,
  ];
  const record = (id: unknown, ms: unknown, repeat: boolean) => {
    const start = clock.now;
    // Timers count whole milliseconds, as the fake clock (and the real one) fire them.
    const asked = Math.max(0, Number(ms) || 0);
    const span = { start, end: start + Math.trunc(asked), asked };
    if (span.end > span.start && !repeat) laneOf().waits.push(span);
    wait.set(Number(id), span);
    return id;
  };
  g.setTimeout = (fn: () => void, ms?: number, ...args: unknown[]) =>
    record(fakeSet(fn, ms, ...args), ms, false);
  g.setInterval = (fn: () => void, ms?: number, ...args: unknown[]) =>
    record(fakeSetInterval(fn, ms, ...args), ms, true);
  const cut = (id: unknown) => {
    const span = wait.get(Number(id));
    if (span !== undefined && span.end > clock.now) {
      span.end = clock.now;
      span.asked = span.end - span.start;
    }
  };
  g.clearTimeout = (id: unknown) => (cut(id), fakeClear(id as number));
  g.clearInterval = (id: unknown) => fakeClearInterval(id as number);
  const realLog = console.log;
  console.log = (...args: unknown[]) => {
    const text = args.map((a) => typeof a === "string" ? a : Deno.inspect(a)).join(" ");
    lines.push({ at: clock.now, lane: currentLane.getStore() ?? null, text: stripAnsi(text) });
    laneOf().prints.push(clock.now);
    print(text);
  };
  const state: { done: boolean; value?: unknown; error?: unknown } = { done: false };
  try {
    Promise.resolve().then(main).then(
      (value) => Object.assign(state, { done: true, value }),
      (error) => Object.assign(state, { done: true, error: error ?? new Error(String(error)) }),
    );
    let idle = 0;
    while (true) {
      await clock.tickAsync(0);
      if (state.done) break;
      if (clock.countTimers() === 0) {
        // Real work (a Worker, a real server) may still be under way: look again a little later.
        if (idle++ > 2000) throw new Error("the lesson stopped waiting for anything");
        await new Promise((resolve) => realSetTimeout(resolve, 1));
        continue;
      }
      idle = 0;
      if (clock.now > HORIZON_MS) throw new Error("the lesson was still waiting after an hour");
      await clock.nextAsync();
    }
  } finally {
    console.log = realLog;
  }
  if (state.error !== undefined) throw state.error;
  const totalMs = clock.now;
  // Timers still set when main() ended (none in a tidy lesson) stop at the end.
  const all = [...lanes.values()];
  for (const l of all) for (const w of l.waits) w.end = Math.min(w.end, totalMs);
  const waitSumMs = sumOfWaits(all);
  clock.reset();
  return { value: state.value, totalMs, waitSumMs, lanes: all, lines };
}
