// Chooses the clustering method and parameters on the labelled days (bench/data/stories/), and
// reports leave-one-day-out figures: for each day, the setting that does best on the other days
// (highest pairwise F1 among those with precision ≥ 0.9, pooled over the days) is scored on it.
// `--nested` chooses the setting within a family of the grid that is itself chosen on the training
// days (bench/lib/nested-choice.ts) instead of in the whole grid in one step (round 9 measured both).
//   npm run tune:stories [-- --write | --write-digest-only] [--folds FILE] [--nested] [--families]
//     [--floors] [--floor P] [--dump FILE | --counts FILE] [--rule pooled|per-day|days|days-pooled] [--compare-rules]
//     [--caps 0,0.1] [--min-terms 0,2] [--no-local] [--apart off,people,not-places,any]
//     [--apart-body 0.05,…] [--name-conflicts off,on] [--held FILE]
// --families prints each family's own leave-one-day-out figures; --dump writes every setting's pair
// counts, and --counts reads them back (the same grid and days) to re-run the choices in seconds.
// --write stores the all-days choice in learned-params.ts (--write-digest-only: the digest's only, see
// the end of this file); --folds writes each day's digest parameters chosen on the other days (JSON,
// date → parameters), for `npm run train:ranker -- --clustering FILE`. `--held FILE` writes each day's
// held-out pair counts per method (JSON), for the whole grid and for the grid without the refusal of
// apart actors (`node bin/run-ts.mjs bench/screens/held-compare.ts FILE` bootstraps the difference).
// Also tunes the importance weights the same way, on front-page hits in the first five stories.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import {
  APART_MODES,
  type ApartMode,
  type ArticleFeatures,
  actorKindsOf,
  apartTest,
  articleFeatures,
  averageLinkage,
  backgroundBefore,
  bodyNames,
  type ClusterMethod,
  centroidOf,
  corpusShareOf,
  emphasise,
  type ImportanceWeights,
  importance,
  importanceSignals,
  periodTerms,
  type SimilarityWeights,
  similarityMatrix,
  singlePass,
  toSparse,
} from "../src/core/stories/index.ts";
import {
  CHOICE_RULES,
  chooseFamily,
  chooseFloor,
  chooseSetting,
  countTable,
  floorFlag,
  leaveOneDayOut,
  meets,
  nestedWithFloor,
  ruleFlag,
} from "./lib/nested-choice.ts";
import { ORANGESUM_PATH } from "./lib/orangesum.ts";
import {
  countsFromDump,
  frontPageHits,
  type LabelledDay,
  loadLabelledDays,
  type PairCounts,
  pairCounts,
  prf,
} from "./lib/story-labels.ts";

/** Precision every choice must reach on its training days (`--floor P`, default 0.9: the acceptance floor). */
const MIN_PRECISION = floorFlag(process.argv, 0.9);
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);
const days = loadLabelledDays(news);
for (const d of days) for (const p of d.problems) console.log(`! ${d.date}: ${p}`);
const LEADS = [3, 6];
const featsByLead = new Map(
  LEADS.map((lead) => [
    lead,
    days.map((d) => d.docs.map((doc) => articleFeatures(news, doc, { leadSentences: lead }))),
  ]),
);

