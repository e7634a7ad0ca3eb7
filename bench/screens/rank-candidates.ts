// Candidate ranker features, screened by `npm run train:ranker -- --screen NAME[,NAME…]` (each
// appended as one more column of every story's feature vector and judged held out one day at a
// time by the same ensemble as the features in use). A candidate lives here, outside src/core, until
// it is chosen; a chosen one moves to rank-features.ts, and its screen is then reproduced by
// `--drop` (the features in use without it). Every candidate must be general — computed the same
// way for any day of any corpus.
// Round 12 (stories10) screened namesAhead, namesLater, weekSalience, nameCount and headlineLength
// (branch stories10); round 13 (stories11) judged the three known when a digest is built
// (weekSalience, nameCount, headlineLength) on 37 days: 121/185 held out against 124/185 without
// them — dropped (bench/results/stories.md, "stories11"). The two that read the days after the
// period cannot ship (a morning digest does not have those days). Round 14 (stories12) screened
// pastDays (on how many of the 14 days before an article was about the story) on 41 days: 137/205,
// ≥ 3 of 5 on 34 days against 135/205, 33 without it — chosen, now in rank-features.ts (its screen
// is `--drop pastDays`). Those figures had `followUp` (the day after the period) in the model; with
// it removed (stories13) the model in use gives 133/205, 32 days, and `--drop pastDays` was not
// measured again without it. None is left here.
import type { NewsIndex } from "../../src/core/search/news-index.ts";
import type { FeatureOptions, Story } from "../../src/core/stories/index.ts";

/** What a candidate sees of one story and its period. */
export interface CandidateInput {
  readonly news: NewsIndex;
  readonly story: Story;
  /** The period's articles (all stories of the day). */
  readonly period: readonly number[];
  readonly features: FeatureOptions;
}

export const CANDIDATES: Record<string, (input: CandidateInput) => number> = {};
