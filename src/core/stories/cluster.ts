// Two ways to group a period's articles into stories, both over the same pair similarity:
// agglomerative clustering with average linkage (merge the two most similar groups while their
// mean pair similarity reaches the threshold; a story must hang together as a whole, so one
// bridging article cannot chain two events) and single pass (each article, in time order, joins
// the group it is most similar to on average, or starts one) — the incremental form used for live
// ingestion. bench/tune-stories.ts measures both on the labelled days.
import type { ActorKind } from "./actor-kind.ts";
import { type ApartMode, apartTest, type BodyWitness } from "./apart.ts";
import { type Background, localFactor, MIN_BACKGROUND } from "./background.ts";
import { type ArticleFeatures, type FeatureOptions, toSparse } from "./features.ts";
import { checkWeights, type SimilarityWeights, similarity } from "./similarity.ts";

export type ClusterMethod = "average" | "single-pass";

export interface ClusterParams {
  readonly weights: SimilarityWeights;
  /** Mean pair similarity two groups need to be one story. */
  readonly threshold: number;
  /** What each article is described by (lead length, when a name is too common). */
  readonly features?: FeatureOptions;
  /**
   * Period emphasis: a term that at least three of the period's articles use, and that the period
   * uses more than the corpus does, has its weight multiplied by `1 + periodBoost × ln(lift)`
   * (lift = share of the period's articles using it / share of the corpus's). The words a day's
   * coverage keeps repeating (`grève` on a strike day) then bind its articles, while a word that is
   * everywhere for months (`coronavirus` in spring 2020) is not lifted and joins nothing by itself.
   * 0 = corpus idf only.
   */
  readonly periodBoost?: number;
  /**
   * Local rarity: the articles of this many days before the period are its background (0 or
   * absent = none). A term's weight is multiplied by min(1, its idf in the background / its idf
   * in the corpus) ^ `localWeight`, so the words a long crisis repeats for weeks bind nothing, and
   * the period emphasis compares the period with the background instead of the corpus.
   */
  readonly localWindowDays?: number;
  /** Exponent of the local-rarity factor (0 = corpus idf only). */
  readonly localWeight?: number;
  /**
   * When > 0, local rarity is judged by the period's lift over the background instead: a term the
   * period uses less than `localLift` times as often as the weeks before keeps
   * (lift / localLift) ^ localWeight of its weight — the crisis's words, said every day, fade; the
   * day's own surge (a strike, a fire) keeps its weight.
   */
  readonly localLift?: number;
  /** The period emphasis scaled by the share of the period's articles using the term. */
  readonly shareBoost?: boolean;
  /** Single pass (the live tracker): fold two stories together once their mean similarity reaches the threshold. */
  readonly merge?: boolean;
  /**
   * Refuse a lone pair whose title actors are apart (apart.ts: two different actors of the kinds
   * `mode` counts, neither article naming the other's), and close both sides: neither article
   * then joins any story nor takes one in. Two actors that do not name each other are two stories
   * when nothing else binds them first; refused, the article would otherwise join its next-best
   * story, lower still, and carry its refused partner's theme there (round 18: Buzyn's programme,
   * refused Dati's, joined the coronavirus). Absent = off.
   */
  readonly refuseApart?: ApartMode;
  /**
   * With `refuseApart`, refuse only the pairs whose bodies' rare names also agree less than this
   * (apart.ts BodyWitness, body-names.ts): a second witness, so that actors of any kind can be
   * refused (`refuseApart: "any"`) without parting a place from what happens there. Absent = the
   * titles alone decide (round 19's refusal). Round 20 (stories24, bench/results/stories.md).
   */
  readonly apartBodyAgreement?: number;
}

/** Term frequencies of a period, against the corpus's. */
export interface PeriodTerms {
  /** Term → number of the period's articles whose vector holds it. */
  readonly df: Map<string, number>;
  size: number;
  /** Share of the corpus's articles holding a term (0–1). */
  readonly corpusShare: (term: string) => number;
  /** The weeks before the period, when local rarity is used (see ClusterParams.localWindowDays). */
  readonly background?: Background;
  /** Corpus idf of a term (for the local-rarity factor). */
  readonly corpusIdf?: (term: string) => number;
}

