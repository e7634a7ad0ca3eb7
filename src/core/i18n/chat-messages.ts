// The strings of the chat features (threads, follow-ups, buttons, feed channels), French and
// English, kept apart from bot-messages.ts so they can grow without touching it.
import type { Locale } from "./messages.ts";

const fr = {
  /** Shown under a follow-up's answer: the question it was read as. */
  understoodAs: (question: string) => `↪ Compris : « ${question} »`,
  emptyMention: (root: string) =>
    `Posez une question après la mention (« Qui est … ? »), ou une commande (« search … », « ${root} help »).`,
  digestMore: (n: number) => `${n} autre${n > 1 ? "s" : ""} sujet${n > 1 ? "s" : ""} dans le fil ↓`,
  digestCompactMore: (n: number, root: string) =>
    `${n} autre${n > 1 ? "s" : ""} sujet${n > 1 ? "s" : ""} : /${root} digest`,
  digestThreadName: (title: string) => title,
} as const;

export type ChatMessages = { readonly [K in keyof typeof fr]: (typeof fr)[K] };

const en: ChatMessages = {
  understoodAs: (question) => `↪ Read as: “${question}”`,
  emptyMention: (root) =>
    `Ask a question after the mention (“Who is …?”), or a command (“search …”, “${root} help”).`,
  digestMore: (n) => `${n} more stor${n > 1 ? "ies" : "y"} in the thread ↓`,
  digestCompactMore: (n, root) => `${n} more stor${n > 1 ? "ies" : "y"}: /${root} digest`,
  digestThreadName: (title) => title,
};

export function chatMessages(locale: Locale = "fr"): ChatMessages {
  return locale === "en" ? en : fr;
}
