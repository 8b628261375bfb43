/**
 * Observed values in the code's words, at a precision that shows the
 * difference; and the engine's French.
 */
import assert from "node:assert/strict";
import { createContext, shapeOf } from "./check.ts";
import { sec, secDigits, secPair } from "./toolkit.ts";
import { MESSAGES } from "./i18n/messages.ts";
import { FEEDBACK } from "./i18n/feedback.ts";
import { renderTimeline } from "./timeline.ts";

Deno.test("secPair() shows a 30 ms lag in milliseconds, on both sides", () => {
  const p = secPair(2000, 2030);
  assert.deepEqual(p.expected, { en: "2.000 s", fr: "2,000 s" });
  assert.deepEqual(p.actual, { en: "2.030 s", fr: "2,030 s" });
  assert.equal(p.digits, 3);
  assert.deepEqual(p.gap, { en: "30 ms late", fr: "30 ms de retard" });
  assert.deepEqual(secPair(2000, 1950).gap, { en: "50 ms early", fr: "50 ms d'avance" });
});

Deno.test("secPair() keeps one precision per line, the fewest that writes every value", () => {
  // Not "expected 2.0 s · observed 2.500 s".
  const half = secPair(2000, 2500);
  assert.equal(half.expected.en, "2.0 s");
  assert.equal(half.actual.en, "2.5 s");
  assert.deepEqual(half.gap, { en: "500 ms late", fr: "500 ms de retard" });
  assert.equal(secPair(2000, 2150).actual.en, "2.15 s");
  assert.equal(secPair(2000, 2150).expected.en, "2.00 s");
  assert.equal(secPair(3000, 6000).gap?.en, "3.0 s late");
  assert.equal(secPair(3000, 3000).gap, null);
  assert.equal(secDigits([[1000, 1000]]), 1);
});

Deno.test("secPair() pairs lists item by item, in the order given, at one precision", () => {
  const p = secPair([1000, 2000, 3000], [1000, 2040, 3000]);
  assert.equal(p.expected.en, "1.000 s, 2.000 s, 3.000 s");
  assert.equal(p.actual.en, "1.000 s, 2.040 s, 3.000 s");
  // A comma is the French decimal point: items are set apart with " ; ".
  assert.equal(p.actual.fr, "1,000 s ; 2,040 s ; 3,000 s");
  assert.equal(p.gap, null, "no single gap for lists");
  assert.deepEqual(sec(2500), { en: "2.5 s", fr: "2,5 s" });
});

Deno.test("shapeOf() names what a value holds without running its code", () => {
  assert.equal(shapeOf([Promise.resolve(1), Promise.resolve(2)]), "[Promise, Promise]");
  assert.equal(shapeOf({ users: Promise.resolve([]), n: 3 }), "{ users: Promise, n: 3 }");
  let read = false;
  const trap = new Proxy({}, {
    get() {
      read = true;
      return 1;
    },
  });
  const getter = Object.defineProperty({}, "x", {
    get() {
      read = true;
      return 1;
    },
    enumerable: true,
  });
  assert.equal(shapeOf([trap, getter]), "[Proxy, { x: ? }]");
  assert.equal(read, false);
  assert.equal(shapeOf([1, 2, 3, 4, 5, 6]), "[1, 2, 3, 4, …]");
});

Deno.test("settle() says a value holds promises, in the code's words", async () => {
  const ctx = createContext({ lang: "en", exports: {}, random: () => 0.5 });
  const failure = await ctx.settle("runConcurrent(fetchers)", () => [
    Promise.resolve(1),
    Promise.resolve(2),
    Promise.resolve(3),
  ]).then(() => null, (error) => error);
  assert.ok(failure, "the check fails");
  assert.match(
    failure.text.en,
    /^`runConcurrent\(fetchers\)` gave back \[Promise, Promise, Promise\]: promises where values were expected: did you forget `await`/,
  );
  assert.match(failure.text.fr, /a renvoyé \[Promise, Promise, Promise\] : des promesses/);
  const single = await ctx.settle("f()", () => Promise.resolve(Promise.resolve(1)))
    .then(() => null, (error) => error);
  assert.equal(single, null, "an awaited promise is a value");
});

Deno.test("the engine's French: the words the issue asked for", () => {
  const fr = MESSAGES.fr, f = FEEDBACK.fr;
  assert.match(fr.deadlock({ name: "f()", at: "3,0 s" }), /aucun minuteur en attente/);
  assert.doesNotMatch(fr.runaway({ name: "f()", at: "3,0 s" }), /timer/);
  assert.equal(
    f.nextExercise({ file: "exercises/02_downloads.ts", n: "2", lang: "fr" }),
    "Bravo ! Passez à l'exercice 2 (exercises/02_downloads.ts), puis lancez `deno task grade 2 --lang fr`",
  );
  const [axis] = renderTimeline([{ label: "a", start: 0, end: 700, outcome: "ok" }], {
    width: 60,
    lang: "fr",
  });
  assert.match(axis, /0,2 s +0,4 s/);
  assert.doesNotMatch(axis, /\d,\ds/);
});
