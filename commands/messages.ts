// The commands' wording, in French (the default) and English: input errors, help, subscriptions
// and feeds replies. Over the core's catalog, so a command reads every string it needs from here.

import type { Locale } from "../src/core/i18n/messages.ts";
import { type Messages, messages } from "../src/core/i18n/messages.ts";
import { type ChatMessages, chatMessages } from "./chat-messages.ts";

const fr = {
  commandFailed:
    "Désolé, la commande a échoué. Réessayez dans un instant ; si cela persiste, prévenez l'équipe.",
  unknownCommand: (name: string, root: string) =>
    `Commande inconnue « ${name} ». Tapez /${root} help pour la liste.`,
  noCommand: (root: string) => `Quelle commande ? Tapez /${root} help pour la liste.`,
  invalidInput: "Saisie invalide",
  invalidHint: (usage: string) => `Utilisation : ${usage}`,
  optionMissing: (name: string) => `« ${name} » est obligatoire.`,
  optionTooShort: (name: string) => `« ${name} » est vide.`,
  optionTooLong: (name: string, max: number) => `« ${name} » dépasse ${max} caractères.`,
  optionTooSmall: (name: string, min: number) => `« ${name} » doit valoir au moins ${min}.`,
  optionTooBig: (name: string, max: number) => `« ${name} » doit valoir au plus ${max}.`,
  optionNotInteger: (name: string) => `« ${name} » doit être un nombre entier.`,
  optionNotBoolean: (name: string) => `« ${name} » ne prend pas de valeur.`,
  optionBadFormat: (name: string) => `« ${name} » n'a pas le bon format.`,
  optionBadChoice: (name: string, choices: string) => `« ${name} » doit être l'un de : ${choices}.`,
  optionUnknown: (name: string) => `Option inconnue « ${name} ».`,
  rateLimited: (seconds: number) =>
    `Trop de demandes d'affilée : réessayez dans ${seconds} s (limite par personne et par minute).`,
  // help
  helpTitle: "Commandes de newsbot",
  helpIntro: (root: string) =>
    `Toutes les commandes commencent par /${root}. Les recherches ne sont visibles que par vous, sauf avec l'option « public ».`,
  helpPublicOption: "Publier la réponse dans le canal au lieu de la garder privée.",
  fromAfterTo: (from: string, to: string) =>
    `La période est à l'envers : « from » (${from}) est après « to » (${to}).`,
  // subscriptions (scheduled digests and briefings)
  optionProblem: {
    date: (name: string, value: string) =>
      `« ${name} » : « ${value} » n'est pas une date réelle (AAAA-MM-JJ, ex. 2026-01-15, ou AAAA-MM pour un mois).`,
    time: (name: string, value: string) =>
      `« ${name} » : « ${value} » n'est pas une heure (ex. 08:00, 8h30, 18h).`,
    days: (name: string, value: string) =>
      `« ${name} » : « ${value} » n'est pas une liste de jours (ex. lun-ven, mon-fri, lun,mer,ven, weekend, daily).`,
    timezone: (name: string, value: string) =>
      `« ${name} » : fuseau horaire inconnu « ${value} » (un nom IANA, ex. Europe/Paris, Asia/Ho_Chi_Minh, UTC).`,
    briefTopic: (name: string) => `« ${name} » est obligatoire pour une note de synthèse (ex. défense).`,
    words: (name: string, value: string) =>
      `« ${name} » : « ${value} » n'est pas une liste de mots (au plus 10, séparés par des virgules, ex. élections,climat).`,
  },
  subscriptionsUnavailable: "Les envois programmés ne sont pas disponibles ici (pas de base de données).",
  subscriptionsNoChannel: "Cette commande s'utilise dans un canal : c'est lui qui recevra les envois.",
  subscriptionsForbidden: (platform: string): string =>
    platform === "discord"
      ? "Il faut la permission « Gérer les salons » pour gérer les envois programmés de ce salon."
      : "Seuls les membres du canal peuvent gérer ses envois programmés : lancez la commande depuis ce canal.",
  subscriptionLimit: (max: number) => `Ce canal a déjà ${max} envois programmés : supprimez-en un d'abord.`,
  kindDigest: "revue de presse",
  kindBrief: "note de synthèse",
  subscriptionSummary: (kind: string, topic: string | undefined, when: string) =>
    `${kind}${topic ? ` « ${topic} »` : ""} — ${when}`,
  subscriptionWhen: (time: string, days: string, timezone: string) => `${time} (${timezone}), ${days}`,
  subscribedTitle: "Envoi programmé",
  subscribed: (id: number, summary: string) => `Abonnement n° ${id} créé : ${summary}.`,
  subscribedExists: (id: number, summary: string) => `Cet abonnement existe déjà (n° ${id}) : ${summary}.`,
  subscribedReenabled: (id: number, summary: string) => `Abonnement n° ${id} réactivé : ${summary}.`,
  nextRun: (when: string) => `Prochain envoi : ${when}.`,
  unsubscribed: (id: number, summary: string) => `Abonnement n° ${id} supprimé : ${summary}.`,
  unsubscribeNotFound: (id: number, root: string) =>
    `Aucun abonnement n° ${id} dans ce canal. Tapez /${root} subscriptions pour la liste.`,
  unsubscribeWhich: (root: string) =>
    `Ce canal a plusieurs abonnements : précisez lequel (/${root} unsubscribe <n°>). Tapez /${root} subscriptions pour la liste.`,
  unsubscribeNone: "Ce canal n'a aucun abonnement.",
  subscriptionsTitle: "Envois programmés de ce canal",
  subscriptionsEmpty: (root: string) =>
    `Aucun envoi programmé ici. Exemple : /${root} subscribe --time 08:00 --days lun-ven (revue de presse quotidienne).`,
  subscriptionLabel: (id: number, summary: string) => `n° ${id} — ${summary}`,
  lastDelivery: (period: string, status: string) => `Dernier envoi : ${period} (${status})`,
  noDeliveryYet: "Aucun envoi pour l'instant",
  deliveryStatus: {
    claimed: "en préparation",
    posting: "en cours d'envoi",
    done: "envoyé",
    failed: "échec",
    uncertain: "incertain",
  } as Record<string, string>,
  deliveryError: (error: string) => `erreur : ${error}`,
  uncertainDeliveries: (periods: string) =>
    `Envoi interrompu (${periods}) : il est peut-être parti, peut-être pas ; il n'est pas renvoyé automatiquement.`,
  disabled: (reason: string) =>
    `Désactivé après des échecs répétés : ${reason}. Réactivez-le en le recréant à l'identique.`,
  failingSince: (n: number) => `${n} échec(s) d'affilée`,
  reasonText: {
    channel_not_found: "canal introuvable",
    not_in_channel: "le bot n'est pas membre du canal (invitez-le)",
    is_archived: "canal archivé",
    channel_is_archived: "canal archivé",
    missing_scope: "permission Slack manquante (chat:write)",
    account_inactive: "le compte du bot est désactivé",
    invalid_auth: "jeton du bot invalide",
    token_revoked: "jeton du bot révoqué",
    "discord 10003": "salon introuvable",
    "discord 50001": "le bot n'a pas accès au salon",
    "discord 50013":
      "le bot n'a pas la permission d'écrire dans le salon (Envoyer des messages, Intégrer des liens)",
  } as Record<string, string>,
  feedsTitle: "Flux d'actualités",
  feedsUnavailable: "Les flux ne sont pas disponibles ici (pas de base de données).",
  feedsForbidden: "Il faut pouvoir gérer ce canal pour ajouter un flux.",
  feedsNone: (root: string) =>
    `Aucun flux suivi. Ajoutez-en un : /${root} feeds add https://exemple.fr/rss.xml`,
  feedLine: (id: number, name: string, url: string) => `${id}. ${name}${name === url ? "" : ` — ${url}`}`,
  feedStatus: (lastSuccess: string, added: number, duplicates: number) =>
    `dernier succès : ${lastSuccess} · articles ajoutés : ${added} · doublons écartés : ${duplicates}`,
  feedLastError: (at: string, failures: number, error: string) =>
    `dernière erreur (${at}, ${failures} de suite) : ${error}`,
  feedFailedItems: (n: number) => `articles en échec, réessayés plus tard : ${n}`,
  feedNever: "jamais",
  feedAdded: (url: string) => `Flux ajouté : ${url}. Ses nouveaux articles arriveront au prochain passage.`,
  feedExists: (url: string) => `Ce flux est déjà suivi : ${url}.`,
  feedRejected: (why: string) => `Flux refusé : ${why}`,
  feedPreviousError: (at: string, error: string) => `erreur précédente (${at}) : ${error}`,
};

