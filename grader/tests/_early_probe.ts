/**
 * For `early_test.ts`: in a fresh process, as `main.ts` does, starts the
 * sandboxes early for a grade of every exercise, then grades `Deno.args[0]`
 * and prints what was started, taken and lost, what is left, and the
 * report, as JSON. `Deno.args[1]`, if given, holds options as JSON:
 * `seconds` (a CPU budget), `only` (exercise ids), `kill` (kill the early
 * sandboxes before the grade, so that it takes ones that have exited).
 *
 * @module
 */
import { earlyCounts, earlyLeft, killEarlyForTests, startEarly } from "../_early.ts";
import { grade } from "../grade.ts";
import { liveStages } from "../_stage.ts";

const options = JSON.parse(Deno.args[1] ?? "{}") as {
  seconds?: number;
  only?: string[];
  kill?: boolean;
};
startEarly([]);
const started = earlyCounts.started;
const folders = earlyLeft().folders;
if (options.kill) await killEarlyForTests();
const report = await grade({
  dir: Deno.args[0],
  wallTimeoutSeconds: options.seconds,
  only: options.only,
});
console.log(JSON.stringify({
  started,
  folders,
  taken: earlyCounts.taken,
  lost: earlyCounts.lost,
  left: earlyLeft(),
  stages: [...liveStages],
  report: { ...report, durationMs: 0 },
}));
