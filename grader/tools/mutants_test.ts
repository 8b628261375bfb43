import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CATALOG } from "../course.ts";
import {
  equivalentsPath,
  generateMutants,
  main,
  type MutantResult,
  readEquivalents,
  solutionPath,
  summarise,
  survivorLine,
} from "./mutants.ts";

const TINY = `const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class Queue<T> {
  items: T[] = [];
  put(item: T | null): Promise<void> {
    if (item !== null) this.items.push(item);
    return Promise.resolve();
  }
  take(): T | undefined {
    return this.items.shift();
  }
}

export async function run(
  names: string[],
  queue: Queue<string>,
  onDone?: (name: string) => void,
): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 2000);
  const [a, b] = await Promise.all([sleep(100), sleep(200)]);
  for (let i = 0; i < names.length; i++) {
    onDone?.(names[i]);
  }
  await queue.put(null);
  const lengths = await Promise.all(names.map(async (name) => {
    await sleep(name.length);
    onDone?.(name);
    return name.length;
  }));
  controller.abort();
  clearTimeout(timer);
  return [a, b, ...lengths].length;
}

if (import.meta.main) {
  await run([], new Queue());
}
`;

Deno.test("the tiny source yields Stryker's operators and every async operator", async () => {
  const mutants = await generateMutants(TINY);
  const stryker = new Set(mutants.filter((m) => m.origin === "stryker").map((m) => m.operator));
  for (const op of ["BlockStatement", "EqualityOperator", "ArrowFunction"]) {
    assert.ok(stryker.has(op), `Stryker's ${op}`);
  }
  const ours = new Set(mutants.filter((m) => m.origin === "async").map((m) => m.operator));
  assert.deepEqual(
    [...ours].sort(),
    [
      "CallbackAfterAll",
      "CallbackAfterLoop",
      "DropAbort",
      "DropAwait",
      "DropClearTimer",
      "DropSentinel",
      "OffByOne",
      "SequentialAwait",
      "ShiftPop",
      "TimeConstant",
    ],
  );
  // Distinct and never the original.
  const codes = mutants.map((m) => m.code);
  assert.equal(new Set(codes).size, codes.length);
  assert.ok(!codes.includes(TINY));
  // Nothing inside `if (import.meta.main)`: the grader never runs it.
  const mainLine = TINY.split("\n").findIndex((l) => l.startsWith("if (import.meta.main)")) + 1;
  assert.ok(mutants.every((m) => m.line < mainLine), "no mutant in the main block");
});

Deno.test("the async operators write the expected code", async () => {
  const mutants = await generateMutants(TINY);
  const find = (operator: string, original: string) => {
    const m = mutants.find((m) => m.operator === operator && m.original.startsWith(original));
    assert.ok(m, `${operator} on ${original}`);
    return m;
  };
  const drop = find("DropAwait", "await queue.put(null)");
  assert.equal(drop.replacement, "queue.put(null)");
  assert.ok(drop.code.includes("\n  queue.put(null);\n"));
  assert.equal(drop.line, TINY.split("\n").indexOf("  await queue.put(null);") + 1);
  assert.equal(drop.column, 3);
  assert.ok(
    find("SequentialAwait", "Promise.all([").code.includes(
      "await Promise.all([await sleep(100), await sleep(200)])",
    ),
  );
  assert.ok(find("DropClearTimer", "clearTimeout(timer);").code.includes("\n  {}\n  return"));
  assert.equal(find("ShiftPop", "shift").code.includes("this.items.pop()"), true);
  assert.equal(find("TimeConstant", "2000").replacement, "20000");
  const later = find("CallbackAfterLoop", "for (let i = 0;").replacement;
  assert.match(later, /later\.push\(\(\) => onDone\?\.\(names\[i\]\)\);/);
  assert.match(later, /for \(const run of later\) run\(\); }$/);
  const counts = mutants.filter((m) => m.operator === "OffByOne").map((m) => m.replacement);
  assert.deepEqual(counts, ["names.length + 1", "names.length - 1"]);
});

Deno.test("a mutant's key survives lines added elsewhere in the file", async () => {
  const before = await generateMutants(TINY);
  const shifted = await generateMutants(
    "// a comment\n\nexport const unrelated = 1;\n" +
      TINY.replace("return [a, b]", "\n\nreturn [a, b]"),
  );
  const keys = (ms: typeof before) => ms.filter((m) => !m.original.includes("unrelated"));
  const a = new Map(keys(before).map((m) => [m.key, m.line]));
  const b = new Map(keys(shifted).map((m) => [m.key, m.line]));
  const moved = [...a.keys()].filter((k) => b.has(k) && b.get(k) !== a.get(k));
  assert.ok(moved.length > 10, "lines moved, keys kept");
  // Only mutants whose own lines changed (the return) may change key.
  const lost = [...a.keys()].filter((k) => !b.has(k));
  const lostOriginals = before.filter((m) => lost.includes(m.key)).map((m) => m.original);
  assert.ok(lostOriginals.every((o) => !o.includes("controller")), lostOriginals.join(" | "));
  // Keys are unique in a file, even for the same change on identical lines.
  assert.equal(new Set(before.map((m) => m.key)).size, before.length);
});

