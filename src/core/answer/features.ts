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
] as const;
export type FeatureName = (typeof FEATURES)[number];
export const FEATURE_INDEX = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<
  FeatureName,
  number
>;

export interface SentenceCandidate {
  readonly doc: number;
  readonly index: number;
  readonly sentence: Sentence;
  readonly features: Float64Array;
  /** Cheap ranking used to choose which sentences get the refined features. */
  readonly prescore: number;
  /** Keys of the answers of the asked kind the sentence gives (./answer-keys.ts); set with the refined features. */
  readonly keys?: readonly string[];
}
