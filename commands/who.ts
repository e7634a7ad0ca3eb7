// `/news who <name>`: what the articles say about a person — roles, with dates and sources, the
// articles naming them ten a page (people's names are autocompleted on Discord).
import { z } from "zod";
import { whoIs } from "../src/core/entities/who.ts";
import { formatArticleDate } from "../src/core/i18n/format-date.ts";
import { reply } from "../src/core/reply/reply.ts";
import { whoReply } from "../src/core/reply/who-reply.ts";
import { defineCommand, option, publicOption } from "./define.ts";
import { commandMessages } from "./messages.ts";
import { MAX_PAGES, paged } from "./pages.ts";

/** Articles a page (the first page also has the roles and first and last mentions). */
const WHO_PAGE = 10;

export const who = defineCommand({
  name: "who",
  description: {
    fr: "Qui est-ce ? Les rôles d'une personne selon les articles, avec les sources",
    en: "Who is it? A person's roles according to the articles, with sources",
  },
  options: z.object({
    name: option.text(
      {
        fr: "Nom de la personne (même partiel, sans accents)",
        en: "The person's name (partial, accents optional)",
      },
      { max: 100, rest: true, autocomplete: "person" },
    ),
    public: publicOption(),
  }),
  // the articles naming the person come a page at a time ("more results" for the next ones)
  run: async ({ name }, { core, locale, replyActions }) => {
    const profile = whoIs(await core.source.person(name), name, { maxArticles: WHO_PAGE * MAX_PAGES });
    if (!profile) return whoReply(profile, name, locale);
    const title = commandMessages(locale).whoTitle(profile.name);
    return paged(
      profile.articles,
      WHO_PAGE,
      (slice, offset) =>
        offset === 0
          ? whoReply({ ...profile, articles: slice }, name, locale)
          : reply(
              [
                {
                  type: "list",
                  items: slice.map((a, i) => ({
                    text: `${offset + i + 1}. ${a.title}${a.date ? ` (${formatArticleDate(a.date, locale) ?? a.date})` : ""}`,
                    ...(a.url ? { url: a.url } : {}),
                  })),
                },
              ],
              { title },
            ),
      locale,
      replyActions !== undefined,
    );
  },
});
