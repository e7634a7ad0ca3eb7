// What a chosen sentence must hold, whatever its score, for some shapes of question: these are
// conditions of meaning the scorer's features cannot express alone.
// - "Comment s'appelle le président…" is answered by a name, or not at all.
// - "Quel poste occupe X ?" is answered only by a sentence giving X a title in apposition
//   (`l'ingénieure X`, `X, ministre de…`); any other sentence about X does not say it.
// - A kind question (who, when, where, how many) answered by a sentence matching only the people
//   it names (and their titles) says who, not what happened (`Quand est né X ?` against any sentence naming X);
//   a sentence naming none of them is not this case.
// - A when or how-many question is never answered by a sentence holding no date (a day, for
//   "quel jour") or no count: `Les deux villes ont signé…` says nothing of how many students.
// - "Qui est le ministre de l'Agriculture ?" is never answered by a sentence giving the asked title
//   another office (`le ministre des Transports, X`): too rare in training for the scorer to learn.
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import type { ScoredSentence } from "./decide.ts";
import { FEATURE_INDEX } from "./features.ts";
import { hasGroup, type Reading } from "./read-question.ts";

export function passesGuards(news: NewsIndex, q: Reading, best: ScoredSentence): boolean {
  const text = best.sentence.text;
  if (q.asksName && best.features[FEATURE_INDEX.kindFound] !== 1) return false;
  if (q.asksJob && q.identityOf && !statesTitleOf(text, q.identityOf)) return false;
  if (q.kind !== "other" && !q.asksIdentity && onlyNames(q, best)) return false;
  if (q.titles.length > 0 && best.features[FEATURE_INDEX.otherTitle] === 1) return false;
  if ((q.kind === "date" || q.kind === "number") && best.features[FEATURE_INDEX.kindFound] !== 1)
    return false;
  return news.articles[best.doc] !== undefined;
}

function onlyNames(q: Reading, best: ScoredSentence): boolean {
  // a sentence naming none of them matches no one: it tells the event (`s'est éteint à l'âge de 85
  // ans`, `le bilan fait état de 9 morts`) and is judged as any other
  if (!q.groups.some((g, gi) => q.isName[gi] === true && hasGroup(best.sentence.terms, g))) return false;
  return !q.groups.some(
    (g, gi) => !q.isWho[gi] && (q.factors[gi] ?? 1) >= 1 && hasGroup(best.sentence.terms, g),
  );
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether the sentence gives the person a title in apposition: a lower-case noun right before the
 * name (`l'ingénieure Tran Thi Mai`, `le ministre japonais Hayashi`) or after it and a comma
 * (`Hayashi Yoshimasa, ministre de…`). Names are compared folded, word by word.
 */
export function statesTitleOf(sentence: string, name: string): boolean {
  const text = fold(sentence);
  const words = fold(name).split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return false;
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    const before = text.slice(Math.max(0, at - 40), at);
    const after = text.slice(at).replace(new RegExp(`^${words.map(escapeRegExp).join("\\s+")}`), "");
    if (/\b(?:le|la|l'|l’|du|de la|au|a la|the|of)\s*[a-z-]{3,}(?:\s+[a-z-]{3,}){0,3}\s+$/.test(before))
      return true;
    if (/^\s*,\s*(?:le |la |l'|l’|the |an? )?[a-z-]{4,}/.test(after)) return true;
  }
  return false;
}
