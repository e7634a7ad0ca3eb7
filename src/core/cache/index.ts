// Caches of the core: values read from an index's articles kept per index (createIndexCache), and
// pure functions of a text remembered for the texts read last (createTextMemo). They hold values
// for the answer and story modules and know nothing of what they hold; this folder imports nothing
// outside itself and nothing platform-specific.
export * from "./index-cache.ts";
export * from "./text-memo.ts";
