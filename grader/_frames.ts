/**
 * The parent's reading of a sandbox's frames: every frame is untrusted (the
 * child shares its realm with learner code). A frame is kept only when it
 * matches the schema of `Frame` in `child.ts` exactly; of it, only the known
 * fields are copied, each of its declared type, texts and lists cut to size.
 * Nothing learner code added to a frame (an extra field, a 300 000-level
 * nested object) goes further than this module.
 *
 * Pure functions; never touches the virtual clock.
 *
 * @module
 */
import type { CheckResult, TimelineSpan } from "./check.ts";
import type { LogLine } from "./clock.ts";
import type { Frame } from "./_protocol.ts";
import { MAX_UNTRUSTED } from "./_untrusted.ts";

/** The longest frame line read, in characters (a result frame is a few KiB). */
export const MAX_FRAME_CHARS = 2 * 1024 * 1024;
/** Check indexes accepted (an exercise has a few dozen checks at most). */
const MAX_INDEX = 1000;
/** Spans of a timeline kept per result. */
const MAX_SPANS = 200;
/** Log lines kept per `done` frame. */
const MAX_LOGS = 200;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined =>
  typeof v === "number" && Number.isFinite(v) ? v : undefined;
const text = (v: unknown, max = MAX_UNTRUSTED): string | undefined =>
  typeof v === "string" ? (v.length > max ? v.slice(0, max + 1) : v) : undefined;
/** A string, `null`, or `undefined` when it is neither (the frame is then refused). */
const textOrNull = (v: unknown): string | null | undefined => (v === null ? null : text(v));
const numOrNull = (v: unknown): number | null | undefined => (v === null ? null : num(v));
const index = (v: unknown): number | undefined =>
  Number.isInteger(v) && (v as number) >= 0 && (v as number) < MAX_INDEX ? v as number : undefined;

/** Timeline marks and forgotten timers kept per result. */
const MAX_MARKS = 50;
const MARK_KINDS = ["deadline", "expected", "call", "print"] as const;

const OUTCOMES = ["ok", "timeout", "aborted", "error", "pending"] as const;
const STATUSES = ["pass", "fail", "error"] as const;
const LOAD_KINDS = ["load", "syntax", "exit", "never-ends"] as const;
const LEVELS = ["log", "info", "warn", "error", "debug"] as const;

function oneOf<T extends string>(list: readonly T[], v: unknown): T | undefined {
  return (list as readonly unknown[]).includes(v) ? v as T : undefined;
}

function span(v: unknown): TimelineSpan | undefined {
  if (!isObj(v)) return undefined;
  const label = text(v.label, 100);
  const start = num(v.start);
  const end = numOrNull(v.end);
  const outcome = oneOf(OUTCOMES, v.outcome);
  if (label === undefined || start === undefined || end === undefined || !outcome) {
    return undefined;
  }
  return { label, start, end, outcome };
}

/** The optional `marks` and `pendingTimers` of a result: well-formed items only. */
function extras(v: Obj): Pick<CheckResult, "marks" | "pendingTimers"> {
  const out: Pick<CheckResult, "marks" | "pendingTimers"> = {};
  if (Array.isArray(v.marks)) {
    const marks = v.marks.slice(0, MAX_MARKS).flatMap((m) => {
      if (!isObj(m)) return [];
      const at = num(m.at), label = text(m.label, 100), kind = oneOf(MARK_KINDS, m.kind);
      return at === undefined || label === undefined || !kind ? [] : [{ at, label, kind }];
    });
    if (marks.length > 0) out.marks = marks;
  }
  if (Array.isArray(v.pendingTimers)) {
    const timers = v.pendingTimers.slice(0, MAX_MARKS).flatMap((t) => {
      if (!isObj(t)) return [];
      const start = num(t.start), due = num(t.due);
      return start === undefined || due === undefined ? [] : [{ start, due }];
    });
    if (timers.length > 0) out.pendingTimers = timers;
  }
  return out;
}

/** A check result made only of the declared fields, or `undefined`. */
export function readResult(v: unknown): CheckResult | undefined {
  if (!isObj(v) || !Array.isArray(v.timeline)) return undefined;
  const timeline: TimelineSpan[] = [];
  for (const s of v.timeline.slice(0, MAX_SPANS)) {
    const ok = span(s);
    if (!ok) return undefined;
    timeline.push(ok);
  }
  const r = {
    id: text(v.id, 200),
    title: text(v.title, 500),
    points: num(v.points),
    score: num(v.score),
    status: oneOf(STATUSES, v.status),
    message: textOrNull(v.message),
    hint: textOrNull(v.hint),
    expected: textOrNull(v.expected),
    actual: textOrNull(v.actual),
    timeline,
    tookMs: numOrNull(v.tookMs),
    expectedMs: numOrNull(v.expectedMs),
    todo: typeof v.todo === "boolean" ? v.todo : undefined,
  };
  for (const value of Object.values(r)) if (value === undefined) return undefined;
  return { ...r, ...extras(v) } as CheckResult;
}

function logLine(v: unknown): LogLine | undefined {
  if (!isObj(v)) return undefined;
  const at = num(v.at);
  const level = oneOf(LEVELS, v.level);
  const t = text(v.text);
  return at === undefined || !level || t === undefined ? undefined : { at, level, text: t };
}

/**
 * A frame rebuilt from its JSON text, with only what the schema declares, or
 * `null` when the text is too long, not JSON, or off the schema.
 */
export function readFrame(json: string): Frame | null {
  if (json.length > MAX_FRAME_CHARS) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObj(v)) return null;
  switch (v.type) {
    case "exercise": {
      const i = index(v.index);
      return i !== undefined ? { type: "exercise", index: i } : null;
    }
    case "loaded":
      return { type: "loaded" };
    case "load-error": {
      const kind = oneOf(LOAD_KINDS, v.kind);
      const message = text(v.message);
      return kind && message !== undefined ? { type: "load-error", kind, message } : null;
    }
    case "start": {
      const i = index(v.index);
      const id = text(v.id, 200);
      return i !== undefined && id !== undefined ? { type: "start", index: i, id } : null;
    }
    case "result": {
      const i = index(v.index);
      const result = readResult(v.result);
      return i !== undefined && result ? { type: "result", index: i, result } : null;
    }
    case "done": {
      if (!Array.isArray(v.logs)) return null;
      const logs: LogLine[] = [];
      for (const line of v.logs.slice(0, MAX_LOGS)) {
        const ok = logLine(line);
        if (!ok) return null;
        logs.push(ok);
      }
      return { type: "done", logs };
    }
    default:
      return null;
  }
}
