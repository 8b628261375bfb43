/**
 * `deno task grade`'s entry point: starts the sandboxes the grade will need
 * (see `_early.ts`) before the grader loads, then runs the command line
 * (`cli.ts`, which runs the same on its own). With `ASYNC_LAB_EARLY=trace`,
 * prints what was started early and taken, as JSON on stderr, at the end.
 *
 * @module
 */
import { earlyCounts, startEarly } from "./_early.ts";

startEarly(Deno.args);
if (Deno.env.get("ASYNC_LAB_EARLY") === "trace") {
  addEventListener("unload", () => console.error(JSON.stringify({ early: earlyCounts })));
}
const { run } = await import("./cli.ts");
await run(Deno.args);
