// The strings of the chat features (threads, follow-ups, buttons, feed channels), French and
// English, kept apart from bot-messages.ts so they can grow without touching it.
import type { Locale } from "./messages.ts";

const fr = {
  /** Shown under a follow-up's answer: the question it was read as. */
  understoodAs: (question: string) => `↪ Compris : « ${question} »`,
  didYouMean: (name: string) => `Vouliez-vous dire « ${name} » ?`,
  shownExpired:
    "Cette réponse n'est plus disponible (elle a expiré) : relancez la commande avec « public »." as string,
  firstDigestEmpty: (from: string, to: string, topic?: string) =>
    `Première revue de presse de ce canal${topic ? ` sur « ${topic} »` : ""} : aucun article paru du ${from} au ${to}. La prochaine couvrira ce qui paraîtra d'ici là.`,
  emptyMention: (root: string) =>
    `Posez une question après la mention (« Qui est … ? »), ou une commande (« search … », « ${root} help »).`,
  digestMore: (n: number) => `${n} autre${n > 1 ? "s" : ""} sujet${n > 1 ? "s" : ""} dans le fil ↓`,
  digestCompactMore: (n: number, root: string) =>
    `${n} autre${n > 1 ? "s" : ""} sujet${n > 1 ? "s" : ""} : /${root} digest`,
  digestThreadName: (title: string) => title,
  feedChannelsUnavailable: "Les flux publiés dans un canal ne sont pas disponibles ici." as string,
  feedChannelFollowed: (v: FeedChannelText) =>
    `${v.created ? "Ce canal recevra" : "Ce canal reçoit"} chaque nouvel article de ${v.feedUrl} (${describe(v, "fr")}). Les articles déjà parus ne sont pas publiés.`,
  feedChannelsHere: "Publiés dans ce canal" as string,
  feedChannelLine: (v: FeedChannelText) =>
    `${v.feedUrl} — ${describe(v, "fr")} · ${v.posted} publié${v.posted > 1 ? "s" : ""}${v.enabled ? "" : ` · désactivé (${v.disabledReason ?? "?"})`}`,
} as const;

/** A feed channel as the messages describe it. */
export interface FeedChannelText {
  readonly feedUrl: string;
  readonly filter: readonly string[];
  readonly exclude: readonly string[];
  readonly format: string;
  readonly created: boolean;
  readonly enabled: boolean;
  readonly disabledReason?: string;
  readonly posted: number;
}

function describe(v: FeedChannelText, locale: Locale): string {
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
  firstDigestEmpty: (from, to, topic) =>
    `This channel's first digest${topic ? ` on “${topic}”` : ""}: no article published from ${from} to ${to}. The next one covers what comes out until then.`,
  emptyMention: (root) =>
    `Ask a question after the mention (“Who is …?”), or a command (“search …”, “${root} help”).`,
  digestMore: (n) => `${n} more stor${n > 1 ? "ies" : "y"} in the thread ↓`,
  digestCompactMore: (n, root) => `${n} more stor${n > 1 ? "ies" : "y"}: /${root} digest`,
  digestThreadName: (title) => title,
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
