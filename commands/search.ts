// `/news search <terms>`: the articles that match best, each with the sentence that matched.
import { z } from "zod";
import { searchReply } from "../src/core/reply/lookup-replies.ts";
import { defineCommand, option, publicOption } from "./define.ts";

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
        { fr: "Nombre d'articles (1 à 10, 5 par défaut)", en: "How many articles (1 to 10, default 5)" },
        {
          min: 1,
          max: 10,
        },
      )
      .optional(),
    public: publicOption(),
  }),
  run: ({ terms, limit }, { core, locale }) =>
    searchReply(core.search(terms, { limit: limit ?? 5 }), terms, locale),
});
