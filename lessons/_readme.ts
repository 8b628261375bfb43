/**
 * Keeps the drawn timelines in `lessons/README.md` and `README.fr.md` in step
 * with the lessons. Each drawing sits between
 * `<!-- timeline NN -->` and `<!-- /timeline -->`; this script runs lesson NN
 * with `--timeline` (80 columns, Unicode, no colour) in a subprocess and puts
 * the drawing there.
 *
 * - `deno run --allow-read --allow-run lessons/_readme.ts` exits 1 and names
 *   the stale drawings (the lesson tests run it);
 * - add `--write` (and `--allow-write=lessons`) to rewrite them.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

/** The README files and their language. */
export const READMES = [["README.md", "en"], ["README.fr.md", "fr"]] as const;

const BLOCK = /(<!-- timeline (\d\d) -->\n)[\s\S]*?(<!-- \/timeline -->)/g;

/** Draws lesson `nn` in `lang` as the README shows it (a fenced text block). */
async function drawing(nn: string, lang: string): Promise<string> {
  const files = [...Deno.readDirSync(new URL("./", import.meta.url))].map((e) => e.name);
  const file = files.find((f) => f.startsWith(`${nn}_`) && f.endsWith(".ts"));
  if (file === undefined) throw new Error(`No lesson ${nn}`);
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      "--allow-read",
      fileURLToPath(new URL("./_draw.ts", import.meta.url)),
      file,
      lang,
      "80",
      "false",
      "false",
    ],
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (code !== 0) throw new Error(new TextDecoder().decode(stderr));
  const { lines } = JSON.parse(new TextDecoder().decode(stdout)) as { lines: string[] };
  return "```text\n" + lines.join("\n") + "\n```\n";
}

/**
 * Returns each README's text with fresh drawings.
 *
 * @returns `[file name, current text, fresh text]` for each README.
 */
export async function refresh(): Promise<[string, string, string][]> {
  const out: [string, string, string][] = [];
  for (const [name, lang] of READMES) {
    const path = new URL(`./${name}`, import.meta.url);
    const text = await Deno.readTextFile(path);
    const blocks = [...text.matchAll(BLOCK)];
    const drawn = await Promise.all(blocks.map((m) => drawing(m[2], lang)));
    let i = 0;
    const fresh = text.replace(BLOCK, (_, open, _nn, close) => `${open}${drawn[i++]}${close}`);
    out.push([name, text, fresh]);
  }
  return out;
}

if (import.meta.main) {
  const write = Deno.args.includes("--write");
  let stale = 0;
  for (const [name, text, fresh] of await refresh()) {
    if (text === fresh) continue;
    if (write) {
      await Deno.writeTextFile(new URL(`./${name}`, import.meta.url), fresh);
      console.log(`lessons/${name}: drawings updated`);
    } else {
      console.error(`lessons/${name}: drawings out of date (run lessons/_readme.ts --write)`);
      stale++;
    }
  }
  if (stale > 0) Deno.exit(1);
}
