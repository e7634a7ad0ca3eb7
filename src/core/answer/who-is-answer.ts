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

export function roleAnswer(news: NewsIndex, name: string, extraCitations: number): RoleAnswer | undefined {
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
