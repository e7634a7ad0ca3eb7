// Screen (round 21, stories26): every false merge of the clustering in use on all labelled days,
// by the link that made it. Each bot story holding articles of two or more labelled stories is cut
// into its labelled parts; each pair of parts (A, B) costs |A| × |B| false pairs, and its link is
// the most similar pair across it. The link's evidence is written out: its similarity, the shared
// words with their share of the text cosine (a word is a name's when both articles write it inside
// a capitalised name), the names' document frequencies, the title actors, and how many other
// articles of the day give the same shared name. `--json FILE` writes the links for classifying
// offline. The causes are tallied at the end (links, false pairs, those on failing days, the days).
//   node bin/run-ts.mjs bench/screens/false-merges.ts [--live] [--name-conflicts] [--json FILE]
import { writeFileSync } from "node:fs";
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsIndex, stemLanguage } from "../../src/core/search/news-index.ts";
import { leadSentences } from "../../src/core/stories/features.ts";
import {
  averageLinkage,
  type ClusterParams,
  capitalisedRuns,
  LEARNED_LIVE_PARAMS,
  LEARNED_PARAMS,
  singlePass,
} from "../../src/core/stories/index.ts";
import { meets } from "../lib/nested-choice.ts";
import { ORANGESUM_PATH } from "../lib/orangesum.ts";
import { dayFeatures, loadLabelledDays, pairCounts } from "../lib/story-labels.ts";
import { evidenceSpread } from "../lib/thin-evidence.ts";

const LIVE = process.argv.includes("--live");
const learned: ClusterParams = LIVE ? LEARNED_LIVE_PARAMS : LEARNED_PARAMS;
// `--name-conflicts`: with SimilarityWeights.nameConflicts (round 21) on the learned parameters
const params: ClusterParams = process.argv.includes("--name-conflicts")
  ? { ...learned, weights: { ...learned.weights, nameConflicts: true } }
  : learned;
const jsonAt = process.argv.indexOf("--json");
const { articles } = await loadCorpus(ORANGESUM_PATH);
const news = createNewsIndex(articles);

/** The words of the capitalised names of a doc's title and lead (the features' lead). */
function nameTerms(doc: number): Set<string> {
  const a = news.articles[doc];
  const out = new Set<string>();
  if (!a) return out;
  const lang = stemLanguage(a.lang);
  for (const s of [a.title, ...leadSentences(a.body, params.features?.leadSentences ?? 3)])
    for (const run of capitalisedRuns(s)) for (const t of news.analyzer.terms(run, lang)) out.add(t);
  return out;
}

export interface Link {
  date: string;
  /** False pairs this link stands for (|A| × |B|). */
  pairs: number;
  /** Sizes of the two labelled parts and of the bot story. */
  sizes: [number, number, number];
  sim: number;
  /** Text cosine (after the period emphasis) and the names' part. */
  text: number;
  titles: [string, string];
  actors: [string | null, string | null];
  /** Shared words, heaviest first: word, share of the text cosine, a name's word in both, document frequency, other day articles with it. */
  shared: [string, number, boolean, number, number][];
  /** Title-word overlap (index terms of both titles). */
  titleShared: string[];
  /** Day's meeting the bound with these parameters. */
  dayMeets: boolean;
  /** Evidence spread of the link's text cosine (thin.ts). */
  spread: number;
  cause: Cause;
}

/**
 * The link's cause: `theme` — its heaviest shared word is in at least three other articles of the
 * day (the day's crisis: gilets jaunes, coronavirus); `one name` / `one word` — its text cosine
 * rests on less than two pieces of evidence (thin.ts), the heaviest a name's or a common word;
 * `several` — two or more pieces (a multi-word theme: a car show, a campaign); `none` — the two
 * parts share nothing directly (joined through a third article).
 */
type Cause = "theme" | "one name" | "one word" | "several" | "none";
const CAUSES: readonly Cause[] = ["theme", "one name", "one word", "several", "none"];

