// Step 1 of an answer, reading the question: its language, the kind of answer it wants, its query
// groups weighted by rarity, which of them are names, what a how-many question counts, the title
// a who-holds-this-office question names, and its time frame. Everything later steps need to
// know about the question is computed here, once.

import type { QueryGroup } from "../search/inverted-index.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import { forEachToken } from "../text/tokenize.ts";
import { type AskedDetail, askedCount, askedDetail, type CountAsked } from "./asked-detail.ts";
import { type AskedSpan, askedSpanOf } from "./asked-span.ts";
import { frenchFor } from "./glossary-en-fr.ts";
import { type ParsedQuestion, parseQuestion } from "./question.ts";
import { questionFrame, type TimeFrame } from "./question-frame.ts";
import { type TitleComplement, titleComplements } from "./role-complement.ts";
import { spellOutMonths } from "./time-frame.ts";

export interface Reading extends ParsedQuestion {
  /** Full rarity (idf) of each group: its rarest spelling. */
  readonly full: readonly number[];
  /** Ranking weight of each group: `full` times the group's factor (kind-naming words weigh less). */
  readonly weights: readonly number[];
  readonly total: number;
  readonly fullTotal: number;
  /** Per group: the spellings the question wrote (a prefix alternative counts for less). */
  readonly original: readonly ReadonlySet<string>[];
  /** Per group: whether it is a name (`Castex`, `BCE`). */
  readonly isName: readonly boolean[];
  /** Per group: whether it says who (a name, or a title right before one: `le vice-ministre X`). */
  readonly isWho: readonly boolean[];
  /** Per group: whether the corpus knows it in some spelling. */
  readonly known: readonly boolean[];
  /** Every term of the question. */
  readonly terms: ReadonlySet<string>;
  /** The groups with the question's rarest known word. */
  readonly focus: readonly number[];
  /** What a how-many question counts (`touristes`), as index terms. */
  readonly counted: readonly string[];
  /** The question asks someone's age (`À quel âge…`, `How old…`): an age told in passing answers it. */
  readonly asksAge: boolean;
  /** Titles with their complement (`ministre de l'Agriculture`) for who-holds-this-office questions. */
  readonly titles: readonly TitleComplement[];
  /** A name or year the corpus never mentions: the question is about something it does not cover. */
  readonly unknownName: boolean;
  /** The question asks for a cause (`mort de quoi`, `pourquoi`, `what caused`): an answer states one. */
  readonly asksCause: boolean;
  /** The detail asked beyond the kind (a name, an object, a town, a penalty: ./asked-detail.ts). */
  readonly detail?: AskedDetail;
  /**
   * For a who- or name-question, the group of the word saying which person is asked (`tireur` in
   * `comment s'appelle le tireur`, `convicted` in `who was convicted`): where a sentence speaks of
   * it, the name asked stands beside it (./asked-detail.ts).
   */
  readonly roleGroup?: number;
  /** What a how-many question counts, for the `count` detail (`combien de passagers`). */
  readonly countAsked?: CountAsked;
  /** Index terms of the names the question gives (`trump`): a name sharing one is no new person. */
  readonly nameTerms: ReadonlySet<string>;
  /** What the question asks beyond its kind: an amount of money, a season (./asked-span.ts). */
  readonly askedSpan: AskedSpan;
  readonly frame?: TimeFrame;
  /** The day the question is asked (`YYYY-MM-DD`), when known. */
  readonly now?: string;
}

const ASKS_AGE = /(?<!\p{L})(?:[âa]ge|how\s+old|aged)(?!\p{L})/iu;

/** A year as an index term (`2020`, `1789`): as specific as a name. */
export const YEAR = /^(1\d{3}|20\d{2})$/;

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

/**
 * `now` is the day the question is asked, when known (evaluations, replays); `today` is the
 * calendar day, which frames `hier` and `cette semaine` when `now` is not given.
 */
