// The costly features of a candidate sentence, computed for the best candidates only: whether it
// holds the kind of answer asked for (a name, a date, a figure, a place) that the question does
// not already give, and whether a neighbour does instead; whether question words that stand
// together in the question stand together in the sentence; for who-questions, how much of the
// question stands right beside a new name; for how-many questions, whether the figure counts what
// is asked; for who-holds-this-office questions, whether the sentence gives the title another
// complement (`ministre de l'Intérieur` for `ministre de l'Agriculture`).
import { createIndexCache } from "../cache/index-cache.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { answerKeys } from "./answer-keys.ts";
import {
  findDates,
  findNumbers,
  findPersonNames,
  findPlaces,
  findRanks,
  isAge,
  type KindSpan,
} from "./answer-kinds.ts";
import { holdsDetail, newPerson } from "./asked-detail.ts";
import { namesAway } from "./asked-names.ts";
import { askedHead, particularIn } from "./asked-particular.ts";
import { placeIn } from "./asked-place.ts";
import { askedSlotEmpty } from "./asked-slot.ts";
import { amountMissing, countsOther, periodOther, spanMissing } from "./asked-span.ts";
import { FEATURE_INDEX, type SentenceCandidate } from "./features.ts";
import { inflectedCoverage } from "./inflected-match.ts";
import { describesUnnamed, eventAway, nearbyTerms, toldAsBefore } from "./other-occasion.ts";
import type { Reading } from "./read-question.ts";
import { contradictsTitle } from "./role-complement.ts";
import { statesCause } from "./states-cause.ts";
import { statedSpans } from "./time-frame.ts";
import { announces, statesUnknown } from "./unstated.ts";

/** A date span that names a day: a day of the month before a month, a weekday, or d/m. */
const DAY_IN_DATE =
  /\b\d{1,2}(?:er)?\s+\p{L}|\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b\d{1,2}\/\d{1,2}|\p{L}\s+\d{1,2},/iu;

/** How close (in index terms) question words must stand to a name to describe that person. */
const NAME_WINDOW = 5;

// Number words as index terms (`millions` → `million`), for "a number near the counted word".
const NUMBER_TERMS = new Set(
  "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente cent mille million milliard millier centaine dizaine douzaine quinzaine vingtaine trentaine quarantaine cinquantaine soixantaine two three hundred thousand billion".split(
    " ",
  ),
);

// An age asked is answered by a number of years, months, weeks or days (`74 ans`, `22 mois`, `a
// 26-year-old`), by a number after `âgé de` / `aged`, or by one set off after a name (`John Smith,
// 38, …`, `Marie Dupont (38)`), not by any number of the sentence (`met en fuite deux braqueurs` for
// `il a quel âge ?`): measured on batches 1–31 (round 26), 5 more right and 2 fewer wrong.
const AGE_UNIT_AFTER =
  /^(?:\s*(?:ans?|mois|semaines?|jours?)(?![\p{L}])|(?:-|\s+)(?:years?|months?|weeks?|days?)(?:-|\s+)old)/iu;
const AGED_BEFORE = /(?<![\p{L}])(?:aged|âgée?s?\s+de)\s+$/iu;
const AFTER_NAME = /\p{Lu}[\p{L}\p{M}'’-]+\s*[,(]\s*$/u;
const statesAge = (text: string, s: KindSpan) => {
  const end = s.start + s.text.length;
  const before = text.slice(Math.max(0, s.start - 40), s.start);
  return (
    AGE_UNIT_AFTER.test(text.slice(end, end + 16)) ||
    AGED_BEFORE.test(before) ||
    (AFTER_NAME.test(before) && /^\s*[,)]/u.test(text.slice(end, end + 4)))
  );
};
export function kindSpans(q: Reading, text: string): readonly KindSpan[] {
  switch (q.kind) {
    case "date": {
      const dates = findDates(text);
      // "Quel jour…" is answered by a day (`le 9 février`, `jeudi`), not by `début 2026`
      return q.asksDay ? dates.filter((s) => DAY_IN_DATE.test(s.text)) : dates;
    }
    case "number":
      // a person's age told in passing answers only a question about an age
      return findNumbers(text).filter(
        (s) =>
          (q.counted.length > 0 ||
            (/\d|mill|cent/iu.test(s.text) && !/^(1[5-9]\d\d|20\d\d)$/.test(s.text))) &&
          (q.asksAge ? statesAge(text, s) : !isAge(text, s)),
      );
    case "person":
      return q.asksIdentity ? [] : findPersonNames(text);
    case "place":
      return findPlaces(text);
    case "rank":
      return findRanks(text);
    default:
      return [];
  }
}

