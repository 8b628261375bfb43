/**
 * What the sandbox's import map puts in place of the modules learner code may
 * not load (`node:v8`, `node:inspector`, `node:vm`…, see `REFUSED_MODULES` in
 * `_harden.ts`): importing it throws. The refused module's name is the query
 * of this module's URL (`…/_refused.ts?v8`).
 *
 * @module
 */

/** The error a refused import throws (the child turns it into a catalog message). */
export class ModuleRefused extends Error {
  /** Makes one. */
  constructor(name: string) {
    super(`node:${name} cannot be used in the grader's sandbox`);
    this.name = "ModuleRefused";
  }
}

throw new ModuleRefused(decodeURIComponent(new URL(import.meta.url).search.slice(1)));
