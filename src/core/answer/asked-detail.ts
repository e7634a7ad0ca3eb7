// The detail a question asks beyond its kind, and whether a sentence gives it. A sentence often
// tells the event a question is about without the asked detail: `un policier a été blessé par un
// vendeur` for "avec quoi ?", `appartenait à un cirque` for "à quel cirque ?", `d'une touriste
// française` for "quel est le nom de la touriste ?", `renvoyé au Cameroun` for "vers quelle
// ville ?", `n'a jamais été condamné` for "à quelle peine ?". Covering the question that well, it
// scores high; what it lacks is a span of the asked sort that the question does not already give
// (`detailMissing`). The sorts:
// - `name`: a name asked outright (`comment s'appelle`, `quel est le nom`, `nom de famille`) — for a
//   person, one the question does not give, not one of its own people's (`Donald Trump` for "the
//   woman who accused Trump"). A plain `qui` is left to kindFound: checked here too, it raised held-out
//   unanswerable questions answered at 0.6 from 12.3 to 14.4 % (ranker-comparison.md, answers12);
// - `named`: a thing known by its name (`à quel cirque`, `quelle centrale`, `which company`);
// - `object`: what something was done with (`avec quoi`, `quelle arme`, `with what`);
// - `city`: a town (`quelle ville`, `quelle commune`, `which city`): a country is no answer;
// - `penalty`: a court's sentence (`à quelle peine`, `condamné à combien`, `what sentence`).

import { frenchLexicon } from "../corpus/word-splitter.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import { findPersonNames } from "./answer-kinds.ts";
import type { AnswerKind } from "./question.ts";

export type AskedDetail = "name" | "named" | "object" | "city" | "penalty";

/** The question, folded, with plain apostrophes (the patterns below are written that way). */
const folded = (question: string) => fold(question).replace(/[’‘]/g, "'");

