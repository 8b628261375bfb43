/**
 * A submission is data: before anything of it runs, its regular files are
 * copied into a fresh temporary folder, and only that copy is graded (and
 * read by the grader afterwards). Nothing outside the copy is reachable from
 * it: it holds no link, device, FIFO or socket, however deep or wherever one
 * pointed; a submission that holds one is refused as a whole, with the
 * link's name (escaped) in the message, because a link is how a submission
 * borrows a classmate's files (`exercises -> ../classmate`, a link stored in
 * git to `/proc/self/cwd/fixtures/01_gather`, a link below any depth limit).
 *
 * Files only; never touches the virtual clock.
 *
 * @module
 */
import { join, relative, sep as SEP } from "node:path";
import type { Lang } from "./i18n/mod.ts";
import { core } from "./_verdict.ts";
import { untrusted } from "./_untrusted.ts";
import { newStageFolder } from "./_spawn.ts";
import { removeAll } from "./_fs.ts";

/** Entries of a submission looked at, at most. */
export const MAX_ENTRIES = 10_000;
/** Bytes copied, at most, for a whole submission. */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
/** Folder depth copied (deeper folders are left out: nothing there can be graded). */
export const MAX_DEPTH = 8;
/** A name the stage copies: printable, no path separator, not hidden. */
const SAFE_NAME = /^[\p{L}\p{N}_\- ][\p{L}\p{N}_.\- ()+@,]*$/u;

/** Staged copies not yet removed (the tests check none is left behind). */
export const liveStages: Set<string> = new Set();

/** A staged submission. */
export interface Staged {
  /** The folder holding the staged exercise files (inside {@linkcode Staged.root}). */
  dir: string;
  /** The temporary folder to remove afterwards (`null`: nothing was staged). */
  root: string | null;
  /** Why the submission is not run at all, or `null`. */
  refused: string | null;
  /** Regular files left out for their size: path relative to `dir` → bytes. */
  oversize: Map<string, number>;
  /** Removes the staged copy. */
  cleanup(): void;
}

/** The name of a refused entry, safe to print on one line. */
export function shownName(path: string): string {
  return untrusted(path.replace(/\r\n|\r|\n/g, "⏎"), 200);
}

function lstat(path: string): Deno.FileInfo | null {
  try {
    return Deno.lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Copies the regular files of a submission (`source`, or its `exercises/`
 * folder) into a fresh staging folder (`newStageFolder`), or into
 * `prepared`, one made beforehand (see `_early.ts`). Files bigger
 * than `maxFileBytes` are not copied, only recorded in {@linkcode Staged.oversize}.
 */
export function stageSubmission(
  source: string,
  lang: Lang,
  maxFileBytes: number,
  prepared: { root: string; dir: string } | null = null,
): Staged {
  const none = (refused: string | null): Staged => {
    // A folder made for it beforehand (see _early.ts) is not used.
    if (prepared !== null) removeAll(prepared.root);
    return { dir: source, root: null, refused, oversize: new Map(), cleanup: () => {} };
  };
  // The folder a teacher names is followed once; nothing inside it is.
  let top: Deno.FileInfo;
  try {
    top = Deno.statSync(source);
  } catch {
    return none(null); // no folder: each exercise reports its file as missing
  }
  if (!top.isDirectory) return none(null);
  let from = source;
  const nested = lstat(join(source, "exercises"));
  if (nested?.isSymlink) {
    return none(core("linkRefused", { file: shownName("exercises") })[lang]);
  }
  if (nested?.isDirectory) from = join(source, "exercises");
  const { root, dir } = prepared ?? newStageFolder();
  liveStages.add(root);
  const staged: Staged = {
    dir,
    root,
    refused: null,
    oversize: new Map(),
    cleanup: () => {
      removeAll(root);
      liveStages.delete(root);
    },
  };
  let seen = 0;
  let total = 0;
  const walk = (folder: string, depth: number): string | null => {
    for (const entry of Deno.readDirSync(folder)) {
      if (++seen > MAX_ENTRIES) return core("folderTooBig", { count: MAX_ENTRIES })[lang];
      const path = join(folder, entry.name);
      const rel = relative(from, path);
      // Hidden entries (.git, an editor's state) are left out unread.
      if (entry.name.startsWith(".")) continue;
      const info = lstat(path);
      if (info === null) continue;
      if (info.isSymlink || (!info.isFile && !info.isDirectory)) {
        return core("linkRefused", { file: shownName(rel) })[lang];
      }
      if (!SAFE_NAME.test(entry.name)) continue;
      const target = join(dir, rel);
      if (info.isDirectory) {
        if (depth >= MAX_DEPTH) continue;
        Deno.mkdirSync(target);
        const found = walk(path, depth + 1);
        if (found !== null) return found;
        continue;
      }
      if (info.size > maxFileBytes) {
        staged.oversize.set(rel.split(SEP).join("/"), info.size);
        continue;
      }
      total += info.size;
      if (total > MAX_TOTAL_BYTES) {
        return core("folderTooLarge", { size: `${MAX_TOTAL_BYTES / 1024 / 1024} MiB` })[lang];
      }
      // Read through a handle that must still be the regular file looked at
      // (a file swapped for a link or a FIFO in between is refused).
      const file = Deno.openSync(path, { read: true });
      try {
        const opened = file.statSync();
        if (!opened.isFile || opened.size > maxFileBytes) {
          return core("linkRefused", { file: shownName(rel) })[lang];
        }
        const bytes = new Uint8Array(opened.size);
        let offset = 0;
        while (offset < bytes.length) {
          const n = file.readSync(bytes.subarray(offset));
          if (n === null || n === 0) break;
          offset += n;
        }
        Deno.writeFileSync(target, bytes.subarray(0, offset));
      } finally {
        file.close();
      }
    }
    return null;
  };
  try {
    staged.refused = walk(from, 0);
  } catch {
    staged.refused = core("linkRefused", { file: shownName(relative(from, from) || ".") })[lang];
  }
  if (staged.refused !== null) {
    staged.cleanup();
    return { ...staged, root: null, cleanup: () => {} };
  }
  return staged;
}
