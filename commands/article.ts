// `/news article <id>`: one article in full, by id or a unique prefix of it (autocompleted on Discord).
import { z } from "zod";
import { articleReply } from "../src/core/reply/lookup-replies.ts";
import { defineCommand, option, publicOption } from "./define.ts";

export const article = defineCommand({
  name: "article",
  description: {
    fr: "Afficher un article (identifiant ou début d'identifiant)",
    en: "Show one article (its id or the start of it)",
  },
  options: z.object({
    id: option.text(
      { fr: "Identifiant de l'article, ex. 003", en: "The article's id, e.g. 003" },
      { max: 128, rest: true, autocomplete: "article" },
    ),
    public: publicOption(),
  }),
  run: async ({ id }, { core, locale }) => articleReply(await core.source.article(id), locale),
});
