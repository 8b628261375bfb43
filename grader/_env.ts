/**
 * What the command-line entry points share: reading the environment without
 * failing where it is not permitted, and the error for a bad command line.
 *
 * @module
 */
import { isLang, type Lang } from "./i18n/mod.ts";

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