interface Setting {
  lead: number;
  boost: number;
  /** Local rarity: background days before the period (0 = none) and the factor's exponent. */
  window: number;
  local: number;
  /** Lift below which local damping applies (0 = damp by background rarity instead). */
  liftAt: number;
  /** Period emphasis in proportion to the share of the period using the term. */
  share: boolean;
  method: ClusterMethod;
  /** Single pass only: fold groups together once their mean similarity reaches the threshold. */
  merge: boolean;
  /** Refuse lone pairs of apart title actors (ClusterParams.refuseApart), undefined = off. */
  apart: ApartMode | undefined;
  /** With a refusal, the bodies' names must agree less than this (ClusterParams.apartBodyAgreement). */
  apartBody: number | undefined;
  weights: SimilarityWeights;
  threshold: number;
}
const settings: Setting[] = [];
const thresholds = Array.from({ length: 25 }, (_, i) => Math.round((0.02 + i * 0.01) * 100) / 100);
const LOCAL: [number, number, number][] = [[0, 0, 0]];
const flagList = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = process.argv[i + 1] ?? "";
  const list = value.split(",").map(Number);
  // an empty value is no cap (Number("") is 0), which would measure nothing without saying so
  if (value.trim() === "" || list.some((c) => !Number.isFinite(c) || c < 0))
    throw new Error(
      `--${name} needs numbers ≥ 0 separated by commas, e.g. --${name} 0,0.1 (got ${value || "nothing"})`,
    );
  return list;
};
// `--caps 0,0.1,…`: the per-term cap of the text cosine (SimilarityWeights.termCap; 0 = none) as one
// more grid dimension; `--no-local` leaves local rarity out of the grid (a ninth of the time, for
// comparing an added dimension when the whole grid times it would not fit)
const CAPS = flagList("caps") ?? [0];
// `--min-terms 0,2,…`: the shared-terms floor of the text cosine (SimilarityWeights.minSharedTerms;
// 0 = none) as one more grid dimension
const MIN_TERMS = flagList("min-terms") ?? [0];
// `--apart off,people,not-places`: the refusal of apart title actors (ClusterParams.refuseApart) as
// a grid dimension, with these values at every setting; by default off and both modes, the modes
// only without local rarity (local rarity has never been chosen, and the whole grid times three
// would not fit a run). `--apart people` forces the refusal: every setting refuses.
const APART_FLAG = process.argv.indexOf("--apart");
const APART_VALUES: (ApartMode | undefined)[] | undefined =
  APART_FLAG < 0
    ? undefined
    : (process.argv[APART_FLAG + 1] ?? "").split(",").map((v) => {
        if (v === "off") return undefined;
        if ((APART_MODES as readonly string[]).includes(v)) return v as ApartMode;
        throw new Error(
          `--apart needs off, ${APART_MODES.join(", ")} separated by commas (got ${v || "nothing"})`,
        );
      });
// `--apart-body 0.05,…`: with a refusal, the ceiling of the bodies' name agreement
// (ClusterParams.apartBodyAgreement) as a grid dimension of the refusing settings; absent, the
// titles alone decide (round 19's refusal)
const APART_BODY: (number | undefined)[] = flagList("apart-body") ?? [undefined];
// `--name-conflicts off,on`: whether the text cosine leaves out the words two articles share only
// inside two different names (SimilarityWeights.nameConflicts, round 21) as a grid dimension; off
// alone by default. `--name-conflicts on` forces it
const NC_FLAG = process.argv.indexOf("--name-conflicts");
const NAME_CONFLICTS: boolean[] =
  NC_FLAG < 0
    ? [false]
    : (process.argv[NC_FLAG + 1] ?? "").split(",").map((v) => {
        if (v === "off" || v === "on") return v === "on";
        throw new Error(`--name-conflicts needs off, on separated by commas (got ${v || "nothing"})`);
      });
const WRITE_ALL = process.argv.includes("--write");
const WRITE_DIGEST_ONLY = process.argv.includes("--write-digest-only");
if (WRITE_ALL && WRITE_DIGEST_ONLY)
  throw new Error("--write writes every part; --write-digest-only the digest's");
/** The command as the learned file's header names it: the files a run reads or writes do not change its choice. */
const COMMAND = `npm run tune:stories -- ${process.argv
  .slice(2)
  .filter(
    (a, i, all) =>
      !["--counts", "--dump", "--folds", "--held"].includes(a) &&
      !["--counts", "--dump", "--folds", "--held"].includes(all[i - 1] ?? ""),
  )
  .join(" ")}`;
if (process.argv.includes("--no-local") && (WRITE_ALL || WRITE_DIGEST_ONLY))
  throw new Error("--no-local measures a part of the grid; the parameters in use are chosen on all of it");
for (const window of process.argv.includes("--no-local") ? [] : [14, 28])
  for (const local of [0, 0.5, 1, 2])
    for (const liftAt of local > 0 ? [0, 2, 4] : [0]) LOCAL.push([window, local, liftAt]);
