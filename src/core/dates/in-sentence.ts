// Every date of a sentence resolved against its article's date, each read in the tense of the
// verb nearest to it. `depuis le 1er janvier` always looks back, whatever the verb, since a state
// that holds "since" a day began on or before the writing.
import { findDateExpressions } from "./date-expressions.ts";
import { type ResolvedDate, resolveDate } from "./resolve.ts";
import { tenseAt } from "./tense.ts";

const SINCE = /(?:depuis|since)\s+(?:le\s+|la\s+|l['’]|the\s+)?$/i;

export function resolveDatesIn(sentence: string, reference: string | undefined): ResolvedDate[] {
  return findDateExpressions(sentence).map((mention) => {
    const before = sentence.slice(Math.max(0, mention.start - 16), mention.start);
    return resolveDate(mention, reference, {
      tense: tenseAt(sentence, mention.start),
      since: SINCE.test(before),
    });
  });
}
