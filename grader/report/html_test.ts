import assert from "node:assert/strict";
import { renderHtml } from "./html.ts";
import { escapeHtml, timelineSvg } from "./_page.ts";
import { sampleReport } from "./_sample.ts";

const DATE = new Date(Date.UTC(2026, 10, 30, 14, 5));

/**
 * Every address the page could make a browser fetch: an attribute of a tag
 * that names a resource (not a `#fragment`), `url(…)` or `@import` in CSS, any
 * `http://` or `https://`, any protocol-relative `//host/`.
 */
export function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const attrs = /\s([a-zA-Z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g;
    for (const [, name, quoted] of tag[0].matchAll(attrs)) {
      const value = quoted.replace(/^["']|["']$/g, "");
      const names = ["src", "href", "srcset", "action", "data", "poster", "xlink:href"];
      if (names.includes(name.toLowerCase()) && !value.startsWith("#")) {
        found.push(`${name}=${value}`);
      }
    }
  }
  for (const m of html.matchAll(/url\(|@import|\bhttps?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//gi)) {
    found.push(m[0]);
  }
  return found;
}

Deno.test("renderHtml() writes one page with no outside reference of any kind", () => {
  const html = renderHtml(sampleReport("en"), { date: DATE, timeZone: "UTC" });
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.deepEqual(externalReferences(html), []);
  assert.match(
    html,
    /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'none'/,
  );
  assert.doesNotMatch(html, /<script/i, "the learner's page needs no script");
  assert.match(html, /<style>[^<]*@media print/);
  assert.match(html, /prefers-color-scheme:dark/);
});

Deno.test("renderHtml() shows the score, each exercise and each failed check with its timeline", () => {
  const html = renderHtml(sampleReport("en"), { date: DATE, timeZone: "UTC" });
  assert.match(html, /Total: 3 \/ 14/);
  assert.match(html, /Graded on November 30, 2026 at 2:05\sPM · seed 444/);
  assert.match(html, /id="ex-01_gather"/);
  assert.match(html, /id="ex-02_downloads"/);
  assert.match(html, /✗ runConcurrent takes the longest wait \(3\.0 s\), not the sum/);
  assert.match(html, /timeline: took 6\.0 s, expected 3\.0 s/);
  assert.match(html, /hint: start all three before awaiting any of them/);
  const svgs = html.match(/<svg class="timeline"[\s\S]*?<\/svg>/g) ?? [];
  assert.equal(svgs.length, 1, "one failed check has spans");
  assert.equal(svgs[0].match(/<rect class="tl-ok"/g)?.length, 3);
  assert.match(svgs[0], /expected end: 3\.0 s/);
  assert.match(html, /your file could not be loaded: SyntaxError/);
});

Deno.test("renderHtml() escapes what the learner's code controls", () => {
  const html = renderHtml(sampleReport("en"), { date: DATE, timeZone: "UTC" });
  assert.match(html, /&quot;quotes&quot;, &lt;tags&gt; &amp; commas/);
  assert.match(html, /hello &lt;world&gt; &amp;/);
  assert.doesNotMatch(html, /<tags>|<world>/);
});

Deno.test("renderHtml() speaks French with French dates and numbers", () => {
  const report = sampleReport("fr");
  report.exercises[0].score = 2.5;
  const html = renderHtml(report, { date: DATE, timeZone: "UTC" });
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /Corrigé le 30 novembre 2026 à 14:05 · graine 444/);
  assert.match(html, /2,5 \/ 10/);
  assert.match(html, /Total\u00a0: 3 \/ 14/);
  assert.match(html, /fin attendue : 3,0 s/);
  assert.match(html, /Légende\u00a0:/);
});

Deno.test("timelineSvg() puts each span on a shared axis, marks the outcome, escapes labels", () => {
  const svg = timelineSvg([
    { label: "a<b>", start: 0, end: 1000, outcome: "ok" },
    { label: "slow", start: 0, end: 2000, outcome: "timeout" },
    { label: "never", start: 500, end: null, outcome: "pending" },
  ], { lang: "en", expectedMs: 1500, title: "t" });
  const rects = [
    ...svg.matchAll(/<rect class="tl-(\w+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g),
  ]
    .map((m) => ({ cls: m[1], x: Number(m[2]), w: Number(m[3]) }));
  assert.deepEqual(rects.map((r) => r.cls), ["ok", "timeout", "pending"]);
  assert.equal(rects[0].x, rects[1].x, "both start at 0");
  assert.ok(Math.abs(rects[1].w - 2 * rects[0].w) < 0.2, "twice as long, twice as wide");
  assert.match(svg, /timed out/);
  assert.match(svg, /never settled/);
  assert.match(svg, /a&lt;b&gt;/);
  assert.match(svg, /class="expected"/);
  assert.doesNotMatch(svg, /class="took"/, "no end line where a bar ends");
  const late = timelineSvg([{ label: "a", start: 0, end: 3000, outcome: "ok" }], {
    lang: "fr",
    expectedMs: 3000,
    tookMs: 4000,
    title: "t",
  });
  assert.match(late, /<line class="took"/);
  assert.match(late, /fin de votre code : 4,0 s/);
  assert.match(late, />4 s</, "the axis reaches the end of the run");
  assert.equal(timelineSvg([], { lang: "en", title: "t" }), "");
});

Deno.test("escapeHtml() escapes the five characters that matter", () => {
  assert.equal(
    escapeHtml(`<a href="x">'&'</a>`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
  );
});

Deno.test("timelineSvg() reaches a deadline, marks calls and draws a forgotten timer", () => {
  const svg = timelineSvg([{ label: "work", start: 0, end: 1000, outcome: "ok" }], {
    lang: "fr",
    title: "t",
    marks: [
      { at: 1800, label: "deadline", kind: "deadline" },
      { at: 2030, label: "onDone(<a>)", kind: "call" },
    ],
    pendingTimers: [{ start: 0, due: 3500 }],
  });
  // The axis goes on to the timer's due time.
  assert.match(svg, />3,5 s<\/text>/);
  assert.match(svg, /échéance : 1,8 s/);
  assert.match(svg, /onDone\(&lt;a&gt;\) · 2,03 s/);
  assert.match(svg, /class="tl-timer"/);
  assert.match(svg, /votre minuteur/);
  assert.match(svg, /oublié, prévu à 3,5 s/);
  // A timer alone still makes a drawing.
  assert.notEqual(
    timelineSvg([], { lang: "en", title: "t", pendingTimers: [{ start: 0, due: 1 }] }),
    "",
  );
});
