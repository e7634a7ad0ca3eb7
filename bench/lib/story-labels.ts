// Labelled story days (bench/data/stories/YYYY-MM-DD.json, format in that folder's README): load
// them against an index, and score a grouping — pairwise precision / recall / F1 over same-story
// article pairs, and how many of a ranked list's first five stories are the day's front page
// (a bot story is a labelled story when most of its articles are in it).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { NewsIndex } from "../../src/core/search/news-index.ts";
import {
  type ArticleFeatures,
  articleFeatures,
  type ClusterParams,
  corpusShareOf,
  emphasise,
  periodTerms,
  similarityMatrix,
} from "../../src/core/stories/index.ts";

export const STORY_LABELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../data/stories");
/** A second, independent labelling of some days: how far two careful labellers agree. */
export const SECOND_LABELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../data/stories-second");
/** Days from this date on are held out for an independent check: never loaded here. */
export const HELD_OUT_FROM = "2020-06-01";

interface LabelFile {
  date: string;
  stories: { label: string; articles: string[] }[];
  frontPage: string[];
}

export interface LabelledDay {
  readonly date: string;
  /** Every doc of the day (corpus order). */
  readonly docs: number[];
  /** Labelled story of each doc. */
  readonly gold: Map<number, string>;
  readonly frontPage: readonly string[];
  /** Problems found (an article of the day missing from the labels, an unknown id…). */
  readonly problems: string[];
}

export function loadLabelledDays(
  news: NewsIndex,
  only?: readonly string[],
  dir = STORY_LABELS_DIR,
): LabelledDay[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
    .sort();
  const days: LabelledDay[] = [];
  for (const f of files) {
    const date = f.slice(0, 10);
    if (date >= HELD_OUT_FROM) throw new Error(`${f}: days from ${HELD_OUT_FROM} on are held out`);
    if (only && !only.includes(date)) continue;
    const raw = JSON.parse(readFileSync(resolve(dir, f), "utf8")) as LabelFile;
    const problems: string[] = [];
    const gold = new Map<number, string>();
    const byId = new Map<string, number>();
    news.articles.forEach((a, d) => {
      if (a.date === date) byId.set(a.id, d);
    });
    for (const s of raw.stories)
      for (const id of s.articles) {
        const d = byId.get(String(id));
        if (d === undefined) problems.push(`article ${id} is not of ${date} in the corpus`);
        else if (gold.has(d)) problems.push(`article ${id} is in two stories`);
        else gold.set(d, s.label);
      }
    for (const [id, d] of byId) if (!gold.has(d)) problems.push(`article ${id} has no story`);
    for (const l of raw.frontPage)
      if (!raw.stories.some((s) => s.label === l)) problems.push(`front page label "${l}" is no story`);
    days.push({
      date,
      docs: [...gold.keys()].sort((a, b) => a - b),
      gold,
      frontPage: raw.frontPage,
      problems,
    });
  }
  return days;
}

export interface PairCounts {
  tp: number;
  fp: number;
  fn: number;
}

export function pairCounts(
  groups: readonly (readonly number[])[],
  gold: ReadonlyMap<number, string>,
): PairCounts {
  const botOf = new Map<number, number>();
  groups.forEach((g, i) => {
    for (const d of g) botOf.set(d, i);
  });
  const docs = [...gold.keys()];
  const c = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < docs.length; i++)
    for (let j = i + 1; j < docs.length; j++) {
      const a = docs[i] as number;
      const b = docs[j] as number;
      const same = botOf.get(a) !== undefined && botOf.get(a) === botOf.get(b);
      const truth = gold.get(a) === gold.get(b);
      if (same && truth) c.tp++;
      else if (same) c.fp++;
      else if (truth) c.fn++;
    }
  return c;
}

/**
 * The pair counts of a `tune:stories -- --dump` file (Int32 triples tp, fp, fn, setting by setting,
 * day by day within one), checked against `days`: the entry count alone would take a dump of
 * another set of days of the same size, or of these days in another order, for this one. Every
 * entry must fit its day — its same-story pairs found and missed add up to the day's labelled
 * ones, and found pairs never exceed the day's pairs.
 */
