// Dates written from the month table read exactly as Intl writes them, for every day of a common
// and a leap year, in both locales; what the table does not cover goes through Intl.
import { describe, expect, it } from "vitest";
import { formatArticleDate } from "../src/core/i18n/format-date.ts";

const intl = (locale: "fr" | "en", y: number, m: number, d?: number) => {
  const text = new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    ...(d !== undefined ? { day: "numeric" } : {}),
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d ?? 1)));
  return locale === "fr" && d === 1 ? text.replace(/^1 /, "1er ") : text;
};
const pad = (n: number) => String(n).padStart(2, "0");

describe("formatArticleDate", () => {
  it("writes every day and month as Intl does", () => {
    for (const locale of ["fr", "en"] as const) {
      for (const y of [2019, 2020]) {
        for (let m = 1; m <= 12; m++) {
          expect(formatArticleDate(`${y}-${pad(m)}`, locale)).toBe(intl(locale, y, m));
          const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
          for (let d = 1; d <= days; d++)
            expect(formatArticleDate(`${y}-${pad(m)}-${pad(d)}`, locale)).toBe(intl(locale, y, m, d));
        }
      }
    }
  });

  it("leaves to Intl what the table does not cover, and other text as it is", () => {
    expect(formatArticleDate("2019-02-30")).toBe(intl("fr", 2019, 2, 30));
    expect(formatArticleDate("2019-13")).toBe(intl("fr", 2019, 13));
    expect(formatArticleDate("0999-05-01")).toBe(intl("fr", 999, 5, 1));
    expect(formatArticleDate("hier")).toBe("hier");
    expect(formatArticleDate(undefined)).toBeUndefined();
  });
});
