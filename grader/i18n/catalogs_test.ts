/**
 * Every learner-facing string exists in every language: the typed catalogs
 * (checked again at run time, since a cast can fool the compiler), among them
 * each exercise's `grader/checks/NN_topic/messages.ts`; the checks' titles and
 * hints; and the exercise catalog's titles and hints.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATALOG } from "../course.ts";
import type { ExerciseChecks } from "../check.ts";
import { allCatalogs, type Catalog, LANGS, type Messages } from "./mod.ts";

const GRADER = fileURLToPath(new URL("../", import.meta.url));

/** Loads every module of grader/ that declares a catalog, so the registry is complete. */
async function loadAllCatalogs(): Promise<readonly Catalog<Messages>[]> {
  const files = readdirSync(GRADER, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith("_test.ts") && !f.includes("tests/"))
    .filter((f) => /\bdefineCatalog\(/.test(readFileSync(GRADER + f, "utf8")))
    .filter((f) => !f.endsWith("i18n/mod.ts"));
  assert.ok(files.length >= 2, `catalog modules found: ${files.join(", ")}`);
  for (const f of files) await import(new URL(`../${f}`, import.meta.url).href);
  return allCatalogs();
}

/** Calls a message with a parameter object whose every field names itself. */
function sample(message: unknown): string {
  if (typeof message === "string") return message;
  const params = new Proxy({}, {
    get: (_, key) => (key === "n" || key === "count" || key === "code" ? 2 : `‹${String(key)}›`),
  });
  return (message as (p: unknown) => string)(params);
}

/** Problems with one catalog: missing keys, kinds that differ, empty or unused parameters. */
export function catalogProblems(catalog: Catalog<Messages>): string[] {
  const problems: string[] = [];
  const keys = new Set(LANGS.flatMap((l) => Object.keys(catalog[l] ?? {})));
  for (const key of keys) {
    for (const lang of LANGS) {
      const message = catalog[lang]?.[key];
      if (message === undefined) {
        problems.push(`${key}: missing in ${lang}`);
        continue;
      }
      if (typeof message !== typeof catalog.en[key]) {
        problems.push(`${key}: not the same kind in ${lang}`);
      }
      let text: string;
      try {
        text = sample(message);
      } catch (error) {
        problems.push(`${key} (${lang}) cannot be rendered: ${error}`);
        continue;
      }
      if (text.trim() === "") problems.push(`${key}: empty in ${lang}`);
    }
    if (typeof catalog.en[key] === "function" && typeof catalog.fr?.[key] === "function") {
      try {
        const used = (l: "en" | "fr") => new Set(sample(catalog[l][key]).match(/‹\w+›/g) ?? []);
        const en = used("en"), fr = used("fr");
        if ([...en].join() !== [...fr].join() && [...en].sort().join() !== [...fr].sort().join()) {
          problems.push(`${key}: en uses ${[...en]} but fr uses ${[...fr]}`);
        }
      } catch { /* reported above */ }
    }
  }
  return problems;
}

Deno.test("catalogs: every catalog has every key in both languages", async () => {
  const catalogs = await loadAllCatalogs();
  assert.ok(catalogs.length >= 2);
  const problems = catalogs.flatMap((c, i) => catalogProblems(c).map((p) => `catalog ${i}: ${p}`));
  assert.deepEqual(problems, []);
});

Deno.test("catalogProblems() finds a key missing in French", () => {
  const bad = { en: { a: "one", b: (p: { x: string }) => `b ${p.x}` }, fr: { a: "un" } };
  assert.deepEqual(catalogProblems(bad as unknown as Catalog<Messages>), ["b: missing in fr"]);
});

Deno.test("catalogProblems() finds a French message that drops a parameter", () => {
  const bad = {
    en: { took: (p: { took: string; want: string }) => `${p.took} not ${p.want}` },
    fr: { took: (p: { took: string; want: string }) => `${p.took} au lieu de…` },
  };
  assert.deepEqual(catalogProblems(bad as unknown as Catalog<Messages>), [
    "took: en uses ‹took›,‹want› but fr uses ‹took›",
  ]);
});

Deno.test("catalogProblems() finds an empty message", () => {
  const bad = { en: { a: "one" }, fr: { a: " " } };
  assert.deepEqual(catalogProblems(bad as unknown as Catalog<Messages>), ["a: empty in fr"]);
});

const filled = (text: { en?: string; fr?: string } | undefined, where: string): string[] => {
  const out: string[] = [];
  for (const lang of LANGS) {
    if (typeof text?.[lang] !== "string" || text[lang]!.trim() === "") {
      out.push(`${where}: no ${lang}`);
    }
  }
  if (out.length === 0 && text!.en === text!.fr) out.push(`${where}: fr is a copy of en`);
  return out;
};

Deno.test("catalog: every exercise, check and hint is written in English and French", async () => {
  const problems: string[] = [];
  for (const e of CATALOG) {
    problems.push(...filled(e.title, `${e.id} title`));
    e.hints.forEach((h, i) => problems.push(...filled(h, `${e.id} hint ${i + 1}`)));
    const { default: spec } = await import(e.checks) as { default: ExerciseChecks };
    for (const c of spec.checks) {
      problems.push(...filled(c.title, `${e.id}/${c.id} title`));
      problems.push(...filled(c.hint, `${e.id}/${c.id} hint`));
    }
  }
  assert.deepEqual(problems, []);
});
