// Cited answers, as a pipeline of small steps: reading the question (its language, the kind of
// answer it wants, its words and their English→French equivalents, its time frame), retrieving
// candidate articles, describing their sentences by features, scoring them with the trained model,
// deciding to answer or abstain on the calibrated confidence, and quoting the chosen sentence with
// its source. Core only: it must not import any platform library, adapter, storage or scheduler.
export * from "./answer-kinds.ts";
export * from "./answerer.ts";
export * from "./features.ts";
export * from "./glossary-en-fr.ts";
export * from "./question.ts";
export * from "./quote.ts";
export * from "./referent.ts";
export * from "./scorer.ts";
export * from "./time-frame.ts";
