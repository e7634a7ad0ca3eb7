// The chat features' wording (threads, follow-ups, buttons, feed channels), French and English:
// the part of the commands' catalog (`messages.ts` merges it) that describes conversations and feed
// channels.
import type { Locale } from "../src/core/i18n/messages.ts";
import type { FeedChannelView } from "./ports.ts";

const fr = {
  /** Shown under a follow-up's answer: the question it was read as. */
  understoodAs: (question: string) => `↪ Compris : « ${question} »`,
  didYouMean: (name: string) => `Vouliez-vous dire « ${name} » ?`,
  shownExpired:
    "Cette réponse n'est plus disponible (elle a expiré) : relancez la commande avec « public »." as string,
  emptyMention: (root: string) =>
    `Posez une question après la mention (« Qui est … ? »), ou une commande (« search … », « ${root} help »).`,
  feedChannelsUnavailable: "Les flux publiés dans un canal ne sont pas disponibles ici." as string,
  feedChannelFollowed: (v: FeedChannelView) =>
    `${v.created ? "Ce canal recevra" : "Ce canal reçoit"} chaque nouvel article de ${v.feedUrl} (${describe(v, "fr")}). Les articles déjà parus ne sont pas publiés.`,
  feedChannelsHere: "Publiés dans ce canal" as string,
  feedChannelLine: (v: FeedChannelView) =>
    `${v.feedUrl} — ${describe(v, "fr")} · ${v.posted} publié${v.posted > 1 ? "s" : ""}${v.enabled ? "" : ` · désactivé (${v.disabledReason ?? "?"})`}`,
} as const;

function describe(v: FeedChannelView, locale: Locale): string {
  const fr = locale === "fr";
  const parts = [
    v.filter.length > 0
      ? `${fr ? "filtre" : "filter"} : ${v.filter.join(", ")}`
      : fr
        ? "tous les articles"
        : "every item",
    ...(v.exclude.length > 0 ? [`${fr ? "sauf" : "except"} : ${v.exclude.join(", ")}`] : []),
    `format ${v.format}`,
  ];
  return parts.join(" ; ").replace(/ : /g, fr ? " : " : ": ");
}

export type ChatMessages = { readonly [K in keyof typeof fr]: (typeof fr)[K] };

const en: ChatMessages = {
  understoodAs: (question) => `↪ Read as: “${question}”`,
  didYouMean: (name) => `Did you mean “${name}”?`,
  shownExpired: "This reply is no longer available (it expired): run the command again with “public”.",
  emptyMention: (root) =>
    `Ask a question after the mention (“Who is …?”), or a command (“search …”, “${root} help”).`,
  feedChannelsUnavailable: "Feeds posted to a channel are not available here.",
  feedChannelFollowed: (v) =>
    `${v.created ? "This channel will get" : "This channel gets"} each new item of ${v.feedUrl} (${describe(v, "en")}). Items already published are not posted.`,
  feedChannelsHere: "Posted in this channel",
  feedChannelLine: (v) =>
    `${v.feedUrl} — ${describe(v, "en")} · ${v.posted} posted${v.enabled ? "" : ` · disabled (${v.disabledReason ?? "?"})`}`,
};

export function chatMessages(locale: Locale = "fr"): ChatMessages {
  return locale === "en" ? en : fr;
}
