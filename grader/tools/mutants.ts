/**
 * Mutation testing of the checks: `deno task mutants [EXERCISE…] [--json]`.
 *
 * Each exercise's reference solution is mutated — Stryker's standard
 * operators (`@stryker-mutator/instrumenter`) plus async mistakes of our own
 * (a dropped `await`, calls awaited one at a time, a dropped `clearTimeout`,
 * `abort()` or sentinel, a callback moved after its loop, `shift` ↔ `pop`,
 * `<` ↔ `<=`, an off-by-one count, a time constant ×10) — and every mutant is
 * graded for that exercise alone through the engine's public API. A mutant is
 * killed when it scores below full marks, or when it does not type-check
 * (listed apart as a compile error). Survivors reviewed as equivalent sit in
 * `fixtures/NN_topic/equivalent-mutants.json`, matched by a key that does
 * not depend on line numbers.
 *
 * The figure is a target, not a gate: the exit code is 0 unless the command
 * line is wrong (2) or `--fail-under PCT` is given and missed (1).
 *
 * @module
 */
import { parseArgs } from "node:util";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Instrumenter } from "npm:@stryker-mutator/instrumenter@10.1.1";
import { parse } from "npm:@babel/parser@8.0.10";
import { CATALOG, type Exercise, grade } from "../../mod.ts";
import { selectExercises } from "./_select.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

// ---------------------------------------------------------------- paths

/** The reference solution of an exercise, `fixtures/NN_topic/solution.ts` under `root`. */
export function solutionPath(id: string, root: string = ROOT): string {
  return join(root, "fixtures", id, "solution.ts");
}

/** The reviewed list of equivalent mutants of an exercise. */
export function equivalentsPath(id: string, root: string = ROOT): string {
  return join(root, "fixtures", id, "equivalent-mutants.json");
}

// ---------------------------------------------------------------- mutants

/** One mutant of a source file. */
export interface Mutant {
  /** Stable identity: the operator and a hash of what changed and the line it sits on. */
  key: string;
  operator: string;
  /** `stryker` for the standard operators, `async` for ours. */
  origin: "stryker" | "async";
  /** 1-based position of the change in the original source. */
  line: number;
  column: number;
  /** The original text that was replaced, and what replaced it. */
  original: string;
  replacement: string;
  /** The whole mutated source. */
  code: string;
}

/** A change to apply: replace `[start, end)` of the source with `text`. */
interface Edit {
  operator: string;
  start: number;
  end: number;
  text: string;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") starts.push(i + 1);
  return starts;
}

/** The full lines a range touches, whitespace collapsed: the context part of a key. */
function contextOf(source: string, start: number, end: number): string {
  const from = source.lastIndexOf("\n", start - 1) + 1;
  const nl = source.indexOf("\n", end);
  return collapse(source.slice(from, nl === -1 ? source.length : nl));
}

/**
 * The stable key of a change: operator, the lines it touches, what was
 * replaced and by what (whitespace collapsed), and its rank among identical
 * changes — never a line number, so that edits elsewhere in the file keep it.
 */
export function mutantKey(
  operator: string,
  context: string,
  original: string,
  replacement: string,
  occurrence = 0,
): string {
  const hash = createHash("sha256")
    .update([collapse(context), collapse(original), collapse(replacement), occurrence].join("\0"))
    .digest("hex")
    .slice(0, 12);
  return `${operator}:${hash}`;
}

/** Turns edits into mutants: drops no-ops and duplicates (the first one wins), keys the rest. */
function toMutants(
  source: string,
  edits: readonly (Edit & { origin: Mutant["origin"] })[],
  seen: Set<string>,
  ranks: Map<string, number>,
): Mutant[] {
  const starts = lineStarts(source);
  const out: Mutant[] = [];
  for (const edit of edits) {
    const code = source.slice(0, edit.start) + edit.text + source.slice(edit.end);
    if (code === source || seen.has(code)) continue;
    seen.add(code);
    const original = source.slice(edit.start, edit.end);
    const context = contextOf(source, edit.start, edit.end);
    const base = [edit.operator, collapse(context), collapse(original), collapse(edit.text)]
      .join("\0");
    const rank = ranks.get(base) ?? 0;
    ranks.set(base, rank + 1);
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= edit.start) line++;
    out.push({
      key: mutantKey(edit.operator, context, original, edit.text, rank),
      operator: edit.operator,
      origin: edit.origin,
      line: line + 1,
      column: edit.start - starts[line] + 1,
      original,
      replacement: edit.text,
      code,
    });
  }
  return out;
}

