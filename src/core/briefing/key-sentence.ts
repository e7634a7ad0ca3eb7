// A story's key point in a briefing: among the opening sentences of its most central articles, the
// quotable one that carries the topic and the story's own words, and never one that opens on a
// pronoun or connective whose referent the reader does not see (`Elle a notamment reproché…`; see
// the stories' `opensResolved`, which digest summaries use too).

import type { QueryGroup } from "../search/inverted-index.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { opensResolved, type Story } from "../stories/index.ts";
import { isQuotable, tidySentence } from "../text/sentence-quality.ts";
import { coverage } from "./topic-articles.ts";

/** Sentences read per central article: a news article states its event early. */
const LEAD_SENTENCES = 5;

export function keySentence(
  news: NewsIndex,
  story: Story,
  groups: readonly QueryGroup[],
): { text: string; doc: number } | undefined {
  const storyTerms = new Set(story.terms);
  let best: { text: string; doc: number; score: number } | undefined;
  for (const doc of story.articles.slice(0, 3)) {
    news
      .sentencesOf(doc)
      .slice(0, LEAD_SENTENCES)
      .forEach((s, position) => {
        if (!isQuotable(s.text) || !opensResolved(s.text)) return;
        let shared = 0;
        for (const t of s.terms) if (storyTerms.has(t)) shared++;
        const score =
          0.5 * coverage(news, groups, (t) => s.terms.has(t)) +
          0.4 * (shared / Math.max(1, Math.min(storyTerms.size, s.terms.size))) +
          // the lead of the most central article usually states the event whole
          0.2 / (1 + position) +
          (doc === story.headline && position === 0 ? 0.1 : 0);
        if (!best || score > best.score) best = { text: tidySentence(s.text), doc, score };
      });
  }
  return best && { text: best.text, doc: best.doc };
}
