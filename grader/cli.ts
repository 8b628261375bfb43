/**
 * `deno task grade`: parses the flags, grades, prints the report, and maps
 * the outcome to an exit code (0 reached `--fail-under`, 1 below it, 2 usage
 * or grader error). The logic lives in `grade.ts` and `report/`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { existsSync } from "node:fs";
import { CATALOG } from "../exercises/catalog.ts";
import { DEFAULT_SEED, exercisesDir, findExercise, grade } from "./grade.ts";
import { detectLang, isLang, type Lang } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { FEEDBACK } from "./i18n/feedback.ts";
import { REPORTERS } from "./report/mod.ts";
import { terminalWidth } from "./report/pretty.ts";
import { env, UsageError } from "./_env.ts";

export { UsageError };

/** The parsed command line. */
export interface CliOptions {
  exercises: string[];
  dir?: string;
  reporters: string[];
  lang: Lang;
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
  const rawLang = args.find((a, i) => args[i - 1] === "--lang" || a.startsWith("--lang="));
  const lang0 = rawLang?.replace("--lang=", "");
  const lang: Lang = isLang(lang0) ? lang0 : envLang;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        dir: { type: "string" },
        reporter: { type: "string", default: "pretty" },
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
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? String(error);
    throw new UsageError(MESSAGES[lang].badFlag({ flag }));
  }
  const v = parsed.values;
  if (v.lang !== undefined && !isLang(v.lang)) {
    throw new UsageError(MESSAGES[lang].badValue({ flag: "--lang", value: v.lang }));
  }
  const reporters = v.reporter.split(",").map((r) => r.trim()).filter(Boolean);
  for (const r of reporters) {
    if (!(r in REPORTERS)) {
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
    lang,
    seed,
    failUnder: number("--fail-under", v["fail-under"], lang),
    wallTimeout: number("--wall-timeout", v["wall-timeout"], lang, 0.1) ?? 10,
    ascii: v.ascii,
    verbose: v.verbose,
    help: v.help,
  };
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
    const found = findExercise(name);
    if (!found) {
      console.error(
        `${m.badExercise({ name, list: CATALOG.map((e) => e.id).join(", ") })}\n${m.usage}`,
      );
      return 2;
    }
    only.push(found.id);
  }
  if (options.dir !== undefined && !existsSync(exercisesDir(options.dir))) {
    console.error(m.noSubmission({ dir: options.dir }));
    return 2;
  }
  const report = await grade({
    dir: options.dir,
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
  for (const name of options.reporters) await REPORTERS[name](report, ctx);
  return report.score >= (options.failUnder ?? report.maxScore) ? 0 : 1;
}

if (import.meta.main) {
  try {
    Deno.exit(await main(Deno.args));
  } catch (error) {
    const message = String((error as Error)?.message ?? error);
    console.error(FEEDBACK[detectLang(env)].graderFailed({ error: message }));
    Deno.exit(2);
  }
}
