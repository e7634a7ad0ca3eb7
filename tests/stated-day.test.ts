// A when-question answered by a day written relatively (`mercredi`, `hier`, `dimanche dernier`)
// gets that day's date stated in the quote (src/core/answer/stated-day.ts, cite.ts). The sentences
// are the archive's own (orangesum ids in the comments).
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { relativeDays, stateDay } from "../src/core/answer/stated-day.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

// orangesum 36973, 5 July 2020 (a Sunday)
const BOMB =
  "Près de 500 kilos, c'est le poids de cette bombe de la seconde guerre mondiale qui devra être neutralisée mercredi.";
// orangesum 6387, 7 October 2019
const TOME =
  "C'est avec une grande tristesse que nous venons d'apprendre la mort de Philippe Tome, survenue hier à l'âge de 62 ans.";
// orangesum 8422, 4 May 2018 (a Friday)
const SEALS =
  "L'autopsie réalisée sur deux phoques retrouvés morts dimanche dernier sur la plage du Touquet a révélé que l'un d'eux avait été abattu au fusil de chasse, rapporte La Voix du Nord vendredi 4 mai.";
// orangesum 7874, 13 March 2017
const ADLER =
  "Le journaliste, romancier et auteur de chansons Philippe Adler est décédé lundi 13 mars à l'âge de 80 ans, selon RTL et l'AFP.";

describe("relativeDays", () => {
  it("resolves a weekday on the side its verb's tense says: the coming Wednesday for `devra être neutralisée`", () => {
    const [day, ...rest] = relativeDays(BOMB, "2020-07-05");
    expect(rest).toEqual([]);
    expect(day && BOMB.slice(day.start, day.end)).toBe("mercredi");
    expect(day?.date).toBe("8 juillet 2020 (env.)");
  });

  it("resolves `hier` to the day before the article, not marked approximate", () => {
    expect(relativeDays(TOME, "2019-10-07").map((d) => [d.text, d.date])).toEqual([
      ["hier", "6 octobre 2019"],
    ]);
  });

  it("resolves `dimanche dernier` to the last Sunday and leaves a written day of the month alone", () => {
    expect(relativeDays(SEALS, "2018-05-04").map((d) => [d.text, d.date])).toEqual([
      ["dimanche dernier", "29 avril 2018 (env.)"],
    ]);
    expect(relativeDays(ADLER, "2017-03-13")).toEqual([]);
  });

  it("states nothing without the article's day, nor for a week", () => {
    expect(relativeDays(TOME, undefined)).toEqual([]);
    expect(relativeDays(TOME, "2019-10")).toEqual([]);
    expect(relativeDays("Le texte a été adopté la semaine dernière par les députés.", "2019-10-07")).toEqual(
      [],
    );
  });

  it("writes the date in the article's language", () => {
    expect(relativeDays("The singer died on Wednesday in Los Angeles.", "2020-07-05", "en")[0]?.date).toBe(
      "1 July 2020 (approx.)",
    );
  });
});

describe("stateDay", () => {
  const [day] = relativeDays(BOMB, "2020-07-05");
  const at = { start: BOMB.indexOf("mercredi"), end: BOMB.indexOf("mercredi") + "mercredi".length };

  it("puts the date after the day and grows the emphasis over it", () => {
    if (!day) throw new Error("no day");
    const stated = stateDay({ text: BOMB, emphasis: [at] }, day, at);
    expect(stated.text).toContain("neutralisée mercredi [8 juillet 2020 (env.)].");
    const [em] = stated.emphasis;
    expect(em && stated.text.slice(em.start, em.end)).toBe("mercredi [8 juillet 2020 (env.)]");
  });

  it("finds the day in the quote when it is written there once, and emphasises it when nothing was", () => {
    if (!day) throw new Error("no day");
    const text = `Et pour ce faire, 2.300 personnes seront évacuées. ${BOMB}`;
    const stated = stateDay({ text, emphasis: [] }, day);
    const [em] = stated.emphasis;
    expect(em && stated.text.slice(em.start, em.end)).toBe("mercredi [8 juillet 2020 (env.)]");
  });

  it("leaves the quote alone when the day is not where it is said to be, or written twice", () => {
    if (!day) throw new Error("no day");
    const twice = "Mercredi, le préfet a dit que la bombe serait neutralisée mercredi.";
    expect(stateDay({ text: twice, emphasis: [] }, day).text).toBe(twice);
    const quote = { text: "La zone devra être entièrement évacuée à midi.", emphasis: [] };
    expect(stateDay(quote, day, { start: 0, end: 8 })).toBe(quote);
  });

  it("shifts the emphasis that follows the day", () => {
    if (!day) throw new Error("no day");
    const after = { start: BOMB.indexOf("mercredi") + 8, end: BOMB.length };
    const stated = stateDay({ text: BOMB, emphasis: [{ start: 0, end: 4 }, after] }, day, at);
    expect(stated.emphasis.map((r) => stated.text.slice(r.start, r.end))).toEqual([
      "Près",
      "mercredi [8 juillet 2020 (env.)]",
      ".",
    ]);
  });
});

describe("a when-question answered by a relative day", () => {
  const news = createNewsIndex([
    article(
      "36973",
      "2020-07-05",
      "Saint-Nazaire : une bombe de la Seconde Guerre mondiale entraîne l'évacuation de 2.300 personnes",
      `${BOMB} Et pour ce faire, 2.300 personnes seront évacuées.`,
    ),
  ]);
  const answerer = createAnswerer(news, { minConfidence: 0 });

  it("says the day's date in the answer every adapter shows, and bolds it with the day", () => {
    const reply = answerer.answer("Quel jour la bombe de Saint-Nazaire sera-t-elle neutralisée ?");
    expect(reply.found).toBe(true);
    expect(reply.answer).toContain("mercredi [8 juillet 2020 (env.)]");
    const [em] = reply.emphasis ?? [];
    expect(em && reply.answer.slice(em.start, em.end)).toBe("mercredi [8 juillet 2020 (env.)]");
  });

  it("adds nothing to the answer of a question that does not ask when", () => {
    const reply = answerer.answer("Combien pèse la bombe de Saint-Nazaire ?");
    expect(reply.answer).not.toContain("[");
  });
});
