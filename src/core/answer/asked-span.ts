// Whether a sentence holds a span of the sort the question asks, beyond the sentence's kind. Many
// wrong cited answers quote a sentence that restates the event in the question's own words (same
// names, same verb) but lacks what is asked (answers19, batch 20):
// - `countsOther`: a how-many question (`combien de passagers`, `combien de victimes`) answered by a
//   sentence whose figures all count another noun (`18 blessés`, `Trois jeunes … ont escroqué`):
//   the noun right after each figure (or after `de`, an adjective) is neither the asked one (in any
//   spelling the question's reading counts: its index term, an English word's French ones), nor a
//   generic one that counts anyone (`personnes`, `people`). answers13's `count` detail knows five
//   families of nouns only (the dead, the injured…); this reads any noun;
// - `amountMissing`: an amount of money asked (`quel montant`, `combien coûte`, `how much did … cost`)
//   and no figure with a currency in the sentence (`la facture a été réglée`);
// - `spanMissing`: a which-thing question (`quel tableau`, `quelle fusée`, `sur quel aérodrome`, its
//   asked head noun read by ./asked-particular.ts) and the sentence holds no name the question does
//   not (a capitalised word), no quoted title (`« La Joconde »`), no model code (`A320`, `Falcon 9`);
// - `periodOther`: the question names a season (`2018-2019`, `2018/19`) and the sentence writes
//   another one and not the asked one (the 2017-2018 flu toll for the 2018-2019 one).
// Each is an input the model weighs, no veto: `spanMissing` in the gate only (in the ranker it moved
// a description-asking question onto a sentence with a name), the others in the ranker and the gate
// (fitted: ranker-comparison.md, answers19).

import { createIndexCache } from "../cache/index-cache.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import { findNumbers, isAge } from "./answer-kinds.ts";
import { capitalisedWords, given } from "./asked-detail.ts";
import { askedHead, type ParticularQuestion } from "./asked-particular.ts";
import { withSynonyms } from "./counted-synonyms.ts";

/** What the question asks beyond its kind, read once with the question (./read-question.ts). */
export interface AskedSpan {
  /** An amount of money is asked. */
  readonly money: boolean;
  /** The season the question names, as its two years (`2018-2019` → [2018, 2019]). */
  readonly season?: readonly [number, number];
}

const MONEY_ASKED =
  /\b(?:quel(?:le)?s? (?:est |etait |a ete |sera )?(?:le |la )?(?:montant|somme|cout|prix|facture|budget|salaire|remuneration|indemnite|rancon|valeur)|combien (?:\S+ ){0,3}?(?:coute|coutait|coute-t-il|coute-t-elle|coutera|a coute|ont coute|valait|vaut|paye|payer|verse|touche|gagne|rapporte|encaisse|debourse|investi|depense|vendu)|a combien (?:s'eleve|s'elevait|se monte|est estime)\w*|pour combien|how much (?:\S+ ){0,6}?(?:cost|costs|paid|pay|worth|spent|spend|raised|sold|earn|earned|fine|fined)|what (?:was |is )?(?:the )?(?:amount|price|cost|sum|bill|fine|salary|ransom))\b/;
const SEASON = /(?<!\d)((?:19|20)\d\d)\s*[-/–]\s*((?:19|20)?\d\d)(?!\d)/g;

/** What `question` asks of a span: money, a season. */
export function askedSpanOf(question: string): AskedSpan {
  const q = fold(question).replace(/[’‘]/g, "'");
  const season = seasonsIn(question)[0];
  return { money: MONEY_ASKED.test(q), ...(season ? { season } : {}) };
}

/** The seasons `text` writes (`2018-2019`, `2018/19`), as pairs of consecutive years. */
export function seasonsIn(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(SEASON)) {
    const first = Number(m[1]);
    const raw = m[2] ?? "";
    const second = raw.length === 2 ? Math.floor(first / 100) * 100 + Number(raw) : Number(raw);
    if (second === first + 1) out.push([first, second]);
  }
  return out;
}

/** The question's season written elsewhere than `text`: `text` writes another season and not it. */
export function periodOther(season: readonly [number, number] | undefined, text: string): boolean {
  if (season === undefined) return false;
  const seasons = seasonsIn(text);
  return seasons.length > 0 && !seasons.some(([a]) => a === season[0]);
}

