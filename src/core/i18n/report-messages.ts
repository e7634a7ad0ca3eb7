// The strings of digests, briefings and `who` replies, in French (the default) and English —
// kept apart from messages.ts so these products can change their wording on their own.
import type { Locale } from "./messages.ts";

const fr = {
  digestTitle: (period: string) => `Revue de presse — ${period}`,
  digestTopicTitle: (period: string, topic: string) => `Revue de presse « ${topic} » — ${period}`,
  period: (from?: string, to?: string) =>
    from && to
      ? from === to
        ? from
        : `du ${from} au ${to}`
      : from
        ? `depuis le ${from}`
        : to
          ? `jusqu'au ${to}`
          : "tout le corpus",
  digestEmpty: (period: string) =>
    `Rien de nouveau ${period.startsWith("du") || period.startsWith("depuis") || period.startsWith("jusqu") ? period : `le ${period}`}.`,
  digestEmptyTopic: (period: string, topic: string) =>
    `Aucun article sur « ${topic} » ${period.startsWith("du") || period.startsWith("depuis") || period.startsWith("jusqu") ? period : `le ${period}`}.`,
  digestCount: (shown: number, stories: number, articles: number) =>
    `${articles} article${articles > 1 ? "s" : ""} · ${stories} sujet${stories > 1 ? "s" : ""}${shown < stories ? ` · ${shown} affichés` : ""}`,
  sourcesCount: (n: number) => `${n} sources`,
  briefingTitle: (topic: string) => `Briefing : ${topic}`,
  briefingEmpty: (topic: string) => `Aucun article ne traite de « ${topic} ».`,
  briefingCount: (n: number, since?: string) =>
    `${n} article${n > 1 ? "s" : ""}${since ? ` depuis le ${since}` : ""}`,
  briefingAbout: (articles: number, since?: string) =>
    `${articles} article${articles > 1 ? "s" : ""} sur le sujet${since ? ` depuis le ${since}` : ""} ; ses temps forts, du plus couvert au moins couvert`,
  storySize: (n: number) => `${n} articles`,
  keyPoints: "Points clés",
  timeline: "Chronologie",
  people: "Personnes",
  figures: "Chiffres clés",
  placesAndOrgs: "Lieux et organisations",
  unresolvedDate: (text: string, why: string) => `« ${text} » (date non résolue : ${why})`,
  noReference: "article non daté",
  invalidDate: "date impossible",
  roleUnknown: "rôle non précisé",
  whoTitle: (name: string) => `Qui est ${name} ?`,
  whoUnknown: (name: string) => `Aucun article ne présente « ${name} » comme une personne.`,
  roles: "Rôles",
  articlesCount: (n: number) => `Cité dans ${n} article${n > 1 ? "s" : ""}`,
  firstMention: "Première mention",
  lastMention: "Dernière mention",
  alsoMatched: (names: string) => `Voir aussi : ${names}`,
  undated: "sans date",
};

export type ReportMessages = typeof fr;

const en: ReportMessages = {
  digestTitle: (period) => `News digest — ${period}`,
  digestTopicTitle: (period, topic) => `News digest “${topic}” — ${period}`,
  period: (from, to) =>
    from && to
      ? from === to
        ? from
        : `from ${from} to ${to}`
      : from
        ? `since ${from}`
        : to
          ? `until ${to}`
          : "the whole corpus",
  digestEmpty: (period) => `Nothing new ${/^(from|since|until)/.test(period) ? period : `on ${period}`}.`,
  digestEmptyTopic: (period, topic) =>
    `No article on “${topic}” ${/^(from|since|until)/.test(period) ? period : `on ${period}`}.`,
  digestCount: (shown, stories, articles) =>
    `${articles} article${articles > 1 ? "s" : ""} · ${stories} stor${stories > 1 ? "ies" : "y"}${shown < stories ? ` · ${shown} shown` : ""}`,
  sourcesCount: (n) => `${n} sources`,
  briefingTitle: (topic) => `Briefing: ${topic}`,
  briefingEmpty: (topic) => `No article covers “${topic}”.`,
  briefingCount: (n, since) => `${n} article${n > 1 ? "s" : ""}${since ? ` since ${since}` : ""}`,
  briefingAbout: (articles, since) =>
    `${articles} article${articles > 1 ? "s" : ""} about the topic${since ? ` since ${since}` : ""}; its main events, most covered first`,
  storySize: (n) => `${n} articles`,
  keyPoints: "Key points",
  timeline: "Timeline",
  people: "People",
  figures: "Key figures",
  placesAndOrgs: "Places and organisations",
  unresolvedDate: (text, why) => `“${text}” (date not resolved: ${why})`,
  noReference: "undated article",
  invalidDate: "impossible date",
  roleUnknown: "role not stated",
  whoTitle: (name) => `Who is ${name}?`,
  whoUnknown: (name) => `No article presents “${name}” as a person.`,
  roles: "Roles",
  articlesCount: (n) => `Named in ${n} article${n > 1 ? "s" : ""}`,
  firstMention: "First mention",
  lastMention: "Last mention",
  alsoMatched: (names) => `See also: ${names}`,
  undated: "undated",
};

const catalog: Record<Locale, ReportMessages> = { fr, en };

export function reportMessages(locale: Locale = "fr"): ReportMessages {
  return catalog[locale];
}
