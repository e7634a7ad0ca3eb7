import { describe, expect, it } from "vitest";
import { wholeWords } from "../src/core/text/whole-words.ts";

// the form wholeWords replaces: a lookbehind and a lookahead around each alternative
const eachAlone = (alternatives: readonly string[]) =>
  alternatives.map((p) => `(?<!\\p{L})(?:${p})(?!\\p{L})`).join("|");

describe("wholeWords: alternatives read as whole words", () => {
  const alternatives = [
    String.raw`non\s+(?:identifi|connu)\p{L}*`,
    String.raw`inconnu\p{L}*(?!\s+des?\s)`,
    String.raw`un|une|un\s+homme`,
    "l['’]enfant|enfants?",
  ];
  const texts = [
    "Le suspect, non identifié, est inconnu des services.",
    "Une inconnue et un homme ont été vus ; l'enfant est sauf.",
    "Des enfants inconnus, aucun prénom, une unité non connue.",
    "Brunehaut, incognito, unanimement : rien de tout cela.",
    "UN HOMME, Inconnue, NON IDENTIFIÉS",
  ];

  it("matches only whole words", () => {
    const re = new RegExp(wholeWords(alternatives), "iu");
    expect(re.test("inconnue")).toBe(true);
    expect(re.test("méconnu")).toBe(false);
    expect(re.test("unanime")).toBe(false);
    expect(re.test("lesenfants")).toBe(false);
  });

  it("finds the same matches, at the same places, as a lookaround pair around each alternative", () => {
    for (const flags of ["giu", "gu"]) {
      const one = new RegExp(wholeWords(alternatives), flags);
      const each = new RegExp(eachAlone(alternatives), flags);
      for (const t of texts) {
        const found = [...t.matchAll(one)].map((m) => [m.index, m[0]]);
        expect(found).toEqual([...t.matchAll(each)].map((m) => [m.index, m[0]]));
      }
    }
    // and the texts do hold matches of several alternatives, `un homme` beside `un`
    const all = texts.flatMap((t) =>
      [...t.matchAll(new RegExp(wholeWords(alternatives), "giu"))].map((m) => m[0]),
    );
    expect(all).toContain("non identifié");
    expect(all).toContain("Une");
    expect(all).toContain("l'enfant");
  });
});
