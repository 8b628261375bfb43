/**
 * Languages and the typed catalogs every learner-facing string comes from.
 *
 * @module
 */

/** The languages the grader speaks. */
export const LANGS = ["en", "fr"] as const;
/** One of {@linkcode LANGS}. */
export type Lang = typeof LANGS[number];

/** A sentence in every language, inline (check titles, hints, failures). */
export type LocalText = { readonly [L in Lang]: string };

/** A message: plain text, or a function of typed parameters. */
// deno-lint-ignore no-explicit-any
export type Message = string | ((params: any) => string);

/** A catalog's messages in one language; the English one sets the keys and types. */
export type Messages = Record<string, Message>;

/** A typed catalog: the same keys, with the same parameters, in every language. */
export type Catalog<M extends Messages> = { readonly [L in Lang]: M };

/** String literal types widened to `string`, functions kept. */
export type Widen<T> = T extends string ? string : T;

/** The catalog {@linkcode defineCatalog} makes from English messages `M`. */
export type CatalogOf<M extends Messages> = Catalog<{ [K in keyof M]: Widen<M[K]> }>;

const registry: Catalog<Messages>[] = [];

/**
 * Declares a catalog. TypeScript rejects a French side whose keys or
 * parameters differ from the English one; {@linkcode allCatalogs} lets a test
 * check the same at run time.
 */
export function defineCatalog<M extends Messages>(
  en: M,
  fr: { readonly [K in keyof M]: Widen<M[K]> },
): CatalogOf<M> {
  const catalog = { en, fr } as CatalogOf<M>;
  registry.push(catalog);
  return catalog;
}

/** A message's parameters as callers pass them: a text parameter may be a sentence in every language. */
export type Params<F> = F extends (params: infer P) => string
  ? [{ readonly [N in keyof P]: P[N] extends string ? P[N] | LocalText : P[N] }]
  : [];

function isLocalText(value: unknown): value is LocalText {
  if (typeof value !== "object" || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  return LANGS.every((l) => typeof Object.getOwnPropertyDescriptor(value, l)?.value === "string");
}

/** What {@linkcode texts} returns: a message of catalog `M` in every language. */
export type Texts<M extends Messages> = <K extends keyof M & string>(
  key: K,
  ...params: Params<M[K]>
) => LocalText;

/**
 * A reader of `catalog` that gives a message in every language, its
 * parameters filled; a parameter that is itself a {@linkcode LocalText}
 * gives each language its own side.
 *
 * @example A message with a duration, in both languages
 * ```ts
 * import { defineCatalog, texts } from "./mod.ts";
 * import assert from "node:assert/strict";
 *
 * const t = texts(defineCatalog(
 *   { took: (p: { took: string }) => `took ${p.took}` },
 *   { took: (p) => `a pris ${p.took}` },
 * ));
 * assert.deepEqual(t("took", { took: { en: "3.0 s", fr: "3,0 s" } }), {
 *   en: "took 3.0 s",
 *   fr: "a pris 3,0 s",
 * });
 * ```
 */
export function texts<M extends Messages>(catalog: Catalog<M>): Texts<M> {
  return (key, ...params) => {
    const pick = (lang: Lang): string => {
      const message = catalog[lang][key] as Message;
      if (typeof message === "string") return message;
      const given = (params[0] ?? {}) as Record<string, unknown>;
      const local: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(given)) {
        local[name] = isLocalText(value) ? value[lang] : value;
      }
      return message(local);
    };
    return { en: pick("en"), fr: pick("fr") };
  };
}

/**
 * Joins sentences in every language with a separator that is text too
 * (`, ` in English, ` ; ` in French).
 */
export function joinTexts(items: readonly LocalText[], separator: LocalText): LocalText {
  const join = (lang: Lang) => items.map((item) => item[lang]).join(separator[lang]);
  return { en: join("en"), fr: join("fr") };
}

/** Every catalog declared so far. */
export function allCatalogs(): readonly Catalog<Messages>[] {
  return registry;
}

/** Whether `value` names a supported language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/**
 * The language to speak: `--lang` if given, else the first of `LC_ALL`,
 * `LC_MESSAGES`, `LANG` that names one we speak (`fr_FR.UTF-8` → `fr`), else
 * English.
 */
export function detectLang(env: (name: string) => string | undefined): Lang {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env(name);
    if (!value) continue;
    const code = value.slice(0, 2).toLowerCase();
    return isLang(code) ? code : "en";
  }
  return "en";
}

/** Formats seconds the learner's way: `3.0 s` (en) or `3,0 s` (fr). */
export function formatSeconds(ms: number, lang: Lang, digits = 1): string {
  // Written by hand, like Intl.NumberFormat's en-US / fr-FR output (half away
  // from zero, grouped thousands): the first Intl.NumberFormat of a process
  // costs ~11 ms of ICU start-up, paid again by every sandbox.
  const scale = 10 ** digits;
  const scaled = Math.round(Math.abs(ms) * scale / 1000);
  const whole = String(Math.floor(scaled / scale))
    .replace(/\B(?=(\d{3})+$)/g, lang === "fr" ? "\u202f" : ",");
  const fraction = digits > 0 ? String(scaled % scale).padStart(digits, "0") : "";
  const sign = ms < 0 ? "-" : "";
  return `${sign}${whole}${fraction ? (lang === "fr" ? "," : ".") + fraction : ""} s`;
}
