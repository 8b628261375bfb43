/**
 * The course the command lines grade by default: `exercises/catalog.ts`
 * beside the engine, loaded by URL when a command starts. The engine does not
 * import the course (the course imports the engine: its catalog and checks
 * use the engine's types and toolkit), so each is a package of its own;
 * {@linkcode grade} takes any catalog.
 *
 * @module
 */
import type { LocalText } from "./i18n/mod.ts";

/** One exercise of a course, as the engine reads it from a catalog. */
export interface Exercise {
  /** `NN_topic`, also the stub's file name without `.ts`. */
  id: string;
  /** The stub's file name inside `exercises/`. */
  file: string;
  /** Its title, as the report shows it. */
  title: LocalText;
  /** Points it is worth (its checks add up to this). */
  points: number;
  /** URL of its checks module (`export default defineChecks([...])`). */
  checks: string;
  /** Hints from a nudge to the idea, shown one at a time by `deno task hint N`. */
  hints: readonly LocalText[];
}

/** URL of the course's catalog (`exercises/catalog.ts`, exporting `CATALOG`). */
export const COURSE_URL: string = new URL("../exercises/catalog.ts", import.meta.url).href;

/** The course's exercises, in order. */
export const CATALOG: readonly Exercise[] =
  ((await import(COURSE_URL)) as { CATALOG: readonly Exercise[] }).CATALOG;