export function readQuestion(news: NewsIndex, typed: string, now?: string, today = isoToday()): Reading {
  // decomposed accents (`e` + U+0301, as some phones and keyboards send) read as composed ones:
  // the kind, frame and title patterns write `où`, `été`, `février` composed
  // and abbreviated months (`Aug 2019`) as written out, for the frame and the query alike
  const question = spellOutMonths(typed.normalize("NFC"));
  const frame = questionFrame(question, now ?? today);
  // The frame's own words (`2016` in `l'Euro 2016`, `mars`) stay query words: dropping them cost
  // 8 points of held-out news questions (top sentence right 42.9 % kept, 34.9 % dropped).
  const parsed = parseQuestion(question, news.analyzer, { known: (t) => news.index.docFreq(t) > 0 });
  const groups = news.expandUnknown(parsed.groups);
  const full = parsed.groups.map((g) => Math.max(...g.map((t) => news.index.idf(t))));
  const weights = full.map((x, gi) => x * (parsed.factors[gi] ?? 1));
  const names = namedTerms(news, question);
  const isName = groups.map((g) => g.some((t) => names.has(t)));
  const titled = titleBeforeNameTerms(news, question);
  // in a who-question the office is what is asked (`Qui est le maire de Hué ?`), not who it names
  const offices = parsed.kind === "person" ? new Set<string>() : officeTerms(news, question, parsed.lang);
  const isWho = groups.map((g, gi) => isName[gi] === true || g.some((t) => titled.has(t) || offices.has(t)));
  const known = groups.map((g) => g.some((t) => news.index.docFreq(t) > 0));
  const asked = detailOf(parsed);
  const heaviest = Math.max(0, ...full.filter((_, gi) => known[gi] && (parsed.factors[gi] ?? 1) >= 1));
  // in every spelling, typos one edit away included (`Yoshimassa` reaches `Yoshimasa`)
  const unknownName = groups.some(
    (g, gi) =>
      (g.some((t) => names.has(t) || YEAR.test(t)) ||
        (parsed.asked[gi] === true && (g[0]?.length ?? 0) >= 3)) &&
      g.every((t) => news.index.docFreq(t) === 0),
  );
  return {
    ...parsed,
    groups,
    full,
    weights,
    total: weights.reduce((a, b) => a + b, 0),
    fullTotal: full.reduce((a, b) => a + b, 0),
    original: parsed.groups.map((g) => new Set(g)),
    isName,
    isWho,
    known,
    terms: new Set(groups.flat()),
    focus: full.flatMap((x, gi) =>
      known[gi] && (parsed.factors[gi] ?? 1) >= 1 && x >= heaviest - 1e-9 ? [gi] : [],
    ),
    counted: parsed.kind === "number" ? countedTerms(news, question) : [],
    asksAge: ASKS_AGE.test(question),
    titles: parsed.asksRole ? titleComplements(question) : [],
    unknownName,
    asksCause: parsed.kind === "other" && ASKS_CAUSE.test(question) && !ASKS_CHARGE.test(question),
    ...asked,
    ...roleOf(news, parsed, asked.detail, question, groups, isName),
    nameTerms: new Set(groups.filter((_, gi) => isName[gi]).flat()),
    askedSpan: askedSpanOf(question),
    ...(frame ? { frame } : {}),
    ...(now ? { now } : {}),
  };
}

// "Qui est X ?" asks a role, no name: no detail to check
const detailOf = (parsed: ParsedQuestion): { detail?: AskedDetail; countAsked?: CountAsked } => {
  const detail = parsed.asksIdentity ? undefined : askedDetail(parsed.text);
  const countAsked = detail === "count" ? askedCount(parsed.text) : undefined;
  return { ...(detail ? { detail } : {}), ...(countAsked ? { countAsked } : {}) };
};

