/**
 * Measures what one isolate per exercise costs to start here: a Deno
 * subprocess (what the sandbox uses) against a Worker with no permission,
 * and checks that an out-of-memory in a Worker takes the whole process down
 * (why the sandbox cannot be a Worker). Prints JSON lines; medians of `N`
 * runs (default 15). Not a test: machines are noisy.
 *
 * `deno run -A --unstable-worker-options grader/tools/bench_isolates.ts [N]`
 *
 * @module
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runSandboxed } from "../sandbox.ts";

const runs = Number(Deno.args[0] ?? 15);
const dir = Deno.makeTempDirSync({ prefix: "async-lab-isolates-" });
const file = (name: string, text: string) => {
  const path = join(dir, name);
  Deno.writeTextFileSync(path, text);
  return path;
};
const empty = file("empty.ts", "export {};\n");
const checks = file("empty.checks.ts", "export default { checks: [] };\n");
const hello = file("hello_worker.ts", "self.postMessage('ready');\n");
const clockWorker = file(
  "clock_worker.ts",
  `import { installVirtualClock } from ${
    JSON.stringify(new URL("../clock.ts", import.meta.url).href)
  };\n` +
    "installVirtualClock();\nself.postMessage('ready');\n",
);
const bomb = file(
  "bomb_worker.ts",
  "const hoard: number[][] = [];\nfor (;;) hoard.push(new Array(1_000_000).fill(hoard.length));\n",
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function measure(name: string, once: () => Promise<void>) {
  await once(); // warm the caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  console.log(JSON.stringify({
    name,
    runs,
    medianMs: Math.round(median(times) * 10) / 10,
    minMs: Math.round(Math.min(...times) * 10) / 10,
    maxMs: Math.round(Math.max(...times) * 10) / 10,
  }));
}

async function worker(path: string, permissions: Deno.PermissionOptions): Promise<void> {
  const w = new Worker(new URL(`file://${path}`).href, {
    type: "module",
    deno: { permissions },
  } as WorkerOptions);
  await new Promise<void>((resolve, reject) => {
    w.onmessage = () => resolve();
    w.onerror = (e) => reject(e);
  });
  w.terminate();
}

await measure("subprocess: deno run of an empty file, to exit", async () => {
  await new Deno.Command(Deno.execPath(), {
    args: ["run", "--quiet", "--no-prompt", `--allow-read=${dir}`, empty],
    stdout: "null",
    stderr: "null",
  }).output();
});
await measure("subprocess: the sandbox child with an empty job, to its done frame", async () => {
  const out = await runSandboxed({
    file: empty,
    checks: new URL(`file://${checks}`).href,
    lang: "en",
    seed: 444,
    from: 0,
    wallTimeoutMs: 10_000,
  });
  if (out.fault) {
    throw new Error(`Cannot measure: the sandbox failed (${JSON.stringify(out.fault)})`);
  }
});
await measure(
  "worker: permissions none, empty module, to first message",
  () => worker(hello, "none"),
);
await measure(
  "worker: read-only, installs the virtual clock, to first message",
  () => worker(clockWorker, { read: [fileURLToPath(new URL("..", import.meta.url)), dir] }),
);

// An out-of-memory in a Worker: does the parent survive?
const probe = await new Deno.Command(Deno.execPath(), {
  args: [
    "eval",
    "--unstable-worker-options",
    "--v8-flags=--max-old-space-size=256",
    `const w = new Worker(${JSON.stringify(`file://${bomb}`)}, { type: "module" });` +
    "w.onerror = (e) => { e.preventDefault(); console.log('parent caught', e.message); };" +
    "setTimeout(() => { console.log('parent survived'); Deno.exit(0); }, 8000);",
  ],
  stdout: "piped",
  stderr: "piped",
}).output();
const stderr = new TextDecoder().decode(probe.stderr);
console.log(JSON.stringify({
  name: "worker: out of memory (256 MiB heap cap)",
  parentExitCode: probe.code,
  parentSignal: probe.signal,
  parentSurvived: new TextDecoder().decode(probe.stdout).includes("parent survived"),
  fatal: /heap limit|out of memory/i.exec(stderr)?.[0] ?? null,
}));
Deno.removeSync(dir, { recursive: true });
