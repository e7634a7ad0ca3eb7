// A resolved date for a reader: `15 janvier 2026`, `mars 2020`, `début mars 2020`, `2025`, or the
// expression as written, marked, when it could not be resolved.
import { formatArticleDate } from "../i18n/format-date.ts";
import type { Locale } from "../i18n/messages.ts";
import type { ResolvedDate } from "./resolve.ts";

const PARTS = {
  fr: { early: "début", mid: "mi-", late: "fin" },
  en: { early: "early", mid: "mid-", late: "late" },
} as const;

export function formatResolvedDate(r: ResolvedDate, locale: Locale = "fr"): string {
  if (!r.resolved || !r.value) return `« ${r.mention.text} » (?)`;
  let base = r.precision === "year" ? r.value : (formatArticleDate(r.value, locale) ?? r.value);
  if (locale === "fr" && r.precision === "day") base = base.replace(/^1 /, "1er ");
  const p = r.mention.part && r.precision !== "day" ? PARTS[locale][r.mention.part] : "";
  const shown = p ? (p.endsWith("-") ? `${p}${base}` : `${p} ${base}`) : base;
  return r.approximate ? `${shown} (${locale === "fr" ? "env." : "approx."})` : shown;
}
