// Where a sentence holds the question's words closest together (src/core/answer/question-window.ts),
// and the quote of a sentence too long to show whole, cut around them when it gives no answer of
// the asked kind (src/core/answer/cite.ts).
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { questionWindow } from "../src/core/answer/question-window.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

describe("questionWindow", () => {
  const news = createNewsIndex([
    article("w1", "2019-02-01", "Un port", "Le port de Samara ferme en hiver. Les céréaliers attendent."),
  ]);
  const q = readQuestion(news, "Quand le port de Samara ferme-t-il ?");

  it("spans the question's words standing closest together, from the first to the last", () => {
    // `Samara` stands more than ten index terms before `port … ferme`: the window holds the two together
    const text =
      "Samara, disent les habitants, marchands, pêcheurs, douaniers, marins, voyageurs et négociants de toute la région, " +
      "possède un port qui ferme en hiver.";
    const w = questionWindow(news, q, text);
    expect(w && text.slice(w.start, w.end)).toBe("port qui ferme");
    // the one word far from the others does not stretch the window to the sentence's start
    expect(w?.start).toBeGreaterThan(0);
  });

  it("is undefined for a text without a question word", () => {
    expect(questionWindow(news, q, "Les céréaliers attendent.")).toBeUndefined();
  });
});

describe("a sentence too long to quote whole, with no answer of the asked kind", () => {
  // 500+ characters; the question's words (`supporters`, `surnomment`, `rivaux`) and the answer stand near the end
  const long =
    "Au fil des décennies, le club a connu des périodes de gloire et de disette, changé plusieurs fois de stade, " +
    "de couleurs et de propriétaires, vu passer des entraîneurs venus de toute l'Europe et des joueurs de légende, " +
    "traversé deux guerres, une relégation et des scandales financiers qui ont marqué la ville entière, " +
    "tandis que la rivalité avec le voisin n'a jamais faibli, nourrie par les origines sociales des deux publics, " +
    "et les supporters du club surnomment encore aujourd'hui leurs rivaux les tournevis, par allusion à leurs origines ouvrières.";
  const news = createNewsIndex([
    article("c1", "2019-01-15", "Un derby centenaire", `${long} Le derby se joue deux fois par an.`),
  ]);
  const reply = createAnswerer(news, { minConfidence: 0 }).answer(
    "Comment les supporters surnomment-ils les rivaux du club ?",
  );

  it("is cut around the question's words rather than at its start", () => {
    expect(long.length).toBeGreaterThan(400);
    expect(reply.found).toBe(true);
    expect(reply.answer.length).toBeLessThanOrEqual(400);
    expect(reply.answer).toContain("tournevis");
  });

  it("marks nothing as the answer when no answer of the asked kind was found", () => {
    expect(reply.emphasis ?? []).toEqual([]);
  });
});
