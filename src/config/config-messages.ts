// What the configuration says when a value is missing or wrong, in French and English: one line
// per problem naming the variable, what was expected, and why it is needed.

import type { Locale } from "../core/i18n/messages.ts";
import { type Messages, messages } from "../core/i18n/messages.ts";

const fr = {
  // config
  configInvalid: "Configuration invalide :",
  configMissing: (name: string, why: string) => `${name} est obligatoire ${why}.`,
  configWhySlack: "quand l'adaptateur Slack est activé",
  configWhySlackHttp: "pour Slack en mode HTTP (sans SLACK_APP_TOKEN)",
  configWhyDiscord: "quand l'adaptateur Discord est activé",
  configWhyRegister: "pour enregistrer les commandes Discord",
  configWhyRetrieval: "avec NEWSBOT_RETRIEVAL=postgres (la recherche plein texte est celle de cette base)",
  configBad: (name: string, expected: string) => `${name} est invalide : ${expected}.`,
  expectLocale: "attendu fr ou en",
  expectCommand: "attendu 1 à 32 caractères parmi a-z, 0-9, - et _",
  expectAdapters: "attendu une liste parmi console, slack, discord (séparés par des virgules)",
  expectCount: (min: number, max: number) => `attendu un nombre entier de ${min} à ${max}`,
  expectPrefix: (prefix: string) => `attendu un jeton commençant par ${prefix} suivi d'au moins un caractère`,
  expectSecret: (min: number) => `attendu au moins ${min} caractères`,
  expectSnowflake: "attendu un identifiant Discord (17 à 20 chiffres)",
  expectUrl: "attendu une URL http(s)",
  expectText: "attendu un texte non vide",
  expectTimezone: "attendu un fuseau horaire IANA, ex. Europe/Paris",
  expectOnOff: "attendu on ou off",
};

type ConfigOwn = typeof fr;

const en: ConfigOwn = {
  configInvalid: "Invalid configuration:",
  configMissing: (name, why) => `${name} is required ${why}.`,
  configWhySlack: "when the Slack adapter is enabled",
  configWhySlackHttp: "for Slack in HTTP mode (without SLACK_APP_TOKEN)",
  configWhyDiscord: "when the Discord adapter is enabled",
  configWhyRegister: "to register the Discord commands",
  configWhyRetrieval: "with NEWSBOT_RETRIEVAL=postgres (the full-text search is that database's)",
  configBad: (name, expected) => `${name} is invalid: ${expected}.`,
  expectLocale: "expected fr or en",
  expectCommand: "expected 1 to 32 characters among a-z, 0-9, - and _",
  expectAdapters: "expected a comma-separated list of console, slack, discord",
  expectCount: (min, max) => `expected a whole number from ${min} to ${max}`,
  expectPrefix: (prefix) => `expected a token starting with ${prefix} followed by at least one character`,
  expectSecret: (min) => `expected at least ${min} characters`,
  expectSnowflake: "expected a Discord id (17 to 20 digits)",
  expectUrl: "expected an http(s) URL",
  expectText: "expected non-empty text",
  expectTimezone: "expected an IANA time zone, e.g. Europe/Paris",
  expectOnOff: "expected on or off",
};

export type ConfigMessages = Messages & ConfigOwn;

const catalog: Record<Locale, ConfigMessages> = {
  fr: { ...messages("fr"), ...fr },
  en: { ...messages("en"), ...en },
};

export function configMessages(locale: Locale = "fr"): ConfigMessages {
  return catalog[locale];
}