const quietLogger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error() {},
  fatal() {},
};

/** Stryker's standard mutants of a TypeScript source, as edits. */
export async function strykerEdits(source: string, fileName = "solution.ts"): Promise<Edit[]> {
  // The class needs only a logger; Stryker's injector is not involved.
  const instrumenter = new Instrumenter(
    quietLogger as unknown as ConstructorParameters<typeof Instrumenter>[0],
  );
  const result = await instrumenter.instrument(
    [{ name: fileName, content: source, mutate: true }],
    { plugins: null, excludedMutations: [], ignorers: [], noHeader: true } as unknown as Parameters<
      Instrumenter["instrument"]
    >[1],
  );
  const starts = lineStarts(source);
  // Stryker's lines and columns are 0-based.
  const offset = (p: { line: number; column: number }) => starts[p.line] + p.column;
  return result.mutants.map((m) => ({
    operator: m.mutatorName,
    start: offset(m.location.start),
    end: offset(m.location.end),
    text: m.replacement,
  }));
}

// ------------------------------------------------- async-specific operators

/** A Babel AST node (only what the operators read). */
// deno-lint-ignore no-explicit-any
type Node = { type: string; start: number; end: number; [key: string]: any };

const SKIPPED_KEYS = new Set([
  "loc",
  "extra",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "typeAnnotation",
  "returnType",
  "typeParameters",
  "typeArguments",
]);

function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (SKIPPED_KEYS.has(key) || value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      for (const v of value) if (v && typeof v.type === "string") out.push(v);
    } else if (typeof value.type === "string") out.push(value);
  }
  return out;
}

function walk(node: Node, visit: (node: Node, parents: readonly Node[]) => void): void {
  const parents: Node[] = [];
  const go = (n: Node) => {
    visit(n, parents);
    parents.push(n);
    for (const c of children(n)) go(c);
    parents.pop();
  };
  go(node);
}

const FUNCTION_TYPES = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "ObjectMethod",
  "ClassMethod",
  "ClassPrivateMethod",
]);
const LOOP_TYPES = new Set([
  "ForStatement",
  "ForOfStatement",
  "ForInStatement",
  "WhileStatement",
  "DoWhileStatement",
]);
/** Names of calls that report to the caller: moved after the loop by `CallbackAfterLoop`. */
const CALLBACK = /^(on[A-Z]\w*|log|callback|cb|report|notify|emit|print)$/;
/** Names that make a number a duration. */
const TIME_NAME = /time|second|^ms$|ms$|delay|wait|sleep|deadline|duration/i;

function parseTs(source: string): Node {
  return parse(source, { sourceType: "module", plugins: ["typescript"] }) as unknown as Node;
}

/** The name a call is made by: `f(…)` → f, `a.b.f(…)` → f. */
function calleeName(call: Node): string | null {
  const callee = call.callee;
  if (!callee) return null;
  if (callee.type === "Identifier") return callee.name;
  if (
    (callee.type === "MemberExpression" || callee.type === "OptionalMemberExpression") &&
    callee.property?.type === "Identifier"
  ) return callee.property.name;
  return null;
}

const isCall = (n: Node | undefined): n is Node =>
  !!n && (n.type === "CallExpression" || n.type === "OptionalCallExpression");

/** The call of an expression statement, through one `await`. */
function statementCall(statement: Node): Node | null {
  if (statement.type !== "ExpressionStatement") return null;
  let e = statement.expression;
  if (e.type === "AwaitExpression") e = e.argument;
  return isCall(e) ? e : null;
}

const SIMPLE = new Set([
  "Identifier",
  "CallExpression",
  "OptionalCallExpression",
  "MemberExpression",
  "OptionalMemberExpression",
  "NumericLiteral",
  "StringLiteral",
  "ThisExpression",
  "NullLiteral",
]);
const wrap = (source: string, n: Node) =>
  SIMPLE.has(n.type) ? source.slice(n.start, n.end) : `(${source.slice(n.start, n.end)})`;

