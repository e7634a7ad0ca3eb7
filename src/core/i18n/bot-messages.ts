// The bot's own sentences — command replies, errors, help, the console, the Slack and Discord
// chrome, configuration problems — in French (the default) and English. Like `messages.ts`, this
// is the one place a wording changes; commands, adapters and the app take their strings from here.
import type { Locale } from "./messages.ts";

const fr = {
  // the app, as Slack and Discord list it
  appDescription: "Réponses citées, recherches et articles sur votre corpus d'actualités.",
  rootDescription: "newsbot : réponses citées, recherches et articles",
  // lookups
  answerTitle: "Réponse",
  noAnswerTitle: "Pas de réponse",
  confidence: (percent: number) => `Confiance : ${percent} %`,
  searchTitle: (query: string) => `Recherche : « ${query} »`,
  resultCount: (n: number) => (n <= 1 ? `${n} article` : `${n} articles`),
  articleId: (id: string) => `id : ${id}`,
  // errors
  errorTitle: "Oups",
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
  // rendering
  truncated: "… (réponse tronquée : trop longue pour un message)",
  continued: "(suite)",
  publishButton: "Publier dans le canal",
  published: "Publié dans le canal.",
  // console
  consoleWelcome: (root: string, count: number) =>
    `newsbot — ${count} articles chargés. Tapez /${root} help pour l'aide, « quit » pour quitter.`,
  consoleBye: "Au revoir.",
  // app
  corpusProblems: (n: number) => `${n} fichier(s) du corpus ignoré(s) :`,
  startedSlackHttp: (port: number) => `Slack : en écoute sur le port ${port} (/slack/events).`,
  startedSlackSocket: "Slack : connecté en Socket Mode.",
  startedDiscord: (tag: string) => `Discord : connecté en tant que ${tag}.`,
  // config
  configInvalid: "Configuration invalide :",
  configMissing: (name: string, why: string) => `${name} est obligatoire ${why}.`,
  configWhySlack: "quand l'adaptateur Slack est activé",
  configWhySlackHttp: "pour Slack en mode HTTP (sans SLACK_APP_TOKEN)",
  configWhyDiscord: "quand l'adaptateur Discord est activé",
  configWhyRegister: "pour enregistrer les commandes Discord",
  configBad: (name: string, expected: string) => `${name} est invalide : ${expected}.`,
  expectLocale: "attendu fr ou en",
  expectCommand: "attendu 1 à 32 caractères parmi a-z, 0-9, - et _",
  expectAdapters: "attendu une liste parmi console, slack, discord (séparés par des virgules)",
  expectCount: (min: number, max: number) => `attendu un nombre entier de ${min} à ${max}`,
  expectPrefix: (prefix: string) => `attendu un jeton commençant par ${prefix}`,
  expectSecret: "attendu au moins 8 caractères",
  expectSnowflake: "attendu un identifiant Discord (17 à 20 chiffres)",
  expectUrl: "attendu une URL http(s)",
  expectText: "attendu un texte non vide",
};

export type BotMessages = typeof fr;

const en: BotMessages = {
  appDescription: "Cited answers, searches and articles over your news corpus.",
  rootDescription: "newsbot: cited answers, searches and articles",
  answerTitle: "Answer",
  noAnswerTitle: "No answer",
  confidence: (percent) => `Confidence: ${percent}%`,
  searchTitle: (query) => `Search: “${query}”`,
  resultCount: (n) => (n === 1 ? "1 article" : `${n} articles`),
  articleId: (id) => `id: ${id}`,
  errorTitle: "Oops",
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
  truncated: "… (reply truncated: too long for one message)",
  continued: "(continued)",
  publishButton: "Post to channel",
  published: "Posted to the channel.",
  consoleWelcome: (root, count) =>
    `newsbot — ${count} articles loaded. Type /${root} help for help, “quit” to leave.`,
  consoleBye: "Goodbye.",
  corpusProblems: (n) => `${n} corpus file(s) skipped:`,
  startedSlackHttp: (port) => `Slack: listening on port ${port} (/slack/events).`,
  startedSlackSocket: "Slack: connected in Socket Mode.",
  startedDiscord: (tag) => `Discord: logged in as ${tag}.`,
  configInvalid: "Invalid configuration:",
  configMissing: (name, why) => `${name} is required ${why}.`,
  configWhySlack: "when the Slack adapter is enabled",
  configWhySlackHttp: "for Slack in HTTP mode (without SLACK_APP_TOKEN)",
  configWhyDiscord: "when the Discord adapter is enabled",
  configWhyRegister: "to register the Discord commands",
  configBad: (name, expected) => `${name} is invalid: ${expected}.`,
  expectLocale: "expected fr or en",
  expectCommand: "expected 1 to 32 characters among a-z, 0-9, - and _",
  expectAdapters: "expected a comma-separated list of console, slack, discord",
  expectCount: (min, max) => `expected a whole number from ${min} to ${max}`,
  expectPrefix: (prefix) => `expected a token starting with ${prefix}`,
  expectSecret: "expected at least 8 characters",
  expectSnowflake: "expected a Discord id (17 to 20 digits)",
  expectUrl: "expected an http(s) URL",
  expectText: "expected non-empty text",
};

const catalog: Record<Locale, BotMessages> = { fr, en };

export function botMessages(locale: Locale = "fr"): BotMessages {
  return catalog[locale];
}
