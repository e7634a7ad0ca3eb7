// Reading a question: its language, the kind of answer it wants (a person, a date, a number, a
// place), and the query groups sent to the index. An English question is expanded with the
// French equivalents of its words so it can be answered from French articles.
import type { QueryGroup } from "../search/inverted-index.ts";
import type { Analyzer } from "../text/analyzer.ts";
import { fold } from "../text/fold.ts";
import { stem } from "../text/stem.ts";
import { guessLanguage } from "../text/stopwords.ts";
import { forEachToken } from "../text/tokenize.ts";
import { EN_FR } from "./glossary-en-fr.ts";

export type AnswerKind = "person" | "date" | "number" | "place" | "other";

export interface ParsedQuestion {
  readonly text: string;
  readonly lang: "fr" | "en";
  readonly kind: AnswerKind;
  /** One group per content word of the question; alternatives are spellings or translations. */
  readonly groups: QueryGroup[];
  /** True for "who is X?" questions, which ask for X's role rather than for a name. */
  readonly asksIdentity: boolean;
}

// Patterns on the folded question. Order matters: "en quelle année" is a date before a "which".
const KIND_PATTERNS: [AnswerKind, RegExp][] = [
  ["date", /\b(quand|quelle date|quel jour|quelle annee|a quelle epoque|when|what date|what year|which year|what day)\b/],
  ["number", /\b(combien|quel nombre|quel montant|quel pourcentage|quelle part|quel chiffre|how many|how much|what number|what percentage|what share|what amount)\b/],
  ["person", /^\s*(qui|who|whom)\b|\b(quel (ministre|president|dirigeant|responsable|ambassadeur|general|chef|secretaire)|quelle personne|which (minister|president|leader|official|ambassador|general))\b/],
  ["place", /\b(dans quel pays|dans quelle ville|quel pays|quelle ville|in which (country|city)|which country|which city|where)\b/],
];

export function detectKind(question: string): AnswerKind {
  // `où` loses its accent when folded and would read as `ou` (or), so it is tested unfolded.
  if (/(^|[\s'’])où(?=[\s?,]|$)/iu.test(question)) return "place";
  const q = fold(question);
  for (const [kind, re] of KIND_PATTERNS) if (re.test(q)) return kind;
  return "other";
}

export function parseQuestion(question: string, analyzer: Analyzer): ParsedQuestion {
  const words: string[] = [];
  forEachToken(question, (w, _start, joined) => {
    if (!joined) words.push(w);
  });
  const foldedWords = words.map((w) => fold(w));
  const lang = guessLanguage(foldedWords);
  const kind = detectKind(question);
  const groups: string[][] = [];
  const seen = new Set<string>();
  const folded = fold(question);

  const pushGroup = (alts: string[]) => {
    const fresh = [...new Set(alts)].filter((t) => t.length > 0);
    if (fresh.length === 0 || fresh.some((t) => seen.has(t))) return;
    for (const t of fresh) seen.add(t);
    groups.push(fresh);
  };

  if (lang === "en") {
    // Two-word English expressions first (`prime minister`), then single words.
    const used = new Set<number>();
    for (let i = 0; i + 1 < foldedWords.length; i++) {
      const pair = `${foldedWords[i]} ${foldedWords[i + 1]}`;
      const fr = EN_FR[pair];
      if (!fr) continue;
      for (const phrase of fr) for (const t of analyzer.terms(phrase, "fr")) pushGroup([t]);
      used.add(i);
      used.add(i + 1);
    }
    foldedWords.forEach((w, i) => {
      if (used.has(i)) return;
      const en = analyzer.term(w, "en");
      if (en === undefined) return; // an English stopword
      const alts = [en, stem(w, "fr")];
      for (const phrase of EN_FR[w] ?? []) {
        const fr = analyzer.terms(phrase, "fr");
        // a multi-word translation contributes its rarest-looking (longest) word
        const best = fr.sort((a, b) => b.length - a.length)[0];
        if (best) alts.push(best);
      }
      pushGroup(alts);
    });
  } else {
    analyzer.forEachTerm(question, "fr", (t) => pushGroup([t]));
  }

  const asksIdentity = /^\s*(qui (est|etait|sont)|who (is|was|are))\b/.test(folded);
  return { text: question, lang, kind, groups, asksIdentity };
}
