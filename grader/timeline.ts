/**
 * Draws the spans a check recorded on a shared time axis, so a learner sees
 * what their code did: which call ran when, and for how long.
 *
 * ```
 *   0s        1s        2s        3s        4s        5s        6s
 *   users     ████████████████████
 *   orders                        ██████████████████████████████
 *   inventory                                                   ██████████
 * ```
 *
 * Every line fits in `width` columns: the scale shrinks (whole columns per
 * second while they fit, fractions of a column beyond), labels are cut, and
 * tick labels are spaced so they never collide.
 *
 * @module
 */
import type { TimelineSpan } from "./check.ts";
import { FEEDBACK } from "./i18n/feedback.ts";
import { formatSeconds, type Lang } from "./i18n/mod.ts";

/** Options of {@linkcode renderTimeline}. */
export interface TimelineOptions {
  /** Columns available for the whole drawing (default 80, at least 24 used). */
  width?: number;
  /** Only ASCII characters (for terminals that are not UTF-8). */
  ascii?: boolean;
  /** Most bars drawn; the rest are summarised (default 12). */
  maxRows?: number;
  /** Language of the marks (default English). */
  lang?: Lang;
  /** When the run should have ended: drawn as a marker under the bars. */
  expectedMs?: number | null;
}

const GLYPHS = {
  unicode: {
    ok: "█",
    timeout: "▒",
    aborted: "░",
    error: "▓",
    pending: "┄",
    tick: "│",
    expected: "↑",
  },
  ascii: {
    ok: "#",
    timeout: "~",
    aborted: "-",
    error: "x",
    pending: ".",
    tick: "|",
    expected: "^",
  },
};

/** Tick steps, in seconds, from the finest. */
const STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/** The words after a bar, by outcome, in `lang`. */
function marks(lang: Lang): Record<TimelineSpan["outcome"], string> {
  const f = FEEDBACK[lang];
  return {
    ok: "",
    timeout: ` ${f.markTimeout}`,
    aborted: ` ${f.markAborted}`,
    error: ` ${f.markError}`,
    pending: ` ${f.markPending}`,
  };
}

/** `1.5s` / `1,5s`, or `3s` for whole seconds. */
function tickLabel(seconds: number, lang: Lang): string {
  const rounded = Math.round(seconds * 10) / 10;
  if (Number.isInteger(rounded)) return `${rounded}s`;
  return lang === "fr" ? `${String(rounded).replace(".", ",")}s` : `${rounded}s`;
}

/** The axis line: tick labels spaced so they never collide, within `width`. */
function drawAxis(
  totalSeconds: number,
  scale: number,
  labelWidth: number,
  width: number,
  col: (ms: number) => number,
  lang: Lang,
  everyTick = false,
): string {
  // With `everyTick`, the step leaves room for a fractional label (`0.5s`) at every tick.
  const widest = everyTick && totalSeconds <= 2 ? 4 : 0;
  const longest = Math.max(widest, tickLabel(totalSeconds, lang).length) + 1;
  const step = STEPS.find((s) => s * scale >= longest && (s >= 1 || totalSeconds <= 2)) ??
    Math.ceil(totalSeconds / 2);
  let axis = "";
  for (let i = 0; i * step <= totalSeconds + 1e-9; i++) {
    const label = tickLabel(i * step, lang);
    const at = labelWidth + col(i * step * 1000);
    if (at >= axis.length + (axis ? 1 : 0) && at + label.length <= width) {
      axis = axis.padEnd(at) + label;
    }
  }
  return axis;
}

/** A line pointing at `at` (a column) with `text`: after the arrow when it fits, else before. */
function pointAt(at: number, text: string, arrow: string, width: number): string {
  const line = at + text.length + 2 <= width
    ? " ".repeat(at) + arrow + " " + text
    : " ".repeat(Math.max(0, at - text.length - 1)) + text + " " + arrow;
  return line.slice(0, width).trimEnd();
}

