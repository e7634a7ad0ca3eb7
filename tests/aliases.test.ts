import { describe, expect, it } from "vitest";
import { learnAliases } from "../src/core/corpus/aliases.ts";

const article = (body: string, title = "Actualité") => ({ title, body });

describe("learnAliases: acronyms", () => {
  const corpus = [
    article("La Banque centrale européenne (BCE) a maintenu ses taux directeurs jeudi."),
    article("Selon la BCE (Banque centrale européenne), l'inflation restera faible en 2020."),
    article(
      "L'Organisation mondiale de la santé (OMS) a déclaré la pandémie, a indiqué l'Agence France-Presse (AFP).",
    ),
    article("Le directeur de l'Organisation mondiale de la Santé (OMS) s'est exprimé à Genève."),
    article("Paris (AFP) - Le Fonds monétaire international (FMI) prévoit une récession."),
    article("Le FMI (Fonds monétaire international) a revu ses prévisions."),
  ];
  const aliases = learnAliases(corpus);

  it("links an acronym and its full name both ways", () => {
    expect(aliases.expand("bce")).toEqual(["banque", "centrale", "europeenne"]);
    expect(aliases.expand("banque centrale europeenne")).toEqual(["bce"]);
    expect(aliases.expand("oms")).toEqual(["organisation", "mondiale", "sante"]);
    expect(aliases.expand("fmi")).toEqual(["fonds", "monetaire", "international"]);
  });

  it("folds the term it is given and never returns the term itself", () => {
    expect(aliases.expand("BCE")).toEqual(["banque", "centrale", "europeenne"]);
    expect(aliases.expand("Banque centrale  européenne")).toEqual(["bce"]);
    expect(aliases.expand("banque")).toEqual([]);
  });

  it("expands the words of a question, longest runs first", () => {
    expect(aliases.expandWords(["taux", "de", "la", "bce"])).toEqual(["banque", "centrale", "europeenne"]);
    expect(aliases.expandWords(["la", "banque", "centrale", "europeenne", "et", "le", "fmi"])).toEqual([
      "bce",
      "fonds",
      "monetaire",
      "international",
    ]);
    expect(aliases.expandWords(["prix", "du", "petrole"])).toEqual([]);
  });

  it("does not take a dateline or a name in brackets for an acronym", () => {
    expect(aliases.expand("afp")).toEqual([]); // written out once only: below the minimum count
    expect(aliases.expand("paris")).toEqual([]);
  });

  it("leaves an acronym that stands for two names to nothing", () => {
    const ambiguous = learnAliases([
      article("Le Parti socialiste (PS) a perdu des voix."),
      article("Le Parti socialiste (PS) se réunit."),
      article("Le Paris-Saint-Germain (PSG) a gagné, tout comme le Parti socialiste (PS) aux élections."),
      article("La Police scientifique (PS) a relevé des traces."),
      article("La Police scientifique (PS) enquête."),
    ]);
    expect(ambiguous.expand("ps")).toEqual([]);
  });
});

describe("learnAliases: surnames", () => {
  const corpus = [
    article("Le président Emmanuel Macron a reçu lundi la chancelière Angela Merkel."),
    article("M. Macron a ensuite évoqué le climat avec Mme Merkel."),
    article("Lors de sa visite, Emmanuel Macron a salué les soignants."),
    article("Le chef de l'Etat, Emmanuel Macron, a pris la parole, rejoint par Brigitte Macron."),
    article("Pour Emmanuel Macron, c'est une étape."),
    article("Selon la chancelière Angela Merkel, l'Europe doit agir. Pour Angela Merkel, rien n'est joué."),
    article("La chancelière allemande Angela Merkel a tranché, a rapporté la presse."),
    article(
      "M. Martin a été élu. Le maire Jean Martin a démissionné, a dit Paul Martin, et Luc Martin aussi.",
    ),
    article("Le député Jean Martin, soutenu par Paul Martin et Marie Martin, a voté."),
  ];
  const aliases = learnAliases(corpus);

  it("expands a surname to the given name of the one person the corpus gives it to", () => {
    expect(aliases.expand("macron")).toEqual(["emmanuel"]);
    expect(aliases.expand("merkel")).toEqual(["angela"]);
  });

  it("leaves a surname several people share to nothing", () => {
    expect(aliases.expand("martin")).toEqual([]);
  });

  it("takes no given name from a sentence opener", () => {
    const opener = learnAliases([
      article("M. Dupond est arrivé. Selon Dupond, tout va bien. Selon Dupond, rien ne change."),
      article("Pour Dupond, la réforme est juste. Selon Dupond, elle passera."),
    ]);
    expect(opener.expand("dupond")).toEqual([]);
  });

  it("keeps a surname with a particle whole, and its last word", () => {
    const drian = learnAliases([
      article("M. Le Drian a répondu. Le ministre Jean-Yves Le Drian était à Rome."),
      article(
        "Le chef de la diplomatie, Jean-Yves Le Drian, a parlé. Selon le ministre Jean-Yves Le Drian, non.",
      ),
    ]);
    expect(drian.expand("le drian")).toEqual(["jean", "yves"]);
    expect(drian.expand("drian")).toEqual(["jean", "yves"]);
  });

  it("takes the given name right before the surname, and none for a surname that is a common word", () => {
    const corpus = learnAliases([
      article(
        "M. Véran a parlé. La ministre de la Santé Olivier Véran a répondu, puis le ministre Olivier Véran.",
      ),
      article("Selon le ministre Olivier Véran, rien ne change."),
      article(
        "M. Poisson a voté. Le député Jean-Frédéric Poisson, le candidat Jean-Frédéric Poisson et le maire Jean-Frédéric Poisson.",
      ),
      article("Le prix du poisson grimpe, le poisson frais manque et le poisson surgelé se vend bien."),
    ]);
    expect(corpus.expand("veran")).toEqual(["olivier"]);
    expect(corpus.expand("poisson")).toEqual([]);
  });

  it("learns nothing from an empty corpus", () => {
    expect(learnAliases([]).size).toBe(0);
  });
});
