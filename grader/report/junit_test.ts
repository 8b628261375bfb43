import assert from "node:assert/strict";
import { renderJunit, xmlEscape } from "./junit.ts";
import { sampleReport } from "./_sample.ts";

/** Checks that `xml` is well formed: balanced tags, escaped text and attributes. */
function assertWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, "");
  const stack: string[] = [];
  const tag =
    /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of body.matchAll(tag)) {
    const text = body.slice(last, m.index);
    assert.doesNotMatch(text, /<|&(?!(amp|lt|gt|quot|apos);)/, `raw markup in text: ${text}`);
    last = m.index! + m[0].length;
    if (m[1]) assert.equal(stack.pop(), m[2], `closing ${m[2]}`);
    else if (!m[4]) stack.push(m[2]);
  }
  assert.doesNotMatch(body.slice(last), /</);
  assert.deepEqual(stack, [], "every tag is closed");
}

Deno.test("renderJunit() gives one testcase per check, with failures and errors", () => {
  const xml = renderJunit(sampleReport());
  assertWellFormed(xml);
  assert.equal(xml.match(/<testcase /g)?.length, 5);
  assert.equal(xml.match(/<failure /g)?.length, 2);
  assert.equal(xml.match(/<error /g)?.length, 2);
  assert.match(
    xml,
    /<testsuites name="async-lab" tests="5" failures="2" errors="2" time="0\.123">/,
  );
  assert.match(
    xml,
    /<testsuite name="01_gather Three slow calls" tests="3" failures="2" errors="0"/,
  );
  assert.match(xml, /<property name="score" value="3"\/>/);
  assert.match(xml, /<error message="your file could not be loaded[^"]*" type="load">/);
});

Deno.test("renderJunit() puts the message, the timeline and the hint in the failure", () => {
  const xml = renderJunit(sampleReport());
  const failure = /<failure message="took 6\.0 s[^"]*" type="fail">([^<]*)<\/failure>/.exec(xml);
  assert.ok(failure, xml);
  assert.match(failure[1], /expected: 3\.0 s · observed: 6\.0 s/);
  assert.match(failure[1], /timeline: took 6\.0 s, expected 3\.0 s/);
  assert.match(failure[1], /\norders +█+\n/);
  assert.match(failure[1], /hint: start all three/);
  assert.match(renderJunit(sampleReport(), { ascii: true }), /\norders +#+\n/);
});

Deno.test("renderJunit() escapes what the learner's code wrote", () => {
  const xml = renderJunit(sampleReport());
  assert.match(xml, /100% wrong: &quot;quotes&quot;, &lt;tags&gt; &amp; commas/);
  assert.match(xml, /<system-out>hello &lt;world&gt; &amp; \uFFFDbell<\/system-out>/);
});

Deno.test("renderJunit() speaks the report's language", () => {
  const xml = renderJunit(sampleReport("fr"));
  assert.match(xml, /attendu\u00a0: 3\.0 s · observé\u00a0: 6\.0 s/);
  assert.match(xml, /indice\u00a0: start all three/);
});

Deno.test("xmlEscape() replaces characters XML cannot hold", () => {
  assert.equal(xmlEscape("a\u0000b\u001bc\td"), "a\uFFFDb\uFFFDc\td");
  assert.equal(xmlEscape(`<a href="x">&'`), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
});
