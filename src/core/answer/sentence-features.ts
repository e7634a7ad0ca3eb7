// Step 3, candidate sentences with features: every sentence of the candidate articles that holds a
// question word becomes a candidate described by numbers the scorer combines (how much of the
// question it covers, weighted by rarity; what its neighbours and title add; whether it holds the
// kind of answer asked for; where the article ranked and when it was written, against the
// question's time frame). A cheap first pass covers every sentence; the costly features (regular
// expressions, term positions) are computed for the `refined` best of them only.
import type { Article } from "../corpus/article.ts";
import type { NewsIndex, Sentence } from "../search/news-index.ts";
import { articleTerms } from "./article-terms.ts";
import {
  FEATURE_INDEX,
  FEATURES,
  type FeatureName,
  type SentenceCandidate,
  TITLE_INDEX,
} from "./features.ts";
import { addFigureUpdates } from "./figure-updates.ts";
import { inFrame } from "./question-frame.ts";
import { hasGroup, type Reading, YEAR } from "./read-question.ts";
import { checksKind, refinedFeatures } from "./refined-features.ts";
import type { Candidate } from "./retrieve.ts";
import { addTitleAgreement } from "./title-agreement.ts";

/** A share of a group's weight for a term of the question that only meets the article through a prefix. */
const PREFIX_SHARE = 0.7;
/**
 * A sentence opening on a pronoun (`Elle résidait à Vallauris`, `Il a été attribué à…`) speaks of
 * what the sentence before it names: it holds that sentence's question words at this share. Held
 * out (batches 1–10, PIAF, seeds; bench/results/ranker-comparison.md, "answers7r: reach"): PIAF
 * right 27.7 → 28.7 % at 0.6, seeds 53.8 → 56.4 %, news unchanged.
 */