/**
 * Renders spans as text lines (no trailing newline, no colour), each at most
 * `width` columns. Returns no line when there is nothing to draw.
 *
 * @example Three calls one after another
 * ```ts
 * import { renderTimeline } from "./timeline.ts";
 * import assert from "node:assert/strict";
 * const lines = renderTimeline([{ label: "users", start: 0, end: 2000, outcome: "ok" }], { width: 40, ascii: true });
 * assert.match(lines[1], /^users +#+$/);
 * ```
 */
export function renderTimeline(
  spans: readonly TimelineSpan[],
  options: TimelineOptions = {},
): string[] {
  if (spans.length === 0) return [];
  const width = Math.max(24, Math.floor(options.width ?? 80));
  const lang = options.lang ?? "en";
  const glyph = GLYPHS[options.ascii ? "ascii" : "unicode"];
  const ellipsis = options.ascii ? "." : "…";
  const shown = spans.slice(0, options.maxRows ?? 12);
  // Labels such as `analyze orders/7` say which call a bar is: a third of the width for them.
  const labelWidth =
    Math.min(20, Math.floor(width / 3), Math.max(...shown.map((s) => s.label.length))) +
    1;
  // The words after the bars go when they would leave the bars too little room.
  let mark = marks(lang);
  let markWidth = Math.max(...shown.map((s) => mark[s.outcome].length));
  if (width - labelWidth - markWidth - 1 < 12) {
    mark = { ok: "", timeout: "", aborted: "", error: "", pending: "" };
    markWidth = 0;
  }
  // One column is kept for the tick drawn by a zero-length span.
  const columns = Math.max(8, width - labelWidth - markWidth - 1);
  const expectedMs = options.expectedMs ?? null;
  const lastMs = Math.max(...spans.map((s) => s.end ?? s.start), expectedMs ?? 0, 1);
  const totalSeconds = Math.max(1, Math.ceil(lastMs / 1000 - 1e-9));
  // Columns per second: whole ones while they fit (even bars), fractions beyond.
  const exact = columns / totalSeconds;
  const scale = exact >= 1 ? Math.floor(exact) : exact;
  const col = (ms: number) => Math.min(columns, Math.round((ms / 1000) * scale));
  const lines = [drawAxis(totalSeconds, scale, labelWidth, width, col, lang)];
  for (const s of shown) {
    const from = col(s.start);
    const fill = s.end === null
      ? glyph.pending
      : glyph[s.outcome === "pending" ? "pending" : s.outcome];
    let bar: string;
    if (s.end === null) {
      bar = " ".repeat(from) + fill.repeat(Math.max(1, columns - from));
    } else if (s.end <= s.start) {
      bar = " ".repeat(from) + glyph.tick;
    } else {
      bar = " ".repeat(from) + fill.repeat(Math.max(1, col(s.end) - from));
    }
    const name = s.label.length > labelWidth - 1
      ? s.label.slice(0, labelWidth - 2) + ellipsis
      : s.label;
    lines.push((name.padEnd(labelWidth) + bar + mark[s.outcome]).trimEnd());
  }
  if (spans.length > shown.length) lines.push(`${ellipsis} +${spans.length - shown.length}`);
  if (expectedMs !== null) {
    const text = `${glyph.expected} ${
      FEEDBACK[lang].expectedEnd({ at: formatSeconds(expectedMs, lang) })
    }`;
    const at = labelWidth + col(expectedMs);
    // Point at the instant when the words fit after it, else end the words there.
    const line = at + text.length <= width
      ? " ".repeat(at) + text
      : " ".repeat(Math.max(0, at + 1 - text.length)) + text.slice(2) + " " + glyph.expected;
    lines.push(line.slice(0, width).trimEnd());
  }
  return lines;
}

/** One lane of {@linkcode renderLanes}: a task's waits and the instants it did something. */
export interface Lane {
  /** The task's name, cut to fit. */
  label: string;
  /** Its waits, in milliseconds, drawn as bars. */
  waits: readonly { start: number; end: number }[];
  /** Instants (milliseconds) drawn as marks over the bars, e.g. when it printed a line. */
  marks: readonly number[];
}