// A question's new spans of a text, kept with its reading: read for each refined candidate, for the
// neighbours of those that lack one (adjacent candidates are each other's neighbours), and again
// for the quote. (A reading is read against one index, whose analyzer gives the span's terms.)
const newSpans = createIndexCache<Reading, string, readonly KindSpan[]>({ max: 512 });

/** The spans of the asked kind that the question does not already give (shared: read-only). */
export const newKindSpans = (news: NewsIndex, q: Reading, text: string): readonly KindSpan[] =>
  newSpans.get(q, text, () =>
    kindSpans(q, text).filter((span) => {
      const terms = news.analyzer.terms(span.text);
      return terms.length === 0 ? /\d/.test(span.text) : terms.some((t) => !q.terms.has(t));
    }),
  );

/** Whether the question asks for a kind of answer a sentence can be checked for (not `other`, not who-is). */
export const checksKind = (q: Reading) => q.kind !== "other" && !(q.kind === "person" && q.asksIdentity);

/** Writes the costly features of `s`; returns the keys of the answers of the asked kind it gives. */
export function refinedFeatures(news: NewsIndex, q: Reading, s: SentenceCandidate): string[] {
  const f = s.features;
  const needsKind = checksKind(q);
  const text = s.sentence.text;
  const lang = news.articles[s.doc]?.lang === "en" ? "en" : "fr";
  let keys: string[] = [];
  if (needsKind) {
    const spans = newKindSpans(news, q, text);
    if (q.kind !== "person")
      f[FEATURE_INDEX.besideAnswer] = besideSpans(news, q, text, spans) / (q.fullTotal || 1);
    keys = answerKeys(news, q.kind, text, spans);
    const found = spans.length > 0;
    f[FEATURE_INDEX.kindFound] = found ? 1 : 0;
    f[FEATURE_INDEX.kindMissing] = found ? 0 : 1;
    if (!found) {
      const around = news.sentencesOf(s.doc);
      const next = [around[s.index - 1], around[s.index + 1]].some(
        (x) => x !== undefined && newKindSpans(news, q, x.text).length > 0,
      );
      f[FEATURE_INDEX.kindNextDoor] = next ? 1 : 0;
    }
  }
  // a cause question is checked apart from the asked kinds: in kindFound / kindMissing it moved the
  // gate's split between them and its bias, and with it the confidence of questions no kind checks
  // (`Qui est X ?`: 0.88 → 0.59)
  if (q.asksCause && !statesCause(text)) f[FEATURE_INDEX.causeMissing] = 1;
  // the event told without the asked detail (./asked-detail.ts): a name, an object, a town, a penalty
  if (q.detail !== undefined && !holdsDetail(news, q, text)) f[FEATURE_INDEX.detailMissing] = 1;
  // an article that never states the asked cause or detail answers only by a neighbour's guess
  // (only when this sentence lacks one of them: a sentence that states both is in its article)
  const lacks = f[FEATURE_INDEX.causeMissing] === 1 || f[FEATURE_INDEX.detailMissing] === 1;
  if (lacks && !articleStates(news, q, s.doc)) f[FEATURE_INDEX.askedMissingInArticle] = 1;
  // a name asked outright, for a who-question too (round 18 reads most of them `person`): the kind
  // check reads names with findPersonNames on the bare sentence, this one as the culprit detail does
  // (a name opening the sentence counts), and the gate weighs it apart (answers28: held out +2 right)
  if (q.detail === "name" && !q.asksIdentity && !newPerson(news, q, text))
    f[FEATURE_INDEX.nameWithoutPerson] = 1;
  // which one: a name beside the asked thing's noun, or that noun only as `un camping`
  const particular = particularIn(news, q, askedHead(q), text, lang);
  f[FEATURE_INDEX.particularNamed] = particular.named ? 1 : 0;
  f[FEATURE_INDEX.particularGeneric] = particular.generic ? 1 : 0;
  // what the archive does not know, said where it speaks of it; an event still to come
  f[FEATURE_INDEX.unknownStated] = statesUnknown(text) ? 1 : 0;
  f[FEATURE_INDEX.unknownInArticle] = articleStatesUnknown(news, s.doc) ? 1 : 0;
  f[FEATURE_INDEX.announced] = announces(text) ? 1 : 0;
  f[FEATURE_INDEX.particularEchoed] = particular.echoed ? 1 : 0;
  // the figure of another place: the asked place nowhere near, another one in the sentence
  const place = placeIn(news, q, s.doc, s.index, s.sentence);
  f[FEATURE_INDEX.placeAway] = place.away ? 1 : 0;
  f[FEATURE_INDEX.placeReplaced] = place.replaced ? 1 : 0;
  otherOccasion(news, q, s);
  // the asked span beyond the kind: the noun a figure counts, a currency, a name, the season
  if (q.kind === "number" && countsOther(news, q.counted, text)) f[FEATURE_INDEX.countsOther] = 1;
  if (amountMissing(q.askedSpan, text)) f[FEATURE_INDEX.amountMissing] = 1;
  if (spanMissing(news, q, text)) f[FEATURE_INDEX.spanMissing] = 1;
  if (periodOther(q.askedSpan.season, text)) f[FEATURE_INDEX.periodOther] = 1;
  // a body sentence kept its terms in order when analysed (the same analysis, the article's language)
  const order = s.sentence.order ?? news.analyzer.terms(text, lang);
  f[FEATURE_INDEX.proximity] = proximity(q, order) / (q.total || 1);
  if (q.kind === "person" && !q.asksIdentity) {
    f[FEATURE_INDEX.besideName] = besideName(news, q, text) / (q.fullTotal || 1);
    if (q.titles.length > 0 && contradictsTitle(q.titles, text)) f[FEATURE_INDEX.otherTitle] = 1;
  }
  if (q.counted.length > 0) f[FEATURE_INDEX.countsFocus] = countsFocus(order, q.counted) ? 1 : 0;
  statedDates(news, q, s);
  interactions(q, f);
  // read by the gate only: question words in another form, the question's names away from the
  // sentence's surroundings and from its article
  f[FEATURE_INDEX.inflectedCoverage] = inflectedCoverage(q, s.sentence.terms);
  const away = namesAway(news, q, s.doc, s.index, s.sentence.terms);
  f[FEATURE_INDEX.namesAwayNearby] = away.nearby;
  f[FEATURE_INDEX.namesAwayArticle] = away.article;
  // an English question's words have no form in a French article unless the glossary translates
  // them (`sentencing`, `fell`): read only in the question's own language
  if (q.lang === lang)
    f[FEATURE_INDEX.eventAwayNearby] = eventAway(q, nearbyTerms(news, s.doc, s.index, s.sentence.terms));
  // answers27: the which-thing slot the question asks, filled in no way (./asked-slot.ts): ranker
  f[FEATURE_INDEX.askedSlotEmpty] = askedSlotEmpty(news, q, text, lang) ? 1 : 0;
  return keys;
}

