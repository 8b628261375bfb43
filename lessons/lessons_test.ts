import assert from "node:assert/strict";
import { assertClean, assertInOrder, runReal, runVirtual } from "./_run_lesson.ts";

/** Output of the Python course's programs (CPython 3.11, random.seed(444)), `user_id=` renamed `userId=`. */
const PYTHON_MAKERANDOM = [
  "Initiated makerandom(1).",
  "makerandom(1) == 4 too low; retrying.",
  "Initiated makerandom(2).",
  "makerandom(2) == 4 too low; retrying.",
  "Initiated makerandom(3).",
  "makerandom(3) == 0 too low; retrying.",
  "makerandom(1) == 4 too low; retrying.",
  "makerandom(2) == 7 too low; retrying.",
  "makerandom(1) == 4 too low; retrying.",
  "makerandom(3) == 4 too low; retrying.",
  "makerandom(1) == 8 too low; retrying.",
  "---> Finished: makerandom(2) == 10",
  "makerandom(1) == 7 too low; retrying.",
  "makerandom(1) == 8 too low; retrying.",
  "makerandom(3) == 4 too low; retrying.",
  "makerandom(1) == 7 too low; retrying.",
  "makerandom(1) == 1 too low; retrying.",
  "makerandom(1) == 6 too low; retrying.",
  "---> Finished: makerandom(3) == 9",
  "makerandom(1) == 3 too low; retrying.",
  "makerandom(1) == 9 too low; retrying.",
  "makerandom(1) == 7 too low; retrying.",
  "---> Finished: makerandom(1) == 10",
  "",
  "r1: 10, r2: 10, r3: 9",
];
const PYTHON_CHAINING = [
  "User coro: fetching user by userId=1...",
  "User coro: fetching user by userId=2...",
  "User coro: fetching user by userId=3...",
  "User coro: fetched user with userId=2 (done in 0.5s).",
  "Post coro: retrieving posts for User2...",
  "User coro: fetched user with userId=1 (done in 1.0s).",
  "Post coro: retrieving posts for User1...",
  "User coro: fetched user with userId=3 (done in 1.2s).",
  "Post coro: retrieving posts for User3...",
  "Post coro: got 2 posts by User2 (done in 1.8s):",
  " - Post 1 by User2",
  " - Post 2 by User2",
  "Post coro: got 2 posts by User1 (done in 1.6s):",
  " - Post 1 by User1",
  " - Post 2 by User1",
  "Post coro: got 2 posts by User3 (done in 1.5s):",
  " - Post 1 by User3",
  " - Post 2 by User3",
  "",
  "==> Total time: 2.68 seconds",
];
const PYTHON_QUEUE = [
  "Producer: fetching user by userId=1...",
  "Producer: fetching user by userId=2...",
  "Producer: fetching user by userId=3...",
  "Producer: fetched user with userId=2 (done in 0.5s)",
  "Consumer: retrieving posts for User2...",
  "Producer: fetched user with userId=1 (done in 1.0s)",
  "Consumer: retrieving posts for User1...",
  "Producer: fetched user with userId=3 (done in 1.2s)",
  "Consumer: retrieving posts for User3...",
  "Consumer: got 2 posts by User2 (done in 1.8s):",
  "  - Post 1 by User2",
  "  - Post 2 by User2",
  "Consumer: got 2 posts by User1 (done in 1.6s):",
  "  - Post 1 by User1",
  "  - Post 2 by User1",
  "Consumer: got 2 posts by User3 (done in 1.5s):",
  "  - Post 1 by User3",
  "  - Post 2 by User3",
  "",
  "==> Total time: 2.68 seconds",
];

Deno.test("01_sync_vs_async takes 6 s one call after another and 2 s all at once", async () => {
  const run = await runVirtual("01_sync_vs_async.ts");
  assertClean(run);
  assertInOrder(run.texts, [
    "One game after another (synchronous):  12.0 h",
    "One move per board per round (async):  1.0 h",
  ]);
  const [sequential] = assertInOrder(run.lines, ["one after another =="]);
  const i = run.lines.indexOf(sequential);
  assert.deepEqual(
    run.lines.slice(i + 1, i + 7).map((l) => `${l.at} ${l.text}`),
    ["0 One", "1000 Two", "2000 One", "3000 Two", "4000 One", "5000 Two"],
  );
  const [, together] = assertInOrder(run.lines, [
    "one after another: 6.00 seconds",
    "all at once ==",
  ]);
  const j = run.lines.indexOf(together);
  assert.deepEqual(
    run.lines.slice(j + 1, j + 7).map((l) => `${l.at} ${l.text}`),
    ["6000 One", "6000 One", "6000 One", "7000 Two", "7000 Two", "7000 Two"],
  );
  assertInOrder(run.texts, ["all at once: 2.00 seconds"]);
  assert.equal(run.elapsedMs, 8000);
});

