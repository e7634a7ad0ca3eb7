// Structural variants of the digest's clustering for bench/screens/cluster-structure.ts: average
// linkage with a condition a merge must meet besides the mean similarity (how the two groups are
// joined: cohesion, cover, bridge, edges), a split pass over finished stories, another merge
// criterion (share-linkage), and the pair similarity damped when the two articles' actors (the
// first rare name of title or opening sentence) differ, or their actions (the opening sentence's
// words outside names) do. Each is measured held out by cluster-structure.ts; none is in src/.
import type { NewsIndex } from "../../src/core/search/news-index.ts";
import { stemLanguage } from "../../src/core/search/news-index.ts";
import { actorKindsOf, runsWithCue } from "../../src/core/stories/actor-kind.ts";
import { bodyNames, nameAgreement } from "../../src/core/stories/body-names.ts";
import { leadSentences } from "../../src/core/stories/features.ts";
import {
  averageLinkage,
  backgroundBefore,
  capitalisedRuns,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
  similarityMatrix,
  singlePass,
  toSparse,
} from "../../src/core/stories/index.ts";
import { daysTogether, eventWeight, sameDaySharesOf, termPostingsOf } from "../lib/same-day-words.ts";
import { thinTest } from "../lib/thin-evidence.ts";
import type { DayData } from "./cluster-structure.ts";

export interface Variant {
  readonly name: string;
  /** Parameter vectors tried (each with every threshold). */
  readonly grid: readonly number[][];
  run(d: DayData, threshold: number, p: readonly number[], news: NewsIndex, live: boolean): number[][];
}

type Allow = (a: readonly number[], b: readonly number[], sim: Float32Array, n: number, t: number) => boolean;

/**
 * A merge forming a story of at most `size` articles is refused when any pair across it is
 * `refused` (the lone-pair refusals of stories20–24); a bigger story is never refused.
 */
function refuseLonePairs(size: number, refused: (i: number, j: number) => boolean): Allow {
  return (a, b) => {
    if (a.length + b.length > size) return true;
    for (const i of a) for (const j of b) if (refused(i, j)) return false;
    return true;
  };
}

/** A lone-pair refusal run by the digest's or the live tracker's clustering, both sides closed or not. */
function thinRun(
  d: DayData,
  t: number,
  refused: (i: number, j: number) => boolean,
  close: boolean,
  live: boolean,
): number[][] {
  const n = d.feats.length;
  if (close)
    return live ? singlePass(n, d.sim, t, true, refused) : averageLinkage(n, d.sim, t, undefined, refused);
  const allow = refuseLonePairs(2, refused);
  return live ? singlePassAllow(n, d.sim, t, allow) : constrainedLinkage(n, d.sim, t, allow);
}

/** Average linkage, the best allowed pair of groups merged while its mean similarity reaches `t`. */
export function constrainedLinkage(
  n: number,
  sim: Float32Array,
  t: number,
  allow?: Allow,
  freeze: boolean | "both" = false,
): number[][] {
  let groups: number[][] = Array.from({ length: n }, (_, i) => [i]);
  // with `freeze`, the smaller group of a refused merge takes no other merge: refused, it would
  // otherwise join its next-best group, lower still
  const frozen = new Set<number[]>();
  const mean = (a: readonly number[], b: readonly number[]) => {
    let s = 0;
    for (const i of a) for (const j of b) s += sim[i * n + j] as number;
    return s / (a.length * b.length);
  };
  for (;;) {
    const cands: [number, number, number][] = [];
    for (let i = 0; i < groups.length; i++)
      for (let j = i + 1; j < groups.length; j++) {
        const m = mean(groups[i] as number[], groups[j] as number[]);
        if (m >= t) cands.push([m, i, j]);
      }
    cands.sort((x, y) => y[0] - x[0]);
    let pick: [number, number, number] | undefined;
    for (const c of cands) {
      const a = groups[c[1]] as number[];
      const b = groups[c[2]] as number[];
      if (frozen.has(a) || frozen.has(b)) continue;
      if (!allow || allow(a, b, sim, n, t)) {
        pick = c;
        break;
      }
      // "both" (stories20): both sides of a refused merge are closed, whatever their order
      if (freeze === "both") {
        frozen.add(a);
        frozen.add(b);
      } else if (freeze) frozen.add(a.length <= b.length ? a : b);
    }
    if (!pick) break;
    const [, i, j] = pick;
    const merged = [...(groups[i] as number[]), ...(groups[j] as number[])];
    groups = groups.filter((_, k) => k !== i && k !== j);
    groups.push(merged);
  }
  return groups;
}

/**
 * The live tracker's single pass with merge (cluster.ts singlePass) where `allow` may refuse a
 * join or a merge: the article (or group) then takes the best allowed group instead.
 */
