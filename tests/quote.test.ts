import { describe, expect, it } from "vitest";
import { concise, markSpan } from "../src/core/answer/quote.ts";

const ARTICLE = [
  "Le gouvernement a présenté mercredi son plan de déconfinement progressif.",
  "Le Premier ministre Edouard Philippe a annoncé que les écoles rouvriraient le 11 mai.",
  "Les collèges suivront, dans les départements les moins touchés, à partir du 18 mai.",
];

// One sentence of 480 characters, as agency copy writes them: clauses joined by commas.
const LONG =
  "Selon le dernier bilan publié dimanche soir par la Direction générale de la santé, qui précise que les chiffres des maisons de retraite ne sont remontés que partiellement pendant le week-end, " +
  "l'épidémie de coronavirus a fait 20.265 morts en France depuis le début du mois de mars, " +
  "soit 395 de plus qu'hier, tandis que le nombre de patients hospitalisés en réanimation continue de baisser pour le douzième jour consécutif, " +
  "un signe encourageant selon les autorités sanitaires qui appellent toutefois à la plus grande prudence.";

describe("concise", () => {
  it("quotes the one sentence holding the answer", () => {
    const q = concise(ARTICLE, 1);
    expect(q).toMatchObject({ text: ARTICLE[1], sentences: [1], trimmed: false });
  });

  it("adds a second sentence, in article order, only when both fit", () => {
    expect(concise(ARTICLE, 1, { second: 2 }).text).toBe(`${ARTICLE[1]} ${ARTICLE[2]}`);
    const before = concise(ARTICLE, 1, { second: 0 });
    expect(before.text).toBe(`${ARTICLE[0]} ${ARTICLE[1]}`);
    expect(before.sentences).toEqual([0, 1]);
    const tooLong = concise(ARTICLE, 1, { second: 2, maxChars: 120 });
    expect(tooLong.text).toBe(ARTICLE[1]);
    expect(tooLong.sentences).toEqual([1]);
  });

  it("moves the answer span with the sentence it is in", () => {
    const s = ARTICLE[1] as string;
    const start = s.indexOf("11 mai");
    const q = concise(ARTICLE, 1, { second: 0, span: { start, end: start + 6 } });
    expect(q.span && q.text.slice(q.span.start, q.span.end)).toBe("11 mai");
  });

  it("trims a sentence over 400 characters to the clauses around the answer", () => {
    expect(LONG.length).toBeGreaterThan(400);
    const start = LONG.indexOf("20.265 morts");
    const q = concise([LONG], 0, { span: { start, end: start + "20.265 morts".length } });
    expect(q.trimmed).toBe(true);
    expect(q.text.length).toBeLessThanOrEqual(400);
    expect(q.text).toContain("l'épidémie de coronavirus a fait 20.265 morts en France");
    expect(q.span && q.text.slice(q.span.start, q.span.end)).toBe("20.265 morts");
    // cut at clause boundaries, marked with an ellipsis, never mid-word
    expect(q.text.startsWith("… ") || q.text.endsWith(" …")).toBe(true);
    const body = q.text.replace(/^… /, "").replace(/ …$/, "");
    expect(LONG).toContain(body);
    const at = LONG.indexOf(body);
    expect(at === 0 || /[,;:]\s$/.test(LONG.slice(at - 2, at))).toBe(true);
    const after = LONG.charAt(at + body.length);
    expect(after === "" || after === ",").toBe(true);
  });

  it("keeps the start of a long sentence when no span is given", () => {
    const q = concise([LONG], 0);
    expect(q.text.startsWith("Selon le dernier bilan")).toBe(true);
    expect(q.text.endsWith(" …")).toBe(true);
    expect(q.text.length).toBeLessThanOrEqual(400);
  });

  it("falls back to words when the answer's clause alone is too long", () => {
    const words = Array.from({ length: 120 }, (_, i) => `mot${i}`).join(" ");
    const s = `${words} Tokyo ${words}.`;
    const start = s.indexOf("Tokyo");
    const q = concise([s], 0, { span: { start, end: start + 5 }, maxChars: 200 });
    expect(q.text.length).toBeLessThanOrEqual(200);
    expect(q.text).toMatch(/^… mot\d+ .* Tokyo .* mot\d+ …$/);
  });

  it("drops a second sentence when the first is already too long", () => {
    const q = concise([LONG, ARTICLE[0] as string], 0, { second: 1 });
    expect(q.sentences).toEqual([0]);
    expect(q.text.length).toBeLessThanOrEqual(400);
  });

  it("rejects an index that is not a sentence", () => {
    expect(() => concise(ARTICLE, 7)).toThrow(RangeError);
  });
});

describe("markSpan", () => {
  const text = "Le Premier ministre Edouard Philippe a annoncé que les écoles rouvriraient le 11 mai.";
  it("marks the answer given as offsets, without edge spaces or punctuation", () => {
    const start = text.indexOf(" Edouard");
    expect(markSpan(text, { start, end: start + 17 }).emphasis).toEqual([
      { start: start + 1, end: start + 17 },
    ]);
  });

  it("marks the answer given as written, case-insensitively", () => {
    const m = markSpan(text, "edouard philippe");
    const e = m.emphasis[0];
    expect(e && m.text.slice(e.start, e.end)).toBe("Edouard Philippe");
  });

  it("marks nothing rather than a wrong place", () => {
    expect(markSpan(text, "Jean Castex").emphasis).toEqual([]);
    expect(markSpan(text, { start: 10, end: 500 }).emphasis).toEqual([]);
    expect(markSpan(text, undefined).emphasis).toEqual([]);
    expect(markSpan(text, "  ").emphasis).toEqual([]);
  });
});
