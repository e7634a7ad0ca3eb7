// Whether a sentence tells another occasion than the one asked about, or describes the asked
// person without naming them. A question the archive cannot answer is often answered from the
// article that speaks of its people, by the sentence that recalls what they went through before:
// `Jacques Rançon a déjà été condamné en mars 2018 à perpétuité` for the sentence of a later trial,
// `En 2019, une centaine d'éléphants étaient morts… de la sécheresse` for the deaths of 2020,
// `Carlos Ghosn avait été libéré sous caution` for a sentence never pronounced. And a name asked of
// an event whose people the archive never names is answered from the sentence that tells the event
// (`Un homme armé a tué…`, `L'enfant a été ensevelie`, `cette femme âgée de 43 ans`). Features
// `toldAsBefore` and `unnamedPerson` (./features.ts), read by the answer gate only: it learns how
// far to believe such sentences. (A third, a period stated that ended before the article's year,
// cost right answers and abstained on fewer unanswerable questions held out: dropped,
// bench/results/ranker-comparison.md, answers20.)
import type { NewsIndex } from "../search/news-index.ts";
import { wholeWords } from "../text/whole-words.ts";
import { findPersonNames } from "./answer-kinds.ts";
import { sameWordForms } from "./inflected-match.ts";
import type { Reading } from "./read-question.ts";

// The sentence looks back: a pluperfect (`avait été libéré`, `avaient été condamnés`, `étaient
// morts`), `déjà` before a participle, `à l'époque`, `previously`, `had been sentenced`.
const BEFORE = new RegExp(
  wholeWords([
    // `avait été libéré`, `avaient déjà annoncé`, `avait notamment été condamné`
    String.raw`(?:avait|avaient)\s+(?:(?:d[ée]j[àa]|alors|notamment|aussi|[ée]galement|pourtant|ensuite|auparavant|[ée]t[ée])\s+){0,2}\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes)`,
    // `étaient morts`, `était décédée`, `était déjà venue`: the verbs conjugated with être
    String.raw`(?:[ée]tait|[ée]taient)\s+(?:d[ée]j[àa]\s+)?(?:morte?s?|d[ée]c[ée]d[ée]e?s?|n[ée]e?s?|venue?s?|arriv[ée]e?s?|partie?s?|tomb[ée]e?s?|devenue?s?|entr[ée]e?s?|sortie?s?|rest[ée]e?s?)`,
    // `a déjà été condamné`, `déjà condamné`, `ont déjà remporté`
    String.raw`(?:a|ont|avait|avaient|est|sont|était|étaient)\s+d[ée]j[àa]\s+(?:été\s+)?\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites)|d[ée]j[àa]\s+condamn\p{L}*`,
    String.raw`[àa]\s+l['’][ée]poque|auparavant|pr[ée]c[ée]demment|par\s+le\s+pass[ée]`,
    // English
    String.raw`had\s+(?:already\s+|previously\s+|earlier\s+)?(?:been\s+)?\p{L}+(?:ed|en|wn|ung|ught|ept|ost)|previously|already\s+(?:been\s+)?\p{L}+ed|at\s+the\s+time|in\s+the\s+past`,
  ]),
  "iu",
);

/** Whether `text` tells what happened before the time it reports (a pluperfect, `déjà`, `à l'époque`). */
export const toldAsBefore = (text: string): boolean => BEFORE.test(text);

// A person described, not named: `un homme armé`, `une femme de 43 ans`, `l'enfant`, `trois jeunes
// gens`, `un octogénaire`, `a gunman`, `a 30-year-old man`.
const PERSON_NOUN = String.raw`hommes?|femmes?|jeunes(?:\s+gens)?|jeunes?\s+(?:homme|femme|fille)s?|adolescente?s?|enfants?|fillettes?|gar[çc]ons?|b[ée]b[ée]s?|personnes?|individus?|(?:trent|quadrag|quinquag|sexag|septuag|octog|nonag)[ée]naires?|trentenaires?`;
const UNNAMED = new RegExp(
  wholeWords([
    String.raw`(?:l['’]|(?:un|une|le|la|les|cet|cette|ces|deux|trois|quatre|cinq|des)\s+)(?:${PERSON_NOUN})`,
    String.raw`(?:a|an|the|two|three)\s+(?:\d+-year-old\s+|young\s+|unidentified\s+|unnamed\s+|armed\s+)?(?:man|woman|men|women|gunman|boy|girl|child|teenager|person|suspect|attacker|driver|pilot|captain)`,
  ]),
  "giu",
);

/** Characters around a description within which a name is read as the described person's. */
const NAME_REACH = 40;

