/**
 * Runs one lesson: `deno task lesson 5`, `deno task lesson 05` or
 * `deno task lesson chaining`. Without an argument, lists the lessons.
 *
 * - `--timeline` runs it in virtual time (instantly, with the same numbers)
 *   and draws one lane per task: its waits as bars, its printed lines as dots.
 * - `--real` (the default) runs it as `deno run lessons/NN_topic.ts` would.
 * - `--lang fr` prints in French (so does a French `LANG` or `LC_ALL`).
 *
 * Needs no permission; reads `COLUMNS` and the locale's charset only when
 * allowed to (`--allow-env`), and the terminal's width when there is one.
 *
 * @module
 */
import { type Lang, lessonLang } from "./_i18n.ts";
import { RUN_TEXT } from "./text/run.ts";

/** How a lesson is drawn with `--timeline`. */
export interface TimelinePlan {
  /** Options handed to `main()` in virtual time (lesson 10 simulates its real measurements). */
  options?: Record<string, unknown>;
  /** Mark the one-after-another sum of the named tasks' waits next to their total. */
  compare?: boolean;
}

/** The lessons, in course order: file name (in this folder), title, and how to draw it. */
export const LESSONS: readonly { file: string; title: string; timeline?: TimelinePlan }[] = [
  { file: "01_sync_vs_async.ts", timeline: {} },
  { file: "02_async_await_rules.ts" },
  { file: "03_event_loop.ts", timeline: {} },
  { file: "04_makerandom.ts", timeline: { compare: true } },
  { file: "05_chaining.ts", timeline: { compare: true } },
  { file: "06_queue.ts", timeline: { compare: true } },
  { file: "07_for_await_using.ts", timeline: {} },
  { file: "08_toolbox.ts", timeline: {} },
  { file: "09_many_errors.ts", timeline: {} },
  { file: "10_pitfalls.ts", timeline: { options: { simulate: true } } },
  { file: "11_ecosystem.ts" },
].map((l, i) => ({ ...l, title: RUN_TEXT.en.titles[i + 1] }));

/**
 * Finds the lesson named by `arg`: its number (`5`, `05`) or part of its name (`chaining`).
 *
 * @param arg What the user typed.
 * @returns The lesson's file name, or `undefined` when nothing (or more than one lesson) matches.
 */
export function findLesson(arg: string): string | undefined {
  const wanted = arg.trim().toLowerCase();
  if (wanted === "") return undefined;
  if (/^\d+$/.test(wanted)) {
    const n = Number(wanted);
    return LESSONS.find((l) => Number(l.file.slice(0, 2)) === n)?.file;
  }
  const matches = LESSONS.filter((l) => l.file.replace(/\.ts$/, "").includes(wanted));
  return matches.length === 1 ? matches[0].file : undefined;
}

/** How the drawing fits the output: width, characters and colour. */
export interface Screen {
  width: number;
  ascii: boolean;
  color: boolean;
}

/** Reads an environment variable when allowed to, without ever prompting. */
function env(name: string): string | undefined {
  const state = Deno.permissions.querySync({ name: "env", variable: name }).state;
  return state === "granted" ? Deno.env.get(name) : undefined;
}

/**
 * The output's screen: the terminal's width (else `COLUMNS`, else 80);
 * ASCII under a locale that is not UTF-8 (`LANG=C`, `fr_FR.ISO-8859-1`);
 * colour only on a terminal without `NO_COLOR`.
 */
export function detectScreen(): Screen {
  let width = Number(env("COLUMNS")) || 80;
  try {
    width = Deno.consoleSize().columns || width;
  } catch {
    // Not a terminal: keep COLUMNS or 80.
  }
  const locale = env("LC_ALL") || env("LC_CTYPE") || env("LANG");
  // The charset is read from the locale when allowed; without the permission,
  // the C/POSIX locale (navigator.language says "posix") is taken as ASCII.
  const ascii = locale !== undefined ? !/utf-?8/i.test(locale) : /posix/i.test(navigator.language);
  return { width, ascii, color: !Deno.noColor && Deno.stdout.isTerminal() };
}

/**
 * Runs a lesson in virtual time and returns its drawing (the lesson's own
 * output is printed through `print` as it happens).
 */
