// `/news ask <question>`: a quoted, cited answer from the articles, or an explicit "no answer".
import { z } from "zod";
import { answerReply } from "../src/core/reply/lookup-replies.ts";
import type { AnswerRecord } from "../src/core/reply/reply.ts";
import { defineCommand, option, publicOption } from "./define.ts";

export const ask = defineCommand({
  name: "ask",
  description: {
    fr: "Poser une question : réponse citée, tirée des articles",
    en: "Ask a question: a cited answer quoted from the articles",
  },
  options: z.object({
    question: option.text(
      { fr: "La question, en français ou en anglais", en: "The question, in French or English" },
      {
        max: 500,
        rest: true,
      },
    ),
    public: publicOption(),
  }),
  // offline (no model, no other retrieval configured) the answer is the synchronous one, exactly as before
  run: async ({ question }, { core, locale }) => {
    const answer =
      core.model || core.retriever ? await core.askWithModel(question, locale) : core.ask(question, locale);
    // what a 👍 / 👎 on it records (an abstention too: a missed answer is worth knowing)
    const answered: AnswerRecord = {
      question,
      answer: answer.answer,
      citations: answer.citations.map((c) => c.id),
      confidence: answer.confidence,
    };
    return { ...answerReply(answer, locale), answered };
  },
});
