import { describe, expect, it } from "vitest";
import { findDateExpressions, formatResolvedDate, isIsoDay, resolveDate } from "../src/core/dates/index.ts";

const resolveAll = (text: string, ref?: string) => findDateExpressions(text).map((m) => resolveDate(m, ref));

describe("date expressions", () => {
  it("reads a full date, a day without a year, a weekday with a day, a year", () => {
    const found = findDateExpressions("Le 15 janvier 2026, jeudi 15 janvier, le 9 février et en 2025.");
    expect(found.map((d) => d.text)).toEqual(["15 janvier 2026", "jeudi 15 janvier", "9 février", "en 2025"]);
    expect(found[1]).toMatchObject({ day: 15, month: 1, weekday: 4 });
  });

  it("does not take the planet Mars or a bare number for a date", () => {
    expect(findDateExpressions("La mission Mars 2020 a coûté 2000 euros.").map((d) => d.text)).toEqual([]);
  });

  it("reads English dates", () => {
    expect(resolveAll("He said on January 15, 2026.")[0]?.value).toBe("2026-01-15");
  });
});

describe("date resolution", () => {
  it("keeps a written year", () => {
    const [r] = resolveAll("le 27 mai 2010", "2019-12-05");
    expect(r).toMatchObject({ value: "2010-05-27", precision: "day", resolved: true });
    expect(r?.inferred).toBeUndefined();
  });

  it("takes the year of the article's date when the text has none", () => {
    const [r] = resolveAll("jeudi 15 janvier à Hanoï", "2026-01-15");
    expect(r).toMatchObject({ value: "2026-01-15", precision: "day", resolved: true, inferred: true });
  });

  it("crosses the year boundary: `le 28 décembre` in an article of 2026-01-05 is 2025-12-28", () => {
    expect(resolveAll("le 28 décembre", "2026-01-05")[0]?.value).toBe("2025-12-28");
    expect(resolveAll("le 3 janvier", "2025-12-30")[0]?.value).toBe("2026-01-03");
  });

  it("uses a month-only article date as reference", () => {
    expect(resolveAll("le 2 août", "2025-08")[0]?.value).toBe("2025-08-02");
  });

  it("flags a day without a year in an undated article, and an impossible day", () => {
    expect(resolveAll("le 9 février")[0]).toMatchObject({ resolved: false, problem: "no-reference" });
    expect(resolveAll("le 31 février 2020", "2020-01-01")[0]).toMatchObject({
      resolved: false,
      problem: "invalid",
    });
  });

  it("resolves year and month precision, relative days and bare weekdays", () => {
    expect(resolveAll("en 2025")[0]).toMatchObject({ value: "2025", precision: "year", resolved: true });
    expect(resolveAll("début mars 2020")[0]).toMatchObject({ value: "2020-03", precision: "month" });
    expect(resolveAll("hier", "2026-01-01")[0]?.value).toBe("2025-12-31");
    expect(resolveAll("l'an dernier", "2026-01-01")[0]?.value).toBe("2025");
    expect(resolveAll("mardi", "2019-12-05")[0]).toMatchObject({ value: "2019-12-03", approximate: true });
  });

  it("formats for a reader and validates command dates", () => {
    expect(formatResolvedDate(resolveAll("le 1er mars 2020")[0] as never)).toBe("1er mars 2020");
    expect(formatResolvedDate(resolveAll("le 9 février")[0] as never)).toContain("(?)");
    expect(isIsoDay("2026-02-29")).toBe(false);
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2024-2-29")).toBe(false);
  });
});
