// Search: the in-memory inverted index (BM25F over title and body, typed-array postings, segments
// merged in tiers so articles can be added live) and article search with snippets. It depends on
// the text analysis only; no platform library, storage or adapter.
export * from "./article-search.ts";
export * from "./inverted-index.ts";
