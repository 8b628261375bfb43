/**
 * The class page (`deno task grade-batch DIR --html class.html`): what the
 * class got wrong, in one self-contained HTML file. The score distribution;
 * each exercise's status counts; every check ranked by how many students
 * fail it; for the most failed, the most frequent observations grouped (the
 * numbers in a message set aside, so "took 6.0 s" and "took 5.0 s" group),
 * an example timeline and the students concerned; then one row per student,
 * sortable and filterable by a small inline script, each linked to its
 * detail. Readable without the script, printable, and it makes no request.
 *
 * @module
 */
import type { BatchResult, BatchRow, RowStatus } from "../batch.ts";
import type { CheckResult } from "../check.ts";
import type { Lang } from "../i18n/mod.ts";
import { MESSAGES } from "../i18n/messages.ts";
import { FEEDBACK } from "../i18n/feedback.ts";
import { formatSeconds } from "../i18n/mod.ts";
import { HTML } from "./_html_messages.ts";
import {
  type Bin,
  escapeHtml,
  formatDate,
  formatNumber,
  histogramSvg,
  page,
  stackedSvg,
  timelineLegend,
  timelineSvg,
} from "./_page.ts";
import { pointsText, statusBadge } from "./html.ts";
import { rootOf } from "./_details.ts";

/** Options of {@linkcode renderClassHtml}. */
export interface ClassHtmlOptions {
  /** When the class was graded (default: now). */
  date?: Date;
  /** Time zone of the date shown (default: the machine's). */
  timeZone?: string;
  /** How many of the most failed checks get their observations (default 5). */
  top?: number;
}

/** A student, by row index (anchors use the index: names may hold anything). */
export interface StudentRef {
  index: number;
  name: string;
}

/** Students who saw the same observation on one check. */
export interface ObservationGroup {
  /** The message with its numbers set aside: what groups them. */
  key: string;
  /** The most frequent exact message of the group. */
  message: string;
  /** How many different exact messages the group holds. */
  variants: number;
  students: StudentRef[];
  /** A result of the group with a timeline to draw, if any has one. */
  example: { student: StudentRef; check: CheckResult } | null;
}

/** One check, across the class. */
export interface CheckTally {
  exercise: string;
  id: string;
  title: string;
  /** Students whose started check failed or errored. */
  failing: StudentRef[];
  /** Of those, how many errored (the code under test threw, froze…). */
  errors: number;
  /** Students whose exercise could not be graded at all (a file that does
   * not load…): not counted as failing each of its checks. */
  ungraded: number;
  /** Students who had not started it. */
  todo: number;
  groups: ObservationGroup[];
}

/** What the class page shows, computed from the batch. */
export interface ClassSummary {
  bins: { from: number; to: number; count: number }[];
  perExercise: { id: string; counts: Record<RowStatus, number> }[];
  /** Every check, the most failed first. */
  checks: CheckTally[];
  mean: number;
  median: number;
}

/**
 * A failed check as the class page observes it: a consequence
 * (`consequenceOf`) reads "same cause as ✗ …", with no timeline or hint.
 */
function asConsequence(c: CheckResult, siblings: readonly CheckResult[], lang: Lang): CheckResult {
  const root = rootOf(c, siblings);
  if (!root) return c;
  return {
    ...c,
    message: FEEDBACK[lang].sameCause({ icon: "✗", title: root.title }),
    timeline: [],
    hint: null,
    marks: undefined,
    pendingTimers: undefined,
  };
}

/**
 * A message with its numbers set aside, so observations that differ only
 * in values group together: `took 6.0 s` and `took 5.5 s` → `took # s`.
 */
export function observationKey(message: string): string {
  return message.replace(/\d+(?:[.,\u202f]\d+)*/g, "#").replace(/\s+/g, " ").trim();
}

/** The `same_as` flags of a row, if the batch has them (a name or a list of names). */
export function sameAsOf(row: BatchRow): string[] {
  const fields = row as unknown as Record<string, unknown>;
  const value = fields.same_as ?? fields.sameAs;
  if (typeof value === "string") return value === "" ? [] : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return [];
}

function exerciseStatus(row: BatchRow, id: string): RowStatus {
  return row.report?.exercises.find((e) => e.id === id)?.status ?? "error";
}

