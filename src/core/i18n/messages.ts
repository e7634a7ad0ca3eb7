// Every sentence the core itself produces, in French (the default) and English: answers and
// lookups, their titles, digests, briefings and `who`, the "nothing new" of a scheduled post. The
// layers above keep their own catalogs over this one (commands, configuration, ingestion,
// adapters, start-up), so a wording changes in the catalog of the layer that says it.

export type Locale = "fr" | "en";

const fr = {
  // answers and lookups
  noAnswer: "Les articles ne permettent pas de répondre à cette question.",
  emptyQuestion: "La question est vide ou ne contient aucun mot significatif.",
  noResults: "Aucun article ne correspond à cette recherche.",
  articleNotFound: (id: string) => `Aucun article avec l'identifiant « ${id} ».`,
  ambiguousArticle: (id: string) => `Plusieurs articles commencent par « ${id} » : précisez l'identifiant.`,
  undated: "sans date",
  source: "Source",
  sources: "Sources",
  // titles and lines of the lookups
  answerTitle: "Réponse",
  noAnswerTitle: "Pas de réponse",
  confidence: (percent: number) => `Confiance : ${percent} %`,
  searchTitle: (query: string) => `Recherche : « ${query} »`,
  resultCount: (n: number) => (n <= 1 ? `${n} article` : `${n} articles`),
  articleId: (id: string) => `id : ${id}`,
  errorTitle: "Oups",
  scheduledNothingNew: "Rien de nouveau depuis la dernière revue de presse.",
  scheduledNothingNewTopic: (topic: string) =>
    `Rien de nouveau sur « ${topic} » depuis la dernière revue de presse.`,
  scheduledBriefNothingNew: (topic: string) =>
    `Rien de nouveau sur « ${topic} » depuis la dernière note de synthèse.`,
  // digests, briefings and who
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
  /** The tail of minor stories, one line: `Aussi : A · B · C (et 12 autres)`. */
  alsoLine: (titles: readonly string[], more: number) =>
    `Aussi : ${titles.join(" · ")}${more > 0 ? ` (et ${more} autre${more > 1 ? "s" : ""})` : ""}`,
  // a model-written answer
  writtenBy: (model: string) =>
    `Rédigé par le modèle ${model} à partir des passages cités ; chaque nom, chiffre et date y a été vérifié.`,
  citedPassages: "Passages cités",
  // digests posted as one message and a thread
  firstDigestEmpty: (from: string, to: string, topic?: string) =>
    `Première revue de presse de ce canal${topic ? ` sur « ${topic} »` : ""} : aucun article paru du ${from} au ${to}. La prochaine couvrira ce qui paraîtra d'ici là.`,
  digestMore: (n: number) => `${n} autre${n > 1 ? "s" : ""} sujet${n > 1 ? "s" : ""} dans le fil ↓`,
  digestCompactMore: (n: number, root: string) =>
    `${n} autre${n > 1 ? "s" : ""} sujet${n > 1 ? "s" : ""} : /${root} digest`,
  digestThreadName: (title: string) => title,
};

export type Messages = typeof fr;

const en: Messages = {
  noAnswer: "The articles do not answer this question.",
  emptyQuestion: "The question is empty or has no meaningful word.",
  noResults: "No article matches this search.",
  articleNotFound: (id) => `No article with id “${id}”.`,
  ambiguousArticle: (id) => `Several articles start with “${id}”: give more of the id.`,
  undated: "undated",
  source: "Source",
  sources: "Sources",
  answerTitle: "Answer",
  noAnswerTitle: "No answer",
  confidence: (percent) => `Confidence: ${percent}%`,
  searchTitle: (query) => `Search: “${query}”`,
  resultCount: (n) => (n === 1 ? "1 article" : `${n} articles`),
  articleId: (id) => `id: ${id}`,
  errorTitle: "Oops",
  scheduledNothingNew: "Nothing new since the last digest.",
  scheduledNothingNewTopic: (topic) => `Nothing new on “${topic}” since the last digest.`,
  scheduledBriefNothingNew: (topic) => `Nothing new on “${topic}” since the last briefing.`,
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
  alsoLine: (titles, more) => `Also: ${titles.join(" · ")}${more > 0 ? ` (and ${more} more)` : ""}`,
  writtenBy: (model) =>
    `Written by the model ${model} from the cited passages; every name, figure and date was checked in them.`,
  citedPassages: "Cited passages",
  firstDigestEmpty: (from, to, topic) =>
    `This channel's first digest${topic ? ` on “${topic}”` : ""}: no article published from ${from} to ${to}. The next one covers what comes out until then.`,
  digestMore: (n) => `${n} more stor${n > 1 ? "ies" : "y"} in the thread ↓`,
  digestCompactMore: (n, root) => `${n} more stor${n > 1 ? "ies" : "y"}: /${root} digest`,
  digestThreadName: (title) => title,
};

const catalog: Record<Locale, Messages> = { fr, en };

export function messages(locale: Locale = "fr"): Messages {
  return catalog[locale];
}
