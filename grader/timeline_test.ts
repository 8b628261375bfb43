import assert from "node:assert/strict";
import type { TimelineSpan } from "./check.ts";
import { renderTimeline } from "./timeline.ts";

const sequential: TimelineSpan[] = [
  { label: "users", start: 0, end: 2000, outcome: "ok" },
  { label: "orders", start: 2000, end: 5000, outcome: "ok" },
  { label: "inventory", start: 5000, end: 6000, outcome: "ok" },
];
const mixed: TimelineSpan[] = [
  { label: "server_A", start: 0, end: 500, outcome: "ok" },
  { label: "server_B", start: 0, end: 2000, outcome: "timeout" },
  { label: "server_C", start: 0, end: 2000, outcome: "aborted" },
  { label: "server_D", start: 0, end: 1200, outcome: "error" },
  { label: "a very long label for a probe", start: 100, end: null, outcome: "pending" },
  { label: "instant", start: 300, end: 300, outcome: "ok" },
];
const runaway: TimelineSpan[] = [
  { label: "tick", start: 0, end: 600_000, outcome: "ok" },
  { label: "late", start: 599_000, end: 600_000, outcome: "ok" },
];
const short: TimelineSpan[] = [
  { label: "a", start: 0, end: 100, outcome: "ok" },
  { label: "b", start: 100, end: 450, outcome: "ok" },
];
const sets = { sequential, mixed, runaway, short };
const WIDTHS = [24, 30, 40, 50, 60, 72, 80, 100, 120, 160, 200];

/** Code points, so that `█` counts as one column. */
const columns = (line: string) => [...line].length;

for (const [name, spans] of Object.entries(sets)) {
  Deno.test(`renderTimeline() fits ${name} spans in every width`, () => {
    for (const lang of ["en", "fr"] as const) {
      for (const ascii of [false, true]) {
        for (const width of WIDTHS) {
          const lines = renderTimeline(spans, { width, ascii, lang, expectedMs: 3000 });
          assert.ok(lines.length >= spans.length + 1, `${width}: a line per span and an axis`);
          for (const line of lines) {
            assert.ok(
              columns(line) <= width,
              `${name} ${lang} ascii=${ascii} width ${width}: ${columns(line)} > ${width}\n${
                lines.join("\n")
              }`,
            );
          }
        }
      }
    }
  });

  Deno.test(`renderTimeline() spaces the tick labels of ${name} spans apart`, () => {
    for (const width of WIDTHS) {
      const [axis] = renderTimeline(spans, { width, lang: "fr" });
      const ticks = axis.trim().split(/ +/);
      assert.ok(ticks.length >= 2, `width ${width}: at least two ticks in ${JSON.stringify(axis)}`);
      for (const tick of ticks) assert.match(tick, /^\d+(,\d)?s$/, `width ${width}: ${axis}`);
      assert.equal(ticks[0], "0s");
    }
  });
}

Deno.test("renderTimeline() draws calls made one after another end to end", () => {
  const lines = renderTimeline(sequential, { width: 80 });
  assert.equal(lines.length, 4);
  const bars = lines.slice(1).map((l) => /^(\S+) +?( *)(█+)$/.exec(l)!);
  const labelWidth = lines[1].indexOf("█");
  assert.deepEqual(bars.map((b) => b[1]), ["users", "orders", "inventory"]);
  const spans = lines.slice(1).map((l) => [l.indexOf("█"), l.lastIndexOf("█") + 1]);
  assert.equal(spans[0][0], labelWidth);
  assert.equal(spans[0][1], spans[1][0], "orders starts where users ends");
  assert.equal(spans[1][1], spans[2][0], "inventory starts where orders ends");
  // 2 s, 3 s and 1 s: the bar lengths keep those proportions.
  const lengths = spans.map(([a, b]) => b - a);
  assert.equal(lengths[0] * 3, lengths[1] * 2);
  assert.equal(lengths[2] * 2, lengths[0]);
  assert.match(lines[0], /^ +0s +1s +2s +3s +4s +5s +6s$/);
});

Deno.test("renderTimeline() uses only ASCII when asked", () => {
  const lines = renderTimeline([...mixed, ...sequential], {
    width: 70,
    ascii: true,
    expectedMs: 3000,
  });
  for (const line of lines) assert.match(line, /^[\x20-\x7e]*$/, line);
  assert.ok(lines.some((l) => l.includes("#")));
  assert.ok(lines.some((l) => l.includes("~") && l.includes("timed out")));
});

Deno.test("renderTimeline() marks each outcome in the learner's language", () => {
  const en = renderTimeline(mixed, { width: 100 }).join("\n");
  for (const word of ["timed out", "aborted", "failed", "never settled"]) {
    assert.ok(en.includes(word), word);
  }
  const fr = renderTimeline(mixed, { width: 100, lang: "fr" }).join("\n");
  for (const word of ["délai dépassé", "annulé", "en échec", "jamais terminé"]) {
    assert.ok(fr.includes(word), word);
  }
  assert.ok(fr.includes("▒") && fr.includes("░") && fr.includes("▓") && fr.includes("┄"));
  assert.ok(fr.includes("│"), "a zero-length span is drawn as a tick");
});

Deno.test("renderTimeline() points at the expected end under the bars", () => {
  const lines = renderTimeline(sequential, { width: 80, expectedMs: 3000 });
  const last = lines.at(-1)!;
  assert.match(last, /↑ expected end: 3\.0 s$/);
  // The arrow sits under the column of 3 s on the axis.
  assert.equal(last.indexOf("↑"), lines[0].indexOf("3s"));
  const fr = renderTimeline(sequential, { width: 80, expectedMs: 3000, lang: "fr" });
  assert.match(fr.at(-1)!, /fin attendue : 3,0 s$/);
  // Near the right edge, the words end at the arrow instead.
  const edge = renderTimeline(sequential, { width: 40, expectedMs: 6000 }).at(-1)!;
  assert.match(edge, /expected end: 6\.0 s ↑$/);
});

Deno.test("renderTimeline() summarises spans beyond maxRows", () => {
  const many = Array.from({ length: 20 }, (_, i) => ({
    label: `file_${i}`,
    start: 0,
    end: (i + 1) * 100,
    outcome: "ok" as const,
  }));
  const lines = renderTimeline(many, { maxRows: 5 });
  assert.equal(lines.length, 7);
  assert.equal(lines.at(-1), "… +15");
});

Deno.test("renderTimeline() draws nothing without spans", () => {
  assert.deepEqual(renderTimeline([]), []);
});

Deno.test("renderTimeline() keeps a label like `analyze orders/7` whole in 60 columns", () => {
  const spans = [
    { label: "fetch orders/7", start: 0, end: 1700, outcome: "ok" as const },
    { label: "analyze orders/7", start: 4000, end: 5000, outcome: "ok" as const },
  ];
  const lines = renderTimeline(spans, { width: 54 });
  assert.match(lines[1], /^fetch orders\/7 +█+$/);
  assert.match(lines[2], /^analyze orders\/7 +█+$/);
});