// Another occasion of the same people, or the event told without its people (./other-occasion.ts).
function otherOccasion(news: NewsIndex, q: Reading, s: SentenceCandidate): void {
  const f = s.features;
  const text = s.sentence.text;
  f[FEATURE_INDEX.toldAsBefore] = toldAsBefore(text) ? 1 : 0;
  const asksName = q.detail === "name" || q.detail === "culprit" || (q.kind === "person" && !q.asksIdentity);
  if (asksName) f[FEATURE_INDEX.unnamedPerson] = describesUnnamed(news, q.nameTerms, text) ? 1 : 0;
}

// What an article says, read once per key (a question, or the archive) and article: the refined
// candidates of a question share a few articles (unbounded, as the index's whole archive could be
// read: one boolean per article).

// Whether some sentence of the article (or its title) states the asked cause and the asked detail.
const statedByArticle = createIndexCache<Reading, number, boolean>();
const articleStates = (news: NewsIndex, q: Reading, doc: number): boolean =>
  statedByArticle.get(q, doc, () => {
    const texts = [news.articles[doc]?.title ?? "", ...news.sentencesOf(doc).map((x) => x.text)];
    return (
      (!q.asksCause || texts.some(statesCause)) &&
      (q.detail === undefined || texts.some((t) => holdsDetail(news, q, t)))
    );
  });

// Whether a sentence of the article (its title too) says something is not known.
const unknownArticles = createIndexCache<NewsIndex, number, boolean>();
const articleStatesUnknown = (news: NewsIndex, doc: number): boolean =>
  unknownArticles.get(
    news,
    doc,
    () =>
      statesUnknown(news.articles[doc]?.title ?? "") ||
      news.sentencesOf(doc).some((x) => statesUnknown(x.text)),
  );

// Whether the sentence states when (`le 22 mars 2016`) inside the question's frame, or only
// outside it: an event is often reported later with its date, and a sentence dated otherwise
// speaks of another occurrence (`en juin 2017` for the attack of March 2017). The article's date
// only says when it was written (inFrame / outOfFrame).
function statedDates(news: NewsIndex, q: Reading, s: SentenceCandidate): void {
  const frame = q.frame;
  const day = news.articles[s.doc]?.date;
  if (!frame || (frame.from === undefined && frame.to === undefined) || !day) return;
  const spans = statedSpans(s.sentence.text, day.slice(0, 10));
  if (spans.length === 0) return;
  const overlaps = spans.some(
    (x) => (x.from ?? "") <= (frame.to ?? "9999") && (x.to ?? "9999") >= (frame.from ?? ""),
  );
  s.features[overlaps ? FEATURE_INDEX.statesInFrame : FEATURE_INDEX.statesOutOfFrame] = 1;
}

