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
 * @module
 */
import type { TimelineSpan } from "./check.ts";

/** Options of {@linkcode renderTimeline}. */
export interface TimelineOptions {
  /** Columns available for the whole drawing (default 80). */
  width?: number;
  /** Only ASCII characters (for terminals that are not UTF-8). */
  ascii?: boolean;
  /** Most bars drawn; the rest are summarised (default 12). */
  maxRows?: number;
}

const GLYPHS = {
  unicode: { ok: "█", timeout: "▒", aborted: "░", error: "▓", pending: "┄", tick: "│" },
  ascii: { ok: "#", timeout: "~", aborted: "-", error: "x", pending: ".", tick: "|" },
};
const MARKS = {
  unicode: { ok: "", timeout: " ⏱ timeout", aborted: " ✂ aborted", error: " ✗ error", pending: " … never settled" },
  ascii: { ok: "", timeout: " timeout", aborted: " aborted", error: " error", pending: " never settled" },
};

/** Picks a tick step (in seconds) so that labels do not collide. */
function tickStep(totalSeconds: number, columns: number): number {
  for (const step of [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600]) {
    if ((totalSeconds / step) * 6 <= columns) return step;
  }
  return Math.ceil(totalSeconds / 10);
}

/**
 * Renders spans as text lines (no trailing newline, no colour). Returns no
 * line when there is nothing to draw.
 *
 * @example
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
  const set = options.ascii ? "ascii" : "unicode";
  const glyph = GLYPHS[set], mark = MARKS[set];
  const maxRows = options.maxRows ?? 12;
  const shown = spans.slice(0, maxRows);
  const labelWidth = Math.min(16, Math.max(...shown.map((s) => s.label.length))) + 1;
  const endOf = (s: TimelineSpan) => s.end ?? s.start;
  const lastMs = Math.max(...spans.map(endOf), 1);
  const total = Math.max(1, Math.ceil(lastMs / 1000 - 1e-9));
  const markWidth = Math.max(...shown.map((s) => mark[s.outcome].length));
  const columns = Math.max(10, (options.width ?? 80) - labelWidth - markWidth - 1);
  const perSecond = Math.max(1, Math.floor(columns / total));
  const col = (ms: number) => Math.round((ms / 1000) * perSecond);
  const step = tickStep(total, total * perSecond);
  // Axis labels: "0s" at column 0, then one per step.
  let axis = "";
  for (let t = 0; t <= total + 1e-9; t += step) {
    const label = `${Number.isInteger(t) ? t : t.toFixed(1)}s`;
    const at = labelWidth + col(t * 1000);
    if (at >= axis.length) axis = axis.padEnd(at) + label;
  }
  const lines = [axis];
  for (const s of shown) {
    const from = col(s.start);
    const to = s.end === null ? col(lastMs) + 2 : Math.max(col(s.end), from + (s.end > s.start ? 1 : 0));
    const fill = s.end === null ? glyph.pending : glyph[s.outcome === "pending" ? "pending" : s.outcome];
    const name = s.label.length > labelWidth - 1 ? s.label.slice(0, labelWidth - 2) + "…" : s.label;
    const bar = " ".repeat(from) + fill.repeat(Math.max(to - from, s.end === s.start ? 0 : 1));
    const zero = s.end !== null && s.end === s.start ? glyph.tick : "";
    lines.push((name.padEnd(labelWidth) + bar + zero + mark[s.outcome]).trimEnd());
  }
  if (spans.length > shown.length) lines.push(`… +${spans.length - shown.length}`);
  return lines;
}
