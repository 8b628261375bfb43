/**
 * `deno task classroom DIR [--lang en|fr] [--course OWNER/REPO@REF]`: parses
 * the command line and writes the student repository (`classroom.ts`).
 * Exit codes: 0 written, 2 usage error or a folder it may not write into.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { detectLang, isLang, type Lang } from "../i18n/mod.ts";
import { MESSAGES } from "../i18n/messages.ts";
import { env, langFromArgs, unknownFlag, UsageError, userPath } from "../_env.ts";
import {
  CLASSROOM_MESSAGES,
  type CourseRef,
  insideCourse,
  isSafeTarget,
  parseCourse,
  writeClassroom,
} from "./classroom.ts";

/** The parsed command line. */
export interface ClassroomCli {
  dir: string;
  lang: Lang;
  course?: CourseRef;
  help: boolean;
}

/** Parses the arguments; throws {@linkcode UsageError}. */
export function parseClassroomCli(args: string[], envLang: Lang = detectLang(env)): ClassroomCli {
  const lang = langFromArgs(args, envLang);
  const m = CLASSROOM_MESSAGES[lang];
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        lang: { type: "string" },
        course: { type: "string" },
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
  let course: CourseRef | undefined;
  if (v.course !== undefined) {
    course = parseCourse(v.course) ?? undefined;
    if (!course) throw new UsageError(m.badCourse({ value: v.course }));
  }
  if (!v.help && parsed.positionals.length === 0) throw new UsageError(m.noDir);
  if (parsed.positionals.length > 1) {
    throw new UsageError(m.tooMany({ args: parsed.positionals.join(" ") }));
  }
  return { dir: parsed.positionals[0] ?? "", lang: v.lang ?? "en", course, help: v.help };
}

/** Runs the command; returns the exit code. */
export function main(args: string[]): number {
  let options: ClassroomCli;
  try {
    options = parseClassroomCli(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const m = CLASSROOM_MESSAGES[langFromArgs(args, detectLang(env))];
    console.error(`${error.message}\n${m.usage}`);
    return 2;
  }
  const m = CLASSROOM_MESSAGES[options.lang];
  if (options.help) {
    console.log(`${m.usage}\n\n${m.help}`);
    return 0;
  }
  const dir = userPath(options.dir);
  if (insideCourse(dir)) {
    console.error(`${m.insideCourse({ dir: options.dir })}\n${m.usage}`);
    return 2;
  }
  if (!isSafeTarget(dir)) {
    console.error(`${m.notEmpty({ dir: options.dir })}\n${m.usage}`);
    return 2;
  }
  const files = writeClassroom(dir, { lang: options.lang, course: options.course });
  console.log(m.wrote({ dir: options.dir, files: files.length }));
  return 0;
}

if (import.meta.main) {
  try {
    Deno.exit(main(Deno.args));
  } catch (error) {
    console.error(`classroom: ${String((error as Error)?.message ?? error)}`);
    Deno.exit(2);
  }
}
