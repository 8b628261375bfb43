/**
 * `deno task grade`'s entry point: starts the sandboxes the grade will need
 * (see `_early.ts`) before the grader loads, then runs the command line
 * (`cli.ts`, which runs the same on its own).
 *
 * @module
 */
import { startEarly } from "./_early.ts";

startEarly(Deno.args);
const { run } = await import("./cli.ts");
await run(Deno.args);
