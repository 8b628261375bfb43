import assert from "node:assert/strict";
import { median, MemorySampler } from "./bench.ts";

Deno.test("median() takes the middle value, or the mean of the two middle ones", () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
});

Deno.test("MemorySampler sees the resident memory of a process tree", async () => {
  const sampler = new MemorySampler(5);
  if (!sampler.available) return; // not Linux: nothing to sample
  const child = new Deno.Command(Deno.execPath(), {
    args: ["eval", "await new Promise((r) => setTimeout(r, 300));"],
    stdout: "null",
    stderr: "null",
  }).spawn();
  sampler.start(child.pid);
  await child.status;
  sampler.stop();
  assert.ok(sampler.samples > 0, "sampled at least once");
  // A Deno process takes tens of MiB; 5 MiB is a floor no real one stays under.
  assert.ok(sampler.peakTreeKb > 5 * 1024, `${sampler.peakTreeKb} KiB`);
  assert.ok(sampler.peakProcessKb >= sampler.peakTreeKb / 4);
});
