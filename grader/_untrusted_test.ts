import assert from "node:assert/strict";
import { MAX_UNTRUSTED, untrusted, untrustedOrNull } from "./_untrusted.ts";

Deno.test("untrusted() shows escape sequences instead of obeying them", () => {
  assert.equal(untrusted("\x1b[2J\x1b[H✓ 20/20"), "␛[2J␛[H✓ 20/20");
});

Deno.test("untrusted() keeps newlines and tabs, replaces other controls and bidi overrides", () => {
  assert.equal(untrusted("a\tb\nc\rd\x00e\u202ef\x9bg"), "a\tb\nc\uFFFDd\uFFFDe\uFFFDf\uFFFDg");
});

Deno.test("untrusted() cuts endless text", () => {
  const out = untrusted("x".repeat(MAX_UNTRUSTED * 3));
  assert.equal(out.length, MAX_UNTRUSTED + 1);
  assert.ok(out.endsWith("…"));
});

Deno.test("untrustedOrNull() passes null through", () => {
  assert.equal(untrustedOrNull(null), null);
  assert.equal(untrustedOrNull("\x07"), "\uFFFD");
});
