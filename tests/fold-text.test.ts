// foldText's fast path (native lower-casing, then one lookup per non-ASCII character) must give
// exactly what the definition gives (foldTextSlow), or `who` and "Qui est …" would match other
// articles: every character it admits is checked alone, which covers every text made of them
// because both fold character by character there.
import { describe, expect, it } from "vitest";
import { fold, foldsCharByChar, foldText, foldTextAligned, foldTextSlow } from "../src/core/text/fold.ts";

describe("foldText", () => {
  it("folds accents, case, ligatures and the typographic apostrophe", () => {
    expect(foldText("Hoàng Xuân Chiên")).toBe("hoang xuan chien");
    expect(foldText("L’ŒUVRE d’Émile Zola")).toBe("l'oeuvre d'emile zola");
    expect(foldText("Đà Lạt, Ærø")).toBe("da lat, aero");
    expect(foldText("Søren, Łódź, Straße")).toBe("soren, lodz, strasse");
    expect(foldText("e\u0301te\u0301")).toBe("ete"); // combining accents
  });

  it("gives the definition's text for every character the fast path admits", () => {
    let admitted = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (!foldsCharByChar(ch)) continue;
      admitted++;
      if (foldText(ch) !== foldTextSlow(ch))
        expect({ c: c.toString(16), fast: foldText(ch) }).toBe(foldTextSlow(ch));
    }
    expect(admitted).toBeGreaterThan(1000);
  });

  it("folds every character as `fold` folds a word (one folding for the index and for `who`)", () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if ((c >= 0xd800 && c <= 0xdfff) || c === 0x2019) continue; // `’` is a text's apostrophe only
      const ch = String.fromCharCode(c);
      if (fold(ch) !== foldText(ch)) differ.push(`${c.toString(16)} ${fold(ch)} ${foldText(ch)}`);
    }
    expect(differ).toEqual([]);
  });

  it("gives the definition's text on mixed and non-Latin texts", () => {
    for (const text of [
      "ΟΔΥΣΣΕΥΣ ΣΟΦΟΣ", // Greek: final sigma lowers by context (slow path)
      "Москва İstanbul ǅemal Ǆ ﬁn",
      "Le 1er mars 2020 — « À l’Élysée », M. Macron a dit : « Ça suffit… » 😀",
      "STRASSE Straße ŁÓDŹ ĳssel",
    ])
      expect(foldText(text)).toBe(foldTextSlow(text));
  });

  it("says when the fold keeps every offset, so a sentence's fold is a slice of the body's", () => {
    const body = "À Hanoï, M. Phạm a reçu l’ambassadeur. Le « Đổi Mới » continue.";
    const { folded, aligned } = foldTextAligned(body);
    expect(aligned).toBe(true);
    expect(folded).toBe(foldText(body));
    const second = body.indexOf("Le ");
    expect(folded.slice(second)).toBe(foldText(body.slice(second)));
    for (const shifted of ["Le cœur du sujet. Fin.", "e\u0301te\u0301. Fin.", "ΣΟΦΟΣ. Fin."]) {
      expect(foldTextAligned(shifted).aligned).toBe(false);
      expect(foldTextAligned(shifted).folded).toBe(foldTextSlow(shifted));
    }
  });
});
