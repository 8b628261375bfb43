/**
 * Checks of exercise 2 (`02_downloads.ts`): five downloads reported as each
 * one finishes, and the learner's own `asCompleted`.
 *
 * Durations come from the seed (tenths of a second between 1 and 5 s, all
 * different), so a hard-coded order or total cannot pass. Each check watches
 * one behaviour, so that one mistake fails one check:
 * order and timing of `asCompleted` are checked apart (timing with inputs
 * already in settlement order, order with shuffled inputs).
 *
 * @module
 */
import { type CheckContext, core, defineChecks, describeError, isTodo } from "../../check.ts";
import { now } from "../../clock.ts";
import type { LocalText } from "../../i18n/mod.ts";
import type { Probe } from "../../probe.ts";
import { EPS, near, sameData, show, showData } from "../../toolkit.ts";
import { msg } from "./messages.ts";

interface Download {
  name: string;
  seconds: number;
}
type AsCompleted = <T>(promises: Iterable<Promise<T>>) => AsyncIterator<T>;
type DownloadAll = (files: Download[], options?: {
  download?: (file: Download) => Promise<Download>;
  onDone?: (file: Download, seconds: number) => void;
}) => Promise<{ seconds: number; slowest: string }>;

/** `n` different durations in ms: whole tenths of a second in [1 s, 5 s]. */
function durations(ctx: CheckContext, n: number): number[] {
  const seen = new Set<number>();
  while (seen.size < n) seen.add(10 + Math.floor(ctx.random() * 41));
  return [...seen].map((tenths) => tenths * 100);
}

/** Inputs for asCompleted: a probe per duration, each resolving with its own token. */
interface Racer {
  ms: number;
  value: string;
  probe: Probe<string>;
}

function racers(ctx: CheckContext, ms: number[], error?: { index: number; error: Error }): Racer[] {
  return ms.map((m, i) => {
    const value = `v${i + 1}-${Math.floor(ctx.random() * 9000) + 1000}`;
    return {
      ms: m,
      value,
      probe: ctx.probe<string>(`promise ${i + 1}`, {
        seconds: m / 1000,
        value,
        error: error?.index === i ? error.error : undefined,
      }),
    };
  });
}

/** What the for-await loop over the learner's iterator saw. */
interface Consumed {
  yields: { value: unknown; at: number }[];
  error?: unknown;
  errorAt?: number;
  threw: boolean;
}

/** Consumes `asCompleted(input())` with `for await`, stamping each value with virtual time. */
function consume(ctx: CheckContext, input: () => Iterable<Promise<unknown>>) {
  const asCompleted = ctx.fn<AsCompleted>("asCompleted");
  return ctx.run(async (): Promise<Consumed> => {
    const seen: Consumed = { yields: [], threw: false };
    const iterable = asCompleted(input()) as unknown as AsyncIterable<unknown>;
    try {
      for await (const value of iterable) seen.yields.push({ value, at: now() });
    } catch (error) {
      Object.assign(seen, { error, errorAt: now(), threw: true });
    }
    return seen;
  });
}

/** Turns the stub's TODO error into the usual "still a TODO" failure. */
function todo(ctx: CheckContext, error: unknown, name: string): void {
  if (isTodo(error)) ctx.fail(core("todo", { name }), {}, true);
}

/** Fails unless the run ended normally (no TODO, no deadlock) and returns what was seen. */
async function consumeOk(
  ctx: CheckContext,
  what: LocalText,
  input: () => Iterable<Promise<unknown>>,
): Promise<Consumed> {
  const run = await consume(ctx, input);
  todo(ctx, run.error, "asCompleted()");
  if (run.status === "error") {
    ctx.fail(msg("consumeOkFail", { what, runError: describeError(run.error) }), {
      actual: describeError(run.error),
    });
  }
  if (run.status !== "ok") {
    const at = ctx.sec(run.elapsedMs);
    ctx.fail(msg("consumeOkFail2", { what, at }), { tookMs: run.elapsedMs });
  }
  const seen = run.value!;
  if (seen.threw) {
    const error = describeError(seen.error);
    ctx.fail(msg("consumeOkFail3", { what, error }), { actual: error });
  }
  return seen;
}

