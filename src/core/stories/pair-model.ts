// A learned pair model: how likely two articles of a period report the same story, read from
// several views of the pair at once (the similarity in use, the titles alone, the leads alone,
// the heads, shared rare names and numbers, how many words carry the overlap) instead of one
// hand-built blend. Its logistic weights are fitted on the labelled days by bench/train-pairs.ts
// (learned-pairs.ts); average linkage then groups on the probability.
import type { NewsIndex } from "../search/news-index.ts";
import { stemLanguage } from "../search/news-index.ts";
import {
  type ArticleFeatures,
  type FeatureOptions,
  isCalendarTerm,
  leadSentences,
  type SparseVector,
  toSparse,
} from "./features.ts";
import { type SimilarityWeights, sharedEntities, timeFactor } from "./similarity.ts";

/** The views of one article the pair features compare (besides its ArticleFeatures). */
export interface PairInputs {
  /** TF-IDF of the title alone, L2-normalised. */
  readonly title: SparseVector;
  /** TF-IDF of the lead alone (no title), L2-normalised. */
  readonly lead: SparseVector;
  /** TF-IDF of the head: the title and the lead's first sentence. */
  readonly head: SparseVector;
  /** Numbers of title and lead (not dates: a day of the month or a year dates, it does not tell). */
  readonly numbers: ReadonlyMap<string, number>;
  /** Terms in the title. */
  readonly titleTerms: number;
}

/** Feature names, in the order `pairFeatures` returns them and the model's weights follow. */
export const PAIR_FEATURES = [
  "text",
  "title",
  "lead",
  "head",
  "names",
  "numbers",
  "spread",
  "top",
  "shortTitle",
] as const;

export interface PairModel {
  /** PAIR_FEATURES the weights were fitted on (checked: a model of other features is refused). */
  readonly features: readonly string[];
  readonly weights: readonly number[];
  readonly bias: number;
  /** Mean pair probability two groups need to be one story (average linkage, the digest). */
  readonly threshold: number;
  /** The live tracker's (single pass), chosen on the same days. */
  readonly liveThreshold: number;
}

const caches = new WeakMap<NewsIndex, Map<number, Map<number, PairInputs>>>();

/** Pair inputs of `doc`, computed once per index and lead length. */
export function pairInputs(news: NewsIndex, doc: number, options: FeatureOptions = {}): PairInputs {
  let byLead = caches.get(news);
  if (!byLead) {
    byLead = new Map();
    caches.set(news, byLead);
  }
  const lead = options.leadSentences ?? 3;
  let cache = byLead.get(lead);
  if (!cache) {
    cache = new Map();
    byLead.set(lead, cache);
  }
  const hit = cache.get(doc);
  if (hit) return hit;
  const made = computeInputs(news, doc, lead);
  cache.set(doc, made);
  return made;
}

function computeInputs(news: NewsIndex, doc: number, leadCount: number): PairInputs {
  const a = news.articles[doc];
  const lang = stemLanguage(a?.lang);
  const sentences = a ? leadSentences(a.body, leadCount) : [];
  const tfOf = (texts: readonly string[]) => {
    const tf = new Map<string, number>();
    for (const t of texts)
      news.analyzer.forEachTerm(t, lang, (term) => {
        if (!isCalendarTerm(news, term)) tf.set(term, (tf.get(term) ?? 0) + 1);
      });
    return tf;
  };
  const title = tfOf(a ? [a.title] : []);
  const lead = tfOf(sentences);
  const numbers = new Map<string, number>();
  for (const t of new Set([...title.keys(), ...lead.keys()]))
    if (/\d/.test(t)) numbers.set(t, news.index.idf(t));
  let titleTerms = 0;
  for (const n of title.values()) titleTerms += n;
  return {
    title: weighed(news, title),
    lead: weighed(news, lead),
    head: weighed(news, tfOf(a ? [a.title, ...sentences.slice(0, 1)] : [])),
    numbers,
    titleTerms,
  };
}

/** Sublinear tf × idf, L2-normalised, as sparse arrays. */
function weighed(news: NewsIndex, tf: ReadonlyMap<string, number>): SparseVector {
  const v = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * news.index.idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return toSparse(v);
}

/** Dot product, the largest single product, and the sum of squared products of two sparse vectors. */
function overlap(a: SparseVector, b: SparseVector): { dot: number; top: number; sq: number } {
  let i = 0;
  let j = 0;
  let dot = 0;
  let top = 0;
  let sq = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) {
      const p = (a.weights[i] as number) * (b.weights[j] as number);
      dot += p;
      sq += p * p;
      if (p > top) top = p;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return { dot, top, sq };
}

/** Names' evidence at the digest's scale (sharedEntities saturates at this summed rarity). */
const NAME_SCALE = 3;

/**
 * The pair's features in PAIR_FEATURES order. `a` and `b` are the features clustering compares
 * (period-emphasised), `ia` and `ib` their pair inputs. Time is not a feature: a labelled day has
 * none to learn from; the probability is damped by the days between instead (pairProbability).
 */
export function pairFeatures(
  a: ArticleFeatures,
  b: ArticleFeatures,
  ia: PairInputs,
  ib: PairInputs,
): number[] {
  const text = overlap(a.sparse, b.sparse);
  // how many equally weighted words would give this overlap: one rare word (`chauffard`) is the
  // whole link of a theme merge, several words that of a story
  const spread = text.sq > 0 ? (text.dot * text.dot) / text.sq : 0;
  let numbers = 0;
  const [small, big] =
    ia.numbers.size <= ib.numbers.size ? [ia.numbers, ib.numbers] : [ib.numbers, ia.numbers];
  for (const [t, w] of small) if (big.has(t)) numbers += w;
  const names = sharedEntities(a, b, {
    textWeight: 0,
    graceDays: 1,
    halfLifeDays: 3,
    entityScale: NAME_SCALE,
  });
  return [
    text.dot,
    overlap(ia.title, ib.title).dot,
    overlap(ia.lead, ib.lead).dot,
    overlap(ia.head, ib.head).dot,
    names,
    1 - Math.exp(-numbers / NAME_SCALE),
    Math.log(1 + spread),
    text.dot > 0 ? text.top / text.dot : 0,
    1 / (1 + Math.min(ia.titleTerms, ib.titleTerms)),
  ];
}

/** Throws on a model fitted on other features than this code computes. */
export function checkModel(model: PairModel): void {
  if (
    model.features.length !== PAIR_FEATURES.length ||
    model.features.some((f, i) => f !== PAIR_FEATURES[i]) ||
    model.weights.length !== PAIR_FEATURES.length
  )
    throw new Error(
      `pair model: fitted on [${model.features.join(", ")}], not [${PAIR_FEATURES.join(", ")}]`,
    );
}

/** P(same story) of a feature row. */
export function pairLogit(model: PairModel, x: readonly number[]): number {
  let z = model.bias;
  for (let k = 0; k < x.length; k++) z += (model.weights[k] as number) * (x[k] as number);
  return z;
}

/** P(same story) of two articles, damped by the days between them as the similarity is. */
export function pairProbability(
  model: PairModel,
  a: ArticleFeatures,
  b: ArticleFeatures,
  ia: PairInputs,
  ib: PairInputs,
  time: SimilarityWeights,
): number {
  const z = pairLogit(model, pairFeatures(a, b, ia, ib));
  return (1 / (1 + Math.exp(-z))) * timeFactor(a, b, time);
}
