import assert from "node:assert/strict";
import { shownStderr, type StopFacts, whyStopped } from "./_stop.ts";
import { OUTPUT_CLOSED } from "./_protocol.ts";

/** A sandbox that exited with code 1 during check 2, having loaded, nothing else seen. */
const base: StopFacts = {
  loaded: true,
  current: 2,
  overMemory: false,
  timedOut: false,
  outOfCpu: false,
  nearHeapCap: false,
  code: 1,
  signal: null,
  stderr: "",
  lang: "en",
};

Deno.test("whyStopped() names every way a sandbox stops, one row each", () => {
  const rows: [string, Partial<StopFacts>, Record<string, unknown>][] = [
    ["killed for its memory", { overMemory: true, code: 137, signal: "SIGKILL" }, {
      kind: "oom",
    }],
    ["out of CPU while above the heap cap", { outOfCpu: true, nearHeapCap: true }, { kind: "oom" }],
    ["at the backstop while above the heap cap", { timedOut: true, nearHeapCap: true }, {
      kind: "oom",
    }],
    ["out of CPU", { outOfCpu: true, code: 137, signal: "SIGXCPU" }, {
      kind: "frozen",
      by: "cpu",
    }],
    ["at the wall-clock backstop", { timedOut: true, code: 137, signal: "SIGKILL" }, {
      kind: "frozen",
      by: "wall",
    }],
    ["a Worker refused its code space", {
      code: 133,
      stderr: "Failed to reserve virtual memory for CodeRange",
    }, { kind: "crash", code: 133 }],
    ["stdout closed by learner code", { code: OUTPUT_CLOSED }, { kind: "crash", code: 5 }],
    ["V8's heap limit", { code: 133, stderr: "Fatal JavaScript: Reached heap limit" }, {
      kind: "oom",
    }],
    ["a silent SIGABRT", { code: 134, signal: "SIGABRT" }, { kind: "oom" }],
    ["Deno refused to start", { loaded: false, code: 1, stderr: "error: Module not found" }, {
      kind: "crash",
      code: 1,
      during: null,
    }],
    ["Deno panicked at start", { loaded: false, code: 101, stderr: "\nDeno has panicked." }, {
      kind: "crash",
      code: 101,
    }],
    ["an exit 0, 1 or 2", { code: 2 }, { kind: "exit", code: 2, during: 2 }],
    ["an exit before the module loaded", { loaded: false, code: 0 }, {
      kind: "exit",
      during: null,
    }],
    ["any other end", { code: 9, signal: "SIGKILL", stderr: "bye" }, {
      kind: "crash",
      code: 9,
      detail: "bye",
    }],
  ];
  for (const [name, facts, expected] of rows) {
    const fault = whyStopped({ ...base, ...facts }) as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(fault[key], value, `${name}: ${key}`);
    }
  }
});

Deno.test("whyStopped() speaks the report's language in the messages it writes", () => {
  const en = whyStopped({ ...base, code: OUTPUT_CLOSED });
  const fr = whyStopped({ ...base, code: OUTPUT_CLOSED, lang: "fr" });
  assert.ok(en.kind === "crash" && fr.kind === "crash");
  assert.notEqual(en.detail, fr.detail);
});

Deno.test("shownStderr() shows escape sequences and controls instead of obeying them", () => {
  const shown = shownStderr("\x1b[2J\x1b[HTotal 100/100\u202e");
  assert.ok(!shown.includes("\x1b") && !shown.includes("\u202e"), shown);
  assert.match(shown, /Total 100\/100/);
});
