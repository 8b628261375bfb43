/**
 * Draws the spans a check recorded on a shared time axis, so a learner sees
 * what their code did: which call ran when, and for how long.
 *
 * ```
 *   0 s       1 s       2 s       3 s       4 s       5 s       6 s
 *   users     ████████████████████
 *   orders                        ██████████████████████████████
 *   inventory                                                   ██████████
 * ```
 *
 * Every line fits in `width` columns: the scale shrinks (whole columns per
 * second while they fit, fractions of a column beyond), labels are cut, and
 * ticks are spaced so that every one is labelled. The axis reaches every
 * instant the failure talks about: the expected end, marked instants (a
 * deadline, callback calls, printed lines) and forgotten timers' due times.
 *
 * @module
 */
import type { TimelineMark, TimelineSpan } from "./check.ts";
import type { PendingTimer } from "./clock.ts";
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
  /** Instants pointed at under the bars (a deadline, calls, printed lines). */
  marks?: readonly TimelineMark[];
  /** The code's own timers still pending at the end: drawn to their due time. */
  pendingTimers?: readonly PendingTimer[];
}

/** Marked instants drawn under a timeline, at most; the rest are summarised. */
const MAX_MARKS = 6;
/** Forgotten timers drawn, at most. */
const MAX_TIMERS = 3;

