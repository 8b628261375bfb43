/**
 * The learner's report as one self-contained HTML page (`deno task grade
 * --reporter html`): the score, then each exercise with its failed checks —
 * what was observed, expected against observed, the timeline drawn as SVG,
 * the hint — and what the code printed. No request of any kind: inline CSS,
 * inline SVG, no script; it opens from `file://` and prints well, so a
 * Classroom workflow can keep it as an artifact.
 *
 * @module
 */
import type { CheckResult } from "../check.ts";
import type { ExerciseReport, Report } from "../grade.ts";
import { formatSeconds, type Lang } from "../i18n/mod.ts";
import { MESSAGES } from "../i18n/messages.ts";
import { FEEDBACK } from "../i18n/feedback.ts";
import { checkDetails } from "./_details.ts";
import { HTML } from "./_html_messages.ts";
import {
  escapeHtml,
  formatDate,
  formatNumber,
  meterSvg,
  page,
  timelineLegend,
  timelineSvg,
} from "./_page.ts";

/** Options of {@linkcode renderHtml}. */
export interface HtmlOptions {
  /** When the report was made (default: now). */
  date?: Date;
  /** Time zone of the date shown (default: the machine's). */
  timeZone?: string;
}

/** A status as a coloured badge, in `lang`. */
export function statusBadge(status: "pass" | "fail" | "todo" | "error", lang: Lang): string {
  const m = MESSAGES[lang];
  const text = { pass: m.statusPass, fail: m.statusFail, todo: m.statusTodo, error: m.statusError }[
    status
  ];
  return `<span class="badge s-${status}">${escapeHtml(text)}</span>`;
}

/** Points as `13 / 20` in the language's number format. */
export function pointsText(score: number, max: number, lang: Lang): string {
  return HTML[lang].points({ score: formatNumber(score, lang, 1), max: formatNumber(max, lang) });
}

/**
 * A failed check, as an `<article>`: title and points, message,
 * comparison, timeline and hint. `heading` is the tag of its title.
 */
export function checkHtml(
  check: CheckResult,
  lang: Lang,
  heading = "h3",
  siblings?: readonly CheckResult[],
): string {
  const d = checkDetails(check, { lang, noTimeline: true, siblings });
  const svg = d.root ? "" : timelineSvg(check.timeline, {
    lang,
    expectedMs: check.expectedMs,
    tookMs: check.tookMs,
    title: HTML[lang].timelineLabel({ title: check.title }),
    marks: check.marks,
    pendingTimers: check.pendingTimers,
  });
  const parts = [
    `<article class="check${check.status === "error" ? " error" : ""}">`,
    `<${heading}>${check.status === "error" ? "⚠" : "✗"} ${escapeHtml(check.title)} ` +
    `<span class="muted">${
      escapeHtml(pointsText(check.score, check.points, lang))
    }</span></${heading}>`,
    `<p${d.root ? ` class="muted"` : ""}>${escapeHtml(d.message)}</p>`,
  ];
  if (d.comparison) parts.push(`<p class="small muted">${escapeHtml(d.comparison)}</p>`);
  if (svg && check.tookMs !== null && check.expectedMs !== null) {
    const took = formatSeconds(check.tookMs, lang), want = formatSeconds(check.expectedMs, lang);
    parts.push(`<p class="small">${escapeHtml(MESSAGES[lang].timelineTitle({ took, want }))}</p>`);
  }
  if (svg) parts.push(svg);
  if (d.hint) parts.push(`<p class="hint">${escapeHtml(d.hint)}</p>`);
  if (d.lesson) parts.push(`<p class="hint lesson">${escapeHtml(d.lesson)}</p>`);
  parts.push("</article>");
  return parts.join("\n");
}

