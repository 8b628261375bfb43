import assert from "node:assert/strict";
import { Random } from "./_random.ts";

/**
 * Values drawn by CPython 3.11's `random.Random(seed)`, generated with this script:
 *
 * ```python
 * import json, random
 * seeds = [0, 1, 42, 444, 2**32 + 5, 123456789, -7, 2**53 - 1]
 * for s in seeds:
 *     r = random.Random(s)
 *     random_ = [r.random() for _ in range(5)]
 *     uniform = [r.uniform(0.5, 2.0) for _ in range(5)]
 *     randint_0_10 = [r.randint(0, 10) for _ in range(10)]
 *     randint_1_1 = [r.randint(1, 1) for _ in range(2)]
 *     randint_neg = [r.randint(-1000, 1000) for _ in range(5)]
 *     randint_big = [r.randint(0, 2**40) for _ in range(3)]
 *     randint_huge = [r.randint(-(2**51), 2**51) for _ in range(3)]
 *     after_draws_random = r.random()
 * r = random.Random(444); [r.random() for _ in range(999)]; long_next = r.random()
 * ```
 */
const PYTHON = {
  "cases": [{
    "seed": 0,
    "random": [
      0.8444218515250481,
      0.7579544029403025,
      0.420571580830845,
      0.25891675029296335,
      0.5112747213686085,
    ],
    "uniform": [
      1.1074012061756213,
      1.675697883552159,
      0.9549690891183912,
      1.2148954312285336,
      1.3750730591825469,
    ],
    "randint_0_10": [3, 8, 2, 4, 2, 1, 9, 4, 8, 9],
    "randint_1_1": [1, 1],
    "randint_neg": [-798, 494, -849, 840, 741],
    "randint_big": [728787161642, 777821588980, 693354488482],
    "randint_huge": [-410028016461892, 1735628397826054, -1690837311316029],
    "after_draws_random": 0.8050278270130223,
  }, {
    "seed": 1,
    "random": [
      0.13436424411240122,
      0.8474337369372327,
      0.763774618976614,
      0.2550690257394217,
      0.49543508709194095,
    ],
    "uniform": [
      1.1742365971831072,
      1.4773894590841445,
      1.6830850267032698,
      0.6407893801613523,
      0.5425212147830094,
    ],
    "randint_0_10": [6, 6, 9, 0, 7, 4, 3, 9, 1, 5],
    "randint_1_1": [1, 1],
    "randint_neg": [-948, 330, 108, -982, 923],
    "randint_big": [841303493337, 475394828281, 931874933826],
    "randint_huge": [-1990224597911072, -254977057310532, 1692340653779087],
    "after_draws_random": 0.9391670189485866,
  }, {
    "seed": 42,
    "random": [
      0.6394267984578837,
      0.025010755222666936,
      0.27502931836911926,
      0.22321073814882275,
      0.7364712141640124,
    ],
    "uniform": [
      1.515049231134367,
      1.8382693515572681,
      0.6304082489441243,
      1.1328827295279056,
      0.5446958291571056,
    ],
    "randint_0_10": [3, 3, 8, 9, 0, 8, 3, 10, 8, 6],
    "randint_1_1": [1, 1],
    "randint_neg": [206, -431, 657, 780, -987],
    "randint_big": [749139424529, 340495864713, 742013557230],
    "randint_huge": [-1416419645688851, -1380658555196803, 1157738165669025],
    "after_draws_random": 0.07880019807845817,
  }, {
    "seed": 444,
    "random": [
      0.3088946587429545,
      0.01323751590501987,
      0.4844375347808497,
      0.8614799253779063,
      0.7426396870165088,
    ],
    "uniform": [
      1.4507987041176602,
      1.1629336239273738,
      0.9670826550037255,
      0.6113318623507209,
      1.3695189206923772,
    ],
    "randint_0_10": [3, 9, 7, 10, 0, 1, 0, 1, 9, 0],
    "randint_1_1": [1, 1],
    "randint_neg": [55, -684, -288, -316, 535],
    "randint_big": [455511955692, 175207382660, 873356016048],
    "randint_huge": [773092520929501, 1812706756270649, 1496933055418379],
    "after_draws_random": 0.7316685508962407,
  }, {
    "seed": 4294967301,
    "random": [
      0.15727238718789782,
      0.2824866316461999,
      0.6044540318498407,
      0.014523449205355199,
      0.6277755437144577,
    ],
    "uniform": [
      1.6664055059015712,
      1.8934209364543617,
      1.494309477217124,
      1.2436612106522187,
      1.031656037304099,
    ],
    "randint_0_10": [3, 5, 10, 10, 3, 8, 2, 6, 7, 9],
    "randint_1_1": [1, 1],
    "randint_neg": [32, 897, -965, 876, 291],
    "randint_big": [812237452372, 629742851400, 665164069666],
    "randint_huge": [-2052507188505073, -169777513801444, -731725576124111],
    "after_draws_random": 0.6013170474037292,
  }, {
    "seed": 123456789,
    "random": [
      0.6414006161858726,
      0.5421892680969495,
      0.9931750662832721,
      0.8432521366869166,
      0.8117339283379406,
    ],
    "uniform": [
      1.0957605651170006,
      1.9056426618680637,
      1.5336539797487243,
      1.0956657327889756,
      1.0265377886345672,
    ],
    "randint_0_10": [6, 7, 8, 3, 10, 9, 0, 4, 9, 2],
    "randint_1_1": [1, 1],
    "randint_neg": [514, 761, -357, 686, 390],
    "randint_big": [197334857126, 688415062081, 97826987096],
    "randint_huge": [-2113498198150840, -2052302594604711, 1764528496007027],
    "after_draws_random": 0.9470527052728704,
  }, {
    "seed": -7,
    "random": [
      0.32383276483316237,
      0.15084917392450192,
      0.6509344730398537,
      0.07243628666754276,
      0.5358820043066892,
    ],
    "uniform": [
      1.0485333753688784,
      0.5869983871620602,
      1.2611535997841303,
      0.5562434876629774,
      1.150468525493579,
    ],
    "randint_0_10": [1, 3, 1, 8, 6, 0, 9, 1, 3, 10],
    "randint_1_1": [1, 1],
    "randint_neg": [-899, 999, -548, -905, 140],
    "randint_big": [295744870091, 920366863766, 224114513291],
    "randint_huge": [-559605724752569, -1374224726527485, 2219502544205279],
    "after_draws_random": 0.6803999731817859,
  }, {
    "seed": 9007199254740991,
    "random": [
      0.09425040007102303,
      0.22287455761867403,
      0.19135148760372034,
      0.14744912919638153,
      0.09689391420431037,
    ],
    "uniform": [
      1.2211725612895712,
      0.5523683794069714,
      1.1272974987145714,
      0.9810009329738165,
      1.6776765109300027,
    ],
    "randint_0_10": [8, 2, 5, 9, 3, 3, 2, 8, 8, 3],
    "randint_1_1": [1, 1],
    "randint_neg": [-678, 667, -300, -203, -199],
    "randint_big": [266407822275, 212767682226, 747833039552],
    "randint_huge": [1910439040518221, -578948179685300, 395077582380552],
    "after_draws_random": 0.16313291610262093,
  }],
  "long": { "seed": 444, "draws": 999, "next": 0.12804818795524242 },
} as const;

