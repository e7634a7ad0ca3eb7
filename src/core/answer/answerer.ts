// Cited answers. The question's words retrieve candidate articles from the index; every sentence
// of those articles is scored by how much of the question it covers (each word weighted by its
// rarity in the corpus, words found only in the neighbouring sentences or the title counting for
// less), whether question words that stand together in the question also stand together in the
// sentence, whether it holds the kind of answer asked for (a name, a date, a number, a place) that
// the question does not already give, and how well its article ranked. The best sentence is quoted
// verbatim with its source (with its neighbour when the sentence alone is not the answer).
// Abstaining is part of the contract: when no sentence covers enough of the question, the answer
// says so instead of guessing.
import type { Article } from "../corpus/article.ts";
import { compareDatesDesc } from "../corpus/article.ts";
import { type ProfileRole, whoIs } from "../entities/who.ts";
import { type Messages, messages } from "../i18n/messages.ts";
import type { NewsIndex, Sentence } from "../news-index.ts";
import type { QueryGroup } from "../search/inverted-index.ts";
import { fold } from "../text/fold.ts";
import { forEachToken } from "../text/tokenize.ts";
import {
  findDates,
  findNumbers,
  findPersonNames,
  findPlaces,
  findRanks,
  type KindSpan,
} from "./answer-kinds.ts";
import { frenchFor } from "./glossary-en-fr.ts";
import { type AnswerKind, type ParsedQuestion, parseQuestion } from "./question.ts";
import { contradictsTitle, titleComplements } from "./role-complement.ts";

export interface Citation {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly quote: string;
  readonly url?: string;
  readonly source?: string;
}

export interface Answer {
  readonly found: boolean;
  /** The quoted sentence(s) when found; otherwise a message saying the corpus does not answer. */
  readonly answer: string;
  /** Best first; empty when not found. */
  readonly citations: Citation[];
  /** Share of the question's weight the quoted sentence and its context cover (0–1). */
  readonly confidence: number;
  readonly kind: AnswerKind;
}

/** How a sentence's score is put together (see `DEFAULT_WEIGHTS`); for evaluation and tuning. */
export interface ScoringWeights {
  /** Weight of the article's retrieval score (normalised by the best article's). */
  docRank: number;
  /** Share of a question word's weight counted when only a neighbouring sentence holds it. */
  neighbour: number;
  /** Share counted when only the article's title holds it. */
  title: number;
  /** Share counted when a word only meets the article through a prefix (`vivent` → `viv`). */
  prefixMatch: number;
  /** Bonus for holding the kind of answer asked for; the same amount is taken when it is missing. */
  kind: number;
  /** Bonus per unit of question weight whose words stand together in the sentence as in the question. */
  proximity: number;
  /** Share of a kind-naming word's weight counted for confidence when the article holds it anywhere. */
  typeWordInArticle: number;
  /** Confidence taken off when the sentence lacks the kind of answer asked for. */
  kindMissing: number;
  /** Confidence taken off when the question's rarest word is neither in the sentence nor next to it. */
  focusMissing: number;
  /** Penalty per doubling of the sentence's length over 25 terms (long sentences match by chance). */
  length: number;
  /** Bonus per unit of question weight standing right beside a new name (person questions). */
  besideName: number;
  /** For "who is the <role>", confidence beyond the role words found beside the name. */
  roleSlack: number;
  /** Confidence taken off a kind question's sentence that matches only its names, nothing of the event. */
  onlyNames: number;
  /** Share of `focusUncounted` taken when the sentence does not name the counted thing at all. */
  uncountedUnnamed: number;
  /** 1: "who is X" is answered with X's role as the articles state it, when they state one. */
  roleAnswers: number;
  /** A neighbouring sentence scoring within this of the best is quoted with it (0: never). */
  runnerUp: number;
  /** Confidence taken off when a "how many X" answer's number does not count X. */
  focusUncounted: number;
  /**
   * Confidence taken off a where-question's sentence that matches only who the question names (its
   * names, and titles right before them) in an article that never uses one of its other words
   * (`rencontré`): the article names the people, not the event. 0: off.
   */
  namesOnlyPlace: number;
  /** 1: a name in the question unknown to the whole corpus makes the answer abstain; 0: it only weighs. */
  unknownNameAbstains: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  docRank: 1,
  neighbour: 0.3,
  title: 0.3,
  prefixMatch: 0.7,
  kind: 0.12,
  proximity: 0.15,
  typeWordInArticle: 0.8,
  kindMissing: 0.15,
  focusMissing: 0.3,
  length: 0,
  unknownNameAbstains: 1,
  namesOnlyPlace: 1,
  focusUncounted: 0.3,
  runnerUp: 0.3,
  roleAnswers: 1,
  uncountedUnnamed: 0.5,
  onlyNames: 0.3,
  besideName: 0.3,
  roleSlack: 0,
};