// each setting with every value of the refusal of apart actors (round 19; see --apart above)
for (const [window, local, liftAt] of LOCAL)
  for (const [boost, share] of [0, 0.25, 0.5, 1, 2, 4].flatMap((b) =>
    b === 0 ? [[0, false] as const] : [[b, false] as const, [b * 4, true] as const],
  ))
    for (const lead of LEADS)
      for (const textWeight of [0.55, 0.7, 0.85, 1])
        for (const entityScale of textWeight < 1 ? [3, 6] : [3])
          for (const termCap of CAPS)
            for (const minSharedTerms of MIN_TERMS)
              for (const nameConflicts of NAME_CONFLICTS)
                for (const [method, merge] of [
                  ["average", false],
                  ["single-pass", false],
                  ["single-pass", true],
                ] as [ClusterMethod, boolean][])
                  for (const apart of APART_VALUES ??
                    (window === 0 ? [undefined, ...APART_MODES] : [undefined]))
                    for (const apartBody of apart ? APART_BODY : [undefined])
                      for (const threshold of thresholds)
                        settings.push({
                          lead,
                          boost,
                          window,
                          local,
                          liftAt,
                          share,
                          method,
                          merge,
                          apart,
                          apartBody,
                          weights: {
                            textWeight,
                            graceDays: 1,
                            halfLifeDays: 3,
                            entityScale,
                            ...(termCap > 0 ? { termCap } : {}),
                            ...(minSharedTerms > 0 ? { minSharedTerms } : {}),
                            ...(nameConflicts ? { nameConflicts: true } : {}),
                          },
                          threshold,
                        });

/**
 * Average linkage run to the end, its merges in order: average linkage never merges at a higher
 * similarity than the merge before, so the groups at any threshold are the merges down to it.
 */
function mergeOrder(
  n: number,
  sim: Float32Array,
  apart?: (a: number, b: number) => boolean,
): { a: number; b: number; at: number }[] {
  const merges: { a: number; b: number; at: number }[] = [];
  averageLinkage(n, sim, Number.NEGATIVE_INFINITY, (a, b, at) => merges.push({ a, b, at }), apart);
  return merges;
}
/** The apart test of each day (ClusterParams.refuseApart) by lead and mode, from the archive's actor kinds. */
const apartTests = new Map<string, ((a: number, b: number) => boolean)[]>();
const apartOf = (s: Setting, di: number) => {
  if (!s.apart) return undefined;
  const key = `${s.lead}/${s.apart}/${s.apartBody ?? ""}`;
  let tests = apartTests.get(key);
  if (!tests) {
    const kinds = actorKindsOf(news);
    const body =
      s.apartBody === undefined
        ? undefined
        : { ceiling: s.apartBody, namesOf: (doc: number) => bodyNames(news, doc) };
    tests = (featsByLead.get(s.lead) as ArticleFeatures[][]).map((f) =>
      apartTest(f, s.apart as ApartMode, kinds.kindOf, body),
    );
    apartTests.set(key, tests);
  }
  return tests[di];
};
function cut(
  n: number,
  merges: readonly { a: number; b: number; at: number }[],
  threshold: number,
): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  for (const m of merges) {
    if (m.at < threshold) break;
    parent[find(m.b)] = find(m.a);
  }
  const out = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = out.get(r);
    if (g) g.push(i);
    else out.set(r, [i]);
  }
  return [...out.values()];
}

// per setting and day: pair counts (similarity matrices shared across thresholds and methods)
const counts: PairCounts[][] = settings.map(() => []);
const matrices = new Map<string, Float32Array[]>();
const mergesOf = new Map<string, { a: number; b: number; at: number }[][]>();
const keyOf = (s: Setting) =>
  `${s.lead}/${s.boost}/${s.share}/${s.window}/${s.local}/${s.liftAt}${JSON.stringify(s.weights)}`;
const periodFeatures = (s: Setting, f: ArticleFeatures[]) => {
  const first = Math.min(...f.map((x) => x.day ?? Number.POSITIVE_INFINITY));
  const bg = s.window > 0 ? backgroundBefore(news, first, s.window, { leadSentences: s.lead }) : undefined;
  const df = periodTerms(f, corpusShareOf(news), bg, (t) => news.index.idf(t));
  return f.map((x) => emphasise(x, df, s.boost, s.local, s.liftAt, s.share));
};
/** The similarity matrices of a setting's key on every day (kept: thresholds and methods share them). */
const matricesOf = (s: Setting) => {
  const key = keyOf(s);
  let ms = matrices.get(key);
  if (!ms) {
    // the settings of one key are adjacent in the grid: keeping every key's matrices (thousands of
    // keys × 73 days × n² floats) filled the memory, so only the current key's are kept
    matrices.clear();
    mergesOf.clear();
    ms = (featsByLead.get(s.lead) as ArticleFeatures[][]).map((f) =>
      similarityMatrix(periodFeatures(s, f), s.weights),
    );
    matrices.set(key, ms);
  }
  // average linkage's merges, run to the end once per refusal mode (a cut at each threshold)
  const mkey = `${key}/${s.apart ?? ""}/${s.apartBody ?? ""}`;
  let merges = mergesOf.get(mkey);
  if (!merges) {
    const m = ms;
    merges = m.map((x, di) => mergeOrder((days[di] as LabelledDay).docs.length, x, apartOf(s, di)));
    mergesOf.set(mkey, merges);
  }
  return { ms, merges };
};
// `--counts FILE` reads the pair counts a `--dump FILE` run wrote (same grid, same days): the
// choices below can then be re-examined in seconds instead of recomputing every clustering
const countsFile = process.argv.includes("--counts")
  ? process.argv[process.argv.indexOf("--counts") + 1]
  : undefined;