/**
 * Where the reach after a description ends: NAME_REACH characters on, or, when a colon follows
 * within them, the end of the clause it opens (`deux femmes aux postes clés : une ministre
 * allemande, Ursula von der Leyen, …` names the women past 40 characters).
 */
function reachAfter(text: string, end: number): number {
  const colon = text.slice(end, end + NAME_REACH).indexOf(":");
  if (colon < 0) return end + NAME_REACH;
  const close = /[.;!?]/.exec(text.slice(end + colon + 1));
  return close ? end + colon + 1 + close.index : text.length;
}

/**
 * Whether `text` describes a person without a name beside the description (`Un homme armé a tué…`
 * but not `Stephen Paddock, un homme de 64 ans`); names the question gives (`nameTerms`) count as
 * no name: the question already had them.
 */
export function describesUnnamed(news: NewsIndex, nameTerms: ReadonlySet<string>, text: string): boolean {
  const names = findPersonNames(` ${text}`)
    .filter((n) => !news.analyzer.terms(n.text).some((t) => nameTerms.has(t)))
    .map((n) => ({ start: n.start - 1, end: n.start - 1 + n.text.length }));
  for (const m of text.matchAll(UNNAMED)) {
    const from = (m.index ?? 0) - NAME_REACH;
    const to = reachAfter(text, (m.index ?? 0) + m[0].length);
    if (!names.some((n) => n.end >= from && n.start <= to)) return true;
  }
  return false;
}

// The asked event away from the quoted sentence. An unanswerable question about people the archive
// covers is answered from the sentence telling another step of their story: the arrest date quoted
// for an extradition, a trial's opening for its verdict, a first sentence for the appeal's. The
// question's names are written there (`namesAwayNearby` is 0) and so are most of its words; what is
// missing is the word telling the asked event (`extradé`, `transféré`, `obsèques`), in every form
// and spelling the question's group holds (translations, the stemmer's, ./inflected-match.ts's),
// from the sentence, its neighbours and its article's title. The question's rarest word that is
// not a name stands for the event. (Two more readings were measured and dropped: the
// rarity-weighted share of all such words missing, and the rarest one missing from the whole
// article — bench/results/ranker-comparison.md, answers26.)

/** Index terms of the sentence at `index` of `doc`, its neighbours and its article's title. */
export function nearbyTerms(
  news: NewsIndex,
  doc: number,
  index: number,
  terms: ReadonlySet<string>,
): ReadonlySet<string>[] {
  const around = news.sentencesOf(doc);
  return [terms, news.titleTerms(doc), around[index - 1]?.terms, around[index + 1]?.terms].filter(
    (s): s is ReadonlySet<string> => s !== undefined,
  );
}

/** Shortest spelling matched in another form (as ./inflected-match.ts's prefix). */
const MIN_FORM = 5;

/** Whether some set writes one of `spellings` exactly or in another form of the same word. */
export function writesGroup(spellings: readonly string[], sets: readonly ReadonlySet<string>[]): boolean {
  if (sets.some((s) => spellings.some((t) => s.has(t)))) return true;
  const long = spellings.filter((t) => t.length >= MIN_FORM && !/\d/.test(t));
  if (long.length === 0) return false;
  for (const s of sets) for (const u of s) if (long.some((t) => sameWordForms(t, u))) return true;
  return false;
}

/**
 * The question's groups that can tell the asked event: not a name, not a number or year (the time
 * frame's features read those), not a word naming the kind of answer (`date`, `âge`: factor < 1).
 */
export function eventGroups(q: Reading): number[] {
  return q.groups.flatMap((g, gi) =>
    q.isName[gi] || (q.factors[gi] ?? 1) < 1 || g.every((t) => /\d/.test(t)) ? [] : [gi],
  );
}

/**
 * 1 when the question's rarest event word (`eventGroups`) is written in none of `near` (the
 * sentence, its neighbours, its title: `nearbyTerms`), in any form; 0 otherwise or with no event word.
 */
export function eventAway(q: Reading, near: readonly ReadonlySet<string>[]): number {
  const rarest = rarestEvent(q);
  if (rarest === undefined) return 0;
  return writesGroup(q.groups[rarest] ?? [], near) ? 0 : 1;
}

// The question's rarest event group, read once per question (eventAway runs for every candidate).
const rarestOf = new WeakMap<Reading, { readonly gi: number | undefined }>();
function rarestEvent(q: Reading): number | undefined {
  const kept = rarestOf.get(q);
  if (kept) return kept.gi;
  let rarest: number | undefined;
  for (const gi of eventGroups(q))
    if (rarest === undefined || (q.full[gi] ?? 0) > (q.full[rarest] ?? 0)) rarest = gi;
  rarestOf.set(q, { gi: rarest });
  return rarest;
}
