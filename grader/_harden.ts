/**
 * Hardening of the sandbox's realm before learner code loads: the exits are
 * turned into errors the grader can see, and the built-ins the checks rely on
 * are frozen so learner code cannot rewrite them to fool a check.
 *
 * @module
 */

/** Thrown in place of exiting when learner code calls `Deno.exit`. */
export class ExitAttempt extends Error {
  /** The exit code asked for. */
  readonly code: number;
  /** Makes one. */
  constructor(code: number) {
    super(`Cannot exit: the grader is running this code (exit code ${code})`);
    this.name = "ExitAttempt";
    this.code = code;
  }
}

/** Exit codes learner code asked for, in order. */
export const exitAttempts: number[] = [];

/** Replaces `Deno.exit`, `process.exit` and `close()` with functions that throw {@linkcode ExitAttempt}. */
export async function trapExits(): Promise<void> {
  const trap = (code?: number): never => {
    const n = typeof code === "number" ? code : 0;
    exitAttempts.push(n);
    throw new ExitAttempt(n);
  };
  Object.defineProperty(Deno, "exit", { value: trap, writable: false, configurable: false });
  const { default: process } = await import("node:process");
  for (const name of ["exit", "reallyExit", "abort"]) {
    if (name in process) {
      Object.defineProperty(process, name, { value: trap, writable: false, configurable: false });
    }
  }
  Object.defineProperty(globalThis, "close", { value: trap, writable: false, configurable: false });
}

/**
 * Freezes the intrinsics the grader's checks use (Object, Array, Function,
 * Promise, JSON, Math, String, Number, Map, Set, iterators, Reflect, typed
 * arrays…) so that learner code cannot redefine `Array.prototype.every` or
 * `JSON.stringify` to make a failing check pass. Error prototypes stay open: learners set
 * `error.name` on their own errors.
 */
export function freezeIntrinsics(): void {
  const iterProto = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  const asyncIterProto = Object.getPrototypeOf(
    Object.getPrototypeOf(Object.getPrototypeOf((async function* () {})())),
  );
  const roots: unknown[] = [
    Object,
    Object.prototype,
    Array,
    Array.prototype,
    Object.getPrototypeOf([][Symbol.iterator]()),
    iterProto,
    asyncIterProto,
    Function.prototype,
    Promise,
    Promise.prototype,
    JSON,
    Math,
    Reflect,
    String,
    String.prototype,
    Number,
    Number.prototype,
    Boolean.prototype,
    Symbol,
    Symbol.prototype,
    Map,
    Map.prototype,
    Set,
    Set.prototype,
    WeakMap.prototype,
    WeakSet.prototype,
    RegExp.prototype,
    // The bytes the sandbox reports through: a redefined `subarray` or
    // `length` would read the nonce off a frame or rewrite it.
    Object.getPrototypeOf(Uint8Array),
    Object.getPrototypeOf(Uint8Array.prototype),
    Uint8Array,
    Uint8Array.prototype,
    ArrayBuffer,
    ArrayBuffer.prototype,
    // How an unhandled rejection or exception reaches the grader's listeners:
    // a redefined `dispatchEvent` or `preventDefault` would let it end the
    // sandbox instead.
    EventTarget.prototype,
    Event.prototype,
    ErrorEvent.prototype,
    PromiseRejectionEvent.prototype,
  ];
  for (const root of roots) Object.freeze(root);
}

/**
 * The globals the grader relies on once learner code runs: the virtual
 * clock's timers, `Date` and `performance`, the console it captures, and the
 * built-ins its checks call. {@linkcode lockGlobals} makes each binding
 * read-only, so `globalThis.Promise = …` or `performance.now = …` throws a
 * `TypeError` in the learner's module instead of fooling a check.
 */