Deno.test("02_async_await_rules shows each rule and the eager start", async () => {
  const run = await runVirtual("02_async_await_rules.ts");
  assertClean(run);
  assertInOrder(run.texts, [
    "f(21) -> 42",
    "SyntaxError: await is only valid in async functions",
    "for await (const v of g(1)) -> [1,2]",
    "Array.fromAsync(m(1)) -> [1,2,11,12]",
    "await 42 -> 42",
    "-> from a thenable",
    "order: body starts -> call returned -> body resumes",
    "double(5) without await -> Promise { <pending> }",
    "double(5) with await    -> 10",
  ]);
});

Deno.test("03_event_loop runs sync code, then microtasks, then timers", async () => {
  const run = await runVirtual("03_event_loop.ts");
  assertClean(run);
  const [hello, inspected, world] = assertInOrder(run.lines, [
    "Hello...",
    "routine is Promise { <pending> }",
    "World!",
  ]);
  assert.equal(hello.at, 0);
  assert.equal(inspected.at, 0);
  assert.equal(world.at, 1000);
  assertInOrder(run.texts, [
    "1. synchronous code",
    "2. promise callback (microtask)",
    "3. queueMicrotask (microtask)",
    "4. timer (macrotask)",
    "deno repl",
  ]);
});

Deno.test("04_makerandom prints the Python course's lines, in its order, with seed 444", async () => {
  const run = await runVirtual("04_makerandom.ts");
  assertClean(run);
  const stamped = run.lines.slice(0, PYTHON_MAKERANDOM.length - 2);
  // Each line carries the virtual time it was printed at, in seconds.
  for (const line of stamped) {
    assert.match(line.text, /^\[\d+\.\d s\] /);
    assert.equal(line.text.slice(1, line.text.indexOf(" s]")), (line.at / 1000).toFixed(1));
  }
  const texts = run.texts.map((t) => t.replace(/^\[\d+\.\d s\] /, ""));
  assert.deepEqual(texts.slice(0, PYTHON_MAKERANDOM.length), PYTHON_MAKERANDOM);
  assert.deepEqual(run.value, [10, 10, 9]);
  assert.equal(run.elapsedMs, 12000);
});

Deno.test("04_makerandom with another seed draws other numbers", async () => {
  const run = await runVirtual("04_makerandom.ts", { seed: 1 });
  assertClean(run);
  const texts = run.texts.map((t) => t.replace(/^\[\d+\.\d s\] /, ""));
  assert.notDeepEqual(texts.slice(0, PYTHON_MAKERANDOM.length), PYTHON_MAKERANDOM);
});

Deno.test("05_chaining prints the Python course's lines and 2.68 s with seed 444", async () => {
  const run = await runVirtual("05_chaining.ts");
  assertClean(run);
  assert.deepEqual(run.texts.slice(0, PYTHON_CHAINING.length), PYTHON_CHAINING);
  const at = (part: string) => assertInOrder(run.lines, [part])[0].at;
  // Users arrive at 0.5, 1.0 and 1.2 s; each chain's posts right after its user.
  assert.equal(Math.round(at("fetched user with userId=2") / 100), 5);
  assert.equal(Math.round(at("fetched user with userId=1") / 100), 10);
  assert.equal(Math.round(at("fetched user with userId=3") / 100), 12);
  assert.equal(at("retrieving posts for User3"), at("fetched user with userId=3"));
  assertInOrder(run.texts, [
    "==> Total time: 2.68 seconds",
    "would add up to 7.57 seconds",
    "the slowest chain's: User3, 2.68 seconds",
  ]);
  assert.equal((run.value as number).toFixed(2), "2.68");
});

Deno.test("06_queue prints the Python course's lines and 2.68 s, then backpressure", async () => {
  const run = await runVirtual("06_queue.ts");
  assertClean(run);
  assert.deepEqual(run.texts.slice(1, 1 + PYTHON_QUEUE.length), PYTHON_QUEUE);
  assert.equal((run.value as number).toFixed(2), "2.68");
  const [start] = assertInOrder(run.lines, ["ReadableStream and backpressure"]);
  const stream = run.lines.slice(run.lines.indexOf(start) + 1).filter((l) =>
    l.text.startsWith("[")
  );
  assert.deepEqual(
    stream.map((l) => `${l.at - start.at} ${l.text.replace(/^\[[\d.]+ s\] /, "")}`),
    [
      "0 producer: queue has room, enqueue item 1",
      "0 producer: queue has room, enqueue item 2",
      "0 producer: queue has room, enqueue item 3",
      "0 consumer: took item 1, working 0.5 s on it",
      "500 producer: queue has room, enqueue item 4",
      "500 consumer: took item 2, working 0.5 s on it",
      "1000 producer: queue has room, enqueue item 5",
      "1000 consumer: took item 3, working 0.5 s on it",
      "1500 consumer: took item 4, working 0.5 s on it",
      "2000 consumer: took item 5, working 0.5 s on it",
    ],
  );
});

