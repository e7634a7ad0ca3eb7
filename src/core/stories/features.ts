// What clustering compares about an article: a TF-IDF vector of its title and lead (the title
// counted twice: it states the event), the named entities of title and lead weighted by rarity, and
// its day. Features are computed once per article and kept per index, so a digest re-run or a
// live article costs only the new articles.
import type { NewsIndex } from "../search/news-index.ts";
import { stemLanguage } from "../search/news-index.ts";
import { splitSentences } from "../text/sentences.ts";

export interface ArticleFeatures {
  readonly doc: number;
  /** Term → weight, L2-normalised (title and lead, sublinear tf × idf). */
  readonly vector: ReadonlyMap<string, number>;
  /** The same vector as parallel arrays sorted by term number, for fast dot products. */
  readonly sparse: SparseVector;
  /** Entity key → rarity weight (0 for names found in too many articles to tell stories apart). */
  readonly entities: ReadonlyMap<string, number>;
  /**
   * How widely known the best-known name of title and lead is, 0–1: ln(1 + articles naming it) /
   * ln(1 + corpus size), a name's count being that of its rarest word. Public figures and
   * institutions are named across the corpus; a car model or a private person is not.
   */
  readonly prominence: number;
  /** Euclidean norm of the entity weights (for the cosine). */
  readonly entityNorm: number;
  /** Days since 1970-01-01 (UTC), undefined when undated. */
  readonly day?: number;
  /**
   * The title's actor: its first rare name (a capitalised run with entity weight > 0), as written
   * and as terms — who or what the title is about (see apart.ts). Undefined when the title names
   * no rare name.
   */
  readonly titleActor?: TitleActor;
  /**
   * The terms of every capitalised name of title and lead, common ones included (`Marine Le Pen`
   * → [marin, pen]): two articles sharing a word of two different names share no name
   * (name-conflicts.ts). Absent on features built by hand.
   */
  readonly names?: readonly (readonly string[])[];
}

export interface TitleActor {
  /** The name as the title writes it (`Karine Le Marchand`). */
  readonly name: string;
  /** Its terms (the entity key's). */
  readonly terms: readonly string[];
}

export interface FeatureOptions {
  /** How many opening sentences of the body count as the lead. Default 3. */
  leadSentences?: number;
  /** Articles a name may appear in before it stops counting as an entity. Default 1,000. */
  commonEntityDocs?: number;
}

export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/** Term numbers, shared by every vector of the process (only equality matters). */
const termNumbers = new Map<string, number>();

