import { describe, expect, it } from "vitest";
import { nameReferent } from "../src/core/answer/referent.ts";

describe("nameReferent", () => {
  it("names the person a French quote's pronoun stands for", () => {
    const before = [
      "Le ministre japonais des Affaires étrangères Hayashi Yoshimasa s'est rendu lundi à Hanoï.",
      "Il y a rencontré son homologue pour parler du commerce.",
    ];
    // the sentence before opens on the same pronoun and names nobody: the chain goes back one more
    const r = nameReferent("Il a loué la qualité des relations bilatérales.", before);
    expect(r.text).toBe("[Hayashi Yoshimasa] a loué la qualité des relations bilatérales.");
    expect(r.referent).toBe("Hayashi Yoshimasa");
    expect(r.shift).toBe(r.text.length - "Il a loué la qualité des relations bilatérales.".length);
  });

  it("reads the gender from a civility and joins a surname to the full name", () => {
    const before = [
      "Angela Merkel a reçu vendredi le président du Conseil européen.",
      "Mme Merkel a plaidé pour un plan de relance commun.",
    ];
    expect(nameReferent("Elle a appelé à l'unité des Vingt-Sept.", before).text).toBe(
      "[Angela Merkel] a appelé à l'unité des Vingt-Sept.",
    );
  });

  it("names the person in English when the article states the gender", () => {
    const before = ["Mr Johnson met the French president on Tuesday.", "Boris Johnson said talks went well."];
    const r = nameReferent("He added that a deal was still possible.", before, "Brexit talks resume");
    expect(r.referent).toBe("Boris Johnson");
    expect(r.text.startsWith("[Boris Johnson] added")).toBe(true);
  });

  it("leaves the pronoun when the gender does not match or is not stated", () => {
    const before = ["Le Premier ministre Edouard Philippe a présenté son plan mardi."];
    expect(nameReferent("Elle a salué une décision courageuse.", before).text).toBe(
      "Elle a salué une décision courageuse.",
    );
    const noGender = ["Camille Dupont a présenté son plan mardi devant les députés, selon Claude Martin."];
    expect(nameReferent("Il a défendu la réforme.", noGender).referent).toBeUndefined();
  });

  it("leaves the pronoun when the sentence before names nobody (it may be a thing)", () => {
    const before = [
      "Le Premier ministre Edouard Philippe a présenté mardi le plan du gouvernement.",
      "Le texte prévoit une hausse des salaires des enseignants.",
    ];
    expect(nameReferent("Il sera examiné au Sénat en juin.", before).referent).toBeUndefined();
  });

  it("leaves the pronoun when two people of the same number could be meant", () => {
    const before = ["M. Macron a reçu M. Trudeau à l'Elysée, a annoncé la présidence."];
    expect(nameReferent("Il a évoqué le climat.", before).referent).toBeUndefined();
  });

  it("names two people for a plural pronoun only when the sentence joins them", () => {
    const before = ["Le président Emmanuel Macron et la chancelière Angela Merkel se sont entretenus lundi."];
    expect(nameReferent("Ils ont proposé un fonds de 500 milliards d'euros.", before).text).toBe(
      "[Emmanuel Macron et Angela Merkel] ont proposé un fonds de 500 milliards d'euros.",
    );
    expect(nameReferent("Elles ont proposé un fonds.", before).referent).toBeUndefined();
  });

  it("leaves the pronoun when the person is only a complement of the sentence before", () => {
    const before = [
      "L'archevêque a porté un col romain pour protester contre le régime du président zimbabwéen Robert Mugabe.",
      "Il ne l'a remis que dix ans plus tard.",
    ];
    expect(nameReferent("Il s'est opposé à la guerre en Irak en 2003.", before).referent).toBeUndefined();
  });

  it("leaves the pronoun when that sentence already used it for someone", () => {
    const before = [
      "Né à Toulon, il fut partisan du candidat d'extrême droite Jean-Louis Tixier-Vignancour.",
    ];
    expect(nameReferent("Il présida aussi un syndicat étudiant.", before).referent).toBeUndefined();
  });

  it("names a speaker only when the quote goes on speaking", () => {
    const before = [
      "L'homme était au téléphone au moment de l'accident, a indiqué le procureur de la République de Nancy, François Pérain.",
    ];
    expect(nameReferent("Il a été identifié grâce aux caméras.", before).referent).toBeUndefined();
    expect(nameReferent("Il a ajouté que l'enquête se poursuivait.", before).referent).toBe(
      "François Pérain",
    );
  });

  it("leaves an impersonal il and a quote without an opening pronoun", () => {
    const before = ["Le ministre de la Santé Olivier Véran a annoncé de nouvelles mesures."];
    for (const q of [
      "Il faut rester prudent, selon les autorités.",
      "Il ne faut pas l'enterrer, abonde une ministre.",
      "Il y a eu 395 morts en 24 heures.",
      "Il est trop tôt pour lever le confinement.",
      "Il est possible que les écoles rouvrent.",
      "Olivier Véran a ajouté que les masques seraient obligatoires.",
      "Ils",
    ])
      expect(nameReferent(q, before).text, q).toBe(q);
  });

  it("looks no further back than three sentences and reads the title last", () => {
    const before = [
      "Le ministre de la Santé Olivier Véran a annoncé de nouvelles mesures.",
      "Il a été entendu par les députés.",
      "Il a été entendu par les sénateurs.",
      "Il a été entendu par la presse.",
    ];
    expect(nameReferent("Il a défendu le confinement.", before).referent).toBeUndefined();
    expect(nameReferent("Il a défendu le confinement.", before.slice(0, 3)).referent).toBe("Olivier Véran");
    expect(
      nameReferent("Il a défendu le confinement.", [], "Le ministre Olivier Véran défend le confinement")
        .referent,
    ).toBe("Olivier Véran");
  });
});
