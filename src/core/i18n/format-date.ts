// Human dates for replies: `2026-01-15` → `15 janvier 2026`, `2025-08` → `août 2025`.
// Written from a table of month names, as `Intl.DateTimeFormat` writes them (fr-FR, en-GB): the
// first formatter a process makes loads ICU's calendar data, 40–120 ms of CPU measured in a
// `newsbot ask` that prints one date. Dates the table does not cover (a year before 1000, a day
// the month does not have) still go through `Intl`.
import type { Locale } from "./messages.ts";

const MONTHS: Record<Locale, readonly string[]> = {
  fr: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(" "),
  en: "January February March April May June July August September October November December".split(" "),
};

/** `day month year` from the table, or undefined when `Intl` must write it. */
function fromTable(locale: Locale, year: number, month: number, day: number | undefined): string | undefined {
  const name = MONTHS[locale]?.[month - 1];
  if (name === undefined || year < 1000) return undefined;
  if (day === undefined) return `${name} ${year}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days ? `${day} ${name} ${year}` : undefined;
}

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withDay}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
      ...(withDay ? { day: "numeric" } : {}),
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    cache.set(key, f);
  }
  return f;
}

export function formatArticleDate(date: string | undefined, locale: Locale = "fr"): string | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  const table = fromTable(locale, Number(y), Number(mo), d === undefined ? undefined : Number(d));
  if (table !== undefined) return locale === "fr" && d === "01" ? table.replace(/^1 /, "1er ") : table;
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const text = formatter(locale, d !== undefined).format(when);
  // French writes the first of the month as an ordinal: `1er janvier`.
  return locale === "fr" && d === "01" ? text.replace(/^1 /, "1er ") : text;
}
