// Bring your own model: the optional steps a configured model adds to the answer pipeline and to
// story summaries — the question embedded for hybrid retrieval (fused with the lexical ranking by
// reciprocal rank), a writer drafting from numbered passages, and the verification every draft
// must pass before it is shown (citations sent, numbers, dates and names found in the cited
// passages). The model is reached only through the ports in ports.ts; this folder must not import
// any HTTP client, storage, configuration, adapter or platform library.
export * from "./claims.ts";
export * from "./grounded-answerer.ts";
export * from "./ports.ts";
export * from "./prompts.ts";
export * from "./select-passages.ts";
export * from "./vector-index.ts";
export * from "./verify-draft.ts";
