// "Who is the minister of Agriculture?" is not answered by "the minister of the Interior, X": a
// titled role is defined by its complement (`ministre de l'Agriculture`, `maire de Versailles`),
// and a sentence that gives the same title another complement names somebody else. This module
// finds the complement a question gives a title and tells whether a sentence contradicts it.
import { fold } from "../text/fold.ts";

// Titles whose holder is defined by what follows `de` (a ministry, a town, a country, a body).
const TITLES =
  "ministre|ministres|president|presidente|maire|directeur|directrice|secretaire|gouverneur|ambassadeur|ambassadrice|prefet|prefete|depute|deputee|senateur|senatrice|eveque|archeveque|roi|reine|prince|princesse|duc|duchesse|comte|comtesse|chef|minister|president|mayor|director|secretary|governor|ambassador|head";

// A title, up to three adjectives (`japonais`, `vietnamien`), then `de`/`du`/`des`/`of` and the
// complement, which runs to the next comma, parenthesis or clause word.
const TITLE_WITH_COMPLEMENT = new RegExp(
  `\\b(${TITLES})\\b((?:\\s+[a-z-]+){0,3}?)\\s+(?:de\\s+la|de\\s+l'|de|du|des|d'|of\\s+the|of)\\s*([^,;:()?!.]+)`,
  "g",
);
const CLAUSE_END =
  /\b(?:qui|que|a|ont|est|sont|lors|pendant|au moment|en \d|who|which|is|was|has|during|when)\b.*$/;
const FILLER = new Set(["de", "la", "le", "les", "l", "du", "des", "d", "et", "the", "of", "and", "a", "en"]);

export interface TitleComplement {
  readonly title: string;
  /** Folded words of the complement (`agriculture`; `affaires interieures communication`). */
  readonly words: ReadonlySet<string>;
}

/** Every title with a complement in `text` (folded, apostrophes normalised). */
export function titleComplements(text: string): TitleComplement[] {
  const folded = fold(text).replace(/[’‘]/g, "'");
  const out: TitleComplement[] = [];
  TITLE_WITH_COMPLEMENT.lastIndex = 0;
  for (let m = TITLE_WITH_COMPLEMENT.exec(folded); m !== null; m = TITLE_WITH_COMPLEMENT.exec(folded)) {
    const complement = (m[3] ?? "").replace(CLAUSE_END, "");
    const words = new Set(
      complement
        .split(/[\s'-]+/)
        .filter((w) => w.length > 1 && !FILLER.has(w))
        .slice(0, 6),
    );
    if (words.size > 0) out.push({ title: singular(m[1] ?? ""), words });
  }
  return out;
}

/**
 * True when the sentence cannot be naming the holder of the question's title: it never mentions
 * the title's complement (`Agriculture`), or it gives the title another complement (`ministre …
 * des Affaires intérieures` against `ministre … de l'Agriculture`).
 */
export function contradictsTitle(question: readonly TitleComplement[], sentence: string): boolean {
  if (question.length === 0) return false;
  const words = new Set(fold(sentence).split(/[^a-z0-9]+/));
  const stated = titleComplements(sentence);
  return question.some(
    (q) =>
      ![...q.words].some((w) => words.has(w) || stemMatch(w, words)) ||
      stated.some(
        (s) => s.title === q.title && ![...q.words].some((w) => s.words.has(w) || stemMatch(w, s.words)),
      ),
  );
}

const singular = (w: string) => (w.endsWith("s") && w.length > 4 ? w.slice(0, -1) : w);

// `affaire`/`affaires`, `interieur`/`interieures`: compare on a shared prefix of five letters
function stemMatch(word: string, words: ReadonlySet<string>): boolean {
  if (word.length < 5) return false;
  const p = word.slice(0, 5);
  for (const w of words) if (w.startsWith(p)) return true;
  return false;
}
