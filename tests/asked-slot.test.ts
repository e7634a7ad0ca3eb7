// The which-thing slot a question asks and whether a sentence fills it (./src/core/answer/asked-slot.ts,
// the gate's `askedSlotEmpty`), on sentences of the OrangeSum archive: the Bouilh-Devant helicopter
// crash (article 14800), the Eygalières killings (3476), the Forest Park drowning (9284: `parc Forest Park`), the M&D's
// roller coaster (19381), and sentences of other articles that write a helicopter's type after the
// noun (`hélicoptère Cougar`, `hélicoptères Caracal`), from which the sort is learned.
import { describe, expect, it } from "vitest";
import {
  askedNounWord,
  askedSlot,
  askedSlotEmpty,
  ofSort,
  slotNames,
} from "../src/core/answer/asked-slot.ts";
import { withSynonyms } from "../src/core/answer/counted-synonyms.ts";
import { readQuestion } from "../src/core/answer/read-question.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

const news = createNewsIndex([
  article(
    "14800",
    "2020-04-15",
    "Hautes-Pyrénées : deux morts dans le crash d'un hélicoptère militaire",
    "Un hélicoptère militaire s'est écrasé sur la commune de Bouilh-Devant, dans les Hautes-Pyrénées, a annoncé mercredi 15 avril la préfecture. L'accident a coûté la vie à deux personnes. Deux des blessés ont été évacués par hélicoptères, deux par la route, vers les hôpitaux de Tarbes et Toulouse, selon la préfecture. L'appareil était un Cougar du 5e régiment d'hélicoptères de combat (RHC) de Pau.",
  ),
  article(
    "a",
    "2019-11-27",
    "Mali : treize militaires français tués",
    "Pilote d'hélicoptère Cougar, il était à nouveau déployé au Mali depuis l'été 2019. Le chef d'état-major a indiqué que l'hélicoptère Cougar impliqué dans l'accident comportait une équipe d'extraction immédiate du commando, avant de percuter l'hélicoptère Tigre qui volait a proximité.",
  ),
  article(
    "b",
    "2020-03-24",
    "Coronavirus : l'armée mobilisée",
    "Trois hélicoptères Caracal, deux hélicoptères Puma et un avion de transport Casa pourront prendre en charge jusqu'à 30 patients. Chars Leclerc, obus flèche, Mirage 2000-9, radars Cobra, blindés Aravis, hélicoptères Cougar et Dauphin, canons Caesar.",
  ),
  article(
    "c",
    "2019-11-28",
    "Mali : qui étaient les militaires tués",
    "Fils du sénateur centriste Jean-Marie Bockel, il s'engage en 2011 comme officier sous contrat pilote et obtient sa qualification sur hélicoptère Puma.",
  ),
  article(
    "3476",
    "2019-10-07",
    "Bouches-du-Rhône : un couple et sa fille de 8 ans découverts tués par balle à leur domicile",
    "Selon les premiers éléments de l'enquête, un sexagénaire aurait tué sa fille et sa conjointe par balle avant de retourner l'arme contre lui. Les corps sans vie d'une femme, d'un enfant et d'un homme, morts par balle, ont été découverts lundi 7 octobre dans la matinée, dans le village d'Eygalières. Selon La Provence, l'alerte aurait été donnée par une connaissance du forcené.",
  ),
  article(
    "9284",
    "2019-02-07",
    "New York : un enfant meurt en voulant sauver son ami tombé dans un lac gelé",
    "Un garçon de 11 ans est mort le 6 février en sauvant son ami tombé dans l'eau glacée d'un étang du Queens à New York, rapporte le New York Daily News et ABC News. Les deux enfants jouaient sur une étendue glacée du parc Forest Park quand la glace s'est brisée sous le poids de l'un d'entre eux âgé de 12 ans.",
  ),
  article(
    "19381",
    "2016-04-24",
    "Ecosse : un terrible accident de montagnes russes fait plusieurs blessés",
    "Un terrible accident a touché l'Écosse ce dimanche. Les faits se sont déroulés dans le parc d'attractions M&D's de Motherwell en Écosse. Le parc à thèmes aurait été évacué et plusieurs enfants seraient gravement blessés.",
  ),
]);
const sentence = (id: string, starts: string) => {
  const doc = news.find(id) as number;
  const s = news.sentencesOf(doc).find((x) => x.text.startsWith(starts));
  if (!s) throw new Error(`no sentence ${starts} in ${id}`);
  return s.text;
};

