/**
 * The few file checks the grader's command lines make before any sandbox
 * starts, on Deno's own calls: importing `node:fs` costs a grading process
 * about 12 ms of CPU at start-up, before the first sandbox can begin.
 *
 * @module
 */
import { dirname } from "node:path";

/** Whether `path` exists (links followed), like `node:fs`'s `existsSync`. */
export function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether `path` is a folder (links followed); `false` when it cannot be read. */
export function isFolder(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false;
  }
}

/** Removes `path` and what it holds, if it is there (`rmSync(path, { recursive, force })`). */
export function removeAll(path: string): void {
  try {
    Deno.removeSync(path, { recursive: true });
  } catch { /* not there */ }
}

/**
 * Writes `text` to `path` (making its folder) so that a reader sees the
 * whole file or none: another grader may write the same file at the same
 * time, and a rename is atomic.
 */
export function writeAtomically(path: string, text: string): void {
  Deno.mkdirSync(dirname(path), { recursive: true });
  const part = `${path}.${Deno.pid}.part`;
  Deno.writeTextFileSync(part, text);
  Deno.renameSync(part, path);
}

/** The first `bytes` bytes of `text`'s SHA-256, in hexadecimal (Web Crypto: no Node module). */
export async function hexDigest(text: string, bytes: number): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, bytes), (b) => b.toString(16).padStart(2, "0"))
    .join("");
}
