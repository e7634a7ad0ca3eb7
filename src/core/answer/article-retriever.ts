// The retrieval port: which articles may answer a question, best first, with their texts. Two
// implementations: the in-memory index (here, the default: the ranking the answer pipeline has
// always used) and Postgres full-text search (src/storage/pg-article-search.ts), for corpora that
// outgrow memory. Either feeds the same sentence scoring (retrieving-answerer.ts).
import type { Article } from "../corpus/article.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import { guessLanguage, STOPWORDS } from "../text/stopwords.ts";
import { forEachToken } from "../text/tokenize.ts";
import { EN_PREPOSITIONS, frenchFor, frenchForPair } from "./glossary-en-fr.ts";
import { readQuestion } from "./read-question.ts";
import { retrieveCandidates } from "./retrieve.ts";

export interface RetrievalQuery {
  /** The question as asked. */
  readonly question: string;
  /**
   * The day it is asked (`YYYY-MM-DD`): later articles do not exist yet, and a time frame
   * (`en mars 2020`, `hier`) is read against it (default: today).
   */
  readonly now?: string;
}

export interface RetrievedArticle {
  readonly article: Article;
  /** The retriever's own score: comparable within one answer only, higher is better. */
  readonly score: number;
}

export interface ArticleRetriever {
  readonly kind: "memory" | "postgres";
  /** At most `limit` articles for the question (more when its time frame adds its own best), best first. */
  retrieve(query: RetrievalQuery, limit: number): Promise<RetrievedArticle[]>;
}

/** The in-memory index as a retriever: exactly the candidates the answer pipeline ranks itself. */
export function createMemoryRetriever(news: NewsIndex): ArticleRetriever {
  return {
    kind: "memory",
    async retrieve(query, limit) {
      const reading = readQuestion(news, query.question, query.now);
      if (reading.groups.length === 0) return [];
      return retrieveCandidates(news, reading, limit).flatMap((c) => {
        const article = news.articles[c.doc];
        return article ? [{ article, score: c.rank }] : [];
      });
    },
  };
}

// A question or topic asked in English, for an engine that only knows the French articles' words
// (Postgres full-text search, `french` configuration, which keeps English stopwords as words — rare
// ones in a French corpus, so heavily weighted): its content words, and their French equivalents
// from the glossary the in-memory reading uses (glossary-en-fr.ts), word pairs first (`united
// states` → `états-unis`). A French text is left as it is.
export function forFrenchSearch(text: string): string {
  const words: { text: string; folded: string; joined: boolean }[] = [];
  forEachToken(text, (w, _start, joined) => {
    words.push({ text: w, folded: fold(w.toLowerCase()), joined });
  });
  if (guessLanguage(words.filter((w) => !w.joined).map((w) => w.folded)) !== "en") return text;
  const out: string[] = [];
  const paired = new Set<number>();
  for (let i = 0; i + 1 < words.length; i++) {
    const fr = frenchForPair(words[i]?.folded ?? "", words[i + 1]?.folded ?? "");
    if (!fr) continue;
    out.push(...fr);
    paired.add(i);
    paired.add(i + 1);
  }
  words.forEach((w, i) => {
    if (paired.has(i) || STOPWORDS.has(w.folded) || EN_PREPOSITIONS.has(w.folded)) return;
    out.push(w.text, ...(frenchFor(w.folded) ?? []));
  });
  return [...new Set(out)].join(" ");
}
