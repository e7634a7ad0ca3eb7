// The clustering a briefing uses inside each week of its topic, written by
// `npm run tune:briefing-stories -- --write --macro` (bench/tune-briefing-stories.ts) from the labelled
// days 2016-11-14, 2017-01-29, 2018-07-19, 2018-12-03, 2019-04-16, 2019-06-18, 2019-12-05, 2020-03-18, 2020-03-31 (chosen on the days' mean
// precision and F1). Do not edit by hand: re-run the script.
import type { ClusterParams } from "../stories/index.ts";

/** No period emphasis and no local rarity: every article of a topic's sample shares its words. */
export const BRIEFING_CLUSTER_PARAMS: ClusterParams = {
  weights: { textWeight: 0.85, graceDays: 1, halfLifeDays: 3, entityScale: 6 },
  threshold: 0.1,
  features: { leadSentences: 3 },
  periodBoost: 0,
  localWindowDays: 0,
};
