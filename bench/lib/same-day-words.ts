// How often a word binds two articles of one day across the whole archive: the number of distinct
// days on which at least two articles' titles and openings hold it. A theme's word (`voiture`,
// `fusillade`, `sondage`, a car maker) is shared by two same-day articles on hundreds of days —
// the car pages and the crime pages publish every day — so two articles of a day sharing it say
// little about one event; an event's word (a victim's name, a town in the news once, `Benalla`) is
// shared on the few days the event lasts. Counted once per index at first use, from the archive's
// own articles: no word list. Measured in round 20 (stories24, bench/results/stories.md: the
// screens bench/screens/event-evidence.ts and cluster-variants.ts `sameday-vec`, `together`) and
// not used by the clustering: neither raised the days meeting the floor held out.
import type { NewsIndex } from "../../src/core/search/news-index.ts";
import { stemLanguage } from "../../src/core/search/news-index.ts";
import { leadSentences } from "../../src/core/stories/features.ts";

export interface SameDayShares {
  /** Distinct days on which ≥ 2 articles share `term` in their title or opening sentence. */
  daysShared(term: string): number;
  /** Days counted (days with at least one dated article). */
  readonly days: number;
}

/** Sentences of a body's opening read (its first, which states the event). */
const OPENING_SENTENCES = 1;

/**
 * Counts, over `docs` (each an article's date, `YYYY-MM-DD…`, and the terms of its title and
 * opening), the days on which a term is held by two articles or more.
 */
export function countSameDayShares(
  docs: Iterable<{ readonly date: string; readonly terms: Iterable<string> }>,
): SameDayShares {
  const byDay = new Map<string, Map<string, number>>();
  for (const { date, terms } of docs) {
    const day = date.slice(0, 10);
    let counts = byDay.get(day);
    if (!counts) {
      counts = new Map();
      byDay.set(day, counts);
    }
    for (const t of new Set(terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const shared = new Map<string, number>();
  for (const counts of byDay.values())
    for (const [t, n] of counts) if (n >= 2) shared.set(t, (shared.get(t) ?? 0) + 1);
  return { daysShared: (t) => shared.get(t) ?? 0, days: byDay.size };
}

const byIndex = new WeakMap<NewsIndex, { count: number; shares: SameDayShares }>();

/**
 * The same-day shares of every dated article of the index, counted at first use and again when
 * the index has grown by a tenth since (a live bot adds articles all day; the counts move slowly).
 */
export function sameDaySharesOf(news: NewsIndex): SameDayShares {
  const hit = byIndex.get(news);
  const n = news.articles.length;
  if (hit && n <= hit.count * 1.1) return hit.shares;
  const shares = countSameDayShares(
    (function* () {
      for (const a of news.articles) {
        if (!a.date) continue;
        const lang = stemLanguage(a.lang);
        const text = [a.title, ...leadSentences(a.body, OPENING_SENTENCES)].join(" ");
        yield { date: a.date, terms: news.analyzer.terms(text, lang) };
      }
    })(),
  );
  byIndex.set(news, { count: n, shares });
  return shares;
}

/**
 * How much of a shared term's evidence counts: 1 / (1 + daysShared / scale). A word two articles
 * of a day share on `scale` days of the archive counts half; one shared on ten times as many,
 * about a tenth. `scale` ≤ 0: every word counts in full.
 */
export function eventWeight(shares: SameDayShares, term: string, scale: number): number {
  if (scale <= 0) return 1;
  return 1 / (1 + shares.daysShared(term) / scale);
}

/** Which articles hold each term in their title or opening, to count where words meet. */
export interface TermPostings {
  /** Sorted article numbers holding `term` (empty when none). */
  docsOf(term: string): Int32Array;
  /** Day number (days since the epoch) of an article, NaN when undated. */
  dayOf(doc: number): number;
}

const postingsByIndex = new WeakMap<NewsIndex, { count: number; postings: TermPostings }>();
const NONE = new Int32Array(0);

/** Sentences of each body read for the postings (the clustering's lead, features.ts). */
const POSTING_SENTENCES = 3;

/** The title-and-lead postings of every article of the index, built at first use (and on growth by a tenth). */
export function termPostingsOf(news: NewsIndex): TermPostings {
  const hit = postingsByIndex.get(news);
  const n = news.articles.length;
  if (hit && n <= hit.count * 1.1) return hit.postings;
  const lists = new Map<string, number[]>();
  const days = new Float64Array(n).fill(Number.NaN);
  news.articles.forEach((a, doc) => {
    if (a.date)
      days[doc] =
        Date.UTC(+a.date.slice(0, 4), +a.date.slice(5, 7) - 1, +a.date.slice(8, 10) || 15) / 86_400_000;
    const lang = stemLanguage(a.lang);
    const seen = new Set<string>();
    const add = (t: string) => {
      if (seen.has(t)) return;
      seen.add(t);
      const l = lists.get(t);
      if (l) l.push(doc);
      else lists.set(t, [doc]);
    };
    news.analyzer.forEachTerm(a.title, lang, add);
    for (const s of leadSentences(a.body, POSTING_SENTENCES)) news.analyzer.forEachTerm(s, lang, add);
  });
  const packed = new Map<string, Int32Array>();
  for (const [t, l] of lists) packed.set(t, Int32Array.from(l));
  const postings: TermPostings = {
    docsOf: (t) => packed.get(t) ?? NONE,
    dayOf: (d) => days[d] ?? Number.NaN,
  };
  postingsByIndex.set(news, { count: n, postings });
  return postings;
}

/**
 * Distinct days on which some article holds every one of `terms` (title and lead): how often the
 * archive writes these words together. A theme's words meet on hundreds of days (`voiture` and
 * `moteur`), an event's on the few days it lasts (`Lorient` and `chauffard`).
 */
export function daysTogether(postings: TermPostings, terms: readonly string[]): number {
  if (terms.length === 0) return 0;
  const lists = terms.map((t) => postings.docsOf(t)).sort((a, b) => a.length - b.length);
  let docs: Int32Array = lists[0] as Int32Array;
  for (const other of lists.slice(1)) {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < docs.length && j < other.length) {
      const x = docs[i] as number;
      const y = other[j] as number;
      if (x === y) {
        out.push(x);
        i++;
        j++;
      } else if (x < y) i++;
      else j++;
    }
    docs = Int32Array.from(out);
    if (docs.length === 0) return 0;
  }
  const days = new Set<number>();
  for (const d of docs) days.add(postings.dayOf(d));
  return days.size;
}
