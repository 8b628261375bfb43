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

  Deno.test(`renderTimeline() labels every tick of ${name} spans, evenly`, () => {
    for (const lang of ["en", "fr"] as const) {
      for (const width of WIDTHS) {
        const [axis] = renderTimeline(spans, { width, lang });
        const where = `${lang} width ${width}: ${JSON.stringify(axis)}`;
        // `0,5 s` in French, `0.5 s` in English: a number, a space, the unit.
        const ticks = [...axis.matchAll(/(\d+(?:[.,]\d)?) s(?= |$)/g)].map((m) => m[1]);
        assert.equal(axis.replace(/\d+(?:[.,]\d)? s/g, "").trim(), "", `${where}: labels only`);
        assert.doesNotMatch(axis, /s \d/, `${where}: two spaces at least between labels`);
        assert.ok(ticks.length >= 2, `${where}: at least two ticks`);
        assert.equal(ticks[0], "0");
        for (const t of ticks) assert.match(t, lang === "fr" ? /^\d+(,\d)?$/ : /^\d+(\.\d)?$/);
        // No tick is left out: consecutive labels are one step apart.
        const values = ticks.map((t) => Number(t.replace(",", ".")));
        const step = values[1] - values[0];
        values.forEach((v, i) => assert.ok(Math.abs(v - i * step) < 1e-9, `${where}: ${v}`));
      }
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
  assert.match(lines[0], /^ +0 s +1 s +2 s +3 s +4 s +5 s +6 s$/);
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
  assert.equal(last.indexOf("↑"), lines[0].indexOf("3 s"));
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

Deno.test("renderTimeline() reaches a deadline the bars stop before, and marks it", () => {
  const spans = [{ label: "query", start: 0, end: 1000, outcome: "ok" as const }];
  for (const lang of ["en", "fr"] as const) {
    const lines = renderTimeline(spans, {
      width: 80,
      lang,
      marks: [{ at: 1800, label: "deadline", kind: "deadline" }],
    });
    assert.match(lines[0], / 2 s$/, "the axis goes on to the deadline's second");
    const mark = lines.at(-1)!;
    assert.match(mark, lang === "en" ? /deadline: 1\.8 s/ : /échéance : 1,8 s/);
    // The arrow sits at 1.8 s: between the 1 s and 2 s ticks, nearer 2 s.
    const one = lines[0].indexOf(" 1 s") + 1, two = lines[0].indexOf(" 2 s") + 1;
    const at = mark.indexOf("↑");
    assert.ok(at > one + (two - one) / 2 && at < two, lines.join("\n"));
  }
});

Deno.test("renderTimeline() draws a forgotten timer to its due time in its own style", () => {
  const spans = [{ label: "query", start: 0, end: 500, outcome: "ok" as const }];
  const lines = renderTimeline(spans, { width: 80, pendingTimers: [{ start: 0, due: 2500 }] });
  assert.match(lines[0], / 3 s$/);
  const timer = lines.find((l) => l.startsWith("your timer"))!;
  assert.match(timer, /^your timer +╌+┤ forgotten, due at 2\.5 s$/);
  const fr = renderTimeline(spans, {
    width: 80,
    lang: "fr",
    ascii: true,
    pendingTimers: [{ start: 0, due: 2500 }],
  });
  assert.match(fr.find((l) => l.startsWith("votre minuteur"))!, /:+\| oublié, prévu à 2,5 s$/);
  // Nothing else to draw: the timer alone still makes a drawing.
  assert.equal(renderTimeline([], { pendingTimers: [{ start: 0, due: 1000 }] }).length, 2);
});

Deno.test("renderTimeline() marks each call and printed line at its instant, to the millisecond", () => {
  const spans = [{ label: "file_1.zip", start: 0, end: 2000, outcome: "ok" as const }];
  const lines = renderTimeline(spans, {
    width: 80,
    marks: [
      { at: 2030, label: "onDone(file_1.zip)", kind: "call" },
      { at: 2000, label: "file_1.zip ok", kind: "print" },
    ],
  });
  const [printed, called] = lines.slice(-2);
  assert.match(printed, /↑ file_1\.zip ok · 2\.0 s$/);
  assert.match(called, /onDone\(file_1\.zip\) · 2\.03 s/);
  assert.ok(called.indexOf("↑") >= printed.indexOf("↑"), lines.join("\n"));
  for (const line of lines) assert.ok(columns(line) <= 80, line);
});
