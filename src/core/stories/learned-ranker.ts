// The story ranker in use, written by `npm run train:ranker -- --write` (bench/train-story-ranker.ts)
// from the front pages of the labelled days 2016-11-14, 2017-01-29, 2018-07-19, 2018-12-03, 2019-04-16, 2019-06-18, 2019-12-05, 2020-03-18, 2020-03-31
// (pairwise logistic, L2 100); held-out figures in bench/results/stories.md.
// Do not edit by hand: re-run the script. Empty = rank by the hand-weighted importance signals.
import type { StoryRanker } from "./rank-features.ts";

export const LEARNED_RANKER: StoryRanker = {
  features: [
    "articles",
    "share",
    "echo",
    "entitySalience",
    "prominence",
    "burst",
    "pastEcho",
    "titleRarity",
    "titleWords",
    "quotedTitle",
    "bodyLength",
  ],
  mean: [1.1565, 0.0604, 0.0036, 0.0588, 0.744, 0.344, 0.0906, 0.4201, 1.9409, 0.1342, 7.4033],
  scale: [0.5234, 0.0907, 0.0112, 0.0551, 0.16, 0.4361, 0.3159, 0.1065, 0.2201, 0.3409, 0.412],
  weights: [0.3538, 0.179, 0.1522, -0.2403, 0.3276, 0.2687, 0.3857, -0.3925, 0.2181, -0.2365, -0.0146],
};
