/**
 * Checks of exercise 2 (`02_downloads.ts`): five downloads reported as each
 * one finishes, and the learner's own `asCompleted`.
 *
 * Durations come from the seed at millisecond resolution (off any 100 ms
 * grid, all different), so a hard-coded order or total, or code that is right
 * only on a grid, cannot pass. Each check watches one behaviour, so that one
 * mistake fails one check: order and timing of `asCompleted` are checked
 * apart (timing with inputs already in settlement order, order with shuffled
 * inputs), and the `downloadAll` and `main()` checks name the checks whose
 * failure explains theirs (`dependsOn`).
 *
 * The test's own input promises are handled (`.catch`) before they reach the
 * learner's code: an unhandled rejection seen during a run is always one of
 * the promises the learner's code made.
 *
 * @module
 */
import {
  type CheckContext,
  core,
  defineChecks,
  describeError,
  type FailMark,
  isTodo,
} from "../../check.ts";
import { type LogLine, now } from "../../clock.ts";
import type { LocalText } from "../../i18n/mod.ts";
import type { Probe } from "../../probe.ts";
import { EPS, near, sameData, show, showData, wait } from "../../toolkit.ts";
import { msg } from "./messages.ts";

interface Download {
  name: string;
  seconds: number;
}
type AsCompleted = <T>(promises: Iterable<Promise<T>>) => unknown;
type DownloadAll = (files: Download[], options?: {
  download?: (file: Download) => Promise<Download>;
  onDone?: (file: Download, seconds: number) => void;
}) => Promise<{ seconds: number; slowest: string }>;

/** Tolerance on seconds the learner's code returns, in ms: rounding them to a tenth is fine. */
const ROUNDED = 51;

const AS_COMPLETED = ["yields-in-settlement-order", "yields-at-settle-instant"] as const;

/**
 * `n` different durations in ms, drawn at millisecond resolution in
 * [`min`, `max`], none on a 10 ms grid, at least `gap` ms apart.
 */
function durations(ctx: CheckContext, n: number, min = 1000, max = 5000, gap = 40): number[] {
  const out: number[] = [];
  while (out.length < n) {
    let m = min + Math.floor(ctx.random() * (max - min + 1));
    if (m % 10 === 0) m += 1 + Math.floor(ctx.random() * 9);
    if (m > max || out.some((o) => Math.abs(o - m) < gap)) continue;
    out.push(m);
  }
  return out;
}

