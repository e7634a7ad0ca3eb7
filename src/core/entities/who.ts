// `who "<name>"`: everything the corpus says about a person — the roles the articles state
// (with the sentence and article for each, and when they were stated), the articles that name
// them, the first and last mention. The name matches without accents or case (`hoang xuan chien`),
// and a partial name finds the full one (`Véran` → `Olivier Véran`).
import type { Article, SourceRef } from "../corpus/article.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { foldText, foldTextAligned } from "../text/fold.ts";
import { sentences, splitSentences } from "../text/sentences.ts";
import { distinctRoles } from "./article-entities.ts";
import { findPeople, nameKey, type PersonMention } from "./extract.ts";

export interface ProfileRole {
  readonly role: string;
  /** How many sentences state it. */
  readonly count: number;
  readonly firstDate?: string;
  readonly lastDate?: string;
  readonly sentence: string;
  readonly source: SourceRef;
}

export interface Mention {
  readonly source: SourceRef;
  readonly sentence: string;
}

export interface PersonProfile {
  /** The full name as the articles write it. */
  readonly name: string;
  readonly roles: readonly ProfileRole[];
  /** Articles naming the person, newest first (at most `maxArticles`). */
  readonly articles: readonly SourceRef[];
  readonly articleCount: number;
  readonly firstMention: Mention;
  readonly lastMention: Mention;
  /** Other people the query also matched (`Macron` → `Brigitte Macron`). */
  readonly otherMatches: readonly string[];
}

export interface WhoOptions {
  maxArticles?: number;
  maxRoles?: number;
  /**
   * Read only the articles that rank best for the name (default: every article naming it). A quick
   * "who is" answer needs the roles, not a full census of mentions.
   */
  scanLimit?: number;
  /** Only these articles (a period, say: a role is stated as of a date). */
  filter?: (doc: number) => boolean;
}

export const sourceRef = (a: Article): SourceRef => ({
  id: a.id,
  title: a.title,
  ...(a.date ? { date: a.date } : {}),
  ...(a.url ? { url: a.url } : {}),
  ...(a.source ? { source: a.source } : {}),
});

const wordsOf = (key: string) => key.split(/[\s-]+/).filter(Boolean);

/** Does folded `text` contain the folded words `words` in a row, as whole words? */
function containsWords(text: string, words: readonly string[]): boolean {
  const phrase = words.join(" ");
  let at = text.indexOf(phrase);
  while (at >= 0) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if (
      (before === undefined || !/[\p{L}\p{N}]/u.test(before)) &&
      (after === undefined || !/[\p{L}\p{N}]/u.test(after))
    )
      return true;
    at = text.indexOf(phrase, at + 1);
  }
  return false;
}

const keyHas = (key: string, words: readonly string[]) => containsWords(key.replace(/-/g, " "), words);

export function whoIs(news: NewsIndex, name: string, options: WhoOptions = {}): PersonProfile | undefined {
  const q = wordsOf(nameKey(name).replace(/-/g, " "));
  if (q.length === 0) return undefined;
  const docs = articlesWithWords(news, name, q, options);
  if (docs.length === 0) return undefined;
  const people = peopleMatching(docs, q);
  if (people.size === 0) return undefined;
  const ranked = rankPeople(people, q);
  const [, person] = ranked[0] as [string, Seen];
  const fullWords = wordsOf(nameKey(person.name).replace(/-/g, " "));
  // articles naming the person in full (the evidence may be in one sentence, the name in others)
  const named = docs.filter((d) => person.docs.has(d.doc) || containsWords(d.spaced, fullWords));
  const { first, last } = firstAndLast(named);
  const newest = [...named].sort((a, b) => (b.article.date ?? "").localeCompare(a.article.date ?? ""));
  return {
    name: person.name,
    roles: profileRoles(person.roles, options.maxRoles ?? 6),
    articles: newest.slice(0, options.maxArticles ?? 20).map((d) => sourceRef(d.article)),
    articleCount: named.length,
    firstMention: mentionIn(first, person, fullWords),
    lastMention: mentionIn(last, person, fullWords),
    // other people the words matched, not longer spellings of the same name (`Areva d'Edouard Philippe`)
    otherMatches: ranked
      .filter(([k]) => !containsWords(k.replace(/-/g, " "), fullWords))
      .slice(0, 5)
      .map(([, p]) => p.name),
  };
}

interface MatchedArticle {
  readonly doc: number;
  readonly article: Article;
  /** The body folded once, hyphens as spaces, for the whole-word tests. */
  readonly spaced: string;
  /** Whether `spaced` has one character per character of the body (see foldTextAligned). */
  readonly aligned: boolean;
}

/** One person the query's words matched, with what the articles say of them. */
interface Seen {
  name: string;
  mentions: number;
  docs: Set<number>;
  roles: { role: string; sentence: string; article: Article }[];
  /** The first sentence naming them in each article. */
  mentionsIn: { article: Article; sentence: string }[];
}

/**
 * Every article holding all the name's index terms, then the exact words, accent-insensitive: the
 * index narrows the scan, the word test removes stemming's near misses.
 */
