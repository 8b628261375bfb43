import assert from "node:assert/strict";
import { runInVirtualTime } from "./clock.ts";
import { isTimeout, probe } from "./probe.ts";

Deno.test("probe() resolves with its value after its duration and records the span", async () => {
  const p = probe("orders", { seconds: 3, value: (...args: unknown[]) => args.length });
  const run = await runInVirtualTime(() => p("a", "b"));
  assert.equal(run.value, 2);
  assert.deepEqual(
    [p.calls[0].start, p.calls[0].end, p.calls[0].outcome, p.calls[0].aborted],
    [0, 3000, "ok", false],
  );
  assert.deepEqual(run.events.map((s) => s.label), ["orders"]);
});

Deno.test("probe() rejects with its error after its duration", async () => {
  const p = probe("db", { seconds: 1, error: new Error("down") });
  const run = await runInVirtualTime(() => p());
  assert.equal(run.status, "error");
  assert.equal(p.calls[0].outcome, "error");
  assert.equal(run.elapsedMs, 1000);
});

Deno.test("probe() stops at the instant its signal is aborted", async () => {
  const p = probe("slow", { seconds: 5 });
  const run = await runInVirtualTime(() => p(AbortSignal.timeout(2000)));
  assert.equal(run.status, "error");
  assert.ok(isTimeout(run.error));
  assert.deepEqual([p.calls[0].end, p.calls[0].outcome, p.calls[0].abortedAt], [
    2000,
    "timeout",
    2000,
  ]);
  assert.equal(run.pendingTimers, 0);
});

Deno.test("probe() rejects at once with an already-aborted signal", async () => {
  const p = probe("x", { seconds: 5 });
  const controller = new AbortController();
  controller.abort(new Error("stop"));
  const run = await runInVirtualTime(() => p(controller.signal));
  assert.equal(run.elapsedMs, 0);
  assert.equal(p.calls[0].outcome, "aborted");
});

Deno.test("probe() can ignore its signal and only record the abort", async () => {
  const p = probe("stubborn", { seconds: 3, honourSignal: false, value: "late" });
  const controller = new AbortController();
  const run = await runInVirtualTime(() => {
    setTimeout(() => controller.abort(), 1000);
    return p(controller.signal);
  });
  assert.equal(run.value, "late");
  assert.deepEqual([p.calls[0].aborted, p.calls[0].abortedAt, p.calls[0].end], [true, 1000, 3000]);
});