/** A permutation of `items` that differs from their order (when there are two or more). */
function shuffled<T>(ctx: CheckContext, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(ctx.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  if (out.length > 1 && out.every((x, i) => x === items[i])) out.reverse();
  return out;
}

/** An input of asCompleted: a probe that settles after `ms` with its own token (or `error`). */
interface Racer {
  ms: number;
  value: string;
  error?: Error;
  probe: Probe<string>;
}

function racers(ctx: CheckContext, ms: number[], errors: readonly number[] = []): Racer[] {
  return ms.map((m, i) => {
    const value = `v${i + 1}-${Math.floor(ctx.random() * 9000) + 1000}`;
    const error = errors.includes(i)
      ? new Error(`download ${Math.floor(ctx.random() * 900) + 100} failed`)
      : undefined;
    return {
      ms: m,
      value,
      error,
      probe: ctx.probe<string>(`promise ${i + 1}`, { seconds: m / 1000, value, error }),
    };
  });
}

/** Starts every racer; the test handles its own promises, so only the learner's can go unhandled. */
function start(rs: readonly Racer[]): Promise<string>[] {
  return rs.map((r) => {
    const p = r.probe();
    p.catch(() => {});
    return p;
  });
}

/** What one reader of the learner's iterator saw, each outcome stamped with virtual time. */
interface Reading {
  outcomes: ({ value: unknown; at: number } | { error: unknown; at: number })[];
  /** Whether the iterator said `done`. */
  ended: boolean;
  endedAt: number;
}

/** The values a reading got before it ended or threw. */
const valuesOf = (r: Reading) => r.outcomes.flatMap((o) => "value" in o ? [o.value] : []);
const errorOf = (r: Reading) =>
  r.outcomes.find((o) => "error" in o) as
    | { error: unknown; at: number }
    | undefined;

/** The async iterator behind what asCompleted returned (what `for await` would use). */
function iteratorOf(result: unknown): { next(): Promise<IteratorResult<unknown>> } {
  const r = result as { [Symbol.asyncIterator]?: () => unknown; next?: unknown } | null;
  if (r !== null && typeof r === "object" && typeof r[Symbol.asyncIterator] === "function") {
    return r[Symbol.asyncIterator]!() as { next(): Promise<IteratorResult<unknown>> };
  }
  return r as unknown as { next(): Promise<IteratorResult<unknown>> };
}

/**
 * Reads an iterator with `next()` from virtual instant `from` on, until it
 * says `done` or throws (`for await` stops there too).
 */
async function read(iterator: { next(): Promise<IteratorResult<unknown>> }, from = 0) {
  const seen: Reading = { outcomes: [], ended: false, endedAt: -1 };
  if (from > now()) await wait(from - now());
  while (true) {
    try {
      const step = await iterator.next();
      if (step?.done) {
        Object.assign(seen, { ended: true, endedAt: now() });
        return seen;
      }
      seen.outcomes.push({ value: step?.value, at: now() });
    } catch (error) {
      seen.outcomes.push({ error, at: now() });
      return seen;
    }
  }
}

/** Turns the stub's TODO error into the usual "still a TODO" failure. */
function todo(ctx: CheckContext, error: unknown, name: string): void {
  if (isTodo(error)) ctx.fail(core("todo", { name }), {}, true);
}

/**
 * Runs `scenario` in virtual time and fails with a diagnosis unless it ended
 * normally: no TODO, no throw, no deadlock, no unhandled rejection of the
 * learner's (the scenario waits until every input settled before it returns).
 */
async function scenario<T>(
  ctx: CheckContext,
  what: LocalText,
  body: () => Promise<T>,
  reads?: () => number,
): Promise<T> {
  const run = await ctx.run(body);
  todo(ctx, run.error, "asCompleted()");
  if (run.status === "error") {
    ctx.fail(msg("consumeOkFail", { what, runError: describeError(run.error) }), {
      actual: describeError(run.error),
    });
  }
  if (run.status !== "ok") {
    const at = ctx.sec(run.elapsedMs);
    const n = reads?.() ?? 0;
    if (n > 1) {
      ctx.fail(msg("readTwice", { what, reads: n, at }), {
        tookMs: run.elapsedMs,
        hint: msg("anyIterableHint"),
      });
    }
    ctx.fail(msg("consumeOkFail2", { what, at }), { tookMs: run.elapsedMs });
  }
  if (run.unhandled.length > 0) {
    ctx.fail(msg("unhandledInside", { what, error: describeError(run.unhandled[0]) }), {
      tookMs: run.elapsedMs,
      hint: msg("unhandledHint"),
    });
  }
  return run.value!;
}

/** Calls asCompleted(input) now and reads it from `from` on, then waits until every input settled. */
function readAll(
  ctx: CheckContext,
  input: () => Iterable<Promise<unknown>>,
  last: number,
  from = 0,
) {
  const asCompleted = ctx.fn<AsCompleted>("asCompleted");
  return async () => {
    const iterator = iteratorOf(asCompleted(input()));
    const seen = await read(iterator, from);
    if (now() < last + 1) await wait(last + 1 - now());
    return seen;
  };
}

/** An iterable that, like a generator, gives its items only the first time; it counts its readings. */
interface Counted extends Iterable<Promise<unknown>> {
  reads: number;
}

function oneShot(items: Promise<unknown>[]): Counted {
  let used = false;
  const counted = {
    reads: 0,
    [Symbol.iterator]() {
      counted.reads++;
      const list = used ? [] : items;
      used = true;
      return list[Symbol.iterator]();
    },
  };
  return counted;
}

/** Five files with different durations, and a download probe per file. */
function plan(ctx: CheckContext, ms: number[] = durations(ctx, 5), tag = "") {
  const files: Download[] = ms.map((m, i) => ({ name: `file_${i + 1}.zip`, seconds: m / 1000 }));
  const probes = new Map(files.map((f) => [
    f.name,
    ctx.probe<Download>(`${tag}${f.name}`, {
      seconds: f.seconds,
      value: (file) => file as Download,
    }),
  ]));
  const download = (file: Download) => {
    const p = probes.get((file as Download | undefined)?.name ?? "");
    if (!p) {
      return Promise.reject(
        new TypeError(`Cannot download: expected one of the files, got ${show(file)}`),
      );
    }
    return p(file);
  };
  const done: { name: string; seconds: unknown; at: number }[] = [];
  const onDone = (file: Download, seconds: number) => {
    done.push({ name: (file as Download | undefined)?.name ?? String(file), seconds, at: now() });
  };
  return { files, probes, download, onDone, done, max: Math.max(...ms) };
}

type Plan = ReturnType<typeof plan>;

/** When each file's download settled (NaN if it never ran). */
const endOf = (p: Plan, name: string) => p.probes.get(name)!.calls[0]?.end ?? NaN;

/** onDone calls as timeline marks. */
const doneMarks = (p: Plan, offset = 0): FailMark[] =>
  p.done.map((d): FailMark => ({ at: d.at, label: `onDone(${d.name})`, kind: "call" }))
    .concat(
      p.files.map((f) => ({
        at: offset + f.seconds * 1000,
        label: msg("markDone", { name: f.name }),
        kind: "expected" as const,
      })),
    );

async function runDownloads(ctx: CheckContext, p: Plan = plan(ctx)) {
  const downloadAll = ctx.fn<DownloadAll>("downloadAll");
  const files = p.files.map((f) => ({ ...f }));
  const run = await ctx.settle(
    "downloadAll(files, { download, onDone })",
    () => downloadAll(files, { download: p.download, onDone: p.onDone }),
  );
  return { ...p, files, run };
}

// ------------------------------------------------------------ main()'s output

/** A line main() printed, through any channel, stamped with virtual time. */
interface Printed {
  at: number;
  text: string;
}

/**
 * Records what is written through `Deno.stdout`/`stderr` and
 * `process.stdout`/`stderr` while `body` runs (console lines come from the
 * run's own capture), and passes every write on to what was there before.
 */
async function capturingStdout<T>(body: () => Promise<T>, sink: Printed[]): Promise<T> {
  const restore: (() => void)[] = [];
  let partial: Printed | null = null;
  const take = (chunk: unknown) => {
    const text = typeof chunk === "string"
      ? chunk
      : chunk instanceof Uint8Array
      ? new TextDecoder().decode(chunk)
      : "";
    const parts = text.split("\n");
    for (const [i, part] of parts.entries()) {
      const ends = i < parts.length - 1;
      // A line is stamped when its first character is written.
      if (part !== "" || ends) {
        partial ??= { at: now(), text: "" };
        partial.text += part;
      }
      if (ends) {
        sink.push(partial!);
        partial = null;
      }
    }
  };
  const patch = (target: Record<string, unknown> | undefined, name: string) => {
    if (!target || typeof target[name] !== "function") return;
    const before = target[name] as (...args: unknown[]) => unknown;
    const own = Object.prototype.hasOwnProperty.call(target, name);
    try {
      target[name] = function (this: unknown, ...args: unknown[]) {
        take(args[0]);
        return before.apply(this, args);
      };
      restore.push(() => {
        if (own) target[name] = before;
        else delete target[name];
      });
    } catch { /* frozen: that channel is not seen here */ }
  };
  type Stream = Record<string, unknown> | undefined;
  const proc = (globalThis as unknown as { process?: { stdout?: Stream; stderr?: Stream } })
    .process;
  for (const stream of [Deno.stdout, Deno.stderr] as unknown as Stream[]) {
    patch(stream, "writeSync");
    patch(stream, "write");
  }
  patch(proc?.stdout, "write");
  patch(proc?.stderr, "write");
  try {
    return await body();
  } finally {
    for (const undo of restore.reverse()) undo();
    if (partial !== null && (partial as Printed).text !== "") sink.push(partial);
  }
}

/** Every line printed during a run: console lines and the writes seen on stdout, in time order. */
function printed(logs: readonly LogLine[], writes: readonly Printed[]): Printed[] {
  const lines = logs.flatMap((l) => l.text.split("\n").map((text) => ({ at: l.at, text })));
  const seen = new Set(lines.map((l) => `${l.at}\0${l.text}`));
  for (const w of writes) if (!seen.has(`${w.at}\0${w.text}`)) lines.push(w);
  return lines.sort((a, b) => a.at - b.at);
}

const FILE = /file_(\d+)(?:\.zip)?/g;

/** The numbers of a line, file names left out; a decimal comma reads as a point. */
function figures(text: string): number[] {
  const bare = text.replace(FILE, " ");
  return [...bare.matchAll(/\d+(?:[.,]\d+)?/g)].map((m) => Number(m[0].replace(",", ".")));
}

/** Whether a line carries `ms` as a figure: seconds (any rounding to a tenth) or milliseconds. */
const carries = (text: string, ms: number) =>
  figures(text).some((x) => near(x, ms / 1000, 0.051) || near(x, ms, 1));

/** The files a line names (`file_3.zip` or `file_3`). */
const namesIn = (text: string) => [...text.matchAll(FILE)].map((m) => `file_${m[1]}.zip`);

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3")],
  checks: [
    {
      id: "plan-downloads",
      points: 2,
      title: msg("planDownloadsTitle"),
      hint: msg("planDownloadsHint"),
      lesson: "04_makerandom#a-random-you-are-given",
      run(ctx) {
        const planDownloads = ctx.fn<(count?: number, random?: () => number) => Download[]>(
          "planDownloads",
        );
        let byDefault: Download[] = [];
        try {
          byDefault = planDownloads();
        } catch (error) {
          todo(ctx, error, "planDownloads()");
          throw error;
        }
        if (!Array.isArray(byDefault) || byDefault.length !== 5) {
          ctx.fail(
            msg("planDownloadsFail", {
              byDefault: Array.isArray(byDefault),
              byDefaultLength: byDefault.length,
              byDefault2: show(byDefault),
            }),
          );
        }
        const count = 6 + Math.floor(ctx.random() * 4);
        const draws: number[] = [];
        // The extremes first (0 → 1.0 s, just under 1 → 5.0 s), then the seed's draws.
        const forced = [0, 0.9999];
        const random = () => {
          const r = draws.length < forced.length ? forced[draws.length] : ctx.random();
          draws.push(r);
          return r;
        };
        const files = planDownloads(count, random);
        if (!Array.isArray(files) || files.length !== count) {
          ctx.fail(
            msg("planDownloadsFail2", {
              count,
              files: Array.isArray(files),
              filesLength: files.length,
              files2: show(files),
            }),
          );
        }
        for (const [i, file] of files.entries()) {
          const name = `file_${i + 1}.zip`;
          if (file?.name !== name) {
            ctx.fail(msg("planDownloadsFail3", { i: i + 1, fileName: show(file?.name), name }), {
              expected: name,
              actual: showData(file?.name),
            });
          }
          const s = file.seconds;
          if (
            typeof s !== "number" || !(s >= 1 && s <= 5) || !near(s * 10, Math.round(s * 10), 1e-6)
          ) {
            ctx.fail(msg("planDownloadsFail4", { name, s: show(s) }), {
              expected: "1.0 – 5.0",
              actual: showData(s),
            });
          }
        }
        if (draws.length !== count) {
          ctx.fail(msg("planDownloadsFail5", { count, drawsLength: draws.length }));
        }
        for (const [i, file] of files.entries()) {
          // Rounded either way at a .x5 tie (Math.round and toFixed differ there).
          const want = Math.round((1 + draws[i] * 4) * 10) / 10;
          if (!near(file.seconds, 1 + draws[i] * 4, 0.05 + 1e-9)) {
            ctx.fail(
              msg("planDownloadsFail6", {
                fileName: file.name,
                fileSeconds: file.seconds,
                draws: draws[i].toFixed(4),
                want: (1 + draws[i] * 4).toFixed(4),
                rounded: want.toFixed(1),
              }),
              { expected: `${want.toFixed(1)} s`, actual: `${file.seconds} s` },
            );
          }
        }
      },
    },
    {
      id: "download-waits",
      points: 1,
      title: msg("downloadWaitsTitle"),
      hint: msg("downloadWaitsHint"),
      lesson: "01_sync_vs_async#waiting-without-blocking",
      async run(ctx) {
        const download = ctx.fn<(file: Download) => Promise<Download>>("download");
        const [ms] = durations(ctx, 1);
        const file = { name: `file_${1 + Math.floor(ctx.random() * 9)}.zip`, seconds: ms / 1000 };
        const run = await ctx.settle("download(file)", () => download({ ...file }));
        if (!near(run.elapsedMs, ms)) {
          const took = ctx.sec(run.elapsedMs, 3), want = ctx.sec(ms, 3);
          const inMs = near(run.elapsedMs, file.seconds);
          ctx.fail(msg("downloadWaitsFail", { fileSeconds: file.seconds, took, want, inMs }), {
            expected: want,
            actual: took,
            timeline: [],
            tookMs: run.elapsedMs,
            expectedMs: ms,
            marks: [{ at: ms, label: `${file.seconds} s`, kind: "expected" }],
          });
        }
        const got = run.value as Download | undefined;
        if (got?.name !== file.name || got?.seconds !== file.seconds) {
          ctx.fail(msg("downloadWaitsFail2", { got: show(got), file: show(file) }), {
            expected: showData(file),
            actual: showData(got),
            timeline: [],
          });
        }
      },
    },
    {
      id: "yields-in-settlement-order",
      points: 2,
      title: msg("yieldsInSettlementOrderTitle"),
      hint: msg("yieldsInSettlementOrderHint"),
      lesson: "08_toolbox#as-completed",
      async run(ctx) {
        const ms = shuffled(ctx, durations(ctx, 5).sort((a, b) => a - b));
        const inputs = racers(ctx, ms);
        const last = Math.max(...ms);
        const seen = await scenario(
          ctx,
          msg("yieldsInSettlementOrderArg"),
          readAll(ctx, () => start(inputs), last),
        );
        const got = valuesOf(seen);
        const want = [...inputs].sort((a, b) => a.ms - b.ms).map((r) => r.value);
        const given = inputs.map((r) => r.value);
        if (!sameData(got, want)) {
          const inInputOrder = sameData(got, given);
          ctx.fail(
            msg("yieldsInSettlementOrderFail", { got: show(got), want: show(want), inInputOrder }),
            { expected: showData(want), actual: showData(got) },
          );
        }
      },
    },
    {
      id: "yields-at-settle-instant",
      points: 2,
      title: msg("yieldsAtSettleInstantTitle"),
      hint: msg("yieldsAtSettleInstantHint"),
      lesson: "08_toolbox#as-completed",
      async run(ctx) {
        const ms = durations(ctx, 5).sort((a, b) => a - b);
        const inputs = racers(ctx, ms);
        const seen = await scenario(
          ctx,
          msg("yieldsInSettlementOrderArg"),
          readAll(ctx, () => start(inputs), ms[ms.length - 1]),
        );
        const outcomes = seen.outcomes as { value: unknown; at: number }[];
        const marks: FailMark[] = outcomes.map((y) => ({
          at: y.at,
          label: show(y.value, 20),
          kind: "call",
        }));
        for (const r of inputs) {
          const y = outcomes.find((y) => y.value === r.value);
          const settled = ctx.sec(r.ms, 3);
          if (y === undefined) {
            return ctx.fail(msg("yieldsAtSettleInstantFail", { rValue: show(r.value), settled }), {
              expected: showData(r.value),
              actual: showData(outcomes.map((y) => y.value)),
              marks,
            });
          }
          if (!near(y.at, r.ms)) {
            const at = ctx.sec(y.at, 3);
            const allAtEnd = outcomes.every((z) => near(z.at, y.at));
            ctx.fail(
              msg("yieldsAtSettleInstantFail2", { rValue: show(r.value), at, settled, allAtEnd }),
              {
                expected: settled,
                actual: at,
                marks: [...marks, {
                  at: r.ms,
                  label: msg("markSettled", { value: show(r.value) }),
                  kind: "expected",
                }],
              },
            );
          }
        }
      },
    },
    {
      id: "rejection-at-its-turn",
      points: 2,
      title: msg("rejectionAtItsTurnTitle"),
      hint: msg("rejectionAtItsTurnHint"),
      lesson: "08_toolbox#as-completed",
      dependsOn: ["yields-in-settlement-order"],
      async run(ctx) {
        // The k-th promise to settle rejects, for k first, in the middle and last; then two reject.
        const n = 4;
        const cases = [[0], [1 + Math.floor(ctx.random() * (n - 2))], [n - 1], [1, 2]];
        for (const failing of cases) {
          const sorted = durations(ctx, n).sort((a, b) => a - b);
          // Input order shuffled: the i-th input settles at ms[i]; `failing` are settlement ranks.
          const ms = shuffled(ctx, sorted);
          const errors = failing.map((rank) => ms.indexOf(sorted[rank]));
          const inputs = racers(ctx, ms, errors);
          const bySettle = [...inputs].sort((a, b) => a.ms - b.ms);
          const first = bySettle[failing[0]];
          const before = bySettle.slice(0, failing[0]).map((r) => r.value);
          const what = msg("rejectionArg", { n, k: failing[0] + 1, two: failing.length > 1 });
          const seen = await scenario(ctx, what, readAll(ctx, () => start(inputs), sorted[n - 1]));
          const got = valuesOf(seen);
          const thrown = errorOf(seen);
          const failAt = ctx.sec(first.ms, 3);
          const errorMessage = first.error!.message;
          if (thrown === undefined) {
            return ctx.fail(
              msg("rejectionAtItsTurnFail3", { what, failAt, errorMessage, got: show(got) }),
              { expected: `${show(before)}, then Error: ${errorMessage}`, actual: showData(got) },
            );
          }
          const same = thrown.error === first.error ||
            (thrown.error as Error | undefined)?.message === errorMessage;
          if (!same) {
            ctx.fail(
              msg("rejectionAtItsTurnFail4", {
                what,
                seenError: describeError(thrown.error),
                errorMessage,
              }),
              { expected: `Error: ${errorMessage}`, actual: describeError(thrown.error) },
            );
          }
          if (!sameData(got, before)) {
            ctx.fail(
              msg("rejectionAtItsTurnFail5", { what, got: show(got), before: show(before) }),
              { expected: showData(before), actual: showData(got) },
            );
          }
        }
      },
    },
    {
      id: "late-reader",
      points: 1,
      title: msg("lateReaderTitle"),
      hint: msg("lateReaderHint"),
      lesson: "08_toolbox#as-completed",
      dependsOn: [...AS_COMPLETED, "rejection-at-its-turn"],
      async run(ctx) {
        // Five promises; reading starts once three have settled (the second of them rejects in
        // the second case). Inputs given slowest first, so input order is not settlement order.
        for (const rejects of [false, true]) {
          const sorted = durations(ctx, 5, 1000, 5000, 80).sort((a, b) => a - b);
          const ms = sorted.toReversed();
          const inputs = racers(ctx, ms, rejects ? [ms.indexOf(sorted[1])] : []);
          const from = sorted[2] + 1 + Math.floor(ctx.random() * (sorted[3] - sorted[2] - 2));
          const what = msg("lateReaderArg", { from: ctx.sec(from, 3), rejects });
          const seen = await scenario(
            ctx,
            what,
            readAll(ctx, () => start(inputs), sorted[4], from),
          );
          const bySettle = [...inputs].sort((a, b) => a.ms - b.ms);
          const want = rejects ? [bySettle[0].value] : bySettle.map((r) => r.value);
          const got = valuesOf(seen);
          const marks: FailMark[] = [{ at: from, label: msg("markFirstNext"), kind: "call" }];
          if (!sameData(got, want)) {
            const inInputOrder = !rejects &&
              sameData(got.slice(0, 3), inputs.filter((r) => r.ms < from).map((r) => r.value));
            ctx.fail(
              msg("lateReaderFail", { what, got: show(got), want: show(want), inInputOrder }),
              { expected: showData(want), actual: showData(got), marks },
            );
          }
          if (rejects) {
            const thrown = errorOf(seen);
            if (thrown === undefined || thrown.error !== bySettle[1].error) {
              ctx.fail(
                msg("lateReaderFail2", {
                  what,
                  seen: thrown === undefined ? "" : describeError(thrown.error),
                  errorMessage: bySettle[1].error!.message,
                }),
                { expected: `Error: ${bySettle[1].error!.message}`, marks },
              );
            }
            continue;
          }
          for (const [i, r] of bySettle.entries()) {
            const y = (seen.outcomes as { value: unknown; at: number }[])[i];
            const due = Math.max(r.ms, from);
            if (!near(y.at, due)) {
              ctx.fail(
                msg("lateReaderFail3", {
                  what,
                  value: show(r.value),
                  at: ctx.sec(y.at, 3),
                  due: ctx.sec(due, 3),
                  settled: ctx.sec(r.ms, 3),
                  early: r.ms < from,
                }),
                {
                  expected: ctx.sec(due, 3),
                  actual: ctx.sec(y.at, 3),
                  marks: [...marks, { at: due, label: show(r.value), kind: "expected" }],
                },
              );
            }
          }
        }
      },
    },
    {
      id: "empty-input",
      points: 1,
      title: msg("emptyInputTitle"),
      hint: msg("emptyInputHint"),
      lesson: "07_for_await_using#async-iterators",
      async run(ctx) {
        const seen = await scenario(ctx, msg("emptyInputArg"), readAll(ctx, () => [], -1));
        const values = valuesOf(seen);
        if (values.length > 0) {
          ctx.fail(msg("emptyInputFail", { seenYields: show(values) }));
        }
        if (!seen.ended || seen.endedAt > 0) {
          const thrown = errorOf(seen);
          ctx.fail(
            msg("emptyInputFail2", {
              at: ctx.sec(seen.endedAt, 3),
              threw: thrown === undefined ? "" : describeError(thrown.error),
            }),
          );
        }
      },
    },
    {
      id: "any-iterable",
      points: 1,
      title: msg("anyIterableTitle"),
      hint: msg("anyIterableHint"),
      lesson: "07_for_await_using#async-iterators",
      async run(ctx) {
        const kinds = [
          { what: msg("anyIterableGenerator"), make: oneShot },
          {
            what: msg("anyIterableSet"),
            make: (ps: Promise<unknown>[]) => Object.assign(new Set(ps), { reads: 0 }),
          },
        ];
        for (const kind of kinds) {
          const ms = durations(ctx, 3);
          const inputs = racers(ctx, ms);
          let counted: Counted | undefined;
          const input = () => (counted = kind.make(start(inputs)));
          const what = msg("anyIterableArg", { kind: kind.what });
          const runIt = readAll(ctx, input, Math.max(...ms));
          const seen = await scenario(ctx, what, runIt, () => counted?.reads ?? 0);
          const got = valuesOf(seen).map(String).sort();
          const want = inputs.map((r) => r.value).sort();
          if (!sameData(got, want)) {
            ctx.fail(
              msg("anyIterableFail", {
                kind: kind.what,
                seenYields: show(valuesOf(seen)),
                want: show(want),
                reads: counted?.reads ?? 0,
              }),
              { expected: showData(want), actual: showData(got) },
            );
          }
        }
      },
    },
    {
      id: "independent-iterators",
      points: 1,
      title: msg("independentTitle"),
      hint: msg("independentHint"),
      lesson: "08_toolbox#as-completed",
      dependsOn: [...AS_COMPLETED],
      async run(ctx) {
        const asCompleted = ctx.fn<AsCompleted>("asCompleted");
        const ms = durations(ctx, 6);
        const a = racers(ctx, ms.slice(0, 3)), b = racers(ctx, ms.slice(3));
        const last = Math.max(...ms);
        const later = racers(ctx, durations(ctx, 2, 200, 900));
        const seen = await scenario(ctx, msg("independentArg"), async () => {
          const one = iteratorOf(asCompleted(start(a)));
          const two = iteratorOf(asCompleted(start(b)));
          const both = await Promise.all([read(one), read(two)]);
          if (now() < last + 1) await wait(last + 1 - now());
          const t = now();
          const third = await read(iteratorOf(asCompleted(start(later))));
          return { both, third, t };
        });
        const cases = [
          { label: msg("independentFirst"), rs: a, reading: seen.both[0], offset: 0 },
          { label: msg("independentSecond"), rs: b, reading: seen.both[1], offset: 0 },
          { label: msg("independentThird"), rs: later, reading: seen.third, offset: seen.t },
        ];
        for (const c of cases) {
          const want = [...c.rs].sort((x, y) => x.ms - y.ms).map((r) => r.value);
          const got = valuesOf(c.reading);
          if (!sameData(got, want) || errorOf(c.reading) !== undefined) {
            const thrown = errorOf(c.reading);
            ctx.fail(
              msg("independentFail", {
                which: c.label,
                got: show(got),
                want: show(want),
                threw: thrown === undefined ? "" : describeError(thrown.error),
              }),
              { expected: showData(want), actual: showData(got) },
            );
          }
        }
      },
    },
    {
      id: "downloads-start-together",
      points: 1,
      title: msg("downloadsStartTogetherTitle"),
      hint: msg("downloadsStartTogetherHint"),
      lesson: "02_async_await_rules#promises-start-at-once",
      dependsOn: [...AS_COMPLETED],
      async run(ctx) {
        const { files, probes, run, max } = await runDownloads(ctx);
        for (const file of files) {
          const calls = probes.get(file.name)!.calls;
          if (calls.length !== 1) {
            ctx.fail(
              msg("downloadsStartTogetherFail", { fileName: file.name, callsLength: calls.length }),
            );
          }
          if (calls[0].start > EPS) {
            const at = ctx.sec(calls[0].start, 3);
            ctx.fail(msg("downloadsStartTogetherFail2", { fileName: file.name, at }), {
              expected: ctx.sec(0),
              actual: at,
              tookMs: run.elapsedMs,
              expectedMs: max,
              marks: [{ at: max, label: msg("markLongest"), kind: "expected" }],
            });
          }
        }
        if (!near(run.elapsedMs, max)) {
          const took = ctx.sec(run.elapsedMs, 3), want = ctx.sec(max, 3);
          ctx.fail(msg("downloadsStartTogetherFail3", { took, want }), {
            expected: want,
            actual: took,
            tookMs: run.elapsedMs,
            expectedMs: max,
            marks: [{ at: max, label: msg("markLongest"), kind: "expected" }],
          });
        }
      },
    },
    {
      id: "on-done-at-each-completion",
      points: 2,
      title: msg("onDoneAtEachCompletionTitle"),
      hint: msg("onDoneAtEachCompletionHint"),
      lesson: "08_toolbox#as-completed",
      dependsOn: [...AS_COMPLETED],
      async run(ctx) {
        const p = await runDownloads(ctx);
        const { files, done } = p;
        const marks = doneMarks(p);
        if (done.length !== files.length) {
          ctx.fail(
            msg("onDoneAtEachCompletionFail", {
              doneLength: done.length,
              filesLength: files.length,
            }),
            { expected: String(files.length), actual: String(done.length), marks },
          );
        }
        const ends = files.map((f) => endOf(p, f.name));
        const last = Math.max(...ends);
        for (const [i, file] of files.entries()) {
          const call = done.find((d) => d.name === file.name);
          const finished = ctx.sec(ends[i], 3);
          if (call === undefined) {
            return ctx.fail(
              msg("onDoneAtEachCompletionFail2", {
                fileName: file.name,
                finished,
                done: show(done.map((d) => d.name)),
              }),
              { marks },
            );
          }
          if (!near(call.at, ends[i])) {
            const at = ctx.sec(call.at, 3);
            const collected = done.every((d) => near(d.at, last));
            // Reported in the order the downloads were started: awaited one by one.
            const inStartOrder = !collected &&
              sameData(done.map((d) => d.name), files.map((f) => f.name));
            ctx.fail(
              msg("onDoneAtEachCompletionFail3", {
                fileName: file.name,
                at,
                finished,
                collected,
                inStartOrder,
              }),
              { expected: finished, actual: at, marks },
            );
          }
          const s = call.seconds;
          if (typeof s !== "number" || !near(s * 1000, ends[i], ROUNDED)) {
            const inMs = typeof s === "number" && near(s, ends[i], ROUNDED);
            ctx.fail(
              msg("onDoneAtEachCompletionFail4", {
                fileName: file.name,
                s: show(s),
                finished,
                inMs,
              }),
              { expected: finished, actual: showData(s), marks },
            );
          }
        }
      },
    },
    {
      id: "seconds-per-call",
      points: 1,
      title: msg("secondsPerCallTitle"),
      hint: msg("secondsPerCallHint"),
      lesson: "05_chaining#the-longest-chain",
      dependsOn: [
        ...AS_COMPLETED,
        "independent-iterators",
        "on-done-at-each-completion",
        "summary",
      ],
      async run(ctx) {
        const downloadAll = ctx.fn<DownloadAll>("downloadAll");
        const delay = durations(ctx, 1, 300, 1500)[0];
        const one = plan(ctx, durations(ctx, 3), "1st "),
          two = plan(ctx, durations(ctx, 3), "2nd ");
        const starts: number[] = [];
        const run = await ctx.settle("downloadAll(…) twice", async () => {
          await wait(delay);
          const out = [];
          for (const p of [one, two]) {
            starts.push(now());
            const options = { download: p.download, onDone: p.onDone };
            out.push(await downloadAll(p.files.map((f) => ({ ...f })), options));
          }
          return out;
        });
        for (const [k, p] of [one, two].entries()) {
          const which = k + 1, from = starts[k];
          const marks: FailMark[] = [
            { at: from, label: `downloadAll #${which}`, kind: "call" },
            ...doneMarks(p, from),
          ];
          for (const d of p.done) {
            const end = endOf(p, d.name);
            if (typeof d.seconds !== "number" || !near(d.seconds * 1000, end - from, ROUNDED)) {
              ctx.fail(
                msg("secondsPerCallFail", {
                  which,
                  fileName: d.name,
                  s: show(d.seconds),
                  from: ctx.sec(from, 3),
                  end: ctx.sec(end, 3),
                  want: ctx.sec(end - from, 3),
                }),
                { expected: ctx.sec(end - from, 3), actual: showData(d.seconds), marks },
              );
            }
          }
          const total = (run.value as { seconds?: unknown }[])[k]?.seconds;
          const took = (starts[k + 1] ?? run.elapsedMs) - from;
          if (typeof total !== "number" || !near(total * 1000, took, ROUNDED)) {
            ctx.fail(
              msg("secondsPerCallFail2", {
                which,
                s: show(total),
                from: ctx.sec(from, 3),
                want: ctx.sec(took, 3),
              }),
              { expected: ctx.sec(took, 3), actual: showData(total), marks },
            );
          }
        }
      },
    },
    {
      id: "summary",
      points: 1,
      title: msg("summaryTitle"),
      hint: msg("summaryHint"),
      lesson: "05_chaining#the-longest-chain",
      dependsOn: [...AS_COMPLETED],
      async run(ctx) {
        // The slowest file first, in the middle, then last in the list.
        for (const where of [0, 2, 4]) {
          const ms = durations(ctx, 5).sort((a, b) => a - b);
          const slowestMs = ms.pop()!;
          const rest = shuffled(ctx, ms);
          rest.splice(where, 0, slowestMs);
          const { files, run } = await runDownloads(ctx, plan(ctx, rest));
          const summary = run.value as { seconds?: unknown; slowest?: unknown } | undefined;
          const want = ctx.sec(run.elapsedMs, 3);
          const s = summary?.seconds;
          if (typeof s !== "number" || !near(s * 1000, run.elapsedMs, ROUNDED)) {
            const inMs = typeof s === "number" && near(s, run.elapsedMs, ROUNDED);
            ctx.fail(msg("summaryFail", { s: show(s), want, inMs }), {
              expected: want,
              actual: showData(s),
            });
          }
          const slowest = files[where];
          if (summary?.slowest !== slowest.name) {
            ctx.fail(
              msg("summaryFail2", {
                summarySlowest: show(summary?.slowest),
                slowestName: slowest.name,
                slowestSeconds: ctx.sec(slowest.seconds * 1000, 3),
                place: where + 1,
              }),
              { expected: slowest.name, actual: showData(summary?.slowest) },
            );
          }
        }
      },
    },
    {
      id: "main-finishes",
      points: 1,
      title: msg("mainFinishesTitle"),
      hint: msg("mainFinishesHint"),
      lesson: "10_pitfalls#forgotten-await",
      dependsOn: ["download-waits", "plan-downloads", "downloads-start-together"],
      async run(ctx) {
        const main = ctx.fn<() => Promise<void>>("main");
        const run = await ctx.settle("main()", () => main());
        const took = ctx.sec(run.elapsedMs, 3);
        if (run.pendingTimers > 0) {
          ctx.fail(msg("mainFinishesFail", { took, runPendingTimers: run.pendingTimers }), {
            expected: msg("mainFinishesExpected"),
            actual: took,
          });
        }
        if (run.elapsedMs < 1000 - EPS || run.elapsedMs > 5000 + EPS) {
          ctx.fail(msg("mainFinishesFail3", { took }), {
            expected: "1.0 – 5.0 s",
            actual: took,
            tookMs: run.elapsedMs,
          });
        }
      },
    },
    {
      id: "main-prints-as-it-goes",
      points: 1,
      title: msg("mainPrintsTitle"),
      hint: msg("mainPrintsHint"),
      lesson: "08_toolbox#as-completed",
      dependsOn: [
        ...AS_COMPLETED,
        "plan-downloads",
        "download-waits",
        "downloads-start-together",
        "on-done-at-each-completion",
        "summary",
        "main-finishes",
      ],
      async run(ctx) {
        const main = ctx.fn<() => Promise<void>>("main");
        const writes: Printed[] = [];
        const run = await ctx.settle("main()", () => capturingStdout(() => main(), writes));
        const lines = printed(run.logs, writes);
        const marks: FailMark[] = lines.slice(0, 20).map((l) => ({
          at: l.at,
          label: l.text.slice(0, 40),
          kind: "print",
        }));
        if (lines.length === 0) ctx.fail(msg("mainFinishesFail2"));
        // Each file's line: the first line naming it, printed while downloads can end (1–5 s),
        // that carries its own instant (a plan printed at the start may name every file first).
        const fileLines = new Map<string, Printed>();
        const inWindow = (l: Printed) => l.at >= 1000 - EPS && l.at <= 5000 + EPS;
        for (let i = 1; i <= 5; i++) {
          const name = `file_${i}.zip`;
          const naming = lines.filter((l) => namesIn(l.text).includes(name));
          const line = naming.find((l) => inWindow(l) && carries(l.text, l.at));
          if (line !== undefined) {
            fileLines.set(name, line);
            continue;
          }
          if (naming.length === 0) {
            return ctx.fail(msg("mainPrintsFail", { name, count: lines.length }), { marks });
          }
          const timely = naming.find(inWindow);
          if (timely === undefined) {
            return ctx.fail(msg("mainPrintsFail2", { name, at: ctx.sec(naming[0].at, 3) }), {
              marks,
            });
          }
          ctx.fail(
            msg("mainPrintsFail3", { name, at: ctx.sec(timely.at, 3), text: show(timely.text) }),
            { expected: ctx.sec(timely.at), actual: show(timely.text), marks },
          );
        }
        const end = Math.max(...[...fileLines.values()].map((l) => l.at));
        const lastOnes = [...fileLines].filter(([, l]) => near(l.at, end)).map(([n]) => n);
        const after = lines.filter((l) =>
          l.at >= end - EPS && ![...fileLines.values()].includes(l)
        );
        const total = after.some((l) => carries(l.text, run.elapsedMs));
        const slowest = after.some((l) => namesIn(l.text).some((n) => lastOnes.includes(n)));
        if (!total || !slowest) {
          ctx.fail(
            msg("mainPrintsFail4", {
              total,
              slowest,
              took: ctx.sec(run.elapsedMs),
              last: lastOnes.join(", "),
              after: show(after.map((l) => l.text)),
            }),
            { marks },
          );
        }
      },
    },
  ],
});
