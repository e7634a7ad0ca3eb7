// The `newsbot` command line (ask, search, article, digest, brief, who, import, ingest, start): a
// dispatcher over subcommands that each take (argv, io), so tests run them in-process. It uses the
// core, ingestion and the app; adapters are reached only through `start`, never imported directly.

export * from "./io.ts";
export * from "./main.ts";