const INHERITED_SHARE = 0.5;
const OPENS_ON_PRONOUN =
  /^[\s"«“]*(?:Il|Elle|Ils|Elles|He|She|They|Ce dernier|Cette dernière|Celui-ci|Celle-ci)(?=\s|['’])/u;

export function candidateSentences(
  news: NewsIndex,
  q: Reading,
  candidates: readonly Candidate[],
  refined: number,
): SentenceCandidate[] {
  const out: SentenceCandidate[] = [];
  const groupOf = termGroups(q);
  const dates = dateContext(news, q, candidates);
  const perQuestion = questionFeatures(q, news);
  const titles = checksKind(q);
  const terms = candidates.map((c) => articleTerms(news, c.doc));
  const covers = terms.map((t) => articleCoverage(q, t));
  const bestCover = Math.max(0, ...covers);
  candidates.forEach((c, ci) => {
    const sentences = news.sentencesOf(c.doc);
    const article = news.articles[c.doc] as Article;
    const articleTerms = terms[ci] as ReadonlySet<string>;
    const missing = missingInArticle(q, articleTerms);
    const nameMissing = nameMissingInArticle(q, articleTerms);
    const add = (context: readonly Sentence[], at: number, index: number) => {
      const sentence = context[at] as Sentence;
      if (sentence.length < 3) return;
      const f = basicFeatures(news, q, groupOf, c, context, at, articleTerms);
      if (!f) return;
      for (let i = 0; i < f.length; i++) f[i] = (f[i] as number) + (perQuestion[i] as number);
      f[FEATURE_INDEX.missingInArticle] = missing ? 1 : 0;
      f[FEATURE_INDEX.articleCoverage] = covers[ci] as number;
      f[FEATURE_INDEX.bestArticleCoverage] = bestCover;
      f[FEATURE_INDEX.nameMissingInArticle] = nameMissing ? 1 : 0;
      if (index === TITLE_INDEX) f[FEATURE_INDEX.isTitle] = 1;
      dateFeatures(f, q, article.date, dates);
      const prescore = f[FEATURE_INDEX.coverage] as number;
      out.push({
        doc: c.doc,
        index,
        sentence,
        features: f,
        prescore: prescore + 0.3 * c.rank + 0.3 * (f[FEATURE_INDEX.neighbourCoverage] as number),
      });
    };
    for (let index = 0; index < sentences.length; index++) add(sentences, index, index);
    // the headline, before the body: news titles state the answer the body often only restates
    // (`Carrie Fisher meurt à l'âge de 60 ans`); its neighbour is the first sentence (the only one
    // basicFeatures reads beside it). Only when the answer's kind can be checked (see below)
    if (titles) add([titleSentence(news, c.doc, article), ...sentences.slice(0, 1)], 0, TITLE_INDEX);
  });
  out.sort((a, b) => b.prescore - a.prescore || a.doc - b.doc || a.index - b.index);
  relativeFeatures(out);
  const kept = keepRefined(out, refined).flatMap((s) => {
    const keys = refinedFeatures(news, q, s);
    // a title answers only by giving the asked kind: one that only restates the question (`X a
    // remis sa lettre de démission`) covers it best and says nothing (held-out news questions the
    // archive cannot answer were answered from such titles)
    if (s.index === TITLE_INDEX && s.features[FEATURE_INDEX.kindFound] !== 1) return [];
    return [{ ...s, keys }];
  });
  addFigureUpdates(news, q, kept);
  addTitleAgreement(kept);
  return kept;
}

/**
 * The `refined` best body sentences, with the titles ranked among them: titles come on top of the
 * budget, so a headline does not push out a sentence of the body.
 */
function keepRefined(sorted: readonly SentenceCandidate[], refined: number): SentenceCandidate[] {
  const kept: SentenceCandidate[] = [];
  let body = 0;
  for (const s of sorted) {
    if (body >= refined) break;
    if (s.index !== TITLE_INDEX) body++;
    kept.push(s);
  }
  return kept;
}

/** A title as a sentence (its terms are the index's title terms). */
function titleSentence(news: NewsIndex, doc: number, article: Article): Sentence {
  const terms = news.titleTerms(doc);
  return { text: article.title, position: TITLE_INDEX, terms, length: terms.size };
}

// How a sentence compares with the other candidates of the same question: the question's best
// coverage minus its own, its place in the cheap ranking, and whether it covers best in its article.
function relativeFeatures(sorted: SentenceCandidate[]): void {
  const cov = (s: SentenceCandidate) => s.features[FEATURE_INDEX.coverage] as number;
  const best = Math.max(0, ...sorted.map(cov));
  const bestInDoc = new Map<number, number>();
  for (const s of sorted) bestInDoc.set(s.doc, Math.max(bestInDoc.get(s.doc) ?? 0, cov(s)));
  // equal prescores share a rank: which of two equally good sentences sorts first (by article
  // order) must not make one of them look better
  let rank = 0;
  sorted.forEach((s, i) => {
    if (i > 0 && s.prescore < (sorted[i - 1] as SentenceCandidate).prescore) rank = i;
    s.features[FEATURE_INDEX.coverageGap] = best - cov(s);
    s.features[FEATURE_INDEX.prescoreRank] = 1 / (1 + rank);
    s.features[FEATURE_INDEX.bestInArticle] = cov(s) >= (bestInDoc.get(s.doc) ?? 0) ? 1 : 0;
  });
}

function termGroups(q: Reading): Map<string, { gi: number; share: number }> {
  const groupOf = new Map<string, { gi: number; share: number }>();
  q.groups.forEach((g, gi) => {
    for (const t of g) {
      const share = q.original[gi]?.has(t) ? 1 : PREFIX_SHARE;
      const prev = groupOf.get(t);
      if (!prev || prev.share < share) groupOf.set(t, { gi, share });
    }
  });
  return groupOf;
}

// A word of the question, neither a name nor a kind-naming word, that the article never uses
// while other articles do: the article speaks of something else.
function missingInArticle(q: Reading, terms: ReadonlySet<string>): boolean {
  return q.groups.some(
    (g, gi) => !q.isName[gi] && (q.factors[gi] ?? 1) >= 1 && q.known[gi] && !hasGroup(terms, g),
  );
}

// A name of the question (`Izmir`, `Jamala`) that the corpus knows but this article never writes:
// the article is about another place or person sharing the question's other words.
function nameMissingInArticle(q: Reading, terms: ReadonlySet<string>): boolean {
  return q.groups.some((g, gi) => q.isName[gi] && q.known[gi] && !hasGroup(terms, g));
}

// The rarity-weighted share of the question's words the article writes anywhere (title or body).
function articleCoverage(q: Reading, terms: ReadonlySet<string>): number {
  let held = 0;
  q.groups.forEach((g, gi) => {
    if (hasGroup(terms, g)) held += q.weights[gi] as number;
  });
  return held / (q.total || 1);
}

function basicFeatures(
  news: NewsIndex,
  q: Reading,
  groupOf: ReadonlyMap<string, { gi: number; share: number }>,
  c: Candidate,
  sentences: readonly Sentence[],
  index: number,
  articleTerms: ReadonlySet<string>,
): Float64Array | undefined {
  const sentence = sentences[index] as Sentence;
  const n = q.groups.length;
  const inSentence = new Float64Array(n);
  for (const t of sentence.terms) {
    const m = groupOf.get(t);
    if (m && m.share > (inSentence[m.gi] as number)) inSentence[m.gi] = m.share;
  }
  const prev = sentences[index - 1];
  // (a title stands first in its context: it has no sentence before it)
  if (prev && OPENS_ON_PRONOUN.test(sentence.text))
    for (const t of prev.terms) {
      const m = groupOf.get(t);
      const share = (m?.share ?? 0) * INHERITED_SHARE;
      if (m && share > (inSentence[m.gi] as number)) inSentence[m.gi] = share;
    }
  const next = sentences[index + 1];
  const title = news.titleTerms(c.doc);
  let cov = 0;
  let near = 0;
  let inTitle = 0;
  let typeWords = 0;
  let groups = 0;
  let names = 0;
  let nameCount = 0;
  for (let gi = 0; gi < n; gi++) {
    const w = q.weights[gi] as number;
    const g = q.groups[gi] as readonly string[];
    if (q.isName[gi]) nameCount++;
    const m = inSentence[gi] as number;
    if (m > 0) {
      cov += m * w;
      groups++;
      if (q.isName[gi]) names++;
    } else if ((prev && hasGroup(prev.terms, g)) || (next && hasGroup(next.terms, g))) near += w;
    else if (hasGroup(title, g)) inTitle += w;
    else if ((q.factors[gi] ?? 1) < 1 && hasGroup(articleTerms, g)) typeWords += q.full[gi] as number;
  }
  if (cov === 0) return undefined;
  const f = new Float64Array(FEATURES.length);
  const total = q.total || 1;
  f[FEATURE_INDEX.docRank] = c.rank;
  f[FEATURE_INDEX.docFirst] = c.position === 0 ? 1 : 0;
  f[FEATURE_INDEX.coverage] = cov / total;
  // the matched rarity itself: covering three rare words is more than covering one of one
  f[FEATURE_INDEX.matchedWeight] = Math.min(1, cov / 30);
  f[FEATURE_INDEX.neighbourCoverage] = near / total;
  f[FEATURE_INDEX.titleCoverage] = inTitle / total;
  f[FEATURE_INDEX.typeWordInArticle] = typeWords / (q.fullTotal || 1);
  f[FEATURE_INDEX.focusInSentence] = q.focus.some((gi) => (inSentence[gi] as number) > 0) ? 1 : 0;
  f[FEATURE_INDEX.focusNearby] = q.focus.some(
    (gi) =>
      hasGroup(prev?.terms ?? new Set(), q.groups[gi] ?? []) ||
      hasGroup(next?.terms ?? new Set(), q.groups[gi] ?? []) ||
      hasGroup(title, q.groups[gi] ?? []),
  )
    ? 1
    : 0;
  f[FEATURE_INDEX.namesInSentence] = nameCount === 0 ? 1 : names / nameCount;
  f[FEATURE_INDEX.groupsInSentence] = groups / Math.max(1, n);
  f[FEATURE_INDEX.lead] = 1 / (1 + index);
  f[FEATURE_INDEX.length] = Math.min(1, sentence.length / 60);
  return f;
}

// What every candidate of the question shares: how much of it the corpus does not know, its size, its kind.
function questionFeatures(q: Reading, news: NewsIndex): Float64Array {
  const f = new Float64Array(FEATURES.length);
  let unknown = 0;
  q.groups.forEach((g, gi) => {
    if (g.every((t) => news.index.docFreq(t) === 0)) unknown += q.full[gi] as number;
  });
  f[FEATURE_INDEX.unknownWords] = unknown / (q.fullTotal || 1);
  f[FEATURE_INDEX.questionGroups] = Math.min(1, q.groups.length / 10);
  const kind = q.kind === "rank" ? "other" : q.kind;
  f[FEATURE_INDEX[`kind${kind[0]?.toUpperCase()}${kind.slice(1)}` as FeatureName]] = 1;
  return f;
}

interface DateContext {
  /** The newest date among the well-ranked candidates. */
  readonly newest: string;
  /** The reference day for ages: the question's day, or the newest candidate's. */
  readonly reference: string;
  /** The latest year the question names (`2021` in `Miss France 2021`), or "". */
  readonly latestYear: string;
}

function dateContext(news: NewsIndex, q: Reading, candidates: readonly Candidate[]): DateContext {
  let newest = "";
  for (const c of candidates) {
    const d = news.articles[c.doc]?.date ?? "";
    if (c.rank >= 0.5 && d > newest) newest = d;
  }
  let latestYear = "";
  for (const t of q.terms) if (YEAR.test(t) && t > latestYear) latestYear = t;
  return { newest, reference: q.now ?? newest, latestYear };
}

const DAY_MS = 86_400_000;

function dateFeatures(f: Float64Array, q: Reading, date: string | undefined, ctx: DateContext): void {
  if (q.frame) {
    const within = inFrame(q.frame, date);
    f[FEATURE_INDEX.inFrame] = within ? 1 : 0;
    f[FEATURE_INDEX.outOfFrame] = within ? 0 : 1;
  }
  if (!date || !ctx.reference) return;
  const days =
    (Date.parse(ctx.reference.slice(0, 10)) - Date.parse(date.length === 7 ? `${date}-15` : date)) / DAY_MS;
  // in years, capped: an article five years old is as old as it gets
  f[FEATURE_INDEX.age] = Number.isFinite(days) ? Math.min(1, Math.max(0, days / 365 / 5)) : 0;
  f[FEATURE_INDEX.newest] = date >= ctx.newest ? 1 : 0;
  f[FEATURE_INDEX.yearAhead] = ctx.latestYear > date.slice(0, 4) ? 1 : 0;
}
