// What the writer is asked: the question (or a story) and the numbered passages, each as its
// title, date and text — exactly what the verification checks the draft against. The prompt asks
// for the question's language, a `[n]` after each sentence, names, figures and dates only as the
// passages give them, and one fixed sentence when the passages do not answer.
import type { ChatMessage } from "./ports.ts";

export interface Passage {
  /** The article it comes from (position in the index). */
  readonly doc: number;
  /** Verbatim text from the article: what is quoted as the citation. */
  readonly quote: string;
  /** The passage as sent to the model: title, date and quote. */
  readonly sent: string;
}

export const NO_ANSWER = {
  fr: "Les passages ne le disent pas.",
  en: "The passages do not say.",
} as const;

const LANGUAGE = { fr: "French", en: "English" } as const;

export function passageText(title: string, date: string | undefined, quote: string): string {
  return `${title}${date ? ` (${date})` : ""}\n${quote}`;
}

const numbered = (passages: readonly Passage[]) =>
  passages.map((p, i) => `[${i + 1}] ${p.sent}`).join("\n\n");

export function answerMessages(
  question: string,
  lang: "fr" | "en",
  passages: readonly Passage[],
): ChatMessage[] {
  return [
    {
      role: "system",
      content: [
        "You answer questions about news using only the numbered passages you are given.",
        `Answer in ${LANGUAGE[lang]}, in one to three short sentences.`,
        "End every sentence with the numbers of the passages it comes from, in square brackets, like [1] or [1, 3].",
        "Write names, numbers and dates exactly as the passages give them; add nothing the passages do not say.",
        `If the passages do not answer the question, reply exactly: ${NO_ANSWER[lang]}`,
      ].join("\n"),
    },
    { role: "user", content: `Question: ${question}\n\nPassages:\n${numbered(passages)}` },
  ];
}

export function summaryMessages(lang: "fr" | "en", passages: readonly Passage[]): ChatMessage[] {
  return [
    {
      role: "system",
      content: [
        "You summarise one news story from the numbered passages you are given, which all report it.",
        `Write one or two short sentences in ${LANGUAGE[lang]}: what happened, who, when, with the key figure if any.`,
        "End every sentence with the numbers of the passages it comes from, in square brackets, like [1] or [1, 2].",
        "Write names, numbers and dates exactly as the passages give them; add nothing the passages do not say.",
        `If the passages do not make one story, reply exactly: ${NO_ANSWER[lang]}`,
      ].join("\n"),
    },
    { role: "user", content: `Passages:\n${numbered(passages)}` },
  ];
}