Deno.test("07_for_await_using iterates over time and closes every session", async () => {
  const run = await runVirtual("07_for_await_using.ts");
  assertClean(run);
  const [powers] = assertInOrder(run.lines, ["[1, 2, 4, 8, 16]  (1.0 s)"]);
  assert.equal(powers.at, 1000);
  assertInOrder(run.texts, ["[1, 2, 16]"]);
  const closed = run.texts.filter((t) => t.endsWith("session closed"));
  assert.equal(closed.length, 3);
  assertInOrder(run.texts, [
    "https://down.example: session closed",
    'https://down.example: failed (Cannot reach "https://down.example")',
    "Sessions still open: 0",
  ]);
});

Deno.test("08_toolbox shows gather, tasks, as-completed, allSettled, race and any", async () => {
  const run = await runVirtual("08_toolbox.ts");
  assertClean(run);
  const lines = assertInOrder(run.lines, [
    "results in argument order: [[1,2,3],[2,5,10]]",
    "task is Promise { <pending> }, done = false",
    "await task -> [1,2,3], done = true",
    "Start: +0.0 s",
    "result: [1,2,3] completed at +1.0 s",
    "result: [2,5,10] completed at +2.0 s",
    "End: +2.0 s",
    "fulfilled: A",
    "rejected:  B broke",
    "fulfilled: C",
    "race -> fast",
    'race -> rejected with "fast failure"',
    "any -> mirror 2",
    "a 5 s job stopped after 1.0 s: no longer needed",
    "-> signal.reason is an AbortError",
    "-> signal.reason is an Error",
    "-> signal.reason is a TimeoutError",
  ]);
  assert.deepEqual(lines.slice(0, 6).map((l) => l.at), [2000, 2000, 3000, 3000, 4000, 5000]);
  assert.equal(lines.at(-1)!.at, 7200); // the timeout signal fired with the abort, at +1 s
  assert.equal(run.elapsedMs, 7200); // the 5 s timer was cleared, not waited for
});

Deno.test("09_many_errors shows the first failure, then all of them, grouped by kind", async () => {
  const run = await runVirtual("09_many_errors.ts");
  assertClean(run);
  const [first, settled] = assertInOrder(run.lines, [
    "caught IndexError: Error in coro C",
    "(it waits for the slowest)",
    "rejected: ValueError: Error in coro A",
    "rejected: TypeError: Error in coro B",
    "rejected: IndexError: Error in coro C",
    "[ValueError handled] ValueError('Error in coro A')",
    "[TypeError handled] TypeError('Error in coro B')",
    "[IndexError handled] IndexError('Error in coro C')",
    'AggregateError: "All promises were rejected" -> [ValueError, TypeError, IndexError]',
  ]);
  assert.equal(first.at, 500);
  assert.equal(settled.at, 4000);
});

