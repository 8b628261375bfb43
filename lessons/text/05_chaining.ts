/**
 * What lesson 05 prints, in English and French.
 *
 * @module
 */
import { type Lang, num } from "../_i18n.ts";

/** The English text: the catalog's shape. */
const EN = {
  fetchingUser: (id: number) => `User coro: fetching user by userId=${id}...`,
  fetchedUser: (id: number, s: number) =>
    `User coro: fetched user with userId=${id} (done in ${s.toFixed(1)}s).`,
  fetchingPosts: (name: string) => `Post coro: retrieving posts for ${name}...`,
  gotPosts: (n: number, name: string, s: number) =>
    `Post coro: got ${n} posts by ${name} (done in ${s.toFixed(1)}s):`,
  post: (i: number, name: string) => `Post ${i} by ${name}`,
  total: (s: number) => `==> Total time: ${s.toFixed(2)} seconds`,
  explain: (sum: number, slowest: string, user: number, posts: number, chain: number) =>
    `One call after another, the same six delays would add up to ${sum.toFixed(2)} seconds.\n` +
    `Run together, the total is the slowest chain's: ${slowest}, ${chain.toFixed(2)} seconds.\n` +
    `Two totals, then: ${sum.toFixed(2)} s is every wait laid end to end;\n` +
    `${chain.toFixed(2)} s is what the program took, because the three chains waited\n` +
    `at the same time. Inside a chain the posts still wait for the user:\n` +
    `${slowest} took ${user.toFixed(2)} s + ${posts.toFixed(2)} s = ${chain.toFixed(2)} s.`,
};

/** The catalog: the French text has the English one's shape. */
export const TEXT: Record<Lang, typeof EN> = {
  en: EN,
  fr: {
    fetchingUser: (id: number) => `Utilisateur : je demande l'utilisateur userId=${id}…`,
    fetchedUser: (id: number, s: number) =>
      `Utilisateur : userId=${id} reçu (en ${num(s, "fr", 1)} s).`,
    fetchingPosts: (name: string) => `Articles : je demande les articles de ${name}…`,
    gotPosts: (n: number, name: string, s: number) =>
      `Articles : ${n} articles de ${name} reçus (en ${num(s, "fr", 1)} s) :`,
    post: (i: number, name: string) => `Article ${i} de ${name}`,
    total: (s: number) => `==> Durée totale : ${num(s, "fr")} secondes`,
    explain: (sum: number, slowest: string, user: number, posts: number, chain: number) =>
      `Appel après appel, ces six attentes dureraient ${num(sum, "fr")} secondes.\n` +
      `Lancées ensemble, elles durent ce que dure la chaîne la plus lente :\n` +
      `${slowest}, ${num(chain, "fr")} secondes.\n` +
      `D'où deux totaux : ${num(sum, "fr")} s, c'est toutes les attentes mises bout à bout ;\n` +
      `${num(chain, "fr")} s, c'est ce qu'a pris le programme, car les trois chaînes\n` +
      `attendaient en même temps. Dans une chaîne, les articles attendent toujours\n` +
      `l'utilisateur : ${slowest} a pris ${num(user, "fr")} s + ${num(posts, "fr")} s = ` +
      `${num(chain, "fr")} s.`,
  },
};
