/**
 * `deno task watch`: the learner's loop. Grades every exercise, clears the
 * screen and shows a progress bar (n/5 exercises passed), a line per
 * exercise and the failures of the first one not finished; grades again
 * each time an exercise file is saved. `r` or Enter grades at once (for file
 * systems where watching fails, which fall back to checking every second),
 * `q` quits.
 *
 * @module
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { CATALOG } from "./course.ts";
import { type ExerciseReport, exercisesDir, grade, type Report } from "./grade.ts";
import { detectLang, isLang, type Lang } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { TOOLS } from "./i18n/tools.ts";
import { renderPretty, terminalWidth, words } from "./report/pretty.ts";
import { toAscii } from "./report/_ascii.ts";
import { env, shownFrom, taskCommand, unknownFlag, userPath } from "./_env.ts";
import { BUNDLE_DIR } from "./_child_bundle.ts";

/** Options of {@linkcode renderWatch}. */
export interface WatchRenderOptions {
  width?: number;
  ascii?: boolean;
  color?: boolean;
  /** A line to show above the keys (e.g. that watching fell back to polling). */
  notice?: string | null;
  /** Exercises in the course (default: the catalog's). */
  total?: number;
  /** How the user runs tasks, for the suggested command (default `deno task`). */
  task?: string;
}

/** `[██████░░░░░░] ` — `n` of `total` filled, `cells` wide inside the brackets. */
export function progressBar(
  n: number,
  total: number,
  options: { ascii?: boolean; cells?: number } = {},
): string {
  const cells = options.cells ?? 20;
  const full = total > 0 ? Math.round((Math.min(n, total) / total) * cells) : 0;
  const [on, off] = options.ascii ? ["#", "-"] : ["█", "░"];
  return `[${on.repeat(full)}${off.repeat(cells - full)}]`;
}

const ICONS = {
  unicode: { pass: "✓", fail: "✗", error: "!", todo: "○" },
  ascii: { pass: "[ok]", fail: "[x]", error: "[!]", todo: "[ ]" },
};

/** The watch screen for a report (no screen-clearing codes). */
export function renderWatch(report: Report, options: WatchRenderOptions = {}): string {
  const lang = report.lang;
  const t = TOOLS[lang], m = MESSAGES[lang];
  const width = Math.max(40, Math.min(options.width ?? 80, 120));
  const paint = (code: number, text: string) =>
    options.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  const total = options.total ?? CATALOG.length;
  const passed = report.exercises.filter((e) => e.status === "pass").length;
  const lines = [paint(1, t.watchTitle), ""];
  lines.push(
    `${paint(passed === total ? 32 : 36, progressBar(passed, total, { ascii: options.ascii }))} ${
      t.watchProgress({ n: passed, total })
    }`,
    "",
  );
  const first = report.exercises.find((e) => e.status !== "pass");
  const icons = ICONS[options.ascii ? "ascii" : "unicode"];
  const colour = { pass: 32, fail: 31, error: 33, todo: 2 };
  for (const e of report.exercises) {
    if (e === first) {
      const block = renderPretty({ ...report, exercises: [e] }, { ...options, width, bare: true });
      lines.push(block.trimEnd());
      continue;
    }
    const left = `${icons[e.status]} ${e.id.slice(0, 2)} ${e.title}`;
    const status = e.status === "todo" ? ` (${m.statusTodo})` : "";
    const score = `${e.score}/${e.maxScore}`;
    // Cut the title, not the status, so that the score stays on the line.
    const room = width - score.length - 1 - status.length;
    const cut = options.ascii ? "..." : "…";
    const text = (left.length > room ? left.slice(0, room - cut.length) + cut : left) + status;
    lines.push(
      paint(colour[e.status], text) + " ".repeat(Math.max(1, width - text.length - score.length)) +
        score,
    );
  }
  lines.push("");
  const next = nextLine(first, passed === total && !first, lang, options.task);
  if (next) lines.push(...wrap(next, width).map((l) => paint(36, l)));
  if (options.notice) lines.push(...wrap(options.notice, width).map((l) => paint(33, l)));
  lines.push(...wrap(t.watchKeys, width).map((l) => paint(2, l)));
  const text = lines.join("\n") + "\n";
  return options.ascii ? toAscii(text) : text;
}

function nextLine(
  first: ExerciseReport | undefined,
  allDone: boolean,
  lang: Lang,
  task?: string,
): string | null {
  const t = TOOLS[lang];
  if (allDone) return t.watchAllDone({ task });
  if (!first) return null;
  return first.status === "todo"
    ? t.watchTodo({ file: first.file })
    : t.watchNext({ file: first.file });
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of words(text, width)) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