export function periodTerms(
  items: readonly ArticleFeatures[],
  corpusShare: (term: string) => number,
  background?: Background,
  corpusIdf?: (term: string) => number,
): PeriodTerms {
  const df = new Map<string, number>();
  for (const f of items) for (const t of f.vector.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  return {
    df,
    size: items.length,
    corpusShare,
    ...(background && corpusIdf ? { background, corpusIdf } : {}),
  };
}

/** The period's share of a term against the background's (smoothed), or the corpus's without one. */
function liftOf(period: PeriodTerms, term: string, n: number): number {
  const share = n / period.size;
  const bg = period.background;
  if (bg && bg.size >= MIN_BACKGROUND) return share / ((bg.df(term) + 1) / (bg.size + 2));
  return share / Math.max(period.corpusShare(term), 1e-6);
}

/** Fewest articles of the period a term must be in to be lifted (two articles sharing a word is idf's job). */
const MIN_PERIOD_ARTICLES = 3;

/**
 * `f` with its vector re-weighted by the period's lifted terms (see `periodBoost`) and by local
 * rarity (see `localWeight`, when the period has a background).
 */
export function emphasise(
  f: ArticleFeatures,
  period: PeriodTerms,
  boost: number,
  localWeight = 0,
  localLift = 0,
  shareBoost = false,
): ArticleFeatures {
  const bg = period.background;
  const idf = period.corpusIdf;
  const local = localWeight > 0 && bg !== undefined && idf !== undefined;
  if ((boost <= 0 && !local) || period.size === 0) return f;
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [t, w] of f.vector) {
    const n = period.df.get(t) ?? 0;
    const lift = boost > 0 && n >= MIN_PERIOD_ARTICLES ? liftOf(period, t, n) : 1;
    const damp = local ? localFactor(bg, t, idf(t), localWeight, Math.max(1, n) / period.size, localLift) : 1;
    // with shareBoost, a word's lift counts in proportion to the share of the period using it: the
    // words that dominate the period bind, not one that three articles happen to share
    const gain = Math.log(Math.max(1, lift)) * (shareBoost ? n / period.size : 1);
    const v = w * damp * (1 + boost * gain);
    vector.set(t, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, v] of vector) vector.set(t, v / norm);
  return { ...f, vector, sparse: toSparse(vector) };
}

/** Pair similarities of `items` as a dense symmetric matrix (row-major). */
export function similarityMatrix(
  items: readonly ArticleFeatures[],
  weights: SimilarityWeights,
): Float32Array {
  checkWeights(weights);
  const n = items.length;
  const m = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    const a = items[i] as ArticleFeatures;
    for (let j = i + 1; j < n; j++) {
      const s = similarity(a, items[j] as ArticleFeatures, weights);
      m[i * n + j] = s;
      m[j * n + i] = s;
    }
  }
  return m;
}

/**
 * Average-linkage agglomerative clustering of `n` items; returns groups of item indices.
 * `onMerge` sees each merge (the two groups' first items and their mean similarity), in order.
 * `apart` (ClusterParams.refuseApart): when the best merge left joins two lone items it holds
 * apart, neither is merged with anything from then on. Merges still come in falling similarity, so
 * a run to the end cut at a threshold gives the run at that threshold (bench/tune-stories.ts).
 */
export function averageLinkage(
  n: number,
  sim: Float32Array,
  threshold: number,
  onMerge?: (a: number, b: number, at: number) => void,
  apart?: (a: number, b: number) => boolean,
): number[][] {
  // group-to-group summed similarity (Lance–Williams for average linkage: sums add up)
  const sum = Float64Array.from(sim);
  const size = new Array<number>(n).fill(1);
  const members: (number[] | undefined)[] = Array.from({ length: n }, (_, i) => [i]);
  const alive = new Uint8Array(n).fill(1);
  const avg = (i: number, j: number) =>
    (sum[i * n + j] as number) / ((size[i] as number) * (size[j] as number));
  // each group's most similar other group: a merge can only lower the similarity of the merged
  // group to a third (an average of the two), so only the rows that pointed at the merged
  // groups are searched again — the whole clustering costs about n² instead of n³
  const best = new Int32Array(n).fill(-1);
  const bestAvg = new Float64Array(n).fill(Number.NEGATIVE_INFINITY);
  const searchRow = (i: number) => {
    best[i] = -1;
    bestAvg[i] = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) {
      if (j === i || !alive[j]) continue;
      const a = avg(i, j);
      if (a > (bestAvg[i] as number)) {
        bestAvg[i] = a;
        best[i] = j;
      }
    }
  };
  for (let i = 0; i < n; i++) searchRow(i);
  for (;;) {
    let bi = -1;
    let top = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++)
      if (alive[i] && (best[i] as number) >= 0 && (bestAvg[i] as number) > top) {
        top = bestAvg[i] as number;
        bi = i;
      }
    if (bi < 0 || top < threshold) break;
    let bj = best[bi] as number;
    if (bj < bi) [bi, bj] = [bj, bi];
    if (apart && size[bi] === 1 && size[bj] === 1 && apart(bi, bj)) {
      // refused: both stay stories of their own (out of the search, kept in the output)
      alive[bi] = 0;
      alive[bj] = 0;
      best[bi] = -1;
      best[bj] = -1;
      for (let k = 0; k < n; k++) if (alive[k] && (best[k] === bi || best[k] === bj)) searchRow(k);
      continue;
    }
    onMerge?.(bi, bj, top);
    // merge bj into bi
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (sum[bi * n + k] as number) + (sum[bj * n + k] as number);
      sum[bi * n + k] = s;
      sum[k * n + bi] = s;
    }
    size[bi] = (size[bi] as number) + (size[bj] as number);
    (members[bi] as number[]).push(...(members[bj] as number[]));
    members[bj] = undefined;
    alive[bj] = 0;
    searchRow(bi);
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi) continue;
      if (best[k] === bi || best[k] === bj) searchRow(k);
    }
  }
  return members.filter((m): m is number[] => m !== undefined).map((m) => m.sort((a, b) => a - b));
}