export function singlePassAllow(
  n: number,
  sim: Float32Array,
  t: number,
  allow: Allow,
  close = false,
): number[][] {
  const groups: number[][] = [];
  // with `close`, an article refused its best group starts a story of its own, and neither that
  // story nor the refused group takes another join or merge (the digest's freeze "both")
  const closed = new Set<number[]>();
  const mean = (a: readonly number[], b: readonly number[]) => {
    let s = 0;
    for (const i of a) for (const j of b) s += sim[i * n + j] as number;
    return s / (a.length * b.length);
  };
  for (let i = 0; i < n; i++) {
    let best = -1;
    let bestAvg = t;
    let first = -1;
    let firstAvg = t;
    groups.forEach((g, gi) => {
      if (closed.has(g)) return;
      const avg = mean([i], g);
      if (avg >= firstAvg) {
        firstAvg = avg;
        first = gi;
      }
      if (avg >= bestAvg && allow([i], g, sim, n, t)) {
        bestAvg = avg;
        best = gi;
      }
    });
    if (close && first >= 0 && first !== best) {
      const alone = [i];
      groups.push(alone);
      closed.add(alone);
      closed.add(groups[first] as number[]);
      continue;
    }
    if (best < 0) {
      groups.push([i]);
      continue;
    }
    const g = groups[best] as number[];
    g.push(i);
    for (;;) {
      let other = -1;
      let top = t;
      groups.forEach((h, hi) => {
        if (h === g || h.length === 0 || closed.has(h)) return;
        const avg = mean(g, h);
        if (avg >= top && allow(g, h, sim, n, t)) {
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

/** Share of the cross pairs of `a` × `b` whose similarity reaches `at`. */
function crossShare(a: readonly number[], b: readonly number[], sim: Float32Array, n: number, at: number) {
  let k = 0;
  for (const i of a) for (const j of b) if ((sim[i * n + j] as number) >= at) k++;
  return k / (a.length * b.length);
}

/** Share of `a`'s articles with at least one pair of similarity ≥ `at` into `b`. */
function cover(a: readonly number[], b: readonly number[], sim: Float32Array, n: number, at: number) {
  let k = 0;
  for (const i of a) if (b.some((j) => (sim[i * n + j] as number) >= at)) k++;
  return k / a.length;
}

const base = (d: DayData, t: number, live: boolean, sim = d.sim) =>
  live ? singlePass(d.feats.length, sim, t, true) : constrainedLinkage(d.feats.length, sim, t);

/** The first rare name (entity weight > 0) of the title, else of the opening sentence: its terms. */
const actorCache = new Map<number, Set<string> | null>();
const actorTitleCache = new Map<number, Set<string> | null>();
function actor(
  news: NewsIndex,
  doc: number,
  entities: ReadonlyMap<string, number>,
  titleOnly = false,
): Set<string> | null {
  const cache = titleOnly ? actorTitleCache : actorCache;
  const hit = cache.get(doc);
  if (hit !== undefined) return hit;
  const a = news.articles[doc];
  let out: Set<string> | null = null;
  if (a) {
    const lang = stemLanguage(a.lang);
    for (const s of [a.title, ...(titleOnly ? [] : leadSentences(a.body, 1))]) {
      for (const run of capitalisedRuns(s)) {
        const terms = news.analyzer.terms(run, lang);
        if ((entities.get(terms.join(" ")) ?? 0) > 0) {
          out = new Set(terms);
          break;
        }
      }
      if (out) break;
    }
  }
  cache.set(doc, out);
  return out;
}

/**
 * The action of an article: the idf-weighted terms of its opening sentence that are in no name
 * (capitalised run) of title or sentence — what happened, not who or where. L2-normalised.
 */
const actionCache = new Map<number, Map<string, number>>();
function action(news: NewsIndex, doc: number): Map<string, number> {
  const hit = actionCache.get(doc);
  if (hit) return hit;
  const a = news.articles[doc];
  const out = new Map<string, number>();
  if (a) {
    const lang = stemLanguage(a.lang);
    const first = leadSentences(a.body, 1)[0] ?? "";
    const named = new Set<string>();
    for (const s of [a.title, first])
      for (const run of capitalisedRuns(s)) for (const t of news.analyzer.terms(run, lang)) named.add(t);
    for (const t of news.analyzer.terms(first, lang))
      if (!named.has(t) && !/^\d+$/.test(t)) out.set(t, news.index.idf(t));
    let norm = 0;
    for (const w of out.values()) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of out) out.set(t, w / norm);
  }
  actionCache.set(doc, out);
  return out;
}

/** Every rare name of title and opening sentence, as terms. */
const headNamesCache = new Map<number, Set<string>>();
function headNames(news: NewsIndex, doc: number, entities: ReadonlyMap<string, number>): Set<string> {
  const hit = headNamesCache.get(doc);
  if (hit) return hit;
  const a = news.articles[doc];
  const out = new Set<string>();
  if (a) {
    const lang = stemLanguage(a.lang);
    for (const s of [a.title, ...leadSentences(a.body, 1)])
      for (const run of capitalisedRuns(s)) {
        const terms = news.analyzer.terms(run, lang);
        if ((entities.get(terms.join(" ")) ?? 0) > 0) for (const t of terms) out.add(t);
      }
  }
  headNamesCache.set(doc, out);
  return out;
}

const disjoint = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  for (const t of a) if (b.has(t)) return false;
  return true;
};

/** The similarity matrix with pairs whose articles' names conflict multiplied by `factor`. */
function damped(d: DayData, factor: number, conflict: (x: number, y: number) => boolean): Float32Array {
  const n = d.feats.length;
  const sim = Float32Array.from(d.sim);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++)
      if (conflict(i, j)) {
        sim[i * n + j] = (sim[i * n + j] as number) * factor;
        sim[j * n + i] = (sim[j * n + i] as number) * factor;
      }
  return sim;
}

/** Split each story of ≥ 3 whose last inner merge is below `t2` and whose halves share no head name. */
function splitPass(d: DayData, groups: number[][], t2: number, needNames: boolean, news: NewsIndex) {
  const n = d.feats.length;
  const out: number[][] = [];
  const names = (k: number) => headNames(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map());
  for (const g of groups) {
    if (g.length < 3) {
      out.push(g);
      continue;
    }
    // the group's own linkage down to two halves
    const sub = new Float32Array(g.length * g.length);
    g.forEach((a, i) => {
      g.forEach((b, j) => {
        sub[i * g.length + j] = d.sim[a * n + b] as number;
      });
    });
    let halves = g.map((_, i) => [i]);
    let last = Number.POSITIVE_INFINITY;
    while (halves.length > 2) {
      let best: [number, number, number] = [Number.NEGATIVE_INFINITY, 0, 1];
      for (let i = 0; i < halves.length; i++)
        for (let j = i + 1; j < halves.length; j++) {
          let s = 0;
          for (const x of halves[i] as number[])
            for (const y of halves[j] as number[]) s += sub[x * g.length + y] as number;
          const m = s / ((halves[i] as number[]).length * (halves[j] as number[]).length);
          if (m > best[0]) best = [m, i, j];
        }
      const [, i, j] = best;
      const merged = [...(halves[i] as number[]), ...(halves[j] as number[])];
      halves = halves.filter((_, k) => k !== i && k !== j);
      halves.push(merged);
    }
    const [h0, h1] = halves as [number[], number[]];
    let s = 0;
    for (const x of h0) for (const y of h1) s += sub[x * g.length + y] as number;
    last = s / (h0.length * h1.length);
    const names0 = new Set<string>();
    const names1 = new Set<string>();
    for (const x of h0) for (const t of names(g[x] as number)) names0.add(t);
    for (const x of h1) for (const t of names(g[x] as number)) names1.add(t);
    const distinct = !needNames || (names0.size > 0 && names1.size > 0 && disjoint(names0, names1));
    if (last < t2 && distinct) {
      out.push(h0.map((x) => g[x] as number));
      out.push(h1.map((x) => g[x] as number));
    } else out.push(g);
  }
  return out;
}

/** Pair classes by head names: 0 a name shared, 1 both name someone and share none, 2 otherwise. */
function nameClass(d: DayData, names: (k: number) => Set<string> | null) {
  const ns = d.feats.map((_, k) => names(k));
  return (i: number, j: number) => {
    const a = ns[i];
    const b = ns[j];
    if (!a || !b || a.size === 0 || b.size === 0) return 2;
    return disjoint(a, b) ? 1 : 0;
  };
}

function classDamped(d: DayData, cls: (i: number, j: number) => number, f: readonly number[]) {
  const n = d.feats.length;
  const sim = Float32Array.from(d.sim);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = (sim[i * n + j] as number) * (f[cls(i, j)] as number);
      sim[i * n + j] = v;
      sim[j * n + i] = v;
    }
  return sim;
}

const F1S = [0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
const F2S = [0.8, 0.9, 0.95, 1];

export const VARIANTS: Variant[] = [
  { name: "baseline", grid: [[]], run: (d, t, _p, _n, live) => base(d, t, live) },
  {
    // a merge of two groups (not two articles) needs share q of its cross pairs at k × t or above
    name: "cohesion",
    grid: [0.5, 0.75, 1, 1.5].flatMap((k) => [0.2, 0.34, 0.5, 0.67].map((q) => [k, q])),
    run: (d, t, [k, q]) =>
      constrainedLinkage(
        d.feats.length,
        d.sim,
        t,
        (a, b, sim, n) =>
          a.length * b.length === 1 || crossShare(a, b, sim, n, (k as number) * t) >= (q as number),
      ),
  },
  {
    // each side of a merge needs share q of its articles linked (similarity ≥ k × t) to the other:
    // one bridging article cannot carry a group
    name: "cover",
    grid: [0.75, 1, 1.5].flatMap((k) => [0.34, 0.5, 0.67, 1].map((q) => [k, q])),
    run: (d, t, [k, q]) =>
      constrainedLinkage(d.feats.length, d.sim, t, (a, b, sim, n) => {
        const at = (k as number) * t;
        return Math.min(cover(a, b, sim, n, at), cover(b, a, sim, n, at)) >= (q as number);
      }),
  },
  {
    // a finished story split in its two halves when they join below k × t (and, with names 1,
    // their head names are disjoint)
    name: "split",
    grid: [1.25, 1.5, 2, 3].flatMap((k) => [0, 1].map((names) => [k, names])),
    run: (d, t, [k, names], news) =>
      splitPass(d, constrainedLinkage(d.feats.length, d.sim, t), (k as number) * t, names === 1, news),
  },
  {
    // the pair similarity × f when both articles have an actor (first rare name of the title, else
    // of the opening sentence) and the two actors share no term
    name: "actor",
    grid: [0.5, 0.7, 0.85].map((f) => [f]),
    run: (d, t, [f], news, live) => {
      const act = d.feats.map((x) => actor(news, x.doc, x.entities));
      return base(
        d,
        t,
        live,
        damped(d, f as number, (i, j) => {
          const a = act[i];
          const b = act[j];
          return !!a && !!b && disjoint(a, b);
        }),
      );
    },
  },
  {
    // the same with every rare name of title and opening sentence: both name someone, no name shared
    name: "head-names",
    grid: [0.5, 0.7, 0.85].map((f) => [f]),
    run: (d, t, [f], news, live) => {
      const hn = d.feats.map((x) => headNames(news, x.doc, x.entities));
      return base(
        d,
        t,
        live,
        damped(d, f as number, (i, j) => {
          const a = hn[i] as Set<string>;
          const b = hn[j] as Set<string>;
          return a.size > 0 && b.size > 0 && disjoint(a, b);
        }),
      );
    },
  },
  {
    name: "actor-fine",
    grid: F1S.map((f) => [f]),
    run: (d, t, [f], news, live) => {
      const cls = nameClass(d, (k) =>
        actor(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map()),
      );
      return base(d, t, live, classDamped(d, cls, [1, f as number, 1]));
    },
  },
  {
    name: "actor-title",
    grid: F1S.map((f) => [f]),
    run: (d, t, [f], news, live) => {
      const cls = nameClass(d, (k) =>
        actor(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map(), true),
      );
      return base(d, t, live, classDamped(d, cls, [1, f as number, 1]));
    },
  },
  {
    // head names: conflict × f1, no name on one side × f2 (a shared name × 1)
    name: "head-classes",
    grid: F1S.flatMap((f1) => F2S.filter((f2) => f2 >= f1).map((f2) => [f1, f2])),
    run: (d, t, [f1, f2], news, live) => {
      const cls = nameClass(d, (k) =>
        headNames(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map()),
      );
      return base(d, t, live, classDamped(d, cls, [1, f1 as number, f2 as number]));
    },
  },
  {
    name: "head-fine",
    grid: F1S.map((f) => [f]),
    run: (d, t, [f], news, live) => {
      const cls = nameClass(d, (k) =>
        headNames(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map()),
      );
      return base(d, t, live, classDamped(d, cls, [1, f as number, 1]));
    },
  },
  {
    // all title-and-lead names (the features' entities): both name someone rare, none shared
    name: "lead-names",
    grid: F1S.map((f) => [f]),
    run: (d, t, [f], _news, live) => {
      const cls = nameClass(d, (k) => {
        const e = d.feats[k]?.entities ?? new Map<string, number>();
        return new Set([...e].filter(([, w]) => w > 0).flatMap(([key]) => key.split(" ")));
      });
      return base(d, t, live, classDamped(d, cls, [1, f as number, 1]));
    },
  },
  {
    name: "actor+cover",
    grid: F1S.flatMap((f) => [0.5, 0.67].map((q) => [f, q])),
    run: (d, t, [f, q], news) => {
      const cls = nameClass(d, (k) =>
        actor(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map()),
      );
      const sim = classDamped(d, cls, [1, f as number, 1]);
      return constrainedLinkage(
        d.feats.length,
        sim,
        t,
        (a, b, s, n) => Math.min(cover(a, b, s, n, t), cover(b, a, s, n, t)) >= (q as number),
      );
    },
  },
  {
    // the bigger side of a merge needs at least min(m, its size) articles linked (≥ k × t) to the
    // other side: a story is not joined through one bridging article
    name: "bridge",
    grid: [1, 1.5, 2].flatMap((k) => [2, 3].map((m) => [k, m])),
    run: (d, t, [k, m]) =>
      constrainedLinkage(d.feats.length, d.sim, t, (a, b, sim, n) => {
        const [small, big] = a.length <= b.length ? [a, b] : [b, a];
        const at = (k as number) * t;
        const linked = big.filter((j) => small.some((i) => (sim[i * n + j] as number) >= at)).length;
        return linked >= Math.min(m as number, big.length);
      }),
  },
  {
    // the merge criterion a share of cross pairs at the threshold instead of their mean (priority
    // still by the mean): q = 1 is complete linkage
    name: "share-linkage",
    grid: [0.34, 0.5, 0.67, 0.8, 1].map((q) => [q]),
    run: (d, t, [q]) =>
      constrainedLinkage(
        d.feats.length,
        d.sim,
        0,
        (a, b, sim, n) => crossShare(a, b, sim, n, t) >= (q as number),
      ),
  },
  {
    // a group of at most S articles is joined only when every one of them links (≥ k × t) to the
    // other side: a small story is one event throughout; a big one keeps the mean alone
    name: "cover-small",
    grid: [0.75, 1, 1.25].flatMap((k) => [2, 3, 4].map((size) => [k, size])),
    run: (d, t, [k, size]) =>
      constrainedLinkage(d.feats.length, d.sim, t, (a, b, sim, n) => {
        const at = (k as number) * t;
        const ok = (x: readonly number[], y: readonly number[]) =>
          x.length > (size as number) || cover(x, y, sim, n, at) >= 1;
        return ok(a, b) && ok(b, a);
      }),
  },
  {
    name: "cover-freeze",
    grid: [0.75, 1, 1.5].flatMap((k) => [0.34, 0.5, 0.67, 1].map((q) => [k, q])),
    run: (d, t, [k, q]) =>
      constrainedLinkage(
        d.feats.length,
        d.sim,
        t,
        (a, b, sim, n) => {
          const at = (k as number) * t;
          return Math.min(cover(a, b, sim, n, at), cover(b, a, sim, n, at)) >= (q as number);
        },
        true,
      ),
  },
  {
    name: "bridge-freeze",
    grid: [1, 1.5, 2].flatMap((k) => [2, 3].map((m) => [k, m])),
    run: (d, t, [k, m]) =>
      constrainedLinkage(
        d.feats.length,
        d.sim,
        t,
        (a, b, sim, n) => {
          const [small, big] = a.length <= b.length ? [a, b] : [b, a];
          const at = (k as number) * t;
          const linked = big.filter((j) => small.some((i) => (sim[i * n + j] as number) >= at)).length;
          return linked >= Math.min(m as number, big.length);
        },
        true,
      ),
  },
  {
    // edge connectivity: a merge needs at least min(m, |a|·|b|) cross pairs at k × t or above —
    // two groups held together by one or two links are not one story
    name: "edges",
    grid: [1, 1.5].flatMap((k) => [2, 3, 4].map((m) => [k, m])),
    run: (d, t, [k, m]) =>
      constrainedLinkage(d.feats.length, d.sim, t, (a, b, sim, n) => {
        let links = 0;
        for (const i of a) for (const j of b) if ((sim[i * n + j] as number) >= (k as number) * t) links++;
        return links >= Math.min(m as number, a.length * b.length);
      }),
  },
  {
    // `cover` with 2/3 itself in its grid (0.66, 0.75 around it): whether its one gained day is
    // more than the grid's place
    name: "cover-grid",
    grid: [0.75, 1, 1.5].flatMap((k) => [0.34, 0.5, 0.6, 0.66, 0.75, 1].map((q) => [k, q])),
    run: (d, t, [k, q]) =>
      constrainedLinkage(d.feats.length, d.sim, t, (a, b, sim, n) => {
        const at = (k as number) * t;
        return Math.min(cover(a, b, sim, n, at), cover(b, a, sim, n, at)) >= (q as number);
      }),
  },
  {
    // the pair similarity × f when the two opening sentences, names left out, share less than a
    // (cosine): the same theme said of two different happenings
    name: "action",
    grid: [0.6, 0.75, 0.85, 0.95].flatMap((f) => [0.02, 0.05, 0.1].map((a) => [f, a])),
    run: (d, t, [f, a], news, live) => {
      const acts = d.feats.map((x) => action(news, x.doc));
      const cls = (i: number, j: number) => {
        const x = acts[i] as Map<string, number>;
        const y = acts[j] as Map<string, number>;
        let dot = 0;
        for (const [term, w] of x) dot += w * (y.get(term) ?? 0);
        return x.size > 0 && y.size > 0 && dot < (a as number) ? 1 : 0;
      };
      return base(d, t, live, classDamped(d, cls, [1, f as number]));
    },
  },
  {
    // action and actor together: damped unless the pair shares its actor or its action
    name: "actor-action",
    grid: [0.6, 0.75, 0.85, 0.95].flatMap((f) => [0.02, 0.05, 0.1].map((a) => [f, a])),
    run: (d, t, [f, a], news, live) => {
      const acts = d.feats.map((x) => action(news, x.doc));
      const act = d.feats.map((x) => actor(news, x.doc, x.entities, true));
      const cls = (i: number, j: number) => {
        const x = acts[i] as Map<string, number>;
        const y = acts[j] as Map<string, number>;
        let dot = 0;
        for (const [term, w] of x) dot += w * (y.get(term) ?? 0);
        const p = act[i];
        const q = act[j];
        const sameActor = !!p && !!q && !disjoint(p, q);
        return !sameActor && x.size > 0 && y.size > 0 && dot < (a as number) ? 1 : 0;
      };
      return base(d, t, live, classDamped(d, cls, [1, f as number]));
    },
  },
  {
    // actor-action over a finer grid (robustness of its choice)
    name: "actor-action-fine",
    grid: [0.8, 0.85, 0.9, 0.93, 0.95, 0.97].flatMap((f) =>
      [0.03, 0.05, 0.075, 0.1, 0.15, 0.2].map((a) => [f, a]),
    ),
    run: (d, t, p, news, live) =>
      (VARIANTS.find((v) => v.name === "actor-action") as Variant).run(d, t, p, news, live),
  },
  {
    // (stories20) the title's actors differ and neither article names the other's: its full name
    // (every term) is absent from the other's title-and-lead terms. Two actors of one event name
    // each other (a reaction, a clash); two programmes, two cars, two shootings do not.
    name: "actor-cross",
    grid: F1S.map((f) => [f]),
    run: (d, t, [f], news, live) => base(d, t, live, classDamped(d, crossClass(news, d), [1, f as number])),
  },
  {
    // (stories20) a small story (at most S articles once merged) is not formed across two actors
    // that do not name each other (crossClass) unless every such pair reaches k × t: the damping
    // where it decides, the few-article story; a big story keeps the mean alone
    name: "cross-small",
    grid: [1.5, 2, 2.5, 3, 100].flatMap((k) => [2, 3, 4].map((size) => [k, size])),
    run: (d, t, [k, size], news) => {
      const cls = crossClass(news, d, true);
      return constrainedLinkage(d.feats.length, d.sim, t, (a, b, sim, n) => {
        if (a.length + b.length > (size as number)) return true;
        for (const i of a)
          for (const j of b)
            if (cls(i, j) === 1 && (sim[i * n + j] as number) < (k as number) * t) return false;
        return true;
      });
    },
  },
  {
    // (stories20) cross-small without its factor: a story of at most S articles is never formed
    // across two actors that do not name each other; live, the single pass refuses the same joins
    name: "cross-pair",
    grid: [[2], [3], [4]],
    run: (d, t, [size], news, live) => {
      const cls = crossClass(news, d, true);
      const allow = refuseLonePairs(size as number, (i, j) => cls(i, j) === 1);
      return live
        ? singlePassAllow(d.feats.length, d.sim, t, allow)
        : constrainedLinkage(d.feats.length, d.sim, t, allow);
    },
  },
  {
    // cross-pair where the refused smaller side takes no other merge (digest only): refused, the
    // article would otherwise join its next-best group, lower still
    name: "cross-pair-freeze",
    grid: [[2], [3], [4]],
    run: (d, t, [size], news) => {
      const cls = crossClass(news, d, true);
      const allow = refuseLonePairs(size as number, (i, j) => cls(i, j) === 1);
      return constrainedLinkage(d.feats.length, d.sim, t, allow, true);
    },
  },
  {
    // (stories20, splits) two titles sharing a word the 14 days before hardly used (in less than
    // share s of their articles' titles and leads) are one story: the pair's similarity is raised
    // to k × t. A development new this week (a virus, a reform's text) told from two angles whose
    // leads share little else
    name: "novel-title",
    grid: [0.003, 0.01, 0.03].flatMap((s) => [1, 1.5].map((k) => [s, k])),
    run: (d, t, [share, k], news, live) => {
      const cls = novelTitleClass(news, d, share as number);
      const n = d.feats.length;
      const sim = Float32Array.from(d.sim);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (cls(i, j) === 1) {
            const v = Math.max(sim[i * n + j] as number, (k as number) * t);
            sim[i * n + j] = v;
            sim[j * n + i] = v;
          }
      return base(d, t, live, sim);
    },
  },
  {
    // cross-pair where both sides of a refused merge are closed (take no other merge), digest and
    // live alike: a symmetric, order-free form of cross-pair-freeze that a single pass can follow
    name: "cross-pair-close",
    grid: [[2], [3]],
    run: (d, t, [size], news, live) => {
      const cls = crossClass(news, d, true);
      const allow = refuseLonePairs(size as number, (i, j) => cls(i, j) === 1);
      return live
        ? singlePassAllow(d.feats.length, d.sim, t, allow, true)
        : constrainedLinkage(d.feats.length, d.sim, t, allow, "both");
    },
  },
  {
    // cross-pair where the two articles also share no rare name of title or lead
    name: "cross-pair-names",
    grid: [[2], [3], [4]],
    run: (d, t, [size], news, live) => {
      const cls = crossClass(news, d, true, true);
      const allow = refuseLonePairs(size as number, (i, j) => cls(i, j) === 1);
      return live
        ? singlePassAllow(d.feats.length, d.sim, t, allow)
        : constrainedLinkage(d.feats.length, d.sim, t, allow);
    },
  },
  {
    // actor-cross with the same actor's name compared whole (two `Jean-Louis` are two people)
    name: "actor-cross-key",
    grid: F1S.map((f) => [f]),
    run: (d, t, [f], news, live) =>
      base(d, t, live, classDamped(d, crossClass(news, d, true), [1, f as number])),
  },
  {
    // a story is opened (two lone articles merged) only at k × t; it is extended at t: the
    // threshold of forming a story against that of joining one
    name: "seed",
    grid: [1.1, 1.25, 1.5, 2].map((k) => [k]),
    run: (d, t, [k]) =>
      constrainedLinkage(
        d.feats.length,
        d.sim,
        t,
        (a, b, sim, n) =>
          a.length + b.length > 2 ||
          (sim[(a[0] as number) * n + (b[0] as number)] as number) >= (k as number) * t,
      ),
  },
  {
    // (stories24) the pair similarity × (f + (1 − f) × min(1, agreement / a)), agreement = the
    // share of the smaller body's rare-name weight (names in ≤ C articles) the other body gives
    // too (body-names.ts); no damping when a body names nothing rare. Grid [f, a, C].
    name: "body-damp",
    grid: [0.5, 0.7, 0.85].flatMap((f) => [0.05, 0.15].flatMap((a) => [1000, 10000].map((c) => [f, a, c]))),
    run: (d, t, [f, a0, c], news, live) => {
      const agree = bodyAgreement(news, d, c as number);
      const n = d.feats.length;
      const sim = Float32Array.from(d.sim);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const g = agree(i, j);
          if (g === undefined) continue;
          const v =
            (sim[i * n + j] as number) *
            ((f as number) + (1 - (f as number)) * Math.min(1, g / (a0 as number)));
          sim[i * n + j] = v;
          sim[j * n + i] = v;
        }
      return base(d, t, live, sim);
    },
  },
  {
    // (stories24) a small story (at most S articles once merged) is formed only when its articles'
    // bodies agree on their names (mean pair agreement ≥ a) or every pair reaches k × t; a big
    // story keeps the mean alone (the big stories bind on many pairs; the false merges that fail
    // days are two or three articles). Grid [S, a, k].
    name: "body-small",
    grid: [2, 3].flatMap((size) => [0.05, 0.1, 0.2].flatMap((a) => [1.5, 2, 100].map((k) => [size, a, k]))),
    run: (d, t, [size, a0, k], news, live) => {
      const agree = bodyAgreement(news, d, 10000);
      const allow: Allow = (a, b, sim, n) => {
        if (a.length + b.length > (size as number)) return true;
        let sum = 0;
        let m = 0;
        let weak = false;
        for (const i of a)
          for (const j of b) {
            const g = agree(i, j);
            if ((sim[i * n + j] as number) < (k as number) * t) weak = true;
            if (g === undefined) continue;
            sum += g;
            m++;
          }
        return !weak || m === 0 || sum / m >= (a0 as number);
      };
      return live
        ? singlePassAllow(d.feats.length, d.sim, t, allow)
        : constrainedLinkage(d.feats.length, d.sim, t, allow);
    },
  },
  {
    // (stories24) each term of the title-and-lead vectors × eventWeight^β (same-day-words.ts: a
    // word two same-day articles of the archive share on many days is a theme's), renormalised,
    // and the similarity recomputed. Grid [scale, β].
    name: "sameday-vec",
    grid: [10, 30, 100, 300].flatMap((k) => [0.5, 1].map((b) => [k, b])),
    run: (d, t, [k, beta], news, live) => {
      const shares = sameDaySharesOf(news);
      const feats = d.feats.map((f) => {
        const vector = new Map<string, number>();
        let norm = 0;
        for (const [term, w] of f.vector) {
          const v = w * eventWeight(shares, term, k as number) ** (beta as number);
          vector.set(term, v);
          norm += v * v;
        }
        norm = Math.sqrt(norm) || 1;
        for (const [term, v] of vector) vector.set(term, v / norm);
        return { ...f, vector, sparse: toSparse(vector) };
      });
      const sim = similarityMatrix(feats, (live ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS).weights);
      return base(d, t, live, sim);
    },
  },
  {
    // (stories24) the pair similarity × (f + (1 − f) / (1 + D / k)), D = the distinct days on
    // which the archive's titles and leads hold the pair's m most weighted shared words together
    // (same-day-words.ts daysTogether): a theme's words meet on hundreds of days, an event's on a
    // few. Grid [m, k, f].
    name: "together",
    grid: [2, 3].flatMap((m) => [5, 20, 60].flatMap((k) => [0.5, 0.7, 0.85].map((f) => [m, k, f]))),
    run: (d, t, [m, k, f], news, live) => {
      const days = togetherDays(news, d, m as number);
      const n = d.feats.length;
      const sim = Float32Array.from(d.sim);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          const D = days(i, j);
          const v =
            (sim[i * n + j] as number) * ((f as number) + (1 - (f as number)) / (1 + D / (k as number)));
          sim[i * n + j] = v;
          sim[j * n + i] = v;
        }
      return base(d, t, live, sim);
    },
  },
  {
    // (stories24) two events in two places: both articles' title and opening sentence name places
    // (actor-kind.ts: the archive's `à X` / `en X`), none shared, and neither article's title and
    // lead names any of the other's: the pair similarity × f. Grid [f].
    name: "places-apart",
    grid: [0.5, 0.6, 0.7, 0.8, 0.9].map((f) => [f]),
    run: (d, t, [f], news, live) => base(d, t, live, classDamped(d, placeClass(news, d), [1, f as number])),
  },
  {
    // (stories24) places-apart as a refusal of lone pairs, both sides closed (cross-pair-close's form)
    name: "places-pair-close",
    grid: [[2], [3]],
    run: (d, t, [size], news, live) => {
      const cls = placeClass(news, d);
      const allow = refuseLonePairs(size as number, (i, j) => cls(i, j) === 1);
      return live
        ? singlePassAllow(d.feats.length, d.sim, t, allow, true)
        : constrainedLinkage(d.feats.length, d.sim, t, allow, "both");
    },
  },
  {
    // (stories24) a lone pair (a story of at most S articles once merged) is refused, both sides
    // closed, when two signals agree that it is two events: the titles' actors are apart
    // (crossClass) or the articles' places are (placeClass) — by `which`: 0 actors, 1 places,
    // 2 either — and the bodies' rare names (≤ 10,000 articles) agree less than a. Grid [S, a, which].
    name: "apart-body-close",
    grid: [2, 3].flatMap((size) => [0.05, 0.1, 0.2, 1.01].flatMap((a) => [0, 1, 2].map((w) => [size, a, w]))),
    run: (d, t, [size, a0, which], news, live) => {
      const cross = crossClass(news, d, true);
      const place = placeClass(news, d);
      const agree = bodyAgreement(news, d, 10000);
      const apart = (i: number, j: number) =>
        (which !== 1 && cross(i, j) === 1) || (which !== 0 && place(i, j) === 1);
      const allow = refuseLonePairs(
        size as number,
        (i, j) => apart(i, j) && (agree(i, j) ?? 0) < (a0 as number),
      );
      return live
        ? singlePassAllow(d.feats.length, d.sim, t, allow, true)
        : constrainedLinkage(d.feats.length, d.sim, t, allow, "both");
    },
  },
  {
    // apart-body-close with the titles' actors only (which 0), the form ported to src
    // (ClusterParams.refuseApart "any" with apartBodyAgreement a); a 1.01 = no body condition
    name: "apart-body-actors",
    grid: [0.05, 0.1, 0.2, 1.01].map((a) => [2, a, 0]),
    run: (d, t, p, news, live) =>
      (VARIANTS.find((v) => v.name === "apart-body-close") as Variant).run(d, t, p, news, live),
  },
  {
    // (stories26) a lone pair whose text cosine rests on one piece of evidence (thin.ts: the shared
    // words' spread, a name's words counted once, below f) is refused, both sides closed
    // (cluster.ts's rule for apart actors): one name or one theme word shared by two events
    name: "thin-close",
    grid: [[1.25], [1.5], [1.75], [2], [2.5]],
    run: (d, t, [floor], _news, live) => {
      const thin = thinTest(d.feats, floor as number);
      return live
        ? singlePass(d.feats.length, d.sim, t, true, thin)
        : averageLinkage(d.feats.length, d.sim, t, undefined, thin);
    },
  },
  {
    // thin lone pairs refused only below k × t (a thin pair far above the threshold — one rare
    // event name, `Alexia Daval`, `Notre-Dame` — is one story); close = 1 closes both sides
    name: "thin-sim",
    grid: [1.5, 2, 2.5].flatMap((f) => [1.5, 2, 3].flatMap((k) => [0, 1].map((close) => [f, k, close]))),
    run: (d, t, [floor, k, close], _news, live) => {
      const thin = thinTest(d.feats, floor as number);
      const n = d.feats.length;
      const refused = (i: number, j: number) =>
        (d.sim[i * n + j] as number) < (k as number) * t && thin(i, j);
      return thinRun(d, t, refused, close === 1, live);
    },
  },
  {
    // thin lone pairs refused only when the bodies' names also agree less than a (stories24's witness)
    name: "thin-body",
    grid: [1.5, 2, 2.5, 1000].flatMap((f) =>
      [0.05, 0.1, 0.2].flatMap((a) => [0, 1].map((close) => [f, a, close])),
    ),
    run: (d, t, [floor, a, close], news, live) => {
      const thin = thinTest(d.feats, floor as number);
      const agree = bodyAgreement(news, d, 10_000);
      const refused = (i: number, j: number) => thin(i, j) && (agree(i, j) ?? 0) < (a as number);
      return thinRun(d, t, refused, close === 1, live);
    },
  },
  {
    // (stories26) a word two articles share only inside two different names adds nothing to their
    // text cosine (SimilarityWeights.nameConflicts, name-conflicts.ts: Brigitte Lahaie and Brigitte
    // Macron); 0 = off
    name: "name-conflict",
    grid: [[0], [1]],
    run: (d, t, [on], _news, live) => {
      const w = (live ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS).weights;
      const sim = on === 1 ? similarityMatrix(d.feats, { ...w, nameConflicts: true }) : d.sim;
      return base(d, t, live, sim);
    },
  },
  {
    // thin-close where the refused pair stays open: each side may still join another story
    name: "thin-skip",
    grid: [[1.25], [1.5], [1.75], [2], [2.5]],
    run: (d, t, [floor], _news, live) => {
      const thin = thinTest(d.feats, floor as number);
      const allow = refuseLonePairs(2, thin);
      return live
        ? singlePassAllow(d.feats.length, d.sim, t, allow)
        : constrainedLinkage(d.feats.length, d.sim, t, allow);
    },
  },
];

/** The places (as terms) of an article's title and opening sentence, by the archive's kinds. */
const placeCache = new Map<number, string[][]>();
function placesOf(news: NewsIndex, doc: number): string[][] {
  const hit = placeCache.get(doc);
  if (hit) return hit;
  const a = news.articles[doc];
  const out: string[][] = [];
  if (a) {
    const kinds = actorKindsOf(news);
    const lang = stemLanguage(a.lang);
    for (const s of [a.title, ...leadSentences(a.body, 1)])
      for (const run of runsWithCue(s)) {
        const name = run.words.join(" ");
        if (kinds.kindOf(name) !== "place") continue;
        const terms = news.analyzer.terms(name, lang);
        if (terms.length > 0) out.push(terms);
      }
  }
  placeCache.set(doc, out);
  return out;
}
/** 1 when both articles name places, share none, and neither's title and lead names the other's. */
export function placeClass(news: NewsIndex, d: DayData) {
  const ps = d.feats.map((f) => placesOf(news, f.doc));
  return (i: number, j: number) => {
    const a = ps[i] as string[][];
    const b = ps[j] as string[][];
    if (a.length === 0 || b.length === 0) return 0;
    const ta = new Set(a.flat());
    for (const term of b.flat()) if (ta.has(term)) return 0;
    const vi = d.feats[i]?.vector ?? new Map<string, number>();
    const vj = d.feats[j]?.vector ?? new Map<string, number>();
    if (a.some((p) => p.every((term) => vj.has(term))) || b.some((p) => p.every((term) => vi.has(term))))
      return 0;
    return 1;
  };
}

/** Days the pair's m most weighted shared words meet in the archive (cached per day and m). */
const togetherCache = new Map<string, Float64Array>();
export function togetherDays(news: NewsIndex, d: DayData, m: number) {
  const n = d.feats.length;
  const key = `${d.day.date}/${m}`;
  let out = togetherCache.get(key);
  if (!out) {
    const postings = termPostingsOf(news);
    out = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const a = d.feats[i]?.vector as ReadonlyMap<string, number>;
        const b = d.feats[j]?.vector as ReadonlyMap<string, number>;
        const shared: [string, number][] = [];
        for (const [term, w] of a) {
          const v = b.get(term);
          if (v !== undefined) shared.push([term, w * v]);
        }
        shared.sort((x, y) => y[1] - x[1]);
        const D =
          shared.length === 0
            ? 0
            : daysTogether(
                postings,
                shared.slice(0, m).map((x) => x[0]),
              );
        out[i * n + j] = D;
        out[j * n + i] = D;
      }
    togetherCache.set(key, out);
  }
  const o = out;
  return (i: number, j: number) => o[i * n + j] as number;
}