Deno.test("10_pitfalls (simulated) shows blocking latencies add up and awaiting ones overlap", async () => {
  const run = await runVirtual("10_pitfalls.ts", { simulate: true });
  assertClean(run);
  const rows = run.texts.filter((t) => /^\s+#\d/.test(t)).map((t) => t.trim().split(/\s+/));
  assert.deepEqual(rows, [
    ["#1", "100", "ms", "100", "ms"],
    ["#2", "200", "ms", "100", "ms"],
    ["#3", "300", "ms", "100", "ms"],
    ["#4", "400", "ms", "100", "ms"],
    ["#5", "500", "ms", "100", "ms"],
  ]);
  assertInOrder(run.texts, [
    "Simulated (the thread is modelled",
    "slowest   500 ms    100 ms",
    "Simulated: a timer due at 50 ms ran at 300 ms.",
    "on the event loop: the heartbeat ran at    200 ms",
    "in a Worker:       the heartbeat ran at     20 ms",
    '{ data: fetchData() }        -> {"data":{}}',
    '{ data: await fetchData() }  -> {"data":["a","b"]}',
    "order: sync total = 6 -> next line of the caller -> async total = 6",
  ]);
});

Deno.test("10_pitfalls with a burst of 3 prints 3 rows", async () => {
  const run = await runVirtual("10_pitfalls.ts", { simulate: true, burst: 3 });
  assertClean(run);
  assert.equal(run.texts.filter((t) => /^\s+#\d/.test(t)).length, 3);
  assertInOrder(run.texts, ["slowest   300 ms    100 ms"]);
});

/** The blocking and awaiting latencies in the table, in ms. */
function latencies(stdout: string): { blocking: number[]; awaiting: number[] } {
  const rows = stdout.split("\n").filter((t) => /^\s+#\d/.test(t)).map((t) =>
    t.trim().split(/\s+/)
  );
  return { blocking: rows.map((r) => Number(r[1])), awaiting: rows.map((r) => Number(r[3])) };
}

Deno.test("10_pitfalls without --allow-net simulates the server and measures the rest", async () => {
  const { code, stdout, stderr } = await runReal(["run", "--no-prompt", "lessons/10_pitfalls.ts"]);
  assert.equal(code, 0, stderr);
  assertInOrder(stdout.split("\n"), [
    "No network permission, so this is a simulation",
    "deno run --allow-net=127.0.0.1",
    "A timer due at 50 ms ran at",
    "primes below 1000000",
    "on the event loop: longest silence",
    "in a Worker:       longest silence",
    "(the Worker found 78498 primes too)",
  ]);
  const late = Number(/ran at (\d+) ms/.exec(stdout)![1]);
  assert.ok(late >= 290, `the timer should wait for the 300 ms Atomics.wait, ran at ${late} ms`);
  assert.equal(latencies(stdout).blocking.length, 5);
});

Deno.test("10_pitfalls with --allow-net measures a real server and stops it", async () => {
  const { code, stdout, stderr } = await runReal([
    "run",
    "--no-prompt",
    "--allow-net=127.0.0.1",
    "lessons/10_pitfalls.ts",
  ]);
  assert.equal(code, 0, stderr);
  assertInOrder(stdout.split("\n"), ["Measured: a real Deno.serve on 127.0.0.1"]);
  const { blocking, awaiting } = latencies(stdout);
  assert.equal(blocking.length, 5);
  // Five 100 ms blocking calls on one thread: the last waits for all five.
  assert.ok(Math.max(...blocking) >= 480, `blocking: ${blocking}`);
  assert.ok(Math.max(...awaiting) < Math.max(...blocking), `awaiting: ${awaiting}`);
});

Deno.test("11_ecosystem (in-process) serves, echoes and routes without a network", async () => {
  const run = await runVirtual("11_ecosystem.ts", { simulate: true });
  assertClean(run);
  assertInOrder(run.texts, [
    "uvicorn (ASGI server)       built in: Deno.serve",
    "no network permission: calling the handler in-process",
    "paris: 3 °C",
    "lyon: 0 °C",
    "lille: 20 °C",
    "three requests at once: 100 ms",
    'sent "one", got "echo: one" (in-process MessageChannel)',
    'sent "three", got "echo: three" (in-process MessageChannel)',
    'app.request("/hello/ada") -> 200 {"hello":"ada"}',
    '3 x app.request("/slow") -> 100 ms for all three',
    "npm:postgres",
    "$ sum 3 4   -> exit code 0",
    "$ sum --max 5 3 4   -> exit code 1",
    "stderr: the sum 7 is over the maximum 5",
    "$ sum --max soon 3   -> exit code 2",
    'Number("soon") gives NaN',
    "$ sum --verbose   -> exit code 2",
  ]);
});

Deno.test("11_ecosystem with --allow-net uses a real server, WebSocket and Hono", async () => {
  const { code, stdout, stderr } = await runReal([
    "run",
    "--no-prompt",
    "--allow-net=127.0.0.1",
    "lessons/11_ecosystem.ts",
  ]);
  assert.equal(code, 0, stderr);
  assertInOrder(stdout.split("\n"), [
    "server listening on http://127.0.0.1:",
    "paris: 3 °C",
    "server shut down",
    'sent "one", got "echo: one"',
    'sent "three", got "echo: three"',
    '3 x GET /slow over HTTP -> "slow but not blocking"',
  ]);
  assert.ok(!stdout.includes("in-process MessageChannel"));
});

Deno.test("lessons 01-09 run to the end with no permission flag", async () => {
  const files = [
    "01_sync_vs_async.ts",
    "02_async_await_rules.ts",
    "03_event_loop.ts",
    "04_makerandom.ts",
    "05_chaining.ts",
    "06_queue.ts",
    "07_for_await_using.ts",
    "08_toolbox.ts",
    "09_many_errors.ts",
  ];
  const runs = await Promise.all(
    files.map((file) => runReal(["run", "--no-prompt", `lessons/${file}`])),
  );
  for (const [i, { code, stdout, stderr }] of runs.entries()) {
    assert.equal(code, 0, `${files[i]}: ${stderr}`);
    assert.equal(stderr, "", `${files[i]} wrote to stderr`);
    assert.ok(stdout.split("\n").length > 10, `${files[i]} printed too little`);
  }
  // Real time: 2.68 s plus timer lateness on a busy machine (virtual-time tests pin 2.68).
  assert.match(runs[4].stdout, /==> Total time: 2\.(6[89]|[7-9]\d) seconds/);
});
