// The vocabulary a snapshot stores packed: the same ids as a map filled in id order (first id of a
// repeated term), any characters (accents, astral), and refused when its parts do not fit.
import { describe, expect, it } from "vitest";
import { createAnalyzer } from "../src/core/text/analyzer.ts";
import { packVocabulary, unpackVocabulary } from "../src/core/text/packed-vocabulary.ts";

const TERMS = ["president", "é", "e", "", "zèbre", "😀", "ab", "a", "président", "e", "\uffff", "abc"];

describe("packed vocabulary", () => {
  it("finds each term's first id and decodes each term, as a map does", () => {
    const saved = unpackVocabulary(packVocabulary(TERMS));
    expect(saved?.size).toBe(TERMS.length);
    const first = new Map<string, number>();
    TERMS.forEach((t, id) => {
      if (!first.has(t)) first.set(t, id);
      expect(saved?.term(id)).toBe(t);
    });
    for (const t of [...TERMS, "b", "presiden", "presidents", "😁", "ée", "zz"])
      expect(saved?.id(t)).toBe(first.get(t));
  });

  it("refuses parts that do not fit together", () => {
    const packed = packVocabulary(TERMS);
    const order = Int32Array.from(packed.order);
    [order[0], order[1]] = [order[1] as number, order[0] as number];
    expect(unpackVocabulary({ ...packed, order })).toBeUndefined(); // out of order
    expect(unpackVocabulary({ ...packed, order: packed.order.subarray(1) })).toBeUndefined();
    expect(unpackVocabulary({ ...packed, bytes: packed.bytes.subarray(1) })).toBeUndefined();
  });

  it("gives a restored analyzer the same term ids, and new terms the next ones", () => {
    const fresh = createAnalyzer();
    const text = "Le président de la République a reçu les présidents africains à l'Élysée 😀";
    const ids: number[] = [];
    fresh.forEachTermId?.(text, "fr", (id) => ids.push(id));
    const vocabulary = fresh.vocabulary?.() ?? [];
    const saved = unpackVocabulary(packVocabulary(vocabulary));
    const restored = createAnalyzer(saved ? { vocabulary: saved } : {});
    const again: number[] = [];
    restored.forEachTermId?.(text, "fr", (id) => again.push(id));
    expect(again).toEqual(ids);
    expect(restored.terms(text)).toEqual(fresh.terms(text));
    const added = restored.term("gouvernement") as string; // a word the text does not hold
    expect(added).toBe(createAnalyzer().term("gouvernement"));
    expect(restored.termId?.(added)).toBe(vocabulary.length);
    expect(restored.vocabulary?.()).toEqual([...vocabulary, added]);
  });
});

describe("a restored vocabulary that grew", () => {
  it("lists every term by id however many were added since", () => {
    const saved = unpackVocabulary(packVocabulary(["maison"]));
    const analyzer = createAnalyzer(saved ? { vocabulary: saved } : {});
    const added = 200_000;
    for (let i = 0; i < added; i++) analyzer.term(`x${i.toString(36)}q`);
    const all = analyzer.vocabulary?.() ?? [];
    expect(all).toHaveLength(1 + added);
    expect(all[0]).toBe("maison");
    expect(analyzer.termId?.(all[added] as string)).toBe(added);
  }, 60_000);
});
