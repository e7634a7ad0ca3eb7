// Step 2, retrieving candidate articles: the index ranks articles for the question's groups; an
// article dated after the day the question is asked does not exist yet for it; when the question
// has a time frame, the best articles inside the frame are retrieved too, so an event of March
// 2020 is not crowded out by its many later mentions.
import type { NewsIndex } from "../search/news-index.ts";
import { inFrame } from "./question-frame.ts";
import type { Reading } from "./read-question.ts";

export interface Candidate {
  readonly doc: number;
  /** Retrieval score over the best article's (0–1]. */
  readonly rank: number;
  /** Position in the ranking (0 = best). */
  readonly position: number;
}

export function retrieveCandidates(news: NewsIndex, q: Reading, limit: number): Candidate[] {
  const now = q.now;
  const exists = now ? (doc: number) => (news.articles[doc]?.date ?? "") <= now : undefined;
  const hits = news.rank(q.groups, limit, exists);
  const frame = q.frame;
  if (frame) {
    const within = news.rank(
      q.groups,
      limit,
      (doc) => (exists?.(doc) ?? true) && inFrame(frame, news.articles[doc]?.date),
    );
    const seen = new Set(hits.map((h) => h.doc));
    for (const h of within) if (!seen.has(h.doc)) hits.push(h);
    hits.sort((a, b) => b.score - a.score);
  }
  const top = hits[0]?.score ?? 1;
  return hits.map((h, position) => ({ doc: h.doc, rank: h.score / top, position }));
}
