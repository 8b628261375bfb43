/**
 * The default reporter: a readable report for a learner's terminal — a line
 * per exercise, each failed check with what was observed against what was
 * expected, its timeline and a hint, the total and the next step.
 *
 * @module
 */
import type { Report } from "../grade.ts";
import type { CheckResult } from "../check.ts";
import { formatSeconds } from "../i18n/mod.ts";
import { MESSAGES } from "../i18n/messages.ts";
import { FEEDBACK } from "../i18n/feedback.ts";
import { renderTimeline } from "../timeline.ts";
import { toAscii } from "./_ascii.ts";
import { lessonLine } from "../i18n/lessons.ts";

/** How to draw. */
export interface PrettyOptions {
  /** ANSI colours (off under `NO_COLOR` or when not a terminal). */
  color?: boolean;
  /** Only ASCII characters (no box drawing, no ✓). */
  ascii?: boolean;
  /** Terminal width (default 80). */
  width?: number;
  /** Also show passing checks and what the learner's code printed. */
  verbose?: boolean;
  /** Only the exercises: no title, total or next step (watch mode draws its own). */
  bare?: boolean;
  /** The `--dir` the report was graded with, repeated in the next step's command. */
  dir?: string;
  /**
   * The exercise to do next among those not graded this time (`deno task
   * grade 1`): named when every graded one passes, instead of "everything passes".
   */
  ungraded?: { id: string; file: string };
  /** How the user runs tasks, for the next step's command (default `deno task`). */
  task?: string;
  /** The `--lang` the user typed, repeated in the next step's command. */
  langFlag?: string;
  /**
   * Exercises of the course not graded this time (ids): when every graded
   * one passes, the next step says what is known instead of guessing.
   */
  notGraded?: readonly string[];
}

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
} as const;
type Style = keyof typeof CODES;