export function countsFromDump(
  raw: Int32Array,
  settingCount: number,
  days: readonly LabelledDay[],
  name = "dump",
): PairCounts[][] {
  if (raw.length !== settingCount * days.length * 3)
    throw new Error(
      `${name}: ${raw.length / 3} entries, not this grid's ${settingCount} settings × ${days.length} days`,
    );
  const goldPairs = days.map((d) => pairCounts(labelGroups(d), d.gold).tp);
  const out: PairCounts[][] = [];
  for (let si = 0; si < settingCount; si++) {
    const row: PairCounts[] = [];
    days.forEach((day, di) => {
      const k = (si * days.length + di) * 3;
      const [tp, fp, fn] = [raw[k], raw[k + 1], raw[k + 2]] as [number, number, number];
      const n = day.docs.length;
      if (tp < 0 || fp < 0 || fn < 0 || tp + fn !== goldPairs[di] || tp + fp > (n * (n - 1)) / 2)
        throw new Error(
          `${name}: setting ${si} on ${day.date} (tp ${tp} fp ${fp} fn ${fn}) does not fit the day's ${goldPairs[di]} same-story pairs among ${n} articles: not a dump of this grid and these days`,
        );
      row.push({ tp, fp, fn });
    });
    out.push(row);
  }
  return out;
}

export const NO_PAIRS: PairCounts = { tp: 0, fp: 0, fn: 0 };

/** Two days' pair counts pooled. */
export const addCounts = (a: PairCounts, c: PairCounts): PairCounts => ({
  tp: a.tp + c.tp,
  fp: a.fp + c.fp,
  fn: a.fn + c.fn,
});

/** The pair counts of the days `use` keeps, pooled (days indexed as in `counts`). */
export const poolCounts = (counts: readonly PairCounts[], use: (day: number) => boolean): PairCounts =>
  counts.reduce((a, c, i) => (use(i) ? addCounts(a, c) : a), NO_PAIRS);

export function prf(c: PairCounts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** The labelled story most of `group`'s articles are in, if any has a strict majority. */
export function majorityLabel(
  group: readonly number[],
  gold: ReadonlyMap<number, string>,
): string | undefined {
  const count = new Map<string, number>();
  for (const d of group) {
    const l = gold.get(d);
    if (l !== undefined) count.set(l, (count.get(l) ?? 0) + 1);
  }
  for (const [l, n] of count) if (n * 2 > group.length) return l;
  return undefined;
}

/** How many of the day's front-page stories are among the first five of `ranked`. */
export function frontPageHits(ranked: readonly (readonly number[])[], day: LabelledDay): number {
  const found = new Set<string>();
  for (const g of ranked.slice(0, 5)) {
    const l = majorityLabel(g, day.gold);
    if (l !== undefined && day.frontPage.slice(0, 5).includes(l)) found.add(l);
  }
  return found.size;
}

/** Days on each side of a labelled day whose articles are the ranking's context. */
export const CONTEXT_DAYS = 3;

/** Docs dated within `days` days of `date`, the day itself excluded. */
export function contextDocs(news: NewsIndex, date: string, days: number): number[] {
  const center = Date.parse(`${date}T00:00:00Z`);
  const lo = new Date(center - days * 86_400_000).toISOString().slice(0, 10);
  const hi = new Date(center + days * 86_400_000).toISOString().slice(0, 10);
  const out: number[] = [];
  news.articles.forEach((a, d) => {
    if (a.date && a.date !== date && a.date >= lo && a.date <= hi) out.push(d);
  });
  return out;
}

/** One labelling's stories as groups of docs, to score it against another labelling of the day. */
export function labelGroups(day: LabelledDay): number[][] {
  const byLabel = new Map<string, number[]>();
  for (const d of day.docs) {
    const label = day.gold.get(d) ?? "";
    byLabel.set(label, [...(byLabel.get(label) ?? []), d]);
  }
  return [...byLabel.values()];
}

/**
 * A day's articles as the screens compare them: features, the period's words emphasised (the
 * period boost only: local rarity and share boost are off in every learned setting), and the
 * pairwise similarity under `params.weights`.
 */
export function dayFeatures(
  news: NewsIndex,
  docs: readonly number[],
  params: ClusterParams,
): { raw: ArticleFeatures[]; feats: ArticleFeatures[]; sim: Float32Array } {
  const raw = docs.map((d) => articleFeatures(news, d, params.features));
  const period = periodTerms(raw, corpusShareOf(news));
  const feats = raw.map((f) => emphasise(f, period, params.periodBoost ?? 0));
  return { raw, feats, sim: similarityMatrix(feats, params.weights) };
}
