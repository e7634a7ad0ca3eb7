// The detail a question asks beyond its kind, and whether a sentence gives it (detailMissing): a
// sentence telling the event without the asked name, object, town or penalty lacks it.
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { askedDetail } from "../src/core/answer/asked-detail.ts";
import { FEATURE_INDEX, TITLE_INDEX } from "../src/core/answer/features.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

type Articles = Parameters<typeof createNewsIndex>[0];

/** detailMissing of each candidate, body sentences by position then the title (as `title`). */
function missing(articles: Articles, question: string) {
  const answerer = createAnswerer(createNewsIndex(articles), { minConfidence: 0 });
  return Object.fromEntries(
    answerer
      .candidates(question)
      .scored.map((s) => [
        s.index === TITLE_INDEX ? `${s.doc}:title` : `${s.doc}:${s.index}`,
        s.features[FEATURE_INDEX.detailMissing],
      ]),
  );
}

const detail = askedDetail;

describe("asked detail", () => {
  it("reads the detail asked", () => {
    expect(detail("Avec quoi le vendeur a-t-il blessé le policier ?")).toBe("object");
    expect(detail("What weapon did the gunman use?")).toBe("object");
    expect(detail("À quelle peine Paul Verdier a-t-il été condamné ?")).toBe("penalty");
    expect(detail("Paul Verdier a été condamné à combien d'années de prison ?")).toBe("penalty");
    expect(detail("Le dealer est renvoyé vers quelle ville ?")).toBe("city");
    expect(detail("In which city was the summit held?")).toBe("city");
    expect(detail("Quel est le nom de la touriste agressée ?")).toBe("name");
    expect(detail("Quel est son nom de famille ?")).toBe("name");
    expect(detail("Comment s'appelle le télésiège tombé en panne ?")).toBe("name");
    expect(detail("Comment s'appelle la femme qui a remplacé Paul Verdier ?")).toBe("name");
    expect(detail("À quel cirque appartenait le chameau ?")).toBe("named");
    expect(detail("Which company bought the stadium?")).toBe("named");
    // nothing beyond the kind
    expect(detail("Quand Paul Verdier est-il mort ?")).toBeUndefined();
    // a plain who-question is checked by kindFound already (a name apart asked it twice: held out,
    // more unanswerable questions answered)
    expect(detail("Qui a remplacé Paul Verdier ?")).toBeUndefined();
    expect(detail("Combien de skieurs ont été évacués ?")).toBeUndefined();
    expect(detail("Dans quel pays le dealer est-il renvoyé ?")).toBeUndefined();
    expect(detail("Quelle maladie a emporté Paul Verdier ?")).toBeUndefined();
  });
  it("asks no name of a who-is question", () => {
    const news = createNewsIndex([article("a", "2020-01-01", "T", "Paul Verdier est maire.")]);
    expect(readQuestion(news, "Qui est Paul Verdier ?").detail).toBeUndefined();
    expect(readQuestion(news, "Comment s'appelle la femme qui a remplacé Paul Verdier ?").detail).toBe(
      "name",
    );
  });

  it("finds no object when the sentence only tells the injury", () => {
    const m = missing(
      [
        article(
          "o1",
          "2017-07-20",
          "Trocadéro : un policier blessé",
          "Un policier a été blessé à la tête par un vendeur à la sauvette au Trocadéro. Le vendeur à la sauvette a frappé le policier avec un cerceau de tours Eiffel miniatures.",
        ),
      ],
      "Avec quoi le vendeur à la sauvette a-t-il blessé le policier au Trocadéro ?",
    );
    expect([m["0:0"], m["0:1"]]).toEqual([1, 0]);
  });

  it("finds no penalty in `n'a jamais été condamné`", () => {
    const m = missing(
      [
        article(
          "p1",
          "2020-09-04",
          "Procès de Paul Verdier",
          "Paul Verdier n'a jamais été condamné pour des faits de terrorisme. Paul Verdier a été condamné à trente ans de réclusion criminelle. Paul Verdier encourt la réclusion criminelle à perpétuité. Contre Paul Verdier, trente ans de réclusion ont été requis. Jean Lambertin a été condamné à cinq ans de prison, comme Paul Verdier l'avait été. Marc Oster a été condamné à cinq ans de prison ferme. Paul Verdier s'était acquitté d'une amende.",
        ),
      ],
      "À quelle peine Paul Verdier a-t-il été condamné ?",
    );
    // a penalty risked or asked for is none given; another person's is given to the question's
    // person only when the sentence names them too
    expect([m["0:0"], m["0:1"], m["0:2"], m["0:3"], m["0:4"], m["0:5"]]).toEqual([1, 0, 1, 1, 0, 1]);
  });

  it("takes a country for no town", () => {
    const m = missing(
      [
        article(
          "v1",
          "2017-12-21",
          "Villejuif : un dealer présumé renvoyé au Cameroun",
          "Le dealer présumé de Villejuif a été renvoyé au Cameroun. Le dealer présumé de Villejuif a été renvoyé à Yaoundé.",
        ),
      ],
      "Le dealer présumé de Villejuif est renvoyé vers quelle ville ?",
    );
    expect([m["0:0"], m["0:1"]]).toEqual([1, 0]);
  });

  it("takes `un cirque`, `une touriste`, a quoted source or the question's own person for no name", () => {
    const circus = missing(
      [
        article(
          "n1",
          "2017-03-11",
          "Avignon : un chameau attaque un collégien",
          "Le chameau appartenait à un cirque, qui a depuis levé le camp. Le chameau appartenait au cirque Olympique, installé à Avignon.",
        ),
      ],
      "À quel cirque appartenait le chameau qui a attaqué un collégien à Avignon ?",
    );
    expect([circus["0:0"], circus["0:1"]]).toEqual([1, 0]);
    const tourist = missing(
      [
        article(
          "n2",
          "2019-10-19",
          "Cambodge : viol d'une touriste",
          "Un tribunal a inculpé trois hommes du viol d'une touriste française à Kampot, rapporte Le Parisien. La touriste française violée à Kampot, Marie Durandal, a porté plainte.",
        ),
      ],
      "Quel est le nom de la touriste française violée à Kampot ?",
    );
    expect([tourist["0:0"], tourist["0:1"]]).toEqual([1, 0]);
    const accuser = missing(
      [
        article(
          "n3",
          "2020-09-17",
          "Trump accusé",
          "Le président Donald Trump a été accusé d'agression sexuelle par une ancienne mannequin. L'ancienne mannequin Amy Dorris accuse Donald Trump d'agression sexuelle.",
        ),
      ],
      "Comment s'appelle la femme qui accuse Trump d'agression sexuelle ?",
    );
    expect([accuser["0:0"], accuser["0:1"]]).toEqual([1, 0]);
  });

  it("takes a new person's name opening the sentence for the name asked", () => {
    const accuser = missing(
      [
        article(
          "n4",
          "2020-09-17",
          "Trump accusé",
          "Le président Donald Trump a été accusé d'agression sexuelle par une ancienne mannequin. Amy Dorris accuse Donald Trump d'agression sexuelle.",
        ),
      ],
      "Comment s'appelle la femme qui accuse Trump d'agression sexuelle ?",
    );
    expect([accuser["0:0"], accuser["0:1"]]).toEqual([1, 0]);
  });
});
