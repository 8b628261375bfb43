/**
 * For the bench: runs every check of the given exercises on the given
 * submission in this one process (no sandbox; meant for the reference
 * solutions) and prints, as one JSON line, how many virtual milliseconds the
 * checks simulated and how many passed.
 *
 * `deno run --allow-read grader/tools/bench_virtual.ts DIR ID…`
 *
 * @module
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CATALOG } from "../course.ts";
import { installVirtualClock, runInVirtualTime, simulatedTotalMs } from "../clock.ts";
import { type ExerciseChecks, runCheck } from "../check.ts";
import { DEFAULT_SEED, exercisesDir } from "../grade.ts";

// Taken before the clock replaces it: module loading is real I/O.
const realNow = performance.now.bind(performance);
// Before any learner module loads, as in the sandbox.
installVirtualClock();

const [dir, ...ids] = Deno.args;
const folder = exercisesDir(dir);
const perExercise: Record<string, { virtualMs: number; passed: number; checks: number }> = {};
for (const exercise of CATALOG.filter((e) => ids.includes(e.id))) {
  const before = simulatedTotalMs();
  const { default: spec } = await import(exercise.checks) as { default: ExerciseChecks };
  // As the sandbox does: a load waiting on real I/O is given real time and
  // turns of the event loop before it counts as stuck (a busy machine
  // otherwise made it a deadlock now and then).
  let idleSince = 0;
  const load = await runInVirtualTime(
    () => import(pathToFileURL(join(folder, exercise.file)).href),
    {
      onIdle: (turns) => {
        if (turns === 0) idleSince = realNow();
        return realNow() - idleSince < 2000 || turns < 200;
      },
    },
  );
  if (load.status !== "ok") throw new Error(`Cannot load ${exercise.file}: ${load.status}`);
  const exports = load.value as Record<string, unknown>;
  let passed = 0;
  for (const check of spec.checks) {
    const result = await runCheck(check, { lang: "en", exports, seed: DEFAULT_SEED });
    if (result.status === "pass") passed++;
  }
  perExercise[exercise.id] = {
    virtualMs: simulatedTotalMs() - before,
    passed,
    checks: spec.checks.length,
  };
}
const virtualMs = Object.values(perExercise).reduce((s, e) => s + e.virtualMs, 0);
Deno.stdout.writeSync(new TextEncoder().encode(JSON.stringify({ virtualMs, perExercise }) + "\n"));
