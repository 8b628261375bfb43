import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { taskCommand } from "./_env.ts";
import { main as hint } from "./hint.ts";
import { renderWatch } from "./watch.ts";
import type { Report } from "./grade.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** What npm 11 sets for `npx -y deno@2.9.6 task grade` (measured), trimmed to what matters. */
const NPX = {
  npm_command: "exec",
  npm_lifecycle_event: "npx",
  npm_lifecycle_script: "'deno'",
  npm_config_user_agent: "npm/11.19.1 node/v20.20.2 linux x64 workspaces/false",
};

Deno.test("taskCommand() says npx when npx started Deno, deno task otherwise", () => {
  const from = (vars: Record<string, string>) => (name: string) => vars[name];
  assert.equal(taskCommand(from(NPX), "2.9.6"), "npx -y deno@2.9.6 task");
  assert.equal(
    taskCommand(from({ ...NPX, npm_lifecycle_script: "deno@2.9.6" }), "2.9.6"),
    "npx -y deno@2.9.6 task",
  );
  assert.equal(taskCommand(from({}), "2.9.6"), "deno task");
  // `npm run grade` calling `deno task grade`: the user typed npm run, and deno is on their PATH.
  assert.equal(
    taskCommand(
      from({ npm_command: "run-script", npm_lifecycle_script: "deno task grade" }),
      "2.9.6",
    ),
    "deno task",
  );
  // npx running another program that runs deno itself: deno is installed.
  assert.equal(
    taskCommand(from({ ...NPX, npm_lifecycle_script: "denoify" }), "2.9.6"),
    "deno task",
  );
  assert.equal(taskCommand(from({ INIT_CWD: "/somewhere" }), "2.9.6"), "deno task");
});

async function gradeOne(extraEnv: Record<string, string>): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--quiet", "grader/cli.ts", "1"],
    cwd: ROOT,
    clearEnv: true,
    env: {
      NO_COLOR: "1",
      LANG: "en_US.UTF-8",
      ...Object.fromEntries(
        ["HOME", "PATH", "DENO_DIR", "TMPDIR"].flatMap((n) => {
          const v = Deno.env.get(n);
          return v === undefined ? [] : [[n, v]];
        }),
      ),
      ...extraEnv,
    },
  }).output();
  assert.notEqual(out.code, 2, new TextDecoder().decode(out.stderr));
  return new TextDecoder().decode(out.stdout).replace(/\s+/g, " ");
}

Deno.test("grade: the next step repeats the command the learner typed, npx or deno", async () => {
  const viaNpx = await gradeOne(NPX);
  assert.match(viaNpx, new RegExp(`\`npx -y deno@${Deno.version.deno} task grade 1\``));
  assert.doesNotMatch(viaNpx, /`deno task/);
  const plain = await gradeOne({});
  assert.match(plain, /`deno task grade 1`/);
  assert.doesNotMatch(plain, /npx/);
});

Deno.test("hint: the next hint's command is the one the learner typed", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    for (const [vars, expected] of [[NPX, "`npx -y deno@"], [{}, "`deno task hint 1`"]] as const) {
      const out: string[] = [];
      const env: Record<string, string> = { ...vars };
      const code = await hint(["1", "--lang", "en"], {
        print: (t) => out.push(t),
        error: () => {},
        env: (n) => env[n],
        statePath: `${dir}/.hint-state.json`,
        width: 200,
        grade: () => Promise.resolve(null),
      });
      assert.equal(code, 0);
      assert.ok(out.join("").includes(expected), out.join(""));
      await hint(["1", "--reset"], {
        print: () => {},
        error: () => {},
        env: (n) => env[n],
        statePath: `${dir}/.hint-state.json`,
        width: 200,
      });
    }
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("watch: the all-done line names the command the learner typed", () => {
  const report: Report = {
    schema: "async-lab/report@1",
    score: 20,
    maxScore: 20,
    seed: 444,
    lang: "en",
    durationMs: 1,
    exercises: [],
  };
  const npx = renderWatch(report, { total: 0, width: 200, task: "npx -y deno@2.9.6 task" });
  assert.match(npx, /Run `npx -y deno@2\.9\.6 task grade` for the full report/);
  assert.match(renderWatch(report, { total: 0, width: 200 }), /Run `deno task grade` for/);
});
