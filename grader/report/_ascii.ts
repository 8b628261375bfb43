/**
 * Plain ASCII for terminals that are not UTF-8 (`LANG=C`, old consoles) or
 * under `--ascii`: typographic punctuation becomes its ASCII look-alike and
 * accents are dropped (`é` → `e`), so the report stays readable instead of
 * filling with mojibake.
 *
 * @module
 */

const PUNCTUATION: Record<string, string> = {
  "—": "-",
  "–": "-",
  "·": "|",
  "…": "...",
  "‘": "'",
  "’": "'",
  "“": '"',
  "”": '"',
  "«": '"',
  "»": '"',
  "›": ">",
  "‹": "<",
  "→": "->",
  "←": "<-",
  "↑": "^",
  "×": "x",
  "≤": "<=",
  "≥": ">=",
  "\u00a0": " ",
  "\u202f": " ",
  "✓": "[ok]",
  "✗": "[x]",
};

/**
 * Turns text into printable ASCII (plus newlines and tabs).
 *
 * @example
 * ```ts
 * import { toAscii } from "./_ascii.ts";
 * import assert from "node:assert/strict";
 * assert.equal(toAscii("chronologie : 6,0 s — déjà…"), "chronologie : 6,0 s - deja...");
 * ```
 */
export function toAscii(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(
    // deno-lint-ignore no-control-regex
    /[^\t\n\r\x20-\x7e\x1b]/gu,
    (c) => PUNCTUATION[c] ?? (c === "œ" ? "oe" : c === "Œ" ? "OE" : c === "æ" ? "ae" : "?"),
  );
}
