/**
 * The grader's own sentences (report chrome, CLI, run diagnostics) in every
 * language. Exercise checks keep theirs beside their code as `LocalText`.
 *
 * @module
 */
import { type CatalogOf, defineCatalog } from "./mod.ts";

const en = {
  // Run diagnostics, shared by every check.
  todo: (p: { name: string }) => `\`${p.name}\` is still a TODO: write its body`,
  missingExport: (p: { name: string }) =>
    `your file does not export \`${p.name}\`: keep the signature given in the statement`,
  notAFunction: (p: { name: string; kind: string }) =>
    `\`${p.name}\` should be a function, but its type is ${p.kind}`,
  threw: (p: { name: string; error: string }) => `\`${p.name}\` failed with ${p.error}`,
  deadlock: (p: { name: string; at: string }) =>
    `\`${p.name}\` never finished: at ${p.at} it was still waiting and nothing was left that could wake it (no timer pending). A promise that is never resolved, or an await on something that never comes?`,
  runaway: (p: { name: string; at: string }) =>
    `\`${p.name}\` was still running after ${p.at} of virtual time: a setInterval that is never cleared, or a loop that keeps starting timers?`,
  timerThrew: (p: { name: string; error: string }) =>
    `a timer callback threw ${p.error} while \`${p.name}\` ran: in a real program this crashes it`,
  unhandled: (p: { error: string }) => `a promise was rejected and nobody handled it: ${p.error}`,
  forgotAwait: (p: { name: string }) =>
    `\`${p.name}\` gave back a Promise where a value was expected: did you forget \`await\`?`,
  forgotAwaitIn: (p: { name: string; shape: string }) =>
    `\`${p.name}\` gave back ${p.shape}: promises where values were expected: did you forget \`await\` (\`await Promise.all(…)\`)?`,
  // Exercise-level errors.
  loadFailed: (p: { error: string }) => `your file could not be loaded: ${p.error}`,
  moduleRefused: (p: { name: string }) =>
    `your file imports \`node:${p.name}\`, which can look inside the grader or around its sandbox: it cannot be used here, and the exercises need none`,
  linkRefused: (p: { file: string }) =>
    `${p.file} in your folder is a link or a special file: the grader copies and runs only regular files, so nothing was run`,
  folderTooLarge: (p: { size: string }) =>
    `your folder holds more than ${p.size} of files: the grader runs only an exercise folder it can copy, so nothing was run`,
  loadNeverEnded: "your file's top-level code never finished (a top-level await that never ends?)",
  loadExit: (p: { code: number }) =>
    `your module called Deno.exit(${p.code}) while it was loaded: the grader cannot test it`,
  checkExit: (p: { code: number }) =>
    `your code called Deno.exit(${p.code}) during this check: never exit from a library function`,
  frozen: (p: { time: string }) =>
    `your code never gave the event loop a chance to run (stopped after ${p.time} of processor time): a synchronous loop or a busy-wait on Date.now()?`,
  blocked: (p: { time: string }) =>
    `your code never gave the event loop a chance to run (stopped after ${p.time} of real time, waiting without working): Atomics.wait?`,
  outOfMemory:
    "your code ran out of memory (more than 256 MiB): an array or string that grows without end?",
  crashed: (p: { code: string }) => `the grader's sandbox stopped unexpectedly (${p.code})`,
  notRun: "not run: an earlier check stopped the sandbox",
  fileMissing: (p: { file: string }) => `${p.file} was not found`,
  // Robustness (hostile or broken submissions).
  syntaxError: (p: { file: string; error: string }) =>
    `${p.file} is not valid TypeScript, so nothing in it could be graded: ${p.error}`,
  lockedGlobal: (p: { name: string }) =>
    `your file replaces the built-in \`${p.name}\`: the grader needs the original to run your code in virtual time and see what it does. Leave built-ins alone (write your own function instead)`,
  fileTooBig: (p: { file: string; size: string; limit: string }) =>
    `${p.file} is ${p.size}, more than the ${p.limit} an exercise may take: it was not run`,
  clockTamper: (p: { name: string }) =>
    `\`${p.name}\` reset the grader's virtual clock while it ran: time can only move forward by waiting`,
  unreadable: (p: { name: string }) =>
    `\`${p.name}\` handed the grader a value it cannot read (a getter, Proxy or conversion that throws): return plain values and throw real Errors`,
  outputClosed:
    "your code closed the program's standard output, the only way the grader hears back from it: never close Deno.stdout, Deno.stderr, process.stdout or file descriptors 1 and 2",
  workerRefused:
    "your code started a Worker: workers cannot run in the grader's sandbox, and the exercises need none",
  linkOutside: (p: { file: string }) =>
    `${p.file} in your folder is a link to something outside it: the grader runs and reads only what is in your folder, so nothing was run`,
  folderTooBig: (p: { count: number }) =>
    `your folder holds more than ${p.count} files: the grader runs only an exercise folder it can check, so nothing was run`,
  // Report chrome.
  reportTitle: "async-lab — grade report",
  total: "Total",
  statusPass: "passed",
  statusFail: "failed",
  statusError: "error",
  statusTodo: "to do",
  expected: "expected",
  observed: "observed",
  hint: "hint",
  output: "your program printed",
  nextTodo: (p: { file: string; n: string; dir?: string; task?: string; lang?: string }) =>
    `Next step: open ${p.file}, replace the TODOs, then run \`${
      p.task ?? "deno task"
    } grade ${p.n}${flags(p)}\``,
  nextFix: (p: { file: string; n: string; dir?: string; task?: string; lang?: string }) =>
    `Next step: fix ${p.file}, then run \`${p.task ?? "deno task"} grade ${p.n}${flags(p)}\` (\`${
      p.task ?? "deno task"
    } hint ${p.n}${langFlag(p)}\` if you are stuck)`,
  allDone: "Everything passes. Well done! Read the lessons again to see why it works.",
  timelineTitle: (p: { took: string; want: string }) =>
    `timeline: took ${p.took}, expected ${p.want}`,
  // CLI.
  usage:
    "Usage: deno task grade [EXERCISE…] [--dir DIR] [--reporter pretty|json|junit|github|classroom|html] [--html FILE] [--lang en|fr] [--seed N] [--fail-under N] [--wall-timeout S] [--ascii] [--verbose]",
  help: `Grade the exercises in virtual time and print a report.

EXERCISE          3, 03, 03_timeouts or timeouts (default: all)
--dir DIR         grade another submission: a folder with the exercise files, or a repository with exercises/
--reporter R      pretty (default), json, junit, github, classroom, html (comma-separated for several)
--html FILE       also write the report as a self-contained web page there (html prints it)
--lang L          en or fr (default: from LC_ALL / LANG)
--seed N          seed for the random data the checks use (default 444)
--fail-under N    exit 1 when the score is below N (default: the maximum)
--wall-timeout S  time budget of an exercise: S seconds of processor time, and at most 2×S or S+20 real seconds (default 10)
--ascii           draw timelines with ASCII characters only
--verbose         also show passing checks and what your code printed
--help            show this help`,
  badFlag: (p: { flag: string }) => `unknown option ${p.flag}`,
  badValue: (p: { flag: string; value: string }) => `invalid value for ${p.flag}: ${p.value}`,
  badExercise: (p: { name: string; list: string }) =>
    `no exercise matches "${p.name}" (try one of: ${p.list})`,
  noSubmission: (p: { dir: string }) => `no exercise files found in ${p.dir}`,
  // Batch grading (deno task grade-batch), for teachers.
  batchUsage:
    "Usage: deno task grade-batch DIR [--out grades.csv] [--json grades.json] [--html class.html] [--concurrency N] [--shard K/N] [--wall-timeout S] [--seed N] [--lang en|fr]",
  batchHelp: `Grade a whole class: each immediate subfolder of DIR is one submission (the exercise
files, or a repository with exercises/), e.g. the folder \`gh classroom clone student-repos\` makes.

--out FILE        write the gradebook CSV there (default: standard output, unless --html is given)
--json FILE       also write every submission's full JSON report there
--html FILE       write the class page there: what the class got wrong, one self-contained web page
--concurrency N   sandboxes run at once (default: the core count)
--shard K/N       grade only every N-th submission from the K-th, in name order (1/4, 2/4…
                  for a CI matrix: the N CSVs, header aside, add up to the whole class)
--wall-timeout S  time budget of an exercise: S seconds of processor time, and at most 2×S or S+20 real seconds (default 10)
--seed N          seed for the random data the checks use (default 444)
--lang L          en or fr, for the progress lines and the reports (default: from LC_ALL / LANG)
--help            show this help

The CSV has one row per submission: its points per exercise, total, status, and same_as —
the exercises whose file is identical, comments and whitespace aside, to another
submission's or to the reference solution, "(reference)" (a flag only: scores are unchanged).

Exit code 0 when every submission was graded (whatever the scores), 2 for a usage error.`,
  batchNoDir: (p: { dir: string }) => `no folder ${p.dir}`,
  batchEmpty: (p: { dir: string }) =>
    `no submission in ${p.dir}: each student's work should be one subfolder`,
  batchProgress: (p: { done: number; total: number; rate: string; left: string }) =>
    `${p.done}/${p.total} graded · ${p.rate}/s · ${p.left} left`,
  batchSummary: (
    p: {
      count: number;
      seconds: string;
      rate: string;
      pass: number;
      fail: number;
      todo: number;
      error: number;
    },
  ) =>
    `graded ${p.count} submission${
      p.count === 1 ? "" : "s"
    } in ${p.seconds} (${p.rate}/s): ${p.pass} with full marks, ${p.fail} partial, ${p.todo} not started, ${p.error} with errors`,
  batchRowError: (p: { submission: string; error: string }) => `${p.submission}: ${p.error}`,
  batchFailed: (p: { error: string }) => `the grader failed on this submission: ${p.error}`,
  batchHung: (p: { seconds: number }) => `grading did not finish within ${p.seconds} s`,
  batchWrote: (p: { file: string }) => `wrote ${p.file}`,
};

