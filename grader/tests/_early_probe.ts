/**
 * For `early_test.ts`: in a fresh process, as `main.ts` does, starts the
 * sandboxes early for a grade of every exercise, grades `Deno.args[0]` (with
 * a CPU budget of `Deno.args[1]` seconds if given), and prints what was
 * started and taken, what is left, and the report, as JSON.
 *
 * @module
 */
import { earlyCounts, earlyLeft, startEarly } from "../_early.ts";
import { grade } from "../grade.ts";
import { liveStages } from "../_stage.ts";

startEarly([]);
const started = earlyCounts.started;
const folders = earlyLeft().folders;
const seconds = Deno.args[1] === undefined ? undefined : Number(Deno.args[1]);
const report = await grade({ dir: Deno.args[0], wallTimeoutSeconds: seconds });
console.log(JSON.stringify({
  started,
  folders,
  taken: earlyCounts.taken,
  left: earlyLeft(),
  stages: [...liveStages],
  report: { ...report, durationMs: 0 },
}));
