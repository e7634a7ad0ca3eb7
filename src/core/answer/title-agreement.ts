// A headline states its article's main fact (`Irlande : Micheal Martin élu Premier ministre`); a
// sentence of the same body giving another name, date or figure of the asked kind is most often
// background (the party that came first, last year's record). `titleDisagrees` marks such body
// sentences, where the article's title is itself a candidate giving an answer; the scorer learns
// how much the headline's answer outweighs them.
import { FEATURE_INDEX, type SentenceCandidate, TITLE_INDEX } from "./features.ts";

/** Writes `titleDisagrees` for the body sentences whose article's title gives another answer. */
export function addTitleAgreement(candidates: readonly SentenceCandidate[]): void {
  const titleKeys = new Map<number, ReadonlySet<string>>();
  for (const s of candidates)
    if (s.index === TITLE_INDEX && (s.keys ?? []).length > 0) titleKeys.set(s.doc, new Set(s.keys));
  if (titleKeys.size === 0) return;
  for (const s of candidates) {
    const title = titleKeys.get(s.doc);
    const keys = s.keys ?? [];
    if (s.index === TITLE_INDEX || !title || keys.length === 0) continue;
    if (!keys.some((k) => title.has(k))) s.features[FEATURE_INDEX.titleDisagrees] = 1;
  }
}
