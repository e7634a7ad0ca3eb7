// Step 5a, the answer gate (stacking): whether the best-scored sentence should be quoted is a
// question about the whole ranking, not about that sentence alone. A sentence scoring well while
// the candidates disagree on the answer, or while its own answer rests on one article, is right
// less often than the same score with every good candidate giving the same name or figure. The
// gate's inputs describe the top answer against the ranking; the confidence model (./scorer.ts)
// weighs them with the top sentence's own features. Its weights are fitted by `npm run train` on
// top answers held out of the scorer's fit, so what it learns is how far the scorer can be trusted.
import { FEATURE_INDEX, type FeatureName } from "./features.ts";

export interface GateCandidate {
  readonly score: number;
  readonly doc: number;
  /** Answer keys the sentence gives (./answer-keys.ts); empty: none of the asked kind. */
  readonly keys?: readonly string[];
  readonly features: ArrayLike<number>;
}

/** The answer-level inputs, in order (the confidence model stores its weights by these names). */
export const GATE_INPUTS = [
  // the top score, its lead over the runner-up and over the best sentence giving another answer
  "best",
  "margin",
  "rivalMargin",
  // softmax (over the question's candidates) of the top sentence, of its answer, of its article
  "topShare",
  "answerShare",
  "articleShare",
  // articles giving the top's answer; distinct answers among the best sentences (disagreement)
  "answerArticles",
  "answerCount",
  // candidates scored: a narrow retrieval leaves little to compare
  "pool",
  // the top score when no kind is checked (`other`): the score alone says less there
  "bestOther",
] as const;

/**
 * Features the gate reads and the ranker's fit leaves out (bench/train-scorer.ts): they judge whether
 * the top answer can be believed, not which sentence comes top. The asked particular in the ranker
 * too cost `npm run eval:seeds` questions (bench/results/ranker-comparison.md, answers15).
 */
export const GATE_ONLY_FEATURES: readonly FeatureName[] = [
  // which one: a name beside the asked thing's noun, or the noun only as `un camping`
  "particularNamed",
  "particularGeneric",
  // what the archive does not know is told as such where it speaks of it (`la cause reste
  // inconnue`, `n'a pas été identifié`), and an event announced for later has not happened yet
  "unknownStated",
  "unknownInArticle",
  "announced",
  // the asked cause or detail in no sentence of the top's article; a name asked and no person named
  "askedMissingInArticle",
  "nameWithoutPerson",
  // another occasion of the same people (`a déjà été condamné en mars 2018`), a person described
  // and not named (`Un homme armé`) when a name is asked
  "toldAsBefore",
  "unnamedPerson",
  // a which-thing question and no new name in the sentence: in the ranker it moved answers to
  // `quelles zones` (a description, not a name) onto sentences with a name (answers19)
  "spanMissing",
  // the question's words in another form: in the ranker it reshaped the scores the gate reads and
  // cost held-out abstention (answers21); in the gate it adds right answers (answers22)
  "inflectedCoverage",
  // the question's names away from the answer's surroundings and from its article (./asked-names.ts)
  "namesAwayNearby",
  "namesAwayArticle",
  // the question's event word away from the sentence and its neighbours: the sentence tells
  // another step of the same people's story (./other-occasion.ts)
  "eventAwayNearby",
];

/**
 * The top sentence's features the gate weighs (`npm run train -- --gate-all` for all of them): the
 * asked kind and whether the sentence gives one (per kind), how much of the question and of its
 * names it holds, whether its article lacks a question word, its time frame and its article's
 * rank, and where the answer stands against the question's words (beside a name or an answer,
 * near the counted word, question words kept together). Fewer inputs than the ranker's, fitted on
 * a few hundred held-out news answers: it separates them better than every feature does.
 */
export const GATE_FEATURES: readonly FeatureName[] = [
  "kindPerson",
  "kindDate",
  "kindNumber",
  "kindPlace",
  "kindOther",
  "kindFound",
  "kindMissing",
  "personFound",
  "dateFound",
  "numberFound",
  "placeFound",
  "namesInSentence",
  "groupsInSentence",
  "coverage",
  "missingInArticle",
  "inFrame",
  "outOfFrame",
  "docRank",
  "focusInSentence",
  "unknownWords",
  "besideAnswer",
  "besideName",
  "countsFocus",
  "proximity",
  // a title is short and dense in question words: its score says less than a sentence's
  "isTitle",
  // an article written before the year the question names only anticipates what it asks
  "yearAhead",
  // a newer article gives another value of the figure: this one may be a first report
  "newerFigure",
  // how much of the question the top's article holds, the best any candidate article holds, and a
  // name of the question its article never writes: what the archive does not tell has no article
  // holding the whole question
  "articleCoverage",
  "bestArticleCoverage",
  "nameMissingInArticle",
  // a cause asked and none stated: a death told without its cause is the likeliest quote for
  // `mort de quoi`, and the archive often never gives the cause at all
  "causeMissing",
  // the event told without the asked detail (`un cirque` for `quel cirque`, a country for a town)
  "detailMissing",
  ...GATE_ONLY_FEATURES,
  // the noun written only as the question wrote it; the figure of another place
  "particularEchoed",
  "placeAway",
  "placeReplaced",
  // the asked span beyond the kind: the figure of another noun, no currency, another season (no
  // name: `spanMissing`, above)
  "countsOther",
  "amountMissing",
  "periodOther",
  // how the candidates' votes back the top's answer (./answer-votes.ts)
  "voteOthers",
  "voteShare",
  "voteArticles",
  "voteTop",
];

export const MARGIN_CAP = 5;
/** Sentences looked at for disagreement. */
const TOP = 10;
/** Articles giving one answer at which `answerArticles` saturates, distinct answers for `answerCount`. */
const CAP = 5;

/** The gate's inputs for `ranked` (best first; ranked[0] is the answer). */
export function gateInputs(ranked: readonly GateCandidate[]): number[] {
  const top = ranked[0];
  if (!top) return GATE_INPUTS.map(() => 0);
  const mine = new Set(top.keys ?? []);
  const gives = (s: GateCandidate) => mine.size > 0 && (s.keys ?? []).some((k) => mine.has(k));
  const runnerUp = ranked[1];
  const rival = ranked.find((s, i) => i > 0 && (mine.size === 0 || !gives(s)));
  const capped = (other: GateCandidate | undefined) =>
    other === undefined ? MARGIN_CAP : Math.min(MARGIN_CAP, top.score - other.score);
  let total = 0;
  let answer = 0;
  let article = 0;
  const docs = new Set<number>();
  for (const s of ranked) {
    const e = Math.exp(s.score - top.score);
    total += e;
    if (gives(s)) {
      answer += e;
      docs.add(s.doc);
    }
    if (s.doc === top.doc) article += e;
  }
  const keys = new Set<string>();
  for (const s of ranked.slice(0, TOP)) for (const k of s.keys ?? []) keys.add(k);
  const other = top.features[FEATURE_INDEX.kindOther] ?? 0;
  return [
    top.score,
    capped(runnerUp),
    capped(rival),
    1 / total,
    answer / total,
    article / total,
    Math.min(1, docs.size / CAP),
    Math.min(1, keys.size / CAP),
    Math.min(1, ranked.length / 60),
    other * top.score,
  ];
}