const PENALTY =
  /\b(?:a quelle peine|quelle (?:est |etait |sera )?(?:la )?peine|condamnee?s? a combien|a combien (?:d'annees|de (?:mois|ans|prison))|a quoi (?:\S+ ){0,6}condamnee?s?|condamnee?s? a quoi|what sentence|sentenced to how|how long (?:\S+ ){0,6}(?:sentenced|in prison|in jail|behind bars))\b/;
const OBJECT =
  /\b(?:avec quoi|a l'aide de quoi|au moyen de quoi|quelle arme|quel objet|quel outil|quel type d'arme|with what|what weapon|which weapon|what object)\b/;
const CITY =
  /\b(?:quelle ville|quelle commune|quel village|quelle localite|which (?:city|town|village)|what (?:city|town)|in which (?:\w+ )?(?:city|town|village))\b/;
const NAME =
  /\b(?:comment s'?appell?(?:e|ent|ait|aient)|quel(?:le)? (?:est|etait) (?:le |son |sa |leur )?(?:nom|prenom|surnom)|nom de famille|what (?:is|was) (?:the|his|her|their) (?:full |first |last |sur)?name|le nom d[eu'])\b/;
// Things known by a name: the name answers, the category word alone (`un cirque`) does not.
const NAMED_NOUNS =
  "cirque|groupe|parti|entreprise|societe|club|equipe|festival|film|livre|roman|album|chanson|emission|journal|hotel|restaurant|musee|stade|hopital|association|marque|bateau|navire|typhon|ouragan|tempete|cyclone|operation|application|centrale|prison|eglise|cathedrale|compagnie|banque|chaine|serie|spectacle|tableau|magazine|gare|universite|ecole|lycee|circus|group|party|company|club|team|festival|film|movie|book|novel|album|song|show|newspaper|hotel|restaurant|museum|stadium|hospital|brand|ship|typhoon|hurricane|storm|airline|bank|channel|series|university|school";
const NAMED = new RegExp(`\\b(?:quel|quelle|quels|quelles|which) (?:${NAMED_NOUNS})\\b`);

/** The detail `question` asks beyond its kind, if any. */
export function askedDetail(question: string): AskedDetail | undefined {
  const q = folded(question);
  if (PENALTY.test(q)) return "penalty";
  if (OBJECT.test(q)) return "object";
  if (CITY.test(q)) return "city";
  if (NAME.test(q)) return "name";
  if (NAMED.test(q)) return "named";
  return undefined;
}

// A court's sentence stated: a term of prison, a fine, an acquittal. `n'a jamais été condamné`
// states none.
const COUNT = "\\d+|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente";
const STATES_PENALTY = new RegExp(
  [
    `condamn\\p{L}*\\s+(?:[\\p{L}'’]+\\s+){0,3}?(?:à|a)\\s+(?:${COUNT}|la\\s+(?:r[ée]clusion|prison)|perp|payer|verser|une\\s+amende)`,
    `(?:${COUNT})\\s+(?:ans?|ann[ée]es?|mois|jours|semaines)\\s+(?:de\\s+(?:prison|r[ée]clusion|d[ée]tention)|d['’]emprisonnement|ferme|avec\\s+sursis)`,
    "perp[ée]tuit[ée]|r[ée]clusion\\s+criminelle|amende\\s+de|travaux\\s+d['’]int[ée]r[êe]t|(?:été|a|ont)\\s+(?:été\\s+)?(?:relax|acquitt)[ée]\\p{L}*",
    `peine\\s+de\\s+(?:${COUNT})`,
    "years?\\s+(?:in\\s+prison|behind\\s+bars|in\\s+jail)|life\\s+(?:sentence|in\\s+prison)|sentenced\\s+to\\s+\\S|acquitted|fined",
  ]
    .map((p) => `(?<!\\p{L})(?:${p})`)
    .join("|"),
  "giu",
);
// A penalty risked or asked for, not given: `encourt la perpétuité`, `s'expose à`, `cinq ans ont été
// requis`, `faces up to` — what articles say before a verdict.
const RISKED_BEFORE =
  /(?<!\p{L})(?:encour\p{L}*|expos\p{L}*|risqu\p{L}*|requi[st]\p{L}*|r[ée]quisitoire|r[ée]clam\p{L}*|demand\p{L}*|passible|maximale?|jusqu['’]à|faces?|facing|could|up\s+to)(?!\p{L})[^.;]{0,60}$/iu;
const RISKED_AFTER =
  /^[^.;]{0,30}?(?<!\p{L})(?:requis|r[ée]clam[ée]e?s?|demand[ée]e?s?|encouru\p{L}*)(?!\p{L})/iu;

/** People named in `text`, one opening it too (findPersonNames skips a first word, often a capital only). */
const peopleIn = (text: string) => findPersonNames(` ${text}`);

/**
 * A penalty given in `text`, to the question's people: not one risked or asked for, and not in a
 * sentence naming only other people (`François Fillon a été condamné à 5 ans` for a question on
 * Platini) — a sentence with no name (`il a été condamné à…`) may be about them.
 */
function givesPenalty(
  text: string,
  nameTerms: ReadonlySet<string>,
  termsOf: (s: string) => string[],
): boolean {
  const given = [...text.matchAll(STATES_PENALTY)].some((m) => {
    const at = m.index ?? 0;
    return (
      !RISKED_BEFORE.test(text.slice(Math.max(0, at - 80), at)) &&
      !RISKED_AFTER.test(text.slice(at + m[0].length))
    );
  });
  if (!given || nameTerms.size === 0) return given;
  const people = peopleIn(text);
  return people.length === 0 || people.some((n) => termsOf(n.text).some((t) => nameTerms.has(t)));
}

// What something was done with: `avec un cerceau`, `à coups de barre`, `armé d'un couteau`,
// `poignardé`, `par balle`, `with a knife`.
const STATES_OBJECT =
  /(?<!\p{L})(?:avec\s+(?:un|une|des|son|sa|ses|le|la|les|l['’]|leur|leurs)\s*\p{L}|à\s+coups?\s+de|coups?\s+de\s+(?:couteau|poing|pied|marteau|barre|b[âa]ton|cutter|feu|crosse|machette|hache|tournevis|ciseaux)|à\s+l['’]aide\s+d|au\s+moyen\s+d|arm[ée]e?s?\s+d['’]|muni[es]*\s+d['’]|(?:au|à\s+la)\s+(?:couteau|cutter|marteau|fusil|pistolet|revolver|machette|hache|barre|batte|b[âa]ton|sabre|tournevis|pierre|bouteille)|poignard\p{L}*|par\s+balles?|with\s+(?:a|an|his|her|their|the)\s+\p{L}|armed\s+with|stabbed|shot\s+(?:dead|with))/iu;

/** A source quoted for the sentence (`rapporte Le Parisien`, `selon Ouest France`): no answer. */
const ATTRIBUTION_BEFORE =
  /(?:selon|d['’]apr[èe]s|rapporte|rapport[ée]|indique|indiqu[ée]|pr[ée]cise|pr[ée]cis[ée]|r[ée]v[èe]le|r[ée]v[ée]l[ée]|annonce|annonc[ée]|informations\s+d[eu']?|according\s+to|told|reported)\s*(?:par\s+)?(?:l['’]|le\s+|la\s+|les\s+)?$/iu;
const CALENDAR = new Set(
  "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);
// Countries and continents, folded: the answer to `quelle ville` is none of them.
const COUNTRIES = new Set(
  "afghanistan afrique albanie algerie allemagne amerique andorre angleterre angola arabie argentine armenie asie australie autriche azerbaidjan bahrein bangladesh belgique benin bielorussie birmanie bolivie bosnie botswana bresil bulgarie burkina burundi cambodge cameroun canada centrafrique chili chine chypre colombie comores congo coree croatie cuba danemark djibouti egypte emirats equateur erythree espagne estonie ethiopie europe finlande france gabon gambie georgie ghana grece guatemala guinee guyane haiti honduras hongrie inde indonesie irak iran irlande islande israel italie jamaique japon jordanie kazakhstan kenya kosovo koweit laos lettonie liban liberia libye lituanie luxembourg macedoine madagascar malaisie malawi mali malte maroc maurice mauritanie mexique moldavie monaco mongolie montenegro mozambique namibie nepal nicaragua niger nigeria norvege ouganda ouzbekistan pakistan palestine panama paraguay pays-bas perou philippines pologne portugal qatar roumanie royaume-uni russie rwanda salvador senegal serbie singapour slovaquie slovenie somalie soudan suede suisse syrie tadjikistan taiwan tanzanie tchad tchequie thailande togo tunisie turquie ukraine uruguay venezuela vietnam yemen zambie zimbabwe afghanistan africa albania algeria germany america argentina armenia asia australia austria belgium bolivia brazil bulgaria cambodia cameroon canada chile china colombia croatia cuba denmark egypt england europe ethiopia finland france greece hungary india indonesia iraq iran ireland israel italy japan jordan kenya korea lebanon libya mali mexico morocco netherlands nigeria norway pakistan peru philippines poland portugal qatar romania russia senegal serbia somalia spain sudan sweden switzerland syria thailand tunisia turkey ukraine venezuela vietnam yemen usa uk etats-unis etats unis britain".split(
    " ",
  ),
);

/** Whether the capitalised word at `start` opens the text or a sentence of it (no name by its capital). */
const opensSentence = (text: string, start: number) => /(?:^|[.!?:;«"“—–(]\s*)$/u.test(text.slice(0, start));

interface Capitalised {
  readonly word: string;
  readonly start: number;
  readonly inRun: boolean;
}

/** Capitalised words that do not open a sentence, nor name a day or month, nor a quoted source. */
function capitalisedWords(text: string): Capitalised[] {
  const words = [...text.matchAll(/\p{Lu}[\p{L}\p{M}'’-]*/gu)];
  const out: Capitalised[] = [];
  words.forEach((m, i) => {
    const start = m.index ?? 0;
    const word = m[0];
    if (opensSentence(text, start) || CALENDAR.has(fold(word))) return;
    if (ATTRIBUTION_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return;
    const gap = (a: RegExpMatchArray | undefined, b: RegExpMatchArray | undefined) =>
      a !== undefined &&
      b !== undefined &&
      /^\s+(?:(?:de|du|des|d['’]|la|le)\s+)?$/u.test(text.slice((a.index ?? 0) + a[0].length, b.index));
    out.push({ word, start, inRun: gap(words[i - 1], m) || gap(m, words[i + 1]) });
  });
  return out;
}

/** Whether `word`'s index terms are all among the question's. */
const given = (news: NewsIndex, terms: ReadonlySet<string>, word: string) => {
  const t = news.analyzer.terms(word);
  return t.length > 0 && t.every((x) => terms.has(x));
};

/** What `holdsDetail` needs of the question. */
export interface DetailQuestion {
  readonly detail?: AskedDetail;
  readonly kind: AnswerKind;
  readonly terms: ReadonlySet<string>;
  /** Index terms of the names the question gives (`trump`). */
  readonly nameTerms: ReadonlySet<string>;
}

/** Whether `text` gives the detail `q` asks (true when it asks none). */
export function holdsDetail(news: NewsIndex, q: DetailQuestion, text: string): boolean {
  switch (q.detail) {
    case undefined:
      return true;
    case "penalty":
      return givesPenalty(text, q.nameTerms, (x) => news.analyzer.terms(x));
    case "object":
      return STATES_OBJECT.test(text);
    case "city":
      return capitalisedWords(text).some(
        (c) => !given(news, q.terms, c.word) && !COUNTRIES.has(fold(c.word)),
      );
    case "name":
      return q.kind === "person" ? newPerson(news, q, text) : namesSomething(news, q, text);
    case "named":
      return namesSomething(news, q, text);
  }
}

// A person the question does not give, opening the sentence too (`Amy Dorris accuse…`): no word
// of it among the question's names (`Donald Trump` is the question's Trump).
const newPerson = (news: NewsIndex, q: DetailQuestion, text: string) =>
  peopleIn(text).some((n) => !news.analyzer.terms(n.text).some((t) => q.nameTerms.has(t)));

// A name the question does not give: a capitalised word that is no ordinary French word, or one of
// a run (`Fonds de garantie` alone is an institution's words; `Amy Dorris`, `Agir ensemble` after
// `groupe`), or right after a word of the question (`le cirque Olympique`); or a quoted title.
function namesSomething(news: NewsIndex, q: DetailQuestion, text: string): boolean {
  const lexicon = frenchLexicon().words;
  const named = capitalisedWords(text).some((c) => {
    if (given(news, q.terms, c.word)) return false;
    if (c.inRun || !lexicon.has(c.word.toLowerCase())) return true;
    const before = /([\p{L}\p{M}-]+)\s+$/u.exec(text.slice(Math.max(0, c.start - 30), c.start))?.[1];
    return before !== undefined && /^\p{Ll}/u.test(before) && given(news, q.terms, before);
  });
  if (named) return true;
  return [...text.matchAll(/[«“"]\s*([^«»“”"]{2,60}?)\s*[»”"]/gu)].some(
    (m) => !given(news, q.terms, m[1] ?? ""),
  );
}
