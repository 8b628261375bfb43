/**
 * The reporters, by name. Each turns a {@linkcode Report} into output; the
 * CLI picks them with `--reporter` (several may be given, comma-separated).
 *
 * @module
 */
import type { Report } from "../grade.ts";

/** What a reporter may use besides the report. */
export interface ReporterContext {
  color: boolean;
  ascii: boolean;
  width: number;
  verbose: boolean;
  /** Environment lookup (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY…). */
  env: (name: string) => string | undefined;
  /** Writes text to standard output. */
  print: (text: string) => void;
}

/** A reporter: writes the report somewhere. */
export type Reporter = (report: Report, ctx: ReporterContext) => void | Promise<void>;

/** The report as stable JSON (`async-lab/report@1`), without the captured output. */
export function toJson(report: Report): string {
  const exercises = report.exercises.map(({ logs: _logs, ...rest }) => rest);
  return JSON.stringify({ ...report, exercises }, null, 2) + "\n";
}

/**
 * Reporters by name, besides `pretty`, which the CLI draws itself (it needs
 * the submission folder for the next step). Each loads its module when it
 * is used: a grade loads only the reporters it prints with (the HTML page's
 * module alone loads `node:crypto`, a tenth of a grade's start).
 */
export const REPORTERS: Record<string, Reporter> = {
  json: (report, ctx) => ctx.print(toJson(report)),
  junit: async (report, ctx) => {
    const { renderJunit } = await import("./junit.ts");
    ctx.print(renderJunit(report, { ascii: ctx.ascii }));
  },
  github: async (report, ctx) => {
    const { reportGithub } = await import("./github.ts");
    reportGithub(report, { ascii: ctx.ascii, env: ctx.env, print: ctx.print });
  },
  classroom: async (report, ctx) => {
    const { reportClassroom } = await import("./classroom.ts");
    reportClassroom(report, { ascii: ctx.ascii, env: ctx.env, print: ctx.print });
  },
  html: async (report, ctx) => {
    const { renderHtml } = await import("./html.ts");
    ctx.print(renderHtml(report));
  },
};
