import assert from "node:assert/strict";
import { installVirtualClock, pendingTimerCount, runInVirtualTime } from "./clock.ts";
import { probe } from "./probe.ts";

installVirtualClock();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

Deno.test("runInVirtualTime() jumps time only when every task waits", async () => {
  const run = await runInVirtualTime(async () => {
    await Promise.all([sleep(2000), sleep(3000), sleep(1000)]);
    return performance.now();
  });
  assert.equal(run.status, "ok");
  assert.equal(run.value, 3000);
  assert.equal(run.elapsedMs, 3000);
});

Deno.test("runInVirtualTime() resets the clock to 0 and fakes Date", async () => {
  await runInVirtualTime(() => sleep(5000));
  const run = await runInVirtualTime(() => [Date.now(), performance.now()]);
  assert.deepEqual(run.value, [0, 0]);
});

Deno.test("runInVirtualTime() runs a microtask checkpoint between same-instant timers", async () => {
  const order: string[] = [];
  await runInVirtualTime(async () => {
    setTimeout(() => {
      order.push("a");
      queueMicrotask(() => order.push("a-microtask"));
    }, 10);
    setTimeout(() => order.push("b"), 10);
    await sleep(20);
  });
  assert.deepEqual(order, ["a", "a-microtask", "b"]);
});

Deno.test("runInVirtualTime() reports a deadlock when nothing can wake the program", async () => {
  const run = await runInVirtualTime(async () => {
    await sleep(1500);
    await new Promise(() => {});
  });
  assert.equal(run.status, "deadlock");
  assert.equal(run.elapsedMs, 1500);
});

Deno.test("runInVirtualTime() stops a runaway past the horizon", async () => {
  const run = await runInVirtualTime(async () => {
    setInterval(() => {}, 1000);
    await new Promise(() => {});
  }, { horizonMs: 60_000 });
  assert.equal(run.status, "runaway");
  assert.ok(run.elapsedMs > 60_000 && run.elapsedMs <= 61_000);
});

Deno.test("runInVirtualTime() counts leaked timers, not AbortSignal.timeout ones", async () => {
  const run = await runInVirtualTime(() => {
    setTimeout(() => {}, 5000);
    AbortSignal.timeout(9000);
  });
  assert.equal(run.status, "ok");
  assert.equal(run.pendingTimers, 1);
  const clean = await runInVirtualTime(() => {
    clearTimeout(setTimeout(() => {}, 5000));
    AbortSignal.timeout(9000);
  });
  assert.equal(clean.pendingTimers, 0);
  assert.equal(pendingTimerCount(), 0);
});

Deno.test("AbortSignal.timeout() aborts at exactly its deadline with a TimeoutError", async () => {
  const run = await runInVirtualTime(() =>
    new Promise<[number, string]>((resolve) => {
      const signal = AbortSignal.timeout(2000);
      signal.addEventListener("abort", () => resolve([performance.now(), signal.reason.name]));
    })
  );
  assert.deepEqual(run.value, [2000, "TimeoutError"]);
});

Deno.test("runInVirtualTime() drives node:timers/promises", async () => {
  const { setTimeout: wait } = await import("node:timers/promises");
  const run = await runInVirtualTime(() => wait(1200, "done"));
  assert.equal(run.value, "done");
  assert.equal(run.elapsedMs, 1200);
});

Deno.test("runInVirtualTime() stamps console lines with virtual time", async () => {
  const run = await runInVirtualTime(async () => {
    console.log("start");
    await sleep(2500);
    console.warn("end", 42);
  }, { captureConsole: true });
  assert.deepEqual(run.logs, [
    { at: 0, level: "log", text: "start" },
    { at: 2500, level: "warn", text: "end 42" },
  ]);
});

Deno.test("runInVirtualTime() reports a timer callback that throws", async () => {
  const run = await runInVirtualTime(async () => {
    setTimeout(() => {
      throw new RangeError("boom");
    }, 100);
    await sleep(1000);
  });
  assert.equal(run.status, "timer-error");
  assert.match(String(run.error), /boom/);
});

Deno.test("runInVirtualTime() collects unhandled rejections", async () => {
  const run = await runInVirtualTime(async () => {
    Promise.reject(new Error("nobody listens"));
    await sleep(10);
  });
  assert.equal(run.status, "ok");
  assert.equal(run.unhandled.length, 1);
});

