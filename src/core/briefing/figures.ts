// Key figures: a number with what it counts, read from a sentence by general rules
// (`près de 500.000 Vietnamiens vivant au Japon`, `40% des intentions de vote`,
// `1,5 million de manifestants`, `990 000 €`). Years, dates, ordinals (`13e`), times and
// reference numbers (`numéro 1`) are not figures.
import { findDateExpressions } from "../dates/date-expressions.ts";
import { NOT_IN_ROLE } from "../entities/lexicon.ts";

export interface FigureMention {
  /** The figure and what it counts, as written. */
  readonly text: string;
  /** The number as written (`600.000`, `1,5 million`). */
  readonly number: string;
  readonly start: number;
}

const WORD_NUMBER =
  "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cinquante|cent|plusieurs|quelques";
const QUALIFIER =
  "près de|environ|plus de|moins de|quelque|au moins|au total|jusqu'à|jusqu’à|presque|seulement|nearly|about|over|more than|almost|at least";
const SCALE = "millions?|milliards?|mille|billions?|thousands?|hundreds?";
const FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N},.])(?:(${QUALIFIER})\\s+)?((?:\\d{1,3}(?:[.\\s\\u00a0\\u202f]\\d{3})+|\\d+)(?:[.,]\\d+)?(?:\\s*(?:${SCALE}))?|(?:${WORD_NUMBER})\\s+(?:${SCALE}))(?![\\p{L}\\p{N}]|[.,]\\d)(\\s*(?:%|€|\\$|£|euros?|dollars?|pour cent|points?))?`,
  "giu",
);
const PREPOSITIONS = new Set(["de", "des", "du", "d'", "d’", "à", "au", "aux", "en", "dans", "sur", "par"]);
const ARTICLES = new Set(["le", "la", "les", "l'", "l’", "un", "une"]);
const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*['’]?|[^\s]/gu;

/** The figures of a sentence with what they count (a bare small number is not a figure). */
export function findFigures(sentence: string): FigureMention[] {
  const dates = findDateExpressions(sentence);
  const out: FigureMention[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(sentence); m !== null; m = FIGURE.exec(sentence)) {
    const numberText = m[2] as string;
    const start = m.index;
    const numberStart = start + m[0].indexOf(numberText);
    if (dates.some((d) => numberStart >= d.start && numberStart < d.end)) continue;
    const before = sentence.slice(Math.max(0, start - 12), start);
    if (/(?:numéro|n°|no\.|article|page|chapitre|saison|épisode|[Nn]uméro)\s*$/u.test(before)) continue;
    const restAfterNumber = sentence.slice(numberStart + numberText.length);
    if (/^(?:e|è|ème|eme|er|ère|re|h\d|h\b|:\d|st|nd|rd|th)(?![\p{L}])/u.test(restAfterNumber)) continue;
    const unit = (m[3] ?? "").trim();
    const scaled = /[\p{L}]/u.test(numberText);
    const digits = Number(
      numberText
        .replace(/[\s\u00a0\u202f.]/g, "")
        .replace(",", ".")
        .replace(/[^\d.]/g, ""),
    );
    if (/^(?:1[89]|20)\d\d$/.test(numberText) && !unit) continue; // a year, even outside a date phrase
    // what the number counts: a noun phrase with at most one prepositional complement
    const after = sentence.slice(start + m[0].length);
    const words: { text: string; end: number }[] = [];
    WORD.lastIndex = 0;
    for (let w = WORD.exec(after); w !== null; w = WORD.exec(after))
      words.push({ text: w[0], end: w.index + w[0].length });
    let end = 0;
    let preps = 0;
    let content = 0;
    for (let i = 0; i < words.length && i < 9; i++) {
      const w = words[i] as { text: string; end: number };
      const lw = w.text.toLowerCase();
      if (w.text === ",") {
        // `vivant, étudiant et travaillant`: a list of single words closed by `et`
        let j = i + 1;
        while (words[j] && /^\p{Ll}/u.test(words[j]?.text ?? "") && words[j + 1]?.text === ",") j += 2;
        if (
          /^\p{Ll}/u.test(words[j]?.text ?? "") &&
          words[j + 1]?.text === "et" &&
          /^\p{Ll}/u.test(words[j + 2]?.text ?? "")
        ) {
          end = (words[j + 2] as { end: number }).end;
          i = j + 2;
          continue;
        }
        break;
      }
      if (!/[\p{L}]/u.test(w.text)) break;
      if (PREPOSITIONS.has(lw)) {
        if (i === 0 && /^d/.test(lw)) continue; // `40% des`, `6 millions d'euros`: the quantity's own `de`
        if (content === 0 || ++preps > 1) break;
        continue;
      }
      if (ARTICLES.has(lw)) continue;
      const elided = /^([sdlnmjc]|qu)['’]/u.exec(lw);
      if (
        NOT_IN_ROLE.has(lw.replace(/['’]$/, "")) ||
        (elided && NOT_IN_ROLE.has(elided[1] as string)) ||
        lw === "et" ||
        lw === "ou"
      )
        break;
      // a verb after the counted noun (`3.000 PME interrogées s'estiment`, `24 % des retraités oublient`)
      if (content > 0 && preps === 0 && /(?:ent|aient|ont)$/u.test(lw) && !/ment$/u.test(lw)) break;
      // the counted noun is a common noun, or a plural demonym (`600.000 Vietnamiens`), not `10 Downing Street`
      if (content === 0 && /^\p{Lu}/u.test(w.text) && !/s$/u.test(w.text) && !unit && !scaled) break;
      if (dates.some((d) => start + m[0].length + w.end > d.start && start + m[0].length + w.end <= d.end))
        break;
      content++;
      end = w.end;
    }
    if (content === 0 && !unit && !scaled) continue;
    if (!unit && !scaled && digits < 10) continue;
    const text = sentence.slice(start, start + m[0].length + end).trim();
    out.push({ text, number: numberText, start });
  }
  return out;
}