if (countsFile) {
  const buf = readFileSync(countsFile);
  const raw = new Int32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const read = countsFromDump(raw, settings.length, days, countsFile);
  for (const [si, row] of read.entries()) counts[si]?.push(...row);
} else
  settings.forEach((s, si) => {
    const { ms, merges } = matricesOf(s);
    days.forEach((day, di) => {
      const n = day.docs.length;
      const groups =
        s.method === "average"
          ? cut(n, merges[di] as { a: number; b: number; at: number }[], s.threshold)
          : singlePass(n, ms[di] as Float32Array, s.threshold, s.merge, apartOf(s, di));
      counts[si]?.push(
        pairCounts(
          groups.map((g) => g.map((k) => day.docs[k] as number)),
          day.gold,
        ),
      );
    });
  });
if (process.argv.includes("--dump")) {
  const out = new Int32Array(settings.length * days.length * 3);
  counts.forEach((row, si) => {
    row.forEach((c, di) => {
      const k = (si * days.length + di) * 3;
      out[k] = c.tp;
      out[k + 1] = c.fp;
      out[k + 2] = c.fn;
    });
  });
  writeFileSync(process.argv[process.argv.indexOf("--dump") + 1] as string, out);
}

const fmt = (c: PairCounts) => {
  const m = prf(c);
  return `P ${m.p.toFixed(3)} R ${m.r.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
};
const describe = (s: Setting) =>
  `${s.apart ? `refuse apart ${s.apart}${s.apartBody !== undefined ? ` body < ${s.apartBody}` : ""} ` : ""}lead ${s.lead} boost ${s.boost}${s.share ? " by share" : ""} window ${s.window} local ${s.local} lift ${s.liftAt} ${s.method}${s.merge ? " + merge" : ""} text ${s.weights.textWeight} names ${s.weights.entityScale}${s.weights.termCap ? ` cap ${s.weights.termCap}` : ""}${s.weights.minSharedTerms ? ` min terms ${s.weights.minSharedTerms}` : ""}${s.weights.nameConflicts ? " name conflicts out" : ""} threshold ${s.threshold}`;

if (process.argv.includes("--explore")) {
  // the settings of best mean per-day F1, with each day's figures (for reading, not choosing)
  const meanF1 = (si: number) =>
    (counts[si] as PairCounts[]).reduce((n, c) => n + prf(c).f1, 0) / days.length;
  const only = process.argv[process.argv.indexOf("--explore") + 1];
  const ranked = settings
    .map((_, si) => si)
    .filter((si) => !only || only.startsWith("-") || describe(settings[si] as Setting).includes(only))
    .sort((a, b) => meanF1(b) - meanF1(a));
  for (const si of ranked.slice(0, 25))
    console.log(
      `${meanF1(si).toFixed(3)} ${describe(settings[si] as Setting)}\n   ${(counts[si] as PairCounts[])
        .map((c) => `${prf(c).p.toFixed(2)}/${prf(c).f1.toFixed(2)}`)
        .join(" ")}`,
    );
}

/** The clustering parameters of a setting (learned-params.ts's form). */
const paramsOf = (s: Setting) => ({
  weights: s.weights,
  threshold: s.threshold,
  features: { leadSentences: s.lead },
  periodBoost: s.boost,
  localWindowDays: s.window,
  localWeight: s.local,
  localLift: s.liftAt,
  shareBoost: s.share,
  ...(s.merge ? { merge: true } : {}),
  ...(s.apart ? { refuseApart: s.apart } : {}),
  ...(s.apart && s.apartBody !== undefined ? { apartBodyAgreement: s.apartBody } : {}),
});
/** Each day's digest parameters chosen on the other days (for `train:ranker -- --clustering FILE`). */
// The search space is chosen too (bench/lib/nested-choice.ts): each family is a subset of the
// grid; the family whose own leave-one-day-out figure on the training days is best is the one the
// setting is then chosen from. Both held-out figures are printed; `--nested` writes and folds that
// two-level choice, otherwise the whole grid's, chosen in one step (with the lede read as the first
// paragraph it kept precision ≥ 0.9 held out and the nested choice did not: bench/results/stories.md).
const familyList: [string, (s: Setting) => boolean][] = [
  ["whole grid", () => true],
  ["lead 6", (s) => s.lead === 6],
  ["no names (text 1)", (s) => s.weights.textWeight === 1],
  ["names 3 only", (s) => s.weights.entityScale === 3],
  ["no refusal of apart actors", (s) => !s.apart],
  // the refusal forced, one family per mode (only the settings without local rarity have it)
  ...APART_MODES.map(
    (m) => [`refuse apart ${m}`, (s: Setting) => s.apart === m] as [string, (s: Setting) => boolean],
  ),
  // only with --caps: without a cap in the grid it is the whole grid again, computed and printed twice
  ...(CAPS.some((c) => c > 0)
    ? [["no term cap", (s: Setting) => !s.weights.termCap] as [string, (s: Setting) => boolean]]
    : []),
  ...(MIN_TERMS.some((c) => c > 0)
    ? [
        ["no shared-terms floor", (s: Setting) => !s.weights.minSharedTerms] as [
          string,
          (s: Setting) => boolean,
        ],
      ]
    : []),
  // only with --name-conflicts off,on (otherwise the whole grid again, or empty when forced)
  ...(NAME_CONFLICTS.includes(true)
    ? [["no name conflicts", (s: Setting) => !s.weights.nameConflicts] as [string, (s: Setting) => boolean]]
    : []),
  ["window 28 only", (s) => s.window !== 14],
  ["no local rarity", (s) => s.window === 0],
  ["share boost or none", (s) => s.share || s.boost === 0],
  ["lift-judged local only", (s) => s.window === 0 || s.liftAt > 0],
  [
    "small: lead 6, window 28, share boost, names 3",
    (s) => s.lead === 6 && s.window !== 14 && (s.share || s.boost === 0) && s.weights.entityScale === 3,
  ],
];
// a family the grid leaves empty (`--apart people`: no setting without the refusal) is left out
const families = familyList.filter(([, f]) => settings.some(f));
const familyName = (fi: number) => families[fi]?.[0] ?? "";
const WHOLE_GRID = !process.argv.includes("--nested");
/**
 * `--floors`: the floor the choice is made with is itself chosen on the training days, by what it
 * gives held out there (bench/lib/nested-choice.ts chooseFloor). Measured in round 9 and not the
 * default: it raised held-out precision but cost more recall than it gained.
 */
const FLOORS = process.argv.includes("--floors") ? [0.9, 0.925, 0.95, 0.975] : undefined;
// `--rule NAME` (bench/lib/nested-choice.ts ChoiceRule; `--per-day` = `--rule per-day`): how a
// setting is judged on the training days
const RULE = ruleFlag(process.argv);
const table = countTable(counts, RULE, MIN_PRECISION);
const allDays = days.map((_, di) => di);
const membersOf = (method?: ClusterMethod) =>
  families.map(([, f]) =>
    settings.map((s, si) => (f(s) && (!method || s.method === method) ? si : -1)).filter((si) => si >= 0),
  );
/** Each day's digest parameters chosen on the other days (for `train:ranker -- --clustering FILE`). */
const heldOutParams: Record<string, ReturnType<typeof paramsOf>> = {};
/** `--held FILE`: method → family → date → held-out pair counts and the setting chosen. */
const heldCounts: Record<string, Record<string, Record<string, PairCounts & { setting: string }>>> = {};
for (const method of ["average", "single-pass"] as ClusterMethod[]) {
  const fams = membersOf(method);
  const grid = leaveOneDayOut(table, fams[0] as number[], allDays, MIN_PRECISION);
  // the nested choice is a leave-one-day-out inside each of the days' folds (days² × families ×
  // settings): on the whole grid with 73 days it alone ran for hours, so it is computed only when it
  // is the choice (`--nested`) or its floor is (`--floors`)
  const nested =
    WHOLE_GRID && !FLOORS
      ? undefined
      : nestedWithFloor(table, fams, days.length, FLOORS ?? [MIN_PRECISION], MIN_PRECISION);
  const picks = nested ? nested.setting : allDays.map((di) => grid.picks.get(di) as number);
  console.log(
    `\n${method}: leave one day out (${WHOLE_GRID ? "whole grid" : "family chosen on the training days"})`,
  );
  days.forEach((day, di) => {
    const si = picks[di] as number;
    if (method === "average") heldOutParams[day.date] = paramsOf(settings[si] as Setting);
    const c = counts[si]?.[di] as PairCounts;
    const floor = FLOORS && nested ? `floor ${nested.floor[di]}, ` : "";
    const fam = WHOLE_GRID || !nested ? "" : `${floor}${familyName(nested.family[di] as number)}: `;
    console.log(
      `  ${day.date}: ${fmt(c)}   (chosen on the others: ${fam}${describe(settings[si] as Setting)})`,
    );
  });
  heldCounts[method] = {};
  for (const [fi, name] of [
    "whole grid",
    "no refusal of apart actors",
    ...APART_MODES.map((m) => `refuse apart ${m}`),
    "no name conflicts",
  ].map((n) => [families.findIndex(([f]) => f === n), n] as [number, string])) {
    // a family the grid leaves empty (`--apart`) has no held-out figure
    if (fi < 0 || (fams[fi]?.length ?? 0) === 0) continue;
    const { picks: fp } = leaveOneDayOut(table, fams[fi] as number[], allDays, MIN_PRECISION);
    const per: Record<string, PairCounts & { setting: string }> = {};
    days.forEach((day, di) => {
      const si = fp.get(di) as number;
      per[day.date] = { ...(counts[si]?.[di] as PairCounts), setting: describe(settings[si] as Setting) };
    });
    (heldCounts[method] as Record<string, unknown>)[name] = per;
  }
  const met = days.filter((_, di) => meets(counts[picks[di] as number]?.[di] as PairCounts, MIN_PRECISION));
  console.log(
    `  held out, days meeting P ≥ ${MIN_PRECISION} and F1 ≥ 0.8 (rule ${RULE}): ${met.length} of ${days.length}`,
  );
  if (nested) console.log(`  held-out pooled, family chosen on the training days: ${fmt(nested.held)}`);
  console.log(`  held-out pooled, whole grid in one step: ${fmt(grid.held)}`);
  const floor = FLOORS
    ? chooseFloor(table, fams[0] as number[], allDays, FLOORS, MIN_PRECISION)
    : MIN_PRECISION;
  const fi = WHOLE_GRID ? 0 : chooseFamily(table, fams, allDays, floor);
  const all = chooseSetting(table, fams[fi] as number[], [], floor);
  console.log(
    `  on all days: ${fmt(table.totals[all] as PairCounts)} with ${WHOLE_GRID ? "" : `floor ${floor}, ${familyName(fi)}: `}${describe(settings[all] as Setting)}`,
  );
}

// `--compare-rules`: every choice rule's leave-one-day-out figures over the whole grid, per method
// (with `--counts FILE`, seconds)
if (process.argv.includes("--compare-rules"))
  for (const rule of CHOICE_RULES) {
    const t = countTable(counts, rule, MIN_PRECISION);
    for (const method of ["average", "single-pass"] as ClusterMethod[]) {
      const { held, picks } = leaveOneDayOut(t, membersOf(method)[0] as number[], allDays, MIN_PRECISION);
      const missed = days.filter(
        (_, di) => !meets(counts[picks.get(di) as number]?.[di] as PairCounts, MIN_PRECISION),
      );
      const all = chooseSetting(t, membersOf(method)[0] as number[], [], MIN_PRECISION);
      console.log(
        `rule ${rule}, ${method}: held out ${fmt(held)}, days meeting ${days.length - missed.length} of ${days.length} (not: ${missed.map((d) => d.date).join(" ")})\n   all days: ${fmt(table.totals[all] as PairCounts)} with ${describe(settings[all] as Setting)}`,
      );
    }
  }

if (process.argv.includes("--families"))
  for (const method of [undefined, "average", "single-pass"] as (ClusterMethod | undefined)[]) {
    console.log(`\nfamilies, ${method ?? "either method"}: leave one day out`);
    membersOf(method).forEach((members, fi) => {
      const { held, picks } = leaveOneDayOut(table, members, allDays, MIN_PRECISION);
      const per = days.map((d, di) => {
        const m = prf(counts[picks.get(di) as number]?.[di] as PairCounts);
        return `${d.date.slice(2)} ${m.p.toFixed(2)}/${m.r.toFixed(2)}`;
      });
      const all = chooseSetting(table, members, [], MIN_PRECISION);
      console.log(
        `  ${familyName(fi)} (${members.length}): held-out ${fmt(held)}; all days ${fmt(table.totals[all] as PairCounts)} with ${describe(settings[all] as Setting)}\n    ${per.join(" ")}`,
      );
    });
  }

/** The all-days choice for `method` (either, when undefined): in the family chosen on all days, or the whole grid unless --nested. */
const finalChoice = (method?: ClusterMethod) => {
  const fams = membersOf(method);
  const floor =
    FLOORS && !WHOLE_GRID
      ? chooseFloor(table, fams[0] as number[], allDays, FLOORS, MIN_PRECISION)
      : MIN_PRECISION;
  const fi = WHOLE_GRID ? 0 : chooseFamily(table, fams, allDays, floor);
  return settings[chooseSetting(table, fams[fi] as number[], [], floor)] as Setting;
};
const final = finalChoice();
const foldsFile = process.argv.includes("--folds")
  ? process.argv[process.argv.indexOf("--folds") + 1]
  : undefined;
// the folds hold average-linkage choices: they stand for the digest's clustering only while the
// digest's method (the all-days choice) is average linkage too
if (foldsFile && final.method !== "average")
  throw new Error(`--folds: the digest now clusters by ${final.method}; the folds hold average linkage`);
if (foldsFile) writeFileSync(foldsFile, `${JSON.stringify(heldOutParams, null, 1)}\n`);
if (process.argv.includes("--held"))
  writeFileSync(
    process.argv[process.argv.indexOf("--held") + 1] as string,
    `${JSON.stringify(heldCounts, null, 1)}\n`,
  );
const live = finalChoice("single-pass");
console.log(`\nchosen: ${describe(final)}`);

// importance weights: the clusters of the chosen setting, ranked by each weight vector
const feats = featsByLead.get(final.lead) as ArticleFeatures[][];
const groupsOf = days.map((day, di) => {
  const m = matricesOf(final).ms[di] as Float32Array;
  const g =
    final.method === "average"
      ? averageLinkage(day.docs.length, m, final.threshold, undefined, apartOf(final, di))
      : singlePass(day.docs.length, m, final.threshold, final.merge, apartOf(final, di));
  return g.map((idx) => idx.map((k) => (feats[di] as ArticleFeatures[])[k] as ArticleFeatures));
});
const signals = groupsOf.map((groups, di) =>
  groups.map((members) =>
    importanceSignals(news, members, toSparse(centroidOf(members)), feats[di] as ArticleFeatures[]),
  ),
);
const grid: ImportanceWeights[] = [];
for (const prominence of [0, 0.5, 1, 2, 4, 8])
  for (const continuity of [0, 0.05, 0.2])
    for (const echo of [0, 0.5, 1, 2])
      for (const entitySalience of [0, 1, 2, 4])
        grid.push({ articles: 1, sources: 0, echo, entitySalience, recency: 0.5, continuity, prominence });
const hitsOf = (w: ImportanceWeights, di: number) => {
  const order = (signals[di] as ReturnType<typeof importanceSignals>[])
    .map((s, i) => ({ i, score: importance(s, w) }))
    .sort((a, b) => b.score - a.score || a.i - b.i);
  const ranked = order.map(({ i }) =>
    ((groupsOf[di] as ArticleFeatures[][])[i] as ArticleFeatures[]).map((f) => f.doc),
  );
  return frontPageHits(ranked, days[di] as LabelledDay);
};
const bestWeights = (use: (di: number) => boolean) => {
  let best = grid[0] as ImportanceWeights;
  let bestHits = -1;
  for (const w of grid) {
    const h = days.reduce((n, _, di) => n + (use(di) ? hitsOf(w, di) : 0), 0);
    if (h > bestHits) {
      bestHits = h;
      best = w;
    }
  }
  return best;
};
let heldHits = 0;
console.log("\nimportance: leave one day out (front-page stories among the first five)");
days.forEach((day, di) => {
  const w = bestWeights((d) => d !== di);
  const h = hitsOf(w, di);
  heldHits += h;
  console.log(`  ${day.date}: ${h}/5 with ${JSON.stringify(w)}`);
});
const finalWeights = bestWeights(() => true);
console.log(
  `  held-out total ${heldHits}/${5 * days.length}; chosen on all days: ${JSON.stringify(finalWeights)}`,
);

// `--write` stores every part: the digest's clustering, the live tracker's and the importance
// weights. `--write-digest-only` stores the digest's (LEARNED_METHOD, LEARNED_PARAMS) and keeps the
// live parameters and importance weights as the file has them, with the header line saying how they
// were chosen: the digest and the live tracker can then be chosen by different rules (round 13: the
// `days` rule for the digest, which loses on single pass). Each part's header line names the exact
// command that reproduces it.
if (WRITE_ALL || WRITE_DIGEST_ONLY) {
  const path = resolve(fileURLToPath(import.meta.url), "../../src/core/stories/learned-params.ts");
  const literal = (o: object) =>
    JSON.stringify(o)
      .replace(/"(\w+)":/g, "$1: ")
      .replace(/,/g, ", ")
      .replace(/\{/, "{ ")
      .replace(/\}$/, " }");
  const block = (s: Setting) => `{
  weights: ${literal(s.weights)},
  threshold: ${s.threshold},
  features: { leadSentences: ${s.lead} },
  periodBoost: ${s.boost},
  localWindowDays: ${s.window},
  localWeight: ${s.local},
  localLift: ${s.liftAt},
  shareBoost: ${s.share},${s.merge ? "\n  merge: true," : ""}${s.apart ? `\n  refuseApart: "${s.apart}",` : ""}${s.apart && s.apartBody !== undefined ? `\n  apartBodyAgreement: ${s.apartBody},` : ""}
}`;
  const chosenBy = `\`${COMMAND}\` (choice rule ${RULE}) from the labelled days ${days.map((d) => d.date).join(", ")}.`;
  const LIVE_MARKER = "/** Single pass, for live tracking";
  let liveLine = `// Live (LEARNED_LIVE_PARAMS) and importance (LEARNED_IMPORTANCE): ${chosenBy}`;
  let rest = `${LIVE_MARKER} (one article at a time). */
export const LEARNED_LIVE_PARAMS: ClusterParams = ${block(live)};

export const LEARNED_IMPORTANCE: ImportanceWeights = ${literal(finalWeights)};
`;
  if (WRITE_DIGEST_ONLY) {
    const old = readFileSync(path, "utf8");
    const at = old.indexOf(LIVE_MARKER);
    if (at < 0) throw new Error(`--write-digest-only: no "${LIVE_MARKER}" in ${path} to keep`);
    rest = old.slice(at);
    const kept = old.match(/^\/\/ Live \(LEARNED_LIVE_PARAMS\).*$/m)?.[0];
    // a file written before the parts had their own lines: one `--write` chose every part, on the
    // days its header lists; that header names no rule, so the default one (pooled), with which the
    // last such file (round 11, stories9 in bench/results/stories.md) was written
    const before = old.match(
      /written by `([^`]+)`\n\/\/ \(bench\/tune-stories\.ts\) from the labelled days ([^;]+);/,
    );
    if (kept) liveLine = kept;
    else if (before)
      liveLine = `// Live (LEARNED_LIVE_PARAMS) and importance (LEARNED_IMPORTANCE): \`${before[1]}\` (choice rule pooled) from the labelled days ${before[2]}.`;
    else throw new Error(`--write-digest-only: ${path} does not say how its live parameters were chosen`);
  }
  writeFileSync(
    path,
    `// The clustering and importance parameters in use, chosen by bench/tune-stories.ts on the labelled
// days (bench/data/stories/); leave-one-day-out figures in bench/results/stories.md. Do not edit by
// hand: re-run the command each part names (\`--counts FILE\` from a \`--dump FILE\` run of the same
// grid chooses the same, in minutes).
// Digest (LEARNED_METHOD, LEARNED_PARAMS): ${chosenBy}
${liveLine}
import type { ClusterMethod, ClusterParams } from "./cluster.ts";
import type { ImportanceWeights } from "./importance.ts";

export const LEARNED_METHOD: ClusterMethod = ${JSON.stringify(final.method)};

export const LEARNED_PARAMS: ClusterParams = ${block(final)};

${rest}`,
  );
  console.log(`\nwrote ${path}${WRITE_DIGEST_ONLY ? " (digest only)" : ""}`);
}
