// Screen (round 18, stories20): for each labelled day failing the floor (P ≥ 0.9 and F1 ≥ 0.8) at
// the digest's clustering in use, its pair counts and whether it would meet the floor with its
// false merges undone (fp = 0) or its splits joined (fn = 0): which cause has the most days to win.
//   node bin/run-ts.mjs bench/screens/floor-causes.ts [--live] [--refuse-apart MODE [--apart-body X]]
// (stories24) `--refuse-apart` / `--apart-body`: with the refusal of apart title actors
// (ClusterParams.refuseApart, apartBodyAgreement) instead of the learned parameters' own.
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import {
  type ApartMode,
  actorKindsOf,
  apartTest,
  averageLinkage,
  bodyNames,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
  singlePass,
} from "../../src/core/stories/index.ts";
import { meets } from "../lib/nested-choice.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { dayFeatures, loadLabelledDays, pairCounts, prf } from "../lib/story-labels.ts";

const LIVE = process.argv.includes("--live");
const params = LIVE ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS;
const flag = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const mode = (flag("refuse-apart") ?? params.refuseApart) as ApartMode | undefined;
const ceiling = flag("apart-body") !== undefined ? Number(flag("apart-body")) : params.apartBodyAgreement;
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const kinds = mode ? actorKindsOf(news) : undefined;
const body = ceiling !== undefined ? { ceiling, namesOf: (doc: number) => bodyNames(news, doc) } : undefined;
let fpAll = 0;
let fnAll = 0;
let byMerge = 0;
let bySplit = 0;
for (const day of loadLabelledDays(news)) {
  const { raw, feats, sim } = dayFeatures(news, day.docs, params);
  const apart = mode && kinds ? apartTest(raw, mode, kinds.kindOf, body) : undefined;
  const groups = LIVE
    ? singlePass(feats.length, sim, params.threshold, params.merge ?? false, apart)
    : averageLinkage(feats.length, sim, params.threshold, undefined, apart);
  const c = pairCounts(
    groups.map((g) => g.map((k) => day.docs[k] as number)),
    day.gold,
  );
  if (meets(c, 0.9)) continue;
  const m = prf(c);
  const noFp = meets({ ...c, fp: 0 }, 0.9);
  const noFn = meets({ tp: c.tp + c.fn, fp: c.fp, fn: 0 }, 0.9);
  fpAll += c.fp;
  fnAll += c.fn;
  if (noFp) byMerge++;
  if (noFn) bySplit++;
  console.log(
    `${day.date} P ${m.p.toFixed(2)} R ${m.r.toFixed(2)} tp ${c.tp} fp ${c.fp} fn ${c.fn} · meets with merges undone ${noFp ? "yes" : "no"}, with splits joined ${noFn ? "yes" : "no"}`,
  );
}
console.log(
  `false-merge pairs ${fpAll}, split pairs ${fnAll}; days won by undoing merges ${byMerge}, by joining splits ${bySplit}`,
);
