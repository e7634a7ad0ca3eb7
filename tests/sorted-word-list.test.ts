// The French word list searched in its JSON text: the same answers as a Set over the parsed list,
// and no answer at all (undefined, the caller then builds a Set) for a list it cannot search.
import { describe, expect, it } from "vitest";
import { sortedWordListFromJson } from "../src/core/corpus/sorted-word-list.ts";
import { frenchLexicon } from "../src/core/corpus/word-splitter.ts";

describe("sorted word list", () => {
  it("answers membership and prefix positions as a sorted array does", () => {
    const words = ["a", "abaissa", "abaissai", "été", "étés", "ôté", "œuvre"]; // UTF-16 order
    const list = sortedWordListFromJson(JSON.stringify(words));
    expect(list?.size).toBe(words.length);
    for (const w of words) expect(list?.has(w)).toBe(true);
    for (const w of ["", "ab", "abaiss", "abaissaix", "ete", "z", "Été"]) expect(list?.has(w)).toBe(false);
    expect([...(list ?? [])]).toEqual(words);
    // iterated, the list answers from its words as strings: the same answers
    for (const w of words) expect(list?.has(w)).toBe(true);
    for (const w of ["", "ab", "abaiss", "abaissaix", "ete", "z", "Été"]) expect(list?.has(w)).toBe(false);
    expect(list?.lowerBound("abaissa\uffff")).toBe(3);
    expect(list?.lowerBound("é")).toBe(3);
  });

  it("declines what it cannot search by bisection", () => {
    expect(sortedWordListFromJson('["b","a"]')).toBeUndefined(); // not sorted
    expect(sortedWordListFromJson('["a","a"]')).toBeUndefined(); // not distinct
    expect(sortedWordListFromJson('["A","b"]')).toBeUndefined(); // not lower-case
    expect(sortedWordListFromJson('["a\\"b"]')).toBeUndefined(); // escapes
    expect(sortedWordListFromJson('["a", "b"]')).toBeUndefined(); // spacing it does not expect
    expect(sortedWordListFromJson('["a",1]')).toBeUndefined(); // not a string
    expect(sortedWordListFromJson(`["${"e\u0301"}"]`)).toBeUndefined(); // not NFC
    expect(sortedWordListFromJson('["École"]')).toBeUndefined(); // an upper-case accented letter
    expect(sortedWordListFromJson('["ωμέγα"]')).toBeUndefined(); // letters past U+017F: a Set instead
    expect(sortedWordListFromJson('["a","b"')).toBeUndefined(); // cut
    expect(sortedWordListFromJson("[]")?.size).toBe(0);
    expect(sortedWordListFromJson('["a","b"]\n')?.size).toBe(2);
  });

  it("serves the French lexicon with the package's words", () => {
    const { words } = frenchLexicon();
    expect(words.size).toBeGreaterThan(300_000);
    expect(words.has("présidentielles")).toBe(true);
    expect(words.has("plateforme")).toBe(true); // one of the extra words
    expect(words.has("yoshimasa")).toBe(false);
  });
});