describe("the asked noun", () => {
  it("is the noun after the interrogative, past `type de`, names and adjectives (French and English)", () => {
    expect(
      askedNounWord("C'était quel type d'hélicoptère, celui qui s'est écrasé à Bouilh-Devant ?", "fr"),
    ).toBe("helicoptere");
    expect(askedNounWord("Dans quel village des Alpilles un homme a-t-il tué sa conjointe ?", "fr")).toBe(
      "village",
    );
    expect(askedNounWord("Explosion ce matin dans une usine de Dieppe : c'est quelle usine ?", "fr")).toBe(
      "usine",
    );
    expect(askedNounWord("In which London hospital was Boris Johnson treated?", "en")).toBe("hospital");
    expect(askedNounWord("Which UNESCO national park was hit?", "en")).toBe("park");
    expect(askedNounWord("Which Dubai tower caught fire in July 2016?", "en")).toBe("tower");
    expect(askedNounWord("Which NASA probe's photos showed the Moon is shrinking?", "en")).toBe("probe");
  });

  it("reads `quel cours d'eau` as a river's course, not a court", () => {
    const q = "Dans quel cours d'eau a été retrouvé le sexagénaire disparu dans le Var ?";
    expect(askedNounWord(q, "fr")).toBe("cours");
    const asked = readQuestion(news, q);
    const term = (w: string, lang: "fr" | "en" = "fr") => news.analyzer.term(w, lang) as string;
    const group = asked.groups.find((g) => g.includes(term("cours"))) ?? [];
    expect(group).not.toContain(term("cour"));
    // the glossary's court (`court` → `tribunal`, `cour`) is no synonym of it
    const same = withSynonyms(news, group);
    for (const court of [term("cour"), term("tribunal"), term("court", "en")])
      expect(same).not.toContain(court);
  });

  it("is none for an attribute, a name or an event asked", () => {
    expect(askedNounWord("Quel est le nom du parc ?", "fr")).toBeUndefined();
    expect(askedNounWord("Sous quel nom est-il connu ?", "fr")).toBeUndefined();
    expect(askedNounWord("What happened in Dieppe?", "en")).toBeUndefined();
    expect(askedNounWord("What did Europol come up with?", "en")).toBeUndefined();
  });
});

describe("the names the archive writes after the noun", () => {
  it("learns a helicopter's types from `hélicoptère Cougar`, `hélicoptères Puma` in two articles or more", () => {
    const slot = new Set([news.analyzer.term("hélicoptère", "fr") as string]);
    const names = slotNames(news, slot);
    const term = (w: string) => news.analyzer.term(w, "fr") as string;
    expect(ofSort(news, names, term("Cougar"))).toBe(true);
    expect(ofSort(news, names, term("Puma"))).toBe(true);
    // named after the noun in one article only: too few to call it a type
    expect(ofSort(news, names, term("Tigre"))).toBe(false);
    expect(ofSort(news, names, term("Caracal"))).toBe(false);
    expect(ofSort(news, names, term("Tarbes"))).toBe(false);
  });
});

describe("a sentence filling the asked slot", () => {
  it("fills it with a name of the learned sort, or a name right after the noun", () => {
    const helicopter = readQuestion(
      news,
      "C'était quel type d'hélicoptère, celui qui s'est écrasé à Bouilh-Devant ?",
    );
    expect([...askedSlot(news, helicopter)]).toContain(news.analyzer.term("hélicoptère", "fr"));
    expect(askedSlotEmpty(news, helicopter, sentence("14800", "L'appareil était un Cougar"))).toBe(false);
    const village = readQuestion(
      news,
      "Dans quel village des Alpilles un homme a-t-il tué sa conjointe et sa fille de 8 ans ?",
    );
    expect(askedSlotEmpty(news, village, sentence("3476", "Les corps sans vie"))).toBe(false);
    const ride = readQuestion(
      news,
      "le grand huit Tsunami qui a déraillé en Écosse, c'était dans quel parc ?",
    );
    expect(askedSlotEmpty(news, ride, sentence("19381", "Les faits se sont déroulés"))).toBe(false);
  });

  it("leaves it empty where the event is told with other names only (the town, the prefecture, a source)", () => {
    const helicopter = readQuestion(
      news,
      "C'était quel type d'hélicoptère, celui qui s'est écrasé à Bouilh-Devant ?",
    );
    expect(askedSlotEmpty(news, helicopter, sentence("14800", "Un hélicoptère militaire s'est écrasé"))).toBe(
      true,
    );
    expect(askedSlotEmpty(news, helicopter, sentence("14800", "Deux des blessés"))).toBe(true);
    const village = readQuestion(
      news,
      "Dans quel village des Alpilles un homme a-t-il tué sa conjointe et sa fille de 8 ans ?",
    );
    expect(askedSlotEmpty(news, village, sentence("3476", "Selon les premiers"))).toBe(true);
    const ride = readQuestion(
      news,
      "le grand huit Tsunami qui a déraillé en Écosse, c'était dans quel parc ?",
    );
    expect(askedSlotEmpty(news, ride, sentence("19381", "Le parc à thèmes"))).toBe(true);
  });

  it("asks nothing of a person, a date, a figure, or a sort told by a word", () => {
    const who = readQuestion(news, "Qui pilotait l'hélicoptère qui s'est écrasé à Bouilh-Devant ?");
    expect(askedSlot(news, who).size).toBe(0);
    const when = readQuestion(news, "Quel jour l'hélicoptère s'est-il écrasé à Bouilh-Devant ?");
    expect(askedSlot(news, when).size).toBe(0);
    const toll = readQuestion(news, "Combien de morts dans le crash de l'hélicoptère à Bouilh-Devant ?");
    expect(askedSlotEmpty(news, toll, sentence("14800", "L'accident a coûté"))).toBe(false);
  });
});