/** Body-name agreement of a day's pairs (body-names.ts), names in ≤ `common` articles. */
export function bodyAgreement(news: NewsIndex, d: DayData, common: number) {
  const names = d.feats.map((f) => bodyNames(news, f.doc, common));
  return (i: number, j: number) =>
    nameAgreement(names[i] as ReadonlyMap<string, number>, names[j] as ReadonlyMap<string, number>);
}

/** Pair classes of `d` by the article's actor (nameClass over `actor`), for `--stats`. */
export function actorClass(news: NewsIndex, d: DayData, titleOnly = false) {
  return nameClass(d, (k) =>
    actor(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map(), titleOnly),
  );
}
export function headClass(news: NewsIndex, d: DayData) {
  return nameClass(d, (k) => headNames(news, d.feats[k]?.doc as number, d.feats[k]?.entities ?? new Map()));
}

/**
 * Pair classes by the titles' actors (stories20): 1 when both titles name a rare actor, the two
 * differ (share no term; with `wholeKey`, are not the same name) and neither article's
 * title-and-lead terms hold the other's actor whole; 0 otherwise.
 */
export function crossClass(news: NewsIndex, d: DayData, wholeKey = false, noSharedName = false) {
  const act = d.feats.map((x) => actor(news, x.doc, x.entities, true));
  const names = (a: Set<string>, v: ReadonlyMap<string, number>) => [...a].every((term) => v.has(term));
  return (i: number, j: number) => {
    const a = act[i];
    const b = act[j];
    if (!a || !b) return 0;
    const same = wholeKey ? [...a].join(" ") === [...b].join(" ") : !disjoint(a, b);
    if (same) return 0;
    const vi = d.feats[i]?.vector ?? new Map<string, number>();
    const vj = d.feats[j]?.vector ?? new Map<string, number>();
    if (names(a, vj) || names(b, vi)) return 0;
    // with noSharedName, a rare name both give (title or lead) makes them one subject after all
    if (noSharedName) {
      const ei = d.feats[i]?.entities ?? new Map<string, number>();
      const ej = d.feats[j]?.entities ?? new Map<string, number>();
      for (const key of ei.keys()) if (ej.has(key)) return 0;
    }
    return 1;
  };
}

/**
 * Pair classes by the titles' new words (stories20): 1 when both titles use a term (not a number)
 * that less than `share` of the 14 days before the period used in title or lead; 0 otherwise.
 */
export function novelTitleClass(news: NewsIndex, d: DayData, share: number) {
  const days = d.feats.map((f) => f.day).filter((x): x is number => x !== undefined);
  const first = Math.min(...days);
  const bg = backgroundBefore(news, first, 14, { leadSentences: 3 });
  const novel = d.feats.map((f) => {
    const a = news.articles[f.doc];
    const out = new Set<string>();
    if (!a || bg.size < 30) return out;
    for (const term of news.analyzer.terms(a.title, stemLanguage(a.lang)))
      if (!/^\d+$/.test(term) && f.vector.has(term) && bg.df(term) / bg.size < share) out.add(term);
    return out;
  });
  return (i: number, j: number) => (disjoint(novel[i] as Set<string>, novel[j] as Set<string>) ? 0 : 1);
}
