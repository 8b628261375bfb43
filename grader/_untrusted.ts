/**
 * Text that came out of a sandbox is untrusted: learner code chooses its
 * error messages and what it prints. Before such text reaches a terminal, a
 * CI log or a report, control characters (an `ESC[2J` that clears the screen
 * and draws a forged "20/20"), bidirectional overrides and endless lines are
 * neutralised here.
 *
 * @module
 */

// C0 and C1 controls except tab and newline, DEL, and the bidi controls.
// deno-lint-ignore no-control-regex
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Longest untrusted text kept, in characters. */
export const MAX_UNTRUSTED = 4000;

/**
 * Makes untrusted text safe to print: `ESC` becomes `␛`, other control and
 * bidi characters become `�`, and text past `max` characters is cut with `…`.
 *
 * @example A forged screen clear is shown, not obeyed
 * ```ts
 * import { untrusted } from "./_untrusted.ts";
 * import assert from "node:assert/strict";
 * assert.equal(untrusted("\x1b[2J20/20"), "␛[2J20/20");
 * ```
 */
export function untrusted(text: string, max = MAX_UNTRUSTED): string {
  const cut = text.length > max ? text.slice(0, max) + "…" : text;
  return cut.replace(UNSAFE, (c) => (c === "\x1b" ? "␛" : "\uFFFD"));
}

/** {@linkcode untrusted} on a value that may be `null`. */
export function untrustedOrNull(text: string | null | undefined): string | null {
  return typeof text === "string" ? untrusted(text) : null;
}
