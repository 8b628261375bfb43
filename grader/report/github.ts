/**
 * The `github` reporter, for GitHub Actions: an `::error` annotation per
 * failed check, pointing at the learner's function in their file (GitHub
 * shows it on the file and in the run's summary), and a Markdown summary —
 * a score table and the failed checks with their timelines — appended to
 * `$GITHUB_STEP_SUMMARY` when it is set.
 *
 * @module
 */
import type { CheckResult } from "../check.ts";
import { type ExerciseReport, gradedSource, type Report } from "../grade.ts";
import { FEEDBACK } from "../i18n/feedback.ts";
import { MESSAGES } from "../i18n/messages.ts";
import { checkDetails } from "./_details.ts";
import { LESSON_TEXT, lessonRef, lessonTitle, lessonUrl } from "../i18n/lessons.ts";

/** Escapes an annotation's message (GitHub's rules for workflow commands). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes an annotation's property value (`file`, `title`…): also `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Where the learner's exported names are declared: name → 1-based line. */
export function exportedLines(source: string): Map<string, number> {
  const found = new Map<string, number>();
  const lines = source.split("\n");
  const declaration =
    /^\s*export\s+(?:default\s+)?(?:declare\s+)?(?:async\s+)?(?:function\s*\*?|const|let|var|class|abstract\s+class)\s*([A-Za-z_$][\w$]*)/;
  lines.forEach((line, i) => {
    const name = declaration.exec(line)?.[1];
    if (name && !found.has(name)) found.set(name, i + 1);
  });
  // `export { a, b as c }` lists: point at the local declaration when there is one.
  const list = /export\s*\{([^}]*)\}/g;
  for (const match of source.matchAll(list)) {
    for (const part of match[1].split(",")) {
      const [local, exported] = part.trim().split(/\s+as\s+/);
      const name = (exported ?? local)?.trim();
      if (!name || found.has(name)) continue;
      const at = lines.findIndex((l) =>
        new RegExp(`(?:function\\s*\\*?|const|let|var|class)\\s+${escapeRegExp(local)}\\b`).test(l)
      );
      found.set(name, at >= 0 ? at + 1 : source.slice(0, match.index).split("\n").length);
    }
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The line of the function a failed check is about: the first exported name
 * the check names — in backticks in its message first, then anywhere in its
 * message or title — else 1.
 */
export function checkLine(check: CheckResult, exported: Map<string, number>): number {
  const texts = [check.message ?? "", check.title];
  for (const text of texts) {
    for (const code of text.matchAll(/`([A-Za-z_$][\w$]*)/g)) {
      const line = exported.get(code[1]);
      if (line) return line;
    }
  }
  for (const text of texts) {
    for (const word of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
      const line = exported.get(word[0]);
      if (line) return line;
    }
  }
  return 1;
}

/**
 * One `::error` line per failed check (or per exercise that could not run).
 * Export lines come from the staged copy the exercise was graded from
 * (`gradedSource`), never from the learner's file: it may be a link to
 * `/dev/zero` by now. `read` replaces that source (tests).
 */
export function annotations(report: Report, read?: (file: string) => string): string[] {
  const f = FEEDBACK[report.lang];
  const out: string[] = [];
  for (const e of report.exercises) {
    const failed = e.checks.filter((c) => c.status !== "pass");
    if (failed.length === 0) continue;
    const source = e.error?.kind === "missing" ? "" : read ? read(e.file) : gradedSource(e) ?? "";
    const file = source ? `file=${escapeProperty(e.file)},` : "";
    // When nothing could run, one annotation says why instead of one per check.
    if (e.error && failed.every((c) => c.message === e.error!.message)) {
      const title = escapeProperty(f.annotationTitle({ exercise: e.id, check: e.title }));
      out.push(`::error ${file}line=1,title=${title}::${escapeData(e.error.message)}`);
      continue;
    }
    // An exercise not started yet: one notice, not an error per check.
    if (e.status === "todo") {
      const title = escapeProperty(f.annotationTitle({ exercise: e.id, check: e.title }));
      const n = String(Number(e.id.slice(0, 2)));
      out.push(
        `::notice ${file}line=1,title=${title}::${
          escapeData(MESSAGES[report.lang].nextTodo({ file: e.file, n }))
        }`,
      );
      continue;
    }
    const exported = exportedLines(source);
    for (const c of failed) {
      const d = checkDetails(c, { lang: report.lang, noTimeline: true, siblings: e.checks });
      const text = [d.message, d.comparison, d.hint, d.lesson].filter(Boolean).join("\n");
      const title = escapeProperty(f.annotationTitle({ exercise: e.id, check: c.title }));
      const line = source ? `line=${checkLine(c, exported)},` : "";
      out.push(
        `::error ${file}${line}title=${title}::${escapeData(text)}`,
      );
    }
  }
  return out;
}

/** Escapes a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ")
    .replace(/</g, "&lt;");
}

/** A code fence longer than any run of backticks in `text`. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((r) => r[0].length));
  return "`".repeat(longest + 1);
}

/** Markdown text outside code: no raw HTML, no accidental headings. */
function prose(text: string): string {
  return text.replace(/</g, "&lt;").replace(/^#/gm, "\\#");
}

const STATUS_ICON: Record<ExerciseReport["status"], string> = {
  pass: "✅",
  fail: "❌",
  error: "⚠️",
  todo: "⬜",
};

/** Most bytes written to the step summary (GitHub takes up to 1 MiB per step). */
const SUMMARY_CAP = 512 * 1024;

/**
 * Where the summary's lesson links lead: the repository's files at the
 * graded commit (`https://github.com/OWNER/REPO/blob/SHA/`) when GitHub
 * Actions says which, else `""` (links relative to the repository's root).
 */
export function lessonBase(env: (name: string) => string | undefined): string {
  const server = env("GITHUB_SERVER_URL"), repo = env("GITHUB_REPOSITORY"), sha = env("GITHUB_SHA");
  if (
    !server || !repo || !sha || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !/^[0-9a-f]{7,64}$/.test(sha)
  ) {
    return "";
  }
  return `${server.replace(/\/+$/, "")}/${repo}/blob/${sha}/`;
}

/** The Markdown link of a failed check's lesson section, or `null`. */
function lessonLink(c: CheckResult, report: Report, base: string): string | null {
  if (!c.hint || !c.lesson) return null;
  const url = lessonUrl(c.lesson, report.lang, base);
  const title = lessonTitle(c.lesson, report.lang);
  if (url === null || title === null) return null;
  const ref = lessonRef(c.lesson)!;
  const t = LESSON_TEXT[report.lang];
  const label = cell(t.section({ n: ref.n, title })).replace(/[[\]]/g, "\\$&");
  return `📖 ${FEEDBACK[report.lang].labelled({ label: t.link, text: `[${label}](${url})` })}`;
}

/** The step summary: a score table, then what to fix with timelines. */
export function renderSummary(
  report: Report,
  options: { ascii?: boolean; lessonBase?: string } = {},
): string {
  const m = MESSAGES[report.lang], f = FEEDBACK[report.lang];
  const statusWord = {
    pass: m.statusPass,
    fail: m.statusFail,
    error: m.statusError,
    todo: m.statusTodo,
  };
  const out = [`## ${m.reportTitle} — ${report.score}/${report.maxScore}`, ""];
  out.push(
    `| ${f.summaryExercise} | ${f.summaryScore} | ${f.summaryStatus} |`,
    "| --- | ---: | --- |",
  );
  for (const e of report.exercises) {
    out.push(
      `| ${STATUS_ICON[e.status]} ${
        cell(`${e.id.slice(0, 2)} ${e.title}`)
      } | ${e.score}/${e.maxScore} | ${statusWord[e.status]} |`,
    );
  }
  out.push(`| **${m.total}** | **${report.score}/${report.maxScore}** | |`, "");
  const failing = report.exercises.filter((e) => e.checks.some((c) => c.status !== "pass"));
  if (failing.length === 0) {
    out.push(f.summaryAllPass, "");
    return out.join("\n");
  }
  out.push(`### ${f.summaryFailed}`, "");
  for (const e of failing) {
    out.push(`#### ${cell(`${e.id.slice(0, 2)} ${e.title}`)} — ${e.score}/${e.maxScore}`, "");
    if (e.error && e.checks.every((c) => c.message === e.error!.message)) {
      out.push(prose(e.error.message), "");
      continue;
    }
    if (e.status === "todo") {
      out.push(prose(m.nextTodo({ file: e.file, n: String(Number(e.id.slice(0, 2))) })), "");
      continue;
    }
    for (const c of e.checks.filter((c) => c.status !== "pass")) {
      const d = checkDetails(c, {
        lang: report.lang,
        ascii: options.ascii,
        width: 72,
        siblings: e.checks,
      });
      out.push(`- **${cell(c.title)}** (${c.score}/${c.points})`, "");
      if (d.root) {
        // A consequence: one line naming its root failure, nothing repeated.
        out.push(`  ${prose(d.message)}`, "");
        continue;
      }
      out.push(`  ${prose(d.message).replace(/\n/g, "\n  ")}`, "");
      if (d.comparison) out.push(`  ${prose(d.comparison)}`, "");
      if (d.timeline.length > 0) {
        const body = [...(d.timelineTitle ? [d.timelineTitle] : []), ...d.timeline].join("\n");
        const fenceMark = fence(body);
        out.push(
          `  ${fenceMark}text`,
          ...body.split("\n").map((l) => `  ${l}`),
          `  ${fenceMark}`,
          "",
        );
      }
      if (d.hint) out.push(`  > ${prose(d.hint)}`, "");
      const lesson = lessonLink(c, report, options.lessonBase ?? "");
      if (lesson) out.push(`  ${lesson}`, "");
    }
  }
  const next = report.exercises.find((e) => e.status !== "pass");
  if (next) {
    const n = String(Number(next.id.slice(0, 2)));
    out.push(
      prose(
        next.status === "todo"
          ? m.nextTodo({ file: next.file, n })
          : m.nextFix({ file: next.file, n }),
      ),
      "",
    );
  }
  let text = out.join("\n");
  if (text.length > SUMMARY_CAP) text = text.slice(0, SUMMARY_CAP) + "\n\n…\n";
  return text;
}

/** Appends text to a file (the step summary), creating it if needed. */
function append(path: string, text: string): void {
  Deno.writeTextFileSync(path, text, { append: true, create: true });
}

/** Options of {@linkcode reportGithub}. */
export interface GithubOptions {
  ascii?: boolean;
  env: (name: string) => string | undefined;
  print: (text: string) => void;
  /** Reads a learner file (tests pass a fake). */
  read?: (file: string) => string;
  /** Appends to a file (tests pass a fake). */
  write?: (path: string, text: string) => void;
}

/** Prints the annotations and writes the step summary when `$GITHUB_STEP_SUMMARY` is set. */
export function reportGithub(report: Report, options: GithubOptions): void {
  const lines = annotations(report, options.read);
  if (lines.length > 0) options.print(lines.join("\n") + "\n");
  const summary = options.env("GITHUB_STEP_SUMMARY");
  if (summary) {
    const text = renderSummary(report, { ...options, lessonBase: lessonBase(options.env) });
    (options.write ?? append)(summary, text + "\n");
  }
}
