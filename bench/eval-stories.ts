// Story clustering and ranking against the labelled days (bench/data/stories/), on the full
// OrangeSum archive (idf and name rarity come from all 34k articles):
//   npm run eval:stories [-- --method single-pass] [--threshold 0.2] [--days 2019-12-05,…] [--text 0.7] [--names 6] [--show]
//     [--refuse-apart off|people|not-places|any] [--apart-body 0.05] (ClusterParams.refuseApart and
//     apartBodyAgreement instead of the learned ones: the same ranker, another clustering)
//     [--name-conflicts on|off] (SimilarityWeights.nameConflicts instead of the learned weights' own)
//     [--labels DIR] (score against another labelling, e.g. bench/data/stories-second)
// A day that a second labeller also labelled (bench/data/stories-second/) gets one more line: the
// second labelling scored against the first, the agreement two careful people reach on that day.
// Prints, per day and overall, pairwise precision / recall / F1 and how many of the first five
// stories are among the day's labelled front page — for the story clustering and, in the same
// run, for the old near-duplicate grouping (src/core/digest/duplicates.ts as on main, ordered
// as the old digest ordered it: most reported first, then corpus order).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { groupDuplicates } from "../src/core/digest/duplicates.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  APART_MODES,
  type ApartMode,
  buildStories,
  type ClusterMethod,
  LEARNED_LIVE_PARAMS,
  LEARNED_METHOD,
  LEARNED_PARAMS,
} from "../src/core/stories/index.ts";
import { createFlags } from "./lib/flags.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import {
  CONTEXT_DAYS,
  contextDocs,
  frontPageHits,
  labelGroups,
  loadLabelledDays,
  type PairCounts,
  pairCounts,
  prf,
  SECOND_LABELS_DIR,
  STORY_LABELS_DIR,
} from "./lib/story-labels.ts";

// validated before the archive is loaded: a flag without its value, or `--threshold abc`, stops here
const flags = createFlags();
const arg = (name: string) => flags.value(name);
// the digest's own method by default; `--method single-pass` asks for the live tracker's rule, with
// its own learned parameters
const methodFlag = arg("method");
if (methodFlag !== undefined && methodFlag !== "average" && methodFlag !== "single-pass") {
  console.error(`--method: average or single-pass, not ${methodFlag}`);
  process.exit(2);
}
const method: ClusterMethod = methodFlag ?? LEARNED_METHOD;
const base = arg("method") === "single-pass" ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS;
const threshold = flags.number("threshold") ?? base.threshold;
const textWeight = flags.number("text");
const entityScale = flags.number("names");
const refuseFlag = arg("refuse-apart");
if (
  refuseFlag !== undefined &&
  refuseFlag !== "off" &&
  !(APART_MODES as readonly string[]).includes(refuseFlag)
) {
  console.error(`--refuse-apart: off, ${APART_MODES.join(", ")}, not ${refuseFlag}`);
  process.exit(2);
}
const apartBody = flags.number("apart-body");
const conflictsFlag = arg("name-conflicts");
if (conflictsFlag !== undefined && conflictsFlag !== "on" && conflictsFlag !== "off") {
  console.error(`--name-conflicts: on or off, not ${conflictsFlag}`);
  process.exit(2);
}
const { refuseApart: baseRefuse, apartBodyAgreement: baseBody, ...baseRest } = base;
const refuseApart =
  refuseFlag === undefined ? baseRefuse : refuseFlag === "off" ? undefined : (refuseFlag as ApartMode);
const bodyCeiling = apartBody ?? baseBody;
const params = {
  ...baseRest,
  ...(refuseApart ? { refuseApart } : {}),
  ...(refuseApart && bodyCeiling !== undefined ? { apartBodyAgreement: bodyCeiling } : {}),
  weights: {
    ...base.weights,
    ...(textWeight !== undefined ? { textWeight } : {}),
    ...(entityScale !== undefined ? { entityScale } : {}),
    ...(conflictsFlag !== undefined ? { nameConflicts: conflictsFlag === "on" } : {}),
  },
  threshold,
};
const onlyDays = arg("days")?.split(",");
const labelsDir = arg("labels") ? resolve(arg("labels") ?? "") : STORY_LABELS_DIR;
if (!existsSync(labelsDir)) {
  console.error(`--labels ${arg("labels")}: no such folder (day files YYYY-MM-DD.json expected)`);
  process.exit(2);
}

