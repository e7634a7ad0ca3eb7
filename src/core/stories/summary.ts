// A story's words: its headline (the title of its most central article) and one or two central
// sentences quoted whole from its most central articles. A sentence that opens on a pronoun, a
// demonstrative or a connective (`Elle a notamment reproché…`, `Cette décision…`, `Mais…`) is never quoted first: its
// referent is in a sentence the reader does not see. It may follow the sentence it continues.

import type { NewsIndex, Sentence } from "../search/news-index.ts";
import { isQuotable, tidySentence } from "../text/sentence-quality.ts";
import { cosine } from "./similarity.ts";

/** Openings whose referent lies in an earlier sentence (French and English). */
const UNRESOLVED_OPENING =
  /^(?:["«“]\s*)?(?:c['’]|ç['’]|ce\s+(?:n|qu)['’]|(?:tous|toutes|tout|selon|pour|de|chez|avec|à)\s+(?:ces|cet|cette|ce|lui|elle|eux|elles|son|sa|ses|leur|leurs)(?![\p{L}\p{M}'’-])|(?:ce\s+(?:ne|qui|que|sont|fut|serait|sera|doit|peut)|il|elle|ils|elles|on|lui|leur|eux|celui-ci|celle-ci|ceux-ci|celles-ci|celui-là|celle-là|ce dernier|cette dernière|ces derniers|ces dernières|son|sa|ses|leurs|cette|cet|ces|ceci|cela|ça|là|he|she|they|it|his|her|its|their|them|this|these|those|there)(?![\p{L}\p{M}'’-]))/iu;
/** Connectives that lean on what came before (`Mais dans le même temps…`, `Pourtant…`). */
const LEANING_OPENING =
  /^(?:["«“]\s*)?(?:mais|et|or|donc|pourtant|toutefois|cependant|en revanche|par ailleurs|de son côté|de leur côté|quant à|ainsi|aussi|but|and|so|however|meanwhile)(?![\p{L}\p{M}'’-])/iu;
/** `Ce jeudi`, `Cette semaine`, `Ce matin`: a demonstrative of time points at the article's date. */
const TIME_DEMONSTRATIVE =
  /^(?:ce|cette|cet)\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|matin|soir|midi|week-end|weekend|mois|semaine|année|an|après-midi|hiver|été|printemps|automne)(?![\p{L}\p{M}\p{N}])/iu;

/** Whether a sentence can open a summary without an earlier sentence to resolve it. */
export function opensResolved(sentence: string): boolean {
  const s = tidySentence(sentence);
  if (LEANING_OPENING.test(s)) return false;
  return TIME_DEMONSTRATIVE.test(s) || !UNRESOLVED_OPENING.test(s);
}

interface Candidate {
  readonly doc: number;
  readonly sentence: Sentence;
  readonly text: string;
  readonly score: number;
}

/** Sentences read per article: a news article states its event in its opening paragraphs. */
const SENTENCES_READ = 8;
const MAX_CHARS = 420;

function sentenceVector(news: NewsIndex, s: Sentence): Map<string, number> {
  const v = new Map<string, number>();
  let norm = 0;
  for (const t of s.terms) {
    const w = news.index.idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

/**
 * One or two sentences for a story: the sentence of its central articles closest to the story's
 * centroid (the lead favoured), then the sentence right after it when it continues the same
 * thought, or the next best sentence that adds something.
 */
export function storySummary(
  news: NewsIndex,
  centralDocs: readonly number[],
  centroid: ReadonlyMap<string, number>,
): { doc: number; sentences: string[] } {
  const candidates: Candidate[] = [];
  centralDocs.forEach((doc, rank) => {
    const all = news.sentencesOf(doc).slice(0, SENTENCES_READ);
    // the headline article first: its sentences continue the headline the reader just read
    const central = 1 / (1 + 0.3 * rank);
    all.forEach((sentence, i) => {
      if (!isQuotable(sentence.text)) return;
      const lead = 1 / (1 + 0.25 * i);
      const score = cosine(sentenceVector(news, sentence), centroid) * lead * central;
      candidates.push({ doc, sentence, text: tidySentence(sentence.text), score });
    });
  });
  const first = candidates.filter((c) => opensResolved(c.text)).sort((a, b) => b.score - a.score)[0];
  if (!first) return { doc: centralDocs[0] ?? -1, sentences: [] };
  const chosen = [first];
  const next = candidates.find(
    (c) => c.doc === first.doc && c.sentence.position === first.sentence.position + 1,
  );
  const room = (c: Candidate) => first.text.length + c.text.length <= MAX_CHARS;
  if (next && room(next) && next.score >= first.score * 0.5) chosen.push(next);
  else {
    const other = candidates
      .filter((c) => c !== first && opensResolved(c.text) && room(c))
      .filter((c) => overlapShare(c.sentence.terms, first.sentence.terms) < 0.5)
      .sort((a, b) => b.score - a.score)[0];
    if (other && other.doc === first.doc && other.score >= first.score * 0.6) chosen.push(other);
  }
  chosen.sort((a, b) => a.sentence.position - b.sentence.position);
  return { doc: first.doc, sentences: chosen.map((c) => c.text) };
}

function overlapShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const t of a) if (b.has(t)) inter++;
  return inter / Math.min(a.size, b.size);
}