Deno.test("every async mutant but a dropped await type-checks", async () => {
  const mutants = (await generateMutants(TINY)).filter((m) =>
    m.origin === "async" && m.operator !== "DropAwait"
  );
  const dir = Deno.makeTempDirSync();
  try {
    const files = mutants.map((m, i) => {
      const file = join(dir, `m${i}.ts`);
      writeFileSync(file, m.code);
      return file;
    });
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["check", "--no-config", "--quiet", ...files],
      stdout: "piped",
      stderr: "piped",
      env: { NO_COLOR: "1" },
    }).output();
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

const result = (status: MutantResult["status"], extra: Partial<MutantResult> = {}) => ({
  key: `K:${Math.random()}`,
  operator: "DropAwait",
  origin: "async" as const,
  line: 3,
  column: 5,
  original: "await  x()",
  replacement: "x()",
  status,
  killedBy: status === "killed" ? "checks" as const : null,
  failedChecks: [],
  typeError: null,
  reason: null,
  ...extra,
});

Deno.test("the report: score is killed over non-equivalent mutants", () => {
  const details = [
    ...Array.from({ length: 6 }, () => result("killed")),
    result("killed", { killedBy: "compiler", typeError: "TS2322" }),
    result("survived"),
    result("survived"),
    result("equivalent", { key: "EQ", reason: "same" }),
  ];
  const f = summarise("01_x", details, [
    { key: "EQ", operator: "x", original: "", replacement: "", reason: "same" },
    { key: "GONE", operator: "x", original: "", replacement: "", reason: "old" },
  ]);
  assert.deepEqual(
    [f.mutants, f.killed, f.survived, f.equivalent, f.compileErrors],
    [10, 7, 2, 1, 1],
  );
  assert.equal(f.score, 0.7778); // 7 / (10 − 1)
  assert.deepEqual(f.staleEquivalents, ["GONE"]);
  assert.equal(summarise("01_x", [result("equivalent")]).score, 1);
  assert.equal(summarise("01_x", [result("survived")]).score, 0);
  assert.equal(
    survivorLine(details[7]).replace(/\[K:.*\]$/, ""),
    "DropAwait 3:5  await x() → x()  ",
  );
});

Deno.test("the solution and equivalents are found in the exercise's fixtures folder", () => {
  const root = Deno.makeTempDirSync();
  try {
    mkdirSync(join(root, "fixtures", "01_x"), { recursive: true });
    writeFileSync(join(root, "fixtures", "01_x", "solution.ts"), "");
    assert.equal(solutionPath("01_x", root), join(root, "fixtures", "01_x", "solution.ts"));
    assert.equal(
      equivalentsPath("01_x", root),
      join(root, "fixtures", "01_x", "equivalent-mutants.json"),
    );
    assert.deepEqual(readEquivalents(equivalentsPath("01_x", root)), []);
    writeFileSync(
      equivalentsPath("01_x", root),
      JSON.stringify({ equivalent: [{ key: "A:1", operator: "A", reason: " " }] }),
    );
    assert.throws(() => readEquivalents(equivalentsPath("01_x", root)), /reason/);
  } finally {
    Deno.removeSync(root, { recursive: true });
  }
});

Deno.test("each solution gives 20 mutants or more, and every reviewed equivalent is one of them", async () => {
  for (const exercise of CATALOG) {
    const mutants = await generateMutants(Deno.readTextFileSync(solutionPath(exercise.id)));
    assert.ok(mutants.length >= 20, `${exercise.id}: ${mutants.length}`);
    // An entry whose mutant is no longer generated was written for another
    // version of the solution: review it again.
    const keys = new Set(mutants.map((m) => m.key));
    for (const e of readEquivalents(equivalentsPath(exercise.id))) {
      assert.ok(keys.has(e.key), `${exercise.id}: ${e.key} (${e.original} → ${e.replacement})`);
    }
  }
});

Deno.test("usage errors exit 2 before anything is graded", async () => {
  const error = console.error;
  const said: string[] = [];
  console.error = (...args: unknown[]) => said.push(args.join(" "));
  try {
    assert.equal(await main(["--bogus"]), 2);
    assert.equal(await main(["no_such_exercise"]), 2);
    assert.equal(await main(["--fail-under", "abc"]), 2);
    assert.equal(await main(["--fail-under", "101"]), 2);
    assert.equal(await main(["--concurrency", "0"]), 2);
  } finally {
    console.error = error;
  }
  assert.equal(said.length, 5);
  assert.ok(said.every((s) => s.includes("Usage: deno task mutants")));
});