for (const c of PYTHON.cases) {
  Deno.test(`Random(${c.seed}) draws the same sequence as CPython`, () => {
    const r = new Random(c.seed);
    assert.deepEqual(Array.from({ length: 5 }, () => r.random()), c.random);
    assert.deepEqual(Array.from({ length: 5 }, () => r.uniform(0.5, 2.0)), c.uniform);
    assert.deepEqual(Array.from({ length: 10 }, () => r.randint(0, 10)), c.randint_0_10);
    assert.deepEqual(Array.from({ length: 2 }, () => r.randint(1, 1)), c.randint_1_1);
    assert.deepEqual(Array.from({ length: 5 }, () => r.randint(-1000, 1000)), c.randint_neg);
    assert.deepEqual(Array.from({ length: 3 }, () => r.randint(0, 2 ** 40)), c.randint_big);
    assert.deepEqual(
      Array.from({ length: 3 }, () => r.randint(-(2 ** 51), 2 ** 51)),
      c.randint_huge,
    );
    assert.equal(r.random(), c.after_draws_random);
  });
}

Deno.test("Random.random() still matches CPython after the state is regenerated", () => {
  const r = new Random(PYTHON.long.seed);
  for (let i = 0; i < PYTHON.long.draws; i++) r.random();
  assert.equal(r.random(), PYTHON.long.next);
});

Deno.test("Random.seed() restarts the sequence", () => {
  const r = new Random(1);
  const first = [r.random(), r.random()];
  r.seed(1);
  assert.deepEqual([r.random(), r.random()], first);
  r.seed(444);
  assert.equal(r.randint(0, 10), 4);
});

Deno.test("Random without a seed still draws floats in [0, 1)", () => {
  const r = new Random();
  for (let i = 0; i < 100; i++) {
    const x = r.random();
    assert.ok(x >= 0 && x < 1);
  }
});

Deno.test("Random.randint() rejects a range that is not one", () => {
  const r = new Random(0);
  assert.throws(() => r.randint(5, 1), RangeError);
  assert.throws(() => r.randint(0.5, 2), RangeError);
  assert.throws(() => new Random(1.5), RangeError);
});