/** Options of {@linkcode renderLanes}. */
export interface LanesOptions {
  /** Columns available for the whole drawing (default 80, at least 24 used). */
  width?: number;
  /** Only ASCII characters (for terminals that are not UTF-8). */
  ascii?: boolean;
  /** Language of the tick labels (default English). */
  lang?: Lang;
  /** Instants pointed at under the lanes, one line each (a total, a sum). */
  markers?: readonly { at: number; text: string }[];
  /** Colour each lane (ANSI); only when the output allows it. */
  color?: boolean;
}

/** Glyphs of {@linkcode renderLanes}: a wait, a mark, the arrow under the lanes. */
export const LANE_GLYPHS = {
  unicode: { wait: "━", mark: "●", arrow: "↑" },
  ascii: { wait: "=", mark: "o", arrow: "^" },
} as const;

/** Cyan, red, magenta, green, yellow, blue: one per lane, in turn. */
const LANE_COLORS = ["\x1b[36m", "\x1b[91m", "\x1b[35m", "\x1b[32m", "\x1b[33m", "\x1b[34m"];

/**
 * Renders lanes on one time axis: each lane's waits as bars and its marks as
 * dots, then one line per marker pointing at its instant. Every line fits in
 * `width` columns (colour codes aside); the axis is the one of
 * {@linkcode renderTimeline}.
 *
 * @example Two tasks waiting together
 * ```ts
 * import { renderLanes } from "./timeline.ts";
 * import assert from "node:assert/strict";
 * const lines = renderLanes([
 *   { label: "a", waits: [{ start: 0, end: 1000 }], marks: [0, 1000] },
 *   { label: "b", waits: [{ start: 0, end: 2000 }], marks: [2000] },
 * ], { width: 40, ascii: true, markers: [{ at: 2000, text: "total 2.0 s" }] });
 * assert.match(lines[1], /^a +o=+o$/);
 * assert.match(lines.at(-1)!, /total 2.0 s \^$/);
 * ```
 */
export function renderLanes(lanes: readonly Lane[], options: LanesOptions = {}): string[] {
  if (lanes.length === 0) return [];
  const width = Math.max(24, Math.floor(options.width ?? 80));
  const lang = options.lang ?? "en";
  const glyph = LANE_GLYPHS[options.ascii ? "ascii" : "unicode"];
  const ellipsis = options.ascii ? "." : "…";
  const markers = options.markers ?? [];
  const labelWidth =
    Math.min(20, Math.floor(width / 3), Math.max(...lanes.map((l) => l.label.length))) +
    1;
  // The last column is kept for a mark at the very end.
  const columns = Math.max(8, width - labelWidth - 1);
  const lastMs = Math.max(
    1,
    ...lanes.flatMap((l) => [...l.waits.map((w) => w.end), ...l.marks]),
    ...markers.map((m) => m.at),
  );
  const totalSeconds = Math.max(1, Math.ceil(lastMs / 1000 - 1e-9));
  const exact = columns / totalSeconds;
  const scale = exact >= 1 ? Math.floor(exact) : exact;
  const col = (ms: number) => Math.min(columns, Math.round((ms / 1000) * scale));
  const lines = [drawAxis(totalSeconds, scale, labelWidth, width, col, lang, true)];
  lanes.forEach((lane, index) => {
    const cells: string[] = [];
    const put = (at: number, c: string) => {
      while (cells.length < at) cells.push(" ");
      cells[at] = c;
    };
    for (const w of lane.waits) {
      if (w.end <= w.start) continue;
      const from = col(w.start);
      const to = Math.max(from + 1, col(w.end));
      for (let c = from; c < to && c <= columns; c++) put(c, glyph.wait);
    }
    for (const at of lane.marks) put(col(at), glyph.mark);
    const name = lane.label.length > labelWidth - 1
      ? lane.label.slice(0, labelWidth - 2) + ellipsis
      : lane.label;
    const bar = cells.join("").trimEnd();
    const paint = options.color && bar !== ""
      ? `${LANE_COLORS[index % LANE_COLORS.length]}${bar}\x1b[0m`
      : bar;
    lines.push((name.padEnd(labelWidth) + paint).trimEnd());
  });
  for (const m of markers) lines.push(pointAt(labelWidth + col(m.at), m.text, glyph.arrow, width));
  return lines;
}