export const LOCKED_GLOBALS = [
  "setTimeout",
  "clearTimeout",
  "setInterval",
  "clearInterval",
  "setImmediate",
  "clearImmediate",
  "Date",
  "performance",
  "console",
  "Promise",
  "Object",
  "Array",
  "Function",
  "JSON",
  "Math",
  "Reflect",
  "String",
  "Number",
  "Boolean",
  "Symbol",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Error",
  "TypeError",
  "RangeError",
  "AbortController",
  "AbortSignal",
  "DOMException",
] as const;

/**
 * Makes the {@linkcode LOCKED_GLOBALS} bindings read-only, and freezes the
 * objects behind the virtual clock (`Date`, `performance`) and the console's
 * methods. Call it after the clock and the console capture are installed.
 */
export function lockGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const name of LOCKED_GLOBALS) {
    const desc = Object.getOwnPropertyDescriptor(globalThis, name);
    if (!desc || !desc.configurable) continue;
    Object.defineProperty(globalThis, name, {
      value: g[name],
      writable: false,
      enumerable: desc.enumerable,
      configurable: false,
    });
  }
  Object.freeze(Date);
  Object.freeze(Date.prototype);
  Object.freeze(performance);
  for (const level of ["log", "info", "warn", "error", "debug", "trace", "table", "dir"]) {
    const desc = Object.getOwnPropertyDescriptor(console, level);
    if (desc?.configurable) {
      Object.defineProperty(console, level, { ...desc, writable: false, configurable: false });
    }
  }
}

/**
 * The global a `TypeError` says learner code tried to replace
 * (`Cannot assign to read only property 'setTimeout' of object …`), or `null`.
 */
export function lockedGlobalIn(error: unknown): string | null {
  if (!(error instanceof TypeError)) return null;
  const m = /Cannot (?:assign to read only property|redefine property):? '?([\w$]+)'?/.exec(
    error.message,
  );
  if (!m || !m[1]) return null;
  // Date and performance are frozen: `now` is one of theirs.
  return m[1] === "now" ? "performance.now / Date.now" : m[1];
}

/**
 * The Node modules learner code may not load: each can look inside the
 * grader's own realm (a heap snapshot holds the result channel's nonce;
 * promise hooks see, and can rewrite, the checks' own results; an inspector
 * session or a `vm` context reaches every object) or around the sandbox
 * (`module`'s `createRequire` loads any of them past the import map). The
 * sandbox's import map sends each one, with or without `node:`, to
 * `_refused.ts`; {@linkcode closeIntrospection} refuses them to
 * `process.getBuiltinModule` too.
 */
export const REFUSED_MODULES: readonly string[] = [
  "v8",
  "inspector",
  "inspector/promises",
  "vm",
  "worker_threads",
  "async_hooks",
  "module",
  "trace_events",
  "repl",
  "wasi",
  "cluster",
  "child_process",
];

/**
 * The named exports of `node:process` (Deno 2.9.6; `tests/hardening_test.ts`
 * checks the list against the running Deno). A named export is bound when the
 * module loads, so redefining `process.getBuiltinModule` does not reach
 * `import { getBuiltinModule } from "node:process"`, which loaded every
 * {@linkcode REFUSED_MODULES} past the import map: the sandbox's import map
 * sends `node:process` to {@linkcode processModuleSource}'s module instead.
 */
export const PROCESS_EXPORTS: readonly string[] = [
  "abort",
  "allowedNodeEnvironmentFlags",
  "arch",
  "argv",
  "argv0",
  "availableMemory",
  "chdir",
  "constrainedMemory",
  "cpuUsage",
  "cwd",
  "dlopen",
  "emitWarning",
  "env",
  "execArgv",
  "execPath",
  "exit",
  "getActiveResourcesInfo",
  "getBuiltinModule",
  "getegid",
  "geteuid",
  "getgid",
  "getuid",
  "hrtime",
  "kill",
  "loadEnvFile",
  "memoryUsage",
  "nextTick",
  "pid",
  "platform",
  "ppid",
  "removeAllListeners",
  "removeListener",
  "report",
  "resourceUsage",
  "setegid",
  "seteuid",
  "setgid",
  "setuid",
  "stderr",
  "stdin",
  "stdout",
  "threadCpuUsage",
  "umask",
  "version",
  "versions",
];