// Where a who- or name-question says whom it asks for: the possessor of a name (`the captain's
// name`), or right after `qui`, `who`, `s'appelle`, `le nom de`, `the name of`; when the cue closes
// the question (`…, il s'appelle comment ?`), the question's first word.
const POSSESSOR = /\p{L}+(?=['’]s\s+(?:\p{L}+\s+)?(?:name|nickname)(?!\p{L}))/iu;
// The name cues first: in `Le piéton qui a été tué, il s'appelait comment ?` the relative `qui`
// comes before the cue that asks, and what follows it (`tué`) is no role (answers16's fix 1).
const NAME_CUE = /(?:^|[\s,:;'’])(?:s['’]appel\p{L}*|nom\s+d(?:e|u|es|['’])|name\s+of)(?!\p{L})/iu;
const WHO_CUE = /(?:^|[\s,:;'’])(?:qui|who)(?!\p{L})/iu;

/** The group of the first word after the role cue that is no name (`tireur`, `convicted`). */
function roleOf(
  news: NewsIndex,
  parsed: ParsedQuestion,
  detail: AskedDetail | undefined,
  question: string,
  groups: readonly QueryGroup[],
  isName: readonly boolean[],
): { roleGroup?: number } {
  // a name asked of a question read as no who-question (`Le tireur, il s'appelle comment ?`) too
  if (parsed.asksIdentity || (parsed.kind !== "person" && detail !== "name" && detail !== "culprit"))
    return {};
  const possessor = POSSESSOR.exec(question);
  const cue = NAME_CUE.exec(question) ?? WHO_CUE.exec(question);
  const groupOf = (from: number) => {
    let found: number | undefined;
    forEachToken(question, (word, start) => {
      if (found !== undefined || start < from) return;
      const t = news.analyzer.term(word, parsed.lang);
      const gi = t === undefined ? -1 : groups.findIndex((g, i) => !isName[i] && g.includes(t));
      if (gi >= 0) found = gi;
    });
    return found;
  };
  const roleGroup =
    (possessor ? groupOf(possessor.index) : undefined) ??
    (cue ? groupOf(cue.index + cue[0].length) : undefined) ??
    groupOf(0);
  return roleGroup === undefined ? {} : { roleGroup };
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/** A question asking for a cause or a reason (of no other kind: `à cause du virus` in a when-question frames it). */
const ASKS_CAUSE =
  /(?<!\p{L})(?:de\s+quoi|de\s+quelle\s+(?:maladie|affection)|pourquoi|why|what\s+(?:caused|killed|illness|disease)|cause|causes|raison|motif)(?!\p{L})/iu;

/**
 * `De quoi est accusé X ?`, `de quoi parle…`: `de quoi` asking a charge or a subject, not a cause.
 * The verb as a whole word (the stem alone took `le compositeur`, `le parlementaire` for one) and
 * not after an article (`de quoi est mort le suspect`, `le chargé d'affaires` ask a cause).
 */
const ASKS_CHARGE =
  /(?<!\p{L})de\s+quoi\s+(?:[\p{L}'’-]+\s+){0,4}?(?<!(?<!\p{L})(?:l[ae]s?|une?|des|du|ce|cet|cette|ces)\s+)(?:(?:accus|soup[çc]onn|suspect|inculp|poursuivi|reproch|parl|compos|charg|condamn)(?:e|é|ée|és|ées|es|s|ent|er|ait|aient|era)?|s['’]agit|agit|mise?s?\s+en\s+examen)(?!\p{L})/iu;

// Index terms of the question's names: capitalised words other than the first, and acronyms.
function namedTerms(news: NewsIndex, question: string): Set<string> {
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

// Offices (`ministre`, `Première ministre`, `prime minister`): like a name, they say who the
// question is about, not what happened (`Quand X a-t-elle été élue Première ministre ?` is not
// answered by a sentence that only names the Prime Minister X). Matched as whole words of the
// question's language, a two-word office only whole: as stems, `reine` made `reins` (`rein`) an
// office, English `prime` the French `prime` (`prim`), and `premier` every `premier jour`.
const OFFICES: Record<"fr" | "en", readonly string[]> = {
  fr: "ministre président présidente secrétaire directeur directrice maire député députée sénateur sénatrice ambassadeur ambassadrice gouverneur chef cheffe roi reine pape pdg patron patronne dirigeant dirigeante porte-parole"
    .split(" ")
    .concat(["premier ministre", "première ministre", "secrétaire général", "secrétaire générale"]),
  en: "minister president secretary director mayor governor ambassador king queen pope chairman chairwoman chief leader spokesperson spokesman premier"
    .split(" ")
    .concat(["prime minister", "secretary general"]),
};
// joined as the tokenizer joins a compound (`porte-parole` → `porteparole`)
const joinedOffices = (list: readonly string[]) => new Set(list.map((o) => fold(o).replace(/-/g, "")));
const OFFICE_SETS = { fr: joinedOffices(OFFICES.fr), en: joinedOffices(OFFICES.en) };
const HYPHEN = /[-\u2010\u2011]/;

/**
 * Index terms of the offices the question names, in its language (a plural as its singular), with
 * the French of an English office, which the English question's groups also hold.
 */
function officeTerms(news: NewsIndex, question: string, lang: "fr" | "en"): Set<string> {
  const offices = OFFICE_SETS[lang];
  const words: string[] = [];
  // a part before a hyphen heads another noun (`chef-lieu`, `chef-d'œuvre`): no office alone, but
  // it still pairs (`Secretary-General`); a compound is read by its last part (`vice-ministre`) and
  // by its joined form (`porteparole`)
  const heads = new Set<number>();
  forEachToken(question, (w, start, joined) => {
    if (!joined && HYPHEN.test(question.charAt(start + w.length))) heads.add(words.length);
    words.push(fold(w));
  });
  const isOffice = (w: string) => offices.has(w) || (w.endsWith("s") && offices.has(w.slice(0, -1)));
  const out = new Set<string>();
  const addFrench = (phrase: string) => {
    if (lang === "en")
      for (const fr of frenchFor(phrase) ?? []) for (const x of news.analyzer.terms(fr, "fr")) out.add(x);
  };
  const add = (word: string) => {
    const t = news.analyzer.term(word.replace(/-/g, ""), lang);
    if (t) out.add(t);
    addFrench(word);
  };
  words.forEach((w, i) => {
    const pair = `${w} ${words[i + 1] ?? ""}`;
    if (isOffice(pair)) {
      add(w);
      add(words[i + 1] as string);
      addFrench(pair);
    } else if (isOffice(w) && !heads.has(i)) add(w);
  });
  return out;
}

// Index terms of the lower-case words standing right before a name in the question after an
// article (`le général X`, `du vice-ministre X`, `le ministre japonais X`): the person's title. A
// verb before a name (`a été élue Première ministre`) is what happened, not a title.
function titleBeforeNameTerms(news: NewsIndex, question: string): Set<string> {
  const out = new Set<string>();
  const titled =
    /(?<=(?:^|[\s'’])(?:le|la|les|l['’]|du|des|de|au|aux|un|une|ce|cette|the|an)\s+|(?:^|[\s'’])l['’])((?:(?!(?:de|du|des|d|of|à|a|en|in|au|aux|et|and|pour|for|par|by|sur|on|avec|with)\s)\p{Ll}[\p{L}\p{M}-]*\s+){1,2})(?=\p{Lu})/gu;
  for (const m of question.matchAll(titled)) {
    for (const word of (m[1] ?? "").trim().split(/\s+/u)) {
      for (const part of [word, word.replace(/-/g, ""), ...word.split("-")]) {
        const t = news.analyzer.term(part, "fr");
        if (t) out.add(t);
      }
    }
  }
  return out;
}

// What a "how many" question counts: the word after `combien de` / `how many` (with its
// translations), e.g. `touristes` in "Combien de touristes japonais…", and the units a quantity
// the question names is written in: a toll (`dernier bilan`, `death toll`) counts the dead, an age
// is in years, a sentence in years or months, an amount in euros, a duration in days or years.
function countedTerms(news: NewsIndex, question: string): string[] {
  const m = /\b(?:combien\s+(?:de|d['’])\s*|how\s+many\s+|nombre\s+(?:de|d['’])\s*)([\p{L}-]+)/iu.exec(
    question,
  );
  const out = new Set<string>();
  const word = m?.[1];
  if (word) {
    for (const lang of ["fr", "en"] as const) {
      const t = news.analyzer.term(word, lang);
      if (t) out.add(t);
    }
    for (const fr of frenchFor(word) ?? []) for (const t of news.analyzer.terms(fr)) out.add(t);
  }
  for (const [cue, units] of UNITS)
    if (cue.test(question)) for (const t of news.analyzer.terms(units, "fr")) out.add(t);
  return [...out];
}

/**
 * A quantity a question names, and the words its figure is written with in the articles (letters,
 * not `\b`, bound the cues: `\b` does not see `â` or `é` as part of a word).
 */
const UNITS: readonly (readonly [RegExp, string])[] = [
  [/(?<!\p{L})(?:bilan|death\s+toll|toll)(?!\p{L})/iu, "morts mort décès décédés tués victimes blessés"],
  [/(?<!\p{L})(?:âge|age|how\s+old)(?!\p{L})/iu, "ans"],
  [
    /(?<!\p{L})(?:peine|sentence|condamnée?s?|sentenced)(?!\p{L})/iu,
    "ans mois prison ferme sursis perpétuité",
  ],
  [
    /(?<!\p{L})(?:amende|montant|somme|co[uû]t[ée]?|prix|fine|amount|cost|price|how\s+much|combien\s+d['’]argent)(?!\p{L})/iu,
    "euros dollars",
  ],
  [/(?<!\p{L})(?:temp[ée]rature|degr[ée]s)(?!\p{L})/iu, "degrés"],
  [/(?<!\p{L})(?:how\s+long|dur[ée]e|combien\s+de\s+temps)(?!\p{L})/iu, "jours semaines mois ans heures"],
];

export const hasGroup = (terms: ReadonlySet<string>, group: QueryGroup) => group.some((t) => terms.has(t));