// Products the linear scorer cannot form itself: a sentence covering the question in a top-ranked
// article, everything covered, and the kind found per kind (a name found weighs unlike a figure).
function interactions(q: Reading, f: Float64Array): void {
  const cov = f[FEATURE_INDEX.coverage] as number;
  f[FEATURE_INDEX.coverageByRank] = cov * (f[FEATURE_INDEX.docRank] as number);
  const all =
    cov + (f[FEATURE_INDEX.neighbourCoverage] as number) + (f[FEATURE_INDEX.titleCoverage] as number);
  f[FEATURE_INDEX.allCovered] = all >= 0.99 ? 1 : 0;
  const found = f[FEATURE_INDEX.kindFound] as number;
  if (q.kind === "person") f[FEATURE_INDEX.personFound] = found;
  else if (q.kind === "date") f[FEATURE_INDEX.dateFound] = found;
  else if (q.kind === "number") f[FEATURE_INDEX.numberFound] = found;
  else if (q.kind === "place") f[FEATURE_INDEX.placeFound] = found;
}

// Question words next to each other in the question (`guerre civile`, `Premier ministre`) that
// are also within two terms of each other in the sentence: the weight of the lighter word of each pair.
function proximity(q: Reading, order: readonly string[]): number {
  // each group's positions in the sentence, in order: one lookup per term of the sentence (it runs
  // for every refined candidate)
  const groupsOf = groupsByTerm.get(q, q.groups, () => {
    const byTerm = new Map<string, number[]>();
    q.groups.forEach((g, gi) => {
      for (const t of new Set(g)) byTerm.set(t, [...(byTerm.get(t) ?? []), gi]);
    });
    return byTerm;
  });
  const positions = q.groups.map((): number[] => []);
  for (let i = 0; i < order.length; i++) {
    const groups = groupsOf.get(order[i] as string);
    if (groups) for (const gi of groups) (positions[gi] as number[]).push(i);
  }
  let bonus = 0;
  for (let gi = 0; gi + 1 < q.groups.length; gi++) {
    const a = positions[gi] ?? [];
    const b = positions[gi + 1] ?? [];
    if (a.some((i) => b.some((j) => Math.abs(i - j) <= 2)))
      bonus += Math.min(q.weights[gi] ?? 0, q.weights[gi + 1] ?? 0);
  }
  return bonus;
}
/** A question's groups by term (the groups holding it, in order), read once per reading. */
const groupsByTerm = createIndexCache<Reading, readonly (readonly string[])[], Map<string, number[]>>();

// Full weight of the question words within NAME_WINDOW terms of a name the question does not give.
function besideName(news: NewsIndex, q: Reading, sentence: string): number {
  const names = findPersonNames(sentence).filter(
    (name) => !news.analyzer.terms(name.text).every((t) => q.terms.has(t)),
  );
  return besideSpans(news, q, sentence, names, true);
}

// Full weight of the question words within NAME_WINDOW terms of one of `spans` (the best span's):
// the answer stands where the sentence speaks of what is asked, not in another clause
// (`Devedjian, mort le 28 mars` for a question on Uderzo's death). The span's own words count only
// `withSpan` (a name), not for a date whose year the question gives.
function besideSpans(
  news: NewsIndex,
  q: Reading,
  sentence: string,
  spans: readonly KindSpan[],
  withSpan = false,
): number {
  if (spans.length === 0) return 0;
  const terms: { t: string; start: number }[] = [];
  news.analyzer.forEachTerm(sentence, "fr", (t, start) => terms.push({ t, start }));
  let best = 0;
  for (const name of spans) {
    const end = name.start + name.text.length;
    let from = terms.findIndex((x) => x.start >= name.start);
    if (from < 0) from = terms.length;
    let to = terms.findIndex((x) => x.start >= end);
    if (to < 0) to = terms.length;
    const around = withSpan
      ? terms.slice(Math.max(0, from - NAME_WINDOW), to + NAME_WINDOW)
      : [...terms.slice(Math.max(0, from - NAME_WINDOW), from), ...terms.slice(to, to + NAME_WINDOW)];
    const near = new Set(around.map((x) => x.t));
    let weight = 0;
    q.groups.forEach((g, gi) => {
      if (g.some((t) => near.has(t))) weight += q.full[gi] ?? 0;
    });
    best = Math.max(best, weight);
  }
  return best;
}

// Does a number stand within three terms of the counted word?
function countsFocus(order: readonly string[], counted: readonly string[]): boolean {
  return order.some((t, i) => {
    if (!counted.includes(t)) return false;
    return order.slice(Math.max(0, i - 3), i + 3).some((x) => /^\d/.test(x) || NUMBER_TERMS.has(x));
  });
}
