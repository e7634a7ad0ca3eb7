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
// measured again without it. Round 15 (stories15, 45 days): `pastDays@ABOUT@DAYS` and
// `pastCount@ABOUT@DAYS` below, ABOUT and DAYS chosen per held-out fold on the training days (0.1 and
// 28 in every fold), each in place of `pastDays`: 145/225, ≥ 3 of 5 on 35 of 45 days, as without
// them — dropped, kept here to re-run; titleAsks and titleNumberFirst have no signal (within-day
// AUC 0.50; bench/results/stories.md, "stories15"). Round 16 (stories17, 49 days): the name-placement
// and lead-form candidates at the end, within-day AUC 0.46–0.64 against prominence's 0.70;
// `titleOpensPerson` screened: 158/245 as without it (≥ 3 of 5 on 39 days against 38) — dropped.
import { articleEntities } from "../../src/core/entities/index.ts";
import type { NewsIndex } from "../../src/core/search/news-index.ts";
import { capitalisedRuns, leadSentences } from "../../src/core/stories/features.ts";
import type { FeatureOptions, Story } from "../../src/core/stories/index.ts";
import { articleFeatures, backgroundBefore, dayNumber } from "../../src/core/stories/index.ts";
import { sentences } from "../../src/core/text/sentences.ts";

/** What a candidate sees of one story and its period. */
export interface CandidateInput {
  readonly news: NewsIndex;
  readonly story: Story;
  /** The period's articles (all stories of the day). */
  readonly period: readonly number[];
  readonly features: FeatureOptions;
}

export const CANDIDATES: Record<string, (input: CandidateInput) => number> = {};

// Persistence with its two constants as variables (`pastDays@ABOUT@DAYS`:
// on how many of the DAYS days before the period an article had cosine ≥ ABOUT to the story;
// `pastCount@ABOUT@DAYS`: how many such articles, log), to choose them on the training days only,
// and the headline's form (a question or exclamation, a title opening with a number).

const pastCache = new Map<string, { docs: readonly number[]; ages: readonly number[] }>();
/** The 28 days before the period (the ranker's background), with each article's age in days. */
function pastOf({ news, period, features }: CandidateInput) {
  let first = Number.POSITIVE_INFINITY;
  for (const d of period) {
    const date = news.articles[d]?.date;
    if (date?.length === 10) first = Math.min(first, dayNumber(date) as number);
  }
  const key = String(first);
  let hit = pastCache.get(key);
  if (!hit) {
    const docs = Number.isFinite(first) ? backgroundBefore(news, first, 28, features).docs : [];
    hit = {
      docs,
      ages: docs.map((d) => first - (articleFeatures(news, d, features).day ?? Number.NEGATIVE_INFINITY)),
    };
    pastCache.set(key, hit);
  }
  return hit;
}
function pastAbout(input: CandidateInput, about: number, days: number): number[] {
  const { docs, ages } = pastOf(input);
  const c = input.story.centroid;
  const out: number[] = [];
  docs.forEach((d, i) => {
    if ((ages[i] as number) > days) return;
    const v = articleFeatures(input.news, d, input.features).vector;
    let dot = 0;
    for (const [t, w] of v) dot += w * (c.get(t) ?? 0);
    if (dot >= about) out.push(ages[i] as number);
  });
  return out;
}
for (const about of [0.1, 0.15, 0.2, 0.25, 0.3])
  for (const days of [3, 7, 14, 28]) {
    CANDIDATES[`pastDays@${about}@${days}`] = (input) =>
      Math.log1p(new Set(pastAbout(input, about, days)).size);
    CANDIDATES[`pastCount@${about}@${days}`] = (input) => Math.log1p(pastAbout(input, about, days).length);
  }
const titleOf = ({ news, story }: CandidateInput) => news.articles[story.headline]?.title.trim() ?? "";
CANDIDATES.titleAsks = (input) => (/[?!]\s*$/u.test(titleOf(input)) ? 1 : 0);
CANDIDATES.titleNumberFirst = (input) => (/^\d/u.test(titleOf(input)) ? 1 : 0);

