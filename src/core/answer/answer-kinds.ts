// Does a sentence hold the kind of answer a question wants? Each detector returns the spans it
// found so the answerer can check that the answer is new information, not a word of the question.

import { createTextMemo } from "../cache/text-memo.ts";
import { frenchLexicon } from "../corpus/word-splitter.ts";

export interface KindSpan {
  readonly text: string;
  readonly start: number;
}

const MONTHS_FR =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
const MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December";
const DAYS =
  "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

const DATE = new RegExp(
  [
    `\\b\\d{1,2}(?:er)?\\s+(?:${MONTHS_FR}|${MONTHS_EN})(?:\\s+\\d{4})?`,
    `\\b(?:${MONTHS_FR}|${MONTHS_EN})\\s+(?:\\d{1,2},\\s+)?\\d{4}`,
    `\\b(?:${DAYS})\\b(?:\\s+\\d{1,2}(?:er)?(?:\\s+(?:${MONTHS_FR}))?)?`,
    "\\b(?:1[5-9]\\d\\d|20\\d\\d)\\b",
    // an older year where the text says it is one: `en 761`, `vers 1014`, `in 1046`
    "\\b(?:en|vers|depuis|dès|année|an|in|since|year)\\s+\\d{3,4}\\b",
    // centuries: `au XVIe siècle`, `XIXe s.`
    "\\b[IVXLC]+(?:e|ème|er)\\s+si[eè]cle\\b",
    "\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b",
    `\\b(?:début|fin|mi-)\\s*(?:${MONTHS_FR})\\b`,
  ].join("|"),
  "giu",
);

const NUMBER_WORDS =
  "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante|cent|cents|mille|million|millions|milliard|milliards|dizaines?|douzaines?|quinzaines?|vingtaines?|trentaines?|quarantaines?|cinquantaines?|soixantaines?|centaines?|milliers?|two|three|four|five|six|seven|eight|nine|ten|hundred|hundreds|thousand|thousands|million|billion";
const NUMBER = new RegExp(
  `\\d+(?:[.,\\s\\u00a0\\u202f]\\d{3})*(?:[.,]\\d+)?\\s*%?|\\b(?:${NUMBER_WORDS})\\b`,
  "giu",
);

const ORDINAL_WORDS =
  "premi[eè]re?|second(?:e)?|deuxi[eè]me|troisi[eè]me|quatri[eè]me|cinqui[eè]me|sixi[eè]me|septi[eè]me|huiti[eè]me|neuvi[eè]me|dixi[eè]me|derni[eè]re?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last";
// `4e`, `17ème`, `1er`, `2nd`, `3rd`, and the ordinal words
const RANK = new RegExp(
  `\\b\\d{1,3}(?:e|er|ère|re|ème|eme|nde?|st|nd|rd|th)\\b|\\b(?:${ORDINAL_WORDS})\\b`,
  "giu",
);
// A capitalised ordinal is part of a title (`Premier ministre`, `Première dame`), not a rank.
export const findRanks = (text: string) => spans(RANK, text).filter((s) => !/^\p{Lu}\p{Ll}/u.test(s.text));

