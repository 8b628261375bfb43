/**
 * What the HTML pages share: escaping, the locale's number and date formats,
 * the page shell (inline CSS, a Content-Security-Policy that forbids every
 * request and lets only the page's own script run) and the SVG drawings
 * (timelines, histograms, bars). Nothing here loads anything from anywhere:
 * the page is one file that opens from `file://`.
 *
 * @module
 */
import { createHash } from "node:crypto";
import type { TimelineMark, TimelineSpan } from "../check.ts";
import type { PendingTimer } from "../clock.ts";
import { FEEDBACK } from "../i18n/feedback.ts";
import { formatSeconds, type Lang } from "../i18n/mod.ts";
import { HTML } from "./_html_messages.ts";

/** Text made safe for HTML content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) =>
      c === "&"
        ? "&amp;"
        : c === "<"
        ? "&lt;"
        : c === ">"
        ? "&gt;"
        : c === '"'
        ? "&quot;"
        : "&#39;",
  );
}

/** The BCP 47 locale of a language, for `Intl`. */
export function locale(lang: Lang): string {
  return lang === "fr" ? "fr-FR" : "en-US";
}

/** A number in the language's way (`1,234.5`, `1 234,5`). */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  return new Intl.NumberFormat(locale(lang), {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(n);
}

/** A date and time in the language's way. */
export function formatDate(date: Date, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "long", timeStyle: "short", timeZone })
    .format(date);
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1d2125;--muted:#5b636b;--line:#d5dae0;--card:#f5f7f9;
--ok:#1f883d;--fail:#cf222e;--todo:#8c959f;--error:#bc4c00;--aborted:#8250df;--accent:#0969da;--bar:#0969da}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#30363d;
--card:#161b22;--ok:#3fb950;--fail:#f85149;--todo:#6e7681;--error:#db6d28;--aborted:#a371f7;--accent:#4493f8;--bar:#4493f8}}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 3rem;background:var(--bg);color:var(--fg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
a{color:var(--accent)}code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
pre{background:var(--card);padding:.5rem .75rem;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-word}
.muted{color:var(--muted)}.small{font-size:.88em}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.25rem .5rem}
.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact;display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.82em;font-weight:600;color:#fff;white-space:nowrap}
.s-pass{background:var(--ok)}.s-fail{background:var(--fail)}.s-todo{background:var(--todo)}.s-error{background:var(--error)}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
.card>:first-child{margin-top:0}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;white-space:nowrap}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer;text-align:inherit}
th[aria-sort=ascending] button::after{content:" ▲"}th[aria-sort=descending] button::after{content:" ▼"}
.controls{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0}
.controls input,.controls select{font:inherit;padding:.2rem .4rem;background:var(--bg);color:var(--fg);border:1px solid var(--line);border-radius:4px}
svg{display:block;max-width:100%;height:auto}svg text{fill:var(--fg);font:13px system-ui,sans-serif}
svg.timeline text{font-size:15px}svg.histogram text{font-size:15px}svg .axis{stroke:var(--line)}svg .tick{fill:var(--muted)}svg .mark{fill:var(--muted);font-style:italic}
svg .expected{stroke:var(--fail);stroke-dasharray:4 3;stroke-width:1.5}svg .expected-label{fill:var(--fail)}svg .took{stroke:var(--fg);stroke-width:1.5}svg .tl-timer{stroke:var(--error);stroke-dasharray:2 3;stroke-width:2.5}svg .marked{stroke:var(--fg);stroke-dasharray:1 3;stroke-width:1.5}
.tl-ok{fill:var(--bar)}.tl-timeout{fill:var(--error)}.tl-aborted{fill:var(--aborted)}.tl-error{fill:var(--fail)}
.tl-pending{fill:none;stroke:var(--todo);stroke-dasharray:5 3;stroke-width:2}
.c-pass{fill:var(--ok)}.c-fail{fill:var(--fail)}.c-todo{fill:var(--todo)}.c-error{fill:var(--error)}.c-bar{fill:var(--bar)}
svg.fluid{width:100%;height:8px;margin-top:.2rem}svg .track{fill:var(--line);opacity:.5}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:.25rem 0;font-size:.85em;color:var(--muted)}
.legend i{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:-.1em;margin-right:.3em}
.legend .tl-ok{background:var(--bar)}.legend .tl-timeout{background:var(--error)}.legend .tl-aborted{background:var(--aborted)}
.legend .tl-error{background:var(--fail)}.legend .tl-pending{border:2px dashed var(--todo)}
.check{border-left:4px solid var(--fail);padding:.25rem 0 .25rem .75rem;margin:1rem 0}
.check.error{border-color:var(--error)}
.check h3,.check h4{margin:.1rem 0 .3rem;font-size:1rem}
.hint{border-left:3px solid var(--accent);padding-left:.5rem}
ul.compact{margin:.25rem 0;padding-left:1.25rem}
.obs{margin:.25rem 0}.obs b{white-space:nowrap}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 2rem}
.scorebar{height:.6rem;background:var(--line);border-radius:999px;overflow:hidden;max-width:24rem}
.scorebar svg{width:100%;height:.6rem}
@media (max-width:40rem){body{padding:.75rem .75rem 2rem;font-size:14px}h1{font-size:1.3rem}
.hide-narrow{display:none}th,td{padding:.25rem .3rem}table.ranked th{white-space:normal}.card{padding:.5rem .6rem}svg.timeline{min-width:21rem}}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--card:#fff}
body{max-width:none;padding:0;font-size:11pt}.controls,.skip,.no-print{display:none!important}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}.check,.card,svg,tr{break-inside:avoid}.scroll{overflow:visible}}
`;

/** Options of {@linkcode page}. */
export interface PageOptions {
  lang: Lang;
  title: string;
  /** The body's HTML, already escaped. */
  body: string;
  /** The page's own script (inline; the only one the page lets run). */
  script?: string;
}

/**
 * A whole HTML page: inline CSS, the body, the page's script. Its
 * Content-Security-Policy forbids every request (`default-src 'none'`) and
 * lets run only the script whose hash it names, so even markup that slipped
 * past escaping could neither load nor run anything.
 */
export function page(options: PageOptions): string {
  const script = options.script ?? "";
  const hash = createHash("sha256").update(script).digest("base64");
  const csp = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    script ? `script-src 'sha256-${hash}'` : "script-src 'none'",
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `<!DOCTYPE html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(options.title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(HTML[options.lang].skipToContent)}</a>
<main id="main">
${options.body}
</main>
${script ? `<script>${script}</script>\n` : ""}</body>
</html>
`;
}

/** Tick steps, in seconds, from the finest. */
const STEPS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/** Options of {@linkcode timelineSvg}. */
export interface TimelineSvgOptions {
  lang: Lang;
  /** When the run should have ended: a dashed line. */
  expectedMs?: number | null;
  /** When the run did end: a solid line, drawn when no bar ends there. */
  tookMs?: number | null;
  /** Accessible name of the drawing. */
  title: string;
  /** Most bars drawn (default 12). */
  maxRows?: number;
  /** Instants to mark (a deadline, calls, printed lines): a dotted line and words below. */
  marks?: readonly TimelineMark[];
  /** The code's own timers still pending at the end: drawn to their due time. */
  pendingTimers?: readonly PendingTimer[];
}

/** Marked instants and forgotten timers drawn, at most. */
const SVG_MARKS = 6, SVG_TIMERS = 3;

/** A label cut to `max` characters. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Decimals that keep an instant's precision: `2.2 s`, `2.03 s`, `2.030 s`. */
function digitsOf(ms: number): number {
  return ms % 100 === 0 ? 1 : ms % 10 === 0 ? 2 : 3;
}

/** Seconds for a tick: `3 s`, `1.5 s` (`1,5 s` in French). */
function tickText(ms: number, lang: Lang): string {
  return formatSeconds(ms, lang, ms % 1000 === 0 ? 0 : 1);
}

/**
 * A check's timeline as inline SVG: one bar per span on a shared axis in
 * virtual seconds, coloured by outcome, with a dashed line where the run
 * should have ended. Empty string when there are no spans.
 */
export function timelineSvg(spans: readonly TimelineSpan[], options: TimelineSvgOptions): string {
  const timers = (options.pendingTimers ?? []).filter((t) => t.due >= t.start).slice(
    0,
    SVG_TIMERS,
  );
  if (spans.length === 0 && timers.length === 0) return "";
  const f = FEEDBACK[options.lang];
  const maxRows = options.maxRows ?? 12;
  const shown = spans.slice(0, maxRows);
  const hidden = spans.length - shown.length;
  const expected = options.expectedMs ?? null;
  const marks = [...(options.marks ?? [])]
    .filter((m) => Number.isFinite(m.at) && m.at >= 0)
    .filter((m) => !(m.kind === "expected" && m.at === expected))
    .sort((a, b) => a.at - b.at)
    .slice(0, SVG_MARKS);
  const lastEnd = Math.max(0, ...spans.map((s) => s.end ?? s.start));
  const took = options.tookMs != null && Math.abs(options.tookMs - lastEnd) > 1
    ? options.tookMs
    : null;
  const endMs = Math.max(
    1,
    expected ?? 0,
    took ?? 0,
    ...spans.map((s) => Math.max(s.start, s.end ?? s.start)),
    ...marks.map((m) => m.at),
    ...timers.map((t) => t.due),
  );
  const step = (STEPS.find((s) => endMs / 1000 / s <= 8) ?? 3600) * 1000;
  const axisMs = Math.ceil(endMs / step) * step;
  const labelW = 150, markW = 100, width = 640, rowH = 24, top = 26;
  const plotW = width - labelW - markW;
  const x = (ms: number) => labelW + (ms / axisMs) * plotW;
  const rows = shown.length + (hidden > 0 ? 1 : 0) + timers.length;
  const below = (expected !== null ? 1 : 0) + (took !== null ? 1 : 0) + marks.length;
  const height = top + rows * rowH + 8 + below * 18;
  const parts: string[] = [];
  for (let t = 0; t <= axisMs + 1e-9; t += step) {
    parts.push(
      `<line class="axis" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 6}" y2="${
        top + rows * rowH
      }"/>`,
      `<text class="tick" x="${x(t).toFixed(1)}" y="${top - 10}" text-anchor="middle">${
        escapeHtml(tickText(t, options.lang))
      }</text>`,
    );
  }
  const markText: Record<TimelineSpan["outcome"], string> = {
    ok: "",
    timeout: f.markTimeout,
    aborted: f.markAborted,
    error: f.markError,
    pending: f.markPending,
  };
  shown.forEach((span, i) => {
    const y = top + i * rowH;
    const x0 = x(span.start);
    const x1 = x(span.end ?? axisMs);
    const w = Math.max(2, x1 - x0);
    const outcome = span.end === null ? "pending" : span.outcome;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end">${
        escapeHtml(cut(span.label, 17))
      }<title>${escapeHtml(span.label)}</title></text>`,
      outcome === "pending"
        ? `<rect class="tl-pending" x="${x0.toFixed(1)}" y="${y + 5}" width="${
          w.toFixed(1)
        }" height="12" rx="2"/>`
        : `<rect class="tl-${outcome}" x="${x0.toFixed(1)}" y="${y + 4}" width="${
          w.toFixed(1)
        }" height="14" rx="2"><title>${escapeHtml(span.label)}: ${
          escapeHtml(tickText(span.start, options.lang))
        } → ${escapeHtml(tickText(span.end ?? axisMs, options.lang))}</title></rect>`,
    );
    if (markText[outcome]) {
      parts.push(
        `<text class="mark" x="${(x0 + w + 6).toFixed(1)}" y="${y + 15}">${
          escapeHtml(markText[outcome])
        }</text>`,
      );
    }
  });
  if (hidden > 0) {
    parts.push(
      `<text class="mark" x="${labelW}" y="${top + shown.length * rowH + 15}">+ ${hidden} …</text>`,
    );
  }
  // Forgotten timers: a dotted line from when each was set to its due time.
  timers.forEach((t, i) => {
    const y = top + (shown.length + (hidden > 0 ? 1 : 0) + i) * rowH;
    const x0 = x(t.start), x1 = Math.max(x0 + 2, x(t.due));
    const words = f.timerForgotten({ at: formatSeconds(t.due, options.lang, digitsOf(t.due)) });
    parts.push(
      `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(f.timerRow)}</text>`,
      `<line class="tl-timer" x1="${x0.toFixed(1)}" x2="${x1.toFixed(1)}" y1="${y + 11}" y2="${
        y + 11
      }"><title>${escapeHtml(f.labelled({ label: f.timerRow, text: words }))}</title></line>`,
      `<line class="tl-timer" x1="${x1.toFixed(1)}" x2="${x1.toFixed(1)}" y1="${y + 4}" y2="${
        y + 18
      }"/>`,
      `<text class="mark" x="${(x1 + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(words)}</text>`,
    );
  });
  if (expected !== null) {
    const ex = x(expected).toFixed(1);
    parts.push(
      `<line class="expected" x1="${ex}" x2="${ex}" y1="${top - 4}" y2="${
        top + rows * rowH + 4
      }"/>`,
      `<text class="expected-label" x="${ex}" y="${top + rows * rowH + 17}" text-anchor="middle">${
        escapeHtml(f.expectedEnd({ at: formatSeconds(expected, options.lang) }))
      }</text>`,
    );
  }
  if (took !== null) {
    const tx = x(took).toFixed(1);
    const y = top + rows * rowH + (expected !== null ? 35 : 17);
    parts.push(
      `<line class="took" x1="${tx}" x2="${tx}" y1="${top - 4}" y2="${y - 12}"/>`,
      `<text class="took-label" x="${tx}" y="${y}" text-anchor="middle">${
        escapeHtml(HTML[options.lang].endedAt({ at: formatSeconds(took, options.lang) }))
      }</text>`,
    );
  }
  // Marked instants: a dotted line, and what happened then in the lines below.
  marks.forEach((m, i) => {
    const mx = x(m.at).toFixed(1);
    const y = top + rows * rowH + ((expected !== null ? 1 : 0) + (took !== null ? 1 : 0) + i) * 18 +
      17;
    const at = formatSeconds(m.at, options.lang, digitsOf(m.at));
    const words = m.kind === "deadline"
      ? f.markDeadline({ at })
      : m.kind === "expected"
      ? f.expectedEnd({ at })
      : `${m.label} · ${at}`;
    const anchor = x(m.at) > labelW + plotW * 0.6 ? "end" : "start";
    parts.push(
      `<line class="marked" x1="${mx}" x2="${mx}" y1="${top - 4}" y2="${y - 12}"/>`,
      `<text class="mark" x="${mx}" y="${y}" text-anchor="${anchor}">${escapeHtml(words)}</text>`,
    );
  });
  return `<div class="scroll"><svg class="timeline" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${
    escapeHtml(options.title)
  }"><title>${escapeHtml(options.title)}</title>${parts.join("")}</svg></div>`;
}

