// A figure of a part of the asked group (./src/core/answer/figure-scope.ts): every figure of the
// sentence narrowed after it (`nées en Afrique`, `graves`, `seriously`) or taken as a part before
// it (`dont`, `parmi eux`, `including`), a narrowing the question does not write itself.
import { describe, expect, it } from "vitest";
import { figureRestricted } from "../src/core/answer/figure-scope.ts";

const deaths = "Insee : combien de décès toutes causes en France en mars-avril 2020 ?";
const injured = "Accident de TER près d'Aix : combien de blessés ?";

describe("figureRestricted", () => {
  it("fires where every figure counts a narrower group than asked", () => {
    expect(
      figureRestricted(
        deaths,
        "En mars-avril, 18 000 décès de personnes nées en Afrique ont été enregistrés.",
      ),
    ).toBe(true);
    expect(figureRestricted(injured, "L'accident a fait deux blessés graves.")).toBe(true);
    expect(figureRestricted(injured, "Parmi eux, cinq policiers ont été blessés.")).toBe(true);
    expect(
      figureRestricted("How many people were injured in the crash?", "Three people were seriously injured."),
    ).toBe(true);
  });
  it("does not fire where a figure counts the whole group, or the question asks the narrowed one", () => {
    expect(figureRestricted(deaths, "L'Insee a recensé 129 000 décès toutes causes confondues.")).toBe(false);
    // the whole count beside its part
    expect(figureRestricted(injured, "L'accident a fait neuf blessés, dont deux graves.")).toBe(false);
    expect(figureRestricted("How many were killed?", "Nine people were killed, including the gunman.")).toBe(
      false,
    );
    expect(figureRestricted("Combien de blessés graves ?", "L'accident a fait deux blessés graves.")).toBe(
      false,
    );
    // an age, a year, a percentage are no count; no figure says nothing
    expect(figureRestricted(injured, "Le conducteur, âgé de 45 ans, est grièvement blessé.")).toBe(false);
    expect(figureRestricted(injured, "Le train a déraillé.")).toBe(false);
  });
});
