// The entities of one article (people with their roles and the sentences stating them,
// organisations, places), and the merge of several articles' people for briefings.
import type { Article } from "../corpus/article.ts";
import { foldText } from "../text/fold.ts";
import { sentences } from "../text/sentences.ts";
import { findOrganisations, findPeople, findPlaces, type PersonMention } from "./extract.ts";

export interface RoleStatement {
  /** The role as the article states it. */
  readonly role: string;
  /** The whole sentence that states it. */
  readonly sentence: string;
}

export interface ArticlePerson {
  readonly name: string;
  readonly key: string;
  readonly roles: readonly RoleStatement[];
  /** Mentions by full name in the article. */
  readonly mentions: number;
  /** The first sentence naming the person. */
  readonly firstSentence: string;
}

export interface Counted {
  readonly name: string;
  readonly key: string;
  readonly mentions: number;
}

export interface ArticleEntities {
  readonly people: readonly ArticlePerson[];
  readonly organisations: readonly Counted[];
  readonly places: readonly Counted[];
}

const roleKey = (r: string) => foldText(r).replace(/\s+/g, " ").trim();

/**
 * Roles worth showing: a role that another, fuller role of the same person contains is dropped
 * (`ministre` beside `ministre japonais des Affaires intérieures`); fuller roles first.
 */
export function distinctRoles<T extends { readonly role: string }>(roles: readonly T[]): T[] {
  const byKey = new Map<string, T>();
  for (const r of roles) if (!byKey.has(roleKey(r.role))) byKey.set(roleKey(r.role), r);
  const keys = [...byKey.keys()];
  return keys
    .filter((k) => !keys.some((o) => o !== k && o.length > k.length && o.includes(k)))
    .map((k) => byKey.get(k) as T);
}

function count(list: { name: string; key: string }[]): Counted[] {
  const m = new Map<string, { name: string; key: string; mentions: number }>();
  for (const x of list) {
    const e = m.get(x.key);
    if (e) e.mentions++;
    else m.set(x.key, { ...x, mentions: 1 });
  }
  return [...m.values()].sort((a, b) => b.mentions - a.mentions);
}

/** People, organisations and places of an article (`texts`: its sentences, when already split). */
export function articleEntities(
  article: Article,
  texts: readonly string[] = sentences(article.body),
): ArticleEntities {
  const perSentence: PersonMention[][] = texts.map((s) => findPeople(s, article.body));
  const known = new Set(perSentence.flat().map((p) => p.key));
  const people = new Map<
    string,
    { name: string; key: string; roles: RoleStatement[]; mentions: number; firstSentence: string }
  >();
  const orgs: { name: string; key: string }[] = [];
  const places: { name: string; key: string }[] = [];
  texts.forEach((s, i) => {
    // second pass: plain mentions of names the article established as people elsewhere
    const found = known.size > 0 ? findPeople(s, article.body, known) : (perSentence[i] ?? []);
    for (const p of found) {
      let e = people.get(p.key);
      if (!e) {
        e = { name: p.name, key: p.key, roles: [], mentions: 0, firstSentence: s };
        people.set(p.key, e);
      }
      e.mentions++;
      if (p.role) e.roles.push({ role: p.role, sentence: s });
    }
    orgs.push(...findOrganisations(s, found));
    places.push(...findPlaces(s, found));
  });
  return {
    people: [...people.values()].map((p) => ({ ...p, roles: distinctRoles(p.roles) })),
    organisations: count(orgs),
    places: count(places).filter((pl) => !people.has(pl.key)),
  };
}
