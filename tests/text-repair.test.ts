import { describe, expect, it } from "vitest";
import {
  dumpParagraphs,
  fixGluedSentences,
  paragraphs,
  stripAgencyJunk,
} from "../src/core/corpus/text-repair.ts";

describe("agency signatures", () => {
  it("removes a desk signature glued to the last sentence", () => {
    expect(
      dumpParagraphs(
        "Le bilan s'élève à 20.265 morts. Il a été revu en hausse, a annoncé le gouvernement dimanche.burs-ccd/ber/mba/am/plh/sl",
      ),
    ).toEqual([
      "Le bilan s'élève à 20.265 morts. Il a été revu en hausse, a annoncé le gouvernement dimanche.",
    ]);
  });

  it("removes short and mixed codes, after a space or a closing quote", () => {
    for (const [text, kept] of [
      ["Le texte sera voté mardi. pab/fz", "Le texte sera voté mardi."],
      [
        '"C\'est une décision politique", a-t-il souligné. pr/BC/ial/rhl',
        '"C\'est une décision politique", a-t-il souligné.',
      ],
      ['Il a conclu: "nous gagnerons".so/rh/sp', 'Il a conclu: "nous gagnerons".'],
      ["Le tueur a été arrêté.eva-edy-zl-chd-lv-jpa/rl/cbn", "Le tueur a été arrêté."],
    ])
      expect(dumpParagraphs(text as string)).toEqual([kept]);
  });

  it("removes a signature between two dispatches glued together", () => {
    expect(
      dumpParagraphs(
        "Le séisme a fait deux morts.bur-neo-abd/rh/pb-mm/mp/ybl Le président a décrété un deuil.",
      ),
    ).toEqual(["Le séisme a fait deux morts. Le président a décrété un deuil."]);
  });

  it("keeps units, and/or, addresses and slashes inside sentences", () => {
    for (const text of [
      "La voiture roule à 130 km/h et consomme peu.",
      "Les patients présentent de la fièvre et/ou une toux.",
      "Le formulaire est en ligne sur https://www.service-public.fr/particuliers/vosdroits",
      "Plus d'informations sur le site gouvernement.fr/info-coronavirus",
      "Le menu sera poulet/riz/chou jeudi.",
      "Il a signé, a dit-il.",
    ])
      expect(dumpParagraphs(text), text).toEqual([text]);
  });
});

describe("closing credits and captions", () => {
  it("removes a credit or a caption that ends the text", () => {
    expect(dumpParagraphs("La production sera limitée à 40 exemplaires.Crédit photo : Bugatti")).toEqual([
      "La production sera limitée à 40 exemplaires.",
    ]);
    expect(dumpParagraphs("Les ventes débuteront en juillet.Photo : BMW M3 berline")).toEqual([
      "Les ventes débuteront en juillet.",
    ]);
    expect(dumpParagraphs("Le rachat doit être finalisé en 2021. Source : Reuters")).toEqual([
      "Le rachat doit être finalisé en 2021.",
    ]);
    expect(paragraphs("Le vote aura lieu mardi.\n\nLe texte est contesté. (avec AFP)")).toEqual([
      "Le vote aura lieu mardi.",
      "Le texte est contesté.",
    ]);
    expect(paragraphs("Le vote aura lieu mardi.-AFP")).toEqual(["Le vote aura lieu mardi."]);
  });

  it("removes paragraphs that are only credits, and keeps a text that is nothing else", () => {
    expect(
      stripAgencyJunk(["Le modèle sera présenté à Genève.", "Source : Reuters", "Photo : Porsche 911"]),
    ).toEqual(["Le modèle sera présenté à Genève."]);
    expect(stripAgencyJunk(["Photo : Porsche 911"])).toEqual(["Photo : Porsche 911"]);
  });

  it("keeps a sentence that only mentions a source or a photo", () => {
    for (const text of [
      "Selon une source proche du dossier, l'accord sera signé lundi.",
      "La photo a fait le tour des réseaux sociaux.",
      "Le ministre a cité l'AFP comme source.",
    ])
      expect(dumpParagraphs(text), text).toEqual([text]);
  });
});

describe("glued sentences", () => {
  it("splits sentence ends that dumps glue together", () => {
    expect(dumpParagraphs("la violence domestique.Consternant, ce chiffre")).toEqual([
      "la violence domestique.",
      "Consternant, ce chiffre",
    ]);
  });

  it("splits a closing quote glued to the next opening one, and a closing bracket", () => {
    expect(
      dumpParagraphs('Il ne tenait pas sa langue dans sa poche.""Le seul problème, c\'est le prix."'),
    ).toEqual(['Il ne tenait pas sa langue dans sa poche."', '"Le seul problème, c\'est le prix."']);
    expect(fixGluedSentences("(le principal Skinner...)Mike Henry a quitté la série.", " ")).toBe(
      "(le principal Skinner...) Mike Henry a quitté la série.",
    );
  });

  it("splits before a word opening on Fr (not a .fr address)", () => {
    expect(fixGluedSentences("aille un jour en prison.Frère cadet de l'ancien président", " ")).toBe(
      "aille un jour en prison. Frère cadet de l'ancien président",
    );
    expect(fixGluedSentences("sur le site Orange.fr et Booking.Com aussi", " ")).toBe(
      "sur le site Orange.fr et Booking.Com aussi",
    );
  });

  it("keeps initials, abbreviations and decimals", () => {
    for (const text of ["M.Dupont est arrivé.", "En 52 av. J.-C. César", "Le taux est de 3.5 %."])
      expect(fixGluedSentences(text, " ")).toBe(text);
  });
});

describe("glued subheadings", () => {
  it("puts a subheading run into the next paragraph on a line of its own", () => {
    // real OrangeSum bodies: a subheading with no punctuation, then the paragraph it heads
    expect(
      dumpParagraphs(
        "La RD901 a été fermée.Chaussée effondréeSelon les premiers éléments de l'enquête, le camion a pris feu.",
      ),
    ).toEqual([
      "La RD901 a été fermée.",
      "Chaussée effondrée",
      "Selon les premiers éléments de l'enquête, le camion a pris feu.",
    ]);
    expect(dumpParagraphs("Une barrière retrouvée casséeL'enquête poursuit son cours.")).toEqual([
      "Une barrière retrouvée cassée",
      "L'enquête poursuit son cours.",
    ]);
  });
  it("keeps brands in camel case and capitals after short words", () => {
    for (const text of [
      "Le vaccin de CureVac et celui d'AstraZeneca arrivent.",
      "Sony lance la PlayStation 5, LinkedIn recrute.",
      "Le groupe LeBron et la famille DeLa Cruz.",
    ])
      expect(dumpParagraphs(text)).toEqual([text]);
  });
});
