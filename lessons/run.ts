/**
 * Runs one lesson: `deno task lesson 5`, `deno task lesson 05` or
 * `deno task lesson chaining`. Without an argument, lists the lessons.
 *
 * @module
 */

/** The lessons, in course order: file name (in this folder) and title. */
export const LESSONS: readonly { file: string; title: string }[] = [
  { file: "01_sync_vs_async.ts", title: "Sync vs async: one worker, many waits" },
  { file: "02_async_await_rules.ts", title: "The rules of async and await" },
  { file: "03_event_loop.ts", title: "The event loop" },
  { file: "04_makerandom.ts", title: "makerandom: three calls taking turns" },
  { file: "05_chaining.ts", title: "Chaining: one step awaits the next" },
  { file: "06_queue.ts", title: "Producers and consumers with a queue" },
  { file: "07_for_await_using.ts", title: "for await and await using" },
  { file: "08_toolbox.ts", title: "The toolbox: all, allSettled, race, any" },
  { file: "09_many_errors.ts", title: "Many errors at once" },
  { file: "10_pitfalls.ts", title: "The pitfalls, measured" },
  { file: "11_ecosystem.ts", title: "The ecosystem" },
];

/**
 * Finds the lesson named by `arg`: its number (`5`, `05`) or part of its name (`chaining`).
 *
 * @param arg What the user typed.
 * @returns The lesson's file name, or `undefined` when nothing (or more than one lesson) matches.
 */
export function findLesson(arg: string): string | undefined {
  const wanted = arg.trim().toLowerCase();
  if (wanted === "") return undefined;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    return LESSONS.find((l) => Number(l.file.slice(0, 2)) === n)?.file;
  }
  const matches = LESSONS.filter((l) => l.file.replace(/\.ts$/, "").includes(wanted));
  return matches.length === 1 ? matches[0].file : undefined;
}

const USAGE = "usage: deno task lesson N   (N = 1..11, 05, or part of a name like chaining)";

/**
 * Runs the lesson named by `args[0]`.
 *
 * @param args Command-line arguments.
 * @returns The exit code: 0 when the lesson ran, 2 for a bad argument.
 */
export async function run(args: string[]): Promise<number> {
  const file = args.length === 1 ? findLesson(args[0]) : undefined;
  if (file === undefined) {
    console.error(args.length === 0 ? USAGE : `Cannot find lesson "${args.join(" ")}"\n${USAGE}`);
    for (const { file, title } of LESSONS) console.error(`  ${file.slice(0, 2)}  ${title}`);
    return 2;
  }
  const lesson = await import(new URL(`./${file}`, import.meta.url).href);
  await lesson.main();
  return 0;
}

if (import.meta.main) {
  const code = await run(Deno.args);
  if (code !== 0) Deno.exit(code);
}