/** Computes what the class page shows. */
export function summarise(result: BatchResult): ClassSummary {
  const rows = result.rows;
  const max = result.maxScore;
  const width = Math.max(1, Math.ceil(max / 10));
  const below = Math.ceil(max / width);
  const bins = Array.from({ length: below }, (_, i) => ({
    from: i * width,
    to: Math.min((i + 1) * width, max) - 1,
    count: 0,
  }));
  bins.push({ from: max, to: max, count: 0 });
  for (const row of rows) {
    const i = row.total >= max ? below : Math.max(0, Math.floor(row.total / width));
    bins[Math.min(i, below)].count++;
  }
  const perExercise = result.exercises.map((id) => {
    const counts: Record<RowStatus, number> = { pass: 0, fail: 0, todo: 0, error: 0 };
    for (const row of rows) counts[exerciseStatus(row, id)]++;
    return { id, counts };
  });
  const tallies = new Map<string, CheckTally & { results: [StudentRef, CheckResult][] }>();
  const order: string[] = [];
  rows.forEach((row, index) => {
    const who = { index, name: row.submission };
    for (const e of row.report?.exercises ?? []) {
      for (const c of e.checks) {
        const key = `${e.id}\u0000${c.id}`;
        let t = tallies.get(key);
        if (!t) {
          t = {
            exercise: e.id,
            id: c.id,
            title: c.title,
            failing: [],
            errors: 0,
            ungraded: 0,
            todo: 0,
            groups: [],
            results: [],
          };
          tallies.set(key, t);
          order.push(key);
        }
        if (c.status === "pass") continue;
        if (c.todo || e.status === "todo") {
          t.todo++;
          continue;
        }
        if (e.error !== null) {
          t.ungraded++;
          continue;
        }
        t.failing.push(who);
        if (c.status === "error") t.errors++;
        // A consequence is observed as the failure it follows from.
        t.results.push([who, asConsequence(c, e.checks, result.lang)]);
      }
    }
  });
  const exerciseRank = (id: string) => result.exercises.indexOf(id);
  const checks = order.map((key) => tallies.get(key)!).map(({ results, ...t }) => {
    const groups = new Map<string, { messages: Map<string, number>; items: typeof results }>();
    for (const item of results) {
      const text = item[1].message ?? "";
      const key = observationKey(text);
      const g = groups.get(key) ??
        { messages: new Map<string, number>(), items: [] as [StudentRef, CheckResult][] };
      g.messages.set(text, (g.messages.get(text) ?? 0) + 1);
      g.items.push(item);
      groups.set(key, g);
    }
    const list: ObservationGroup[] = [...groups].map(([key, g]) => {
      const message = [...g.messages].sort((a, b) => b[1] - a[1])[0][0];
      const withTimeline = g.items.find(([, c]) => c.timeline.length > 0);
      return {
        key,
        message,
        variants: g.messages.size,
        students: g.items.map(([s]) => s),
        example: withTimeline ? { student: withTimeline[0], check: withTimeline[1] } : null,
      };
    }).sort((a, b) => b.students.length - a.students.length);
    return { ...t, groups: list };
  });
  const ranked = checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) =>
      b.c.failing.length - a.c.failing.length ||
      exerciseRank(a.c.exercise) - exerciseRank(b.c.exercise) || a.i - b.i
    )
    .map(({ c }) => c);
  const totals = rows.map((r) => r.total).sort((a, b) => a - b);
  const mean = totals.length ? totals.reduce((s, n) => s + n, 0) / totals.length : 0;
  const mid = Math.floor(totals.length / 2);
  const median = totals.length === 0
    ? 0
    : totals.length % 2
    ? totals[mid]
    : (totals[mid - 1] + totals[mid]) / 2;
  return { bins, perExercise, checks: ranked, mean, median };
}

/** The table's script: sort by a column heading, filter by name and status. */
const SCRIPT = `(() => {
  const table = document.getElementById("students");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const controls = document.getElementById("controls");
  const filter = document.getElementById("filter");
  const status = document.getElementById("status-filter");
  const shown = document.getElementById("shown");
  const lang = document.documentElement.lang;
  const number = new Intl.NumberFormat(lang);
  controls.hidden = false;
  const apply = () => {
    const q = filter.value.trim().toLocaleLowerCase(lang);
    const s = status.value;
    let n = 0;
    for (const row of rows) {
      const ok = (q === "" || row.dataset.name.includes(q)) && (s === "" || row.dataset.status === s);
      row.hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = shown.dataset.template.replace("{shown}", number.format(n));
  };
  filter.addEventListener("input", apply);
  status.addEventListener("change", apply);
  const heads = Array.from(table.tHead.rows[0].cells);
  heads.forEach((th, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener("click", () => {
      const down = th.getAttribute("aria-sort") === "ascending";
      for (const other of heads) other.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", down ? "descending" : "ascending");
      const key = (row) => {
        const cell = row.cells[column];
        return cell.dataset.sort ?? cell.textContent.trim();
      };
      const numeric = th.classList.contains("num");
      const collator = new Intl.Collator(lang, { numeric: true });
      const sorted = rows.slice().sort((a, b) => {
        const x = key(a), y = key(b);
        const c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return (down ? -c : c) || a.dataset.index - b.dataset.index;
      });
      body.append(...sorted);
    });
  });
  apply();
})();`;

