import assert from "node:assert/strict";
import { runInVirtualTime } from "./clock.ts";
import {
  EPS,
  learnerRandom,
  near,
  sameData,
  settleOr,
  show,
  showData,
  standInForRandom,
  track,
  wait,
} from "./toolkit.ts";

/** An object whose every way of being read is recorded. */
function watched() {
  const reads: string[] = [];
  const value = {
    list: ["a"],
    get secret() {
      reads.push("getter");
      return "changed";
    },
    toJSON() {
      reads.push("toJSON");
      return ["forged"];
    },
    toString() {
      reads.push("toString");
      return "forged";
    },
  };
  return { value, reads };
}

Deno.test("near() accepts EPS either way and no more", () => {
  assert.equal(EPS, 1);
  assert.ok(near(3000, 3001) && near(3001, 3000));
  assert.ok(!near(3000, 3001.5));
  assert.ok(near(3000, 3004, 5));
});

Deno.test("show() writes plain data as JSON.stringify does", () => {
  const values: unknown[] = [
    ["alice", "bob"],
    { url: "u", consumer: 1, value: [1, 2.5, null, true] },
    [undefined, () => 1, Symbol("s")],
    { skipped: undefined, kept: "x" },
    'a "quoted" line\n',
    NaN,
    -0,
    [[], {}],
  ];
  for (const v of values) assert.equal(show(v), JSON.stringify(v), String(JSON.stringify(v)));
  assert.equal(show(undefined), "undefined");
  assert.equal(show([, 1]), "[null,1]");
});

Deno.test("show() never runs the value's own code", () => {
  const { value, reads } = watched();
  assert.equal(show(value), '{"list":["a"],"secret":"[getter]"}');
  assert.deepEqual(reads, []);
  const trapped: string[] = [];
  const proxy = new Proxy({ a: 1 }, {
    get: (t, k) => (trapped.push(String(k)), Reflect.get(t, k)),
    ownKeys: (t) => (trapped.push("ownKeys"), Reflect.ownKeys(t)),
  });
  assert.equal(show({ inner: proxy }), '{"inner":"[Proxy]"}');
  assert.deepEqual(trapped, []);
});

Deno.test("show() survives cycles, bigints and long values", () => {
  const cyclic: Record<string, unknown> = { name: "loop" };
  cyclic.self = cyclic;
  assert.equal(show(cyclic), '{"name":"loop","self":"[Circular]"}');
  assert.equal(show(12n), "12");
  assert.equal(show({ n: 12n }), '{"n":12}');
  assert.equal(show("x".repeat(500), 300).length, 300);
  const shared = ["s"];
  assert.equal(show([shared, shared]), '[["s"],["s"]]');
});

Deno.test("sameData() compares data, in any field order", () => {
  assert.ok(sameData(["a", "b"], ["a", "b"]));
  assert.ok(!sameData(["a", "b"], ["b", "a"]));
  assert.ok(sameData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }));
  assert.ok(!sameData({ a: 1 }, { a: 1, b: 2 }));
  assert.ok(!sameData({ a: undefined }, {}));
  assert.ok(sameData(NaN, NaN));
  assert.ok(!sameData("1", 1));
  assert.ok(!sameData([1], { 0: 1 }));
  assert.ok(!sameData(null, {}));
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  assert.ok(sameData(cyclic, cyclic));
});

Deno.test("sameData() never runs the value's own code, so the answer cannot change after the run", () => {
  const { value, reads } = watched();
  assert.ok(!sameData(value, { list: ["a"], secret: "changed", toJSON: value.toJSON }));
  assert.ok(!sameData(value.toJSON(), value));
  reads.length = 0;
  const forged = { toJSON: () => ["a", "b"] };
  assert.ok(!sameData(forged, ["a", "b"]));
  const proxy = new Proxy(["a", "b"], {
    get: () => {
      throw new Error("trap ran");
    },
  });
  assert.ok(!sameData(proxy, ["a", "b"]));
  assert.ok(sameData(proxy, proxy), "a value is itself");
  assert.deepEqual(reads, []);
});

Deno.test("wait(), track() and settleOr() follow the virtual clock", async () => {
  const run = await runInVirtualTime(async () => {
    const fast = track(wait(200).then(() => "fast"));
    const failing = track(wait(300).then(() => Promise.reject(new Error("no"))));
    const never = track(new Promise<never>(() => {}));
    assert.deepEqual({ ...fast }, { done: false, at: -1 });
    await settleOr(1000, fast, failing);
    const early = performance.now();
    await settleOr(500, never);
    return { fast, failing, never, early, late: performance.now() };
  });
  assert.equal(run.status, "ok");
  const { fast, failing, never, early, late } = run.value!;
  assert.deepEqual({ ...fast }, { done: true, at: 200, value: "fast" });
  assert.equal(failing.at, 300);
  assert.equal((failing.error as Error).message, "no");
  assert.equal(never.done, false);
  assert.equal(early, 300);
  assert.equal(late, 800);
  assert.equal(Object.keys(fast).includes("promise"), false);
});

Deno.test("showData() leaves a failure field empty where JSON has nothing to write", () => {
  assert.equal(showData(undefined), undefined);
  assert.equal(showData(() => 1), undefined);
  assert.equal(showData(Symbol("s")), undefined);
  assert.equal(showData(["a", undefined]), '["a",null]');
  const { value, reads } = watched();
  assert.equal(showData(value), '{"list":["a"],"secret":"[getter]"}');
  assert.deepEqual(reads, []);
});

Deno.test("standInForRandom() speaks for learnerRandom() until it is reset", () => {
  let seeded = 0;
  const random = learnerRandom(() => ++seeded / 10);
  assert.equal(random(), 0.1);
  standInForRandom(() => 0.75);
  assert.deepEqual([random(), random()], [0.75, 0.75]);
  standInForRandom(null);
  assert.equal(random(), 0.2, "the seeded numbers go on where they stopped");
});
