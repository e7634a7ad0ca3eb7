// The English-only copy of the Snowball stemmers the build puts beside the bundle: it stems as the
// package does, and is not made at all from a file laid out otherwise.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module without types
import { englishOnly, writeEnglishStemmer } from "../bin/snowball-english.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const require = createRequire(join(ROOT, "package.json"));
let dist: string | undefined;
afterEach(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe("English-only Snowball stemmer", () => {
  it("stems as the package does, and is far smaller", () => {
    dist = mkdtempSync(join(tmpdir(), "newsbot-dist-"));
    expect(writeEnglishStemmer(ROOT, dist)).toBe(true);
    const file = join(dist, "node_modules", "snowball-stemmers", "snowball-stemmers.js");
    const full = require("snowball-stemmers").newStemmer("english");
    const slim = createRequire(file)(file).newStemmer("english");
    const words =
      "presidents running generously nationalization happily agreed skies dying news elections".split(" ");
    for (const w of words) expect(slim.stem(w)).toBe(full.stem(w));
    expect(readFileSync(file).length).toBeLessThan(
      readFileSync(require.resolve("snowball-stemmers")).length / 5,
    );
  });

  it("declines a file laid out otherwise", () => {
    const source = readFileSync(require.resolve("snowball-stemmers"), "utf8");
    expect(
      englishOnly(source.replace("var englishStemmer = function", "var englishStemmer=function")),
    ).toBeUndefined();
    expect(englishOnly("module.exports = {};")).toBeUndefined();
  });
});
