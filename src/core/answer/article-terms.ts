// The terms an article writes (title and body), kept for the articles of the last questions: the
// same articles come back among the candidates of related questions (a conversation, a story of
// the day), and building them allocated ~57 MB over the 300 questions of `npm run bench:reports`.
// Read by the candidate features (./sentence-features.ts) and the names away from an answer's
// article (./asked-names.ts), which built the same set apart. Per index, for an index's article
// never changes (as its sentence cache assumes); at most `ARTICLE_TERMS_KEPT`, least recently used
// out first. Only ever read (`has`), so a kept set answers as a new one would.
import { createIndexCache } from "../cache/index-cache.ts";
import type { NewsIndex } from "../search/news-index.ts";

const ARTICLE_TERMS_KEPT = 512;
const kept = createIndexCache<NewsIndex, number, ReadonlySet<string>>({ max: ARTICLE_TERMS_KEPT });

/** Every index term of an article, title included. */
export const articleTerms = (news: NewsIndex, doc: number): ReadonlySet<string> =>
  kept.get(news, doc, () => {
    const all = new Set<string>(news.titleTerms(doc));
    for (const s of news.sentencesOf(doc)) for (const t of s.terms) all.add(t);
    return all;
  });
