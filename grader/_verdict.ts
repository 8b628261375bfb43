/**
 * A check's verdict, apart from running it: the report's shape of a verdict
 * ({@linkcode checkResult}), the grader's own sentences ({@linkcode core}),
 * and the links between failures ({@linkcode linkConsequences}). The
 * grading process needs these and nothing that runs checks: this module
 * loads neither the clock nor its npm package (`check.ts` re-exports it).
 *
 * @module
 */
import type { Check, CheckResult, TimelineSpan } from "./check.ts";
import { type Lang, type Texts, texts } from "./i18n/mod.ts";
import { MESSAGES } from "./i18n/messages.ts";

/**
 * Both languages of a core message; a parameter that is a sentence in every
 * language (`ctx.sec(ms)`) gives each language its own side.
 */
export const core: Texts<(typeof MESSAGES)["en"]> = texts(MESSAGES);

/**
 * A check's verdict in the report's shape: `fields` given, the rest from the
 * check (points scored only on a pass; its hint unless `hint` says otherwise).
 */
export function checkResult(
  check: Check,
  lang: Lang,
  fields: Partial<CheckResult> & Pick<CheckResult, "status">,
): CheckResult {
  return {
    id: check.id,
    title: check.title[lang],
    points: check.points,
    score: fields.status === "pass" ? check.points : 0,
    status: fields.status,
    message: fields.message ?? null,
    hint: fields.status === "pass"
      ? null
      : fields.hint !== undefined
      ? fields.hint
      : check.hint[lang],
    expected: fields.expected ?? null,
    actual: fields.actual ?? null,
    timeline: fields.timeline ?? [],
    tookMs: fields.tookMs ?? null,
    expectedMs: fields.expectedMs ?? null,
    todo: fields.todo ?? false,
    ...(fields.status !== "pass" && check.lesson ? { lesson: check.lesson } : {}),
    ...(fields.marks && fields.marks.length > 0 ? { marks: fields.marks } : {}),
    ...(fields.pendingTimers && fields.pendingTimers.length > 0
      ? { pendingTimers: fields.pendingTimers }
      : {}),
  };
}

/**
 * Links each failed check to the failure that explains it (`consequenceOf`,
 * the root's id): (a) a check whose `dependsOn` names a check that failed in
 * the same run; (b) a failure whose message and timeline are those of an
 * earlier failed check. A consequence keeps its score (none) and its
 * observations; its hint goes, since it may point at code that is right.
 * Checks that could not run (`error`) are never linked. Returns new results.
 */
export function linkConsequences(
  results: readonly CheckResult[],
  checks: readonly Pick<Check, "id" | "dependsOn">[],
): CheckResult[] {
  const failed = (r: CheckResult | undefined) => r !== undefined && r.status === "fail";
  const byId = new Map(results.map((r) => [r.id, r]));
  const parent = new Map<string, string>();
  results.forEach((r, i) => {
    if (!failed(r)) return;
    // A same-message link that would lead back to this check (through a
    // dependency declared the other way) is not made: the declaration stands.
    // Declared dependencies that name each other leave both as roots (below).
    const leadsBack = (id: string): boolean => {
      const seen = new Set<string>();
      for (let at: string | undefined = id; at !== undefined; at = parent.get(at)) {
        if (at === r.id) return true;
        if (seen.has(at)) return false;
        seen.add(at);
      }
      return false;
    };
    const declared = checks.find((c) => c.id === r.id)?.dependsOn ?? [];
    const cause = declared.find((id) => id !== r.id && failed(byId.get(id)));
    if (cause !== undefined) {
      parent.set(r.id, cause);
      return;
    }
    const same = results.slice(0, i).find((earlier) =>
      failed(earlier) && earlier.message !== null && earlier.message === r.message &&
      sameTimeline(earlier.timeline, r.timeline) && !leadsBack(earlier.id)
    );
    if (same) parent.set(r.id, same.id);
  });
  const root = (id: string): string | undefined => {
    const seen = new Set([id]);
    let at = parent.get(id);
    while (at !== undefined && parent.has(at)) {
      if (seen.has(at)) return undefined; // a cycle: each stays its own root
      seen.add(at);
      at = parent.get(at);
    }
    return at === id ? undefined : at;
  };
  return results.map((r) => {
    const cause = parent.has(r.id) ? root(r.id) : undefined;
    if (cause === undefined) {
      const { consequenceOf: _drop, ...rest } = r;
      return rest;
    }
    return { ...r, hint: null, consequenceOf: cause };
  });
}

function sameTimeline(a: readonly TimelineSpan[], b: readonly TimelineSpan[]): boolean {
  return a.length === b.length &&
    a.every((s, i) =>
      s.label === b[i].label && s.start === b[i].start && s.end === b[i].end &&
      s.outcome === b[i].outcome
    );
}
