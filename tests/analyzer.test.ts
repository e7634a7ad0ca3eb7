import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/core/text/analyzer.ts";
import { fold } from "../src/core/text/fold.ts";
import { tokenize } from "../src/core/text/tokenize.ts";

const analyzer = createAnalyzer();
const words = (text: string) => tokenize(text).map((t) => t.text);

describe("fold", () => {
  it("lower-cases and strips diacritics and ligatures", () => {
    expect(fold("Hoàng")).toBe("hoang");
    expect(fold("Œuvre")).toBe("oeuvre");
    expect(fold("Đà")).toBe("da");
    expect(fold("DÉFENSE")).toBe("defense");
  });
});

describe("tokenize", () => {
  it("drops French elisions", () => {
    expect(words("l'accord d'Hanoï qu'il jusqu'à lorsqu'on")).toEqual(["accord", "Hanoï", "il", "à", "on"]);
    expect(words("L’Élysée")).toEqual(["Élysée"]);
  });

  it("splits hyphenated words and adds the joined form", () => {
    const tokens = tokenize("les semi-conducteurs");
    expect(tokens.map((t) => t.text)).toEqual(["les", "semi", "conducteurs", "semiconducteurs"]);
    expect(tokens[3]?.joined).toBe(true);
    expect(tokens[2]?.start).toBe("les semi-".length);
  });

  it("joins thousands separators and keeps decimals", () => {
    expect(words("600.000 et 600 000 et 600\u202f000 ; 2,5 %")).toEqual([
      "600000",
      "et",
      "600000",
      "et",
      "600000",
      "2,5",
    ]);
    expect(words("en 2019 150 personnes")).toEqual(["en", "2019", "150", "personnes"]);
  });

  it("splits sentences glued by a scraper", () => {
    expect(words("domestique.Consternant")).toEqual(["domestique", "Consternant"]);
    expect(words("en 2019.Le")).toEqual(["en", "2019", "Le"]);
  });

  it("reports offsets into the input", () => {
    const text = "Hier, l'armée a défilé.";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.start + t.text.length)).toBe(t.text);
  });
});

describe("analyzer", () => {
  it("gives défense, defense and Défenses one term", () => {
    const t = analyzer.term("défense");
    expect(t).toBeDefined();
    expect(analyzer.term("defense")).toBe(t);
    expect(analyzer.term("Défenses")).toBe(t);
    expect(analyzer.terms("DÉFENSE")).toEqual([t]);
  });

  it("matches Vietnamese names with and without diacritics", () => {
    expect(analyzer.terms("Hoàng Xuân Chiên")).toEqual(analyzer.terms("hoang xuan chien"));
    expect(analyzer.terms("hoang xuan chien")).toHaveLength(3);
  });

  it("drops stopwords and elided articles", () => {
    expect(analyzer.terms("le la les de des et l' d'")).toEqual([]);
    expect(analyzer.terms("l'accord")).toEqual(analyzer.terms("accord"));
    expect(analyzer.term("le")).toBeUndefined();
  });

  it("drops an English negated auxiliary cut at its apostrophe, and keeps `don`", () => {
    // `wasn't` read as the word `wasn`, which no article writes, made the question look unknown
    expect(analyzer.terms("The driver wasn't drunk and hadn't already been fined", "en")).toEqual(
      analyzer.terms("The driver drunk and been fined", "en"),
    );
    expect(analyzer.term("don")).toBeDefined();
  });

  it("keeps `cours`, `fils` and `fois` apart from `cour`, `fil`, `foi`, and `course` apart from `cours`", () => {
    // `au cours de`, `en cours`, `un cours d'eau` are no court; `le fils` no thread; `une fois` no faith
    expect(analyzer.term("cours")).not.toBe(analyzer.term("cour"));
    expect(analyzer.terms("un cours d'eau")).not.toContain(analyzer.term("Cour"));
    expect(analyzer.terms("au cours de la nuit, en cours")).toEqual(["cours", "nuit", "cours"]);
    expect(analyzer.term("Cours")).toBe(analyzer.term("cours"));
    expect(analyzer.term("fils")).not.toBe(analyzer.term("fil"));
    expect(analyzer.term("fois")).not.toBe(analyzer.term("foi"));
    // a race is no river's course, and its plural stays one term
    expect(analyzer.term("course")).not.toBe(analyzer.term("cours"));
    expect(analyzer.term("courses")).toBe(analyzer.term("course"));
    expect(analyzer.term("Cour")).toBe(analyzer.term("cour"));
  });

  it("treats 600.000 and 600 000 as one number", () => {
    expect(analyzer.terms("600.000")).toEqual(["600000"]);
    expect(analyzer.terms("600 000")).toEqual(["600000"]);
  });

  it("gives the same terms through term, terms and forEachTerm, and the same id for a term", () => {
    const text = "Les relations Vietnam–Japon s'intensifient, selon Hayashi Yoshimasa.";
    const viaTerm = tokenize(text)
      .filter((t) => !t.joined)
      .map((t) => analyzer.term(t.text))
      .filter((t) => t !== undefined);
    expect(analyzer.terms(text)).toEqual(viaTerm);
    const ids: number[] = [];
    analyzer.forEachTermId?.(text, "fr", (id) => ids.push(id));
    expect(ids.map((id) => analyzer.termId?.(analyzer.terms(text)[ids.indexOf(id)] ?? ""))).toEqual(ids);
  });

  it("keeps working after its caches are cleared and when they overflow", () => {
    const small = createAnalyzer({ cacheSize: 4 });
    const before = small.terms("alpha beta gamma delta epsilon zeta alpha");
    small.clearCaches?.();
    expect(small.terms("alpha beta gamma delta epsilon zeta alpha")).toEqual(before);
    expect(before[0]).toBe(before[6]);
  });
});

describe("accented words are not mistaken for stopwords", () => {
  const analyzer = createAnalyzer();
  it("keeps maïs, thé and né, which fold to the stopwords mais, the and ne", () => {
    expect(analyzer.term("maïs")).toBeDefined();
    expect(analyzer.term("thé")).toBeDefined();
    expect(analyzer.term("né")).toBeDefined();
    expect(analyzer.term("mais")).toBeUndefined();
    expect(analyzer.term("ne")).toBeUndefined();
  });
  it("still drops accented stopwords, written with or without their accents", () => {
    for (const w of ["à", "où", "été", "déjà", "ete", "deja"]) expect(analyzer.term(w)).toBeUndefined();
  });
});
