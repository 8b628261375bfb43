/**
 * Lesson 01 — sync vs async: one worker, many waits.
 *
 * A chess master plays 24 opponents. She can finish one game before starting
 * the next, or walk from board to board playing one move at each while the
 * opponents think. Then the same idea in code: `count()` prints, waits one
 * second, prints, waits again — three times in a row, then three at once.
 *
 * Run it: `deno run lessons/01_sync_vs_async.ts` (or `deno task lesson 1`).
 *
 * @module
 */

import { lane } from "./_lanes.ts";
import { type Lang, lessonLang } from "./_i18n.ts";
import { TEXT } from "./text/01_sync_vs_async.ts";

/** Resolves after `ms` milliseconds without blocking anything else. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The exhibition, in seconds. */
const BOARDS = 24;
const HER_MOVE = 5; // she needs 5 s per move
const THEIR_MOVE = 55; // each opponent thinks 55 s
const MOVE_PAIRS = 30; // a game lasts 30 of her moves and 30 of theirs

/**
 * Plays the exhibition on paper: one game after another, then one move per
 * board per round. Returns both durations in seconds.
 */
export function exhibition(): { oneByOne: number; roundRobin: number } {
  // One game at a time: she waits for every answer at the board.
  const oneByOne = BOARDS * MOVE_PAIRS * (HER_MOVE + THEIR_MOVE);
  // Round robin: she plays a move, walks on; she is back when the opponent has answered.
  let clock = 0;
  const answerReady = new Array<number>(BOARDS).fill(0);
  for (let round = 0; round < MOVE_PAIRS; round++) {
    for (let board = 0; board < BOARDS; board++) {
      clock = Math.max(clock, answerReady[board]) + HER_MOVE;
      answerReady[board] = clock + THEIR_MOVE;
    }
  }
  const roundRobin = Math.max(clock, ...answerReady);
  return { oneByOne, roundRobin };
}

/** Prints "One", waits 1 s, prints "Two", waits 1 s. */
export async function count(lang: Lang = lessonLang()): Promise<void> {
  console.log(TEXT[lang].one);
  await sleep(1000);
  console.log(TEXT[lang].two);
  await sleep(1000);
}

/** Options of {@linkcode main}. */
export interface SyncVsAsyncOptions {
  /** Language of the output (default: `--lang`, else the locale). */
  lang?: Lang;
}

/** Runs the lesson. */
export async function main(options: SyncVsAsyncOptions = {}): Promise<void> {
  const lang = options.lang ?? lessonLang();
  const t = TEXT[lang];
  console.log(t.chessTitle);
  const { oneByOne, roundRobin } = exhibition();
  console.log(t.setup(BOARDS, MOVE_PAIRS, HER_MOVE, THEIR_MOVE));
  console.log(t.oneByOne(oneByOne));
  console.log(t.roundRobin(roundRobin));
  console.log(t.chessOutro);

  // (lane() only names each call for `deno task lesson 1 --timeline`.)
  console.log(`\n${t.seqTitle}`);
  let start = performance.now();
  for (let i = 1; i <= 3; i++) {
    await lane(t.seqLane(i), () => count(lang)); // wait for this call to finish before the next
  }
  let elapsed = (performance.now() - start) / 1000;
  console.log(t.seqTotal(elapsed));

  console.log(`\n${t.allTitle}`);
  start = performance.now();
  // Start all three, then wait for all.
  await Promise.all([1, 2, 3].map((i) => lane(t.allLane(i), () => count(lang))));
  elapsed = (performance.now() - start) / 1000;
  console.log(t.allTotal(elapsed));

  console.log(`\n${t.outro}`);
}

if (import.meta.main) await main();
