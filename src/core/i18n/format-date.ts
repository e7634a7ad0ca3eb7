// Human dates for replies: `2026-01-15` → `15 janvier 2026`, `2025-08` → `août 2025`.
import type { Locale } from "./messages.ts";

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
  const when = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  const text = formatter(locale, d !== undefined).format(when);
  // French writes the first of the month as an ordinal: `1er janvier`.
  return locale === "fr" && d === "01" ? text.replace(/^1 /, "1er ") : text;
}
