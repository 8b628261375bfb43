import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { parseWatchArgs, progressBar, renderWatch, watchScreen } from "./watch.ts";
import type { Report } from "./grade.ts";
import { sampleReport } from "./report/_sample.ts";

Deno.test("progressBar() fills one cell in four per exercise passed of four", () => {
  assert.equal(progressBar(1, 4, { cells: 8 }), "[██░░░░░░]");
  assert.equal(progressBar(0, 5, { cells: 5, ascii: true }), "[-----]");
  assert.equal(progressBar(5, 5, { cells: 5, ascii: true }), "[#####]");
  assert.equal(progressBar(7, 5, { cells: 5, ascii: true }), "[#####]");
});

Deno.test("renderWatch() shows progress, the first unfinished exercise's failures, and the keys", () => {
  const report = sampleReport();
  const text = renderWatch(report, { width: 80, total: 5 });
  const lines = text.split("\n");
  assert.equal(lines[0], "async-lab — watch mode");
  assert.match(lines[2], /^\[░{20}\] 0\/5 exercises passed$/);
  // Exercise 1 (the first unfinished) in full, with its timeline.
  assert.match(text, /✗ runConcurrent takes the longest wait \(3\.0 s\), not the sum +0\/4/);
  assert.match(text, /\n +orders +█+\n/);
  // Exercise 2 on one line only.
  assert.match(text, /\n! 02 Downloads +0\/4\n/);
  assert.doesNotMatch(text, /Total/);
  assert.match(text, /Edit exercises\/01_gather\.ts and save/);
  assert.match(lines.at(-2)!, /r or Enter: grade now · q: quit/);
  for (const line of lines) assert.ok([...line].length <= 80, line);
});

Deno.test("renderWatch() in French and in ASCII, with a notice", () => {
  const text = renderWatch(sampleReport("fr"), {
    width: 60,
    total: 5,
    ascii: true,
    notice: "polling",
  });
  assert.match(text, /^async-lab - mode surveillance\n/);
  assert.match(text, /\[-{20}\] 0\/5 exercice reussi/);
  assert.match(text, /^[\n\x20-\x7e]*$/);
  assert.match(text, /\npolling\n/);
  assert.match(text, /enregistrez un fichier pour relancer la correction/);
});

Deno.test("renderWatch() congratulates when every exercise passes", () => {
  const report = sampleReport();
  report.exercises = [report.exercises[0]];
  report.exercises[0].status = "pass";
  const text = renderWatch(report, { total: 1 });
  assert.match(text, /\[█{20}\] 1\/1 exercise passed/);
  assert.match(text, /Every exercise passes/);
});

Deno.test("parseWatchArgs() reads --dir, --lang, --ascii, --poll and rejects the rest", () => {
  assert.deepEqual(parseWatchArgs(["--dir", "x", "--lang", "fr", "--poll"], "en"), {
    dir: "x",
    lang: "fr",
    ascii: false,
    poll: true,
    help: false,
  });
  assert.match(parseWatchArgs(["--reporter", "json"], "en") as string, /unknown option --reporter/);
  assert.match(parseWatchArgs(["--lang", "de"], "fr") as string, /valeur invalide pour --lang/);
});

Deno.test("renderWatch() cuts a long title, never the status word, to keep the score", () => {
  const report = sampleReport();
  report.exercises[1].status = "todo";
  report.exercises[1].title = "A pipeline: one producer, several consumers, a queue between them";
  const text = renderWatch(report, { width: 80, total: 5 });
  const line = text.split("\n").find((l) => l.startsWith("○ 02"))!;
  assert.match(line, /^○ 02 A pipeline: one producer, .*… \(to do\) +0\/4$/);
  assert.equal([...line].length, 80);
  const ascii = renderWatch(report, { width: 80, total: 5, ascii: true }).split("\n");
  const cut = ascii.find((l) => l.startsWith("[ ] 02"))!;
  assert.match(cut, /\.\.\. \(to do\) +0\/4$/);
  assert.equal(cut.length, 80);
});

