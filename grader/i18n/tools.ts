/**
 * Sentences of the learner's tools besides the grader: `deno task watch` and
 * `deno task hint`.
 *
 * @module
 */
import { type CatalogOf, defineCatalog } from "./mod.ts";

const en = {
  // deno task watch
  watchTitle: "async-lab — watch mode",
  watchProgress: (p: { n: number; total: number }) =>
    `${p.n}/${p.total} exercise${p.total === 1 ? "" : "s"} passed`,
  watchGrading: "grading…",
  watchKeys: "save a file to grade again · r or Enter: grade now · q: quit",
  watchPolling: (p: { error: string }) =>
    `file changes cannot be watched here (${p.error}): checking every second instead — press r to grade now`,
  watchNext: (p: { file: string }) => `Edit ${p.file} and save: it is graded again at once.`,
  watchTodo: (p: { file: string }) =>
    `Next: open ${p.file}, read the statement at the top and replace the TODOs; save to grade.`,
  watchAllDone: (p: { task?: string }) =>
    `Every exercise passes. Well done! Run \`${p.task ?? "deno task"} grade\` for the full report.`,
  watchUsage: "Usage: deno task watch [--dir DIR] [--lang en|fr] [--ascii] [--poll]",
  watchBye: "Stopped watching.",
  // deno task hint
  hintUsage: "Usage: deno task hint N [--reset] [--lang en|fr]   (N: 1, 01, 01_gather or gather)",
  hintHeading: (p: { n: string; title: string }) => `Exercise ${p.n} — ${p.title}`,
  hintLevel: (p: { level: number; count: number; kind: string }) =>
    `Hint ${p.level}/${p.count} · ${p.kind}`,
  hintNudge: "a nudge",
  hintCloser: "a closer look",
  hintIdea: "the idea",
  hintMore: (p: { n: string; left: number; task?: string }) =>
    `Still stuck? Run \`${
      p.task ?? "deno task"
    } hint ${p.n}\` again for the next hint (${p.left} left).`,
  hintLast: (p: { n: string; task?: string }) =>
    `That was the last hint: the idea itself. Try it, then \`${
      p.task ?? "deno task"
    } grade ${p.n}\`. (\`${p.task ?? "deno task"} hint ${p.n} --reset\` starts over.)`,
  hintReset: (p: { n: string; task?: string }) =>
    `The hints of exercise ${p.n} start over: \`${
      p.task ?? "deno task"
    } hint ${p.n}\` shows the first one.`,
  hintNoSave: (p: { error: string }) => `(could not remember how far you got: ${p.error})`,
};

/** The tools' catalog. */
export const TOOLS: CatalogOf<typeof en> = defineCatalog(en, {
  watchTitle: "async-lab — mode surveillance",
  watchProgress: (p: { n: number; total: number }) =>
    `${p.n}/${p.total} exercice${p.n > 1 ? "s" : ""} réussi${p.n > 1 ? "s" : ""}`,
  watchGrading: "correction en cours…",
  watchKeys:
    "enregistrez un fichier pour relancer la correction · r ou Entrée : corriger maintenant · q : quitter",
  watchPolling: (p: { error: string }) =>
    `impossible de surveiller les fichiers ici (${p.error}) : vérification chaque seconde à la place — appuyez sur r pour corriger tout de suite`,
  watchNext: (p: { file: string }) =>
    `Modifiez ${p.file} et enregistrez : la correction repart aussitôt.`,
  watchTodo: (p: { file: string }) =>
    `Ensuite : ouvrez ${p.file}, lisez l'énoncé en haut du fichier et remplacez les TODO ; enregistrez pour lancer la correction.`,
  watchAllDone: (p: { task?: string }) =>
    `Tous les exercices sont réussis. Bravo ! \`${
      p.task ?? "deno task"
    } grade\` affiche le bulletin complet.`,
  watchUsage: "Usage : deno task watch [--dir DOSSIER] [--lang en|fr] [--ascii] [--poll]",
  watchBye: "Surveillance arrêtée.",
  hintUsage: "Usage : deno task hint N [--reset] [--lang en|fr]   (N : 1, 01, 01_gather ou gather)",
  hintHeading: (p: { n: string; title: string }) => `Exercice ${p.n} — ${p.title}`,
  hintLevel: (p: { level: number; count: number; kind: string }) =>
    `Indice ${p.level}/${p.count} · ${p.kind}`,
  hintNudge: "un coup de pouce",
  hintCloser: "un pas de plus",
  hintIdea: "l'idée",
  hintMore: (p: { n: string; left: number; task?: string }) =>
    `Vous bloquez encore ? Relancez \`${
      p.task ?? "deno task"
    } hint ${p.n}\` pour l'indice suivant (encore ${p.left}).`,
  hintLast: (p: { n: string; task?: string }) =>
    `C'était le dernier indice : l'idée elle-même. Essayez-la, puis \`${
      p.task ?? "deno task"
    } grade ${p.n}\`. (\`${p.task ?? "deno task"} hint ${p.n} --reset\` repart du début.)`,
  hintReset: (p: { n: string; task?: string }) =>
    `Les indices de l'exercice ${p.n} repartent du début : \`${
      p.task ?? "deno task"
    } hint ${p.n}\` affiche le premier.`,
  hintNoSave: (p: { error: string }) => `(impossible de retenir où vous en êtes : ${p.error})`,
});
