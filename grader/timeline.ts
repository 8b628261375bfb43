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
  const longest = tickLabel(totalSeconds, lang).length + 1;
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
  const lines = [axis];
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
