// `/news search <terms>`: the articles that match best, each with the sentence that matched, a
// page at a time (`--limit` a page, 5 by default).
import { z } from "zod";
import { searchReply } from "../src/core/reply/lookup-replies.ts";
import type { SearchResult } from "../src/core/search/article-search.ts";
import { defineCommand, option, publicOption } from "./define.ts";
import { MAX_PAGES, paged } from "./pages.ts";

export const search = defineCommand({
  name: "search",
  description: {
    fr: "Chercher des articles par mots-clés",
    en: "Search the articles by keywords",
  },
  options: z.object({
    terms: option.text({ fr: "Les mots recherchés", en: "The words to look for" }, { max: 200, rest: true }),
    limit: option
      .integer(
        { fr: "Articles par page (1 à 10, 5 par défaut)", en: "Articles a page (1 to 10, default 5)" },
        {
          min: 1,
          max: 10,
        },
      )
      .optional(),
    public: publicOption(),
  }),
  // up to MAX_PAGES pages are found at once; those after the first are kept for "more results"
  run: async ({ terms, limit }, { core, locale, replyActions }) => {
    const size = limit ?? 5;
    const results = await core.source.search(terms, size * MAX_PAGES);
    const render = (slice: readonly SearchResult[], offset: number) =>
      searchReply(slice, terms, locale, offset);
    return paged(results, size, render, locale, replyActions !== undefined);
  },
});