const t0 = performance.now();
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
console.log(
  `corpus: ${articles.length} articles, indexed in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
const days = loadLabelledDays(news, onlyDays, labelsDir);
if (days.length === 0) {
  console.error(`no labelled day in ${labelsDir}${onlyDays ? ` among ${onlyDays.join(", ")}` : ""}`);
  process.exit(2);
}
const secondDir = labelsDir === SECOND_LABELS_DIR ? STORY_LABELS_DIR : SECOND_LABELS_DIR;
const second = new Map(loadLabelledDays(news, onlyDays, secondDir).map((d) => [d.date, d]));
console.log(`method ${method}, parameters ${JSON.stringify(params)}\n`);

const fmt = (c: PairCounts) => {
  const { p, r, f1 } = prf(c);
  return `P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`;
};
const add = (a: PairCounts, b: PairCounts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
let total = { tp: 0, fp: 0, fn: 0 };
let oldTotal = { tp: 0, fp: 0, fn: 0 };
let agreeTotal = { tp: 0, fp: 0, fn: 0 };
let twice = 0;
let hits = 0;
let oldHits = 0;
for (const day of days) {
  for (const p of day.problems) console.log(`  ! ${day.date}: ${p}`);
  const stories = buildStories(news, day.docs, {
    method,
    params,
    summarize: false,
    context: contextDocs(news, day.date, CONTEXT_DAYS),
  });
  const groups = stories.map((s) => [...s.articles]);
  const c = pairCounts(groups, day.gold);
  const h = frontPageHits(groups, day);
  const old = groupDuplicates(news, day.docs).sort(
    (a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0),
  );
  const oc = pairCounts(old, day.gold);
  const oh = frontPageHits(old, day);
  total = add(total, c);
  oldTotal = add(oldTotal, oc);
  hits += h;
  oldHits += oh;
  console.log(
    `${day.date} (${day.docs.length} articles, ${new Set(day.gold.values()).size} labelled stories → ${groups.length})`,
  );
  console.log(`  stories   ${fmt(c)} · front page ${h}/5`);
  console.log(`  old dedup ${fmt(oc)} · front page ${oh}/5 (${old.length} groups)`);
  const other = second.get(day.date);
  if (other) {
    const ac = pairCounts(labelGroups(other), day.gold);
    agreeTotal = add(agreeTotal, ac);
    twice += 1;
    console.log(
      `  other labeller ${fmt(ac)} (${other.docs.length ? new Set(other.gold.values()).size : 0} stories)`,
    );
  }
  if (process.argv.includes("--pairs"))
    // each bot story that mixes labelled stories: its articles, each with its labelled story
    for (const g of groups) {
      if (new Set(g.map((d) => day.gold.get(d))).size < 2) continue;
      console.log(`    merged ${g.length}×:`);
      for (const d of g) console.log(`      ${news.articles[d]?.title} · [${day.gold.get(d)}]`);
    }
  if (process.argv.includes("--show"))
    for (const s of stories.slice(0, 8))
      console.log(`    [${s.score.toFixed(2)}] ${s.articles.length}× ${news.articles[s.headline]?.title}`);
}
console.log(`\nall ${days.length} days`);
console.log(`  stories   ${fmt(total)} · front page ${hits}/${5 * days.length}`);
console.log(`  old dedup ${fmt(oldTotal)} · front page ${oldHits}/${5 * days.length}`);
if (twice > 0)
  console.log(
    `  other labeller on the ${twice} day${twice === 1 ? "" : "s"} labelled twice: ${fmt(agreeTotal)}`,
  );
