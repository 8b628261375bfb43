/**
 * Joins the JSON gradebooks of a sharded `grade-batch` (`--shard K/N
 * --json part-K.json`) into one: every row once, in submission name order,
 * written as the same CSV and JSON a single `grade-batch` run writes. The
 * gradebook workflow's last job runs it.
 *
 * `deno run --allow-read --allow-write grader/tools/join_batches.ts --out grades.csv --json grades.json PART.json…`
 *
 * @module
 */
import { parseArgs } from "node:util";
import { type BatchResult, toBatchJson, toCsv } from "../batch.ts";

/** Thrown when the parts do not belong to one batch. */
export class JoinError extends Error {
  /** Makes one. */
  constructor(message: string) {
    super(message);
    this.name = "JoinError";
  }
}

/** One batch from its shards: same seed, language and exercises; rows by name, each once. */
export function joinBatches(parts: readonly BatchResult[]): BatchResult {
  if (parts.length === 0) throw new JoinError("Cannot join gradebooks: no part given");
  const [first] = parts;
  for (const part of parts) {
    if (part.schema !== "async-lab/batch@1") {
      throw new JoinError(`Cannot join gradebooks: unknown schema "${part.schema}"`);
    }
    const same = part.seed === first.seed && part.lang === first.lang &&
      part.exercises.join() === first.exercises.join() && part.maxScore === first.maxScore;
    if (!same) {
      throw new JoinError(
        "Cannot join gradebooks: the parts differ in seed, language or exercises",
      );
    }
  }
  const rows = parts.flatMap((p) => p.rows)
    .sort((a, b) => (a.submission < b.submission ? -1 : a.submission > b.submission ? 1 : 0));
  for (let i = 1; i < rows.length; i++) {
    if (rows[i].submission === rows[i - 1].submission) {
      throw new JoinError(`Cannot join gradebooks: "${rows[i].submission}" is in two parts`);
    }
  }
  return { ...first, durationMs: Math.max(...parts.map((p) => p.durationMs)), rows };
}

/** Runs the command; returns the exit code (2: bad command line or parts). */
export function main(args: string[]): number {
  const usage =
    "Usage: join_batches.ts --out grades.csv [--json grades.json] PART.json… (the --json files of grade-batch --shard)";
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: "string" }, json: { type: "string" } },
    });
    if (values.out === undefined || positionals.length === 0) throw new JoinError("");
    const parts = positionals.map((file) => JSON.parse(Deno.readTextFileSync(file)) as BatchResult);
    const joined = joinBatches(parts);
    Deno.writeTextFileSync(values.out, toCsv(joined));
    if (values.json !== undefined) Deno.writeTextFileSync(values.json, toBatchJson(joined));
    console.error(`joined ${parts.length} parts: ${joined.rows.length} submissions`);
    return 0;
  } catch (error) {
    const message = (error as Error)?.message;
    console.error(message ? `${message}\n${usage}` : usage);
    return 2;
  }
}

if (import.meta.main) Deno.exit(main(Deno.args));
