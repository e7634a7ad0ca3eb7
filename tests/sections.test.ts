import { describe, expect, it } from "vitest";
import { rng } from "../bench/lib/orangesum.ts";
import { nearest, pruneUnit, sparseDot, sphericalKMeans } from "../bench/lib/spherical-kmeans.ts";
import {
  type SectionCentroid,
  sectionKey,
  sectionKeys,
  sectionOf,
  sectionScore,
} from "../bench/screens/sections.ts";

const unit = (terms: Record<string, number>) => pruneUnit(new Map(Object.entries(terms)));

describe("spherical k-means", () => {
  // two kinds of news that share no word, with some variety inside each
  const cars = ["moteur ch boite", "moteur constructeur ch", "boite jant moteur", "ch jant constructeur"];
  const politics = ["ministre gouvernement reforme", "depute assemblee reforme", "ministre assemblee vote"];
  const vec = (s: string) => unit(Object.fromEntries(s.split(" ").map((t) => [t, 1])));
  const vectors = [...cars, ...politics].map(vec);

  it("separates vectors that share no term, whatever the seed", () => {
    for (const seed of [1, 2, 3, 18]) {
      const { assignment } = sphericalKMeans(vectors, { k: 2, iterations: 5, random: rng(seed) });
      const carSection = assignment[0];
      expect(assignment.slice(0, cars.length).every((a) => a === carSection)).toBe(true);
      expect(assignment.slice(cars.length).every((a) => a !== carSection)).toBe(true);
    }
  });

  it("is reproducible with the same seed", () => {
    const a = sphericalKMeans(vectors, { k: 3, iterations: 4, random: rng(7) });
    const b = sphericalKMeans(vectors, { k: 3, iterations: 4, random: rng(7) });
    expect(a.assignment).toEqual(b.assignment);
  });

  it("keeps centroids unit length with only their heaviest terms", () => {
    const { centroids } = sphericalKMeans(vectors, { k: 2, iterations: 5, random: rng(1), keep: 2 });
    for (const c of centroids) {
      expect(c.size).toBeLessThanOrEqual(2);
      expect(sparseDot(c, c)).toBeCloseTo(1, 9);
    }
  });

  it("refuses fewer vectors than centroids", () => {
    expect(() => sphericalKMeans(vectors.slice(0, 2), { k: 3, iterations: 1, random: rng(1) })).toThrow();
  });

  it("nearest is -1 for a vector sharing no term", () => {
    expect(nearest(vec("meteo pluie"), [vec("moteur ch")])).toBe(-1);
    expect(nearest(vec("moteur pluie"), [vec("ministre"), vec("moteur ch")])).toBe(1);
  });
});

describe("sectionOf", () => {
  const sections: SectionCentroid[] = [
    { moteur: 0.8, ch: 0.6 },
    { ministre: 0.6, reforme: 0.8 },
  ];
  it("puts an article in the section of highest dot product", () => {
    expect(sectionOf(unit({ reforme: 1, retraite: 1 }), sections)).toBe(1);
    expect(sectionOf(unit({ moteur: 2, ministre: 1 }), sections)).toBe(0);
  });
  it("is -1 without a shared term, or without sections", () => {
    expect(sectionOf(unit({ pluie: 1 }), sections)).toBe(-1);
    expect(sectionOf(unit({ moteur: 1 }), [])).toBe(-1);
  });
  it("names sections by cut and index, a key no stem can be", () => {
    expect(sectionKey(0, 3)).toBe("§0.3");
    expect(sectionKey(1, 3)).not.toBe(sectionKey(0, 3));
    expect(sectionKey(1, 11)).not.toBe(sectionKey(11, 1));
  });
  it("gives an article one section per cut of the archive", () => {
    const coarse: SectionCentroid[] = [{ moteur: 0.6, ministre: 0.8 }];
    expect(sectionKeys(unit({ reforme: 1, ministre: 1 }), [sections, coarse])).toEqual(["§0.1", "§1.0"]);
    expect(sectionKeys(unit({ ch: 1 }), [sections, coarse])).toEqual(["§0.0"]);
  });
  it("scores a headline by its sections' learned odds, 0 without a section or weights", () => {
    const weights = new Map([
      [sectionKey(0, 0), -1.2],
      [sectionKey(0, 1), 0.7],
      [sectionKey(1, 0), 0.3],
    ]);
    const coarse: SectionCentroid[] = [{ ministre: 1 }];
    expect(sectionScore(weights, [sections], unit({ reforme: 1 }))).toBe(0.7);
    expect(sectionScore(weights, [sections], unit({ ch: 1, moteur: 1 }))).toBe(-1.2);
    // one section in each cut: their odds summed over √2, as a word score
    expect(sectionScore(weights, [sections, coarse], unit({ reforme: 1, ministre: 1 }))).toBeCloseTo(
      1 / Math.SQRT2,
      10,
    );
    expect(sectionScore(weights, [sections], unit({ pluie: 1 }))).toBe(0);
    expect(sectionScore(undefined, [sections], unit({ reforme: 1 }))).toBe(0);
  });
});
