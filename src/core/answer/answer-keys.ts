// The answer a sentence gives, as a key two articles share when they give the same answer: a
// person by surname (`Jean Castex`, `M. Castex` → `castex`), a figure by its value and the word it
// counts (`30 000 morts`, `30.000 morts` → `30000 mort`), a date by day and month or month and
// year, a place or a rank folded. Keys are what answer voting (./answer-votes.ts) adds evidence for.
import type { NewsIndex } from "../search/news-index.ts";
import { fold } from "../text/fold.ts";
import type { KindSpan } from "./answer-kinds.ts";
import type { AnswerKind } from "./question.ts";

const WEEKDAYS =
  /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gu;
const YEAR = /\b\d{3,4}\b/u;
const DAY = /\b(\d{1,2})(?:er)?\b/u;

function dateKey(text: string): string {
  const t = fold(text).replace(WEEKDAYS, " ").replace(/\s+/gu, " ").trim();
  const year = YEAR.exec(t)?.[0];
  const rest = year ? t.replace(year, " ").trim() : t;
  const day = DAY.exec(rest)?.[1];
  const month = rest
    .replace(DAY, " ")
    .replace(/[^a-z/-]+/gu, " ")
    .trim();
  if (day && month) return `${Number(day)} ${month}`;
  if (month) return year ? `${month} ${year}` : month;
  return year ?? t;
}

// `19.000`, `19 000`, `19,000` (thousands) → 19000; `2,5` → 2.5; number words stay words.
function numberValue(text: string): string {
  const t = text.replace(/[\s\u00a0\u202f]/gu, "");
  if (!/\d/.test(t)) return fold(text.trim());
  const thousands = /^\d{1,3}(?:[.,]\d{3})+$/u.test(t);
  return thousands ? t.replace(/[.,]/gu, "") : t.replace(",", ".");
}

function numberKey(news: NewsIndex, sentence: string, span: KindSpan): string {
  const after = sentence.slice(span.start + span.text.length, span.start + span.text.length + 40);
  // the counted word: the first index term after the figure (`morts`, `millions`, `euros`)
  const unit = news.analyzer.terms(after)[0] ?? "";
  return `${numberValue(span.text)} ${unit}`.trim();
}

const personKey = (text: string) => {
  const words = fold(text).split(/[\s'’]+/u);
  return words[words.length - 1] ?? "";
};

/** The key of one answer span of the asked kind found in `sentence`. */
export function answerKey(news: NewsIndex, kind: AnswerKind, sentence: string, span: KindSpan): string {
  switch (kind) {
    case "person":
      return personKey(span.text);
    case "number":
      return numberKey(news, sentence, span);
    case "date":
      return dateKey(span.text);
    default:
      return fold(span.text).replace(/\s+/gu, " ").trim();
  }
}

/** The distinct keys of the spans a sentence gives. */
export function answerKeys(
  news: NewsIndex,
  kind: AnswerKind,
  sentence: string,
  spans: readonly KindSpan[],
): string[] {
  const keys = new Set<string>();
  for (const s of spans) {
    const key = answerKey(news, kind, sentence, s);
    if (key !== "") keys.add(key);
  }
  return [...keys];
}
