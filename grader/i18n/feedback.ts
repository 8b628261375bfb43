/**
 * Sentences of the feedback the grader gives besides the checks' own: the
 * timeline's marks, the report's small words, and the `junit`, `github` and
 * `classroom` reporters.
 *
 * @module
 */
import { type CatalogOf, defineCatalog } from "./mod.ts";

const en = {
  // Timeline marks after a bar, by outcome.
  markTimeout: "timed out",
  markAborted: "aborted",
  markError: "failed",
  markPending: "never settled",
  /** Under the bars: where the run should have ended. */
  expectedEnd: (p: { at: string }) => `expected end: ${p.at}`,
  /** `label: text`, with the language's own spacing. */
  labelled: (p: { label: string; text: string }) => `${p.label}: ${p.text}`,
  checksPassed: (p: { n: number }) => p.n === 1 ? "1 check passed" : `${p.n} checks passed`,
  // The github reporter's summary.
  summaryExercise: "Exercise",
  summaryScore: "Score",
  summaryStatus: "Status",
  summaryFailed: "What to fix",
  summaryAllPass: "Every check passes.",
  annotationTitle: (p: { exercise: string; check: string }) => `${p.exercise}: ${p.check}`,
  // The classroom reporter.
  classroomNoOutput:
    "GITHUB_OUTPUT is not set (not running in GitHub Actions?): the Classroom result is printed below instead",
  notRunHere: "not run",
  graderFailed: (p: { error: string }) =>
    `async-lab: the grader itself failed (${p.error}). This is not your code's fault: please report it.`,
  // The pretty report, when every exercise graded passes but others were not graded.
  nextExercise: (p: { file: string; n: string; dir?: string; task?: string }) =>
    `Well done! Next step: exercise ${p.n}, in ${p.file}, then run \`${
      p.task ?? "deno task"
    } grade ${p.n}${p.dir ? ` --dir ${p.dir}` : ""}\``,
};

/** The feedback catalog. */
export const FEEDBACK: CatalogOf<typeof en> = defineCatalog(en, {
  markTimeout: "délai dépassé",
  markAborted: "annulé",
  markError: "en échec",
  markPending: "jamais terminé",
  expectedEnd: (p: { at: string }) => `fin attendue : ${p.at}`,
  labelled: (p: { label: string; text: string }) => `${p.label}\u00a0: ${p.text}`,
  checksPassed: (p: { n: number }) => p.n === 1 ? "1 test réussi" : `${p.n} tests réussis`,
  summaryExercise: "Exercice",
  summaryScore: "Note",
  summaryStatus: "État",
  summaryFailed: "Ce qu'il reste à corriger",
  summaryAllPass: "Tous les tests sont réussis.",
  annotationTitle: (p: { exercise: string; check: string }) => `${p.exercise} : ${p.check}`,
  classroomNoOutput:
    "GITHUB_OUTPUT n'est pas défini (hors de GitHub Actions ?) : le résultat pour Classroom est affiché ci-dessous",
  notRunHere: "non exécuté",
  graderFailed: (p: { error: string }) =>
    `async-lab : le correcteur lui-même a échoué (${p.error}). Ce n'est pas la faute de votre code : merci de le signaler.`,
  nextExercise: (p: { file: string; n: string; dir?: string; task?: string }) =>
    `Bravo ! Prochaine étape : l'exercice ${p.n}, dans ${p.file}, puis lancez \`${
      p.task ?? "deno task"
    } grade ${p.n}${p.dir ? ` --dir ${p.dir}` : ""}\``,
});
