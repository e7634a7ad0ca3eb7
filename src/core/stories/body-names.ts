// The rare names an article's body gives — the people, places, firms and models it is about, read
// past the title and lead — and how much two bodies' names agree. Two reports of one event name
// the same victim, town, suspect or car in their bodies, even when their titles put it otherwise;
// two events of one theme (two shootings in two towns, two concept cars, two campaign items) share
// the theme's words but not the names their bodies give. Read as the second witness of apart title
// actors (apart.ts BodyWitness, cluster.ts ClusterParams.apartBodyAgreement; round 20, stories24).
import { createIndexCache } from "../cache/index-cache.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { stemLanguage } from "../search/news-index.ts";
import { capitalisedRuns, leadSentences } from "./features.ts";

/** Sentences of the body read (its first part: who, where, what). */
const BODY_SENTENCES = 12;
/**
 * A name's word in more articles than this is too common to tell two events apart. Ten times
 * features.ts's entity floor: a body's names are compared word by word, and a well-known name
 * (a minister, a party) both bodies give is still evidence of one subject (stories24: agreement
 * with the floor at 1,000 / 3,000 / 10,000 / 30,000 articles, AUC 0.67 / 0.70 / 0.71 / 0.71 on the
 * labelled days' near-threshold pairs).
 */
const COMMON_DOCS = 10_000;

const caches = createIndexCache<NewsIndex, string, ReadonlyMap<string, number>>();

/**
 * Term → rarity of the words inside the capitalised names of `doc`'s title and body opening: a
 * word's idf above the floor of a word in `COMMON_DOCS` articles (features.ts's entity weight,
 * word by word: `Jean-Louis Borloo` and `Borloo` then agree on `borloo`). Cached per index.
 */
export function bodyNames(
  news: NewsIndex,
  doc: number,
  commonDocs = COMMON_DOCS,
): ReadonlyMap<string, number> {
  return caches.get(news, `${commonDocs}/${doc}`, () => {
    const out = new Map<string, number>();
    const a = news.articles[doc];
    if (a) {
      const lang = stemLanguage(a.lang);
      const floor = Math.log(1 + news.index.docCount / commonDocs);
      for (const s of [a.title, ...leadSentences(a.body, BODY_SENTENCES)])
        for (const run of capitalisedRuns(s))
          for (const t of news.analyzer.terms(run, lang)) {
            if (out.has(t) || news.index.docFreq(t) < 2) continue;
            const w = news.index.idf(t) - floor;
            if (w > 0) out.set(t, w);
          }
    }
    return out;
  });
}

/** Summed weight of a name map. */
export function nameMass(names: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const w of names.values()) s += w;
  return s;
}

/**
 * How much two bodies' names agree, 0–1: the weight of the name words both give (the smaller of
 * the two weights, equal here: a word's weight is its rarity) over the smaller body's total. 1
 * when the shorter body's names are all in the other; undefined when either body names nothing
 * rare (no evidence either way).
 */
export function nameAgreement(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
  minMass = 0,
): number | undefined {
  const ma = nameMass(a);
  const mb = nameMass(b);
  if (ma <= 0 || mb <= 0 || Math.min(ma, mb) < minMass) return undefined;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [t, w] of small) if (big.has(t)) shared += w;
  return shared / Math.min(ma, mb);
}