/** Repeats the user's `--dir` and `--lang` in a command. */
function flags(p: { dir?: string; lang?: string }): string {
  return `${p.dir ? ` --dir ${p.dir}` : ""}${langFlag(p)}`;
}

/** Repeats the user's `--lang` in a command. */
function langFlag(p: { lang?: string }): string {
  return p.lang ? ` --lang ${p.lang}` : "";
}

/** The core catalog. */
export const MESSAGES: CatalogOf<typeof en> = defineCatalog(en, {
  todo: (p: { name: string }) =>
    `\`${p.name}\` n'est pas encore écrite (TODO) : remplacez le TODO par son code`,
  missingExport: (p: { name: string }) =>
    `votre fichier n'exporte pas \`${p.name}\` : gardez la signature donnée dans l'énoncé`,
  notAFunction: (p: { name: string; kind: string }) =>
    `\`${p.name}\` devrait être une fonction, mais son type est ${p.kind}`,
  threw: (p: { name: string; error: string }) => `\`${p.name}\` a levé une erreur : ${p.error}`,
  deadlock: (p: { name: string; at: string }) =>
    `\`${p.name}\` ne s'est jamais terminée : à ${p.at}, elle attendait encore et plus rien ne pouvait la réveiller (aucun minuteur en attente). Une promesse jamais résolue, ou un await sur quelque chose qui ne vient jamais ?`,
  runaway: (p: { name: string; at: string }) =>
    `\`${p.name}\` tournait encore après ${p.at} de temps virtuel : un setInterval jamais arrêté, ou une boucle qui relance sans cesse des minuteurs ?`,
  timerThrew: (p: { name: string; error: string }) =>
    `le callback d'un minuteur a levé ${p.error} pendant l'exécution de \`${p.name}\` : un vrai programme planterait`,
  unhandled: (p: { error: string }) =>
    `une promesse a été rejetée sans que personne ne gère l'erreur : ${p.error}`,
  forgotAwait: (p: { name: string }) =>
    `\`${p.name}\` a renvoyé une Promise là où une valeur était attendue : un \`await\` oublié ?`,
  forgotAwaitIn: (p: { name: string; shape: string }) =>
    `\`${p.name}\` a renvoyé ${p.shape} : des promesses là où des valeurs étaient attendues. Un \`await\` oublié (\`await Promise.all(…)\`) ?`,
  loadFailed: (p: { error: string }) => `impossible de charger votre fichier : ${p.error}`,
  moduleRefused: (p: { name: string }) =>
    `votre fichier importe \`node:${p.name}\`, qui peut regarder dans le correcteur ou autour de son bac à sable : il est interdit ici, et les exercices n'en ont pas besoin`,
  linkRefused: (p: { file: string }) =>
    `${p.file}, dans votre dossier, est un lien ou un fichier spécial : le correcteur ne copie et n'exécute que des fichiers ordinaires, rien n'a donc été exécuté`,
  folderTooLarge: (p: { size: string }) =>
    `votre dossier contient plus de ${p.size} de fichiers : le correcteur n'exécute qu'un dossier d'exercices qu'il peut copier, rien n'a donc été exécuté`,
  loadNeverEnded:
    "le code de premier niveau de votre fichier ne se termine jamais (un await de premier niveau qui attend pour toujours ?)",
  loadExit: (p: { code: number }) =>
    `votre module a appelé Deno.exit(${p.code}) au chargement : le correcteur ne peut pas le tester`,
  checkExit: (p: { code: number }) =>
    `votre code a appelé Deno.exit(${p.code}) pendant ce test : une fonction de bibliothèque ne doit jamais quitter le programme`,
  frozen: (p: { time: string }) =>
    `votre code n'a jamais rendu la main à la boucle d'événements (arrêté après ${p.time} de temps processeur) : une boucle synchrone ou une attente active sur Date.now() ?`,
  blocked: (p: { time: string }) =>
    `votre code n'a jamais rendu la main à la boucle d'événements (arrêté après ${p.time} de temps réel, à attendre sans rien faire) : Atomics.wait ?`,
  outOfMemory:
    "votre code a épuisé la mémoire (plus de 256 Mio) : un tableau ou une chaîne qui grandit sans fin ?",
  crashed: (p: { code: string }) =>
    `le bac à sable du correcteur s'est arrêté de façon inattendue (${p.code})`,
  notRun: "non exécuté : un test précédent a arrêté le bac à sable",
  fileMissing: (p: { file: string }) => `${p.file} est introuvable`,
  syntaxError: (p: { file: string; error: string }) =>
    `${p.file} n'est pas du TypeScript valide, rien n'a donc pu être testé : ${p.error}`,
  lockedGlobal: (p: { name: string }) =>
    `votre fichier remplace \`${p.name}\`, une fonction intégrée : le correcteur a besoin de l'originale pour exécuter votre code en temps virtuel et voir ce qu'il fait. Laissez les fonctions intégrées tranquilles (écrivez plutôt votre propre fonction)`,
  fileTooBig: (p: { file: string; size: string; limit: string }) =>
    `${p.file} fait ${p.size}, au-delà des ${p.limit} permis pour un exercice : il n'a pas été exécuté`,
  clockTamper: (p: { name: string }) =>
    `\`${p.name}\` a remis à zéro l'horloge virtuelle du correcteur pendant son exécution : le temps n'avance qu'en attendant`,
  unreadable: (p: { name: string }) =>
    `\`${p.name}\` a remis au correcteur une valeur illisible (un getter, un Proxy ou une conversion qui lève une exception) : renvoyez des valeurs simples et levez de vraies erreurs (Error)`,
  outputClosed:
    "votre code a fermé la sortie standard du programme, le seul moyen pour le correcteur d'en avoir des nouvelles : ne fermez jamais Deno.stdout, Deno.stderr, process.stdout ni les descripteurs 1 et 2",
  workerRefused:
    "votre code a lancé un Worker : les workers ne peuvent pas tourner dans le bac à sable du correcteur, et les exercices n'en ont pas besoin",
  linkOutside: (p: { file: string }) =>
    `${p.file}, dans votre dossier, est un lien vers l'extérieur : le correcteur n'exécute et ne lit que ce qui est dans votre dossier, rien n'a donc été exécuté`,
  folderTooBig: (p: { count: number }) =>
    `votre dossier contient plus de ${p.count} fichiers : le correcteur n'exécute qu'un dossier d'exercices qu'il peut vérifier, rien n'a donc été exécuté`,
  reportTitle: "async-lab — bulletin de notes",
  total: "Total",
  statusPass: "réussi",
  statusFail: "échoué",
  statusError: "erreur",
  statusTodo: "à faire",
  expected: "attendu",
  observed: "observé",
  hint: "indice",
  output: "votre programme a affiché",
  nextTodo: (p: { file: string; n: string; dir?: string; task?: string; lang?: string }) =>
    `Prochaine étape : ouvrez ${p.file}, remplacez les TODO, puis lancez \`${
      p.task ?? "deno task"
    } grade ${p.n}${flags(p)}\``,
  nextFix: (p: { file: string; n: string; dir?: string; task?: string; lang?: string }) =>
    `Prochaine étape : corrigez ${p.file}, puis lancez \`${p.task ?? "deno task"} grade ${p.n}${
      flags(p)
    }\` (\`${p.task ?? "deno task"} hint ${p.n}${langFlag(p)}\` si vous bloquez)`,
  allDone: "Tout est réussi. Bravo ! Relisez les leçons pour comprendre pourquoi ça marche.",
  timelineTitle: (p: { took: string; want: string }) =>
    `chronologie : ${p.took} au lieu de ${p.want}`,
  usage:
    "Usage : deno task grade [EXERCICE…] [--dir DOSSIER] [--reporter pretty|json|junit|github|classroom|html] [--html FICHIER] [--lang en|fr] [--seed N] [--fail-under N] [--wall-timeout S] [--ascii] [--verbose]",
  help: `Corrige les exercices en temps virtuel et affiche un bulletin.

EXERCICE          3, 03, 03_timeouts ou timeouts (par défaut : tous)
--dir DOSSIER     corrige un autre rendu : un dossier avec les fichiers d'exercices, ou un dépôt avec exercises/
--reporter R      pretty (par défaut), json, junit, github, classroom, html (séparés par des virgules)
--html FICHIER    écrit aussi le bulletin en page web autonome dans ce fichier (html l'affiche)
--lang L          en ou fr (par défaut : d'après LC_ALL / LANG)
--seed N          graine des données aléatoires des tests (par défaut 444)
--fail-under N    code de sortie 1 si la note est sous N (par défaut : le maximum)
--wall-timeout S  temps accordé à un exercice : S secondes de temps processeur, et au plus 2×S ou S+20 secondes réelles (par défaut 10)
--ascii           dessine les chronologies en ASCII seulement
--verbose         montre aussi les tests réussis et ce que votre code a affiché
--help            affiche cette aide`,
  badFlag: (p: { flag: string }) => `option inconnue : ${p.flag}`,
  badValue: (p: { flag: string; value: string }) => `valeur invalide pour ${p.flag} : ${p.value}`,
  badExercise: (p: { name: string; list: string }) =>
    `aucun exercice ne correspond à « ${p.name} » (essayez : ${p.list})`,
  noSubmission: (p: { dir: string }) => `aucun fichier d'exercice trouvé dans ${p.dir}`,
  batchUsage:
    "Usage : deno task grade-batch DOSSIER [--out notes.csv] [--json notes.json] [--html classe.html] [--concurrency N] [--shard K/N] [--wall-timeout S] [--seed N] [--lang en|fr]",
  batchHelp:
    `Corrige toute une classe : chaque sous-dossier direct de DOSSIER est un rendu (les fichiers
d'exercices, ou un dépôt avec exercises/), par exemple le dossier que crée \`gh classroom clone student-repos\`.

--out FICHIER     écrit le carnet de notes CSV dans ce fichier (par défaut : la sortie standard, sauf avec --html)
--json FICHIER    écrit aussi le bulletin JSON complet de chaque rendu
--html FICHIER    écrit la page de la classe : ce que la classe a manqué, en une page web autonome
--concurrency N   bacs à sable lancés en même temps (par défaut : le nombre de cœurs)
--shard K/N       ne corrige qu'un rendu sur N à partir du K-ième, par ordre des noms (1/4, 2/4…
                  pour une matrice de CI : les N CSV, en-tête à part, font toute la classe)
--wall-timeout S  temps accordé à un exercice : S secondes de temps processeur, et au plus 2×S ou S+20 secondes réelles (par défaut 10)
--seed N          graine des données aléatoires des tests (par défaut 444)
--lang L          en ou fr, pour la progression et les bulletins (par défaut : d'après LC_ALL / LANG)
--help            affiche cette aide

Le CSV a une ligne par rendu : ses points par exercice, le total, l'état, et same_as —
les exercices dont le fichier est identique, commentaires et espaces à part, à celui d'un
autre rendu ou à la solution de référence, « (reference) » (un signalement : les notes
ne changent pas).

Code de sortie 0 quand chaque rendu a été corrigé (quelles que soient les notes), 2 pour une erreur d'usage.`,
  batchNoDir: (p: { dir: string }) => `dossier introuvable : ${p.dir}`,
  batchEmpty: (p: { dir: string }) =>
    `aucun rendu dans ${p.dir} : le travail de chaque élève doit être un sous-dossier`,
  batchProgress: (p: { done: number; total: number; rate: string; left: string }) =>
    `${p.done}/${p.total} corrigés · ${p.rate}/s · encore ${p.left}`,
  batchSummary: (
    p: {
      count: number;
      seconds: string;
      rate: string;
      pass: number;
      fail: number;
      todo: number;
      error: number;
    },
  ) =>
    `${p.count} rendu${p.count > 1 ? "s" : ""} corrigé${
      p.count > 1 ? "s" : ""
    } en ${p.seconds} (${p.rate}/s) : ${p.pass} avec la note maximale, ${p.fail} partiel${
      p.fail > 1 ? "s" : ""
    }, ${p.todo} non commencé${p.todo > 1 ? "s" : ""}, ${p.error} avec des erreurs`,
  batchRowError: (p: { submission: string; error: string }) => `${p.submission} : ${p.error}`,
  batchFailed: (p: { error: string }) => `le correcteur a échoué sur ce rendu : ${p.error}`,
  batchHung: (p: { seconds: number }) => `la correction ne s'est pas terminée en ${p.seconds} s`,
  batchWrote: (p: { file: string }) => `${p.file} écrit`,
});