export async function drawLesson(
  file: string,
  lang: Lang,
  screen: Screen,
  print: (text: string) => void = console.log.bind(console),
): Promise<{ lines: string[]; run: import("./_timeline.ts").VirtualRun }> {
  const plan = LESSONS.find((l) => l.file === file)?.timeline ?? {};
  const [{ runVirtual, sumOfWaits }, { renderLanes, LANE_GLYPHS }] = await Promise.all([
    import("./_timeline.ts"),
    // The grader's renderer, by URL: a lesson run from its URL has no
    // deno.json to name the engine's package, and the course ships both.
    import(new URL("../grader/timeline.ts", import.meta.url).href) as Promise<Renderer>,
  ]);
  const lesson = await import(new URL(`./${file}`, import.meta.url).href);
  const run = await runVirtual(() => lesson.main({ ...plan.options, lang }), print);
  const t = RUN_TEXT[lang];
  const named = run.lanes.filter((l) => l.name !== null);
  const markers = [];
  if (plan.compare && named.length > 0) {
    // The tasks' total: when the last named task did its last thing.
    const done = Math.max(...named.flatMap((l) => [...l.waits.map((w) => w.end), ...l.prints]));
    const sum = sumOfWaits(named);
    markers.push({ at: done, text: t.total(done / 1000) }, { at: sum, text: t.sum(sum / 1000) });
  } else {
    markers.push({ at: run.totalMs, text: t.end(run.totalMs / 1000) });
  }
  // Named tasks first, in the order they started; code outside any task last.
  const ordered = [...named, ...run.lanes.filter((l) => l.name === null)];
  const lanes = ordered.map((l) => ({
    label: l.name ?? t.mainLane,
    waits: l.waits,
    marks: l.prints,
  }));
  const glyph = LANE_GLYPHS[screen.ascii ? "ascii" : "unicode"];
  const lines = [
    ...renderLanes(lanes, { ...screen, lang, markers }),
    t.legend(glyph.wait.repeat(3), glyph.mark),
  ];
  return { lines, run };
}

/** What a lesson's timeline needs of the grader's renderer (`grader/timeline.ts`). */
interface Renderer {
  renderLanes(
    lanes: readonly {
      label: string;
      waits: readonly { start: number; end: number }[];
      marks: readonly number[];
    }[],
    options: {
      width?: number;
      ascii?: boolean;
      lang?: Lang;
      markers?: readonly { at: number; text: string }[];
      color?: boolean;
    },
  ): string[];
  LANE_GLYPHS: Record<"ascii" | "unicode", { wait: string; mark: string; arrow: string }>;
}

/**
 * Runs the lesson named in `args`.
 *
 * @param args Command-line arguments.
 * @returns The exit code: 0 when the lesson ran, 2 for a bad argument.
 */
export async function run(args: string[]): Promise<number> {
  const lang = lessonLang(args);
  const t = RUN_TEXT[lang];
  const flags = new Set<string>(args.filter((a) => a === "--timeline" || a === "--real"));
  const rest = args.filter((a, i) =>
    !flags.has(a) && !a.startsWith("--lang=") && a !== "--lang" && args[i - 1] !== "--lang"
  );
  const file = rest.length === 1 ? findLesson(rest[0]) : undefined;
  if (file === undefined || flags.size === 2) {
    const why = flags.size === 2
      ? t.bothModes
      : rest.length === 0
      ? undefined
      : t.notFound(rest.join(" "));
    console.error(why === undefined ? t.usage : `${why}\n${t.usage}`);
    for (const { file } of LESSONS) {
      console.error(`  ${file.slice(0, 2)}  ${t.titles[Number(file.slice(0, 2))]}`);
    }
    return 2;
  }
  const entry = LESSONS.find((l) => l.file === file)!;
  if (flags.has("--timeline")) {
    if (entry.timeline === undefined) {
      console.error(t.noTimeline(Number(file.slice(0, 2))));
      return 2;
    }
    const { lines } = await drawLesson(file, lang, detectScreen());
    console.log(`\n${lines.join("\n")}`);
    return 0;
  }
  const lesson = await import(new URL(`./${file}`, import.meta.url).href);
  await lesson.main({ lang });
  return 0;
}

if (import.meta.main) {
  const code = await run(Deno.args);
  if (code !== 0) Deno.exit(code);
}