type CommandOwn = typeof fr;

const en: CommandOwn = {
  commandFailed: "Sorry, the command failed. Try again in a moment; if it keeps failing, tell the team.",
  unknownCommand: (name, root) => `Unknown command “${name}”. Type /${root} help for the list.`,
  noCommand: (root) => `Which command? Type /${root} help for the list.`,
  invalidInput: "Invalid input",
  invalidHint: (usage) => `Usage: ${usage}`,
  optionMissing: (name) => `“${name}” is required.`,
  optionTooShort: (name) => `“${name}” is empty.`,
  optionTooLong: (name, max) => `“${name}” is longer than ${max} characters.`,
  optionTooSmall: (name, min) => `“${name}” must be at least ${min}.`,
  optionTooBig: (name, max) => `“${name}” must be at most ${max}.`,
  optionNotInteger: (name) => `“${name}” must be a whole number.`,
  optionNotBoolean: (name) => `“${name}” takes no value.`,
  optionBadFormat: (name) => `“${name}” is not in the right format.`,
  optionBadChoice: (name, choices) => `“${name}” must be one of: ${choices}.`,
  optionUnknown: (name) => `Unknown option “${name}”.`,
  rateLimited: (seconds) =>
    `Too many requests in a row: try again in ${seconds} s (per-person limit per minute).`,
  helpTitle: "newsbot commands",
  helpIntro: (root) =>
    `Every command starts with /${root}. Lookups are visible to you only, unless you add the “public” option.`,
  helpPublicOption: "Post the answer to the channel instead of keeping it private.",
  fromAfterTo: (from, to) => `The period is backwards: “from” (${from}) is after “to” (${to}).`,
  optionProblem: {
    date: (name, value) =>
      `“${name}”: “${value}” is not a real date (YYYY-MM-DD, e.g. 2026-01-15, or YYYY-MM for a month).`,
    time: (name, value) => `“${name}”: “${value}” is not a time of day (e.g. 08:00, 8:30, 18h).`,
    days: (name, value) =>
      `“${name}”: “${value}” is not a list of days (e.g. mon-fri, mon,wed,fri, weekend, daily).`,
    timezone: (name, value) =>
      `“${name}”: unknown time zone “${value}” (an IANA name, e.g. Europe/Paris, Asia/Ho_Chi_Minh, UTC).`,
    briefTopic: (name) => `“${name}” is required for a briefing (e.g. défense).`,
    words: (name, value) =>
      `“${name}”: “${value}” is not a list of words (at most 10, comma-separated, e.g. elections,climate).`,
  },
  subscriptionsUnavailable: "Scheduled posts are not available here (no database).",
  subscriptionsNoChannel: "Use this command in a channel: that channel receives the posts.",
  subscriptionsForbidden: (platform) =>
    platform === "discord"
      ? "You need the Manage Channels permission to manage this channel's scheduled posts."
      : "Only the channel's members can manage its scheduled posts: run the command from that channel.",
  subscriptionLimit: (max) => `This channel already has ${max} scheduled posts: remove one first.`,
  kindDigest: "news digest",
  kindBrief: "briefing",
  subscriptionSummary: (kind, topic, when) => `${kind}${topic ? ` “${topic}”` : ""} — ${when}`,
  subscriptionWhen: (time, days, timezone) => `${time} (${timezone}), ${days}`,
  subscribedTitle: "Scheduled post",
  subscribed: (id, summary) => `Subscription #${id} created: ${summary}.`,
  subscribedExists: (id, summary) => `This subscription already exists (#${id}): ${summary}.`,
  subscribedReenabled: (id, summary) => `Subscription #${id} turned back on: ${summary}.`,
  nextRun: (when) => `Next post: ${when}.`,
  unsubscribed: (id, summary) => `Subscription #${id} removed: ${summary}.`,
  unsubscribeNotFound: (id, root) =>
    `No subscription #${id} in this channel. Type /${root} subscriptions for the list.`,
  unsubscribeWhich: (root) =>
    `This channel has several subscriptions: say which (/${root} unsubscribe <id>). Type /${root} subscriptions for the list.`,
  unsubscribeNone: "This channel has no subscription.",
  subscriptionsTitle: "This channel's scheduled posts",
  subscriptionsEmpty: (root) =>
    `No scheduled post here. Example: /${root} subscribe --time 08:00 --days mon-fri (a daily news digest).`,
  subscriptionLabel: (id, summary) => `#${id} — ${summary}`,
  lastDelivery: (period, status) => `Last post: ${period} (${status})`,
  noDeliveryYet: "No post yet",
  deliveryStatus: {
    claimed: "being prepared",
    posting: "being posted",
    done: "sent",
    failed: "failed",
    uncertain: "uncertain",
  },
  deliveryError: (error) => `error: ${error}`,
  uncertainDeliveries: (periods) =>
    `Post interrupted (${periods}): it may or may not have gone out; it is not re-sent automatically.`,
  disabled: (reason) =>
    `Disabled after repeated failures: ${reason}. Turn it back on by creating it again, identical.`,
  failingSince: (n) => `${n} failure(s) in a row`,
  reasonText: {
    channel_not_found: "channel not found",
    not_in_channel: "the bot is not in the channel (invite it)",
    is_archived: "channel archived",
    channel_is_archived: "channel archived",
    missing_scope: "missing Slack scope (chat:write)",
    account_inactive: "the bot's account is deactivated",
    invalid_auth: "invalid bot token",
    token_revoked: "bot token revoked",
    "discord 10003": "channel not found",
    "discord 50001": "the bot cannot access the channel",
    "discord 50013": "the bot may not post in the channel (Send Messages, Embed Links)",
  },
  feedsTitle: "News feeds",
  feedsUnavailable: "Feeds are not available here (no database).",
  feedsForbidden: "You need to be able to manage this channel to add a feed.",
  feedsNone: (root) => `No feed followed yet. Add one: /${root} feeds add https://example.com/rss.xml`,
  feedLine: (id, name, url) => `${id}. ${name}${name === url ? "" : ` — ${url}`}`,
  feedStatus: (lastSuccess, added, duplicates) =>
    `last success: ${lastSuccess} · articles added: ${added} · duplicates skipped: ${duplicates}`,
  feedLastError: (at, failures, error) => `last error (${at}, ${failures} in a row): ${error}`,
  feedFailedItems: (n) => `articles that failed, retried later: ${n}`,
  feedNever: "never",
  feedAdded: (url) => `Feed added: ${url}. Its new articles arrive with the next poll.`,
  feedExists: (url) => `This feed is already followed: ${url}.`,
  feedRejected: (why) => `Feed refused: ${why}`,
  feedPreviousError: (at, error) => `previous error (${at}): ${error}`,
};

export type CommandMessages = Messages & CommandOwn & ChatMessages;

const catalog: Record<Locale, CommandMessages> = {
  fr: { ...messages("fr"), ...fr, ...chatMessages("fr") },
  en: { ...messages("en"), ...en, ...chatMessages("en") },
};

export function commandMessages(locale: Locale = "fr"): CommandMessages {
  return catalog[locale];
}
