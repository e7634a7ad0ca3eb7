// "Qui est X ?" is answered with X's role as the articles state it (`le ministre japonais des
// Affaires intérieures, Hayashi Yoshimasa`), the most recently stated first, when they state one.
import { type ProfileRole, whoIs } from "../entities/who.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { type Citation, MAX_QUOTE } from "./cite.ts";
import { concise } from "./quote.ts";

export interface RoleAnswer {
  readonly quote: string;
  readonly citations: Citation[];
}

/** Role answers kept per index: the names asked last (a name's answer costs 5–30 ms). */
const ROLE_ANSWERS_KEPT = 256;

/** Per index, the answers of the names asked lately, for the articles it held then. */
const roleAnswers = new WeakMap<NewsIndex, { articles: number; byName: Map<string, RoleAnswer | null> }>();

/**
 * X's role, kept for the next "Qui est X ?": reading up to 120 articles naming a well-known person
 * is the slowest part of answering (15–30 ms for `Emmanuel Macron`), and a news bot is asked
 * about the same people again and again. An index that has grown since may state a newer role,
 * so its answers are dropped then; the least recently asked names leave first.
 */
export function roleAnswer(news: NewsIndex, name: string, extraCitations: number): RoleAnswer | undefined {
  let kept = roleAnswers.get(news);
  if (!kept || kept.articles !== news.articles.length) {
    kept = { articles: news.articles.length, byName: new Map() };
    roleAnswers.set(news, kept);
  }
  const key = `${extraCitations} ${name}`;
  let answer = kept.byName.get(key);
  if (answer === undefined) {
    answer = readRoleAnswer(news, name, extraCitations) ?? null;
    if (kept.byName.size >= ROLE_ANSWERS_KEPT) kept.byName.delete(kept.byName.keys().next().value as string);
  } else kept.byName.delete(key); // re-inserted below: most recently asked last
  kept.byName.set(key, answer);
  // copies: a caller changing its answer does not change the next one
  return answer ? { quote: answer.quote, citations: answer.citations.map((c) => ({ ...c })) } : undefined;
}

function readRoleAnswer(news: NewsIndex, name: string, extraCitations: number): RoleAnswer | undefined {
  const profile = whoIs(news, name, { maxRoles: 3, scanLimit: 120 });
  if (!profile || profile.roles.length === 0) return undefined;
  const roles = [...profile.roles].sort((a, b) => (b.lastDate ?? "").localeCompare(a.lastDate ?? ""));
  const [first, ...others] = roles;
  if (!first) return undefined;
  const citation = (r: ProfileRole): Citation => ({ ...r.source, quote: r.sentence });
  const citations = [citation(first)];
  for (const r of others) {
    if (citations.length > extraCitations) break;
    if (!citations.some((c) => c.id === r.source.id)) citations.push(citation(r));
  }
  return { quote: concise([first.sentence], 0, { maxChars: MAX_QUOTE }).text, citations };
}