// A figure with a currency: `12 000 euros`, `3 millions de dollars`, `45 €`, `$5 million`, `£200`.
const CURRENCY =
  /(?:[$€£¥]\s*\d|\d[\d\s.,\u00a0\u202f]*(?:\s*(?:k|m|md|mds|mn|bn|millions?|milliards?|billions?|thousands?|mille|millier)s?\s*)?(?:\s*(?:de\s+|d['’]|of\s+)?)(?:[$€£¥]|euros?|eur|dollars?|usd|livres?\s+sterling|livres|pounds?|francs?|yens?|yuans?|roubles?|dirhams?|dinars?|bitcoins?|cents?|centimes?)(?!\p{L}))/iu;

/** An amount of money asked and no figure with a currency in `text`. */
export const amountMissing = (span: AskedSpan | undefined, text: string) =>
  span?.money === true && !CURRENCY.test(text);

// Nouns that count anyone or anything: `neuf personnes tuées` answers `combien de morts`.
const GENERIC =
  /^(?:personnes?|gens|individus|people|persons|fois|times|nouveaux?|nouvelles?|new|autres?|other|more|plus|moins|less|fewer|pres|about|environ|au|total|dont|including|among|parmi|sur|on|of|de|d|des|du|et|and|a|en|in|se|ont|ont-ils|sont|were|are|have|had|was)$/;
// `millions de`, `dizaines de`: the noun counted stands after them
const MULTIPLIER =
  /^(?:millions?|milliards?|milliers?|centaines?|dizaines?|douzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|centaine|thousands?|hundreds?|dozens?|billions?|de|d|des|of)$/;

/** Up to two words after the figure ending at `start` in `text`, leading multipliers skipped, folded. */
function nounsAfter(text: string, start: number): string[] {
  const after = fold(text.slice(start, start + 60)).replace(/[’']/g, " ");
  const words = after.split(/[^\p{L}\d-]+/u).filter((w) => w !== "");
  const out: string[] = [];
  for (const w of words) {
    if (/\d/.test(w)) break;
    if (out.length === 0 && MULTIPLIER.test(w)) continue;
    out.push(w);
    if (out.length === 2) break;
  }
  return out;
}

/**
 * Whether every figure of `text` counts a noun other than the asked one (`counted`: its index
 * terms, ./read-question.ts): the noun right after the figure, or the word after it (`neuf nouveaux
 * décès`, `18 passagers blessés`), is not asked and not generic. A sentence with no figure, or one
 * whose figures stand before no word, says nothing of it (kindMissing does).
 */
export function countsOther(news: NewsIndex, counted: readonly string[], text: string): boolean {
  if (counted.length === 0) return false;
  const { asked, victims } = countedNouns.get(counted, news, () => {
    // the asked noun in any spelling the glossary gives (`voyageurs` counts `passagers`)
    const asked = withSynonyms(news, counted);
    // victims are the dead and the injured: `10 morts` answers `combien de victimes`
    const victims = ["victime", "victim", "victims"].some((w) => asked.has(news.analyzer.term(w, "fr") ?? w));
    return { asked, victims };
  });
  const figures = findNumbers(text).filter((n) => !isAge(text, n) && !n.text.endsWith("%"));
  let other = false;
  for (const n of figures) {
    const words = nounsAfter(text, n.start + n.text.length);
    if (words.length === 0) continue;
    const terms = words.flatMap((w) => news.analyzer.terms(w));
    if (terms.some((t) => asked.has(t))) return false;
    if (victims && words.some((w) => HARMED.test(w))) return false;
    const [first, second] = words;
    if (
      first !== undefined &&
      GENERIC.test(first) &&
      (second === undefined || GENERIC.test(second) || !isWord(second))
    )
      return false;
    if (first !== undefined && GENERIC.test(first)) continue;
    other = true;
  }
  return other;
}
/** The asked noun's spellings, read once per question (its counted terms) and index: countsOther runs for every candidate. */
const countedNouns = createIndexCache<
  readonly string[],
  NewsIndex,
  { readonly asked: ReadonlySet<string>; readonly victims: boolean }
>();
const HARMED =
  /^(?:morte?s?|deces|decedee?s?|tuee?s?|blessee?s?|dead|deaths?|killed|injured|wounded|victimes?)$/;
const isWord = (w: string) => /^\p{L}{3,}$/u.test(w);

// A title in quotes, a model code (`A320`, `B-52`; `Falcon 9`, `TGV` are capitalised words).
const QUOTED = /[«“"]\s*[^»”"]{2,80}[»”"]/u;
const MODEL_CODE = /(?<![\p{L}\d])\p{Lu}{1,4}-?\d{1,4}\p{Lu}?(?![\p{L}\d])/gu;

/** A which-thing question (`quel tableau`) and no name, quoted title or model code new to the question in `text`. */
export function spanMissing(news: NewsIndex, q: ParticularQuestion, text: string): boolean {
  if (q.kind === "person" || q.kind === "date" || q.kind === "number") return false;
  if (askedHead(q).size === 0) return false;
  if (QUOTED.test(text)) return false;
  if ([...text.matchAll(MODEL_CODE)].some((m) => !given(news, q.terms, m[0]))) return false;
  return !capitalisedWords(text).some((c) => !given(news, q.terms, c.word));
}
