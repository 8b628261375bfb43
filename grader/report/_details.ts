/**
 * What a failed check has to say, as plain text lines (no colour): the
 * message, expected against observed, the timeline and the hint. Shared by
 * the reporters that are not the terminal's (`junit`, `github`, `classroom`).
 *
 * @module
 */
import type { CheckResult } from "../check.ts";
import { FEEDBACK } from "../i18n/feedback.ts";
import { formatSeconds, type Lang } from "../i18n/mod.ts";
import { MESSAGES } from "../i18n/messages.ts";
import { renderTimeline } from "../timeline.ts";
import { lessonLine } from "../i18n/lessons.ts";

/** Options of {@linkcode checkDetails}. */
export interface DetailOptions {
  lang: Lang;
  /** ASCII-only timeline. */
  ascii?: boolean;
  /** Width of the timeline (default 72). */
  width?: number;
  /** Leave the timeline out. */
  noTimeline?: boolean;
  /** How the user runs tasks, for the lesson's command (default `deno task`). */
  task?: string;
  /**
   * The other checks of the exercise: a consequence (`consequenceOf`) is
   * then explained in one line naming its root failure.
   */
  siblings?: readonly CheckResult[];
}

/** The parts of a failed check's explanation. */
export interface CheckDetails {
  /** What was observed, in words. */
  message: string;
  /** `expected: 3.0 s · observed: 6.0 s`, or `null`. */
  comparison: string | null;
  /** `timeline: took 6.0 s, expected 3.0 s`, or `null`. */
  timelineTitle: string | null;
  /** The timeline's lines (empty when there is none). */
  timeline: string[];
  /** `hint: …`, or `null`. */
  hint: string | null;
  /** `learn: deno task lesson 8 — racing a timer (…)`, after the hint; or `null`. */
  lesson: string | null;
  /** The root failure this one follows from (then `message` says only that). */
  root: CheckResult | null;
}

/** The failed check `check` follows from, among `siblings`, or `null`. */
export function rootOf(
  check: CheckResult,
  siblings: readonly CheckResult[] | undefined,
): CheckResult | null {
  if (check.consequenceOf === undefined || check.status === "pass") return null;
  return siblings?.find((r) => r.id === check.consequenceOf && r.id !== check.id) ?? null;
}

/** Explains a check in parts. */
export function checkDetails(check: CheckResult, options: DetailOptions): CheckDetails {
  const m = MESSAGES[options.lang], f = FEEDBACK[options.lang];
  const root = rootOf(check, options.siblings);
  if (root) {
    // One mistake, one headline: no message, timeline or hint of its own.
    const icon = options.ascii ? (root.todo ? "[ ]" : "[x]") : root.todo ? "○" : "✗";
    return {
      message: f.sameCause({ icon, title: root.title }),
      comparison: null,
      timelineTitle: null,
      timeline: [],
      hint: null,
      lesson: null,
      root,
    };
  }
  const comparison = check.expected !== null || check.actual !== null
    ? `${f.labelled({ label: m.expected, text: check.expected ?? "—" })} · ${
      f.labelled({ label: m.observed, text: check.actual ?? "—" })
    }`
    : null;
  const timeline = options.noTimeline ? [] : renderTimeline(check.timeline, {
    width: options.width ?? 72,
    ascii: options.ascii,
    lang: options.lang,
    expectedMs: check.expectedMs,
    marks: check.marks,
    pendingTimers: check.pendingTimers,
  });
  const timelineTitle = timeline.length > 0 && check.tookMs !== null && check.expectedMs !== null
    ? m.timelineTitle({
      took: formatSeconds(check.tookMs, options.lang),
      want: formatSeconds(check.expectedMs, options.lang),
    })
    : null;
  return {
    message: check.message ?? f.notRunHere,
    comparison,
    timelineTitle,
    timeline,
    hint: check.hint ? f.labelled({ label: m.hint, text: check.hint }) : null,
    // Shown with the hint: a failure shown as another one's consequence has neither.
    lesson: check.hint && check.lesson
      ? lessonLine(check.lesson, options.lang, options.task)
      : null,
    root: null,
  };
}

/** Explains a check as text lines: message, comparison, timeline, hint, lesson. */
export function checkDetailLines(check: CheckResult, options: DetailOptions): string[] {
  const d = checkDetails(check, options);
  return [
    d.message,
    ...(d.comparison ? [d.comparison] : []),
    ...(d.timelineTitle ? [d.timelineTitle] : []),
    ...d.timeline,
    ...(d.hint ? [d.hint] : []),
    ...(d.lesson ? [d.lesson] : []),
  ];
}
