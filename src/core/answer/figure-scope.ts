// Whether a sentence's figures count a narrower group than the question asks. A toll or a count
// asked of everyone (`combien de décès toutes causes`, `combien de blessés`) is often answered,
// wrongly, by the sentence that gives the count of a part of them: `18 000 décès de personnes nées
// en Afrique`, `deux blessés graves`, `dont trois enfants`, `parmi eux, cinq policiers` (news batch
// 21's wrong answers). The sentence covers the question and gives a figure of the asked noun; only
// the restriction after (or before) the figure says it is a subset.
// - `figureRestricted`: a how-many question, and every figure of the sentence (ages, percentages and
//   years aside) is restricted — after the figure and its noun, within its phrase, a word that
//   narrows whom it counts (`graves`, `grièvement`, `légers`, `nés`, `âgés de`, `originaires`,
//   `seriously`, `aged`, `born`, `under`), or before it a word that takes a part (`dont`, `parmi`,
//   `including`, `among`) — and the question writes none of those narrowing words itself (`combien
//   de blessés graves` asks the restricted count). The words are of the language, not of one
//   question: any toll or count can be narrowed by them. An input the model weighs, no veto.

import { fold } from "../text/fold.ts";
import { findNumbers, isAge } from "./answer-kinds.ts";

// Words after a figure that narrow the group it counts (folded).
const NARROWING_AFTER = new Set([
  "grave",
  "graves",
  "grievement",
  "serieusement",
  "legers",
  "legerement",
  "legere",
  "legeres",
  "leger",
  "critique",
  "critiques",
  "nes",
  "nees",
  "nee",
  "ages",
  "agees",
  "originaires",
  "issus",
  "issues",
  "residant",
  "seriously",
  "critically",
  "badly",
  "slightly",
  "minor",
  "aged",
  "born",
  "under",
]);
// Words right before a figure that take a part of a count already given (folded).
const PART_BEFORE =
  /(?:^|[^\p{L}])(?:dont|parmi\s+(?:eux|elles|lesquels|lesquelles|les\s+\S+)|including|among\s+(?:them|whom)|of\s+whom|of\s+them)[\s,]*(?:au\s+moins\s+|at\s+least\s+|environ\s+|about\s+)?$/u;

/** The folded words of `text` that narrow a count (NARROWING_AFTER, `dont`…), for the question. */
const narrowingIn = (folded: string) =>
  folded.split(/[^\p{L}]+/u).filter((w) => NARROWING_AFTER.has(w) || w === "dont" || w === "including");

/** Up to six folded words after the figure ending at `end`, the phrase closed by punctuation. */
function phraseAfter(text: string, end: number): string[] {
  const rest = fold(text.slice(end, end + 80));
  const phrase = rest.split(/[,;:.()!?«»"–—]/u)[0] ?? "";
  return phrase
    .split(/[^\p{L}\d-]+/u)
    .filter((w) => w !== "")
    .slice(0, 6);
}

/**
 * Whether every figure of `text` counts a restricted part (see above), for a how-many question
 * `question`. A sentence with no figure says nothing of it.
 */
export function figureRestricted(question: string, text: string): boolean {
  const asked = new Set(narrowingIn(fold(question)));
  const figures = findNumbers(text).filter(
    (n) => !isAge(text, n) && !n.text.endsWith("%") && !/^(?:1[5-9]\d\d|20\d\d)$/.test(n.text),
  );
  if (figures.length === 0) return false;
  return figures.every((n) => {
    const before = fold(text.slice(Math.max(0, n.start - 40), n.start));
    if (PART_BEFORE.test(before) && !asked.has("dont") && !asked.has("including")) return true;
    const words = phraseAfter(text, n.start + n.text.length);
    return words.some((w) => NARROWING_AFTER.has(w) && !asked.has(w));
  });
}