export interface AnswererOptions {
  /** Articles retrieved before sentences are scored. Default 15 (20 and 30 scored the same on PIAF). */
  candidates?: number;
  /** Least confidence to answer; below it the answer abstains. Default 0.3. */
  minConfidence?: number;
  /** Sentences within this score of the best compete on recency (newest wins). Default 0.05. */
  recencyMargin?: number;
  /** Extra sources cited besides the quoted one. Default 2. */
  extraCitations?: number;
  locale?: "fr" | "en";
  /** Scoring weights (defaults: `DEFAULT_WEIGHTS`); for evaluation and tuning. */
  weights?: Partial<ScoringWeights>;
}

interface Scored {
  doc: number;
  index: number;
  sentence: Sentence;
  coverage: number;
  kindFound: boolean;
  score: number;
  matchedGroups: number;
}

/**
 * Whether the sentence gives the person a title in apposition: a lower-case noun right before the
 * name (`l'ingénieure Tran Thi Mai`, `le ministre japonais Hayashi`) or after it and a comma
 * (`Hayashi Yoshimasa, ministre de…`). Names are compared folded, word by word.
 */
function statesTitleOf(sentence: string, name: string): boolean {
  const text = fold(sentence);
  const words = fold(name).split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return false;
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at).replace(new RegExp(`^${words.map(escapeRegExp).join("\\s+")}`), "");
    if (/\b(?:le|la|l'|l’|du|de la|au|a la|the|of)\s*[a-z-]{3,}(?:\s+[a-z-]{3,}){0,3}\s+$/.test(before))
      return true;
    if (/^\s*,\s*(?:le |la |l'|l’|the |an? )?[a-z-]{4,}/.test(after)) return true;
  }
  return false;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How far below the best a sentence that answers as fully may score and still win on recency. */
const SAME_ANSWER_SCORE = 0.5;

/** A date span that names a day: a day of the month before a month, a weekday, or d/m. */
const DAY_IN_DATE =
  /\b\d{1,2}(?:er)?\s+\p{L}|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b\d{1,2}\/\d{1,2}|\p{L}\s+\d{1,2},/iu;

/** Capitalised abbreviations that are no names (`No. 1`, `Mr`, `M.`). */
const ABBREVIATIONS = new Set([
  "no",
  "nr",
  "nº",
  "n°",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "m",
  "mme",
  "mlle",
  "me",
]);

/** A year as an index term (`2020`, `1789`): as specific as a name. */
const YEAR = /^(1\d{3}|20\d{2})$/;

/** How close (in index terms) a role must stand to a name to be that name's role. */
const ROLE_WINDOW = 5;

/** Sentences that get the second, costlier scoring pass. */
const REFINED = 60;

// A sentence opening on a pronoun or an anaphora names its subject in the sentence before.
const ANAPHORA_START =
  /^(il|elle|ils|elles|ce|cet|cette|ces|celui-ci|celle-ci|ceux-ci|lui|leur|son|sa|ses|on|he|she|they|this|these|it|his|her|their)\b/iu;

export interface Answerer {
  answer(question: string): Answer;
}

export function createAnswerer(news: NewsIndex, options: AnswererOptions = {}): Answerer {
  const candidates = options.candidates ?? 15;
  const minConfidence = options.minConfidence ?? 0.3;
  const recencyMargin = options.recencyMargin ?? 0.05;
  const extraCitations = options.extraCitations ?? 2;
  const w: ScoringWeights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const text: Messages = messages(options.locale ?? "fr");

  // Sentence terms in order (for proximity), computed on demand and kept with the sentence.
  const orderedTerms = new WeakMap<Sentence, string[]>();
  function termsInOrder(s: Sentence, doc: number): string[] {
    let t = orderedTerms.get(s);
    if (!t) {
      t = news.analyzer.terms(s.text, news.articles[doc]?.lang === "en" ? "en" : "fr");
      orderedTerms.set(s, t);
    }
    return t;
  }

  // Every term of an article's body and title, for "does the article mention it at all".
  const articleTermCache = new Map<number, { has(g: QueryGroup): boolean }>();
  function articleTerms(doc: number): { has(g: QueryGroup): boolean } {
    let hit = articleTermCache.get(doc);
    if (!hit) {
      const all = new Set<string>(news.titleTerms(doc));
      for (const s of news.sentencesOf(doc)) for (const t of s.terms) all.add(t);
      hit = { has: (g) => g.some((t) => all.has(t)) };
      if (articleTermCache.size > 500) articleTermCache.clear();
      articleTermCache.set(doc, hit);
    }
    return hit;
  }

  function kindSpans(kind: AnswerKind, sentence: string): KindSpan[] {
    switch (kind) {
      case "date":
        return findDates(sentence);
      case "number":
        return findNumbers(sentence);
      case "person":
        return findPersonNames(sentence);
      case "place":
        return findPlaces(sentence);
      case "rank":
        return findRanks(sentence);
      default:
        return [];
    }
  }

  // The answer must bring something the question does not already say.
  function holdsNewKind(q: ParsedQuestion, questionTerms: ReadonlySet<string>, sentence: string): boolean {
    if (q.kind === "other") return false;
    const spans = kindSpans(q.kind, sentence);
    // "Quel jour…" is answered by a day (`le 9 février`, `jeudi`), not by `début 2026`
    return (q.asksDay ? spans.filter((span) => DAY_IN_DATE.test(span.text)) : spans).some((span) => {
      const terms = news.analyzer.terms(span.text);
      return terms.length === 0 ? /\d/.test(span.text) : terms.some((t) => !questionTerms.has(t));
    });
  }

  function answer(question: string): Answer {
    const parsed = parseQuestion(question, news.analyzer, { known: (t) => news.index.docFreq(t) > 0 });
    const expanded = news.expandUnknown(parsed.groups);
    const q: ParsedQuestion = { ...parsed, groups: expanded };
    if (q.groups.length === 0) {
      return { found: false, answer: text.emptyQuestion, citations: [], confidence: 0, kind: q.kind };
    }
    // A group's weight is the rarity of its rarest spelling; a group that only reaches the corpus
    // through a prefix alternative counts for less when it matches that way.
    // Ranking weights are lighter for a word naming the kind of answer (`métier`, `ville`), which
    // the answering sentence seldom repeats; confidence uses the full weights, so a question whose
    // topic the article never mentions (`Quel est le PIB…`) still abstains.
    const full = parsed.groups.map((g) => Math.max(...g.map((t) => news.index.idf(t))));
    const weights = full.map((x, gi) => x * (parsed.factors[gi] ?? 1));
    const total = weights.reduce((a, b) => a + b, 0);
    const fullTotal = full.reduce((a, b) => a + b, 0);
    const original = parsed.groups.map((g) => new Set(g));
    const questionTerms = new Set(q.groups.flat());
    const needsKind = q.kind !== "other" && !(q.kind === "person" && q.asksIdentity);
    // A name or a year the corpus never mentions, in any spelling or translation (`Shinzo Abe`,
    // `PIB`, `South Korea`, `en 2020`), means the question is about something the articles do not cover: abstain
    // rather than answer around it. Only names: ordinary words may be paraphrased.
    // Index terms of the question's names (`Pham Minh Chinh`), for the rules below.
    const questionNames = namedTerms(question);
    if (w.unknownNameAbstains > 0) {
      const names = questionNames;
      // The noun a question asks about (`Quel est le PIB…`, `What is the population…`) counts too.
      const unknown = q.groups.some(
        (g, gi) =>
          (g.some((t) => names.has(t) || YEAR.test(t)) ||
            (parsed.asked[gi] === true && (g[0]?.length ?? 0) >= 3)) &&
          g.every((t) => news.index.docFreq(t) === 0),
      );
      if (unknown) return { found: false, answer: text.noAnswer, citations: [], confidence: 0, kind: q.kind };
    }
    // "Qui est X ?": the answer is X's role as an article states it (`le ministre japonais des
    // Affaires intérieures et de la Communication, Hayashi Yoshimasa`), the most recent first.
    if (q.asksIdentity && w.roleAnswers > 0) {
      const byRole = q.identityOf ? identityAnswer(q.identityOf, q.kind) : undefined;
      if (byRole) return byRole;
    }
    const counted = q.kind === "number" ? countedTerms(question) : [];
    const questionTitles = q.asksRole ? titleComplements(question) : [];
    // The groups that are names (`Pham Minh Chinh`). When what the question asks about them is
    // something the corpus never mentions (`Quand est né X ?`, `Où habite X ?`), a sentence that
    // matches only the names says who, not what happened: it must not answer.
    const isNameGroup = q.groups.map((g) => g.some((t) => questionNames.has(t)));
    // A title right before a name (`le vice-ministre Funakoshi Takehiro`) says who, too.
    const titled = titleBeforeNameTerms(question);
    const isWhoGroup = q.groups.map((g, gi) => isNameGroup[gi] || g.some((t) => titled.has(t)));
    const aboutSomething =
      !q.asksIdentity &&
      q.groups.some((g, gi) => !isNameGroup[gi] && g.every((t) => news.index.docFreq(t) === 0));
    // Per article: a word of the question, neither a name nor a kind-naming word, that the
    // article never uses.
    const missingByDoc = new Map<number, boolean>();
    const missingInArticle = (doc: number): boolean => {
      let missing = missingByDoc.get(doc);
      if (missing === undefined) {
        const terms = articleTerms(doc);
        missing =
          !q.asksIdentity &&
          q.groups.some(
            (g, gi) =>
              !isNameGroup[gi] &&
              (parsed.factors[gi] ?? 1) >= 1 &&
              !terms.has(g) &&
              // other articles use it: the corpus speaks of it, this article does not
              g.some((t) => news.index.docFreq(t) > 0),
          );
        missingByDoc.set(doc, missing);
      }
      return missing;
    };
    const hits = news.rank(q.groups, candidates);
    const topScore = hits[0]?.score ?? 1;

    // Which group a sentence term answers, and at what share of the group's weight.
    const groupOf = new Map<string, { gi: number; share: number }>();
    q.groups.forEach((g, gi) => {
      for (const t of g) {
        const share = original[gi]?.has(t) ? 1 : w.prefixMatch;
        const prev = groupOf.get(t);
        if (!prev || prev.share < share) groupOf.set(t, { gi, share });
      }
    });
    const n = q.groups.length;
    const inSentence = new Float64Array(n);
    const nearby: boolean[] = new Array(n).fill(false);
    // The question's most specific word: its rarest one that the corpus knows (an unknown word
    // cannot be required; unknown names are handled above).
    const knownGroup = q.groups.map(
      (g, gi) => (parsed.factors[gi] ?? 1) >= 1 && g.some((t) => news.index.docFreq(t) > 0),
    );
    const heaviest = Math.max(0, ...full.filter((_, gi) => knownGroup[gi]));
    const focus = full.flatMap((x, gi) => (knownGroup[gi] && x >= heaviest - 1e-9 ? [gi] : []));

    const matchInto = (terms: ReadonlySet<string>, into: Float64Array) => {
      into.fill(0);
      for (const [t, m] of groupOf)
        if (terms.has(t) && m.share > (into[m.gi] as number)) into[m.gi] = m.share;
    };

    const scored: Scored[] = [];
    for (const hit of hits) {
      const sentences = news.sentencesOf(hit.doc);
      const title = news.titleTerms(hit.doc);
      const docRank = hit.score / topScore;
      sentences.forEach((sentence, index) => {
        if (sentence.length < 3) return;
        matchInto(sentence.terms, inSentence);
        let matched = 0;
        let matchedGroups = 0;
        for (let gi = 0; gi < n; gi++) {
          const m = inSentence[gi] as number;
          if (m > 0) {
            matched += m * (weights[gi] as number);
            matchedGroups++;
          }
        }
        if (matched === 0) return;
        // ...and likewise when this article never mentions it (`Où X a-t-il rencontré Y ?` against
        // an article that names X and Y but no meeting)
        let onlyNames =
          aboutSomething || (q.kind === "place" && w.namesOnlyPlace > 0 && missingInArticle(hit.doc));
        for (let gi = 0; gi < n && onlyNames; gi++)
          if ((inSentence[gi] as number) > 0 && !isWhoGroup[gi]) onlyNames = false;
        // Context (the neighbouring sentences, the title) counts for a little: a sentence often
        // answers about a subject named just before it or in the headline.
        let context = 0;
        let known = 0;
        const prev = sentences[index - 1];
        const next = sentences[index + 1];
        for (let gi = 0; gi < n; gi++) {
          const fw = full[gi] as number;
          const m = inSentence[gi] as number;
          if (m > 0) {
            known += m * fw;
            continue;
          }
          const g = q.groups[gi] as QueryGroup;
          const wt = weights[gi] as number;
          // a word naming the answer's kind needs only be somewhere in the article
          const typeWord = (parsed.factors[gi] ?? 1) < 1;
          nearby[gi] = false;
          if ((prev && has(prev.terms, g)) || (next && has(next.terms, g))) {
            nearby[gi] = true;
            context += w.neighbour * wt;
            known += (typeWord ? w.typeWordInArticle : w.neighbour) * fw;
          } else if (has(title, g)) {
            nearby[gi] = true;
            context += w.title * wt;
            known += (typeWord ? w.typeWordInArticle : w.title) * fw;
          } else if (typeWord && articleTerms(hit.doc).has(g)) {
            nearby[gi] = true;
            known += w.typeWordInArticle * fw;
          }
        }
        const coverage = Math.min(1, (matched + context) / total);
        // The question's most specific word (its rarest) must be in the sentence or next to it.
        let focusMissing = false;
        for (const gi of focus) if ((inSentence[gi] as number) === 0 && !nearby[gi]) focusMissing = true;
        let score = coverage + w.docRank * docRank;
        if (sentence.length < 5) score -= 0.08;
        if (sentence.length > 25) score -= w.length * Math.log2(sentence.length / 25);
        scored.push({
          doc: hit.doc,
          index,
          sentence,
          // A date or a figure answers about one event: its rarest word must be there.
          coverage:
            Math.min(1, known / fullTotal) -
            (focusMissing && (q.kind === "date" || q.kind === "number") ? w.focusMissing : 0) -
            (onlyNames && q.kind !== "other" ? (aboutSomething ? w.onlyNames : w.namesOnlyPlace) : 0),
          kindFound: false,
          score,
          matchedGroups,
        });
      });
    }
    // Second pass, on the sentences that can still win: the kind of answer and proximity (the
    // costly features: regular expressions and term positions).
    scored.sort((a, b) => b.score - a.score);
    const refine = scored.slice(0, REFINED);
    for (const s of refine) {
      s.kindFound = holdsNewKind(q, questionTerms, s.sentence.text);
      if (s.kindFound && q.kind === "number" && counted.length === 0) {
        // "How much…" with nothing counted asks for an amount: a figure, not `les deux pays`.
        s.kindFound = findNumbers(s.sentence.text).some(
          (n) =>
            /\d|mill|cent/iu.test(n.text) &&
            !/^(1[5-9]\d\d|20\d\d)$/.test(n.text) && // a year is not an amount
            !questionTerms.has(news.analyzer.term(n.text) ?? ""),
        );
      }
      if (s.matchedGroups >= 2 && w.proximity > 0)
        s.score += (w.proximity * proximity(q, s.sentence, s.doc)) / total;
      if (needsKind) {
        s.score += s.kindFound ? w.kind : -w.kind;
        if (s.kindFound && q.kind === "person") {
          // A name with the question's words right beside it (`le Premier ministre japonais
          // Takaichi Sanae`) is what a "who" question asks for; "who is the <role>" needs the
          // whole role stated next to the name.
          const beside = weightBesideName(q, questionTerms, s.sentence.text, s.doc, full);
          s.score += (w.besideName * beside) / fullTotal;
          if (q.asksRole) s.coverage = Math.min(s.coverage, beside / fullTotal + w.roleSlack);
          // "the minister of Agriculture" is not "the minister of the Interior, X"
          if (contradictsTitle(questionTitles, s.sentence.text)) s.coverage -= 1;
        }
        if (s.kindFound && counted.length > 0 && !countsFocus(s.sentence.text, s.doc, counted)) {
          // "Combien de touristes…": a number that counts something else does not answer. When the
          // sentence does not name what is counted at all, it may say it another way (`salariés`
          // for `personnes`): a smaller doubt.
          const named = counted.some((t) => s.sentence.terms.has(t));
          s.coverage -= named ? w.focusUncounted : w.focusUncounted * w.uncountedUnnamed;
        }
        if (!s.kindFound && q.asksName) {
          // "Comment s'appelle le président…" is answered by a name, or not at all
          s.coverage -= 1;
        } else if (!s.kindFound && (q.kind === "number" || q.kind === "date")) {
          // A "how many" or "when" question is answered by a figure or a date, or not at all.
          const sentences = news.sentencesOf(s.doc);
          const prev = sentences[s.index - 1];
          const next = sentences[s.index + 1];
          const neighbourHolds =
            (prev && ANAPHORA_START.test(s.sentence.text) && holdsNewKind(q, questionTerms, prev.text)) ||
            (next && ANAPHORA_START.test(next.text) && holdsNewKind(q, questionTerms, next.text));
          s.coverage -= neighbourHolds ? w.kindMissing : 1;
          // a sentence that cannot answer must not stand in front of one that can
          if (!neighbourHolds) s.score -= 1;
        } else if (!s.kindFound) {
          s.coverage -= w.kindMissing;
        }
      }
    }
    scored.length = refine.length;
    scored.sort((a, b) => b.score - a.score);
    let best = scored[0];
    if (!best || best.coverage < minConfidence) {
      return {
        found: false,
        answer: text.noAnswer,
        citations: [],
        confidence: round(best?.coverage ?? 0),
        kind: q.kind,
      };
    }
    // Several articles answering about as well: the most recent one is the one to quote. "As
    // well" is within `recencyMargin` in score, or a sentence that answers as fully (same
    // coverage, the kind of answer found alike) in an article that ranked a little lower.
    const bestScore = best.score;
    const top = best;
    for (const s of scored) {
      if (s.score < bestScore - SAME_ANSWER_SCORE) break;
      const asGood =
        s.score >= bestScore - recencyMargin ||
        (s.coverage >= top.coverage - recencyMargin && s.kindFound === top.kindFound);
      if (asGood && s.coverage >= minConfidence && compareDatesDesc(article(s.doc), article(best.doc)) < 0)
        best = s;
    }

    // "What position does X hold?": only a sentence that gives X a title in apposition (`l'ingénieure
    // X`, `X, ministre de…`) answers; any other sentence about X does not.
    if (q.asksJob && q.identityOf && !statesTitleOf(best.sentence.text, q.identityOf)) {
      return { found: false, answer: text.noAnswer, citations: [], confidence: 0, kind: q.kind };
    }
    let quote = quoteAround(best, q, questionTerms);
    // A close runner-up right next to the quoted sentence, in the same article: quote both (two
    // sentences at most) rather than bet on one when the scores cannot tell them apart.
    if (quote === best.sentence.text && w.runnerUp > 0) {
      const chosen = best;
      const runner = scored.find(
        (s) => s !== chosen && s.doc === chosen.doc && Math.abs(s.index - chosen.index) === 1,
      );
      if (runner && runner.score >= chosen.score - w.runnerUp) {
        quote =
          runner.index < chosen.index
            ? `${runner.sentence.text} ${chosen.sentence.text}`
            : `${chosen.sentence.text} ${runner.sentence.text}`;
      }
    }
    const citations: Citation[] = [cite(best.doc, quote)];
    const cited = new Set([best.doc]);
    for (const s of scored) {
      if (citations.length > extraCitations) break;
      if (cited.has(s.doc) || s.coverage < minConfidence || s.score < bestScore - 0.25) continue;
      cited.add(s.doc);
      citations.push(cite(s.doc, s.sentence.text));
    }
    return { found: true, answer: quote, citations, confidence: round(best.coverage), kind: q.kind };
  }

  // Full weight of the question words within ROLE_WINDOW terms of a new name in the sentence.
  function weightBesideName(
    q: ParsedQuestion,
    questionTerms: ReadonlySet<string>,
    sentence: string,
    doc: number,
    full: readonly number[],
  ): number {
    const lang = news.articles[doc]?.lang === "en" ? "en" : "fr";
    const terms: { t: string; start: number }[] = [];
    news.analyzer.forEachTerm(sentence, lang, (t, start) => terms.push({ t, start }));
    let best = 0;
    for (const name of findPersonNames(sentence)) {
      const nameTerms = news.analyzer.terms(name.text, lang);
      if (nameTerms.every((t) => questionTerms.has(t))) continue;
      const end = name.start + name.text.length;
      let from = terms.findIndex((x) => x.start >= name.start);
      if (from < 0) from = terms.length;
      let to = terms.findIndex((x) => x.start >= end);
      if (to < 0) to = terms.length;
      const near = new Set(terms.slice(Math.max(0, from - ROLE_WINDOW), to + ROLE_WINDOW).map((x) => x.t));
      let weight = 0;
      q.groups.forEach((g, gi) => {
        if (g.some((t) => near.has(t))) weight += full[gi] ?? 0;
      });
      best = Math.max(best, weight);
    }
    return best;
  }

  // What a "how many" question counts: the word after `combien de` / `how many` (with its
  // translations), e.g. `touristes` in "Combien de touristes japonais…".
  function countedTerms(question: string): string[] {
    const m = /\b(?:combien\s+(?:de|d['’])\s*|how\s+many\s+|nombre\s+(?:de|d['’])\s*)([\p{L}-]+)/iu.exec(
      question,
    );
    const word = m?.[1];
    if (!word) return [];
    const out = new Set<string>();
    for (const lang of ["fr", "en"] as const) {
      const t = news.analyzer.term(word, lang);
      if (t) out.add(t);
    }
    for (const fr of frenchFor(word) ?? []) for (const t of news.analyzer.terms(fr)) out.add(t);
    return [...out];
  }

  // Does a number in the sentence stand right before (or after) the counted word?
  function countsFocus(sentence: string, doc: number, focus: readonly string[]): boolean {
    const lang = news.articles[doc]?.lang === "en" ? "en" : "fr";
    const terms: string[] = [];
    news.analyzer.forEachTerm(sentence, lang, (t) => terms.push(t));
    return terms.some((t, i) => {
      if (!focus.includes(t)) return false;
      const around = terms.slice(Math.max(0, i - 3), i + 3);
      return around.some((x) => /^\d/.test(x) || NUMBER_TERMS.has(x));
    });
  }

  // Index terms of the lower-case words standing right before a name in the question (`général`,
  // `vice-ministre`): the person's title.
  function titleBeforeNameTerms(question: string): Set<string> {
    const out = new Set<string>();
    for (const m of question.matchAll(/(?<=\s)(\p{Ll}[\p{L}\p{M}-]*)\s+(?=\p{Lu})/gu)) {
      const word = m[1] ?? "";
      // `vice-ministre` is searched as `vice`, `ministre` and `viceministre`
      for (const part of [word, word.replace(/-/g, ""), ...word.split("-")]) {
        const t = news.analyzer.term(part, "fr");
        if (t) out.add(t);
      }
    }
    return out;
  }

  // Index terms of the question's names: capitalised words other than the first, and acronyms.
  function namedTerms(question: string): Set<string> {
    const out = new Set<string>();
    let first = true;
    forEachToken(question, (word) => {
      const isName =
        /^\p{Lu}/u.test(word) &&
        (!first || /^\p{Lu}{2,}$/u.test(word)) &&
        !ABBREVIATIONS.has(word.toLowerCase());
      first = false;
      if (!isName) return;
      for (const lang of ["fr", "en"] as const) {
        const t = news.analyzer.term(word, lang);
        if (t) out.add(t);
      }
    });
    return out;
  }

  function identityAnswer(name: string, kind: AnswerKind): Answer | undefined {
    const profile = whoIs(news, name, { maxRoles: 3, scanLimit: 120 });
    if (!profile || profile.roles.length === 0) return undefined;
    const roles = [...profile.roles].sort((a, b) => (b.lastDate ?? "").localeCompare(a.lastDate ?? ""));
    const [first, ...others] = roles;
    if (!first) return undefined;
    const citation = (r: ProfileRole): Citation => ({ ...r.source, quote: r.sentence });
    const citations = [citation(first)];
    for (const r of others) {
      if (citations.length > extraCitations) break;
      if (!citations.some((c) => c.id === r.source.id)) citations.push(citation(r));
    }
    return { found: true, answer: first.sentence, citations, confidence: 1, kind };
  }

  // Question words next to each other in the question (`guerre civile`, `Premier ministre`) that
  // are also within two terms of each other in the sentence: the weight of the lighter word of
  // each such pair.
  function proximity(q: ParsedQuestion, sentence: Sentence, doc: number): number {
    const order = termsInOrder(sentence, doc);
    const positions = new Map<number, number[]>();
    order.forEach((t, i) => {
      for (let gi = 0; gi < q.groups.length; gi++) {
        if ((q.groups[gi] as QueryGroup).includes(t)) {
          const list = positions.get(gi) ?? [];
          list.push(i);
          positions.set(gi, list);
        }
      }
    });
    let bonus = 0;
    for (let gi = 0; gi + 1 < q.groups.length; gi++) {
      const a = positions.get(gi);
      const b = positions.get(gi + 1);
      if (!a || !b) continue;
      if (a.some((i) => b.some((j) => Math.abs(i - j) <= 2))) {
        bonus += Math.min(
          news.index.idf(q.groups[gi]?.[0] ?? ""),
          news.index.idf(q.groups[gi + 1]?.[0] ?? ""),
        );
      }
    }
    return bonus;
  }

  // One sentence, or two when the neighbour is needed: the subject of a sentence opening with a
  // pronoun is in the sentence before; a very short sentence is completed by the next one; when
  // the sentence lacks the kind of answer asked for and its neighbour holds it, both are quoted.
  function quoteAround(best: Scored, q: ParsedQuestion, questionTerms: ReadonlySet<string>): string {
    const sentences = news.sentencesOf(best.doc);
    const prev = sentences[best.index - 1];
    const next = sentences[best.index + 1];
    const kindMissing = q.kind !== "other" && !(q.kind === "person" && q.asksIdentity) && !best.kindFound;
    if (prev && ANAPHORA_START.test(best.sentence.text) && (kindMissing || best.sentence.length < 25)) {
      return `${prev.text} ${best.sentence.text}`;
    }
    if (next && best.sentence.length < 6) return `${best.sentence.text} ${next.text}`;
    if (kindMissing) {
      if (next && holdsNewKind(q, questionTerms, next.text)) return `${best.sentence.text} ${next.text}`;
      if (prev && holdsNewKind(q, questionTerms, prev.text)) return `${prev.text} ${best.sentence.text}`;
    }
    // The next sentence continues this one (`Il a également…`) and holds more of the question.
    if (next && ANAPHORA_START.test(next.text)) {
      const adds = q.groups.some((g) => !has(best.sentence.terms, g) && has(next.terms, g));
      if (adds) return `${best.sentence.text} ${next.text}`;
    }
    return best.sentence.text;
  }

  function article(doc: number): Article {
    return news.articles[doc] as Article;
  }

  function cite(doc: number, quote: string): Citation {
    const a = article(doc);
    return {
      id: a.id,
      title: a.title,
      ...(a.date ? { date: a.date } : {}),
      quote,
      ...(a.url ? { url: a.url } : {}),
      ...(a.source ? { source: a.source } : {}),
    };
  }

  return { answer };
}

// Number words as index terms (`millions` → `million`), for "a number near the counted word".
const NUMBER_TERMS = new Set([
  "deux",
  "trois",
  "quatre",
  "cinq",
  "six",
  "sept",
  "huit",
  "neuf",
  "dix",
  "vingt",
  "trente",
  "cent",
  "mille",
  "million",
  "milliard",
  "millier",
  "centaine",
  "dizaine",
  "two",
  "three",
  "hundred",
  "thousand",
  "billion",
]);

const has = (terms: ReadonlySet<string>, group: QueryGroup) => group.some((t) => terms.has(t));
const round = (x: number) => Math.round(x * 1000) / 1000;
