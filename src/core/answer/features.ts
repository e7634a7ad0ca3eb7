// The features that describe a candidate sentence, by name and position. The trained scorer
// (scorer-model.json) stores one weight per name, so the order here is the order of its weights.
import type { Sentence } from "../search/news-index.ts";

/** Feature names, in the order of `SentenceCandidate.features` (the trained model uses this order). */
export const FEATURES = [
  "docRank",
  "docFirst",
  "coverage",
  "neighbourCoverage",
  "titleCoverage",
  "typeWordInArticle",
  "focusInSentence",
  "focusNearby",
  "namesInSentence",
  "groupsInSentence",
  "missingInArticle",
  "lead",
  "length",
  "inFrame",
  "outOfFrame",
  "age",
  "newest",
  "unknownWords",
  "questionGroups",
  "kindFound",
  "kindMissing",
  "kindNextDoor",
  "proximity",
  "besideName",
  "countsFocus",
  "otherTitle",
  "coverageGap",
  "prescoreRank",
  "bestInArticle",
  "matchedWeight",
  "coverageByRank",
  "allCovered",
  "personFound",
  "dateFound",
  "numberFound",
  "placeFound",
  "kindPerson",
  "kindDate",
  "kindNumber",
  "kindPlace",
  "kindOther",
  // answer voting (./answer-votes.ts), written after a first scoring pass
  "voteOthers",
  "voteShare",
  "voteArticles",
  "voteTop",
  // how much of the question stands right beside a date, figure, place or rank the sentence gives
  "besideAnswer",
  // the candidate is the article's title (`index` TITLE_INDEX), not a sentence of its body
  "isTitle",
  // the sentence states a day or period inside the question's frame / only ones outside it
  // (`le 22 mars 2016` for a question on 22 March 2016, in an article of 2018)
  "statesInFrame",
  "statesOutOfFrame",
  // the question names a year after the one the article was written in (`Miss France 2021`, `le
  // prix Goncourt 2020` asked of an article of 2019): the article can only anticipate it
  "yearAhead",
  // a newer article states another value of the same figure (./figure-updates.ts)
  "newerFigure",
  // a body sentence giving another answer than its article's title does (./title-agreement.ts)
  "titleDisagrees",
  // how much of the question (rarity-weighted) the candidate's article holds anywhere, and the
  // best any candidate article holds: a question no article covers whole asks what the archive
  // does not tell (an outcome after it ends, a detail no article gives)
  "articleCoverage",
  "bestArticleCoverage",
  // a name of the question, known to the archive, that the candidate's article never writes
  "nameMissingInArticle",
  // the question asks for a cause (`mort de quoi`, `why`) and the sentence states none (`est
  // morte paisiblement`): a kind of its own, so the asked kinds' weights stay as they are
  "causeMissing",
  // the question asks a detail beyond its kind (a name, an object, a town, a penalty) and the
  // sentence gives none that the question does not (./asked-detail.ts): it tells the event only
  "detailMissing",
  // the asked thing's head noun (`camping` in `quel camping`, `pêcheur` in `comment s'appelle le
  // pêcheur`) written with a name the question does not hold beside it (`le camping des Viviers`), or
  // only after an indefinite article (`un camping`): ./asked-particular.ts
  "particularNamed",
  "particularGeneric",
  // the sentence says something it speaks of is not known, not given or not found (`les causes
  // restent inconnues`, `n'a pas été identifié`, `has not been named`), and whether any sentence of
  // its article says so; the sentence announces an event for later (`le tribunal rendra sa
  // décision le 24 septembre`, `is due to`): ./unstated.ts
  "unknownStated",
  "unknownInArticle",
  "announced",
  // the asked cause or detail is stated by no sentence of the candidate's article (its title
  // included): `est mort à 64 ans` in an article that never says of what
  "askedMissingInArticle",
  // a name asked outright (`comment s'appelle le boulanger`, `the captain's name`, read as a
  // who-question or not) and the sentence names no person the question does not: only places and
  // institutions (`rue Montgallet, dans le XIIe arrondissement`)
  "nameWithoutPerson",
  // the asked noun written with only a name the question holds after it (`un camping de Claouey`
  // for `quel camping de Claouey`): the sentence says which one no more than the question did
  "particularEchoed",
  // a place the question names (`en Inde`) written nowhere near the sentence, and another place
  // written in the sentence instead (`en Argentine`): ./asked-place.ts
  "placeAway",
  "placeReplaced",
  // the sentence looks back (`avait été libéré`, `a déjà été condamné`, `à l'époque`), or
  // describes a person without naming them when a name is asked (`Un homme armé a tué…`):
  // another occasion of the same people, or the event told without its people (./other-occasion.ts)
  "toldAsBefore",
  "unnamedPerson",
  // the asked span beyond the kind (./asked-span.ts): every figure counts another noun than the
  // asked one (`18 blessés` for `combien de passagers`); an amount asked and no currency written;
  // a which-thing question and no new name, quoted title or model code; another season written
  "countsOther",
  "amountMissing",
  "spanMissing",
  "periodOther",
  // the question's words the sentence writes only in another form (`remportait` for `a remporté`:
  // ./inflected-match.ts, answers21), read by the gate only
  "inflectedCoverage",
  // the share of the question's names (a name of several words counts by its last one, the
  // surname) that neither the sentence nor its neighbours nor its article's title write, and that
  // its article never writes (./asked-names.ts): read by the gate only
  "namesAwayNearby",
  "namesAwayArticle",
  // the asked event away from the sentence (./other-occasion.ts): the question's rarest word that
  // is not a name written in no form by the sentence, its neighbours or its article's title. Read
  // by the gate only: another step of the same people's story (the arrest for the extradition)
  "eventAwayNearby",
  // answers27: a which-thing question (`dans quel parc`, `which hotel`) and a sentence that fills
  // the asked slot in no way: no new name beside the asked noun, no number after it, no quoted
  // title or model code, no name the archive writes after that noun (./asked-slot.ts). Read by the
  // ranker, not the gate: it moves the top onto the sentence that names the asked thing (held-out
  // top right +19 news, +15 PIAF in bench/rank-screen.ts); in the gate alone it gained nothing
  // (bench/results/ranker-comparison.md, answers27)
  "askedSlotEmpty",
] as const;
export type FeatureName = (typeof FEATURES)[number];
export const FEATURE_INDEX = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<
  FeatureName,
  number
>;

/** The `index` of a candidate that is its article's title rather than a sentence of the body. */
export const TITLE_INDEX = -1;

export interface SentenceCandidate {
  readonly doc: number;
  /** Position of the sentence in the article's body, or TITLE_INDEX for the title. */
  readonly index: number;
  readonly sentence: Sentence;
  readonly features: Float64Array;
  /** Cheap ranking used to choose which sentences get the refined features. */
  readonly prescore: number;
  /** Keys of the answers of the asked kind the sentence gives (./answer-keys.ts); set with the refined features. */
  readonly keys?: readonly string[];
}