function studentLink(s: StudentRef): string {
  return `<a href="#student-${s.index}">${escapeHtml(s.name)}</a>`;
}

function studentList(students: readonly StudentRef[], lang: Lang, most = 40): string {
  const shown = students.slice(0, most).map(studentLink).join(", ");
  const more = students.length - most;
  return more > 0 ? `${shown}, ${escapeHtml(HTML[lang].andMore({ n: more }))}` : shown;
}

function statusText(status: RowStatus, lang: Lang): string {
  const m = MESSAGES[lang];
  return {
    pass: m.statusPass,
    fail: m.statusFail,
    todo: m.statusTodo,
    error: m.statusError,
  }[status];
}

function checkName(c: { exercise: string; title: string }): string {
  return `${escapeHtml(c.exercise.slice(0, 2))} · ${escapeHtml(c.title)}`;
}

function studentDetail(row: BatchRow, index: number, lang: Lang, same: string[]): string {
  const h = HTML[lang], f = FEEDBACK[lang];
  const parts = [
    `<section class="card" id="student-${index}">`,
    `<h3>${escapeHtml(row.submission)} ${statusBadge(row.status, lang)} <span class="muted">${
      escapeHtml(pointsText(row.total, row.maxScore, lang))
    }</span></h3>`,
  ];
  if (same.length > 0) {
    parts.push(`<p>${escapeHtml(f.labelled({ label: h.sameAs, text: same.join(", ") }))}</p>`);
  }
  if (row.report === null) parts.push(`<p>${escapeHtml(h.notGraded)}</p>`);
  for (const error of row.errors) parts.push(`<p class="small">${escapeHtml(error)}</p>`);
  const items: string[] = [];
  for (const e of row.report?.exercises ?? []) {
    if (e.status === "pass") continue;
    const head = `<b>${escapeHtml(e.id)}</b> ${statusBadge(e.status, lang)} ${
      escapeHtml(pointsText(e.score, e.maxScore, lang))
    }`;
    if (e.status === "todo") {
      items.push(`<li>${head}</li>`);
      continue;
    }
    const failed = e.checks.filter((c) => c.status !== "pass").map((c) =>
      asConsequence(c, e.checks, lang)
    ).map((c) =>
      `<li>${escapeHtml(c.title)}${
        c.message ? ` — <span class="muted">${escapeHtml(c.message)}</span>` : ""
      }</li>`
    );
    items.push(`<li>${head}<ul class="compact small">${failed.join("")}</ul></li>`);
  }
  if (items.length > 0) {
    parts.push(
      `<p class="small"><b>${escapeHtml(h.toFix)}</b></p><ul class="compact">${
        items.join("")
      }</ul>`,
    );
  } else if (row.report !== null) {
    parts.push(`<p class="small">✓ ${escapeHtml(h.everyCheckPasses)}</p>`);
  }
  parts.push(
    `<p class="small no-print"><a href="#students">↑ ${escapeHtml(h.backToTable)}</a></p>`,
    "</section>",
  );
  return parts.join("\n");
}

