// The kind read from a quantity's noun (./src/core/answer/quantity-kind.ts through detectKind): a
// measure, a price or a rate asked without `combien` is a figure, `date of birth` a date,
// `combientième` a rank; the words of a question that asks no quantity leave its kind alone.
import { describe, expect, it } from "vitest";
import { detectKind } from "../src/core/answer/question.ts";

describe("a quantity asked by its noun", () => {
  it("reads a measure, a price, a rate asked after quel / what / how as a figure", () => {
    for (const q of [
      "Séisme en Californie vendredi : quelle magnitude ?",
      "Mont-Blanc : à quelle altitude l'alpiniste a-t-il chuté dimanche ?",
      "Braquage du casino cette nuit : quel butin ?",
      "Législatives, premier tour : c'est quoi la participation à midi ?",
      "What was the market value of the lobsters stolen in Le Havre?",
      "Earthquake near Tehran on Friday night: what magnitude?",
      "The German pigeon caught by a speed camera — how fast was it flashed?",
      "How heavy a fine did François Fillon get?",
    ])
      expect(detectKind(q), q).toBe("number");
  });
  it("reads a bare quantity noun closing the question as a figure", () => {
    expect(detectKind("Pot de départ à Rueil-Malmaison : montant de la facture ?")).toBe("number");
    expect(detectKind("Séisme en Papouasie-Nouvelle-Guinée aujourd'hui : magnitude ?")).toBe("number");
    expect(detectKind("Taux d'annulation des TGV en 2018 selon l'AQST ?")).toBe("number");
    expect(detectKind("Valls : sa cote de popularité dans le baromètre de ce mois-ci ?")).toBe("number");
  });
  it("reads a date asked by its noun, an ordinal by combientième", () => {
    expect(detectKind("Cameron Boyce, the actor who just died: what was his date of birth?")).toBe("date");
    expect(detectKind("Quelle est la date de naissance de l'avocate Ebru Timtik ?")).toBe("date");
    expect(detectKind("Alerte à l'ozone : c'est le combientième jour d'affilée ?")).toBe("rank");
  });
  it("leaves a question that names a quantity without asking it, or asks another kind first", () => {
    // the magnitude is given, the depth asked (a figure all the same), the place asked first
    expect(detectKind("Séisme de magnitude 3,8 près de Brest : où était l'épicentre ?")).toBe("place");
    expect(detectKind("De quel côté du Dniestr est située la Transnistrie ?")).toBe("other");
    expect(detectKind("Qui a fixé le prix du ticket de métro ?")).toBe("person");
    expect(detectKind("Quel prix a reçu le film ?")).toBe("other");
    expect(detectKind("Quand la vitesse a-t-elle été abaissée à 80 km/h ?")).toBe("date");
    expect(detectKind("Which bill did the Senate pass?")).toBe("other");
  });
});