// Round 16 (stories17): what lifts a minor item with a famous name and what marks a hard-news
// event, from the headline article's form alone (no word list): where its names are (title or
// lead), whether the title opens on a person-like name (two or more capitalised words: the story
// is what someone said or did), how many numbers its lead gives (tolls, ages, sums), and whether
// the lead places the event in a local area the French wire way (`Beaumont-sur-Oise (Val-d'Oise)`).
const headOf = ({ news, story }: CandidateInput) => news.articles[story.headline];
const leadOf = (input: CandidateInput) => leadSentences(headOf(input)?.body ?? "", 2);
/** Log-share of the corpus's articles using the best-known name among `sentences` (as `prominence`). */
function bestKnown(news: NewsIndex, sentences: readonly string[]): number {
  let best = 0;
  for (const s of sentences)
    for (const run of capitalisedRuns(s)) {
      const terms = news.analyzer.terms(run, "fr");
      if (!terms.length) continue;
      best = Math.max(best, Math.min(...terms.map((t) => news.index.docFreq(t))));
    }
  return Math.log(1 + best) / Math.log(1 + Math.max(1, news.index.docCount));
}
CANDIDATES.titleProminence = (input) => bestKnown(input.news, [titleOf(input)]);
CANDIDATES.leadProminence = (input) => bestKnown(input.news, leadOf(input));
const personRun = (run: string) => run.split(" ").filter((w) => /^\p{Lu}/u.test(w)).length >= 2;
CANDIDATES.titlePerson = (input) => (capitalisedRuns(titleOf(input)).some(personRun) ? 1 : 0);
CANDIDATES.titleOpensPerson = (input) => {
  const t = titleOf(input);
  const first = capitalisedRuns(t)[0];
  return first && personRun(first) && t.startsWith(first.split(" ")[0] as string) ? 1 : 0;
};
CANDIDATES.leadNumbers = (input) => Math.log1p((leadOf(input).join(" ").match(/\d+/gu) ?? []).length);
CANDIDATES.leadPlace = (input) => (/\(\p{Lu}[\p{L}' -]+\)/u.test(leadOf(input).join(" ")) ? 1 : 0);
CANDIDATES.titleNameShare = (input) => {
  const t = titleOf(input);
  const words = t.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const named = capitalisedRuns(t).reduce((n, r) => n + r.split(" ").length, 0);
  return words.length ? named / words.length : 0;
};

// Round 18 (stories21): the weight of the story's actors in the days before the period, read from
// the corpus (not the labels): `pastNames@DAYS` = how many articles of the DAYS days before name the
// story's most written-about rare name (log; a name too common to tell stories apart weighs 0 in
// ArticleFeatures.entities and is not counted), `pastNameDays@DAYS` on how many of those days.
// Names, not the centroid's words (`pastDays`): an actor of an ongoing story (a minister, a
// suspect) is named in the follow-ups whose words differ.
// Screened on 57 days (`--screen pastNames@7`): 183/285, ≥ 3 of 5 on 44 days against 184 and 45
// without it, weight 0.004 — dropped (bench/results/stories.md, "stories21").
function pastNames(input: CandidateInput, days: number): { count: number; days: number } {
  const { docs, ages } = pastOf(input);
  const names = new Set<string>();
  for (const d of input.story.articles)
    for (const [e, w] of articleFeatures(input.news, d, input.features).entities) if (w > 0) names.add(e);
  const count = new Map<string, number>();
  const seen = new Map<string, Set<number>>();
  docs.forEach((d, i) => {
    const age = ages[i] as number;
    if (age > days) return;
    for (const e of articleFeatures(input.news, d, input.features).entities.keys()) {
      if (!names.has(e)) continue;
      count.set(e, (count.get(e) ?? 0) + 1);
      let s = seen.get(e);
      if (!s) {
        s = new Set();
        seen.set(e, s);
      }
      s.add(age);
    }
  });
  let best = { count: 0, days: 0 };
  for (const [e, n] of count)
    if (n > best.count) best = { count: n, days: (seen.get(e) as Set<number>).size };
  return best;
}
for (const days of [3, 7, 14, 28]) {
  CANDIDATES[`pastNames@${days}`] = (input) => Math.log1p(pastNames(input, days).count);
  CANDIDATES[`pastNameDays@${days}`] = (input) => Math.log1p(pastNames(input, days).days);
}

// Round 19 (stories23): what the headline article's body carries, read by the core's extractors
// (src/core/entities: people by role, civility or verb of saying; organisations; places after a
// preposition), not by a word list: hard news names officials with their roles, places and
// institutions, gives figures with what they count (a toll, a sum, an age) and quotes a statement;
// a remark or a celebrity item names one person. Counts are of distinct names (log), figures and
// quotes per body (log).
const bodyCache = new Map<number, ReturnType<typeof articleEntities>>();
function bodyEntities(input: CandidateInput) {
  const d = input.story.headline;
  let e = bodyCache.get(d);
  if (!e) {
    const a = input.news.articles[d];
    e = a ? articleEntities(a) : { people: [], organisations: [], places: [] };
    bodyCache.set(d, e);
  }
  return e;
}
const bodyOf = (input: CandidateInput) => headOf(input)?.body ?? "";
/** A figure and the lower-case word after it (`12 morts`, `3,5 millions`, `80 km/h`, `45 ans`). */
const FIGURE = /(?<![\p{L}\p{N}])\d+(?:[ {2}.,]\d+)*\s+\p{Ll}/gu;
/** An opening quotation mark (the French guillemet or a straight/curly double quote). */
const QUOTE_OPEN = /«|“|(?:^|\s)"/gu;
CANDIDATES.bodyPeople = (input) => Math.log1p(bodyEntities(input).people.length);
CANDIDATES.bodyOfficials = (input) =>
  Math.log1p(bodyEntities(input).people.filter((p) => p.roles.length > 0).length);
CANDIDATES.bodyPlaces = (input) => Math.log1p(bodyEntities(input).places.length);
// bodyOrgs (distinct organisations of the body, log) was screened here (201/305, ≥ 3 of 5 on 50 of
// 61 days against 196 and 48) and chosen: now in rank-features.ts (body-reading.ts), its screen
// `--drop bodyOrgs`.
CANDIDATES.bodyFigures = (input) => Math.log1p((bodyOf(input).match(FIGURE) ?? []).length);
CANDIDATES.bodyQuotes = (input) => Math.log1p((bodyOf(input).match(QUOTE_OPEN) ?? []).length);
/** Distinct capitalised runs of the body (names of any kind, as ArticleFeatures reads the lead's). */
CANDIDATES.bodyNames = (input) => {
  const names = new Set<string>();
  for (const s of sentences(bodyOf(input))) for (const r of capitalisedRuns(s)) names.add(r);
  return Math.log1p(names.size);
};
