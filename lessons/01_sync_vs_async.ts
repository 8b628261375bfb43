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

/** Resolves after `ms` milliseconds without blocking anything else. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The exhibition, in seconds. */
const BOARDS = 24;
const HER_MOVE = 5; // she needs 5 s per move
const THEIR_MOVE = 55; // each opponent thinks 55 s
const MOVE_PAIRS = 30; // a game lasts 30 of her moves and 30 of theirs

function hours(seconds: number): string {
  return `${(seconds / 3600).toFixed(1)} h`;
}

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
export async function count(): Promise<void> {
  console.log("One");
  await sleep(1000);
  console.log("Two");
  await sleep(1000);
}

/** Runs the lesson. */
export async function main(): Promise<void> {
  console.log("== The chess exhibition ==");
  const { oneByOne, roundRobin } = exhibition();
  console.log(
    `${BOARDS} boards, ${MOVE_PAIRS} moves each; she takes ${HER_MOVE} s a move, ` +
      `opponents ${THEIR_MOVE} s.`,
  );
  console.log(`One game after another (synchronous):  ${hours(oneByOne)}`);
  console.log(`One move per board per round (async):  ${hours(roundRobin)}`);
  console.log(
    "Still one player making one move at a time: she just never stands idle while someone thinks.",
  );

  console.log("\n== count() three times, one after another ==");
  let start = performance.now();
  for (let i = 0; i < 3; i++) {
    await count(); // wait for this call to finish before starting the next
  }
  let elapsed = (performance.now() - start) / 1000;
  console.log(`one after another: ${elapsed.toFixed(2)} seconds (3 calls x 2 s of waiting)`);

  console.log("\n== count() three times, all at once ==");
  start = performance.now();
  await Promise.all([count(), count(), count()]); // start all three, then wait for all
  elapsed = (performance.now() - start) / 1000;
  console.log(`all at once: ${elapsed.toFixed(2)} seconds (the waits overlap)`);

  console.log(
    "\nThe three calls shared a single thread. While one waited on its timer, the others ran." +
      "\nJavaScript has no blocking sleep like Python's time.sleep(): a waiting call always lets" +
      "\nthe rest of the program go on. Lesson 10 shows what happens when code blocks anyway.",
  );
}

if (import.meta.main) await main();
