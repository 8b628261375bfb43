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
  nextExercise: (p: { file: string; n: string; dir?: string; task?: string; lang?: string }) =>
    `Well done! Move on to exercise ${p.n} (${p.file}), then run \`${
      p.task ?? "deno task"
    } grade ${p.n}${flags(p)}\``,
  /** Every exercise graded passes, but some before them were not graded this time. */
  nextUnknown: (
    p: {
      passed: string;
      passedCount: number;
      others: string;
      otherCount: number;
      dir?: string;
      task?: string;
      lang?: string;
    },
  ) =>
    `${p.passedCount === 1 ? "Exercise" : "Exercises"} ${p.passed} ${
      p.passedCount === 1 ? "passes" : "pass"
    }; ${p.otherCount === 1 ? "exercise" : "exercises"} ${p.others} ${
      p.otherCount === 1 ? "was" : "were"
    } not graded this time. Run \`${p.task ?? "deno task"} grade${
      flags(p)
    }\` to grade them all and see the next step.`,
  /** The last link of a list: `1, 2 and 4`. */
  and: "and",
  // A failure that follows from another one.
  sameCause: (p: { icon: string; title: string }) => `same cause as ${p.icon} ${p.title}`,
  // Durations compared.
  gap: (p: { amount: string; late: boolean }) => `${p.amount} ${p.late ? "late" : "early"}`,
  // Timeline: instants marked under the bars, and forgotten timers.
  markDeadline: (p: { at: string }) => `deadline: ${p.at}`,
  timerRow: "your timer",
  timerForgotten: (p: { at: string }) => `forgotten, due at ${p.at}`,
};

/** Repeats the user's `--dir` and `--lang` in a command. */
function flags(p: { dir?: string; lang?: string }): string {
  return `${p.dir ? ` --dir ${p.dir}` : ""}${p.lang ? ` --lang ${p.lang}` : ""}`;
}

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
  nextExercise: (p: { file: string; n: string; dir?: string; task?: string; lang?: string }) =>
    `Bravo ! Passez à l'exercice ${p.n} (${p.file}), puis lancez \`${
      p.task ?? "deno task"
    } grade ${p.n}${flags(p)}\``,
  nextUnknown: (
    p: {
      passed: string;
      passedCount: number;
      others: string;
      otherCount: number;
      dir?: string;
      task?: string;
      lang?: string;
    },
  ) =>
    `${p.passedCount === 1 ? "L'exercice" : "Les exercices"} ${p.passed} ${
      p.passedCount === 1 ? "est réussi" : "sont réussis"
    } ; ${p.otherCount === 1 ? "l'exercice" : "les exercices"} ${p.others} ${
      p.otherCount === 1 ? "n'a" : "n'ont"
    } pas été corrigé${p.otherCount === 1 ? "" : "s"} cette fois. Lancez \`${
      p.task ?? "deno task"
    } grade${flags(p)}\` pour tout corriger et connaître la prochaine étape.`,
  and: "et",
  sameCause: (p: { icon: string; title: string }) => `même cause que ${p.icon} ${p.title}`,
  gap: (p: { amount: string; late: boolean }) => `${p.amount} ${p.late ? "de retard" : "d'avance"}`,
  markDeadline: (p: { at: string }) => `échéance : ${p.at}`,
  timerRow: "votre minuteur",
  timerForgotten: (p: { at: string }) => `oublié, prévu à ${p.at}`,
});