/**
 * Single pass in the given order: join the group of best mean similarity ≥ threshold, or start one.
 * With `merge`, a group an item joined is then merged with any other group whose mean similarity
 * to it (over all pairs) has reached the threshold, best first: a story opened by an article that
 * belonged to another one is folded back when the articles that tie them arrive. `apart`
 * (ClusterParams.refuseApart): an item whose best group is one lone item it holds apart starts a
 * story of its own, and neither story takes another join or merge (averageLinkage's rule).
 */
export function singlePass(
  n: number,
  sim: Float32Array,
  threshold: number,
  merge = false,
  apart?: (a: number, b: number) => boolean,
): number[][] {
  const groups: number[][] = [];
  const closed = new Set<number[]>();
  const mean = (a: readonly number[], b: readonly number[]) => {
    let s = 0;
    for (const i of a) for (const j of b) s += sim[i * n + j] as number;
    return s / (a.length * b.length);
  };
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestAvg = threshold;
    groups.forEach((g, gi) => {
      if (closed.has(g)) return;
      const avg = mean([i], g);
      if (avg >= bestAvg) {
        bestAvg = avg;
        best = gi;
      }
    });
    if (best < 0) {
      groups.push([i]);
      continue;
    }
    const g = groups[best] as number[];
    if (apart && g.length === 1 && apart(g[0] as number, i)) {
      const alone = [i];
      groups.push(alone);
      closed.add(alone);
      closed.add(g);
      continue;
    }
    g.push(i);
    while (merge) {
      let other = -1;
      let top = threshold;
      groups.forEach((h, hi) => {
        if (h === g || h.length === 0 || closed.has(h)) return;
        const avg = mean(g, h);
        if (avg >= top) {
          top = avg;
          other = hi;
        }
      });
      if (other < 0) break;
      g.push(...(groups[other] as number[]));
      groups[other] = [];
    }
  }
  return groups.filter((g) => g.length > 0).map((g) => g.sort((a, b) => a - b));
}

/**
 * Groups of `items` (indices into it) by `method`; single pass takes items in the order given.
 * `background` and `corpusIdf` are needed for local rarity (ClusterParams.localWindowDays),
 * `kindOf` for refusing apart actors (ClusterParams.refuseApart; actor-kind.ts actorKindsOf),
 * `bodyNamesOf` for their bodies' witness (ClusterParams.apartBodyAgreement; body-names.ts).
 */
export function clusterFeatures(
  items: readonly ArticleFeatures[],
  params: ClusterParams,
  method: ClusterMethod = "average",
  corpusShare: (term: string) => number = () => 1,
  background?: Background,
  corpusIdf?: (term: string) => number,
  kindOf?: (name: string) => ActorKind,
  bodyNamesOf?: (doc: number) => ReadonlyMap<string, number>,
): number[][] {
  const boost = params.periodBoost ?? 0;
  const localWeight = params.localWeight ?? 0;
  const localLift = params.localLift ?? 0;
  const period =
    boost > 0 || (localWeight > 0 && background)
      ? periodTerms(items, corpusShare, background, corpusIdf)
      : undefined;
  const sim = similarityMatrix(
    period
      ? items.map((f) => emphasise(f, period, boost, localWeight, localLift, params.shareBoost ?? false))
      : items,
    params.weights,
  );
  const mode = params.refuseApart;
  if (mode && !kindOf)
    throw new Error("clusterFeatures: refuseApart needs the archive's actor kinds (kindOf)");
  const body = bodyWitness(params, bodyNamesOf);
  const apart = mode && kindOf ? apartTest(items, mode, kindOf, body) : undefined;
  return method === "average"
    ? averageLinkage(items.length, sim, params.threshold, undefined, apart)
    : singlePass(items.length, sim, params.threshold, params.merge ?? false, apart);
}

/** The bodies' witness the parameters ask for (ClusterParams.apartBodyAgreement), or undefined. */
export function bodyWitness(
  params: ClusterParams,
  namesOf: ((doc: number) => ReadonlyMap<string, number>) | undefined,
): BodyWitness | undefined {
  const ceiling = params.apartBodyAgreement;
  if (ceiling === undefined || !params.refuseApart) return undefined;
  if (!namesOf) throw new Error("clusterFeatures: apartBodyAgreement needs the bodies' names (bodyNamesOf)");
  return { ceiling, namesOf };
}
