/**
 * Draws one lesson's timeline with a given screen and prints it as one JSON
 * line (private helper of the lesson tests and of `deno task lesson-readme`):
 * `{ lines, run, output }`, where `output` is what the lesson printed.
 *
 * Usage: `deno run --allow-read lessons/_draw.ts FILE LANG WIDTH ASCII COLOR`,
 * e.g. `lessons/_draw.ts 05_chaining.ts en 80 false false`.
 *
 * @module
 */
import { drawLesson } from "./run.ts";

const [file, lang, width, ascii, color] = Deno.args;
if (color === undefined || (lang !== "en" && lang !== "fr")) {
  console.error("usage: deno run --allow-read lessons/_draw.ts FILE en|fr WIDTH ASCII COLOR");
  Deno.exit(2);
}
const output: string[] = [];
const { lines, run } = await drawLesson(file, lang, {
  width: Number(width),
  ascii: ascii === "true",
  color: color === "true",
}, (text) => output.push(text));
console.log(JSON.stringify({ lines, run: { ...run, value: null }, output }));
