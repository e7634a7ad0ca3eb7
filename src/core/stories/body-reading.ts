// What an article's body carries beyond its title and lead, for the ranker (rank-features.ts):
// how many distinct institutions it names — a ministry, a court, a prefecture's police, a union,
// a party, an agency — read by the core's organisation extractor (src/core/entities: a capitalised
// institution noun and its complement, no list of names). Hard news (an attack, an inquiry, a
// ruling, a reform) names the institutions acting on it; a politician's remark or a celebrity
// item names a person and few institutions. The headline words (`words`) cannot see this: the
// institutions are mostly in the body, not the title (stories23: held out by day on 61 days,
// 201/305 front-page stories against 196 without it; bench/results/stories.md).
import { createIndexCache } from "../cache/index-cache.ts";
import { findOrganisations } from "../entities/extract.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { sentences } from "../text/sentences.ts";

const counts = createIndexCache<NewsIndex, number, number>();

/** Distinct organisations (by folded name) the body of `doc` names; 0 for an unknown doc. */
export const bodyOrganisationCount = (news: NewsIndex, doc: number): number =>
  counts.get(news, doc, () => {
    const keys = new Set<string>();
    for (const s of sentences(news.articles[doc]?.body ?? ""))
      for (const o of findOrganisations(s)) keys.add(o.key);
    return keys.size;
  });