function isPromiseCall(n: Node, method: string): boolean {
  return isCall(n) && n.callee.type === "MemberExpression" &&
    n.callee.object?.type === "Identifier" && n.callee.object.name === "Promise" &&
    n.callee.property?.type === "Identifier" && n.callee.property.name === method;
}

/** `X.map(F)` with F written in place: returns X and F. */
function mapWithFunction(n: Node | undefined): { list: Node; fn: Node } | null {
  if (!isCall(n) || n.callee.type !== "MemberExpression") return null;
  if (n.callee.property?.name !== "map" || n.arguments.length !== 1) return null;
  const fn = n.arguments[0];
  if (fn.type !== "ArrowFunctionExpression" && fn.type !== "FunctionExpression") return null;
  return { list: n.callee.object, fn };
}

/** Callback statements directly in a block: `onDone?.(…)`, `log(…)`. */
function callbackStatements(block: Node): Node[] {
  if (block?.type !== "BlockStatement") return [];
  return block.body.filter((s: Node) => {
    const call = statementCall(s);
    return call !== null && s.expression.type !== "AwaitExpression" &&
      call.callee.type === "Identifier" && CALLBACK.test(call.callee.name);
  });
}

/** Replaces ranges inside `[outer.start, outer.end)` and returns the new text of that range. */
function rewrite(
  source: string,
  outer: Node,
  edits: { start: number; end: number; text: string }[],
) {
  let text = "";
  let at = outer.start;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    text += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return text + source.slice(at, outer.end);
}

/**
 * Our async-specific mutants of a TypeScript source, found on its syntax
 * tree, as edits (each one a single replacement of the source).
 */
export function asyncEdits(source: string): Edit[] {
  const edits: Edit[] = [];
  const add = (operator: string, node: { start: number; end: number }, text: string) =>
    edits.push({ operator, start: node.start, end: node.end, text });
  const ast = parseTs(source);
  walk(ast, (node, parents) => {
    const parent = parents.at(-1);
    const fn = parents.findLast((p) => FUNCTION_TYPES.has(p.type));
    const inAsync = !!fn?.async;

    // Drop an `await` (not the one of `for await`).
    if (node.type === "AwaitExpression") add("DropAwait", node, wrap(source, node.argument));

    if (isPromiseCall(node, "all") && node.arguments.length === 1) {
      const arg = node.arguments[0];
      // Await the calls one at a time: Promise.all([await a(), await b()]).
      if (arg.type === "ArrayExpression" && inAsync) {
        const plain = arg.elements.filter((e: Node | null) => e && e.type !== "SpreadElement");
        if (plain.length >= 2) {
          add(
            "SequentialAwait",
            node,
            rewrite(
              source,
              node,
              plain.map((e: Node) => ({ ...e, text: `await ${wrap(source, e)}` })),
            ),
          );
        }
      }
      const mapped = mapWithFunction(arg);
      if (mapped) {
        // Promise.all(xs.map(f)) → one call after the other.
        const params = mapped.fn.params.length;
        const args = ["item", "index", "all"].slice(0, Math.max(1, params)).join(", ");
        const list = wrap(source, mapped.list);
        add(
          "SequentialAwait",
          node,
          `(async () => { const out = []; for (const [index, item] of [...${list}].entries()) ` +
            `out.push(await (${source.slice(mapped.fn.start, mapped.fn.end)})(${
              args.replace("all", list)
            })); return out; })()`,
        );
        // A callback inside the mapped function, called only once all are done.
        for (const statement of callbackStatements(mapped.fn.body)) {
          const call = statementCall(statement)!;
          const inner = rewrite(source, node, [{
            start: statement.start,
            end: statement.end,
            text: `later.push(() => ${source.slice(call.start, call.end)});`,
          }]);
          add(
            "CallbackAfterAll",
            node,
            `((later: (() => void)[]) => ${inner}.then((all) => { for (const run of later) run(); ` +
              `return all; }))([])`,
          );
        }
      }
    }

    const call = statementCall(node);
    if (call) {
      const name = calleeName(call);
      const member = call.callee.type === "MemberExpression";
      if (name === "clearTimeout" || name === "clearInterval") add("DropClearTimer", node, "{}");
      if (member && name === "abort") add("DropAbort", node, "{}");
      const first = call.arguments[0];
      const sentinel = first &&
        (first.type === "NullLiteral" ||
          (first.type === "Identifier" &&
            /^(undefined|sentinel|done|stop|end)$/i.test(first.name)));
      if (member && sentinel && /^(put|push|enqueue|send|write)$/.test(name ?? "")) {
        add("DropSentinel", node, "{}");
      }
    }

    // Report after the loop instead of at each turn.
    if (LOOP_TYPES.has(node.type)) {
      for (const statement of callbackStatements(node.body)) {
        const c = statementCall(statement)!;
        const loop = rewrite(source, node, [{
          start: statement.start,
          end: statement.end,
          text: `later.push(() => ${source.slice(c.start, c.end)});`,
        }]);
        add(
          "CallbackAfterLoop",
          node,
          `{ const later: (() => void)[] = []; ${loop} for (const run of later) run(); }`,
        );
      }
    }

    // shift ↔ pop.
    if (isCall(node) && node.callee.type === "MemberExpression" && !node.callee.computed) {
      const p = node.callee.property;
      if (p.name === "shift") add("ShiftPop", p, "pop");
      if (p.name === "pop") add("ShiftPop", p, "shift");
    }

    // < ↔ <=, > ↔ >=.
    if (node.type === "BinaryExpression") {
      const swap: Record<string, string> = { "<": "<=", "<=": "<", ">": ">=", ">=": ">" };
      if (swap[node.operator]) {
        const between = source.slice(node.left.end, node.right.start);
        const at = node.left.end + between.indexOf(node.operator);
        add("BoundaryOperator", { start: at, end: at + node.operator.length }, swap[node.operator]);
      }
    }

    // Off by one in a count: a loop's bound, an array's length.
    const countOf = (n: Node) => {
      if (n.type === "NumericLiteral") {
        add("OffByOne", n, String(n.value + 1));
        if (n.value > 0) add("OffByOne", n, String(n.value - 1));
      } else {
        add("OffByOne", n, `${wrap(source, n)} + 1`);
        add("OffByOne", n, `${wrap(source, n)} - 1`);
      }
    };
    if (
      node.type === "ForStatement" && node.test?.type === "BinaryExpression" &&
      ["<", "<=", ">", ">="].includes(node.test.operator)
    ) countOf(node.test.right);
    if (
      node.type === "ObjectProperty" && !node.computed && node.key?.name === "length" &&
      parent?.type === "ObjectExpression"
    ) countOf(node.value);

    // A time constant ×10.
    if (node.type === "NumericLiteral" && node.value > 0 && isTimeConstant(node, parents)) {
      add("TimeConstant", node, String(node.value * 10));
    }
  });
  return edits;
}

