import assert from "node:assert/strict";
import { observationKey, renderClassHtml, sameAsOf, summarise } from "./class_html.ts";
import { HOSTILE_NAME, sampleClass } from "./_sample_class.ts";
import { externalReferences } from "./html_test.ts";

const DATE = new Date(Date.UTC(2026, 10, 30, 14, 5));

Deno.test("externalReferences() finds what a browser would fetch", () => {
  assert.equal(externalReferences(`<img src="x.png">`).length, 1);
  assert.equal(externalReferences(`<link href='https://cdn.example/a.css'>`).length, 2);
  assert.equal(externalReferences(`<style>a{background:url(x.png)}</style>`).length, 1);
  assert.deepEqual(externalReferences(`<a href="#student-1">x</a>`), []);
});

Deno.test("renderClassHtml() writes one page with no outside reference and only its own script", () => {
  const html = renderClassHtml(sampleClass("en"), { date: DATE, timeZone: "UTC" });
  assert.deepEqual(externalReferences(html), []);
  assert.equal(html.match(/<script/g)?.length, 1, "one script: the table's");
  assert.match(html, /script-src 'sha256-[A-Za-z0-9+/]+=*'/);
  assert.match(html, /<div class="controls" id="controls" hidden>/, "no controls without script");
});

Deno.test("renderClassHtml() escapes every student's name and message", () => {
  const html = renderClassHtml(sampleClass("en"), { date: DATE, timeZone: "UTC" });
  assert.ok(!html.includes(HOSTILE_NAME));
  assert.doesNotMatch(html, /<img/);
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.match(html, /&lt;img src=x onerror=&quot;window\.pwned=1&quot;&gt;&lt;script&gt;/);
  assert.match(html, /boom &lt;b&gt;/);
  assert.match(html, /&lt;tags&gt; &amp; commas/);
});

Deno.test("observationKey() groups messages that differ only in their numbers", () => {
  const a = "took 6.0 s of virtual time; concurrent code takes the longest call, 3.0 s";
  const b = "took 5.5 s of virtual time; concurrent code takes the longest call, 3.0 s";
  assert.equal(observationKey(a), observationKey(b));
  assert.equal(observationKey("a 1\u202f234,5 s  b"), "a # s b");
  assert.notEqual(observationKey(a), observationKey("`fetchOrders()` took 1.0 s"));
});

Deno.test("summarise() ranks the checks by failing students and groups their observations", () => {
  const s = summarise(sampleClass("en"));
  const top = s.checks[0];
  assert.equal(`${top.exercise}/${top.id}`, "01_gather/concurrent-max-not-sum");
  assert.deepEqual(top.failing.map((x) => x.name), ["zoé", HOSTILE_NAME, "Yann"]);
  assert.equal(top.todo, 1, "bob had not started");
  assert.equal(top.groups.length, 1, "6.0 s and 5.0 s group together");
  assert.equal(top.groups[0].students.length, 3);
  assert.equal(top.groups[0].variants, 2);
  assert.match(
    top.groups[0].message,
    /^took 6\.0 s/,
    "the most frequent wording stands for the group",
  );
  assert.equal(top.groups[0].example?.check.timeline.length, 3);
  const last = s.checks.at(-1)!;
  assert.equal(last.failing.length, 0);
  assert.deepEqual(s.checks.map((c) => c.failing.length), [3, 3, 0, 0, 0]);
  const unloadable = s.checks.find((c) => c.id === "as-completed")!;
  assert.equal(unloadable.ungraded, 1, "a file that does not load is not graded, not failing");
  assert.deepEqual(s.bins.map((b) => b.count), [2, 1, 0, 2, 0, 0, 0, 1]);
  assert.deepEqual(s.perExercise[0].counts, { pass: 1, fail: 3, todo: 1, error: 1 });
  assert.equal(s.median, 5);
  assert.equal(s.mean, 31 / 6);
});

Deno.test("renderClassHtml() shows the distribution, the ranked checks, the most failed in detail, each student", () => {
  const html = renderClassHtml(sampleClass("en"), { date: DATE, timeZone: "UTC" });
  assert.match(html, /6 submissions · mean 5\.2 \/ 14 · median 5 \/ 14/);
  assert.equal(html.match(/<svg class="histogram"/g)?.length, 1);
  assert.match(html, /<title>14 points: 1 student<\/title>/);
  assert.match(html, /3 of 6 students fail this check/);
  assert.match(
    html,
    /took 6\.0 s of virtual time;[^<]*<span class="muted small">\(the values vary/,
  );
  assert.match(html, /— <b>3 students<\/b>/);
  assert.match(html, /<svg class="timeline"/);
  assert.match(html, /3 checks that no student who started them fails/);
  for (let i = 0; i < 6; i++) {
    assert.match(html, new RegExp(`<tr data-index="${i}"`));
    assert.match(html, new RegExp(`<section class="card" id="student-${i}">`));
  }
  assert.match(html, /The grader could not grade this submission\./);
});

Deno.test("renderClassHtml() shows same_as flags only when the batch has them", () => {
  const withFlags = renderClassHtml(sampleClass("en", true), { date: DATE, timeZone: "UTC" });
  assert.match(withFlags, />Same as<\/th>/);
  assert.match(withFlags, /<td>⚑ Yann<\/td>/);
  const without = renderClassHtml(sampleClass("en", false), { date: DATE, timeZone: "UTC" });
  assert.doesNotMatch(without, /Same as/);
  const row = sampleClass("en").rows[0];
  assert.deepEqual(sameAsOf(row), ["Yann"]);
  assert.deepEqual(sameAsOf({ ...row, same_as: "x" } as typeof row), ["x"]);
  assert.deepEqual(sameAsOf({ ...row, same_as: null } as unknown as typeof row), []);
});

Deno.test("renderClassHtml() speaks French, with French dates and numbers", () => {
  const html = renderClassHtml(sampleClass("fr"), { date: DATE, timeZone: "UTC" });
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /Corrigé le 30 novembre 2026 à 14:05 · graine 444/);
  assert.match(html, /6 rendus · moyenne 5,2 \/ 14 · médiane 5 \/ 14/);
  assert.match(html, /3 élèves sur 6 échouent à ce test/);
  assert.match(html, /Élèves concernés<\/b>\u00a0:/);
  assert.match(html, /data-template="\{shown\} affichés sur 6"/);
});
