// The core's wording, in French (the default) and English, in one catalog (messages.ts), and the
// formatting of dates for people. The layers above keep their own catalogs over it (commands,
// configuration, ingestion, adapters, start-up). It imports nothing but the core's own types.
export * from "./format-date.ts";
export * from "./messages.ts";
