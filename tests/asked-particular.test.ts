// The particular a question asks (`quel camping`, `comment s'appelle le pêcheur`) and whether a
// sentence names it beside the asked noun (`le camping des Viviers`) or writes that noun only as a
// generic (`un camping`): ./src/core/answer/asked-particular.ts.
import { describe, expect, it } from "vitest";
import { askedHead, particularIn } from "../src/core/answer/asked-particular.ts";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";
import { createFeatureReader } from "./fakes/candidate-features.ts";

const news = createNewsIndex([
  article(
    "a",
    "2020-07-01",
    "Incendie",
    "Un incendie a détruit un camping de Mimizan. Le camping des Viviers est fermé.",
  ),
  article(
    "b",
    "2020-07-02",
    "Noyade",
    "Un pêcheur a disparu en mer près de Dax. Le pêcheur, Jean Lasserre, avait 60 ans.",
  ),
]);

const read = (question: string, sentence: string) => {
  const q = readQuestion(news, question, "2020-08-01");
  return particularIn(news, q, askedHead(q), sentence);
};

describe("asked particular", () => {
  it("reads the asked head noun from the question's own reading", () => {
    const head = (question: string) => [...askedHead(readQuestion(news, question, "2020-08-01"))];
    expect(head("Quel camping a été détruit par l'incendie ?")).toContain(
      news.analyzer.term("camping", "fr"),
    );
    expect(head("Comment s'appelle le pêcheur disparu près de Dax ?")).toContain(
      news.analyzer.term("pêcheur", "fr"),
    );
    expect(head("Dans quelle ville le pêcheur a-t-il disparu ?")).toContain(
      news.analyzer.term("ville", "fr"),
    );
    // a figure or a date has no particular
    expect(head("Combien de campings ont brûlé ?")).toEqual([]);
    expect(head("Quand le camping a-t-il brûlé ?")).toEqual([]);
  });

  it("finds a name the question does not hold beside the asked noun", () => {
    const q = "Quel camping a été détruit par l'incendie de Mimizan ?";
    expect(read(q, "Le camping des Viviers a été détruit par l'incendie.")).toEqual({
      named: true,
      generic: false,
      echoed: false,
    });
    expect(read(q, "Le camping « Les Viviers » a brûlé.")).toEqual({
      named: true,
      generic: false,
      echoed: false,
    });
    // the question's own town after the noun: written as the question wrote it (echoed)
    expect(read(q, "Un incendie a détruit un camping de Mimizan.")).toEqual({
      named: false,
      generic: true,
      echoed: true,
    });
    // a name the question holds is no answer, and neither is a generic with a town after it
    expect(read(q, "Un incendie a détruit un camping de Dax.")).toEqual({
      named: false,
      generic: true,
      echoed: false,
    });
    expect(read(q, "Le camping de Mimizan a brûlé.")).toEqual({ named: false, generic: false, echoed: true });
    // a sentence without the asked noun says nothing here
    expect(read(q, "Les Viviers ont brûlé.")).toEqual({ named: false, generic: false, echoed: false });
  });

  it("does not read a name after a comma as the place or thing asked", () => {
    // `le maire de la ville, Damien Hénault` names the mayor, not the town asked
    const town = "Dans quelle ville le pêcheur a-t-il disparu ?";
    expect(read(town, "Le maire de la ville, Damien Hénault, est sous le choc.").named).toBe(false);
    expect(read(town, "Le maire de la ville de Dax est sous le choc.").named).toBe(true);
    const camping = "Quel camping a été détruit par l'incendie de Mimizan ?";
    expect(read(camping, "Le gérant du camping, Pierre Durand, a tout perdu.").named).toBe(false);
  });

  it("reads the asked person's name in apposition, before or after the role", () => {
    const q = "Comment s'appelle le pêcheur disparu près de Dax ?";
    expect(read(q, "Le pêcheur, Jean Lasserre, avait 60 ans.")).toEqual({
      named: true,
      generic: false,
      echoed: false,
    });
    expect(read(q, "Selon la mairie, Jean Lasserre, le pêcheur disparu, avait 60 ans.").named).toBe(true);
    expect(read(q, "Un pêcheur a disparu en mer, a indiqué Paul Martin.")).toEqual({
      named: false,
      generic: true,
      echoed: false,
    });
    // a day opening the clause is no name
    expect(read(q, "Mardi, le pêcheur a disparu.")).toEqual({ named: false, generic: false, echoed: false });
  });

  it("reads a town named beside `commune`", () => {
    const q = "Dans quelle commune le pêcheur a-t-il disparu ?";
    expect(read(q, "Le drame s'est produit dans la commune de Capbreton.").named).toBe(true);
    expect(read(q, "Le drame s'est produit dans une commune des Landes.")).toEqual({
      named: false,
      generic: true,
      echoed: false,
    });
  });

  it("reads the asked noun echoed with the question's own names (agency, beach)", () => {
    const q = "Fraude chez Pôle emploi dans le Var : dans quelle agence travaillait la salariée ?";
    expect(read(q, "La salariée d'une agence Pôle emploi du Var a été condamnée.").echoed).toBe(true);
    expect(read(q, "La salariée de l'agence de Draguignan a été condamnée.")).toEqual({
      named: true,
      generic: false,
      echoed: false,
    });
    const beach = "Sur quelle plage des Landes le vacancier a-t-il été enseveli ?";
    expect(read(beach, "Un vacancier a été enseveli sur une plage des Landes.").echoed).toBe(true);
    expect(read(beach, "Un vacancier a été enseveli sur la plage des Estagnots.").echoed).toBe(false);
  });

  it("writes both features on the answerer's candidates", () => {
    const at = createFeatureReader(news)("Quel camping a été détruit par l'incendie de Mimizan ?", "a");
    expect(at(0)?.[FEATURE_INDEX.particularGeneric]).toBe(1);
    expect(at(0)?.[FEATURE_INDEX.particularNamed]).toBe(0);
    expect(at(1)?.[FEATURE_INDEX.particularNamed]).toBe(1);
  });
});