/** The class page: what the class got wrong, as one self-contained HTML file. */
export function renderClassHtml(result: BatchResult, options: ClassHtmlOptions = {}): string {
  const lang = result.lang;
  const h = HTML[lang], m = MESSAGES[lang], f = FEEDBACK[lang];
  const s = summarise(result);
  const n = (x: number, digits = 0) => formatNumber(x, lang, digits);
  const total = result.rows.length;
  const date = formatDate(options.date ?? new Date(), lang, options.timeZone);
  const statuses: RowStatus[] = ["pass", "fail", "todo", "error"];
  const out: string[] = [];
  out.push(
    `<h1>${escapeHtml(h.classTitle)}</h1>`,
    `<p class="muted">${escapeHtml(h.gradedOn({ date, seed: result.seed }))}<br>${
      escapeHtml(h.classIntro({
        count: total,
        mean: n(s.mean, 1),
        median: n(s.median, 1),
        max: n(result.maxScore),
      }))
    }</p>`,
  );
  // Distribution and per-exercise status.
  const bins: Bin[] = s.bins.map((b) => {
    const range = b.from === b.to ? n(b.from) : `${n(b.from)}–${n(b.to)}`;
    return { label: range, count: b.count, title: h.binTitle({ range, n: b.count }) };
  });
  out.push(
    `<div class="grid"><div><h2>${escapeHtml(h.distribution)}</h2>${
      histogramSvg(bins, h.distributionLabel)
    }</div>`,
  );
  const exRows = s.perExercise.map((e) =>
    `<tr><td title="${escapeHtml(e.id)}">${escapeHtml(e.id.slice(0, 2))}<span class="hide-narrow">${
      escapeHtml(e.id.slice(2))
    }</span></td>${
      statuses.map((st) => `<td class="num">${n(e.counts[st])}</td>`).join("")
    }<td class="hide-narrow">${
      stackedSvg(
        statuses.map((st) => ({
          value: e.counts[st],
          cls: `c-${st}`,
          title: `${statusText(st, lang)}: ${n(e.counts[st])}`,
        })),
        total,
        160,
      )
    }</td></tr>`
  );
  out.push(
    `<div><h2>${
      escapeHtml(h.perExercise)
    }</h2><div class="scroll"><table class="exercises"><thead><tr><th>${
      escapeHtml(h.exercise)
    }</th>${
      statuses.map((st) => `<th class="num">${statusBadge(st, lang)}</th>`).join("")
    }<th class="hide-narrow"></th></tr></thead><tbody>${
      exRows.join("")
    }</tbody></table></div></div></div>`,
  );
  // Checks ranked.
  const top = s.checks.filter((c) => c.failing.length > 0).slice(0, options.top ?? 5);
  const anchor = new Map(top.map((c, i) => [c, `check-${i + 1}`]));
  const failed = s.checks.filter((c) => c.failing.length > 0);
  const clean = s.checks.filter((c) => c.failing.length === 0);
  const checkRows = failed.map((c) => {
    const id = anchor.get(c);
    const name = id ? `<a href="#${id}">${checkName(c)}</a>` : checkName(c);
    const bar = stackedSvg([
      {
        value: c.failing.length - c.errors,
        cls: "c-fail",
        title: `${h.failing}: ${n(c.failing.length - c.errors)}`,
      },
      { value: c.errors, cls: "c-error", title: `${h.errors}: ${n(c.errors)}` },
    ], total);
    return `<tr><td>${name}${bar}</td><td class="num">${
      n(c.failing.length)
    }</td><td class="num hide-narrow">${n(c.ungraded)}</td><td class="num">${n(c.todo)}</td></tr>`;
  });
  out.push(
    `<h2 id="checks">${escapeHtml(h.ranked)}</h2>`,
    `<p class="small muted">${escapeHtml(h.rankedNote)}</p>`,
  );
  if (failed.length > 0) {
    out.push(
      `<div class="scroll"><table class="ranked"><thead><tr><th>${
        escapeHtml(h.check)
      }</th><th class="num">${escapeHtml(h.failing)}</th><th class="num hide-narrow">${
        escapeHtml(h.ungraded)
      }</th><th class="num">${escapeHtml(m.statusTodo)}</th></tr></thead><tbody>${
        checkRows.join("")
      }</tbody></table></div>`,
    );
  }
  if (clean.length > 0) {
    out.push(
      `<details class="clean"><summary>${
        escapeHtml(h.nobodyFails({ n: clean.length }))
      }</summary><ul class="compact small">${
        clean.map((c) =>
          `<li>${checkName(c)} <span class="muted">(${escapeHtml(m.statusTodo)}: ${
            n(c.todo)
          })</span></li>`
        ).join("")
      }</ul></details>`,
    );
  }
  // The most failed, in detail.
  out.push(`<h2 id="most-failed">${escapeHtml(h.mostFailed)}</h2>`);
  if (top.length === 0) out.push(`<p>${escapeHtml(h.noFailure)}</p>`);
  else if (top.some((c) => c.groups.some((g) => g.example))) out.push(timelineLegend(lang));
  for (const c of top) {
    const groups = c.groups.slice(0, 3).map((g) =>
      `<li class="obs">${escapeHtml(g.message || f.notRunHere)}${
        g.variants > 1 ? ` <span class="muted small">${escapeHtml(h.valuesVary)}</span>` : ""
      } — <b>${escapeHtml(h.nStudents({ n: g.students.length }))}</b></li>`
    );
    const example = c.groups.find((g) => g.example)?.example ?? null;
    const parts = [
      `<section class="card" id="${anchor.get(c)}">`,
      `<h3>${checkName(c)}</h3>`,
      `<p>${escapeHtml(h.studentsFailing({ n: c.failing.length, total }))}</p>`,
      `<p class="small"><b>${escapeHtml(h.observations)}</b></p><ul class="compact">${
        groups.join("")
      }</ul>`,
    ];
    if (example) {
      const ex = example.check;
      parts.push(
        `<p class="small"><b>${escapeHtml(h.example({ student: example.student.name }))}</b>${
          ex.tookMs !== null && ex.expectedMs !== null
            ? ` — ${
              escapeHtml(
                m.timelineTitle({
                  took: formatSeconds(ex.tookMs, lang),
                  want: formatSeconds(ex.expectedMs, lang),
                }),
              )
            }`
            : ""
        }</p>`,
        timelineSvg(ex.timeline, {
          lang,
          expectedMs: ex.expectedMs,
          tookMs: ex.tookMs,
          title: h.timelineLabel({ title: `${c.title} (${example.student.name})` }),
          marks: ex.marks,
          pendingTimers: ex.pendingTimers,
        }),
      );
      if (ex.hint) {
        parts.push(
          `<p class="hint small">${escapeHtml(f.labelled({ label: m.hint, text: ex.hint }))}</p>`,
        );
      }
    }
    parts.push(
      `<p class="small"><b>${escapeHtml(h.concerned)}</b> : ${studentList(c.failing, lang)}</p>`
        .replace(
          "</b> :",
          lang === "fr" ? "</b>\u00a0:" : "</b>:",
        ),
      "</section>",
    );
    out.push(parts.join("\n"));
  }
  // One row per student.
  const same = result.rows.map(sameAsOf);
  const hasSame = same.some((x) => x.length > 0);
  const heads = [
    `<th>${escapeHtml(h.student)}</th>`,
    `<th class="num">${escapeHtml(m.total)}</th>`,
    `<th>${escapeHtml(h.status)}</th>`,
    ...result.exercises.map((id) =>
      `<th class="num" title="${escapeHtml(id)}">${escapeHtml(id.slice(0, 2))}</th>`
    ),
    ...(hasSame ? [`<th title="${escapeHtml(h.sameAsTitle)}">${escapeHtml(h.sameAs)}</th>`] : []),
  ];
  const rows = result.rows.map((row, i) => {
    const cells = [
      `<td data-sort="${escapeHtml(row.submission)}"><a href="#student-${i}">${
        escapeHtml(row.submission)
      }</a></td>`,
      `<td class="num" data-sort="${row.total}">${n(row.total, 1)}</td>`,
      `<td data-sort="${statuses.indexOf(row.status)}">${statusBadge(row.status, lang)}</td>`,
      ...result.exercises.map((id) => {
        const v = row.scores[id];
        return `<td class="num" data-sort="${v ?? -1}">${
          v === null || v === undefined ? "—" : n(v, 1)
        }</td>`;
      }),
      ...(hasSame ? [`<td>${same[i].map((x) => `⚑ ${escapeHtml(x)}`).join("<br>")}</td>`] : []),
    ];
    return `<tr data-index="${i}" data-name="${
      escapeHtml(row.submission.toLocaleLowerCase(lang))
    }" data-status="${row.status}">${cells.join("")}</tr>`;
  });
  const options_ = [
    `<option value="">${escapeHtml(h.allStatuses)}</option>`,
    ...statuses.map((st) => `<option value="${st}">${escapeHtml(statusText(st, lang))}</option>`),
  ];
  out.push(
    `<h2 id="students-title">${escapeHtml(h.students)}</h2>`,
    `<div class="controls" id="controls" hidden><label>${
      escapeHtml(h.filter)
    } <input type="search" id="filter" autocomplete="off"></label>` +
      `<label>${escapeHtml(h.status)} <select id="status-filter">${
        options_.join("")
      }</select></label>` +
      `<span class="muted small" id="shown" aria-live="polite" data-template="${
        escapeHtml(h.shown({ shown: "{shown}", total: n(total) }))
      }"></span><span class="muted small">${escapeHtml(h.sortHint)}</span></div>`,
    `<div class="scroll"><table id="students"><thead><tr>${heads.join("")}</tr></thead><tbody>${
      rows.join("\n")
    }</tbody></table></div>`,
    `<h2>${escapeHtml(h.details)}</h2>`,
    ...result.rows.map((row, i) => studentDetail(row, i, lang, same[i])),
  );
  return page({ lang, title: h.classTitle, body: out.join("\n"), script: SCRIPT });
}
