// The clustering and importance parameters in use, written by `npm run tune:stories -- --write`
// (bench/tune-stories.ts) from the labelled days 2016-11-14, 2016-11-20, 2016-12-13, 2017-01-29, 2017-02-18, 2017-07-28, 2017-08-18, 2018-03-22, 2018-05-05, 2018-07-19, 2018-07-24, 2018-10-17, 2018-11-07, 2018-12-03, 2018-12-10, 2018-12-12, 2019-03-12, 2019-04-16, 2019-05-28, 2019-06-18, 2019-07-09, 2019-09-26, 2019-12-05, 2020-01-14, 2020-02-19, 2020-03-18, 2020-03-31, 2020-04-14, 2020-04-28; leave-one-day-out
// figures in bench/results/stories.md. Do not edit by hand: re-run the script.
import type { ClusterMethod, ClusterParams } from "./cluster.ts";
import type { ImportanceWeights } from "./importance.ts";

export const LEARNED_METHOD: ClusterMethod = "average";

export const LEARNED_PARAMS: ClusterParams = {
  weights: { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3 },
  threshold: 0.15,
  features: { leadSentences: 3 },
  periodBoost: 0.5,
  localWindowDays: 0,
  localWeight: 0,
  localLift: 0,
  shareBoost: false,
};

/** Single pass, for live tracking (one article at a time). */
export const LEARNED_LIVE_PARAMS: ClusterParams = {
  weights: { textWeight: 0.85, graceDays: 1, halfLifeDays: 3, entityScale: 3 },
  threshold: 0.23,
  features: { leadSentences: 3 },
  periodBoost: 1,
  localWindowDays: 0,
  localWeight: 0,
  localLift: 0,
  shareBoost: false,
  merge: true,
};

export const LEARNED_IMPORTANCE: ImportanceWeights = {
  articles: 1,
  sources: 0,
  echo: 0,
  entitySalience: 1,
  recency: 0.5,
  continuity: 0,
  prominence: 1,
};
