// What clustering compares about an article: a TF-IDF vector of its title and lead (the title
// counted twice: it states the event), the named entities of title and lead weighted by rarity, and
// its day. Features are computed once per article and kept per index, so a digest re-run or a
// live article costs only the new articles.
import type { NewsIndex } from "../news-index.ts";
import { stemLanguage } from "../news-index.ts";
import { splitSentences } from "../text/sentences.ts";

export interface ArticleFeatures {
  readonly doc: number;
  /** Term → weight, L2-normalised (title and lead, sublinear tf × idf). */
  readonly vector: ReadonlyMap<string, number>;
  /** Entity key → rarity weight (0 for names found in too many articles to tell stories apart). */
  readonly entities: ReadonlyMap<string, number>;
  /** Euclidean norm of the entity weights (for the cosine). */
  readonly entityNorm: number;
  /** Days since 1970-01-01 (UTC), undefined when undated. */
  readonly day?: number;
}

export interface FeatureOptions {
  /** How many opening sentences of the body count as the lead. Default 3. */
  leadSentences?: number;
  /** Articles a name may appear in before it stops counting as an entity. Default 1,000. */
  commonEntityDocs?: number;
}

/** `YYYY-MM-DD` (or `YYYY-MM`, the 15th) → days since the epoch. */
export function dayNumber(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const [y, m, d] = date.split("-").map(Number);
  if (!y) return undefined;
  return Date.UTC(y, (m ?? 1) - 1, d ?? 15) / 86_400_000;
}

const LEAD_CHARS = 1500;
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
  const head = body.slice(0, LEAD_CHARS);
  return splitSentences(head)
    .slice(0, count)
    .map((s) => head.slice(s.start, s.end));
}

const caches = new WeakMap<NewsIndex, Map<number, ArticleFeatures>>();

/** Features of `doc`, computed once per index. */
export function articleFeatures(news: NewsIndex, doc: number, options: FeatureOptions = {}): ArticleFeatures {
  let cache = caches.get(news);
  if (!cache) {
    cache = new Map();
    caches.set(news, cache);
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
  if (!a) return { doc, vector: new Map(), entities: new Map(), entityNorm: 0 };
  const lang = stemLanguage(a.lang);
  const lead = leadSentences(a.body, options.leadSentences ?? 3);
  const tf = new Map<string, number>();
  const count = (t: string, by: number) => tf.set(t, (tf.get(t) ?? 0) + by);
  news.analyzer.forEachTerm(a.title, lang, (t) => count(t, 2));
  for (const s of lead) news.analyzer.forEachTerm(s, lang, (t) => count(t, 1));
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [t, n] of tf) {
    if (news.index.docFreq(t) < 2) continue; // a term no other article has cannot link two
    const w = (1 + Math.log(n)) * news.index.idf(t);
    vector.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of vector) vector.set(t, w / norm);

  // entities: a name's rarity is that of its rarest word; names in more than `commonEntityDocs`
  // articles weigh nothing (a president or a capital city, alone, says nothing of the event)
  const floor = Math.log(1 + news.index.docCount / (options.commonEntityDocs ?? 1000));
  const entities = new Map<string, number>();
  for (const s of [a.title, ...lead]) {
    for (const run of capitalisedRuns(s)) {
      const terms = news.analyzer.terms(run, lang);
      if (terms.length === 0) continue;
      const key = terms.join(" ");
      let rarest = 0;
      for (const t of terms) if (news.index.docFreq(t) >= 2) rarest = Math.max(rarest, news.index.idf(t));
      const w = Math.max(0, rarest - floor);
      if (w > 0) entities.set(key, w);
    }
  }
  let entityNorm = 0;
  for (const w of entities.values()) entityNorm += w * w;
  return { doc, vector, entities, entityNorm: Math.sqrt(entityNorm), ...(day !== undefined ? { day } : {}) };
}
