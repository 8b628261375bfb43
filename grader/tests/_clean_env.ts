/**
 * The environment a test hands to a command it runs (`grade`, `watch`,
 * `grade-batch`): English in UTF-8, no colour, whatever the machine's own
 * `LANG`, `LC_*`, `NO_COLOR`, `FORCE_COLOR`, `COLUMNS` or `INIT_CWD` (which `deno task test`
 * sets). A child inherits the rest of the environment; these are the
 * variables the grader reads, each set here so that none leaks in.
 *
 * @module
 */

/** English, UTF-8, no colour, 80 columns, no `deno task` start folder; `over` wins. */
export function cleanEnv(over: Record<string, string> = {}): Record<string, string> {
  return {
    LANG: "en_US.UTF-8",
    LC_ALL: "",
    LC_MESSAGES: "",
    LC_CTYPE: "",
    NO_COLOR: "1",
    // Set, even to "0", FORCE_COLOR beats NO_COLOR in Deno's console; empty, it is off.
    FORCE_COLOR: "",
    COLUMNS: "80",
    INIT_CWD: "",
    ...over,
  };
}
