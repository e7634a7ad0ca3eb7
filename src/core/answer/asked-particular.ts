// The particular a question asks, and whether a sentence names it. A question asking which camping,
// which beach, which town, or the name of the fisherman is often answered, wrongly, by the sentence
// that tells the event with only a generic word for the asked thing (`un camping de Mimizan`, `une
// plage des Landes`, `un pêcheur`, `une agence du Var`): it covers the question well and gives some
// name elsewhere, which the asked detail (./asked-detail.ts) takes for the answer. The asked head
// noun is the question's own reading of it, not a list: the person or thing whose name is asked
// (`roleGroup`: `pêcheur` in `comment s'appelle le pêcheur`) or else the noun right after the
// interrogative that names the answer's kind (`camping` in `quel camping`, `ville` in `dans quelle
// ville`; the parser weighs it less, ./question.ts). Where the sentence writes that noun:
// - `particularNamed`: a name the question does not hold stands right after it (`le camping des
//   Viviers`, `la commune de Dax`, `la clinique Sina Athar`, `le tireur, Stephan Balliet`, `le
//   camping « Les Viviers »`) or right before it (`Stephan Balliet, le tireur`, `the Sina Athar
//   clinic`);
// - `particularGeneric`: it stands only after an indefinite article (`un camping`, `une plage`,
//   `d'un pêcheur`, `a fisherman`), no name beside it: the sentence tells the event, not which.
// - `particularEchoed`: no new name beside it, but a name the question holds stands right after it
//   (`un camping de Claouey`, `le camping de Mimizan`, `une agence Pôle emploi du Var` for `quel
//   camping de Claouey`, `dans quelle agence`… `Pôle emploi dans le Var`): the sentence writes the
//   asked thing as the question does, which says which one no more than the question did.
// A sentence that does not write the noun (`à Dax`) sets none: the other features judge it.

import type { NewsIndex } from "../search/news-index.ts";
import { capitalisedWords, given } from "./asked-detail.ts";
import type { Reading } from "./read-question.ts";

/** What a sentence says of the asked particular. */
export interface AskedParticular {
  readonly named: boolean;
  readonly generic: boolean;
  readonly echoed: boolean;
}

const NONE: AskedParticular = { named: false, generic: false, echoed: false };

/** What `particularIn` needs of the question. */
export type ParticularQuestion = Pick<
  Reading,
  "kind" | "asksIdentity" | "groups" | "factors" | "asked" | "isName" | "roleGroup" | "terms"
>;

/**
 * The index terms of the asked head noun: the asked role's group, else the groups the parser
 * weighs less as naming the answer's kind (not `nom`, `name`: those name no kind of thing). Only
 * for questions answered by a name (who, where, which): a figure or a date has no particular.
 */
export function askedHead(q: ParticularQuestion): ReadonlySet<string> {
  // read once per question, not once per candidate sentence (refinedFeatures asks for every one)
  const known = heads.get(q);
  if (known) return known;
  const head = readHead(q);
  heads.set(q, head);
  return head;
}
const heads = new WeakMap<ParticularQuestion, ReadonlySet<string>>();

function readHead(q: ParticularQuestion): ReadonlySet<string> {
  if (q.asksIdentity) return new Set();
  if (q.roleGroup !== undefined) return new Set(q.groups[q.roleGroup]);
  if (q.kind !== "place" && q.kind !== "other" && q.kind !== "person") return new Set();
  const head = new Set<string>();
  q.groups.forEach((g, gi) => {
    if ((q.factors[gi] ?? 1) < 1 && !q.asked[gi] && !q.isName[gi] && !g.some((t) => KIND_WORDS.has(t)))
      for (const t of g) head.add(t);
  });
  return head;
}

// Words naming the answer's kind in general (as index terms, French and English stems alike), no
// sort of thing: `le nom`, `the name`.
const KIND_WORDS = new Set([
  "nom",
  "name",
  "appel",
  "appelle",
  "called",
  "call",
  "typ",
  "type",
  "sort",
  "genr",
]);

// Between the head noun and a name right after it: a connector or an apposition, up to one
// lower-case word (`la commune voisine de`), an opening quote (`le camping « Les Viviers »`).
// Without the comma (`BEFORE_NAME_NO_COMMA`): an apposition after a comma names a person asked by
// role (`le tireur, Stephan Balliet`), but after a place or a thing it starts another name (`le maire
// de la ville, Damien Hénault`, for `dans quelle ville`).
const beforeName = (comma: boolean) =>
  new RegExp(
    `^(?:\\s+\\p{Ll}[\\p{L}\\p{M}-]*)?${comma ? "(?:\\s*,)?" : ""}\\s*(?:(?:de\\s+la|de\\s+l['’]|de|du|des|d['’]|of\\s+the|of|called|named|baptis[ée]e?|appel[ée]e?|dite?)\\s*)?(?:[«“"]\\s*(?:(?:Le|La|Les|L['’])\\s*)?)?$`,
    "u",
  );
const BEFORE_NAME = beforeName(true);
const BEFORE_NAME_NO_COMMA = beforeName(false);
// Between a name and the head noun right after it: an apposition (`Stephan Balliet, le tireur`) or
// nothing (`the Sina Athar clinic`, `Gulf Shores beach`).
const BETWEEN_NAME_AND_HEAD =
  /^(?:[\p{L}\p{M}'’-]*\s*,\s*(?:le|la|l['’]|les|the)\s*|[\p{L}\p{M}'’-]*\s+(?:the\s+)?)$/u;
const INDEFINITE_BEFORE =
  /(?<!\p{L})(?:un|une|des|d['’]une?|a|an|another|un\s+autre|une\s+autre)\s+(?:\p{Ll}[\p{L}\p{M}-]*\s+)?$/iu;

/** What `text` says of the particular `q` asks (`head`: askedHead(q)). */
export function particularIn(
  news: NewsIndex,
  q: ParticularQuestion,
  head: ReadonlySet<string>,
  text: string,
  lang: "fr" | "en" = "fr",
): AskedParticular {
  if (head.size === 0) return NONE;
  const at: number[] = [];
  news.analyzer.forEachTerm(text, lang, (t, start) => {
    if (head.has(t)) at.push(start);
  });
  if (at.length === 0) return NONE;
  // names the question does not hold (capitalisedWords leaves out a sentence's first word, days
  // and months, a quoted source)
  const capitalised = capitalisedWords(text);
  const names = capitalised.filter((c) => !given(news, q.terms, c.word));
  const held = capitalised.filter((c) => !names.includes(c));
  let generic = false;
  let echoed = false;
  const beforeName = q.roleGroup === undefined ? BEFORE_NAME_NO_COMMA : BEFORE_NAME;
  for (const start of at) {
    const end = start + (/^[\p{L}\p{M}'’-]+/u.exec(text.slice(start))?.[0].length ?? 0);
    const indefinite = INDEFINITE_BEFORE.test(text.slice(Math.max(0, start - 40), start));
    const named = names.some(
      (c) =>
        (!indefinite && c.start >= end && c.start - end <= 40 && beforeName.test(text.slice(end, c.start))) ||
        (c.start < start && start - c.start <= 60 && BETWEEN_NAME_AND_HEAD.test(text.slice(c.start, start))),
    );
    if (named) return { named: true, generic: false, echoed: false };
    if (indefinite) generic = true;
    if (held.some((c) => c.start >= end && c.start - end <= 40 && BEFORE_NAME.test(text.slice(end, c.start))))
      echoed = true;
  }
  return { named: false, generic, echoed };
}
