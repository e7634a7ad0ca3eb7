// Answer redundancy ("voting"): news repeats a fact across articles, so the answer several
// articles give is more likely right than one only a single article gives. After a first scoring,
// each candidate sentence's probability (a softmax of the first scores over the question's
// candidates) is spread over the answer keys it gives (./answer-keys.ts); a key's support is the
// sum, over articles, of the best such share in each article (an article repeating itself is one
// vote). Each sentence then gets features for the scorer's second pass: the support its answer
// finds in OTHER articles, that answer's share of all support, how many articles give it, and
// whether it is the best-supported answer.
import { FEATURE_INDEX } from "./features.ts";

export interface Voter {
  readonly doc: number;
  /** Answer keys the sentence gives (empty: none of the asked kind). */
  readonly keys: readonly string[];
  /** Feature vector the vote features are written into. */
  readonly features: { [i: number]: number };
}

/** Articles giving an answer at which `voteArticles` saturates. */
const ARTICLES_CAP = 5;

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0) || 1;
  return e.map((x) => x / sum);
}

/** Per key: per article, the best probability share a sentence of it gives that key. */
function supportByArticle(voters: readonly Voter[], p: readonly number[]): Map<string, Map<number, number>> {
  const byKey = new Map<string, Map<number, number>>();
  voters.forEach((v, i) => {
    if (v.keys.length === 0) return;
    const share = (p[i] as number) / v.keys.length;
    for (const key of v.keys) {
      const docs = byKey.get(key) ?? new Map<number, number>();
      docs.set(v.doc, Math.max(docs.get(v.doc) ?? 0, share));
      byKey.set(key, docs);
    }
  });
  return byKey;
}

/** Writes the vote features of every voter, from the first-pass scores (same order). */
export function addVoteFeatures(voters: readonly Voter[], scores: readonly number[]): void {
  if (voters.length === 0) return;
  const byKey = supportByArticle(voters, softmax(scores));
  const support = new Map<string, number>();
  let total = 0;
  let topKey = "";
  for (const [key, docs] of byKey) {
    let s = 0;
    for (const x of docs.values()) s += x;
    support.set(key, s);
    total += s;
    if (topKey === "" || s > (support.get(topKey) ?? 0)) topKey = key;
  }
  for (const v of voters) {
    let best = "";
    for (const key of v.keys)
      if (best === "" || (support.get(key) ?? 0) > (support.get(best) ?? 0)) best = key;
    const f = v.features;
    if (best === "") {
      f[FEATURE_INDEX.voteOthers] = 0;
      f[FEATURE_INDEX.voteShare] = 0;
      f[FEATURE_INDEX.voteArticles] = 0;
      f[FEATURE_INDEX.voteTop] = 0;
      continue;
    }
    const docs = byKey.get(best) as Map<number, number>;
    const mine = support.get(best) ?? 0;
    f[FEATURE_INDEX.voteOthers] = mine - (docs.get(v.doc) ?? 0);
    f[FEATURE_INDEX.voteShare] = total > 0 ? mine / total : 0;
    f[FEATURE_INDEX.voteArticles] = Math.min(1, docs.size / ARTICLES_CAP);
    f[FEATURE_INDEX.voteTop] = best === topKey ? 1 : 0;
  }
}

/**
 * The best-scored sentence after `top` that does not give top's answer: the real competitor (a
 * runner-up giving the same answer agrees with it). Any runner-up when top gives no answer.
 */
export function rivalOf<T extends { readonly keys?: readonly string[] }>(
  ranked: readonly T[],
  top: T,
): T | undefined {
  const mine = new Set(top.keys ?? []);
  return ranked.find((s) => s !== top && (mine.size === 0 || !(s.keys ?? []).some((k) => mine.has(k))));
}
