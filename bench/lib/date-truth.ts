// Ground truth for relative-date resolution taken from the archive itself: a date written in full
// (`le 5 décembre 2019`, `jeudi 5 décembre`) is its own answer. Rewriting it the way articles
// usually do (without the year, or as a bare weekday) and resolving the rewritten sentence against
// the article's date tells how often the resolver finds the day the writer meant, on real
// sentences, with no hand labels.
import { findDateExpressions } from "../../src/core/dates/date-expressions.ts";
import { type ResolveOptions, resolveDate } from "../../src/core/dates/resolve.ts";
import { tenseAt } from "../../src/core/dates/tense.ts";
import { splitSentences } from "../../src/core/text/sentences.ts";

export interface DateCase {
  /** The sentence with the date rewritten (year dropped, or only its weekday kept). */
  readonly sentence: string;
  readonly reference: string;
  readonly truth: string;
  readonly form: "no-year" | "weekday";
  /** Where the rewritten date starts in `sentence`. */
  readonly at: number;
}

const DAY_MS = 86_400_000;
const WEEKDAY_FR = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];

/** Rewritten full dates of one article that lie within `maxDays` of its date (the ambiguous zone). */
export function dateCases(text: string, reference: string, maxDays: number): DateCase[] {
  const out: DateCase[] = [];
  const refT = Date.parse(reference);
  for (const { text: s } of splitSentences(text).map((span) => ({
    text: text.slice(span.start, span.end),
  }))) {
    for (const m of findDateExpressions(s)) {
      if (m.day === undefined || m.month === undefined) continue;
      const year =
        m.year ?? (m.weekday !== undefined ? inferYear(m.day, m.month, m.weekday, refT) : undefined);
      if (year === undefined) continue;
      const truth = `${year}-${String(m.month).padStart(2, "0")}-${String(m.day).padStart(2, "0")}`;
      const t = Date.parse(truth);
      if (Number.isNaN(t) || Math.abs(t - refT) > maxDays * DAY_MS || t === refT) continue;
      if (m.year !== undefined) {
        const written = s.slice(m.start, m.end).replace(/,?\s+\d{4}$/, "");
        out.push({
          sentence: s.slice(0, m.start) + written + s.slice(m.end),
          reference,
          truth,
          form: "no-year",
          at: m.start,
        });
      }
      if (m.weekday !== undefined && Math.abs(t - refT) <= 6 * DAY_MS) {
        const day = WEEKDAY_FR[m.weekday] as string;
        out.push({
          sentence: s.slice(0, m.start) + day + s.slice(m.end),
          reference,
          truth,
          form: "weekday",
          at: m.start,
        });
      }
    }
  }
  return out;
}

/** The year in which `day month` falls on `weekday`, among the reference's and its neighbours. */
function inferYear(day: number, month: number, weekday: number, refT: number): number | undefined {
  const y = new Date(refT).getUTCFullYear();
  const fits = [y - 1, y, y + 1].filter((c) => new Date(Date.UTC(c, month - 1, day)).getUTCDay() === weekday);
  return fits.length === 1 ? fits[0] : undefined;
}

/** Resolve a case's rewritten date, with the tense read from the sentence or as if always past. */
export function resolveCase(c: DateCase, useTense: boolean): string | undefined {
  const m = findDateExpressions(c.sentence).find((x) => x.start === c.at);
  if (!m) return undefined;
  const options: ResolveOptions = useTense ? { tense: tenseAt(c.sentence, m.start) } : { tense: "past" };
  return resolveDate(m, c.reference, options).value;
}