function articlesWithWords(
  news: NewsIndex,
  name: string,
  q: readonly string[],
  options: WhoOptions,
): MatchedArticle[] {
  const terms = news.analyzer.terms(name, "fr");
  if (terms.length === 0) return [];
  const hits = news.index.search(
    terms.map((t) => [t]),
    { limit: options.scanLimit ?? news.articles.length, filter: options.filter },
  );
  const docs: MatchedArticle[] = [];
  for (const h of hits) {
    const article = news.articles[h.doc];
    if (!article) continue;
    const { folded, aligned } = foldTextAligned(article.body);
    const spaced = folded.replace(/-/g, " ");
    if (containsWords(spaced, q)) docs.push({ doc: h.doc, article, spaced, aligned });
  }
  return docs;
}

/** Every place `phrase` starts in `text`, in order (overlapping ones too, as containsWords tries them). */
function occurrences(text: string, phrase: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) at.push(i);
  return at;
}

/** The index of the first of `sorted` at or after `x` (`sorted.length` when none). */
function firstAtOrAfter(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The people whose name holds the query's words, found in the sentences that hold them. */
function peopleMatching(docs: readonly MatchedArticle[], q: readonly string[]): Map<string, Seen> {
  const people = new Map<string, Seen>();
  // a name holding the words as whole words is held by every longer run ending with it
  const within = (runKey: string) => keyHas(runKey, q);
  const phrase = q.join(" ");
  for (const { doc, article, spaced, aligned } of docs) {
    // where the words stand in a row in the folded body: a sentence holding none of these places
    // cannot hold them (the body scanned once, not sentence by sentence; `aligned` only)
    const at = aligned ? occurrences(spaced, phrase) : [];
    for (const span of splitSentences(article.body)) {
      if (aligned) {
        const first = at[firstAtOrAfter(at, span.start)];
        if (first === undefined || first + phrase.length > span.end) continue;
      }
      const s = article.body.slice(span.start, span.end);
      // the sentence's fold is a slice of the body's when the fold kept every offset
      const fs = aligned ? spaced.slice(span.start, span.end) : foldText(s).replace(/-/g, " ");
      if (!containsWords(fs, q)) continue;
      for (const p of findPeople(s, article.body, undefined, within)) {
        if (keyHas(p.key, q)) notePerson(people, p, doc, article, s);
      }
    }
  }
  return people;
}

function notePerson(
  people: Map<string, Seen>,
  p: PersonMention,
  doc: number,
  article: Article,
  sentence: string,
): void {
  let e = people.get(p.key);
  if (!e) {
    e = { name: p.name, mentions: 0, docs: new Set(), roles: [], mentionsIn: [] };
    people.set(p.key, e);
  }
  e.mentions++;
  if (!e.docs.has(doc)) e.mentionsIn.push({ article, sentence });
  e.docs.add(doc);
  if (p.role) e.roles.push({ role: p.role, sentence, article });
}

/** The person meant first: an exact full-name match, else the one named in most articles. */
function rankPeople(people: ReadonlyMap<string, Seen>, q: readonly string[]): [string, Seen][] {
  const exactKey = q.join(" ");
  return [...people.entries()].sort(
    (a, b) =>
      Number(b[0].replace(/-/g, " ") === exactKey) - Number(a[0].replace(/-/g, " ") === exactKey) ||
      b[1].docs.size - a[1].docs.size ||
      b[1].mentions - a[1].mentions,
  );
}

/** The first and last dated articles (undated ones only when none is dated). */
function firstAndLast(named: readonly MatchedArticle[]): { first: MatchedArticle; last: MatchedArticle } {
  const byDate = [...named].sort((a, b) =>
    (a.article.date ?? "9999").localeCompare(b.article.date ?? "9999"),
  );
  const dated = byDate.filter((d) => d.article.date);
  return {
    first: (dated[0] ?? byDate[0]) as MatchedArticle,
    last: (dated[dated.length - 1] ?? byDate[byDate.length - 1]) as MatchedArticle,
  };
}

/** The sentence naming the person in an article: one already seen, else the first with the full name. */
function mentionIn(d: MatchedArticle, person: Seen, fullWords: readonly string[]): Mention {
  const known = person.mentionsIn.find((m) => m.article === d.article);
  const sentence =
    known?.sentence ??
    sentences(d.article.body).find((s) => containsWords(foldText(s).replace(/-/g, " "), fullWords)) ??
    "";
  return { source: sourceRef(d.article), sentence };
}

/** Roles grouped by wording, most stated first, with the period they were stated in. */
function profileRoles(stated: Seen["roles"], maxRoles: number): ProfileRole[] {
  const groups = new Map<
    string,
    { role: string; sentence: string; article: Article; count: number; dates: string[] }
  >();
  for (const r of stated) {
    const k = foldText(r.role).replace(/\s+/g, " ");
    const g = groups.get(k);
    if (g) {
      g.count++;
      if (r.article.date) g.dates.push(r.article.date);
    } else groups.set(k, { ...r, count: 1, dates: r.article.date ? [r.article.date] : [] });
  }
  return distinctRoles(
    [...groups.values()].sort((a, b) => b.count - a.count || b.role.length - a.role.length),
  )
    .slice(0, maxRoles)
    .map((g) => {
      const dates = [...g.dates].sort();
      return {
        role: g.role,
        count: g.count,
        ...(dates[0] ? { firstDate: dates[0] } : {}),
        ...(dates.length ? { lastDate: dates[dates.length - 1] as string } : {}),
        sentence: g.sentence,
        source: sourceRef(g.article),
      };
    });
}
