// Every user-facing string, in French (the default) and English, and the formatting of dates for
// people. Adapters, commands and the CLI take their wording from here so it changes in one place.
// It imports nothing but the core's own types.
export * from "./bot-messages.ts";
export * from "./format-date.ts";
export * from "./messages.ts";
export * from "./report-messages.ts";
