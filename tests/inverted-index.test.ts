import { describe, expect, it } from "vitest";
import { createInvertedIndex, type IndexedDocument } from "../src/core/search/inverted-index.ts";
import { type Analyzer, createAnalyzer } from "../src/core/text/analyzer.ts";

const analyzer = createAnalyzer();
const q = (text: string) => analyzer.terms(text).map((t) => [t]);

const docs: IndexedDocument[] = [
  {
    title: "Le Japon et le Vietnam signent un accord",
    body: "Hanoï et Tokyo renforcent leur coopération économique.",
  },
  { title: "Météo du week-end", body: "Du soleil sur tout le pays, des orages en montagne." },
  {
    title: "Semi-conducteurs : Tokyo investit",
    body: "Le Japon investit dans les semi-conducteurs au Vietnam.",
  },
  { title: "Football", body: "Le Vietnam bat le Japon. Le Japon, le Japon, le Japon perd encore." },
  {
    title: "Défense : exercice naval",
    body: "La marine vietnamienne et la marine japonaise en mer de Chine.",
  },
];

describe("inverted index", () => {
  it("ranks the obviously relevant document first", () => {
    const index = createInvertedIndex(analyzer);
    index.add(docs);
    expect(index.search(q("semi-conducteurs"))[0]?.doc).toBe(2);
    expect(index.search(q("météo orages"))[0]?.doc).toBe(1);
    expect(index.search(q("defense navale"))[0]?.doc).toBe(4);
    expect(index.docCount).toBe(5);
    expect(index.docFreq(analyzer.term("japon") ?? "")).toBe(3);
    expect(index.idf(analyzer.term("japon") ?? "")).toBeLessThan(index.idf(analyzer.term("orages") ?? ""));
  });

  it("boosts title matches", () => {
    const index = createInvertedIndex(analyzer);
    index.add([
      { title: "Des nouvelles du monde", body: "Un accord commercial est signé. Rien d'autre." },
      { title: "Accord commercial signé", body: "Des nouvelles du monde. Rien d'autre." },
    ]);
    expect(index.search(q("accord commercial"))[0]?.doc).toBe(1);
    const flat = createInvertedIndex(analyzer, { titleWeight: 0 });
    flat.add([
      { title: "Accord", body: "rien" },
      { title: "rien", body: "Accord" },
    ]);
    const hits = flat.search(q("accord"));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.doc).toBe(1);
  });

  it("scores the best alternative of a group, not the sum", () => {
    const index = createInvertedIndex(analyzer);
    index.add([
      { title: "a", body: "coopération coopération défense" },
      { title: "b", body: "cooperation collaboration collaboration defense" },
    ]);
    const coop = analyzer.term("coopération") as string;
    const collab = analyzer.term("collaboration") as string;
    const alone = index.search([[coop]]);
    const both = index.search([[coop, collab]]);
    // doc 1 has both spellings: with alternatives it scores max(coop, collab), not their sum
    const scoreOf = (hits: typeof both, doc: number) => hits.find((h) => h.doc === doc)?.score ?? 0;
    const collabAlone = index.search([[collab]]);
    expect(scoreOf(both, 1)).toBeCloseTo(Math.max(scoreOf(alone, 1), scoreOf(collabAlone, 1)), 10);
    expect(scoreOf(both, 1)).toBeLessThan(scoreOf(alone, 1) + scoreOf(collabAlone, 1));
  });

  it("ranks the same after incremental adds as after one build", () => {
    const more: IndexedDocument[] = Array.from({ length: 30 }, (_, i) => ({
      title: `Dépêche ${i} Japon`,
      body: `Le Vietnam ${"et le Japon ".repeat(i % 4)} accord ${i % 3 === 0 ? "semi-conducteurs" : "riz"} numéro ${i}.`,
    }));
    const all = [...docs, ...more];
    const once = createInvertedIndex(analyzer);
    once.add(all);
    const inc = createInvertedIndex(analyzer);
    inc.add(all.slice(0, 5));
    for (let i = 5; i < all.length; i += 2) inc.add(all.slice(i, i + 2)); // forces compaction
    for (const query of ["Japon accord", "semi-conducteurs Vietnam", "riz", "numéro 7", "défense"]) {
      expect(inc.search(q(query), { limit: 20 })).toEqual(once.search(q(query), { limit: 20 }));
    }
    expect(inc.termCount).toBe(once.termCount);
  });

  it("scores every document a term reaches as the index grows past its scratch lists", () => {
    // the lists of scored documents are typed arrays sized to the index: each add must grow them
    const many: IndexedDocument[] = Array.from({ length: 2500 }, (_, i) => ({
      title: `Dépêche ${i}`,
      body: i % 2 === 0 ? `Le Japon et le Vietnam, numéro ${i}.` : `Le Japon et la Chine, numéro ${i}.`,
    }));
    const grown = createInvertedIndex(analyzer);
    for (let from = 0; from < many.length; from += 500) {
      grown.add(many.slice(from, from + 500));
      const n = grown.docCount;
      const japon = grown.search(q("Japon"), { limit: n });
      expect(japon).toHaveLength(n);
      // alternatives of one group: each document scores its best one, once
      const either = grown.search([[analyzer.term("vietnam") as string, analyzer.term("chine") as string]], {
        limit: n,
      });
      expect(new Set(either.map((h) => h.doc)).size).toBe(n);
      const once = createInvertedIndex(analyzer);
      once.add(many.slice(0, n));
      expect(japon).toEqual(once.search(q("Japon"), { limit: n }));
      expect(grown.search(q("Vietnam numéro"), { limit: 50 })).toEqual(
        once.search(q("Vietnam numéro"), { limit: 50 }),
      );
    }
  });

  it("forgets a search that threw midway: the next one ranks every document", () => {
    const docs: IndexedDocument[] = [
      { title: "Japon", body: "Le Japon vote." },
      { title: "Vietnam", body: "Le Japon et le Vietnam." },
      { title: "Chine", body: "La Chine et le Vietnam." },
    ];
    const indexOf = () => {
      const index = createInvertedIndex(analyzer);
      index.add(docs);
      return index;
    };
    const fresh = indexOf();
    const failing = () => {
      throw new Error("filter failed");
    };
    // one word a query, and one word with alternatives (their own scratch list)
    const either = [[analyzer.term("japon") as string, analyzer.term("chine") as string]];
    for (const query of [q("Japon Vietnam"), either]) {
      const index = indexOf();
      expect(() => index.search(query, { filter: failing })).toThrow("filter failed");
      expect(index.search(q("Japon Vietnam"))).toEqual(fresh.search(q("Japon Vietnam")));
      expect(index.search(either)).toEqual(fresh.search(either));
      expect(index.search(either)).toHaveLength(3);
    }
  });

  it("ignores unknown terms and empty queries, and honours limit and filter", () => {
    const index = createInvertedIndex(analyzer);
    expect(index.search(q("Japon"))).toEqual([]);
    index.add(docs);
    expect(index.search([["zzzinconnu"]])).toEqual([]);
    expect(index.search([])).toEqual([]);
    expect(index.search([["zzzinconnu"], ...q("Japon")]).map((h) => h.doc)).toEqual(
      index.search(q("Japon")).map((h) => h.doc),
    );
    expect(index.docFreq("zzzinconnu")).toBe(0);
    expect(index.idf("zzzinconnu")).toBeGreaterThan(index.idf(analyzer.term("japon") ?? ""));
    expect(index.search(q("Japon"), { limit: 1 })).toHaveLength(1);
    expect(index.search(q("Japon"), { filter: (d) => d !== 0 && d !== 3 }).map((h) => h.doc)).toEqual([2]);
  });

  it("works with a custom analyzer that has no id fast path", () => {
    const plain: Analyzer = {
      terms: (text) => text.toLowerCase().split(/\W+/).filter(Boolean),
      forEachTerm: (text, _lang, emit) => {
        for (const t of text.toLowerCase().split(/\W+/)) if (t) emit(t, 0);
      },
      term: (w) => w.toLowerCase(),
    };
    const index = createInvertedIndex(plain);
    index.add([
      { title: "x", body: "alpha beta" },
      { title: "y", body: "beta gamma gamma" },
    ]);
    expect(index.search([["gamma"]])[0]?.doc).toBe(1);
    expect(index.docFreq("beta")).toBe(2);
  });

  it("fixes the Dirichlet model: a document matching more query terms wins", () => {
    const index = createInvertedIndex(analyzer, { model: "dirichlet" });
    index.add(docs);
    expect(index.search(q("semi-conducteurs Japon Vietnam investit"))[0]?.doc).toBe(2);
  });
});
