// Cited answers, as a pipeline of small steps: reading the question (its language, the kind of
// answer it wants, its words and their English→French equivalents, its time frame), retrieving
// candidate articles, describing their sentences by features, scoring them with the trained model,
// deciding to answer or abstain on the confidence of the answer gate (answer-gate.ts: how the
// ranking agrees with the best sentence's answer), and quoting the chosen sentence with
// its source. Retrieval goes through a port (article-retriever.ts: the in-memory index here, Postgres
// full-text search in storage) that the same scoring follows (retrieving-answerer.ts). Core only: it must not import any platform library, adapter, storage or scheduler.
export * from "./answer-gate.ts";
export * from "./answer-kinds.ts";
export * from "./answerer.ts";
export * from "./article-retriever.ts";
export * from "./features.ts";
export * from "./glossary-en-fr.ts";
export * from "./question.ts";
export * from "./quote.ts";
export * from "./referent.ts";
export * from "./retrieving-answerer.ts";
export * from "./scorer.ts";
export * from "./time-frame.ts";
