/**
 * What lesson 06 prints, in English and French.
 *
 * @module
 */
import { type Lang, num } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  title: "== A producer, three consumers, one queue ==",
  fetching: (id: number) => `Producer: fetching user by userId=${id}...`,
  fetched: (id: number, s: number) =>
    `Producer: fetched user with userId=${id} (done in ${s.toFixed(1)}s)`,
  retrieving: (name: string) => `Consumer: retrieving posts for ${name}...`,
  got: (n: number, name: string, s: number) =>
    `Consumer: got ${n} posts by ${name} (done in ${s.toFixed(1)}s):`,
  post: (i: number, name: string) => `Post ${i} by ${name}`,
  total: (s: number) => `==> Total time: ${s.toFixed(2)} seconds`,
  shared: "Same numbers as the chaining lesson, but the producer never heard of posts and the\n" +
    "consumers never heard of users being fetched: the queue is all they share.",
  streamTitle: "== The built-in queue: ReadableStream and backpressure ==",
  stamp: (s: number) => `[${s.toFixed(1)} s]`,
  enqueue: (n: number) => `producer: queue has room, enqueue item ${n}`,
  took: (n: number) => `consumer: took item ${n}, working 0.5 s on it`,
  streamOutro: "Never more than two items sat waiting for the slow consumer: a full queue\n" +
    "makes the producing side wait, like asyncio.Queue(maxsize=2).put() would.",
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    title: "== Un producteur, trois consommateurs, une file ==",
    fetching: (id: number) => `Producteur : je demande l'utilisateur userId=${id}…`,
    fetched: (id: number, s: number) => `Producteur : userId=${id} reçu (en ${num(s, "fr", 1)} s)`,
    retrieving: (name: string) => `Consommateur : je demande les articles de ${name}…`,
    got: (n: number, name: string, s: number) =>
      `Consommateur : ${n} articles de ${name} reçus (en ${num(s, "fr", 1)} s) :`,
    post: (i: number, name: string) => `Article ${i} de ${name}`,
    total: (s: number) => `==> Durée totale : ${num(s, "fr")} secondes`,
    shared:
      "Les mêmes nombres que dans la leçon sur l'enchaînement ; pourtant le producteur ignore\n" +
      "tout des articles, et les consommateurs ne savent pas d'où viennent les utilisateurs :\n" +
      "ils n'ont en commun que la file.",
    streamTitle: "== La file intégrée : ReadableStream et contre-pression ==",
    stamp: (s: number) => `[${num(s, "fr", 1)} s]`,
    enqueue: (n: number) => `producteur : il reste de la place, j'ajoute l'élément ${n}`,
    took: (n: number) => `consommateur : je prends l'élément ${n} et j'y travaille 0,5 s`,
    streamOutro:
      "Jamais plus de deux éléments n'ont attendu le consommateur trop lent : une file pleine\n" +
      "fait attendre le producteur, comme le ferait asyncio.Queue(maxsize=2).put().",
  },
};
