/**
 * What the command-line entry points share: reading the environment without
 * failing where it is not permitted, and the error for a bad command line.
 *
 * @module
 */

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
