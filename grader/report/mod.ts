/**
 * The reporters, by name. Each turns a {@linkcode Report} into output; the
 * CLI picks them with `--reporter` (several may be given, comma-separated).
 *
 * @module
 */
import type { Report } from "../grade.ts";
import { renderJunit } from "./junit.ts";
import { reportGithub } from "./github.ts";
import { reportClassroom } from "./classroom.ts";
import { renderHtml } from "./html.ts";

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
 * the submission folder for the next step).
 */
export const REPORTERS: Record<string, Reporter> = {
  json: (report, ctx) => ctx.print(toJson(report)),
  junit: (report, ctx) => ctx.print(renderJunit(report, { ascii: ctx.ascii })),
  github: (report, ctx) =>
    reportGithub(report, { ascii: ctx.ascii, env: ctx.env, print: ctx.print }),
  classroom: (report, ctx) =>
    reportClassroom(report, { ascii: ctx.ascii, env: ctx.env, print: ctx.print }),
  html: (report, ctx) => ctx.print(renderHtml(report)),
};