/** Renders the report as text lines joined by `\n` (with a final newline). */
export function renderPretty(report: Report, options: PrettyOptions = {}): string {
  const m = MESSAGES[report.lang];
  const f = FEEDBACK[report.lang];
  const width = Math.max(50, Math.min(options.width ?? 80, 120));
  const paint = (style: Style, text: string) =>
    options.color ? `\x1b[${CODES[style][0]}m${text}\x1b[${CODES[style][1]}m` : text;
  const icons = options.ascii
    ? { pass: "[ok]", fail: "[x]", error: "[!]", todo: "[ ]" }
    : { pass: "✓", fail: "✗", error: "!", todo: "○" };
  const colorOf: Record<string, Style> = {
    pass: "green",
    fail: "red",
    error: "yellow",
    todo: "dim",
  };
  const lines: string[] = [];
  // A left part and a right-aligned score on one line.
  const row = (indent: number, left: string, leftLen: number, right: string) => {
    // deno-lint-ignore no-control-regex
    const visible = right.replace(/\x1b\[[0-9;]*m/g, "").length;
    const space = Math.max(1, width - indent - leftLen - visible);
    return " ".repeat(indent) + left + " ".repeat(space) + right;
  };
  const wrap = (text: string, indent: number, max = width - indent): string[] => {
    const out: string[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      for (const word of words(paragraph, max)) {
        if (line && line.length + 1 + word.length > max) {
          out.push(" ".repeat(indent) + line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      out.push(" ".repeat(indent) + line);
    }
    return out;
  };

  if (!options.bare) lines.push(paint("bold", m.reportTitle), "");
  for (const e of report.exercises) {
    const icon = icons[e.status];
    const num = e.id.slice(0, 2);
    const score = `${e.score}/${e.maxScore}`;
    const statusWord = e.status === "todo" ? ` (${m.statusTodo})` : "";
    // Cut a long title so that the score stays on the line.
    const room = width - score.length - 1 - icon.length - num.length - 2 - statusWord.length;
    const cut = options.ascii ? "..." : "…";
    const title = e.title.length > room
      ? e.title.slice(0, Math.max(1, room - cut.length)) + cut
      : e.title;
    const label = `${icon} ${num} ${title}`;
    lines.push(
      row(
        0,
        paint(colorOf[e.status], `${icon} `) + paint("bold", `${num} ${title}`) +
          paint("dim", statusWord),
        label.length + statusWord.length,
        paint(colorOf[e.status], score),
      ),
    );
    const loadFailed = e.error !== null && e.checks.every((c) => c.message === e.error!.message);
    if (e.error && loadFailed) {
      lines.push(...wrap(e.error.message, 4).map((l) => paint("yellow", l)));
    }
    if (e.status === "todo") continue;
    // Nothing ran (the file could not be loaded): the error says it all.
    if (loadFailed) continue;
    const notRun = e.checks.filter((c) => c.message === m.notRun);
    const failed = e.checks.filter((c) => c.status !== "pass" && !notRun.includes(c));
    const passed = e.checks.filter((c) => c.status === "pass");
    for (const c of options.verbose ? e.checks.filter((c) => !notRun.includes(c)) : failed) {
      lines.push(...renderCheck(c, e.checks));
    }
    if (notRun.length > 0) {
      const points = notRun.reduce((s, c) => s + c.points, 0);
      const text = `${notRun.length} × ${m.notRun}`;
      lines.push(
        row(
          2,
          paint("yellow", icons.error) + " " + paint("dim", text),
          icons.error.length + 1 + text.length,
          paint("yellow", `0/${points}`),
        ),
      );
    }
    if (!options.verbose && passed.length > 0 && failed.length > 0) {
      const text = f.checksPassed({ n: passed.length });
      lines.push("  " + paint("green", icons.pass) + " " + paint("dim", text));
    }
    if (options.verbose && e.logs.length > 0) {
      lines.push("    " + paint("dim", f.labelled({ label: m.output, text: "" }).trimEnd()));
      for (const log of e.logs.slice(0, 20)) {
        lines.push(
          "      " + paint("dim", `[${formatSeconds(log.at, report.lang, 1).padStart(7)}]`) +
            " " + log.text.split("\n")[0].slice(0, width - 18),
        );
      }
      if (e.logs.length > 20) lines.push("      " + paint("dim", `… +${e.logs.length - 20}`));
    }
  }

  function renderCheck(c: CheckResult, siblings: readonly CheckResult[]): string[] {
    const out: string[] = [];
    // A check that met a TODO is not written yet rather than wrong: ○, like an exercise to do.
    const kind = c.status === "fail" && c.todo ? "todo" : c.status;
    const icon = icons[kind];
    const score = `${c.score}/${c.points}`;
    // A long title wraps under itself, the score on its first line.
    const [title, ...more] = wrap(c.title, 0, width - 2 - icon.length - 1 - 1 - score.length);
    out.push(
      row(
        2,
        paint(colorOf[kind], icon) + " " + title,
        icon.length + 1 + title.length,
        paint(colorOf[kind], score),
      ),
      ...more.map((l) => " ".repeat(2 + icon.length + 1) + l),
    );
    if (c.status === "pass") return out;
    const root = c.consequenceOf === undefined
      ? undefined
      : siblings.find((r) => r.id === c.consequenceOf);
    if (root) {
      // One mistake, one headline: the root failure above says it all.
      const text = f.sameCause({
        icon: icons[root.todo ? "todo" : root.status],
        title: root.title,
      });
      out.push(...wrap(text, 4).map((l) => paint("dim", l)));
      return out;
    }
    if (c.message) out.push(...wrap(c.message, 4));
    if (c.expected !== null || c.actual !== null) {
      const expected = f.labelled({ label: m.expected, text: "" }),
        observed = f.labelled({ label: m.observed, text: "" });
      const [want, got] = [c.expected ?? "—", c.actual ?? "—"];
      if (4 + expected.length + want.length + 3 + observed.length + got.length <= width) {
        out.push(
          "    " + paint("dim", expected) + paint("green", want) +
            paint("dim", ` · ${observed}`) + paint("red", got),
        );
      } else {
        // Too long for one line: one line each, wrapped.
        out.push(...wrap(expected + want, 4).map((l) => paint("green", l)));
        out.push(...wrap(observed + got, 4).map((l) => paint("red", l)));
      }
    }
    const drawing = renderTimeline(c.timeline, {
      width: width - 6,
      ascii: options.ascii,
      lang: report.lang,
      expectedMs: c.expectedMs,
      marks: c.marks,
      pendingTimers: c.pendingTimers,
    });
    if (drawing.length > 0) {
      if (c.tookMs !== null && c.expectedMs !== null) {
        const took = formatSeconds(c.tookMs, report.lang),
          want = formatSeconds(c.expectedMs, report.lang);
        out.push("    " + paint("dim", m.timelineTitle({ took, want })));
      }
      out.push(...drawing.map((l, i) => "      " + (i === 0 ? paint("dim", l) : paint("cyan", l))));
    }
    if (c.hint) {
      out.push(
        ...wrap(f.labelled({ label: m.hint, text: c.hint }), 4).map((l) => paint("yellow", l)),
      );
    }
    // The section of the course that teaches the idea, after the hint.
    const lesson = c.hint && c.lesson ? lessonLine(c.lesson, report.lang, options.task) : null;
    if (lesson) out.push(...wrap(lesson, 4).map((l) => paint("cyan", l)));
    return out;
  }

  if (options.bare) {
    const text = lines.join("\n") + "\n";
    return options.ascii ? toAscii(text) : text;
  }
  lines.push("");
  lines.push(
    row(
      0,
      paint("bold", m.total),
      m.total.length,
      paint("bold", `${report.score}/${report.maxScore}`),
    ),
  );
  const command = { dir: options.dir, task: options.task, lang: options.langFlag };
  const next = report.exercises.find((e) => e.status !== "pass");
  const num = (id: string) => String(Number(id.slice(0, 2)));
  // Exercises not graded this time that come before one that was: whether they pass is unknown.
  const lastGraded = report.exercises.at(-1)?.id ?? "";
  const unknown = (options.notGraded ?? []).filter((id) => id < lastGraded);
  if (next) {
    const n = num(next.id);
    const text = next.status === "todo"
      ? m.nextTodo({ file: next.file, n, ...command })
      : m.nextFix({ file: next.file, n, ...command });
    lines.push(...wrap(text, 0).map((l) => paint("cyan", l)));
  } else if (unknown.length > 0 && report.exercises.length > 0) {
    // Every exercise graded passes, but some earlier ones were not graded: say so.
    const list = (items: string[]) =>
      items.length <= 1
        ? items.join("")
        : `${items.slice(0, -1).join(", ")} ${f.and} ${items[items.length - 1]}`;
    const text = f.nextUnknown({
      passed: list(report.exercises.map((e) => num(e.id))),
      passedCount: report.exercises.length,
      others: list(unknown.map(num)),
      otherCount: unknown.length,
      ...command,
    });
    lines.push(...wrap(text, 0).map((l) => paint("green", l)));
  } else if (options.ungraded) {
    // Every exercise graded passes, and the next ones were not graded.
    const { file, id } = options.ungraded;
    const text = f.nextExercise({ file, n: num(id), ...command });
    lines.push(...wrap(text, 0).map((l) => paint("green", l)));
  } else if (report.exercises.length > 0) {
    lines.push(paint("green", m.allDone));
  }
  const text = lines.join("\n") + "\n";
  return options.ascii ? toAscii(text) : text;
}

/**
 * The words of `text` for wrapping: a `code span` stays whole when it fits in
 * `max` columns, so a command is never cut in two, a unit stays with its
 * number (`3.0 s`), and French punctuation with its word (`échéance :`).
 */
export function words(text: string, max: number): string[] {
  const out: string[] = [];
  let open: string[] | null = null;
  for (const word of text.split(" ")) {
    const last = out.length - 1;
    if (!open && /^m?s(?![\p{L}\d])/u.test(word) && /\d$/.test(out[last] ?? "")) {
      out[last] += ` ${word}`;
      continue;
    }
    // French punctuation stays with the word before it: no line starts with `:` or `;`.
    if (!open && /^[:;?!»]$/.test(word) && last >= 0) {
      out[last] += ` ${word}`;
      continue;
    }
    // An opening « stays with the word after it.
    if (!open && last >= 0 && out[last] === "«") {
      out[last] += ` ${word}`;
      continue;
    }
    const ticks = (word.match(/`/g) ?? []).length;
    if (open) {
      open.push(word);
      if (ticks % 2 === 1) {
        const joined = open.join(" ");
        if (joined.length <= max) out.push(joined);
        else out.push(...open);
        open = null;
      }
    } else if (ticks % 2 === 1) open = [word];
    else out.push(word);
  }
  if (open) out.push(...open);
  return out;
}

/** The width to draw at: the terminal's, else 80. */
export function terminalWidth(): number {
  try {
    return Deno.stdout.isTerminal() ? Deno.consoleSize().columns : 80;
  } catch {
    return 80;
  }
}