function exerciseHtml(e: ExerciseReport, lang: Lang): string {
  const h = HTML[lang], m = MESSAGES[lang], f = FEEDBACK[lang];
  const parts = [
    `<section id="ex-${escapeHtml(e.id)}">`,
    `<h2>${escapeHtml(h.exerciseHeading({ id: e.id, title: e.title }))} ${
      statusBadge(e.status, lang)
    }</h2>`,
    `<p><b>${escapeHtml(pointsText(e.score, e.maxScore, lang))}</b> · <code>${
      escapeHtml(e.file)
    }</code></p>`,
    `<div class="scorebar">${
      meterSvg(e.score, e.maxScore, e.status === "pass" ? "c-pass" : "c-bar")
    }</div>`,
  ];
  if (e.error) parts.push(`<p class="card">${escapeHtml(e.error.message)}</p>`);
  const failed = e.checks.filter((c) => c.status !== "pass");
  const passed = e.checks.filter((c) => c.status === "pass");
  if (e.status === "todo") {
    const first = failed[0];
    if (first?.message) parts.push(`<p>${escapeHtml(first.message)}</p>`);
    parts.push(
      `<ul class="compact muted">${
        failed.map((c) =>
          `<li>${escapeHtml(c.title)} (${escapeHtml(pointsText(0, c.points, lang))})</li>`
        ).join("")
      }</ul>`,
    );
  } else if (!e.error || failed.some((c) => c.message !== e.error?.message)) {
    for (const c of failed) parts.push(checkHtml(c, lang, "h3", e.checks));
  }
  if (passed.length > 0) {
    parts.push(
      `<details${failed.length === 0 ? " open" : ""}><summary>${
        escapeHtml(`${h.passedList} — ${f.checksPassed({ n: passed.length })}`)
      }</summary><ul class="compact">${
        passed.map((c) =>
          `<li>✓ ${escapeHtml(c.title)} <span class="muted">${
            escapeHtml(pointsText(c.score, c.points, lang))
          }</span></li>`
        ).join("")
      }</ul></details>`,
    );
  }
  if (e.logs.length > 0) {
    parts.push(
      `<details><summary>${escapeHtml(m.output)}</summary><pre>${
        escapeHtml(e.logs.map((l) => l.text).join("\n"))
      }</pre></details>`,
    );
  }
  parts.push("</section>");
  return parts.join("\n");
}

/** The learner's report as a self-contained HTML page. */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const lang = report.lang;
  const m = MESSAGES[lang], h = HTML[lang], f = FEEDBACK[lang];
  const date = formatDate(options.date ?? new Date(), lang, options.timeZone);
  const hasTimeline = report.exercises.some((e) =>
    e.checks.some((c) =>
      c.status !== "pass" && (c.timeline.length > 0 || (c.pendingTimers?.length ?? 0) > 0)
    )
  );
  const rows = report.exercises.map((e) =>
    `<tr><td><a href="#ex-${escapeHtml(e.id)}">${
      escapeHtml(e.id)
    }</a> <span class="hide-narrow muted">${escapeHtml(e.title)}</span></td><td class="num">${
      escapeHtml(pointsText(e.score, e.maxScore, lang))
    }</td><td>${statusBadge(e.status, lang)}</td></tr>`
  );
  const body = `<h1>${escapeHtml(m.reportTitle)}</h1>
<p class="muted">${escapeHtml(h.gradedOn({ date, seed: report.seed }))}</p>
<div class="card">
<p><b>${
    escapeHtml(
      f.labelled({ label: m.total, text: pointsText(report.score, report.maxScore, lang) }),
    )
  }</b></p>
<div class="scorebar">${meterSvg(report.score, report.maxScore)}</div>
<div class="scroll"><table>
<thead><tr><th>${escapeHtml(f.summaryExercise)}</th><th class="num">${
    escapeHtml(f.summaryScore)
  }</th><th>${escapeHtml(f.summaryStatus)}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody>
</table></div>
</div>
<p class="muted small">${
    escapeHtml(report.score === report.maxScore ? m.allDone : h.learnerIntro)
  }</p>
${hasTimeline ? timelineLegend(lang) : ""}
${report.exercises.map((e) => exerciseHtml(e, lang)).join("\n")}`;
  return page({
    lang,
    title: `${m.reportTitle} — ${pointsText(report.score, report.maxScore, lang)}`,
    body,
  });
}