/** The legend of the timelines' colours. */
export function timelineLegend(lang: Lang): string {
  const f = FEEDBACK[lang], h = HTML[lang];
  const item = (cls: string, text: string) =>
    `<span><i class="${cls}"></i>${escapeHtml(text)}</span>`;
  return `<p class="legend"><span>${escapeHtml(h.legend)}</span>${
    [
      item("tl-ok", h.legendOk),
      item("tl-timeout", f.markTimeout),
      item("tl-aborted", f.markAborted),
      item("tl-error", f.markError),
      item("tl-pending", f.markPending),
    ].join("")
  }</p>`;
}

/** A thin horizontal bar, `value` out of `max`, as inline SVG. */
export function meterSvg(value: number, max: number, cls = "c-bar"): string {
  const w = max > 0 ? Math.max(0, Math.min(1, value / max)) * 100 : 0;
  return `<svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true"><rect class="${cls}" x="0" y="0" width="${
    w.toFixed(2)
  }" height="6"/></svg>`;
}

/** One segment of a stacked bar. */
export interface Segment {
  value: number;
  cls: string;
  title: string;
}

/**
 * A stacked horizontal bar as inline SVG: `total` fills `width` pixels, or
 * the whole width of its container when `width` is omitted.
 */
export function stackedSvg(segments: readonly Segment[], total: number, width?: number): string {
  const span = width ?? 100;
  let at = 0;
  const rects = segments.filter((s) => s.value > 0).map((s) => {
    const w = total > 0 ? (s.value / total) * span : 0;
    const r = `<rect class="${s.cls}" x="${at.toFixed(2)}" y="0" width="${
      w.toFixed(2)
    }" height="10"><title>${escapeHtml(s.title)}</title></rect>`;
    at += w;
    return r;
  });
  const size = width === undefined
    ? `class="stack fluid" preserveAspectRatio="none"`
    : `class="stack" width="${width}" height="10"`;
  return `<svg ${size} viewBox="0 0 ${span} 10" role="img" aria-label="${
    escapeHtml(segments.map((s) => s.title).join(", "))
  }"><rect class="track" x="0" y="0" width="${span}" height="10"/>${rects.join("")}</svg>`;
}