Deno.test("runInVirtualTime() reports a synchronous throw as an error", async () => {
  const run = await runInVirtualTime(() => {
    throw new Error("at once");
  });
  assert.equal(run.status, "error");
});

Deno.test("probe() keeps its own timers when code replaces globalThis.setTimeout", async () => {
  const real = globalThis.setTimeout;
  const users = probe("users", { seconds: 2, value: 1 });
  try {
    // deno-lint-ignore no-explicit-any
    (globalThis as any).setTimeout = (fn: () => void) => fn();
    const run = await runInVirtualTime(() => users());
    assert.equal(run.elapsedMs, 2000);
    assert.equal(users.calls[0].end, 2000);
  } finally {
    globalThis.setTimeout = real;
  }
});

Deno.test("runInVirtualTime() captures every way of printing, formatted like the console", async () => {
  const run = await runInVirtualTime(async () => {
    console.log("%s is %d years old%c", "Ada", 36.6, "color: red");
    console.time("wait");
    await sleep(1500);
    console.timeEnd("wait");
    console.table([{ a: 1 }]);
    console.count();
    console.count();
    console.group("outer");
    console.info("inside");
    console.groupEnd();
    console.assert(1 + 1 === 3, "math is broken");
    console.assert(true, "never shown");
  }, { captureConsole: true });
  assert.deepEqual(run.logs.map((l) => [l.at, l.level, l.text]), [
    [0, "log", "Ada is 36 years old"],
    [1500, "info", "wait: 1500ms"],
    [1500, "log", "[ { a: 1 } ]"],
    [1500, "info", "default: 1"],
    [1500, "info", "default: 2"],
    [1500, "log", "outer"],
    [1500, "info", "  inside"],
    [1500, "error", "Assertion failed: math is broken"],
  ]);
});

Deno.test("runInVirtualTime() sees writes to stdout and stderr as it sees console lines", async () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const viaConsole = await runInVirtualTime(async () => {
    console.log("start");
    await sleep(1200);
    console.log("ready: 3 of 3");
    console.error("one failed");
    await sleep(300);
    console.log("done");
  }, { captureConsole: true });
  const viaStreams = await runInVirtualTime(async () => {
    Deno.stdout.writeSync(bytes("start\n"));
    await sleep(1200);
    // One line in three writes, a character split across two of them.
    const tail = bytes("3 of 3 ✓\n");
    await Deno.stdout.write(bytes("ready: "));
    Deno.stdout.writeSync(tail.subarray(0, 8));
    Deno.stdout.writeSync(tail.subarray(8));
    const writer = Deno.stderr.writable.getWriter();
    await writer.write(bytes("one failed\n"));
    writer.releaseLock();
    await sleep(300);
    Deno.stdout.writeSync(bytes("done")); // no newline: the run's end ends it
  }, { captureConsole: true });
  assert.deepEqual(
    viaStreams.logs,
    viaConsole.logs.map((l) => l.text === "ready: 3 of 3" ? { ...l, text: "ready: 3 of 3 ✓" } : l),
  );
  assert.deepEqual(viaConsole.logs.map((l) => [l.at, l.level]), [
    [0, "log"],
    [1200, "log"],
    [1200, "error"],
    [1500, "log"],
  ]);
});

Deno.test("runInVirtualTime() shows a partial line and a console line as a terminal would", async () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const run = await runInVirtualTime(async () => {
    Deno.stdout.writeSync(bytes("checking… "));
    await sleep(500);
    console.log("ok");
    Deno.stdout.writeSync(bytes("a\r\nb\nc"));
    await sleep(100);
    Deno.stdout.writeSync(bytes("d\n"));
  }, { captureConsole: true });
  assert.deepEqual(run.logs.map((l) => [l.at, l.text]), [
    [500, "checking… ok"],
    [500, "a"],
    [500, "b"],
    [600, "cd"],
  ]);
  // Nothing written in one run leaks into the next.
  const next = await runInVirtualTime(() => console.log("alone"), { captureConsole: true });
  assert.deepEqual(next.logs.map((l) => l.text), ["alone"]);
});
