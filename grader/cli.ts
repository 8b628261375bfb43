/**
 * `deno task grade`: parses the flags, grades, prints the report, and maps
 * the outcome to an exit code (0 reached `--fail-under`, 1 below it, 2 usage
 * or grader error). The logic lives in `grade.ts` and `report/`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { basename, join } from "node:path";
import { CATALOG } from "./course.ts";
import { DEFAULT_SEED, exercisesDir, findExercise, grade } from "./grade.ts";
import { detectLang, isLang, type Lang } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { FEEDBACK } from "./i18n/feedback.ts";
import { REPORTERS } from "./report/mod.ts";
import { renderPretty, terminalWidth } from "./report/pretty.ts";
import { exists } from "./_fs.ts";
import {
  env,
  langFromArgs,
  shownFrom,
  shownPath,
  startDir,
  taskCommand,
  unknownFlag,
  UsageError,
  userPath,
} from "./_env.ts";

export { startDir, UsageError, userPath };

/** The parsed command line. */
export interface CliOptions {
  exercises: string[];
  dir?: string;
  reporters: string[];
  /** Where to write the HTML page too (`--html FILE`). */
  html?: string;
  lang: Lang;
  /** The `--lang` typed, if any (repeated in the commands the report suggests). */
  langFlag?: Lang;
  seed: number;
  failUnder?: number;
  wallTimeout: number;
  ascii: boolean;
  verbose: boolean;
  help: boolean;
}

function number(flag: string, value: string | undefined, lang: Lang, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min) {
    throw new UsageError(MESSAGES[lang].badValue({ flag, value }));
  }
  return n;
}

/** Parses `deno task grade` arguments; throws {@linkcode UsageError}. */
export function parseCli(args: string[], envLang: Lang = detectLang(env)): CliOptions {
  let parsed;
  const lang: Lang = langFromArgs(args, envLang);
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: "string" },
        reporter: { type: "string", default: "pretty" },
        html: { type: "string" },
        lang: { type: "string" },
        seed: { type: "string" },
        "fail-under": { type: "string" },
        "wall-timeout": { type: "string" },
        ascii: { type: "boolean", default: false },
        verbose: { type: "boolean", short: "v", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(MESSAGES[lang].badFlag({ flag: unknownFlag(error) }));
  }
  const v = parsed.values;
  if (v.lang !== undefined && !isLang(v.lang)) {
    throw new UsageError(MESSAGES[lang].badValue({ flag: "--lang", value: v.lang }));
  }
  const reporters = v.reporter.split(",").map((r) => r.trim()).filter(Boolean);
  for (const r of reporters) {
    if (r !== "pretty" && !(r in REPORTERS)) {
      throw new UsageError(MESSAGES[lang].badValue({ flag: "--reporter", value: r }));
    }
  }
  const seed = number("--seed", v.seed, lang) ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) {
    throw new UsageError(MESSAGES[lang].badValue({ flag: "--seed", value: v.seed! }));
  }
  return {
    exercises: parsed.positionals,
    dir: v.dir,
    reporters,
    html: v.html,
    lang,
    ...(v.lang !== undefined ? { langFlag: v.lang as Lang } : {}),
    seed,
    failUnder: number("--fail-under", v["fail-under"], lang),
    wallTimeout: number("--wall-timeout", v["wall-timeout"], lang, 0.1) ?? 10,
    ascii: v.ascii,
    verbose: v.verbose,
    help: v.help,
  };
}

/** `text` as one shell word (quoted only when it must be). */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * After grading only some exercises (`deno task grade 1`), the one to do
 * next among the others: the first after those graded, in course order.
 */
export function ungradedNext(
  graded: readonly string[],
  dir?: string,
  typedDir?: string,
): { id: string; file: string } | undefined {
  const last = Math.max(-1, ...CATALOG.map((e, i) => graded.includes(e.id) ? i : -1));
  const pick = CATALOG.slice(last + 1).find((e) => !graded.includes(e.id)) ??
    CATALOG.find((e) => !graded.includes(e.id));
  if (!pick) return undefined;
  return { id: pick.id, file: shownPath(join(exercisesDir(dir), pick.file), typedDir) };
}

/** Whether the terminal can show UTF-8 box drawing. */
function utf8(): boolean {
  const locale = env("LC_ALL") || env("LC_CTYPE") || env("LANG") || "";
  return locale === "" || /utf-?8/i.test(locale);
}

/** Runs the CLI; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const print = (text: string) => Deno.stdout.writeSync(new TextEncoder().encode(text));
  let options: CliOptions;
  try {
    options = parseCli(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const lang = detectLang(env);
    console.error(`${error.message}\n${MESSAGES[lang].usage}`);
    return 2;
  }
  const m = MESSAGES[options.lang];
  if (options.help) {
    print(`${m.usage}\n\n${m.help}\n`);
    return 0;
  }
  const only: string[] = [];
  for (const name of options.exercises) {
    // `exercises/01_gather.ts`, as a shell completes it, names exercise 1 too.
    const found = findExercise(basename(name));
    if (!found) {
      console.error(
        `${m.badExercise({ name, list: CATALOG.map((e) => e.id).join(", ") })}\n${m.usage}`,
      );
      return 2;
    }
    only.push(found.id);
  }
  const dir = options.dir === undefined ? undefined : userPath(options.dir);
  if (dir !== undefined && !exists(exercisesDir(dir))) {
    console.error(m.noSubmission({ dir: options.dir! }));
    return 2;
  }
  const report = await grade({
    dir,
    only: only.length > 0 ? only : undefined,
    lang: options.lang,
    seed: options.seed,
    wallTimeoutSeconds: options.wallTimeout,
  });
  const noColor = env("NO_COLOR") !== undefined && env("NO_COLOR") !== "";
  const ctx = {
    color: !noColor && Deno.stdout.isTerminal(),
    ascii: options.ascii || !utf8(),
    width: terminalWidth(),
    verbose: options.verbose,
    env,
    print,
  };
  for (const name of options.reporters) {
    if (name === "pretty") {
      // The next step's command grades the same folder again.
      const again = options.dir === undefined ? undefined : shellWord(options.dir);
      const ungraded = ungradedNext(report.exercises.map((e) => e.id), dir, options.dir);
      print(renderPretty(shownFrom(report, options.dir), {
        ...ctx,
        dir: again,
        ungraded,
        notGraded: CATALOG.map((e) => e.id).filter((id) =>
          !report.exercises.some((e) => e.id === id)
        ),
        langFlag: options.langFlag,
        task: taskCommand(),
      }));
    } else if (name === "html") {
      // Files named as the user would, like the terminal report.
      await REPORTERS.html(shownFrom(report, options.dir), ctx);
    } else await REPORTERS[name](report, ctx);
  }
  if (options.html !== undefined) {
    const { renderHtml } = await import("./report/html.ts");
    await Deno.writeTextFile(userPath(options.html), renderHtml(shownFrom(report, options.dir)));
  }
  return report.score >= (options.failUnder ?? report.maxScore) ? 0 : 1;
}

/** Runs the command line with `args`, and exits with its code (2 when the grader itself failed). */
export async function run(args: readonly string[]): Promise<never> {
  try {
    Deno.exit(await main([...args]));
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    console.error(FEEDBACK[detectLang(env)].graderFailed({ error: message }));
    Deno.exit(2);
  }
}

if (import.meta.main) await run(Deno.args);