/** Five files with different durations, and a download probe per file. */
function plan(ctx: CheckContext) {
  const ms = durations(ctx, 5);
  const files: Download[] = ms.map((m, i) => ({ name: `file_${i + 1}.zip`, seconds: m / 1000 }));
  const probes = new Map(files.map((f) => [
    f.name,
    ctx.probe<Download>(f.name, { seconds: f.seconds, value: (file) => file as Download }),
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

async function runDownloads(ctx: CheckContext) {
  const downloadAll = ctx.fn<DownloadAll>("downloadAll");
  const p = plan(ctx);
  const files = p.files.map((f) => ({ ...f }));
  const run = await ctx.settle(
    "downloadAll(files, { download, onDone })",
    () => downloadAll(files, { download: p.download, onDone: p.onDone }),
  );
  return { ...p, run };
}

export default defineChecks({
  title: msg("title"),
  hints: [msg("hint1"), msg("hint2"), msg("hint3")],
  checks: [
    {
      id: "plan-downloads",
      points: 2,
      title: msg("planDownloadsTitle"),
      hint: msg("planDownloadsHint"),
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
        const random = () => {
          const r = ctx.random();
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
        if (draws.length < count) {
          ctx.fail(msg("planDownloadsFail5", { count, drawsLength: draws.length }));
        }
        for (const [i, file] of files.entries()) {
          const want = 1 + draws[i] * 4;
          if (!near(file.seconds, want, 0.1 + 1e-9)) {
            ctx.fail(
              msg("planDownloadsFail6", {
                fileName: file.name,
                fileSeconds: file.seconds,
                draws: draws[i].toFixed(3),
                want: want.toFixed(2),
              }),
              { expected: `${want.toFixed(1)} s`, actual: `${file.seconds} s` },
            );
          }
        }
      },
    },
    {
      id: "download-waits",
      points: 2,
      title: msg("downloadWaitsTitle"),
      hint: msg("downloadWaitsHint"),
      async run(ctx) {
        const download = ctx.fn<(file: Download) => Promise<Download>>("download");
        const [ms] = durations(ctx, 1);
        const file = { name: `file_${1 + Math.floor(ctx.random() * 9)}.zip`, seconds: ms / 1000 };
        const run = await ctx.settle("download(file)", () => download({ ...file }));
        if (!near(run.elapsedMs, ms)) {
          const took = ctx.sec(run.elapsedMs, 3), want = ctx.sec(ms);
          const inMs = near(run.elapsedMs, file.seconds);
          ctx.fail(msg("downloadWaitsFail", { fileSeconds: file.seconds, took, want, inMs }), {
            expected: want,
            actual: took,
            timeline: [],
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
      points: 3,
      title: msg("yieldsInSettlementOrderTitle"),
      hint: msg("yieldsInSettlementOrderHint"),
      async run(ctx) {
        let ms = durations(ctx, 5);
        const sorted = [...ms].sort((a, b) => a - b);
        if (ms.every((m, i) => m === sorted[i])) ms = ms.toReversed();
        const inputs = racers(ctx, ms);
        const seen = await consumeOk(
          ctx,
          msg("yieldsInSettlementOrderArg"),
          () => inputs.map((r) => r.probe()),
        );
        const got = seen.yields.map((y) => y.value);
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
      points: 3,
      title: msg("yieldsAtSettleInstantTitle"),
      hint: msg("yieldsAtSettleInstantHint"),
      async run(ctx) {
        const ms = durations(ctx, 5).sort((a, b) => a - b);
        const inputs = racers(ctx, ms);
        const seen = await consumeOk(
          ctx,
          msg("yieldsInSettlementOrderArg"),
          () => inputs.map((r) => r.probe()),
        );
        for (const r of inputs) {
          const y = seen.yields.find((y) => y.value === r.value);
          const settled = ctx.sec(r.ms);
          if (y === undefined) {
            return ctx.fail(msg("yieldsAtSettleInstantFail", { rValue: show(r.value), settled }), {
              expected: showData(r.value),
              actual: showData(seen.yields.map((y) => y.value)),
            });
          }
          if (!near(y.at, r.ms)) {
            const at = ctx.sec(y.at);
            const allAtEnd = seen.yields.every((z) => near(z.at, y.at));
            ctx.fail(
              msg("yieldsAtSettleInstantFail2", { rValue: show(r.value), at, settled, allAtEnd }),
              { expected: settled, actual: at },
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
      async run(ctx) {
        const ms = durations(ctx, 4).sort((a, b) => a - b);
        const error = new Error(`download ${Math.floor(ctx.random() * 900) + 100} failed`);
        const inputs = racers(ctx, ms, { index: 1, error });
        const run = await consume(ctx, () => inputs.map((r) => r.probe()));
        todo(ctx, run.error, "asCompleted()");
        if (run.status !== "ok") {
          const what = run.status === "error" ? describeError(run.error) : run.status;
          ctx.fail(msg("rejectionAtItsTurnFail", { what }));
        }
        if (run.unhandled.length > 0) {
          const what = describeError(run.unhandled[0]);
          ctx.fail(msg("rejectionAtItsTurnFail2", { what }));
        }
        const seen = run.value!;
        const got = seen.yields.map((y) => y.value);
        const before = [inputs[0].value];
        const failAt = ctx.sec(ms[1]);
        if (!seen.threw) {
          ctx.fail(
            msg("rejectionAtItsTurnFail3", { failAt, errorMessage: error.message, got: show(got) }),
            { expected: `${show(before)}, then Error: ${error.message}`, actual: showData(got) },
          );
        }
        const same = seen.error === error ||
          (seen.error as Error | undefined)?.message === error.message;
        if (!same) {
          ctx.fail(
            msg("rejectionAtItsTurnFail4", {
              seenError: describeError(seen.error),
              errorMessage: error.message,
            }),
            { expected: `Error: ${error.message}`, actual: describeError(seen.error) },
          );
        }
        if (!sameData(got, before)) {
          ctx.fail(msg("rejectionAtItsTurnFail5", { got: show(got), before: show(before) }), {
            expected: showData(before),
            actual: showData(got),
          });
        }
      },
    },
    {
      id: "empty-input",
      points: 1,
      title: msg("emptyInputTitle"),
      hint: msg("emptyInputHint"),
      async run(ctx) {
        const seen = await consumeOk(ctx, msg("emptyInputArg"), () => []);
        if (seen.yields.length > 0) {
          ctx.fail(msg("emptyInputFail", { seenYields: show(seen.yields.map((y) => y.value)) }));
        }
      },
    },
    {
      id: "any-iterable",
      points: 1,
      title: msg("anyIterableTitle"),
      hint: msg("anyIterableHint"),
      async run(ctx) {
        const kinds = [
          {
            what: msg("anyIterableGenerator"),
            make: (rs: Racer[]) =>
              (function* () {
                for (const r of rs) yield r.probe();
              })(),
          },
          { what: msg("anyIterableSet"), make: (rs: Racer[]) => new Set(rs.map((r) => r.probe())) },
        ];
        for (const kind of kinds) {
          const inputs = racers(ctx, durations(ctx, 3));
          const seen = await consumeOk(
            ctx,
            msg("anyIterableArg", { kind: kind.what }),
            () => kind.make(inputs),
          );
          const got = seen.yields.map((y) => String(y.value)).sort();
          const want = inputs.map((r) => r.value).sort();
          if (!sameData(got, want)) {
            ctx.fail(
              msg("anyIterableFail", {
                kind: kind.what,
                seenYields: show(seen.yields.map((y) => y.value)),
                want: show(want),
              }),
              { expected: showData(want), actual: showData(got) },
            );
          }
        }
      },
    },
    {
      id: "downloads-start-together",
      points: 2,
      title: msg("downloadsStartTogetherTitle"),
      hint: msg("downloadsStartTogetherHint"),
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
            const at = ctx.sec(calls[0].start);
            ctx.fail(msg("downloadsStartTogetherFail2", { fileName: file.name, at }), {
              expected: ctx.sec(0),
              actual: at,
              tookMs: run.elapsedMs,
              expectedMs: max,
            });
          }
        }
        if (!near(run.elapsedMs, max)) {
          const took = ctx.sec(run.elapsedMs), want = ctx.sec(max);
          ctx.fail(msg("downloadsStartTogetherFail3", { took, want }), {
            expected: want,
            actual: took,
            tookMs: run.elapsedMs,
            expectedMs: max,
          });
        }
      },
    },
    {
      id: "on-done-at-each-completion",
      points: 2,
      title: msg("onDoneAtEachCompletionTitle"),
      hint: msg("onDoneAtEachCompletionHint"),
      async run(ctx) {
        const { files, probes, done } = await runDownloads(ctx);
        if (done.length !== files.length) {
          ctx.fail(
            msg("onDoneAtEachCompletionFail", {
              doneLength: done.length,
              filesLength: files.length,
            }),
            { expected: String(files.length), actual: String(done.length) },
          );
        }
        const ends = files.map((f) => probes.get(f.name)!.calls[0]?.end ?? NaN);
        const last = Math.max(...ends);
        for (const [i, file] of files.entries()) {
          const call = done.find((d) => d.name === file.name);
          const finished = ctx.sec(ends[i]);
          if (call === undefined) {
            return ctx.fail(
              msg("onDoneAtEachCompletionFail2", {
                fileName: file.name,
                finished,
                done: show(done.map((d) => d.name)),
              }),
            );
          }
          if (!near(call.at, ends[i])) {
            const at = ctx.sec(call.at);
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
              { expected: finished, actual: at },
            );
          }
          const s = call.seconds;
          if (typeof s !== "number" || !near(s, ends[i] / 1000, 0.051)) {
            const inMs = typeof s === "number" && near(s, ends[i], 1);
            ctx.fail(
              msg("onDoneAtEachCompletionFail4", {
                fileName: file.name,
                s: show(s),
                finished,
                inMs,
              }),
              { expected: finished, actual: showData(s) },
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
      async run(ctx) {
        const { files, run } = await runDownloads(ctx);
        const summary = run.value as { seconds?: unknown; slowest?: unknown } | undefined;
        const want = ctx.sec(run.elapsedMs, 2);
        const s = summary?.seconds;
        if (typeof s !== "number" || !near(s, run.elapsedMs / 1000, 0.051)) {
          const inMs = typeof s === "number" && near(s, run.elapsedMs, 1);
          ctx.fail(msg("summaryFail", { s: show(s), want, inMs }), {
            expected: want,
            actual: showData(s),
          });
        }
        const slowest = files.reduce((a, b) => (b.seconds > a.seconds ? b : a));
        if (summary?.slowest !== slowest.name) {
          ctx.fail(
            msg("summaryFail2", {
              summarySlowest: show(summary?.slowest),
              slowestName: slowest.name,
              slowestSeconds: ctx.sec(slowest.seconds * 1000),
            }),
            { expected: slowest.name, actual: showData(summary?.slowest) },
          );
        }
      },
    },
    {
      id: "main-finishes",
      points: 1,
      title: msg("mainFinishesTitle"),
      hint: msg("mainFinishesHint"),
      async run(ctx) {
        const main = ctx.fn<() => Promise<void>>("main");
        const run = await ctx.settle("main()", () => main());
        const took = ctx.sec(run.elapsedMs);
        if (run.pendingTimers > 0) {
          ctx.fail(msg("mainFinishesFail", { took, runPendingTimers: run.pendingTimers }), {
            expected: msg("mainFinishesExpected"),
            actual: took,
          });
        }
        if (run.logs.length === 0) {
          ctx.fail(msg("mainFinishesFail2"));
        }
      },
    },
  ],
});