// A path, not a URL: the checkout's folder may hold spaces or non-ASCII letters.
const CONFIG = fileURLToPath(new URL("../deno.json", import.meta.url));

Deno.test("watch grades from the sources rather than prompt to write the bundle", async () => {
  const dir = Deno.makeTempDirSync();
  const probe = `${dir}/probe.ts`;
  Deno.writeTextFileSync(
    probe,
    `import { gradeFromSources } from ${
      JSON.stringify(new URL("./watch.ts", import.meta.url).href)
    };
// One string: console.log colours a bare boolean under FORCE_COLOR.
console.log(\`\${gradeFromSources()} \${Deno.env.get("ASYNC_LAB_BUNDLE") || "-"}\`);`,
  );
  const run = async (...flags: string[]) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", `--config=${CONFIG}`, ...flags, probe],
      env: { ASYNC_LAB_BUNDLE: "" },
      stdin: "null",
    }).output();
    return new TextDecoder().decode(out.stdout).trim();
  };
  try {
    // `deno task watch`'s permissions: no write, so no bundle.
    assert.equal(await run("--allow-read", "--allow-env", "--allow-run"), "true 0");
    assert.equal(await run("--allow-all"), "false -");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

/** A watch screen on fakes: what it printed, and gradings the test settles by hand. */
function fakeScreen(tty: boolean) {
  const printed: string[] = [];
  const pending: ((report: Report) => void)[] = [];
  let width = 80;
  const screen = watchScreen({
    print: (text) => printed.push(text),
    width: () => width,
    tty,
    gradingText: "… grading…",
    grade: () => new Promise<Report>((resolve) => pending.push(resolve)),
    render: (report, w) => `[${report.score}/${report.maxScore} at ${w}]\n`,
    debounceMs: 0,
  });
  return { screen, printed, pending, resize: (w: number) => (width = w) };
}

/** Lets queued timers and promise callbacks run. */
const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

Deno.test("watchScreen() says grading at once when a file changes, then draws the report", async () => {
  const { screen, printed, pending } = fakeScreen(false);
  screen.changed();
  // Before any grading is done, and before the burst of events is over.
  assert.deepEqual(printed, ["… grading…\n"]);
  screen.changed();
  screen.changed();
  await turn();
  assert.equal(pending.length, 1, "a burst of changes grades once");
  assert.deepEqual(printed, ["… grading…\n"]);
  pending[0](sampleReport());
  await turn();
  assert.deepEqual(printed, ["… grading…\n", "\n[3/14 at 80]\n"]);
  screen.stop();
});

Deno.test("watchScreen() on a terminal writes grading over the title line, then redraws", async () => {
  const { screen, printed, pending } = fakeScreen(true);
  const done = screen.gradeNow();
  assert.equal(printed.length, 1);
  // Saved cursor, top line cleared and written, cursor back: the old screen stays below.
  assert.equal(printed[0], "\x1b[s\x1b[H\x1b[2K… grading…\x1b[u");
  pending[0](sampleReport());
  await done;
  assert.equal(printed[1], "\x1b[2J\x1b[3J\x1b[H[3/14 at 80]\n");
  screen.stop();
});

Deno.test("watchScreen() redraws the last report when the terminal is resized, not otherwise", async () => {
  const { screen, printed, pending, resize } = fakeScreen(true);
  screen.resized();
  assert.equal(printed.length, 0, "nothing drawn yet: nothing to redraw");
  const done = screen.gradeNow();
  pending[0](sampleReport());
  await done;
  const drawn = printed.length;
  screen.resized();
  assert.equal(printed.length, drawn, "same size: no redraw");
  resize(100);
  screen.resized();
  assert.equal(printed.length, drawn + 1);
  assert.match(printed.at(-1)!, /\[3\/14 at 100\]/);
  assert.equal(pending.length, 1, "a resize does not grade again");
  screen.stop();
  resize(60);
  screen.resized();
  assert.equal(printed.length, drawn + 1, "stopped: no more drawing");
});