const GLYPHS = {
  unicode: {
    ok: "█",
    timeout: "▒",
    aborted: "░",
    error: "▓",
    pending: "┄",
    tick: "│",
    expected: "↑",
    timer: "╌",
    due: "┤",
  },
  ascii: {
    ok: "#",
    timeout: "~",
    aborted: "-",
    error: "x",
    pending: ".",
    tick: "|",
    expected: "^",
    timer: ":",
    due: "|",
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

/** `1.5 s` / `1,5 s`, or `3 s` for whole seconds. */
function tickLabel(seconds: number, lang: Lang): string {
  const rounded = Math.round(seconds * 10) / 10;
  if (Number.isInteger(rounded)) return `${rounded} s`;
  return lang === "fr" ? `${String(rounded).replace(".", ",")} s` : `${rounded} s`;
}

/** `1.5s` / `1,5s`, or `3s` for whole seconds. */
function laneTickLabel(seconds: number, lang: Lang): string {
  const rounded = Math.round(seconds * 10) / 10;
  if (Number.isInteger(rounded)) return `${rounded}s`;
  return lang === "fr" ? `${String(rounded).replace(".", ",")}s` : `${rounded}s`;
}
/**
 * The lessons' axis (renderLanes): compact labels (`1s`), as drawn in the
 * lessons' READMEs.
 */
function drawLaneAxis(
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
  const longest = Math.max(widest, laneTickLabel(totalSeconds, lang).length) + 1;
  const step = STEPS.find((s) => s * scale >= longest && (s >= 1 || totalSeconds <= 2)) ??
    Math.ceil(totalSeconds / 2);
  let axis = "";
  for (let i = 0; i * step <= totalSeconds + 1e-9; i++) {
    const label = laneTickLabel(i * step, lang);
    const at = labelWidth + col(i * step * 1000);
    if (at >= axis.length + (axis ? 1 : 0) && at + label.length <= width) {
      axis = axis.padEnd(at) + label;
    }
  }
  return axis;
}

/** An instant at the precision it was given: `2.2 s`, `2.03 s`, `2.030 s`. */
export function instantText(ms: number, lang: Lang): string {
  const digits = ms % 100 === 0 ? 1 : ms % 10 === 0 ? 2 : 3;
  return formatSeconds(ms, lang, digits);
}

/**
 * The axis line: a label at every tick, the step chosen so that the widest
 * label fits between two ticks; the last label ends at the right edge when
 * it would overflow.
 */
function drawAxis(
  totalSeconds: number,
  scale: number,
  labelWidth: number,
  width: number,
  col: (ms: number) => number,
  lang: Lang,
): string {
  const labelsOf = (step: number) => {
    const out: string[] = [];
    for (let i = 0; i * step <= totalSeconds + 1e-9; i++) out.push(tickLabel(i * step, lang));
    return out;
  };
  const step = STEPS.find((s) =>
    s * scale >= Math.max(...labelsOf(s).map((l) => l.length)) + 2 &&
    (s >= 1 || totalSeconds <= 2)
  ) ?? totalSeconds;
  let axis = "";
  labelsOf(step).forEach((label, i) => {
    const tick = labelWidth + col(i * step * 1000);
    const at = Math.min(tick, width - label.length);
    if (at >= axis.length + (axis ? 2 : 0)) axis = axis.padEnd(at) + label;
  });
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
  const timers = (options.pendingTimers ?? []).filter((t) => t.due >= t.start);
  if (spans.length === 0 && timers.length === 0) return [];
  const width = Math.max(24, Math.floor(options.width ?? 80));
  const lang = options.lang ?? "en";
  const f = FEEDBACK[lang];
  const glyph = GLYPHS[options.ascii ? "ascii" : "unicode"];
  const ellipsis = options.ascii ? "." : "…";
  const shown = spans.slice(0, options.maxRows ?? 12);
  const shownTimers = timers.slice(0, MAX_TIMERS);
  const timerMark = (t: PendingTimer) => ` ${f.timerForgotten({ at: instantText(t.due, lang) })}`;
  // Labels such as `analyze orders/7` say which call a bar is: a third of the width for them.
  const labels = [...shown.map((s) => s.label), ...shownTimers.map(() => f.timerRow)];
  const labelWidth = Math.min(20, Math.floor(width / 3), Math.max(...labels.map((l) => l.length))) +
    1;
  // The words after the bars go when they would leave the bars too little room.
  let mark = marks(lang);
  let markWidth = Math.max(
    0,
    ...shown.map((s) => mark[s.outcome].length),
    ...shownTimers.map((t) => timerMark(t).length),
  );
  let timerWords = true;
  if (width - labelWidth - markWidth - 1 < 12) {
    mark = { ok: "", timeout: "", aborted: "", error: "", pending: "" };
    markWidth = 0;
    timerWords = false;
  }
  const expectedMs = options.expectedMs ?? null;
  // Instants pointed at under the bars, in time order; an expected end given
  // both ways is pointed at once.
  const instants = [...(options.marks ?? [])]
    .filter((m) => Number.isFinite(m.at) && m.at >= 0)
    .filter((m) => !(m.kind === "expected" && expectedMs !== null && m.at === expectedMs))
    .sort((a, b) => a.at - b.at);
  // The axis reaches every instant the failure talks about.
  const lastMs = Math.max(
    1,
    ...spans.map((s) => s.end ?? s.start),
    expectedMs ?? 0,
    ...instants.map((m) => m.at),
    ...shownTimers.map((t) => t.due),
  );
  const totalSeconds = Math.max(1, Math.ceil(lastMs / 1000 - 1e-9));
  // One column is kept for the tick drawn by a zero-length span, and room for the last tick's label.
  const lastTick = tickLabel(totalSeconds, lang).length;
  const columns = Math.max(8, width - labelWidth - Math.max(markWidth + 1, lastTick));
  // Columns per second: whole ones while they fit (even bars), fractions beyond.
  const exact = columns / totalSeconds;
  const scale = exact >= 1 ? Math.floor(exact) : exact;
  const col = (ms: number) => Math.min(columns, Math.round((ms / 1000) * scale));
  const lines = [drawAxis(totalSeconds, scale, labelWidth, width, col, lang)];
  const name = (label: string) =>
    label.length > labelWidth - 1 ? label.slice(0, labelWidth - 2) + ellipsis : label;
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
    lines.push((name(s.label).padEnd(labelWidth) + bar + mark[s.outcome]).trimEnd());
  }
  if (spans.length > shown.length) lines.push(`${ellipsis} +${spans.length - shown.length}`);
  // A forgotten timer: a dashed line from when it was set to its due time.
  for (const t of shownTimers) {
    const from = col(t.start);
    const to = Math.max(from, col(t.due));
    const bar = " ".repeat(from) + glyph.timer.repeat(to - from) + glyph.due;
    lines.push(
      (name(f.timerRow).padEnd(labelWidth) + bar + (timerWords ? timerMark(t) : "")).trimEnd(),
    );
  }
  if (timers.length > shownTimers.length) {
    lines.push(`${ellipsis} +${timers.length - shownTimers.length} ${f.timerRow}`);
  }
  if (expectedMs !== null) {
    const text = `${glyph.expected} ${f.expectedEnd({ at: formatSeconds(expectedMs, lang) })}`;
    const at = labelWidth + col(expectedMs);
    // Point at the instant when the words fit after it, else end the words there.
    const line = at + text.length <= width
      ? " ".repeat(at) + text
      : " ".repeat(Math.max(0, at + 1 - text.length)) + text.slice(2) + " " + glyph.expected;
    lines.push(line.slice(0, width).trimEnd());
  }
  for (const m of instants.slice(0, MAX_MARKS)) {
    const at = instantText(m.at, lang);
    const text = m.kind === "deadline"
      ? f.markDeadline({ at })
      : m.kind === "expected"
      ? f.expectedEnd({ at })
      : `${m.label} · ${at}`;
    lines.push(pointAt(labelWidth + col(m.at), text, glyph.expected, width));
  }
  if (instants.length > MAX_MARKS) lines.push(`${ellipsis} +${instants.length - MAX_MARKS}`);
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
  const lines = [drawLaneAxis(totalSeconds, scale, labelWidth, width, col, lang, true)];
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
