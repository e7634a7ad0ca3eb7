import { describe, expect, it } from "vitest";
import { type DateCase, dateCases, resolveCase } from "../bench/lib/date-truth.ts";
import { loadOrangeSum } from "../bench/lib/orangesum.ts";
import {
  findDateExpressions,
  formatResolvedDate,
  isIsoDay,
  resolveDate,
  resolveDatesIn,
  tenseAt,
} from "../src/core/dates/index.ts";

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

describe("relative dates, from the article's date and the verb's tense", () => {
  const one = (text: string, ref: string) => resolveDatesIn(text, ref)[0];

  it("`le 1er janvier dernier` is the past one, `prochain` the coming one", () => {
    expect(one("Le chômage a baissé depuis le 1er janvier dernier.", "2019-09-12")?.value).toBe("2019-01-01");
    expect(one("Les soldes commenceront le 8 janvier prochain.", "2019-03-01")?.value).toBe("2020-01-08");
    expect(one("Il l'avait rencontré en mars dernier.", "2019-09-12")?.value).toBe("2019-03");
  });

  it("`depuis` looks back even when the nearest day would be ahead", () => {
    expect(one("Les prix augmentent depuis le 1er janvier.", "2019-09-12")?.value).toBe("2019-01-01");
    expect(one("Le sommet se tiendra le 1er janvier.", "2019-09-12")?.value).toBe("2020-01-01");
  });

  it("a bare weekday is the coming one in a future sentence, the last one otherwise", () => {
    // Tuesday 1 December 2026
    expect(one("Le président se rendra jeudi à Lyon.", "2026-12-01")?.value).toBe("2026-12-03");
    expect(one("Le sommet doit se tenir jeudi à Paris.", "2026-12-01")?.value).toBe("2026-12-03");
    expect(one("Le ministre a annoncé jeudi sa démission.", "2026-12-01")?.value).toBe("2026-11-26");
    expect(one("Selon un rapport publié jeudi, les ventes reculent.", "2026-12-01")?.value).toBe(
      "2026-11-26",
    );
    expect(one("Il a été interpellé lundi soir.", "2026-12-01")?.value).toBe("2026-11-30");
    expect(one("Le vote aura lieu mardi prochain.", "2026-12-01")?.value).toBe("2026-12-08");
    expect(one("Il est arrivé mardi dernier.", "2026-12-01")?.value).toBe("2026-11-24");
  });

  it("a written weekday names the year, whatever the tense (`mardi 5 décembre`)", () => {
    expect(one("Les syndicats appellent à la grève mardi 5 décembre.", "2017-11-30")?.value).toBe(
      "2017-12-05",
    );
    expect(one("Les syndicats ont fait grève jeudi 5 décembre.", "2019-12-06")?.value).toBe("2019-12-05");
  });

  it("weeks and months around the article's date", () => {
    expect(one("Le texte sera examiné la semaine prochaine.", "2026-12-01")).toMatchObject({
      value: "2026-12-08",
      approximate: true,
    });
    expect(one("Les ventes ont chuté le mois dernier.", "2020-01-15")).toMatchObject({
      value: "2019-12",
      precision: "month",
    });
    expect(one("The vote took place last week.", "2026-12-01")?.value).toBe("2026-11-24");
  });

  it("reads the tense of the nearest verb, not of a verb in another clause", () => {
    expect(tenseAt("Il a annoncé que le sommet se tiendra jeudi.", 43)).toBe("future");
    expect(tenseAt("Il se rendra à Lyon, où il a déjà été accueilli jeudi.", 47)).toBe("past");
    expect(tenseAt("Le conseil des ministres examine le texte jeudi.", 41)).toBe("present");
  });
});

describe("relative dates on real sentences of the archive", () => {
  // Full dates written in the archive are their own answer: rewritten without the year, or as a
  // bare weekday, they must resolve back to the day the writer wrote (see bench/lib/date-truth.ts).
  const docs = loadOrangeSum(4000);
  const cases: DateCase[] = docs.flatMap((d) => (d.date ? dateCases(d.article, d.date, 200) : []));
  const accuracy = (form: DateCase["form"], useTense: boolean) => {
    const set = cases.filter((c) => c.form === form);
    return set.filter((c) => resolveCase(c, useTense) === c.truth).length / set.length;
  };

  it("has enough cases to measure", () => {
    expect(cases.filter((c) => c.form === "weekday").length).toBeGreaterThan(300);
    expect(cases.filter((c) => c.form === "no-year").length).toBeGreaterThan(50);
  });

  it("places a bare weekday right far more often with the tense than always looking back", () => {
    expect(accuracy("weekday", true)).toBeGreaterThan(0.85);
    expect(accuracy("weekday", true)).toBeGreaterThan(accuracy("weekday", false) + 0.04);
  });

  it("places a day without its year right", () => {
    expect(accuracy("no-year", true)).toBeGreaterThan(0.85);
  });
});
