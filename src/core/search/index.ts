// Search: the in-memory inverted index (BM25F over title and body, typed-array postings, segments
// merged in tiers so articles can be added live), article search with snippets, and for articles kept
// elsewhere the corpus statistics alone (term-stats.ts) with a window index over a question's
// retrieved articles (window-index.ts). The article-source port (article-source.ts) says which
// index a command reads: the in-memory one here, or a window of Postgres's articles (in storage).
// It depends on the text analysis only; no platform library, storage or adapter.
export * from "./article-search.ts";
export * from "./article-source.ts";
export * from "./inverted-index.ts";
export * from "./term-expansion.ts";
export * from "./term-stats.ts";
export * from "./window-index.ts";
