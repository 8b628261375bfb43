/**
 * A CPU load for tests and benchmarks: `deno eval` loops, one per core, that
 * run until stopped. Used to show that grading does not depend on how fast
 * the machine happens to be.
 *
 * @module
 */

/** Keeps `count` cores (default: all) busy until `stop()` is called. */
export function burnCpu(count = navigator.hardwareConcurrency ?? 2): { stop(): Promise<void> } {
  const burners = Array.from(
    { length: count },
    () =>
      new Deno.Command(Deno.execPath(), {
        args: ["eval", "let x = 0; while (true) x = (x + 1) % 7;"],
        stdin: "null",
        stdout: "null",
        stderr: "null",
      }).spawn(),
  );
  return {
    async stop() {
      for (const b of burners) {
        try {
          b.kill("SIGKILL");
        } catch { /* already gone */ }
      }
      await Promise.all(burners.map((b) => b.status));
    },
  };
}
