// Why a feed address is refused, in French and English (over the commands' catalog, since
// `/news feeds add` shows these reasons).

import { type CommandMessages, commandMessages } from "../../commands/messages.ts";
import type { Locale } from "../core/i18n/messages.ts";

const fr = {
  feedProblem: {
    empty: () => "adresse vide : donnez l’URL du flux RSS ou Atom",
    tooLong: () => "adresse trop longue (2 048 caractères au plus)",
    invalid: (raw: string) => `adresse invalide : ${raw}`,
    scheme: () => "seules les adresses http:// et https:// sont acceptées",
    credentials: () => "une adresse de flux ne doit pas contenir d’identifiants",
    privateHost: (host: string) => `hôte non autorisé (réseau privé ou local) : ${host}`,
    probe: (detail: string) => `ce n’est pas un flux lisible (${detail})`,
  },
};

type IngestOwn = typeof fr;

const en: IngestOwn = {
  feedProblem: {
    empty: () => "empty address: give the URL of the RSS or Atom feed",
    tooLong: () => "address too long (2,048 characters at most)",
    invalid: (raw) => `not a valid address: ${raw}`,
    scheme: () => "only http:// and https:// addresses are accepted",
    credentials: () => "a feed address must not contain credentials",
    privateHost: (host) => `host not allowed (private or local network): ${host}`,
    probe: (detail) => `not a readable feed (${detail})`,
  },
};

export type IngestMessages = CommandMessages & IngestOwn;

const catalog: Record<Locale, IngestMessages> = {
  fr: { ...commandMessages("fr"), ...fr },
  en: { ...commandMessages("en"), ...en },
};

export function ingestMessages(locale: Locale = "fr"): IngestMessages {
  return catalog[locale];
}