/** One column of a histogram. */
export interface Bin {
  label: string;
  count: number;
  title: string;
}

/** A histogram as inline SVG: one column per bin, its count above it. */
export function histogramSvg(bins: readonly Bin[], title: string): string {
  const width = 660, height = 200, left = 8, bottom = 26, top = 18;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const colW = (width - left * 2) / bins.length;
  const plotH = height - bottom - top;
  const parts = bins.map((b, i) => {
    const h = (b.count / max) * plotH;
    const x = left + i * colW;
    const cx = (x + colW / 2).toFixed(1);
    return `<g><title>${escapeHtml(b.title)}</title><rect class="c-bar" x="${
      (x + 3).toFixed(1)
    }" y="${(top + plotH - h).toFixed(1)}" width="${(colW - 6).toFixed(1)}" height="${
      Math.max(h, b.count > 0 ? 1 : 0).toFixed(1)
    }"/>${
      b.count > 0
        ? `<text x="${cx}" y="${
          (top + plotH - h - 4).toFixed(1)
        }" text-anchor="middle">${b.count}</text>`
        : ""
    }<text class="tick" x="${cx}" y="${height - 8}" text-anchor="middle">${
      escapeHtml(b.label)
    }</text></g>`;
  });
  return `<svg class="histogram" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${
    escapeHtml(title)
  }"><title>${escapeHtml(title)}</title><line class="axis" x1="${left}" x2="${width - left}" y1="${
    top + plotH + 0.5
  }" y2="${top + plotH + 0.5}"/>${parts.join("")}</svg>`;
}
