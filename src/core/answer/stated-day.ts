// A when-question answered by a sentence that writes its day relatively (`devra être neutralisée
// mercredi`, `est mort hier`, `jeudi dernier`) is right but says no date: the reader would have to
// count back from the article's date. The day, resolved from the article's date and the tense of
// the verb beside it (../dates), is put in brackets right after it in the quote: `mercredi
// [8 juillet 2020 (env.)]` — the editor's brackets of a quotation, so the article's own words stay
// as written. A bare weekday is marked approximate, as the resolver and the briefings mark it: its
// side of the article's date is read from the tense. A day of the month written out (`mercredi
// 15 avril`) is a date already; a week (`la semaine dernière`) or an event's eve (`la veille`) is
// no day the article's date resolves, and is left as written.
import { formatResolvedDate } from "../dates/format.ts";
import { resolveDatesIn } from "../dates/in-sentence.ts";
import type { TextRange } from "../text/text-range.ts";

/** A day the sentence writes relatively, where it stands in the sentence, and the date to state. */
export interface RelativeDay extends TextRange {
  readonly text: string;
  /** The resolved date as a reader sees it (`8 juillet 2020 (env.)`). */
  readonly date: string;
}

/** The days `sentence` writes relatively (`hier`, `mercredi`, `dimanche dernier`) resolved against `reference`. */
export function relativeDays(
  sentence: string,
  reference: string | undefined,
  locale: "fr" | "en" = "fr",
): RelativeDay[] {
  return resolveDatesIn(sentence, reference)
    .filter(({ mention: m, resolved, precision }) => {
      if (!resolved || precision !== "day" || m.period !== undefined || m.day !== undefined) return false;
      // `hier`, `demain`, `aujourd'hui`; or a weekday alone (`mercredi`, `jeudi prochain`)
      return m.offset?.days !== undefined || (m.weekday !== undefined && m.month === undefined);
    })
    .map((r) => ({
      start: r.mention.start,
      end: r.mention.end,
      text: r.mention.text,
      date: formatResolvedDate(r, locale),
    }));
}

/** A quote and where its answer stands (./cite.ts). */
export interface Stated {
  readonly text: string;
  readonly emphasis: readonly TextRange[];
}

/**
 * `quote` with `day`'s date stated after it. `at` is where the day stands in `quote.text` (the
 * quote is the sentence trimmed, completed or given a referent, so offsets differ); without it the
 * day is looked for in the quote and used only when written there once. The emphasis covering the
 * day grows over the date; with none, the day and its date become the emphasis.
 */
export function stateDay(quote: Stated, day: RelativeDay, at?: TextRange): Stated {
  const writes = (r: TextRange | undefined): r is TextRange =>
    r !== undefined && quote.text.slice(r.start, r.end).toLowerCase() === day.text.toLowerCase();
  const where = writes(at) ? at : onlyOccurrence(quote.text, day.text);
  if (!writes(where)) return quote;
  const added = ` [${day.date}]`;
  const text = `${quote.text.slice(0, where.end)}${added}${quote.text.slice(where.end)}`;
  const shift = (p: number) => (p >= where.end ? p + added.length : p);
  let covered = false;
  const emphasis = quote.emphasis.map((r) => {
    if (r.start >= where.end || r.end <= where.start) return { start: shift(r.start), end: shift(r.end) };
    // a range over the day (or a part of it: `mercredi` of `mercredi prochain`) takes the date in
    covered = true;
    return { start: Math.min(r.start, where.start), end: Math.max(r.end, where.end) + added.length };
  });
  if (!covered) emphasis.push({ start: where.start, end: where.end + added.length });
  return { text, emphasis: emphasis.sort((a, b) => a.start - b.start) };
}

function onlyOccurrence(text: string, word: string): TextRange | undefined {
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`,
    "giu",
  );
  const found = [...text.matchAll(re)];
  const [only] = found;
  return found.length === 1 && only ? { start: only.index, end: only.index + only[0].length } : undefined;
}