/**
 * The `process` methods that exit or open a door: {@linkcode trapExits} and
 * {@linkcode closeIntrospection} redefine them on the process object.
 */
export const PROCESS_DOORS: readonly string[] = [
  "abort",
  "dlopen",
  "exit",
  "getBuiltinModule",
  "reallyExit",
  "binding",
  "_linkedBinding",
];

/**
 * The source of the sandbox's `node:process` (and `process`): the real
 * module's default export and named exports, as live re-exports, except the
 * {@linkcode PROCESS_DOORS}, which become functions that call the process
 * object's method when called, so that they are the hardened ones whenever
 * the module was first loaded. It must be loaded from where the import map
 * gives `node:process` its real module.
 */
export function processModuleSource(): string {
  const doors = PROCESS_DOORS.filter((name) => PROCESS_EXPORTS.includes(name));
  const plain = PROCESS_EXPORTS.filter((name) => !PROCESS_DOORS.includes(name));
  return [
    "// The sandbox's node:process: written by the grader (see PROCESS_EXPORTS in grader/_harden.ts).",
    'import process from "node:process";',
    "export default process;",
    `export { ${plain.join(", ")} } from "node:process";`,
    ...doors.map((name) =>
      `export function ${name}(...args) { return Reflect.apply(process.${name}, process, args); }`
    ),
    "",
  ].join("\n");
}

/**
 * The named exports of `node:timers` (Deno 2.9.6; `tests/hardening_test.ts`
 * checks the list against the running Deno). Deno binds them when the module
 * loads, from its own timers: the virtual clock replaces the functions on the
 * module's default export (`timers.setTimeout`), which the named ones never
 * see, so `import { setTimeout } from "node:timers"` waited for real, and a
 * correct solution written that way never finished in virtual time. The
 * sandbox's import map sends `node:timers` to {@linkcode timersModuleSource}'s
 * module instead.
 */
export const TIMERS_EXPORTS: readonly string[] = [
  "clearImmediate",
  "clearInterval",
  "clearTimeout",
  "promises",
  "setImmediate",
  "setInterval",
  "setTimeout",
];

/**
 * The named exports of `node:timers/promises` (Deno 2.9.6; checked like
 * {@linkcode TIMERS_EXPORTS}). The same holds for them once the bundle
 * loads `node:timers/promises` before the clock (see `withoutNodeModule` in
 * `_child_bundle.ts`): the import map sends it to
 * {@linkcode timersPromisesModuleSource}'s module.
 */
export const TIMERS_PROMISES_EXPORTS: readonly string[] = [
  "scheduler",
  "setImmediate",
  "setInterval",
  "setTimeout",
];

/**
 * The source of a module that stands for the built-in `specifier`: its
 * default export, and each of `names` taken from it when the module is first
 * loaded — in a sandbox, always after the clock is installed, so they are
 * the clock's. It must be loaded from where the import map gives
 * `specifier` its real module.
 */
function standInSource(specifier: string, names: readonly string[], list: string): string {
  return [
    `// The sandbox's ${specifier}: written by the grader (see ${list} in grader/_harden.ts).`,
    `import real from ${JSON.stringify(specifier)};`,
    "export default real;",
    `export const { ${names.join(", ")} } = real;`,
    "",
  ].join("\n");
}

/** The source of the sandbox's `node:timers` (see {@linkcode TIMERS_EXPORTS}). */
export function timersModuleSource(): string {
  return standInSource("node:timers", TIMERS_EXPORTS, "TIMERS_EXPORTS");
}

