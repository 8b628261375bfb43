/**
 * What the command-line entry points share: reading the environment without
 * failing where it is not permitted, and the error for a bad command line.
 *
 * @module
 */
import { isAbsolute, relative, resolve } from "node:path";
import { isLang, type Lang } from "./i18n/mod.ts";
import type { Report } from "./grade.ts";

/** The variable `name`, or `undefined` when it is unset or may not be read. */
export function env(name: string): string | undefined {
  try {
    return Deno.env.get(name);
  } catch {
    return undefined;
  }
}

/** Thrown for a bad command line: printed with the usage line, exit 2. */
export class UsageError extends Error {
  /** Makes one. */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * The `--lang` an argument list asks for (`--lang fr` or `--lang=fr`), read
 * before the full parse so that even a usage error speaks it; else `fallback`.
 */
export function langFromArgs(args: readonly string[], fallback: Lang): Lang {
  const raw = args.find((a, i) => args[i - 1] === "--lang" || a.startsWith("--lang="));
  const value = raw?.replace("--lang=", "");
  return isLang(value) ? value : fallback;
}

/** The option `parseArgs` refused, from its error (`'--bogus'` → `--bogus`). */
export function unknownFlag(error: unknown): string {
  return /'([^']+)'/.exec((error as Error)?.message ?? "")?.[1] ?? String(error);
}

/**
 * A folder named on the command line, as seen from where the user typed it:
 * `deno task` runs in the project's root, and says in `INIT_CWD` where it was
 * started.
 */
export function userPath(path: string, initCwd: string = startDir()): string {
  return initCwd && !isAbsolute(path) ? resolve(initCwd, path) : path;
}

/**
 * Where `deno task` was started: `INIT_CWD` when it is this folder or below
 * it, as `deno task` sets it (an `INIT_CWD` left by another tool is ignored);
 * else `""`.
 */
export function startDir(
  initCwd: string | undefined = env("INIT_CWD"),
  cwd: string = Deno.cwd(),
): string {
  if (!initCwd || !isAbsolute(initCwd)) return "";
  const below = relative(cwd, initCwd);
  return below === "" || (!below.startsWith("..") && !isAbsolute(below)) ? initCwd : "";
}

/**
 * The report with each file named as the user would: from where they typed
 * the command, or in full when they gave `--dir` in full.
 */
export function shownFrom(report: Report, typedDir?: string, initCwd: string = startDir()): Report {
  const exercises = report.exercises.map((e) => ({
    ...e,
    file: shownPath(e.file, typedDir, initCwd) || e.file,
  }));
  return { ...report, exercises };
}

/** A file as {@linkcode shownFrom} names it. */
export function shownPath(file: string, typedDir?: string, initCwd: string = startDir()): string {
  const abs = resolve(file);
  return typedDir !== undefined && isAbsolute(typedDir)
    ? abs
    : relative(initCwd || Deno.cwd(), abs);
}

/**
 * How the user runs this project's tasks, for the commands the tools
 * suggest: `npx -y deno@VERSION task` when Deno was started by `npx` (or
 * `npm exec`), which sets `npm_command=exec` and names the program it ran in
 * `npm_lifecycle_script`; else `deno task`. Both variables pass down to
 * every process `deno task` starts.
 */
export function taskCommand(
  get: (name: string) => string | undefined = env,
  version: string = Deno.version.deno,
): string {
  const program = (get("npm_lifecycle_script") ?? "").trim().replace(/^['"]/, "");
  const viaNpx = get("npm_command") === "exec" && /^deno(@[\w.^~-]+)?(['"\s]|$)/.test(program);
  return viaNpx ? `npx -y deno@${version} task` : "deno task";
}