/** Whether a number is a duration: named so by its nearest name, or a ms ↔ s factor. */
function isTimeConstant(literal: Node, parents: readonly Node[]): boolean {
  const parent = parents.at(-1);
  if (
    parent?.type === "BinaryExpression" && ["*", "/"].includes(parent.operator) &&
    literal.value === 1000
  ) return true;
  for (let i = parents.length - 1; i >= 0; i--) {
    const p = parents[i];
    let name: string | undefined;
    if (
      FUNCTION_TYPES.has(p.type) || p.type.endsWith("Statement") && p.type !== "ExpressionStatement"
    ) {
      return false;
    }
    if (p.type === "VariableDeclarator") name = p.id?.name;
    else if (p.type === "AssignmentPattern") name = p.left?.name;
    else if (p.type === "ObjectProperty") name = p.key?.name ?? p.key?.value;
    else if (p.type === "AssignmentExpression") name = p.left?.name ?? p.left?.property?.name;
    else if (isCall(p)) name = calleeName(p) ?? undefined;
    if (name !== undefined) return TIME_NAME.test(name);
  }
  return false;
}

/** Whether a source parses as TypeScript. */
function parses(source: string): boolean {
  try {
    parseTs(source);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every mutant of a source: Stryker's first, then ours; none identical to
 * the source or to an earlier one; ours only where the result still parses.
 */
export async function generateMutants(source: string, fileName = "solution.ts"): Promise<Mutant[]> {
  const seen = new Set<string>();
  const ranks = new Map<string, number>();
  const stryker = (await strykerEdits(source, fileName)).map((e) => ({
    ...e,
    origin: "stryker" as const,
  }));
  const ours = asyncEdits(source).map((e) => ({ ...e, origin: "async" as const }));
  // The grader imports the module and never runs it as the main program.
  const unseen = mainBlocks(source);
  const graded = <E extends Edit>(e: E) =>
    !unseen.some((b) => e.start >= b.start && e.end <= b.end);
  return [
    ...toMutants(source, stryker.filter(graded), seen, ranks),
    ...toMutants(source, ours.filter(graded), seen, ranks).filter((m) => parses(m.code)),
  ];
}

/** The top-level `if (import.meta.main) …` statements: code no grader runs. */
export function mainBlocks(source: string): { start: number; end: number }[] {
  const ast = parseTs(source);
  return (ast.program.body as Node[]).filter((s) =>
    s.type === "IfStatement" && s.test.type === "MemberExpression" &&
    s.test.object?.type === "MetaProperty" && s.test.property?.name === "main"
  ).map((s) => ({ start: s.start, end: s.end }));
}

// ---------------------------------------------------------------- equivalents

/** One reviewed equivalent mutant. */
export interface Equivalent {
  key: string;
  operator: string;
  /** What the mutant changes, for the reader (not used to match). */
  original: string;
  replacement: string;
  /** Why no correct check can tell it from the solution. */
  reason: string;
}

/** Reads an exercise's equivalent mutants (none when the file is absent). */
export function readEquivalents(path: string): Equivalent[] {
  if (!existsSync(path)) return [];
  const doc = JSON.parse(readFileSync(path, "utf8")) as { equivalent?: Equivalent[] };
  const list = doc.equivalent ?? [];
  for (const e of list) {
    if (typeof e.key !== "string" || typeof e.reason !== "string" || e.reason.trim() === "") {
      throw new Error(`${path}: every entry needs a key and a one-line reason`);
    }
  }
  return list;
}

// ---------------------------------------------------------------- grading

/** What became of one mutant. */
export interface MutantResult {
  key: string;
  operator: string;
  origin: Mutant["origin"];
  line: number;
  column: number;
  original: string;
  replacement: string;
  status: "killed" | "survived" | "equivalent";
  /** `checks`: scored below full marks; `load`: could not even be loaded;
   * `compiler`: passed every check but does not type-check. */
  killedBy: "checks" | "load" | "compiler" | null;
  /** Ids of the checks that failed. */
  failedChecks: string[];
  /** The first type error, when it does not type-check. */
  typeError: string | null;
  /** Reason from the equivalents file, for an equivalent one. */
  reason: string | null;
}

/** The figures of one exercise. */
export interface ExerciseFigures {
  id: string;
  mutants: number;
  killed: number;
  survived: number;
  equivalent: number;
  /** killed / (mutants − equivalent), 0…1 (1 when nothing is left to kill). */
  score: number;
  /** Mutants killed only because they do not type-check. */
  compileErrors: number;
  /** Keys in the equivalents file that match no survivor (stale or since killed). */
  staleEquivalents: string[];
  /** Set when the reference solution itself is not at full marks (nothing is graded then). */
  error: string | null;
  details: MutantResult[];
}

/** The figures of one exercise from what became of its mutants. */
export function summarise(
  id: string,
  details: readonly MutantResult[],
  equivalents: readonly Equivalent[] = [],
): ExerciseFigures {
  const killed = details.filter((d) => d.status === "killed").length;
  const survived = details.filter((d) => d.status === "survived").length;
  const equivalent = details.filter((d) => d.status === "equivalent").length;
  const live = details.length - equivalent;
  const matched = new Set(details.filter((d) => d.status === "equivalent").map((d) => d.key));
  return {
    id,
    mutants: details.length,
    killed,
    survived,
    equivalent,
    score: live === 0 ? 1 : Math.round((killed / live) * 10000) / 10000,
    compileErrors: details.filter((d) => d.killedBy === "compiler").length,
    staleEquivalents: equivalents.map((e) => e.key).filter((k) => !matched.has(k)),
    error: null,
    details: [...details],
  };
}

/** Type-checks files together; returns the first error of each file that has one. */
async function typeErrors(files: readonly string[]): Promise<Map<string, string>> {
  const errors = new Map<string, string>();
  if (files.length === 0) return errors;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["check", "--no-config", "--quiet", ...files],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const text = new TextDecoder().decode(out.stderr) + new TextDecoder().decode(out.stdout);
  // "TS2322 [ERROR]: message …\n    at file:///…/3/01_gather.ts:27:3"
  let message = "";
  for (const line of text.split("\n")) {
    const head = line.match(/(TS\d+ \[ERROR\]: .*)$/);
    if (head) message = head[1];
    const at = line.match(/at (file:\/\/\S+?):(\d+):(\d+)/);
    if (at) {
      const file = fileURLToPath(at[1]);
      if (!errors.has(file)) errors.set(file, `${message} (line ${at[2]})`);
    }
  }
  if (out.code !== 0 && errors.size === 0) {
    // Could not tell which file failed: check them one by one.
    for (const f of files) {
      const one = await new Deno.Command(Deno.execPath(), {
        args: ["check", "--no-config", "--quiet", f],
        stdout: "null",
        stderr: "piped",
        env: { NO_COLOR: "1" },
      }).output();
      if (one.code !== 0) errors.set(f, new TextDecoder().decode(one.stderr).split("\n")[0]);
    }
  }
  return errors;
}

/** Runs with at most `limit` tasks at once, keeping the order of results. */
async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Options of {@linkcode mutateExercise}. */
export interface MutateOptions {
  seed?: number;
  /** Mutants graded at once (default 2). */
  concurrency?: number;
  /** Real seconds an exercise may run (default 10, as `deno task grade`). */
  wallTimeoutSeconds?: number;
  /** Where the solution and equivalents are found (default: this checkout). */
  root?: string;
  /** Told after each mutant is graded. */
  onProgress?: (done: number, total: number) => void;
}

/** Generates, type-checks and grades every mutant of one exercise's reference solution. */
export async function mutateExercise(
  exercise: Exercise,
  options: MutateOptions = {},
): Promise<ExerciseFigures> {
  const { seed = 444, concurrency = 2, wallTimeoutSeconds = 10, root = ROOT } = options;
  const source = readFileSync(solutionPath(exercise.id, root), "utf8");
  const equivalents = readEquivalents(equivalentsPath(exercise.id, root));
  const reasons = new Map(equivalents.map((e) => [e.key, e.reason]));
  const mutants = await generateMutants(source, exercise.file);
  const tmp = Deno.makeTempDirSync({ prefix: `async-lab-mutants-${exercise.id}-` });
  try {
    const gradeDir = async (dir: string) => {
      const report = await grade({
        dir,
        only: [exercise.id],
        catalog: CATALOG,
        lang: "en",
        seed,
        wallTimeoutSeconds,
        concurrency: 1,
      });
      return report.exercises[0];
    };
    // The reference itself must be at full marks, or no figure means anything.
    const baseDir = join(tmp, "reference");
    mkdirSync(baseDir);
    writeFileSync(join(baseDir, exercise.file), source);
    const base = await gradeDir(baseDir);
    if (base.score !== base.maxScore) {
      const figures = summarise(exercise.id, [], equivalents);
      figures.error = `the reference solution scores ${base.score}/${base.maxScore} (seed ${seed})`;
      return figures;
    }
    const files = mutants.map((m, i) => {
      const dir = join(tmp, String(i));
      mkdirSync(dir);
      const file = join(dir, exercise.file);
      writeFileSync(file, m.code);
      return file;
    });
    const types = await typeErrors(files);
    let done = 0;
    const details = await pool(mutants.map((m, i) => ({ m, i })), concurrency, async ({ m, i }) => {
      const report = await gradeDir(join(tmp, String(i)));
      options.onProgress?.(++done, mutants.length);
      const typeError = types.get(files[i]) ?? null;
      const failedChecks = report.checks.filter((c) => c.status !== "pass").map((c) => c.id);
      const loadFailed = report.status === "error" && report.error !== null &&
        failedChecks.length === report.checks.length &&
        ["load", "syntax", "exit"].includes(report.error.kind);
      const byChecks = report.score < report.maxScore;
      const killedBy: MutantResult["killedBy"] = byChecks
        ? (loadFailed ? "load" : "checks")
        : typeError
        ? "compiler"
        : null;
      const equivalent = killedBy === null && reasons.has(m.key);
      return {
        key: m.key,
        operator: m.operator,
        origin: m.origin,
        line: m.line,
        column: m.column,
        original: m.original,
        replacement: m.replacement,
        status: killedBy ? "killed" : equivalent ? "equivalent" : "survived",
        killedBy,
        failedChecks,
        typeError,
        reason: equivalent ? reasons.get(m.key)! : null,
      } satisfies MutantResult;
    });
    return summarise(exercise.id, details, equivalents);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- output

const short = (text: string, max = 70) => {
  const one = collapse(text);
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
};

/** One survivor, on one line: operator, line:col, original → replacement, key. */
export function survivorLine(d: MutantResult): string {
  return `${d.operator} ${d.line}:${d.column}  ${short(d.original)} → ${
    short(d.replacement)
  }  [${d.key}]`;
}

/** The human report. */
export function pretty(figures: readonly ExerciseFigures[], wallMs: number): string {
  const lines: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  for (const f of figures) {
    if (f.error) {
      lines.push(`${f.id}: not graded: ${f.error}`);
      continue;
    }
    lines.push(
      `${f.id}: ${pct(f.score)} — ${f.mutants} mutants, ${f.killed} killed ` +
        `(${f.compileErrors} only by the type checker), ${f.survived} survived, ` +
        `${f.equivalent} equivalent`,
    );
    for (const d of f.details.filter((d) => d.status === "survived")) {
      lines.push(`  survived  ${survivorLine(d)}`);
    }
    for (const d of f.details.filter((d) => d.killedBy === "compiler")) {
      lines.push(`  compile error  ${survivorLine(d)}  ${short(d.typeError ?? "", 80)}`);
    }
    for (const key of f.staleEquivalents) {
      lines.push(`  equivalent entry matches no survivor (stale or now killed): ${key}`);
    }
  }
  lines.push(`${(wallMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}

const USAGE = `Usage: deno task mutants [EXERCISE…] [--json] [--fail-under PCT] [--seed N]
       [--wall-timeout S] [--concurrency N]

Mutates each exercise's reference solution and grades every mutant.
EXERCISE may be 3, 03, 03_timeouts or timeouts (default: all).
  --json            print one document {"exercises": [...]}
  --fail-under PCT  exit 1 when an exercise kills less than PCT % of its mutants
  --seed N          the grading seed (default 444)
  --wall-timeout S  real seconds a mutant may run (default 10)
  --concurrency N   mutants graded at once (default 2)`;

/** The command line; returns the exit code. */
export async function main(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        json: { type: "boolean" },
        "fail-under": { type: "string" },
        seed: { type: "string" },
        "wall-timeout": { type: "string" },
        concurrency: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const number = (name: string, fallback: number, min: number): number | null => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    return typeof raw === "string" && raw.trim() !== "" && Number.isFinite(n) && n >= min
      ? n
      : null;
  };
  const failUnder = number("fail-under", 0, 0);
  const seed = number("seed", 444, 0);
  const wall = number("wall-timeout", 10, 0.1);
  const concurrency = number("concurrency", 2, 1);
  for (
    const [name, v] of [["fail-under", failUnder], ["seed", seed], ["wall-timeout", wall], [
      "concurrency",
      concurrency,
    ]] as const
  ) {
    if (v === null || (name === "fail-under" && v > 100)) {
      console.error(`error: --${name} got "${values[name]}"\n\n${USAGE}`);
      return 2;
    }
  }
  const exercises = selectExercises(positionals, USAGE);
  if (exercises === null) return 2;
  const started = performance.now();
  const figures: ExerciseFigures[] = [];
  const tty = Deno.stderr.isTerminal();
  for (const exercise of exercises) {
    figures.push(
      await mutateExercise(exercise, {
        seed: seed!,
        wallTimeoutSeconds: wall!,
        concurrency: Math.floor(concurrency!),
        onProgress: tty
          ? (done, total) =>
            Deno.stderr.writeSync(new TextEncoder().encode(`\r${exercise.id} ${done}/${total} `))
          : undefined,
      }),
    );
    if (tty) Deno.stderr.writeSync(new TextEncoder().encode("\r\x1b[K"));
  }
  const wallMs = Math.round(performance.now() - started);
  if (values.json) {
    console.log(JSON.stringify({ exercises: figures, seed, durationMs: wallMs }, null, 2));
  } else {
    console.log(pretty(figures, wallMs));
  }
  const below = figures.some((f) => f.error !== null || f.score * 100 < failUnder!);
  return values["fail-under"] !== undefined && below ? 1 : 0;
}

if (import.meta.main) {
  Deno.exit(await main(Deno.args));
}
