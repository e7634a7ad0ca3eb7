// Word vectors learned from a corpus (bench/lib/word-vectors.ts), on small synthetic text.
import { describe, expect, it } from "vitest";
import {
  createWordVectors,
  decodeWordVectors,
  encodeWordVectors,
  learnWordVectors,
} from "../bench/lib/word-vectors.ts";

// `mort` and `decede` are written in the same contexts (never together); `match` in others
const subjects = ["chanteur", "acteur", "ministre", "maire", "peintre", "boxeur"];
const corpus: string[][] = [];
for (let i = 0; i < 40; i++) {
  const who = subjects[i % subjects.length] as string;
  corpus.push([
    who,
    Math.floor(i / subjects.length) % 2 ? "mort" : "decede",
    "hopital",
    "age",
    "ans",
    "famille",
  ]);
  corpus.push(["equipe", "gagne", "match", "stade", "but", "supporters", who]);
}
const options = { minCount: 5, contexts: 50, dims: 8, window: 3 };

describe("learnWordVectors", () => {
  it("brings together words used in the same contexts", () => {
    const v = createWordVectors(learnWordVectors(() => corpus, options));
    expect(v.similarity("mort", "decede")).toBeGreaterThan(0.9);
    expect(v.similarity("mort", "match")).toBeLessThan(v.similarity("mort", "decede") - 0.3);
    expect(v.neighbours("mort", 1)[0]?.term).toBe("decede");
    expect(v.similarity("mort", "jamais-vu")).toBe(0);
  });
  it("brings them together with the plain random projection too", () => {
    const v = createWordVectors(learnWordVectors(() => corpus, { ...options, reduction: "projection" }));
    expect(v.similarity("mort", "decede")).toBeGreaterThan(v.similarity("mort", "match") + 0.3);
  });
  it("is deterministic: same corpus and seed, same bytes", () => {
    const a = learnWordVectors(() => corpus, options);
    const b = learnWordVectors(() => corpus, options);
    expect([...a.values]).toEqual([...b.values]);
    expect(a.terms).toEqual(b.terms);
  });
  it("keeps only the terms seen often enough", () => {
    const data = learnWordVectors(() => [...corpus, ["rare"]], options);
    expect(data.terms).not.toContain("rare");
    expect(data.terms).toContain("mort");
  });
  it("decodes the stored form (base64 bytes, signed)", () => {
    const stored = { dims: 2, terms: "a b", values: btoa(String.fromCharCode(127, 0, 0x81, 0)) };
    const d = decodeWordVectors(stored);
    expect(d.terms).toEqual(["a", "b"]);
    expect([...d.values]).toEqual([127, 0, -127, 0]);
  });
  it("decodes what it encodes (what --out writes)", () => {
    const data = learnWordVectors(() => corpus, options);
    const back = decodeWordVectors(JSON.parse(JSON.stringify(encodeWordVectors(data))));
    expect(back.dims).toBe(data.dims);
    expect(back.terms).toEqual(data.terms);
    expect([...back.values]).toEqual([...data.values]);
  });
});
