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
  // feedback on answers and pages of results
  feedbackStored: (vote: "up" | "down") => `Merci : avis ${vote === "up" ? "👍" : "👎"} enregistré.`,
  feedbackChanged: (vote: "up" | "down") => `Avis modifié : ${vote === "up" ? "👍" : "👎"}.`,
  feedbackExpired:
    "Cette réponse n'est plus disponible pour un avis (elle a expiré après 24 h) : posez la question à nouveau." as string,
  feedbackNoAnswer: (root: string) =>
    `Aucune réponse récente à évaluer : posez d'abord une question (/${root} ask …).`,
  feedbackUnavailable:
    "Les avis ne sont pas enregistrés ici : ils demandent la base SQLite (pas encore avec DATABASE_URL)." as string,
  feedbackHint: (root: string) => `Votre avis : /${root} feedback up|down [commentaire]`,
  moreExpired:
    "Ces résultats ne sont plus disponibles (ils ont expiré après 24 h) : relancez la recherche." as string,
  moreNone: (root: string) => `Rien de plus à montrer : lancez d'abord une recherche (/${root} search …).`,
  moreUnavailable:
    "Les pages de résultats ne sont pas gardées ici : elles demandent la base SQLite (pas encore avec DATABASE_URL)." as string,
  moreHint: (root: string) => `Plus de résultats : /${root} more`,
  pageOf: (page: number, pages: number, from: number, to: number, total: number) =>
    `Page ${page}/${pages} · résultats ${from} à ${to} sur ${total}`,
  // the App Home tab
  homeTitle: "newsbot" as string,
  homeChannelsTitle: "Vos canaux" as string,
  homeChannelsUnknown:
    "Impossible de savoir dans quels canaux vous êtes (portées channels:read et groups:read manquantes) : tapez /news subscriptions dans un canal." as string,
  homeNothing: (root: string) =>
    `Aucun envoi programmé ni flux dans vos canaux. Dans un canal : /${root} subscribe --time 08:00, ou /${root} feeds add <url> --channel.`,
  homeManage: (root: string) =>
    `Pour modifier : dans le canal, /${root} subscriptions, /${root} unsubscribe <n°>, /${root} feeds.`,
  /** What help shows in place of an option's value, by option name (else the name itself). */
  placeholders: {
    question: "question",
    terms: "mots",
    id: "id",
    topic: "sujet",
    name: "nom",
    comment: "commentaire",
    add: "add <url>",
    time: "heure",
    timezone: "fuseau",
    days: "jours",
    from: "date",
    to: "date",
    since: "date",
    filter: "mots",
    exclude: "mots",
  } as Readonly<Record<string, string>>,
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
  feedbackStored: (vote) => `Thanks: ${vote === "up" ? "👍" : "👎"} recorded.`,
  feedbackChanged: (vote) => `Feedback changed: ${vote === "up" ? "👍" : "👎"}.`,
  feedbackExpired: "This answer can no longer be rated (it expired after 24 h): ask the question again.",
  feedbackNoAnswer: (root) => `No recent answer to rate: ask a question first (/${root} ask …).`,
  feedbackUnavailable:
    "Feedback is not recorded here: it needs the SQLite database (not yet with DATABASE_URL).",
  feedbackHint: (root) => `Your feedback: /${root} feedback up|down [comment]`,
  moreExpired: "These results are no longer available (they expired after 24 h): run the search again.",
  moreNone: (root) => `Nothing more to show: run a search first (/${root} search …).`,
  moreUnavailable:
    "Pages of results are not kept here: they need the SQLite database (not yet with DATABASE_URL).",
  moreHint: (root) => `More results: /${root} more`,
  pageOf: (page, pages, from, to, total) => `Page ${page}/${pages} · results ${from}–${to} of ${total}`,
  homeTitle: "newsbot",
  homeChannelsTitle: "Your channels",
  homeChannelsUnknown:
    "Cannot tell which channels you are in (missing channels:read and groups:read scopes): type /news subscriptions in a channel.",
  homeNothing: (root) =>
    `No scheduled post or feed in your channels. In a channel: /${root} subscribe --time 08:00, or /${root} feeds add <url> --channel.`,
  homeManage: (root) =>
    `To change them: in the channel, /${root} subscriptions, /${root} unsubscribe <id>, /${root} feeds.`,
  placeholders: {
    question: "question",
    terms: "words",
    id: "id",
    topic: "topic",
    name: "name",
    comment: "comment",
    add: "add <url>",
    time: "time",
    timezone: "time zone",
    days: "days",
    from: "date",
    to: "date",
    since: "date",
    filter: "words",
    exclude: "words",
  },
};

export function chatMessages(locale: Locale = "fr"): ChatMessages {
  return locale === "en" ? en : fr;
}