/** `vector` as arrays sorted by term number. */
export function toSparse(vector: ReadonlyMap<string, number>): SparseVector {
  const pairs: [number, number][] = [];
  for (const [t, w] of vector) {
    let id = termNumbers.get(t);
    if (id === undefined) {
      id = termNumbers.size;
      termNumbers.set(t, id);
    }
    pairs.push([id, w]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { ids: Int32Array.from(pairs, (p) => p[0]), weights: Float64Array.from(pairs, (p) => p[1]) };
}

/** A term's number in sparse vectors, undefined when no vector of the process holds it. */
export function termNumber(term: string): number | undefined {
  return termNumbers.get(term);
}

/** Dot product of two sparse vectors (a merge of their sorted term numbers), each term's product
 * counted up to `cap` (SimilarityWeights.termCap; none by default). */
export function dot(a: SparseVector, b: SparseVector, cap = Number.POSITIVE_INFINITY): number {
  return spreadDot(a, b, 0, cap);
}

/**
 * `dot`, scaled down when few shared terms carry it: by min(1, spread / `minTerms`), spread =
 * (Σp)² / Σp² over the shared terms' products p — the number of equally weighted shared terms
 * that would give the same sum (1.0 when one word carries it all, 3.0 for three equal ones). Two
 * reports of one event share several words; two events that share one heavily weighted word
 * (`perquisition`, a first name) share little else. Scale-free, unlike a per-term cap: a story
 * whose few shared words are all weak keeps them. Products are capped at `cap` first. Terms
 * numbered in `skip` are left out (SimilarityWeights.nameConflicts).
 */
export function spreadDot(
  a: SparseVector,
  b: SparseVector,
  minTerms: number,
  cap = Number.POSITIVE_INFINITY,
  skip?: ReadonlySet<number>,
): number {
  const ai = a.ids;
  const bi = b.ids;
  let i = 0;
  let j = 0;
  let s = 0;
  let s2 = 0;
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number;
    const y = bi[j] as number;
    if (x === y && skip?.has(x)) {
      i++;
      j++;
    } else if (x === y) {
      let p = (a.weights[i] as number) * (b.weights[j] as number);
      if (p > cap) p = cap;
      s += p;
      s2 += p * p;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  if (minTerms <= 0 || s2 <= 0) return s;
  const spread = (s * s) / s2;
  return spread >= minTerms ? s : (s * spread) / minTerms;
}

/** `YYYY-MM-DD` (or `YYYY-MM`, the 15th) → days since the epoch. */
export function dayNumber(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split("-").map(Number);
  if (!y) return undefined;
  return Date.UTC(y, (m ?? 1) - 1, d ?? 15) / 86_400_000;
}

const DEFAULT_LEAD = 3;
const DEFAULT_COMMON = 1000;
/** Characters read per lead sentence (bounds the split on long bodies). */
const CHARS_PER_SENTENCE = 500;
/** A capitalised word (`Mélenchon`, `SNCF`, `Jean-Luc`), or a particle inside a name (`de`, `du`). */
const CAP_WORD = /^[\p{Lu}][\p{L}\p{M}'’-]*$/u;
const NAME_PARTICLES = new Set(["de", "du", "des", "la", "le", "von", "van", "di", "da", "bin", "al"]);
const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’-]*|[^\s]/gu;

/**
 * Runs of capitalised words that are not just the first word of a sentence: `Jean-Luc Mélenchon`,
 * `Réforme des retraites` is not one (only its first word is capitalised). A single capitalised
 * word opening a sentence is skipped: French capitalises it whatever it is.
 */
export function capitalisedRuns(sentence: string): string[] {
  const words = sentence.match(WORD) ?? [];
  const runs: string[] = [];
  let run: string[] = [];
  let runStart = -1;
  const flush = (end: number) => {
    while (run.length > 0 && NAME_PARTICLES.has(run[run.length - 1] as string)) run.pop();
    const startsSentence = runStart === 0;
    if (run.length > 1 || (run.length === 1 && !startsSentence)) runs.push(run.join(" "));
    run = [];
    runStart = end;
  };
  words.forEach((w, i) => {
    const clean = w.replace(/['’]$/u, "").replace(/^(?:[ldjmnst]|qu)['’](?=\p{Lu})/iu, "");
    if (CAP_WORD.test(clean) && clean.length > 1) {
      if (run.length === 0) runStart = i;
      run.push(clean);
    } else if (run.length > 0 && NAME_PARTICLES.has(w)) {
      run.push(w);
    } else if (run.length > 0) {
      flush(i);
    }
  });
  if (run.length > 0) flush(words.length);
  return runs;
}

/** The opening sentences of a body (cheap: only the first characters are split). */
export function leadSentences(body: string, count: number): string[] {
  const head = body.slice(0, count * CHARS_PER_SENTENCE);
  return splitSentences(head)
    .slice(0, count)
    .map((s) => head.slice(s.start, s.end));
}

/** Words that date an article rather than say what it reports (every article of a day has them). */
const CALENDAR_WORDS = [
  "lundi mardi mercredi jeudi vendredi samedi dimanche",
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
  "monday tuesday wednesday thursday friday saturday sunday",
  "january february march april june july august september october november december",
].join(" ");
const calendarTerms = new WeakMap<NewsIndex, Set<string>>();

/**
 * A term that only dates the article: a weekday, a month, a day of the month or a year. On a
 * day's digest every article says "mardi 31 mars"; those words would bind them all.
 */
function isCalendarTerm(news: NewsIndex, term: string): boolean {
  if (/^\d{1,2}$/.test(term) || /^(?:19|20)\d\d$/.test(term)) return true;
  let set = calendarTerms.get(news);
  if (!set) {
    set = new Set([
      ...news.analyzer.terms(CALENDAR_WORDS, "fr"),
      ...news.analyzer.terms(CALENDAR_WORDS, "en"),
    ]);
    calendarTerms.set(news, set);
  }
  return set.has(term);
}

const caches = new WeakMap<NewsIndex, Map<string, Map<number, ArticleFeatures>>>();

/** Features of `doc`, computed once per index. */
export function articleFeatures(news: NewsIndex, doc: number, options: FeatureOptions = {}): ArticleFeatures {
  let byOptions = caches.get(news);
  if (!byOptions) {
    byOptions = new Map();
    caches.set(news, byOptions);
  }
  const key = `${options.leadSentences ?? DEFAULT_LEAD}/${options.commonEntityDocs ?? DEFAULT_COMMON}`;
  let cache = byOptions.get(key);
  if (!cache) {
    cache = new Map();
    byOptions.set(key, cache);
  }
  const hit = cache.get(doc);
  if (hit) return hit;
  const f = computeFeatures(news, doc, options);
  cache.set(doc, f);
  return f;
}

function computeFeatures(news: NewsIndex, doc: number, options: FeatureOptions): ArticleFeatures {
  const a = news.articles[doc];
  const day = dayNumber(a?.date);
  if (!a)
    return {
      doc,
      vector: new Map(),
      sparse: toSparse(new Map()),
      entities: new Map(),
      entityNorm: 0,
      prominence: 0,
    };
  const lang = stemLanguage(a.lang);
  const lead = leadSentences(a.body, options.leadSentences ?? DEFAULT_LEAD);
  const tf = new Map<string, number>();
  const count = (t: string, by: number) => {
    if (!isCalendarTerm(news, t)) tf.set(t, (tf.get(t) ?? 0) + by);
  };
  news.analyzer.forEachTerm(a.title, lang, (t) => count(t, 2));
  for (const s of lead) news.analyzer.forEachTerm(s, lang, (t) => count(t, 1));
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of tf) {
    // every term counts, even one no other article has yet: it is part of what the article is
    // about (dropping it would let the few shared words of a live article's first hours decide)
    const w = (1 + Math.log(n)) * news.index.idf(t);
    vector.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of vector) vector.set(t, w / norm);

  // entities: a name's rarity is that of its rarest word; names in more than `commonEntityDocs`
  // articles weigh nothing (a president or a capital city, alone, says nothing of the event)
  const floor = Math.log(1 + news.index.docCount / (options.commonEntityDocs ?? DEFAULT_COMMON));
  const entities = new Map<string, number>();
  let bestKnown = 0;
  let titleActor: TitleActor | undefined;
  const names: string[][] = [];
  for (const [si, s] of [a.title, ...lead].entries()) {
    for (const run of capitalisedRuns(s)) {
      const terms = news.analyzer.terms(run, lang);
      if (terms.length === 0) continue;
      const key = terms.join(" ");
      names.push(terms);
      let rarest = 0;
      let fewest = Number.POSITIVE_INFINITY;
      for (const t of terms) {
        fewest = Math.min(fewest, news.index.docFreq(t));
        if (news.index.docFreq(t) >= 2) rarest = Math.max(rarest, news.index.idf(t));
      }
      if (Number.isFinite(fewest)) bestKnown = Math.max(bestKnown, fewest);
      const w = Math.max(0, rarest - floor);
      if (w > 0) entities.set(key, w);
      if (w > 0 && si === 0 && !titleActor) titleActor = { name: run, terms };
    }
  }
  let entityNorm = 0;
  for (const w of entities.values()) entityNorm += w * w;
  const prominence = Math.log(1 + bestKnown) / Math.log(1 + Math.max(1, news.index.docCount));
  return {
    doc,
    vector,
    sparse: toSparse(vector),
    entities,
    prominence,
    entityNorm: Math.sqrt(entityNorm),
    ...(day !== undefined ? { day } : {}),
    ...(titleActor ? { titleActor } : {}),
    names,
  };
}