/** The source of the sandbox's `node:timers/promises` (see {@linkcode TIMERS_PROMISES_EXPORTS}). */
export function timersPromisesModuleSource(): string {
  return standInSource("node:timers/promises", TIMERS_PROMISES_EXPORTS, "TIMERS_PROMISES_EXPORTS");
}

/** The refused module a specifier names (`node:v8`, `v8`), or `null`. */
export function refusedModule(specifier: unknown): string | null {
  if (typeof specifier !== "string") return null;
  const name = specifier.startsWith("node:") ? specifier.slice(5) : specifier;
  return REFUSED_MODULES.includes(name) ? name : null;
}

/**
 * Closes the doors into the grader's realm that no permission guards, before
 * learner code loads: `Deno[Deno.internal]` (Deno's `core`: promise hooks,
 * the unhandled-rejection handler, promise details, raw ops), the
 * `nodeBootstrap` global, and `process.binding` / `_linkedBinding` /
 * `dlopen`; `process.getBuiltinModule` refuses the
 * {@linkcode REFUSED_MODULES}. Call it once the grader has taken what it
 * needs (after {@linkcode trapExits}).
 */
export async function closeIntrospection(): Promise<void> {
  const deno = Deno as unknown as Record<PropertyKey, unknown>;
  const internal = deno.internal as PropertyKey | undefined;
  if (internal !== undefined) {
    delete deno[internal];
    Object.defineProperty(Deno, internal, {
      value: undefined,
      writable: false,
      configurable: false,
    });
  }
  const g = globalThis as unknown as Record<string, unknown>;
  if ("nodeBootstrap" in g) {
    delete g.nodeBootstrap;
  }
  const { default: process } = await import("node:process");
  const p = process as unknown as Record<string, unknown>;
  const refuse = (name: string) => () => {
    throw new TypeError(`process.${name}() cannot be used in the grader's sandbox`);
  };
  for (const name of ["binding", "_linkedBinding", "dlopen"]) {
    Object.defineProperty(process, name, {
      value: refuse(name),
      writable: false,
      configurable: false,
    });
  }
  // Read now, though Deno loads `node:module` to make it (read lazily, it
  // saved 2–4 ms of a sandbox's start, but Deno then redefines the
  // `MessageChannel` global on its first call, which the realm's fingerprint
  // sees: a shared sandbox stopped after any exercise that called it).
  const original = p.getBuiltinModule as ((id: string) => unknown) | undefined;
  if (typeof original === "function") {
    const bound = original.bind(process);
    Object.defineProperty(process, "getBuiltinModule", {
      value: (id: string) => {
        const name = refusedModule(id);
        if (name !== null) {
          const error = new Error(`node:${name} cannot be used in the grader's sandbox`);
          error.name = "ModuleRefused";
          throw error;
        }
        return bound(id);
      },
      writable: false,
      configurable: false,
    });
  }
}

/**
 * Hides what the platform lets the grader hide of itself: `Deno.mainModule`
 * and `process.argv` name the learner's module instead of the sandbox's entry
 * point. (What
 * cannot be hidden is listed in the README's threat model: `Date.clock`,
 * the grader's frames in a stack trace, virtual time itself.) Returns the
 * function that names the next module, in a sandbox that runs several
 * exercises one after another.
 */
export async function hideGraderSigns(module: string): Promise<(module: string) => void> {
  let current = module;
  Object.defineProperty(Deno, "mainModule", {
    get: () => current,
    enumerable: true,
    configurable: false,
  });
  // `process.argv[1]` named the sandbox's entry point too.
  const { default: process } = await import("node:process");
  // The whole of `process.argv` is put back each time (learner code may have
  // rewritten `argv[0]` too).
  const argv0 = process.argv[0];
  const name = (next: string) => {
    current = next;
    let path = next;
    try {
      path = decodeURIComponent(new URL(next).pathname);
    } catch { /* keep the URL */ }
    process.argv.splice(0, process.argv.length, argv0, path);
  };
  name(module);
  return name;
}