const links: Link[] = [];
let fpAll = 0;
for (const day of loadLabelledDays(news)) {
  const { feats, sim } = dayFeatures(news, day.docs, params);
  const n = feats.length;
  const groups = LIVE
    ? singlePass(n, sim, params.threshold, params.merge ?? false)
    : averageLinkage(n, sim, params.threshold);
  const c = pairCounts(
    groups.map((g) => g.map((k) => day.docs[k] as number)),
    day.gold,
  );
  fpAll += c.fp;
  const names = day.docs.map(nameTerms);
  const label = (k: number) => day.gold.get(day.docs[k] as number) ?? "";
  for (const g of groups) {
    const parts = new Map<string, number[]>();
    for (const k of g) parts.set(label(k), [...(parts.get(label(k)) ?? []), k]);
    if (parts.size < 2) continue;
    const ps = [...parts.values()];
    for (let x = 0; x < ps.length; x++)
      for (let y = x + 1; y < ps.length; y++) {
        const A = ps[x] as number[];
        const B = ps[y] as number[];
        let bi = -1;
        let bj = -1;
        let top = Number.NEGATIVE_INFINITY;
        for (const i of A)
          for (const j of B)
            if ((sim[i * n + j] as number) > top) {
              top = sim[i * n + j] as number;
              bi = i;
              bj = j;
            }
        const fa = feats[bi];
        const fb = feats[bj];
        if (!fa || !fb) continue;
        let text = 0;
        const shared: [string, number, boolean, number, number][] = [];
        for (const [t, w] of fa.vector) {
          const v = fb.vector.get(t);
          if (v === undefined) continue;
          text += w * v;
          const both = (names[bi]?.has(t) ?? false) && (names[bj]?.has(t) ?? false);
          let others = 0;
          for (let k = 0; k < n; k++) if (k !== bi && k !== bj && feats[k]?.vector.has(t)) others++;
          shared.push([t, w * v, both, news.index.docFreq(t), others]);
        }
        for (const s of shared) s[1] = text > 0 ? s[1] / text : 0;
        shared.sort((p, q) => q[1] - p[1]);
        const da = day.docs[bi] as number;
        const db = day.docs[bj] as number;
        const ta = news.titleTerms(da);
        const tb = news.titleTerms(db);
        const heaviest = shared[0];
        const spread = evidenceSpread(fa, fb);
        const cause: Cause = !heaviest
          ? "none"
          : heaviest[4] >= 3
            ? "theme"
            : spread >= 2
              ? "several"
              : heaviest[2]
                ? "one name"
                : "one word";
        links.push({
          date: day.date,
          pairs: A.length * B.length,
          sizes: [A.length, B.length, g.length],
          sim: top,
          text,
          titles: [news.articles[da]?.title ?? "", news.articles[db]?.title ?? ""],
          actors: [fa.titleActor?.name ?? null, fb.titleActor?.name ?? null],
          shared: shared.slice(0, 8).map(([t, s, b, df, o]) => [t, Math.round(s * 1000) / 1000, b, df, o]),
          titleShared: [...ta].filter((t) => tb.has(t)),
          dayMeets: meets(c, 0.9),
          spread,
          cause,
        });
      }
  }
}
console.log(`${LIVE ? "live" : "digest"}: ${links.length} links, ${fpAll} false pairs`);
for (const l of links)
  console.log(
    `${l.date} ${l.pairs}p [${l.sizes.join("/")}] sim ${l.sim.toFixed(3)} spread ${l.spread.toFixed(2)} ${l.cause}${l.dayMeets ? "" : " ✗"}\n   ${l.titles[0]}\n   ${l.titles[1]}\n   actors ${l.actors.join(" | ")}; shared ${l.shared.map(([t, s, b, df, o]) => `${t}${b ? "*" : ""}:${s.toFixed(2)}(df ${df}, +${o})`).join(" ")}`,
  );
// by cause: links, false pairs, those on days failing the bound, and those days; lone = the bot
// story is the two articles alone
console.log("\ncause: links (lone pairs) · false pairs · on failing days · failing days");
for (const cause of CAUSES) {
  const ls = links.filter((l) => l.cause === cause);
  const failing = ls.filter((l) => !l.dayMeets);
  console.log(
    `  ${cause}: ${ls.length} (${ls.filter((l) => l.sizes[2] === 2).length}) · ${ls.reduce((s, l) => s + l.pairs, 0)} · ${failing.reduce((s, l) => s + l.pairs, 0)} · ${new Set(failing.map((l) => l.date)).size}`,
  );
}
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1] as string, JSON.stringify(links));
