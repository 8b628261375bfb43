/**
 * The lessons' two languages: which one to print in, and numbers written the
 * way each language writes them. Needs no permission and no `deno.json`.
 *
 * @module
 */

/** A language the lessons print in. */
export type Lang = "en" | "fr";

/**
 * The language asked for: `--lang fr` (or `--lang=fr`) among `args`, else the
 * locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as Deno reports it in
 * `navigator.language`, without any permission), else English.
 */
export function lessonLang(args: readonly string[] = Deno.args): Lang {
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === "--lang" ? args[i + 1] : args[i].match(/^--lang=(.*)$/)?.[1];
    if (value !== undefined) return value.toLowerCase().startsWith("fr") ? "fr" : "en";
  }
  return navigator.language.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** `2.68` / `2,68`: a number with `digits` decimals, in `lang`. */
export function num(value: number, lang: Lang, digits = 2): string {
  const text = value.toFixed(digits);
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** `2.68 s` / `2,68 s`. */
export function sec(seconds: number, lang: Lang, digits = 2): string {
  return `${num(seconds, lang, digits)} s`;
}
