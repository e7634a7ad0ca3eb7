// The platforms' chrome, in French and English: the app's description as Slack and Discord list it,
// the console's welcome and goodbye, the "post to channel" button, the truncation notes. Over the
// commands' catalog.

import { type CommandMessages, commandMessages } from "../../commands/messages.ts";
import type { Locale } from "../core/i18n/messages.ts";

const fr = {
  appDescription: "Réponses citées, recherches et articles sur votre corpus d'actualités.",
  rootDescription: "newsbot : réponses citées, recherches et articles",
  // rendering
  truncated: "… (réponse tronquée : trop longue pour un message)",
  continued: "(suite)",
  publishButton: "Publier dans le canal",
  moreButton: "Plus de résultats",
  feedbackUpButton: "👍",
  feedbackDownButton: "👎",
  // console
  consoleWelcome: (root: string, count: number) =>
    `newsbot — ${count} articles chargés. Tapez /${root} help pour l'aide, « quit » pour quitter.`,
  consoleBye: "Au revoir.",
  startedSlackHttp: (port: number) => `Slack : en écoute sur le port ${port} (/slack/events).`,
  startedSlackSocket: "Slack : connecté en Socket Mode.",
  startedDiscord: (tag: string) => `Discord : connecté en tant que ${tag}.`,
};

type AdapterOwn = typeof fr;

const en: AdapterOwn = {
  appDescription: "Cited answers, searches and articles over your news corpus.",
  rootDescription: "newsbot: cited answers, searches and articles",
  truncated: "… (reply truncated: too long for one message)",
  continued: "(continued)",
  publishButton: "Post to channel",
  moreButton: "More results",
  feedbackUpButton: "👍",
  feedbackDownButton: "👎",
  consoleWelcome: (root, count) =>
    `newsbot — ${count} articles loaded. Type /${root} help for help, “quit” to leave.`,
  consoleBye: "Goodbye.",
  startedSlackHttp: (port) => `Slack: listening on port ${port} (/slack/events).`,
  startedSlackSocket: "Slack: connected in Socket Mode.",
  startedDiscord: (tag) => `Discord: logged in as ${tag}.`,
};

export type AdapterMessages = CommandMessages & AdapterOwn;

const catalog: Record<Locale, AdapterMessages> = {
  fr: { ...commandMessages("fr"), ...fr },
  en: { ...commandMessages("en"), ...en },
};

export function adapterMessages(locale: Locale = "fr"): AdapterMessages {
  return catalog[locale];
}
