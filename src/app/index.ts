// Start-up: configuration, corpus, core, database, scheduler, ingestion and the enabled adapters
// (the console when no token is set). The only place that wires everything together; nothing else
// imports it but the CLI's `start` and the tests.
export * from "./main.ts";
