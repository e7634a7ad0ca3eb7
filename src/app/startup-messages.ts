// What start-up says, in French and English: the corpus problems, which platforms and schedules
// started, and what to do when one cannot. Over the adapters' and the configuration's catalogs.

import { type AdapterMessages, adapterMessages } from "../adapters/adapter-messages.ts";
import { type ConfigMessages, configMessages } from "../config/config-messages.ts";
import type { Locale } from "../core/i18n/messages.ts";

const fr = {
  corpusProblems: (n: number) => `${n} fichier(s) du corpus ignoré(s) :`,
  corpusMissing: (paths: string) => `NEWSBOT_CORPUS : aucun corpus à cet endroit (${paths}).`,
  startedScheduler: (n: number, caughtUp: number) =>
    `Envois programmés : ${n} actif(s)${caughtUp ? `, ${caughtUp} rattrapé(s)` : ""}.`,
  schedulerUncertain: (id: number, period: string) =>
    `Envoi n° ${id} du ${period} interrompu pendant la publication : marqué incertain, non renvoyé.`,
};

type StartupOwn = typeof fr;

const en: StartupOwn = {
  corpusProblems: (n) => `${n} corpus file(s) skipped:`,
  corpusMissing: (paths) => `NEWSBOT_CORPUS: no corpus there (${paths}).`,
  startedScheduler: (n, caughtUp) =>
    `Scheduled posts: ${n} active${caughtUp ? `, ${caughtUp} caught up` : ""}.`,
  schedulerUncertain: (id, period) =>
    `Delivery of subscription #${id} for ${period} was interrupted while posting: marked uncertain, not re-sent.`,
};

export type StartupMessages = AdapterMessages & ConfigMessages & StartupOwn;

const catalog: Record<Locale, StartupMessages> = {
  fr: { ...adapterMessages("fr"), ...configMessages("fr"), ...fr },
  en: { ...adapterMessages("en"), ...configMessages("en"), ...en },
};

export function startupMessages(locale: Locale = "fr"): StartupMessages {
  return catalog[locale];
}
