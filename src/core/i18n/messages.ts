// Every user-facing sentence the core produces, in French (the default) and English. Adapters
// and the CLI take their strings from here too, so a wording is changed in one place.

export type Locale = "fr" | "en";

const fr = {
  noAnswer: "Les articles ne permettent pas de répondre à cette question.",
  emptyQuestion: "La question est vide ou ne contient aucun mot significatif.",
  noResults: "Aucun article ne correspond à cette recherche.",
  articleNotFound: (id: string) => `Aucun article avec l'identifiant « ${id} ».`,
  ambiguousArticle: (id: string) => `Plusieurs articles commencent par « ${id} » : précisez l'identifiant.`,
  undated: "sans date",
  source: "Source",
  sources: "Sources",
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
};

const catalog: Record<Locale, Messages> = { fr, en };

export function messages(locale: Locale = "fr"): Messages {
  return catalog[locale];
}
