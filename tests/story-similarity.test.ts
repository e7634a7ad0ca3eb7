// The per-term cap of the text cosine (SimilarityWeights.termCap): one shared word alone cannot
// make two articles one story, several shared words still can.
import { describe, expect, it } from "vitest";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { type ArticleFeatures, dot, spreadDot } from "../src/core/stories/features.ts";
import {
  checkWeights,
  createStoryTracker,
  LEARNED_LIVE_PARAMS,
  similarity,
  similarityMatrix,
  toSparse,
} from "../src/core/stories/index.ts";

const unit = (weights: Record<string, number>) => {
  const norm = Math.sqrt(Object.values(weights).reduce((s, w) => s + w * w, 0));
  return new Map(Object.entries(weights).map(([t, w]) => [t, w / norm]));
};
const article = (doc: number, weights: Record<string, number>): ArticleFeatures => {
  const vector = unit(weights);
  return { doc, vector, sparse: toSparse(vector), entities: new Map(), entityNorm: 0, prominence: 0, day: 0 };
};
const w = { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 };

describe("termCap", () => {
  // a drug seizure and a party's searches share only `perquisition`, heavily weighted
  const seizure = article(0, { perquisition: 3, cocaine: 1, havre: 1, port: 1 });
  const searches = article(1, { perquisition: 3, insoumis: 1, melenchon: 1, siege: 1 });
  // two reports of the searches share several words
  const searches2 = article(2, { perquisition: 2, insoumis: 1, melenchon: 1, enquete: 1 });

  it("leaves the cosine as it is without a cap", () => {
    expect(similarity(seizure, searches, w)).toBeCloseTo(9 / 12, 6);
  });

  it("caps what one shared word adds, not what several add together", () => {
    const capped = { ...w, termCap: 0.1 };
    expect(similarity(seizure, searches, capped)).toBeCloseTo(0.1, 6);
    // the same story keeps more than one capped word's worth
    expect(similarity(searches, searches2, capped)).toBeGreaterThan(0.25);
    expect(similarity(searches, searches2, capped)).toBeLessThan(similarity(searches, searches2, w));
  });

  it("caps each shared term's product on its own", () => {
    // searches · searches2: perquisition 6/√84 (capped at 0.2), insoumis and melenchon 1/√84 each
    // (under it); a cap on the sum, or none, would give 0.2 or 8/√84
    expect(dot(searches.sparse, searches2.sparse, 0.2)).toBeCloseTo(0.2 + 2 / Math.sqrt(84), 9);
    expect(dot(searches.sparse, searches2.sparse)).toBeCloseTo(8 / Math.sqrt(84), 9);
  });
});

describe("minSharedTerms", () => {
  // a seizure and a party's searches share `perquisition` and, faintly, `enquete`; two reports of
  // the searches share three words of like weight
  const seizure = article(0, { perquisition: 3, cocaine: 1, havre: 1, enquete: 0.2 });
  const searches = article(1, { perquisition: 3, insoumis: 1, melenchon: 1, enquete: 0.2 });
  const searches2 = article(2, { perquisition: 1, insoumis: 1, melenchon: 1, siege: 1 });

  it("scales down a cosine one shared word carries, in proportion to its spread", () => {
    const floor = { ...w, minSharedTerms: 2 };
    const full = similarity(seizure, searches, w);
    // products 9/11.04 and 0.04/11.04: spread = 9.04² / (81 + 0.0016) ≈ 1.009
    const spread = 9.04 ** 2 / (81 + 0.04 ** 2);
    expect(similarity(seizure, searches, floor)).toBeCloseTo((full * spread) / 2, 9);
  });

  it("leaves a cosine several shared words carry as it is", () => {
    const floor = { ...w, minSharedTerms: 2 };
    // products 3, 1, 1 (spread 25 / 11 ≈ 2.27 ≥ 2)
    expect(similarity(searches, searches2, floor)).toBeCloseTo(similarity(searches, searches2, w), 12);
    expect(spreadDot(searches.sparse, searches2.sparse, 3)).toBeCloseTo(
      (dot(searches.sparse, searches2.sparse) * (25 / 11)) / 3,
      12,
    );
  });

  it("is 0 for articles sharing nothing", () => {
    expect(spreadDot(seizure.sparse, article(3, { vote: 1 }).sparse, 2)).toBe(0);
  });
});

describe("weights that cannot be used", () => {
  it("a negative cap or shared-terms floor is refused with its name, before any clustering", () => {
    expect(() => checkWeights({ ...w, termCap: -0.1 })).toThrow(/termCap must be a number ≥ 0/);
    expect(() => checkWeights({ ...w, minSharedTerms: -1 })).toThrow(/minSharedTerms/);
    expect(() => checkWeights({ ...w, termCap: Number.NaN })).toThrow(/termCap/);
    expect(() => similarityMatrix([], { ...w, termCap: -0.1 })).toThrow(/termCap/);
    // the live tracker refuses them when it is made, not at its first article
    const live = (weights: typeof w & { termCap?: number }) =>
      createStoryTracker(createNewsIndex([]), { params: { ...LEARNED_LIVE_PARAMS, weights } });
    expect(() => live({ ...w, termCap: -0.1 })).toThrow(/termCap/);
    expect(() => live({ ...w, termCap: 0.5 })).not.toThrow();
    expect(() => checkWeights({ ...w, termCap: 0, minSharedTerms: 2 })).not.toThrow();
  });
});
