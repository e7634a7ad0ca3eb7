// Cited answers: reading a question (its language, the kind of answer it wants, its words and their
// English→French equivalents), scoring the sentences of candidate articles, quoting the best one
// with its source, and abstaining when the articles do not answer. Core only: it must not import
// any platform library, adapter, storage or scheduler.
export * from "./answer-kinds.ts";
export * from "./answerer.ts";
export * from "./glossary-en-fr.ts";
export * from "./question.ts";