/** The parsed command line of `deno task watch`. */
export interface WatchOptions {
  dir?: string;
  lang: Lang;
  ascii: boolean;
  /** Check files every second instead of asking the OS to report changes. */
  poll: boolean;
  help: boolean;
}

/** Parses `deno task watch` arguments; returns a usage error's text instead when they are wrong. */
export function parseWatchArgs(
  args: string[],
  envLang: Lang = detectLang(env),
): WatchOptions | string {
  let lang = envLang;
  try {
    const { values } = parseArgs({
      args,
      options: {
        dir: { type: "string" },
        lang: { type: "string" },
        ascii: { type: "boolean", default: false },
        poll: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    if (values.lang !== undefined) {
      if (!isLang(values.lang)) {
        return `${MESSAGES[lang].badValue({ flag: "--lang", value: values.lang })}\n${
          TOOLS[lang].watchUsage
        }`;
      }
      lang = values.lang;
    }
    return { dir: values.dir, lang, ascii: values.ascii, poll: values.poll, help: values.help };
  } catch (error) {
    return `${MESSAGES[lang].badFlag({ flag: unknownFlag(error) })}\n${TOOLS[lang].watchUsage}`;
  }
}

function utf8(): boolean {
  const locale = env("LC_ALL") || env("LC_CTYPE") || env("LANG") || "";
  return locale === "" || /utf-?8/i.test(locale);
}

/** Modification times of the `.ts` files in `dir`, as one comparable string. */
function snapshot(dir: string): string {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(".ts")).sort().map((f) => {
      try {
        return `${f}:${statSync(join(dir, f)).mtimeMs}`;
      } catch {
        return f;
      }
    }).join("|");
  } catch {
    return "";
  }
}

/**
 * Without write access to `grader/.bundle` (the watch task does not ask for
 * it), grade from the sources: building the sandbox's bundle would otherwise
 * stop the first grading on a permission prompt. Returns whether it did.
 */
export function gradeFromSources(): boolean {
  try {
    if (Deno.permissions.querySync({ name: "write", path: BUNDLE_DIR }).state === "granted") {
      return false;
    }
    Deno.env.set("ASYNC_LAB_BUNDLE", "0");
    return true;
  } catch {
    return false;
  }
}

/** What {@linkcode watchScreen} draws with: the terminal, and how to grade and render. */
export interface WatchScreenOptions {
  /** Writes to the terminal. */
  print: (text: string) => void;
  /** The terminal's width now (read again on each resize). */
  width: () => number;
  /** Whether the output is a terminal: the screen is cleared and redrawn in place. */
  tty: boolean;
  /** The words shown at once while grading (`grading…`), with their mark. */
  gradingText: string;
  /** Grades the submission. */
  grade: () => Promise<Report>;
  /** Renders a report at a width. */
  render: (report: Report, width: number) => string;
  /** Milliseconds to wait for a burst of file events to end before grading (default 150). */
  debounceMs?: number;
}

/** The watch screen's controls: what the loop calls on events. */
export interface WatchScreen {
  /** A file changed: say "grading…" at once, grade once the burst of events ends. */
  changed(): void;
  /** Grade now (a key, the first grading); resolves when the screen is drawn. */
  gradeNow(): Promise<void>;
  /** The terminal may have been resized: redraw the last report at the new width. */
  resized(): void;
  /** Stops: no more drawing. */
  stop(): void;
}

/**
 * The watch screen, without the terminal's events: the loop calls it on a
 * file change, a key or a resize (tests call it with fakes).
 */
export function watchScreen(options: WatchScreenOptions): WatchScreen {
  let running = false, again = false, stopped = false, showing = false;
  let last: Report | null = null;
  let drawnWidth = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const showGrading = () => {
    if (showing || stopped) return;
    showing = true;
    // Over the title line in place, so the last screen stays readable below it.
    options.print(
      options.tty ? `\x1b[s\x1b[H\x1b[2K${options.gradingText}\x1b[u` : `${options.gradingText}\n`,
    );
  };
  const draw = (report: Report) => {
    if (stopped) return;
    const width = options.width();
    drawnWidth = width;
    // Clear the screen and the scrollback, then draw.
    options.print((options.tty ? "\x1b[2J\x1b[3J\x1b[H" : "\n") + options.render(report, width));
  };
  const gradeNow = async () => {
    showGrading();
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        showGrading();
        const report = await options.grade();
        showing = false;
        last = report;
        draw(report);
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };
  return {
    changed() {
      if (stopped) return;
      showGrading();
      clearTimeout(timer);
      timer = setTimeout(() => void gradeNow(), options.debounceMs ?? 150);
    },
    gradeNow,
    resized() {
      if (stopped || last === null || running) return;
      if (options.width() !== drawnWidth) draw(last);
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** Runs the watch loop until `q`; returns the exit code. */
export async function watch(options: WatchOptions): Promise<number> {
  gradeFromSources();
  const encoder = new TextEncoder();
  const print = (text: string) => Deno.stdout.writeSync(encoder.encode(text));
  const tty = Deno.stdout.isTerminal();
  const t = TOOLS[options.lang];
  const submission = options.dir === undefined ? undefined : userPath(options.dir);
  const dir = exercisesDir(submission);
  const view = {
    ascii: options.ascii || !utf8(),
    color: tty && !env("NO_COLOR"),
    task: taskCommand(),
  };
  let notice: string | null = null;
  let stopped = false;
  const screen = watchScreen({
    print,
    width: terminalWidth,
    tty,
    gradingText: `${view.ascii ? "..." : "…"} ${t.watchGrading}`,
    grade: () => grade({ dir: submission, lang: options.lang }),
    render: (report, width) =>
      renderWatch(shownFrom(report, options.dir), { ...view, width, notice }),
  });
  const regrade = () => screen.gradeNow();

  // A resized terminal is redrawn: SIGWINCH where there are signals, and a
  // cheap look at the size twice a second where there are not.
  let sizer: ReturnType<typeof setInterval> | undefined;
  const onResize = () => screen.resized();
  if (tty) {
    try {
      Deno.addSignalListener("SIGWINCH", onResize);
    } catch { /* no such signal here */ }
    sizer = setInterval(onResize, 500);
  }

  // Changes: the OS's file events, else a check every second.
  let watcher: Deno.FsWatcher | null = null;
  const soon = () => screen.changed();
  let poller: ReturnType<typeof setInterval> | undefined;
  const poll = () => {
    let last = snapshot(dir);
    poller = setInterval(() => {
      const now = snapshot(dir);
      if (now !== last) {
        last = now;
        soon();
      }
    }, 1000);
  };
  if (options.poll) {
    poll();
  } else {
    try {
      watcher = Deno.watchFs(dir, { recursive: false });
      (async () => {
        try {
          for await (const event of watcher!) {
            if (event.paths.some((p) => p.endsWith(".ts"))) soon();
          }
        } catch (error) {
          if (stopped) return;
          notice = t.watchPolling({ error: (error as Error).message });
          poll();
        }
      })();
    } catch (error) {
      notice = t.watchPolling({ error: (error as Error).message });
      poll();
    }
  }

  let closed = false;
  const stop = () => {
    stopped = true;
    if (closed) return;
    closed = true;
    screen.stop();
    clearInterval(poller);
    clearInterval(sizer);
    if (tty) {
      try {
        Deno.removeSignalListener("SIGWINCH", onResize);
      } catch { /* never added */ }
    }
    try {
      watcher?.close();
    } catch { /* already closed */ }
    if (Deno.stdin.isTerminal()) {
      try {
        Deno.stdin.setRaw(false);
      } catch { /* not raw */ }
    }
    print(`${t.watchBye}\n`);
  };

  // Ctrl-C (a signal in cbreak mode, or without a terminal): leave cleanly.
  try {
    Deno.addSignalListener("SIGINT", () => {
      stop();
      Deno.exit(0);
    });
  } catch { /* no signals on this platform */ }

  await regrade();

  // Keys: r / Enter / space grade now; q, Ctrl-C or Ctrl-D quit.
  const raw = Deno.stdin.isTerminal();
  if (raw) Deno.stdin.setRaw(true, { cbreak: true });
  const reader = Deno.stdin.readable.getReader();
  while (!stopped) {
    const { value, done } = await reader.read();
    if (done) {
      // No keyboard (stdin closed): keep watching files until interrupted.
      if (!raw) await new Promise<void>(() => {});
      break;
    }
    // One grading per burst of keys ("r" then Enter is one request).
    let wanted = false;
    for (const byte of value) {
      const key = String.fromCharCode(byte).toLowerCase();
      if (key === "q" || byte === 3 || byte === 4) {
        stopped = true;
        break;
      }
      if (key === "r" || byte === 13 || byte === 10 || key === " ") wanted = true;
    }
    if (wanted && !stopped) await regrade();
  }
  reader.releaseLock();
  stop();
  return 0;
}

if (import.meta.main) {
  const parsed = parseWatchArgs(Deno.args);
  if (typeof parsed === "string") {
    console.error(parsed);
    Deno.exit(2);
  }
  if (parsed.help) {
    console.log(TOOLS[parsed.lang].watchUsage);
    Deno.exit(0);
  }
  Deno.exit(await watch(parsed));
}
