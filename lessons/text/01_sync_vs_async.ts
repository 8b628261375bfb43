/**
 * What lesson 01 prints, in English and French.
 *
 * @module
 */
import { type Lang, num } from "../_i18n.ts";

const hoursEn = (s: number) => `${(s / 3600).toFixed(1)} h`;
const hoursFr = (s: number) => `${num(s / 3600, "fr", 1)} h`;

/** The English text: the catalog's shape. */
const EN = {
  chessTitle: "== The chess exhibition ==",
  setup: (boards: number, moves: number, her: number, their: number) =>
    `${boards} boards, ${moves} moves each; she takes ${her} s a move, opponents ${their} s.`,
  oneByOne: (s: number) => `One game after another (synchronous):  ${hoursEn(s)}`,
  roundRobin: (s: number) => `One move per board per round (async):  ${hoursEn(s)}`,
  chessOutro:
    "Still one player making one move at a time: she just never stands idle while someone thinks.",
  one: "One",
  two: "Two",
  seqTitle: "== count() three times, one after another ==",
  seqLane: (i: number) => `in turn #${i}`,
  seqTotal: (s: number) => `one after another: ${s.toFixed(2)} seconds (3 calls x 2 s of waiting)`,
  allTitle: "== count() three times, all at once ==",
  allLane: (i: number) => `together #${i}`,
  allTotal: (s: number) => `all at once: ${s.toFixed(2)} seconds (the waits overlap)`,
  outro: "The three calls shared a single thread. While one waited on its timer, the others ran." +
    "\nJavaScript has no blocking sleep like Python's time.sleep(): a waiting call always lets" +
    "\nthe rest of the program go on. Lesson 10 shows what happens when code blocks anyway.",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    chessTitle: "== La partie d'échecs simultanée ==",
    setup: (boards: number, moves: number, her: number, their: number) =>
      `${boards} échiquiers, ${moves} coups chacun ; elle joue un coup en ${her} s, ` +
      `ses adversaires en ${their} s.`,
    oneByOne: (s: number) => `Une partie après l'autre (synchrone) :      ${hoursFr(s)}`,
    roundRobin: (s: number) => `Un coup par échiquier à chaque tour (async) : ${hoursFr(s)}`,
    chessOutro: "Elle reste seule et ne joue qu'un coup à la fois ; simplement, elle n'attend " +
      "jamais\nles bras croisés pendant qu'un adversaire réfléchit.",
    one: "Un",
    two: "Deux",
    seqTitle: "== count() trois fois, l'un après l'autre ==",
    seqLane: (i: number) => `à la suite n°${i}`,
    seqTotal: (s: number) =>
      `l'un après l'autre : ${num(s, "fr")} secondes (3 appels × 2 s d'attente)`,
    allTitle: "== count() trois fois, tous ensemble ==",
    allLane: (i: number) => `ensemble n°${i}`,
    allTotal: (s: number) =>
      `tous ensemble : ${num(s, "fr")} secondes (les attentes se chevauchent)`,
    outro: "Les trois appels se partageaient un seul fil d'exécution. Pendant que l'un attendait " +
      "son minuteur,\nles autres avançaient. JavaScript n'a pas d'attente bloquante comme " +
      "time.sleep() en Python :\nun appel qui attend laisse toujours le reste du programme " +
      "continuer. La leçon 10 montre\nce qui se passe quand du code bloque malgré tout.",
  },
};
