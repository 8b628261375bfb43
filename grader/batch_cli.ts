/**
 * `deno task grade-batch DIR`: grades every submission of a class and writes
 * the gradebook. Parses the flags, shows progress on stderr (a bar on a
 * terminal, a few plain lines otherwise), and maps the outcome to an exit
 * code (0 every submission graded, 2 usage error). The logic is `batch.ts`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { existsSync, statSync } from "node:fs";
import { DEFAULT_SEED } from "./grade.ts";
import { detectLang, isLang, type Lang } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";
import {
  type BatchProgress,
  decimal,
  duration,
  gradeBatch,
  listSubmissions,
  progressLine,
  tally,
  toBatchJson,
  toCsv,
} from "./batch.ts";
import { terminalWidth } from "./report/pretty.ts";
import { env, langFromArgs, unknownFlag, UsageError, userPath } from "./_env.ts";
import { FEEDBACK } from "./i18n/feedback.ts";
import { shownName } from "./_stage.ts";

/** The parsed command line of `grade-batch`. */
export interface BatchCliOptions {
  dir: string;
  out?: string;
  json?: string;
  /** Where to write the class page (HTML). */
  html?: string;
  concurrency?: number;
  /** Grade only one slice of the class: `[k, n]` is the k-th of n (1-based). */
  shard?: [number, number];
  wallTimeout: number;
  seed: number;
  lang: Lang;
  help: boolean;
}

/** Parses `grade-batch` arguments; throws {@linkcode UsageError}. */
export function parseBatchCli(args: string[], envLang: Lang = detectLang(env)): BatchCliOptions {
  const lang: Lang = langFromArgs(args, envLang);
  const m = MESSAGES[lang];
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        json: { type: "string" },
        html: { type: "string" },
        concurrency: { type: "string" },
        shard: { type: "string" },
        "wall-timeout": { type: "string" },
        seed: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(m.badFlag({ flag: unknownFlag(error) }));
  }
  const v = parsed.values;
  const num = (flag: string, value: string | undefined, ok: (n: number) => boolean) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || !ok(n)) {
      throw new UsageError(m.badValue({ flag, value }));
    }
    return n;
  };
  if (v.lang !== undefined && !isLang(v.lang)) {
    throw new UsageError(m.badValue({ flag: "--lang", value: v.lang }));
  }
  const help = v.help;
  if (!help && parsed.positionals.length !== 1) {
    throw new UsageError(
      parsed.positionals.length === 0
        ? m.batchNoDir({ dir: "DIR" })
        : m.badValue({ flag: "DIR", value: parsed.positionals.join(" ") }),
    );
  }
  let shard: [number, number] | undefined;
  if (v.shard !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(v.shard);
    const [k, n] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (!(n >= 1 && k >= 1 && k <= n)) {
      throw new UsageError(m.badValue({ flag: "--shard", value: v.shard }));
    }
    shard = [k, n];
  }
  return {
    dir: parsed.positionals[0] ?? "",
    shard,
    out: v.out,
    json: v.json,
    html: v.html,
    concurrency: num("--concurrency", v.concurrency, (n) => Number.isInteger(n) && n >= 1),
    wallTimeout: num("--wall-timeout", v["wall-timeout"], (n) => n >= 0.1) ?? 10,
    seed: num("--seed", v.seed, (n) => Number.isInteger(n) && n >= 0) ?? DEFAULT_SEED,
    lang,
    help,
  };
}

/** Writes progress to stderr: a redrawn bar on a terminal, else a line per tenth. */
export function progressReporter(
  lang: Lang,
  write: (text: string) => void,
  terminal: boolean,
): { update(p: BatchProgress): void; end(): void } {
  let lastTenth = -1;
  let drawn = false;
  return {
    update(p) {
      if (terminal) {
        write(`\r${progressLine(p, { lang, bar: true, width: terminalWidth() })}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor((p.done / p.total) * 10);
      if (tenth !== lastTenth || p.done === p.total) {
        lastTenth = tenth;
        write(`${progressLine(p, { lang, bar: false })}\n`);
      }
    },
    end() {
      if (drawn) write("\n");
    },
  };
}

/** Runs `grade-batch`; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  const encoder = new TextEncoder();
  const err = (text: string) => Deno.stderr.writeSync(encoder.encode(text));
  let options: BatchCliOptions;
  try {
    options = parseBatchCli(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const lang = detectLang(env);
    err(`${error.message}\n${MESSAGES[lang].batchUsage}\n`);
    return 2;
  }
  const m = MESSAGES[options.lang];
  if (options.help) {
    Deno.stdout.writeSync(encoder.encode(`${m.batchUsage}\n\n${m.batchHelp}\n`));
    return 0;
  }
  // Paths as typed where `deno task` was started, not in the project's root.
  const dir = userPath(options.dir);
  const out = options.out === undefined ? undefined : userPath(options.out);
  const json = options.json === undefined ? undefined : userPath(options.json);
  const html = options.html === undefined ? undefined : userPath(options.html);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    err(`${m.batchNoDir({ dir: options.dir })}\n${m.batchUsage}\n`);
    return 2;
  }
  const shard = options.shard;
  const classmates = listSubmissions(dir);
  if (classmates.length === 0) {
    err(`${m.batchEmpty({ dir: options.dir })}\n`);
    return 2;
  }
  // A shard may be empty (more shards than submissions): its gradebook is the header.
  const submissions = classmates
    .filter((_, i) => shard === undefined || i % shard[1] === shard[0] - 1);
  const progress = progressReporter(options.lang, err, Deno.stderr.isTerminal());
  const result = await gradeBatch(submissions, {
    lang: options.lang,
    seed: options.seed,
    wallTimeoutSeconds: options.wallTimeout,
    concurrency: options.concurrency,
    classmates,
    onProgress: (p) => progress.update(p),
  });
  progress.end();
  const csv = toCsv(result);
  if (out !== undefined) {
    await Deno.writeTextFile(out, csv);
  } else if (html === undefined) {
    Deno.stdout.writeSync(encoder.encode(csv));
  }
  if (json !== undefined) await Deno.writeTextFile(json, toBatchJson(result));
  if (html !== undefined) {
    const { renderClassHtml } = await import("./report/class_html.ts");
    await Deno.writeTextFile(html, renderClassHtml(result));
  }
  for (const row of result.rows) {
    for (const error of row.errors) {
      // A folder's name and an error's text come from the class: shown escaped.
      const submission = shownName(row.submission);
      err(`${m.batchRowError({ submission, error: shownName(error) })}\n`);
    }
  }
  const seconds = result.durationMs / 1000;
  const counts = tally(result.rows);
  err(
    `${
      m.batchSummary({
        count: result.rows.length,
        seconds: duration(seconds),
        rate: decimal(result.rows.length / Math.max(seconds, 0.001), options.lang),
        ...counts,
      })
    }\n`,
  );
  if (options.out !== undefined) err(`${m.batchWrote({ file: options.out })}\n`);
  if (options.json !== undefined) err(`${m.batchWrote({ file: options.json })}\n`);
  if (options.html !== undefined) err(`${m.batchWrote({ file: options.html })}\n`);
  return 0;
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
