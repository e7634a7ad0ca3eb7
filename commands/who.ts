// `/news who <name>`: what the articles say about a person — roles, with dates and sources
// (people's names are autocompleted on Discord).
import { z } from "zod";
import { whoIs } from "../src/core/entities/who.ts";
import { whoReply } from "../src/core/reply/who-reply.ts";
import { defineCommand, option, publicOption } from "./define.ts";

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
  run: ({ name }, { core, locale }) => whoReply(whoIs(core.news, name), name, locale),
});
