// Screen (round 19, stories22): does the live tracker (tracker.ts, one article at a time) group the
// labelled days as the live clustering the benchmarks score (cluster.ts singlePass through
// clusterDocs, `npm run eval:stories -- --method single-pass`)? Each day's articles are fed to a
// fresh tracker in the same order (by day, then archive order); pooled P / R / F1, days meeting the
// floor and the days whose groups differ are printed for both, with the learned live parameters and
// with the refusal of apart actors forced on and off; and the time each takes (the archive's actor
// kinds counted first, apart: their one-time cost is printed). Round 20 (stories24): also the
// refusal of apart actors of any kind with the bodies' names as a second witness (`any`, body < 0.05).
//   node bin/run-ts.mjs bench/screens/tracker-agreement.ts
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex } from "../../src/core/search/news-index.ts";
import {
  actorKindsOf,
  articleFeatures,
  type ClusterParams,
  clusterDocs,
  createStoryTracker,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
} from "../../src/core/stories/index.ts";
import { meets } from "../lib/nested-choice.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import {
  addCounts,
  loadLabelledDays,
  NO_PAIRS,
  type PairCounts,
  pairCounts,
  prf,
} from "../lib/story-labels.ts";

const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
const t0 = performance.now();
actorKindsOf(news);
console.log(
  `actor kinds counted over the archive in ${(performance.now() - t0).toFixed(0)} ms (once per index)`,
);
const key = (groups: number[][]) =>
  groups
    .map((g) => [...g].sort((a, b) => a - b).join(","))
    .sort()
    .join(" | ");
const { refuseApart: _, apartBodyAgreement: _b, ...plain } = LEARNED_LIVE_PARAMS;
for (const [name, params] of [
  ["learned live parameters", LEARNED_LIVE_PARAMS],
  ["refusal off", plain],
  ["refusal people", { ...plain, refuseApart: "people" }],
  ["refusal any, body < 0.05", { ...plain, refuseApart: "any", apartBodyAgreement: 0.05 }],
] as [string, ClusterParams][]) {
  let pass: PairCounts = NO_PAIRS;
  let live: PairCounts = NO_PAIRS;
  let metPass = 0;
  let metLive = 0;
  const differ: string[] = [];
  let passMs = 0;
  let liveMs = 0;
  let placed = 0;
  let digestMs = 0;
  for (const day of days) {
    const feats = day.docs.map((d) => articleFeatures(news, d, params.features));
    const order = day.docs
      .map((d, i) => ({ d, i, day: feats[i]?.day ?? 0 }))
      .sort((a, b) => a.day - b.day || a.i - b.i)
      .map((x) => x.d);
    let t = performance.now();
    const a = clusterDocs(news, order, { params, method: "single-pass" });
    passMs += performance.now() - t;
    t = performance.now();
    clusterDocs(news, order, {
      params: {
        ...LEARNED_PARAMS,
        refuseApart: params.refuseApart,
        ...(params.apartBodyAgreement !== undefined ? { apartBodyAgreement: params.apartBodyAgreement } : {}),
      },
      method: "average",
    });
    digestMs += performance.now() - t;
    const tracker = createStoryTracker(news, { params });
    t = performance.now();
    for (const d of order) tracker.add(d);
    liveMs += performance.now() - t;
    placed += order.length;
    const b = tracker.stories();
    const ca = pairCounts(a, day.gold);
    const cb = pairCounts(b, day.gold);
    pass = addCounts(pass, ca);
    live = addCounts(live, cb);
    if (meets(ca, 0.9)) metPass++;
    if (meets(cb, 0.9)) metLive++;
    if (key(a) !== key(b)) differ.push(`${day.date} (${prf(ca).f1.toFixed(2)} → ${prf(cb).f1.toFixed(2)})`);
  }
  const f = (c: PairCounts) => {
    const m = prf(c);
    return `P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
  };
  console.log(
    `${name}:\n  single pass (clusterDocs) ${f(pass)}, days ${metPass} of ${days.length}\n  tracker                   ${f(live)}, days ${metLive} of ${days.length}\n  groups differ on ${differ.length} days: ${differ.join(", ")}\n  time per article (features cached): single pass ${(passMs / placed).toFixed(3)} ms, average linkage with the digest's parameters ${(digestMs / placed).toFixed(3)} ms, tracker ${(liveMs / placed).toFixed(3)} ms`,
  );
}