// Two or more capitalised words in a row (`Hayashi Yoshimasa`, `Hoàng Xuân Chiên`), not counting
// the first word of the sentence.
const NAME = /\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s+(?:de |du |van |von |d['’])?\p{Lu}[\p{Ll}\p{M}'’-]+)+/gu;
// Opened on no letter or digit before, not on `\b`: JavaScript's `\b` knows only ASCII word letters, so it
// finds no boundary before the `à` of ` à Montrichard` (and one inside `voilà`).
const PLACE =
  /(?<![\p{L}\p{N}])(?:à|À|en|En|au|Au|aux|Aux|dans|Dans|vers|depuis|in|In|at|to)\s+(\p{Lu}[\p{L}\p{M}'’-]+)/gu;

function spans(re: RegExp, text: string, group = 0): KindSpan[] {
  const out: KindSpan[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const t = m[group] ?? m[0];
    out.push({ text: t.trim(), start: m.index + Math.max(0, m[0].indexOf(t)) });
  }
  return out;
}

// Dates, figures and names are read from the same sentence by several features of a candidate
// (the asked kind, what a figure counts, the asked detail) and from its neighbours, which are
// candidates too: each text is scanned once while it is among the last ones read (../cache).
/** The dates `text` writes (shared: read-only). */
export const findDates: (text: string) => readonly KindSpan[] = createTextMemo((text) => spans(DATE, text));
const REFERENCE_BEFORE = /\b(?:les|des|ces|leurs|nos|vos|aux)\s+$/iu;
// `numéro 1`, `n° 5`, `No. 3`: identifiers, not quantities.
const IDENTIFIER_BEFORE = /(?:num[ée]ro|n°|no\.?|nr\.?|#)\s*$/iu;
// So is a figure glued to a word (`Covid-19`, `l'A320`, `COP21`, `F-16`); not a number word
// after another (`vingt-deux`).
const GLUED_BEFORE = /\p{L}-?$/u;
// `plusieurs milliers`, `des centaines`, `thousands of`: a size, no figure — unless a figure says
// how many (`deux milliers`, `3 millions`)
const VAGUE = /^(?:dizaines|douzaines|centaines|milliers|millions|milliards|hundreds|thousands|billions)$/iu;
const FIGURE_BEFORE = new RegExp(`(?:\\d|(?<!\\p{L})(?:${NUMBER_WORDS}))\\s+$`, "iu");

/** The figures `text` writes that are quantities (shared: read-only). */
export const findNumbers: (text: string) => readonly KindSpan[] = createTextMemo(readNumbers);

function readNumbers(text: string): KindSpan[] {
  // the day or year of a date (`jeudi 15 janvier`, `en 2025`) is not a quantity: dates found once
  const dates = findDates(text);
  return spans(NUMBER, text).filter(
    (s) =>
      s.text.length > 0 &&
      !IDENTIFIER_BEFORE.test(text.slice(0, s.start)) &&
      !(/^\d/.test(s.text) && GLUED_BEFORE.test(text.slice(Math.max(0, s.start - 2), s.start))) &&
      !(VAGUE.test(s.text) && !FIGURE_BEFORE.test(text.slice(Math.max(0, s.start - 20), s.start))) &&
      // `13e`, `1er`, `20h30`: an ordinal or a time, not a quantity
      !/^\p{L}/u.test(text.slice(s.start + s.text.length)) &&
      // `les deux pays`, `ces trois partis`: the ones already spoken of, not a count
      !(/^(deux|trois)$/iu.test(s.text) && REFERENCE_BEFORE.test(text.slice(0, s.start))) &&
      !inside(s, dates),
  );
}

// A person's age told in passing (`Philippe Poutou, 52 ans,`, `cet homme de 82 ans`, `deux enfants
// de 8 ans`, `âgé de 64 ans`, `décédé à 86 ans`): the figure belongs to the person, not to what
// the sentence counts.
// Not `condamné à 30 ans de prison`, `une peine de 4 ans ferme`: a duration. After a death, `a`
// stands for an unaccented `à`, but not in `mort il y a 20 ans`: how long ago, not how old.
const AGE_BEFORE =
  /(?:[,(]\s*|(?<!\p{L})[âa]g[ée]e?s?\s+de\s+|(?<!\p{L})(?:homme|femme|gar[çc]on|fille|fillette|b[ée]b[ée]|nourrisson|enfant|fils|m[èe]re|p[èe]re|adolescente?|ado|jeune|dame|victime|retrait[ée]e?|quinquag[ée]naire|sexag[ée]naire|septuag[ée]naire|octog[ée]naire|[ée]l[èe]ve|lyc[ée]en(?:ne)?|coll[ée]gien(?:ne)?|[ée]tudiante?|conducteur|conductrice|automobiliste|motard|cycliste|pi[ée]ton(?:ne)?|passante?|chanteur|chanteuse|acteur|actrice|com[ée]dien(?:ne)?|journaliste|joueur|joueuse|sportive?|mineure?|suspecte?|habitante?|patiente?|randonneur|randonneuse|touriste|policier|polici[èe]re|gendarme|militaire|soldat|pilote|skieur|skieuse|mannequin|ressortissante?)(?:s|x)?\s+de\s+|(?<!\p{L})l['’]\s*[âa]ge\s+de\s+|(?<!\p{L})(?:d[ée]c[ée]d[ée]e?|morte?|meurt|[ée]teinte?)\s+(?:[\p{L}\d]+\s+){0,4}?(?:à|(?<!(?<!\p{L})y\s+)a)\s+)$/iu;
// a demonym or a name inside a sentence (`la jeune Lyonnaise de 28 ans`), or someone who has
// the age (`Ghislaine Maxwell a 58 ans`, `qui a 52 ans`; not `il y a 20 ans`): case matters, so apart
// A capitalised word after an article is a thing or a country (`La France a 10 ans pour…`), no
// person; an article is one in lower case or opening a sentence, not the particle inside a name
// (`Marine Le Pen a 54 ans`, `Bruno Le Maire a 53 ans`).
const NAMED_BEFORE =
  /(?:(?<=\p{L}\s)\p{Lu}\p{Ll}+\s+de|(?:(?<!\p{L})(?:qui|il|elle)|(?<!(?:(?:^|[^\p{L}])(?:l[ae]s?|l['’]|du|des|une?|the)|(?:^|[.!?…:;«»"“”(\n—–]\s*)(?:L[ae]s?|L['’]|Du|Des|Une?|The))\s*)\p{Lu}\p{Ll}+)\s+a)\s+$/u;
/** An English age (`a 52-year-old man`, `52 years old`). */
const YEARS_OLD_AFTER = /^(?:-|\s+)years?(?:-|\s+)old(?!\p{L})/iu;
const AGE_AFTER =
  /^\s*ans(?!\p{L})(?!\s+(?:de|d['’]|ferme|avec|sursis|apr[èe]s|plus|avant|auparavant|et\s+\d))/iu;

/** Whether the number `span` of `text` is a person's age told in passing. */
export function isAge(text: string, span: KindSpan): boolean {
  const end = span.start + span.text.length;
  const before = text.slice(Math.max(0, span.start - 60), span.start);
  if (/(?<!\p{L})aged\s+$/iu.test(before) || YEARS_OLD_AFTER.test(text.slice(end, end + 16))) return true;
  return AGE_AFTER.test(text.slice(end, end + 24)) && (AGE_BEFORE.test(before) || NAMED_BEFORE.test(before));
}

const inside = (s: KindSpan, spans: readonly KindSpan[]) =>
  spans.some((d) => s.start >= d.start && s.start < d.start + d.text.length);
export const findNames = (text: string) => spans(NAME, text).filter((s) => s.start > 0);

const CONNECTORS = new Set(["de", "du", "van", "von", "d"]);

/**
 * Names of people: capitalised runs with at least one word that is not an ordinary French word
 * (`Funakoshi Takehiro`, `Olivier Véran`), so institutions written with capitals (`Défense du
 * Japon`, `Assemblée nationale`) are not taken for people.
 */
export const findPersonNames: (text: string) => readonly KindSpan[] = createTextMemo((text) =>
  findNames(text).filter((s) => {
    const words = frenchLexicon().words;
    return s.text
      .split(/[\s'’-]+/u)
      .filter((w) => w && !CONNECTORS.has(w.toLowerCase()))
      .some((w) => !words.has(w.toLowerCase()));
  }),
);
// A place is also the complement of a noun naming a kind of place (`la commune de Mauvages`, `la petite
// localité d'Albizzate`, `à hauteur de Taussac-la-Billière`): `de` alone opens names of people and
// things too (`de Gaulle`, `l'appel de Macron`). Not after a phrase of position (`près de`, `au sud
// de`, `la banlieue de`): that place is the landmark, not where it happened (measured: those cost
// more wrong answers than they gave right ones).
const PLACE_OF =
  /(?<![\p{L}\p{N}])(?:commune|communes|ville|villes|localité|village|bourg|hameau|lieu-dit|quartier|cité|canton|département|région|province|comté|île|port|station|gare|aéroport|hauteur)\s+(?:de\s+|d['’]\s*)(\p{Lu}[\p{L}\p{M}'’-]+)/gu;
export const findPlaces = (text: string) =>
  [...spans(PLACE, text, 1), ...spans(PLACE_OF, text, 1)].sort((a, b) => a.start - b.start);

/** Load what the detectors need (the French word list) ahead of the first question. */
export function warmUpAnswerKinds(): void {
  frenchLexicon();
}
