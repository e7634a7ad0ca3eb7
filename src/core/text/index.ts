// Text analysis for French and English news: accent and case folding, tokenization (elisions,
// hyphenated compounds, numbers with thousands separators), stopwords, stemming, English inflections
// read back to their base forms, sentence splitting, and a saved vocabulary searched as stored
// (packed-vocabulary.ts, for index snapshots). Pure functions over strings, shared by the index,
// answers and reports; it imports nothing outside this folder but the stemming and stopword
// packages, and nothing platform-specific.
export * from "./analyzer.ts";
export * from "./english-inflection.ts";
export * from "./fold.ts";
export * from "./packed-vocabulary.ts";
export * from "./sentences.ts";
export * from "./stem.ts";
export * from "./stopwords.ts";
export * from "./tokenize.ts";
