// The archive's sections: the kinds of news it carries (car reviews, national politics, faits
// divers, TV and celebrities…), found without labels by spherical k-means over the title-and-lead
// vectors of the corpus (`npm run learn:sections -- --out FILE`). An article belongs to the
// section whose centroid is nearest; `npm run train:ranker -- --sections FILE` learns how often
// each section's stories lead the labelled front pages, a coarser view of a story's kind than its
// words that also reaches words no labelled story used. A screen (stories21: measured held out,
// not shipped; bench/results/stories.md), outside src/core until a screen chooses it. There are several cuts of the
// archive (sets of sections at different granularities): how finely to cut it is a choice no
// labelled day should make, so an article has one section per cut and its score is their average.
import { wordScore } from "../../src/core/stories/index.ts";

/** A section's centroid: its heaviest terms (stems), unit length. */
export type SectionCentroid = Readonly<Record<string, number>>;
/** One cut of the archive into sections. */
export type SectionSet = readonly SectionCentroid[];

const maps = new WeakMap<SectionSet, ReadonlyMap<string, number>[]>();
function centroidMaps(sections: SectionSet): ReadonlyMap<string, number>[] {
  let m = maps.get(sections);
  if (!m) {
    m = sections.map((c) => new Map(Object.entries(c)));
    maps.set(sections, m);
  }
  return m;
}

/** The section of an article's vector (index into `sections`), -1 when it shares no term with any. */
export function sectionOf(vector: ReadonlyMap<string, number>, sections: SectionSet): number {
  let best = -1;
  let bestDot = 0;
  centroidMaps(sections).forEach((c, i) => {
    let d = 0;
    for (const [t, w] of vector) d += w * (c.get(t) ?? 0);
    if (d > bestDot) {
      best = i;
      bestDot = d;
    }
  });
  return best;
}

/** The pseudo-term naming section `section` of cut `set` in the ranker's section weights (no stem
 * starts with `§`). */
export const sectionKey = (set: number, section: number) => `§${set}.${section}`;

/** The keys of an article's sections, one per cut (none for a cut it shares no term with). */
export function sectionKeys(vector: ReadonlyMap<string, number>, sets: readonly SectionSet[]): string[] {
  const keys: string[] = [];
  sets.forEach((set, s) => {
    const i = sectionOf(vector, set);
    if (i >= 0) keys.push(sectionKey(s, i));
  });
  return keys;
}

/** A headline's section score: its sections' front-page log-odds (`weights`, by key), one per
 * cut, as a word score (summed over √n); 0 without weights. */
export function sectionScore(
  weights: ReadonlyMap<string, number> | undefined,
  sets: readonly SectionSet[],
  vector: ReadonlyMap<string, number>,
): number {
  return wordScore(weights, sectionKeys(vector, sets));
}
