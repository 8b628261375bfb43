/**
 * The sentences of the HTML pages (the learner's report and the class page),
 * in every language.
 *
 * @module
 */
import { defineCatalog } from "../i18n/mod.ts";

/** The HTML pages' catalog. */
export const HTML = defineCatalog({
  // Both pages.
  gradedOn: (p: { date: string; seed: number }) => `Graded on ${p.date} · seed ${p.seed}`,
  points: (p: { score: string; max: string }) => `${p.score} / ${p.max}`,
  timelineLabel: (p: { title: string }) => `Timeline of what the code did: ${p.title}`,
  legend: "Legend:",
  legendOk: "settled",
  endedAt: (p: { at: string }) => `your code ended: ${p.at}`,
  skipToContent: "Skip to the content",
  // The learner's page.
  learnerIntro:
    "Each failed check shows what your code did, drawn on a timeline in virtual time, against what was expected.",
  exerciseHeading: (p: { id: string; title: string }) => `${p.id} — ${p.title}`,
  passedList: "Checks that pass",
  noOutput: "Your program printed nothing while it was graded.",
  // The class page.
  classTitle: "async-lab — what the class got wrong",
  classIntro: (p: { count: number; mean: string; median: string; max: string }) =>
    `${p.count} submission${
      p.count === 1 ? "" : "s"
    } · mean ${p.mean} / ${p.max} · median ${p.median} / ${p.max}`,
  distribution: "Score distribution",
  distributionLabel: "Histogram: number of students per score range",
  binTitle: (p: { range: string; n: number }) =>
    `${p.range} points: ${p.n} student${p.n === 1 ? "" : "s"}`,
  perExercise: "Status per exercise",
  exercise: "Exercise",
  ranked: "Checks, by how many students fail them",
  rankedNote:
    "A student who has not started an exercise is counted under “to do”, and one whose exercise could not be graded at all (a file that does not load…) under “not graded”: neither counts as failing its checks.",
  failing: "failing",
  errors: "errors",
  ungraded: "not graded",
  check: "Check",
  nobodyFails: (p: { n: number }) =>
    p.n === 1
      ? "1 check that no student who started it fails"
      : `${p.n} checks that no student who started them fails`,
  noFailure: "No started check fails: every check passes for every student who worked on it.",
  mostFailed: "What most students got wrong",
  studentsFailing: (p: { n: number; total: number }) =>
    `${p.n} of ${p.total} student${p.total === 1 ? "" : "s"} fail this check`,
  observations: "Most frequent observations",
  nStudents: (p: { n: number }) => `${p.n} student${p.n === 1 ? "" : "s"}`,
  valuesVary: "(the values vary from one student to another)",
  example: (p: { student: string }) => `Example: ${p.student}`,
  concerned: "Students concerned",
  andMore: (p: { n: number }) => `and ${p.n} more`,
  students: "Students",
  student: "Student",
  status: "Status",
  sameAs: "Same as",
  sameAsTitle: "Submissions with the same files",
  filter: "Filter by name",
  allStatuses: "every status",
  shown: (p: { shown: string; total: string }) => `${p.shown} of ${p.total} shown`,
  sortHint: "Click a column heading to sort by it.",
  details: "Each student",
  backToTable: "back to the table",
  everyCheckPasses: "every check passes",
  notGraded: "The grader could not grade this submission.",
  toFix: "What to fix",
}, {
  gradedOn: (p: { date: string; seed: number }) => `Corrigé le ${p.date} · graine ${p.seed}`,
  points: (p: { score: string; max: string }) => `${p.score} / ${p.max}`,
  timelineLabel: (p: { title: string }) => `Chronologie de ce qu'a fait le code : ${p.title}`,
  legend: "Légende\u00a0:",
  legendOk: "terminé",
  endedAt: (p: { at: string }) => `fin de votre code : ${p.at}`,
  skipToContent: "Aller au contenu",
  learnerIntro:
    "Chaque test échoué montre ce qu'a fait votre code, dessiné sur une chronologie en temps virtuel, face à ce qui était attendu.",
  exerciseHeading: (p: { id: string; title: string }) => `${p.id} — ${p.title}`,
  passedList: "Tests réussis",
  noOutput: "Votre programme n'a rien affiché pendant la correction.",
  classTitle: "async-lab — ce que la classe a manqué",
  classIntro: (p: { count: number; mean: string; median: string; max: string }) =>
    `${p.count} rendu${
      p.count > 1 ? "s" : ""
    } · moyenne ${p.mean} / ${p.max} · médiane ${p.median} / ${p.max}`,
  distribution: "Répartition des notes",
  distributionLabel: "Histogramme : nombre d'élèves par tranche de notes",
  binTitle: (p: { range: string; n: number }) =>
    `${p.range} points : ${p.n} élève${p.n > 1 ? "s" : ""}`,
  perExercise: "État par exercice",
  exercise: "Exercice",
  ranked: "Les tests, classés selon le nombre d'élèves qui y échouent",
  rankedNote:
    "Un élève qui n'a pas commencé un exercice compte dans « à faire », et celui dont l'exercice n'a pas pu être corrigé du tout (un fichier qui ne se charge pas…) dans « non corrigé » : ni l'un ni l'autre ne compte parmi ceux qui échouent à ses tests.",
  failing: "en échec",
  errors: "erreurs",
  ungraded: "non corrigé",
  check: "Test",
  nobodyFails: (p: { n: number }) =>
    p.n === 1
      ? "1 test réussi par tous les élèves qui l'ont commencé"
      : `${p.n} tests réussis par tous les élèves qui les ont commencés`,
  noFailure:
    "Aucun test commencé n'échoue : chaque test est réussi par tous les élèves qui y ont travaillé.",
  mostFailed: "Ce que la plupart des élèves ont manqué",
  studentsFailing: (p: { n: number; total: number }) =>
    `${p.n} élève${p.n > 1 ? "s" : ""} sur ${p.total} échoue${p.n > 1 ? "nt" : ""} à ce test`,
  observations: "Observations les plus fréquentes",
  nStudents: (p: { n: number }) => `${p.n} élève${p.n > 1 ? "s" : ""}`,
  valuesVary: "(les valeurs varient d'un élève à l'autre)",
  example: (p: { student: string }) => `Exemple : ${p.student}`,
  concerned: "Élèves concernés",
  andMore: (p: { n: number }) => `et ${p.n} de plus`,
  students: "Élèves",
  student: "Élève",
  status: "État",
  sameAs: "Identique à",
  sameAsTitle: "Rendus aux fichiers identiques",
  filter: "Filtrer par nom",
  allStatuses: "tous les états",
  shown: (p: { shown: string; total: string }) => `${p.shown} affichés sur ${p.total}`,
  sortHint: "Cliquez sur l'en-tête d'une colonne pour trier.",
  details: "Élève par élève",
  backToTable: "retour au tableau",
  everyCheckPasses: "tous les tests sont réussis",
  notGraded: "Le correcteur n'a pas pu corriger ce rendu.",
  toFix: "Ce qu'il reste à corriger",
});
