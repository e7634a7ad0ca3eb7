// The clustering and importance parameters in use, chosen by bench/tune-stories.ts on the labelled
// days (bench/data/stories/); leave-one-day-out figures in bench/results/stories.md. Do not edit by
// hand: re-run the command each part names (`--counts FILE` from a `--dump FILE` run of the same
// grid chooses the same, in minutes).
// Digest (LEARNED_METHOD, LEARNED_PARAMS): `npm run tune:stories -- --apart-body 0.05 --name-conflicts off,on --write` (choice rule pooled) from the labelled days 2016-10-30, 2016-11-14, 2016-11-19, 2016-11-20, 2016-11-27, 2016-12-13, 2016-12-14, 2017-01-22, 2017-01-29, 2017-02-18, 2017-02-19, 2017-07-02, 2017-07-28, 2017-08-18, 2017-11-08, 2018-01-12, 2018-02-01, 2018-03-22, 2018-03-23, 2018-04-15, 2018-05-05, 2018-05-20, 2018-06-20, 2018-07-19, 2018-07-24, 2018-08-10, 2018-08-16, 2018-08-28, 2018-09-04, 2018-09-19, 2018-09-27, 2018-10-17, 2018-10-30, 2018-11-07, 2018-11-19, 2018-12-03, 2018-12-05, 2018-12-10, 2018-12-12, 2019-01-12, 2019-01-16, 2019-02-05, 2019-02-19, 2019-03-12, 2019-04-15, 2019-04-16, 2019-05-14, 2019-05-28, 2019-06-06, 2019-06-18, 2019-07-09, 2019-07-11, 2019-07-31, 2019-08-16, 2019-09-26, 2019-10-03, 2019-10-04, 2019-11-13, 2019-11-26, 2019-12-05, 2019-12-11, 2019-12-16, 2020-01-03, 2020-01-14, 2020-01-27, 2020-02-11, 2020-02-19, 2020-02-23, 2020-02-27, 2020-03-18, 2020-03-31, 2020-04-14, 2020-04-28.
// Live (LEARNED_LIVE_PARAMS) and importance (LEARNED_IMPORTANCE): `npm run tune:stories -- --apart-body 0.05 --name-conflicts off,on --write` (choice rule pooled) from the labelled days 2016-10-30, 2016-11-14, 2016-11-19, 2016-11-20, 2016-11-27, 2016-12-13, 2016-12-14, 2017-01-22, 2017-01-29, 2017-02-18, 2017-02-19, 2017-07-02, 2017-07-28, 2017-08-18, 2017-11-08, 2018-01-12, 2018-02-01, 2018-03-22, 2018-03-23, 2018-04-15, 2018-05-05, 2018-05-20, 2018-06-20, 2018-07-19, 2018-07-24, 2018-08-10, 2018-08-16, 2018-08-28, 2018-09-04, 2018-09-19, 2018-09-27, 2018-10-17, 2018-10-30, 2018-11-07, 2018-11-19, 2018-12-03, 2018-12-05, 2018-12-10, 2018-12-12, 2019-01-12, 2019-01-16, 2019-02-05, 2019-02-19, 2019-03-12, 2019-04-15, 2019-04-16, 2019-05-14, 2019-05-28, 2019-06-06, 2019-06-18, 2019-07-09, 2019-07-11, 2019-07-31, 2019-08-16, 2019-09-26, 2019-10-03, 2019-10-04, 2019-11-13, 2019-11-26, 2019-12-05, 2019-12-11, 2019-12-16, 2020-01-03, 2020-01-14, 2020-01-27, 2020-02-11, 2020-02-19, 2020-02-23, 2020-02-27, 2020-03-18, 2020-03-31, 2020-04-14, 2020-04-28.
import type { ClusterMethod, ClusterParams } from "./cluster.ts";
import type { ImportanceWeights } from "./importance.ts";

export const LEARNED_METHOD: ClusterMethod = "average";

export const LEARNED_PARAMS: ClusterParams = {
  weights: { textWeight: 1, graceDays: 1, halfLifeDays: 3, entityScale: 3, nameConflicts: true },
  threshold: 0.15,
  features: { leadSentences: 3 },
  periodBoost: 0.5,
  localWindowDays: 0,
  localWeight: 0,
  localLift: 0,
  shareBoost: false,
  refuseApart: "not-places",
  apartBodyAgreement: 0.05,
};

/** Single pass, for live tracking (one article at a time). */
export const LEARNED_LIVE_PARAMS: ClusterParams = {
  weights: { textWeight: 0.85, graceDays: 1, halfLifeDays: 3, entityScale: 6, nameConflicts: true },
  threshold: 0.14,
  features: { leadSentences: 3 },
  periodBoost: 0.5,
  localWindowDays: 0,
  localWeight: 0,
  localLift: 0,
  shareBoost: false,
  merge: true,
  refuseApart: "any",
  apartBodyAgreement: 0.05,
};

export const LEARNED_IMPORTANCE: ImportanceWeights = {
  articles: 1,
  sources: 0,
  echo: 0,
  entitySalience: 0,
  recency: 0.5,
  continuity: 0,
  prominence: 0.5,
};
