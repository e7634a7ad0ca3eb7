// The people of a briefing, each with the role the articles state for them most often
// (`Emmanuel Macron — président de la République`). Roles are counted over the briefing's own
// articles first; a person they seldom introduce is looked up in the archive's articles that name
// them (as `who` does), since a name that recurs for years is introduced many times somewhere.
import type { ArticleEntities, ArticlePerson } from "../entities/article-entities.ts";
import { nameKey } from "../entities/extract.ts";
import { whoIs } from "../entities/who.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { foldText } from "../text/fold.ts";

export interface StatedRole {
  readonly role: string;
  readonly sentence: string;
  /** The article stating it (doc id of the index). */
  readonly doc: number;
  /** How many statements of the role (or of a fuller role containing it) were counted. */
  readonly count: number;
}

export interface RankedPerson {
  readonly name: string;
  readonly key: string;
  /** Most stated first; at most two. */
  readonly roles: readonly StatedRole[];
  readonly mentions: number;
  /** Docs of the briefing naming the person. */
  readonly docs: readonly number[];
  /** Stories (by rank) naming the person. */
  readonly stories: number;
}

interface Tally {
  name: string;
  key: string;
  mentions: number;
  docs: number[];
  stories: Set<number>;
  roles: Map<string, { role: string; sentence: string; doc: number; count: number }>;
}

const roleKey = (r: string) => foldText(r).replace(/\s+/g, " ").trim();

/** Whether folded `outer` holds `inner` as whole words (`president` is in `president de la republique`, not in `vice-president`). */
const containsWords = (outer: string, inner: string) =>
  ` ${outer.replace(/[-'’]/g, " ")} `.includes(` ${inner.replace(/[-'’]/g, " ")} `);

function addRoles(tally: Tally, person: ArticlePerson, doc: number): void {
  for (const r of person.roles) {
    const key = roleKey(r.role);
    const seen = tally.roles.get(key);
    if (seen) seen.count++;
    else tally.roles.set(key, { role: r.role, sentence: r.sentence, doc, count: 1 });
  }
}

/** Roles by how often they are stated; a role contained in a fuller one counts for the fuller one too. */
function rankRoles(roles: Tally["roles"]): StatedRole[] {
  const all = [...roles.entries()];
  const scored = all.map(([k, r]) => ({
    ...r,
    count: r.count + all.filter(([o]) => o !== k && containsWords(k, o)).reduce((n, [, o]) => n + o.count, 0),
  }));
  const ranked = scored.sort((a, b) => b.count - a.count || b.role.length - a.role.length);
  // the second role shown must say something the first does not
  const out: StatedRole[] = [];
  for (const r of ranked) {
    if (
      out.some(
        (o) =>
          containsWords(roleKey(o.role), roleKey(r.role)) || containsWords(roleKey(r.role), roleKey(o.role)),
      )
    )
      continue;
    out.push(r);
    if (out.length === 2) break;
  }
  return out;
}

/** Add the roles stated in the archive's articles that rank best for the person's name. */
function rolesElsewhere(
  news: NewsIndex,
  tally: Tally,
  scan: number,
  filter: ((doc: number) => boolean) | undefined,
): void {
  const profile = whoIs(news, tally.name, { scanLimit: scan, maxRoles: 6, ...(filter ? { filter } : {}) });
  if (!profile || nameKey(profile.name) !== tally.key) return;
  for (const r of profile.roles) {
    const doc = news.find(r.source.id);
    if (doc === undefined) continue;
    const key = roleKey(r.role);
    const seen = tally.roles.get(key);
    // the archive's articles include the briefing's own: the larger tally, not the sum, so a
    // statement is never counted twice (and which story ranks first cannot double one role)
    if (seen) seen.count = Math.max(seen.count, r.count);
    else tally.roles.set(key, { role: r.role, sentence: r.sentence, doc, count: r.count });
  }
}

/** Fewer statements than this in the briefing's own articles: the archive is asked too. */
const FEW_STATEMENTS = 5;

export interface PeopleOptions {
  /** The entities of a doc (memoised by the caller, who reads them for places too). */
  readonly entitiesOf: (doc: number) => ArticleEntities;
  /** People listed. Default 8. */
  readonly max?: number;
  /** Articles of the archive read for a person the briefing's articles seldom give a role. Default 25. */
  readonly lookup?: number;
  /**
   * The days the briefing covers (`YYYY-MM-DD`): roles are looked up in articles of that span,
   * since a role holds at a date (a minister of 2016 is president by 2019).
   */
  readonly period?: { readonly from: string; readonly to: string };
}

/** People of `storyDocs` (the central articles of each story, by story rank), most present first. */
export function briefingPeople(
  news: NewsIndex,
  storyDocs: readonly (readonly number[])[],
  options: PeopleOptions,
): RankedPerson[] {
  const tallies = new Map<string, Tally>();
  storyDocs.forEach((docs, story) => {
    for (const doc of docs) {
      for (const p of options.entitiesOf(doc).people) {
        let t = tallies.get(p.key);
        if (!t) {
          t = { name: p.name, key: p.key, mentions: 0, docs: [], stories: new Set(), roles: new Map() };
          tallies.set(p.key, t);
        }
        t.mentions += p.mentions;
        if (!t.docs.includes(doc)) t.docs.push(doc);
        t.stories.add(story);
        addRoles(t, p, doc);
      }
    }
  });
  // present across stories first (a name in one article of one story is an anecdote, listed last)
  const ranked = [...tallies.values()]
    .sort(
      (a, b) =>
        b.stories.size - a.stories.size ||
        b.docs.length - a.docs.length ||
        b.mentions - a.mentions ||
        a.name.localeCompare(b.name),
    )
    .slice(0, options.max ?? 8);
  const period = options.period;
  const inPeriod = period
    ? (doc: number) => {
        const date = news.articles[doc]?.date ?? "";
        return date >= period.from && date <= period.to;
      }
    : undefined;
  for (const t of ranked) {
    const statements = [...t.roles.values()].reduce((n, r) => n + r.count, 0);
    if (statements < FEW_STATEMENTS) rolesElsewhere(news, t, options.lookup ?? 25, inPeriod);
  }
  return ranked.map((t) => ({
    name: t.name,
    key: t.key,
    roles: rankRoles(t.roles),
    mentions: t.mentions,
    docs: t.docs,
    stories: t.stories.size,
  }));
}
