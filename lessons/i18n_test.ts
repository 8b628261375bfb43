import assert from "node:assert/strict";
import { assertClean, assertInOrder, ROOT, runVirtual } from "./_run_lesson.ts";
import { LESSONS } from "./run.ts";
import { lessonLang } from "./_i18n.ts";

/** One line each lesson prints in French, in order. */
const FRENCH: Record<string, string[]> = {
  "01_sync_vs_async.ts": [
    "Une partie après l'autre (synchrone) :",
    "tous ensemble : 2,00 secondes",
  ],
  "02_async_await_rules.ts": ["== Règle 1 : await s'écrit dans une fonction async ==", "ordre : "],
  "03_event_loop.ts": ["Bonjour…", "le monde !", "1. code synchrone"],
  "04_makerandom.ts": ["[0,0 s] makerandom(1) démarre.", "r1 : 10, r2 : 10, r3 : 9"],
  "05_chaining.ts": [
    "Utilisateur : userId=2 reçu (en 0,5 s).",
    "==> Durée totale : 2,68 secondes",
    "ces six attentes dureraient 7,57 secondes",
    "D'où deux totaux : 7,57 s, c'est toutes les attentes mises bout à bout ;",
    "2,68 s, c'est ce qu'a pris le programme",
    "User3 a pris 1,23 s + 1,45 s = 2,68 s.",
  ],
  "06_queue.ts": ["Consommateur : 2 articles de User3 reçus", "==> Durée totale : 2,68 secondes"],
  "07_for_await_using.ts": ["[1, 2, 4, 8, 16]  (1,0 s)", "Sessions encore ouvertes : 0"],
  "08_toolbox.ts": ["résultat : [1,2,3] obtenu à +1,0 s", "race -> rapide", "any -> miroir 2"],
  "09_many_errors.ts": ["+0,5 s on attrape IndexError: Erreur dans la coroutine C"],
  "10_pitfalls.ts": ["== Piège 1 :", "la pire ", "== Piège 5 : async partout, au cas où =="],
  "11_ecosystem.ts": ["== Bibliothèque Python -> Deno ==", "== Bases de données =="],
};

const SIMULATE = new Set(["10_pitfalls.ts", "11_ecosystem.ts"]);

Deno.test("every lesson prints in French with lang: fr, through its catalog", async () => {
  assert.deepEqual(Object.keys(FRENCH), LESSONS.map((l) => l.file));
  await Promise.all(LESSONS.map(async ({ file }) => {
    const options = (lang: string) => ({ lang, ...(SIMULATE.has(file) ? { simulate: true } : {}) });
    const [fr, en] = await Promise.all([
      runVirtual(file, options("fr")),
      runVirtual(file, options("en")),
    ]);
    assertClean(fr);
    assertInOrder(fr.texts, FRENCH[file]);
    // Same program, other words: most lines differ (code and numbers may stay alike).
    const english = new Set(en.texts.filter((t) => /[a-z]{4,}/.test(t)));
    const shared = fr.texts.filter((t) => english.has(t));
    assert.ok(
      shared.length <= english.size / 3,
      `${file}: ${shared.length} of ${english.size} lines still English:\n${shared.join("\n")}`,
    );
    assert.deepEqual(
      fr.logs.map((l) => l.at),
      en.logs.map((l) => l.at),
      `${file}: same instants`,
    );
  }));
});

Deno.test("lessonLang(): --lang wins, then the locale", () => {
  assert.equal(lessonLang(["--lang", "fr"]), "fr");
  assert.equal(lessonLang(["5", "--lang=FR"]), "fr");
  assert.equal(lessonLang(["--lang", "en"]), "en");
  assert.equal(lessonLang(["--lang", "de"]), "en");
});

Deno.test("a lesson run with deno run and no flag follows a French LANG or LC_ALL", async () => {
  // The test's own locale must not leak in: an empty LC_ALL is not the same as none.
  const base = Object.fromEntries(
    Object.entries(Deno.env.toObject()).filter(([k]) => !/^(LC_|LANG)/.test(k)),
  );
  const run = (env: Record<string, string>, ...args: string[]) =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "--quiet", "lessons/02_async_await_rules.ts", ...args],
      cwd: ROOT,
      clearEnv: true,
      env: { ...base, NO_COLOR: "1", ...env },
      stdout: "piped",
      stderr: "piped",
    }).output().then((o) => new TextDecoder().decode(o.stdout));
  const [lang, lcAll, english, flag] = await Promise.all([
    run({ LANG: "fr_FR.UTF-8" }),
    run({ LC_ALL: "fr_CA.UTF-8", LANG: "en_US.UTF-8" }),
    run({ LANG: "en_US.UTF-8" }),
    run({ LANG: "en_US.UTF-8" }, "--lang", "fr"),
  ]);
  for (const out of [lang, lcAll, flag]) assert.match(out, /== Règle 1 : await s'écrit/);
  assert.match(english, /== Rule 1: await lives inside async functions ==/);
});
