// Hybrid retrieval: the lexical ranking of the answer pipeline and the articles nearest the
// question's embedding, fused by reciprocal rank fusion (each list adds 1 / (k + rank) per
// article), so that an article the question paraphrases can enter the candidates without a score
// scale shared by the two rankings. The candidates keep their lexical retrieval score as the
// scorer's feature (0 for an article no question word reaches): the scorer was trained on it.

import type { NewsIndex } from "../search/news-index.ts";
import type { Reading } from "./read-question.ts";
import type { Candidate } from "./retrieve.ts";

/** Documents of several rankings (best first), fused: best first, with their fused scores. */
export function reciprocalRankFusion(
  rankings: readonly (readonly number[])[],
  k = 60,
): { doc: number; score: number }[] {
  const scores = new Map<number, number>();
  for (const ranking of rankings) {
    ranking.forEach((doc, i) => {
      scores.set(doc, (scores.get(doc) ?? 0) + 1 / (k + i + 1));
    });
  }
  return [...scores]
    .map(([doc, score]) => ({ doc, score }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}

export function fuseCandidates(
  news: NewsIndex,
  q: Reading,
  lexical: readonly Candidate[],
  semantic: readonly number[],
  limit: number,
): Candidate[] {
  const now = q.now;
  const exists = (doc: number) => !now || (news.articles[doc]?.date ?? "") <= now;
  const nearest = semantic.filter(exists).slice(0, limit);
  const fused = reciprocalRankFusion([lexical.map((c) => c.doc), nearest]).slice(0, limit);
  const rankOf = new Map(lexical.map((c) => [c.doc, c.rank]));
  const missing = new Set(fused.map((f) => f.doc).filter((d) => !rankOf.has(d)));
  if (missing.size > 0 && q.groups.length > 0) {
    const top = news.rank(q.groups, 1, exists)[0]?.score ?? 0;
    for (const h of news.rank(q.groups, missing.size, (d) => missing.has(d)))
      rankOf.set(h.doc, top > 0 ? h.score / top : 0);
  }
  return fused.map((f, position) => ({ doc: f.doc, rank: rankOf.get(f.doc) ?? 0, position }));
}
