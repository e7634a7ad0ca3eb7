import { describe, expect, it } from "vitest";
import { contradictsTitle, titleComplements } from "../src/core/answer/role-complement.ts";

const words = (text: string) => titleComplements(text).map((t) => [t.title, [...t.words].sort()]);

describe("title complements", () => {
  it("reads a title's complement, past its adjectives and up to the clause", () => {
    expect(words("Qui est le ministre japonais de l'Agriculture ?")).toEqual([["ministre", ["agriculture"]]]);
    expect(words("Qui était le maire de Versailles au moment du massacre ?")).toEqual([
      ["maire", ["versailles"]],
    ]);
    expect(words("le ministre japonais des Affaires intérieures et de la Communication, Hayashi")).toEqual([
      ["ministre", ["affaires", "communication", "interieures"]],
    ]);
    expect(words("Who is the minister of Agriculture?")).toEqual([["minister", ["agriculture"]]]);
    expect(words("Le ministre a invité son hôte.")).toEqual([]);
  });

  it("tells a sentence naming another office-holder from one naming this one", () => {
    const q = titleComplements("Qui est le ministre japonais de l'Agriculture ?");
    expect(contradictsTitle(q, "Le ministre japonais des Affaires intérieures, Hayashi, est venu.")).toBe(
      true,
    );
    expect(contradictsTitle(q, "Le Premier ministre japonais Takaichi Sanae a parlé.")).toBe(true);
    expect(contradictsTitle(q, "Le ministre japonais de l'Agriculture, Sato Ken, a parlé.")).toBe(false);
    expect(contradictsTitle(q, "Sato Ken, ministre de l’agriculture, a parlé.")).toBe(false);
    expect(contradictsTitle([], "Le ministre des Transports, Nguyen Van An, a parlé.")).toBe(false);
  });
});
