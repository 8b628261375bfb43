/**
 * # Exercise 2 — Five downloads, reported as each one finishes
 *
 * You are writing a small downloader. Five files download in parallel; each
 * takes a random time between 1 and 5 seconds. The user wants to see a line
 * **the moment each file is done** — so in the order they finish, not the
 * order they were started — and, at the end, the total time and the slowest
 * file. Python has `asyncio.as_completed()` for this; TypeScript has no such
 * built-in, so you write it yourself.
 *
 * 1. `planDownloads(count = 5, random = Math.random)`: return `count` files
 *    named `file_1.zip`, `file_2.zip`…, each with a duration of
 *    `1 + random() * 4` seconds rounded to one decimal (one `random()` draw
 *    per file, in order). Use the `random` you are given: the grader passes
 *    its own.
 * 2. `download(file)`: wait exactly `file.seconds` (any duration, e.g.
 *    2.347 s) without blocking, then resolve with the file.
 * 3. `asCompleted(promises)`: an async iterator that yields each promise's
 *    value **as soon as that promise settles**, fastest first. It starts
 *    watching the promises the moment it is called, not at the first
 *    `next()`: a reader who starts late still gets them in the order they
 *    settled. If a promise rejects, `next()` rejects with its error at its
 *    turn (after the values that settled before it); nothing may stay
 *    rejected with no handler, even if the reader stops there. With no
 *    promises it ends at once. `promises` may be any iterable (an array, a
 *    `Set`, a generator): read it only once. Two calls give two independent
 *    iterators.
 * 4. `downloadAll(files, { download, onDone })`: start every download at
 *    once, call `onDone(file, seconds)` the moment each one finishes
 *    (`seconds` = time since this call started), and return
 *    `{ seconds, slowest }`: the total time this call took, measured with
 *    `performance.now()`, and the name of the slowest file, wherever it is
 *    in the list. Use the `download` and `onDone` options when given.
 * 5. `main()`: plan five downloads, run them, and print a line naming each
 *    file the moment it finishes, with its time, then the total time and the
 *    slowest file — something like:
 *
 * ```
 * Starting downloads...
 * ✓ file_3.zip done (1.2 s)
 * ✓ file_1.zip done (2.4 s)
 * ✓ file_5.zip done (3.1 s)
 * ✓ file_2.zip done (4.0 s)
 * ✓ file_4.zip done (4.8 s)
 * Total time: 4.8 s — slowest file: file_4.zip
 * ```
 *
 * Expected: the total is the longest download (at most 5 s), not the sum.
 * Any words and any language will do (`console.log`, `Deno.stdout` or
 * `process.stdout`): the grader reads the file names, the figures (seconds
 * or milliseconds) and when each line was printed.
 *
 * Run it: `deno run exercises/02_downloads.ts` · grade it: `deno task grade 2`
 * · stuck? `deno task hint 2`
 *
 * @module
 */

/** A file to download and how long it takes, in seconds. */
export interface Download {
  name: string;
  seconds: number;
}

/** What `downloadAll` returns. */
export interface DownloadSummary {
  /** Total time measured with `performance.now()`, in seconds. */
  seconds: number;
  /** Name of the file that took longest. */
  slowest: string;
}

/** Plans `count` files named `file_1.zip`… taking 1–5 s each (one decimal). */
export function planDownloads(
  count = 5,
  random: () => number = Math.random,
): Download[] {
  // TODO: build `count` files; seconds = 1 + random() * 4, rounded to one decimal
  throw new Error("TODO: planDownloads()", { cause: { count, random } });
}

/** Waits `file.seconds` without blocking, then resolves with the file. */
export function download(file: Download): Promise<Download> {
  // TODO: wait file.seconds (setTimeout takes milliseconds), then return the file
  throw new Error("TODO: download()", { cause: { file } });
}

/** Yields each promise's value as soon as it settles, fastest first. */
export function asCompleted<T>(
  promises: Iterable<Promise<T>>,
): AsyncIterableIterator<T> {
  // TODO: set up now (read the promises, attach a `.then` to each), then return an async
  // generator (`return (async function* () { … })()`) or your own async iterator
  throw new Error("TODO: asCompleted()", { cause: { promises } });
}

/** Starts every download at once and reports each one the moment it finishes. */
export function downloadAll(
  files: Download[],
  options: {
    download?: (file: Download) => Promise<Download>;
    onDone?: (file: Download, seconds: number) => void;
  } = {},
): Promise<DownloadSummary> {
  // TODO: start all downloads, loop over asCompleted(...) calling onDone, return the summary
  throw new Error("TODO: downloadAll()", { cause: { files, options } });
}

/** Plans five downloads, runs them, and prints each as it finishes. */
export function main(): Promise<void> {
  // TODO: print a line as each file finishes, then the total time and the slowest file
  throw new Error("TODO: main()");
}

if (import.meta.main) {
  await main();
}
