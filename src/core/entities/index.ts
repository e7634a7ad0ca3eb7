// Entities in article text: people (Vietnamese names with diacritics, Japanese names family name
// first, French names with particles) with the roles the articles state and the sentences stating
// them, organisations and places — found by general rules of news writing (role nouns,
// appositions, civilities, verbs of saying), never by lists of names — and `whoIs`, a person's
// profile across the corpus. Part of the platform-free core: it must not import platform code
// (no @slack, discord.js, node-cron, better-sqlite3, nor any adapter).
export {
  type ArticleEntities,
  type ArticlePerson,
  articleEntities,
  type Counted,
  distinctRoles,
  type RoleStatement,
} from "./article-entities.ts";
export {
  findOrganisations,
  findPeople,
  findPlaces,
  type NamedThing,
  nameKey,
  type PersonMention,
} from "./extract.ts";
export {
  type Mention,
  type PersonProfile,
  type ProfileRole,
  sourceRef,
  type WhoOptions,
  whoIs,
} from "./who.ts";
