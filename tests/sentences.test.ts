import { describe, expect, it } from "vitest";
import { sentences, splitSentences } from "../src/core/text/sentences.ts";

describe("sentence splitting", () => {
  it("splits at full stops, exclamation and question marks, ellipses and line breaks", () => {
    expect(sentences("Il pleut. Elle sort ! Qui vient ? Rien… Puis la suite\nUne ligne")).toEqual([
      "Il pleut.",
      "Elle sort !",
      "Qui vient ?",
      "Rien…",
      "Puis la suite",
      "Une ligne",
    ]);
  });

  it("does not split after an abbreviation, an initial, or inside a number", () => {
    expect(sentences("M. Macron a parlé. J. Smith aussi, etc. Ensuite 2.5 et 600.000 euros.")).toEqual([
      "M. Macron a parlé.",
      "J. Smith aussi, etc. Ensuite 2.5 et 600.000 euros.",
    ]);
  });

  it("keeps closing quotes with their sentence and splits glued sentences", () => {
    expect(sentences("Il a dit « bonjour. » Elle est partie.")).toEqual([
      "Il a dit « bonjour. »",
      "Elle est partie.",
    ]);
    expect(sentences("une intelligence artificielle.Il a conclu.")).toEqual([
      "une intelligence artificielle.",
      "Il a conclu.",
    ]);
    expect(sentences("Les U.S.A. et le Japon.")).toEqual(["Les U.S.A. et le Japon."]);
  });

  it("gives offsets into the text, spaces trimmed, in texts with characters beyond Latin-1", () => {
    const text = "  L’œuvre est là.  “Voilà” dit-il.\n\n";
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["L’œuvre est là.", "“Voilà” dit-il."]);
  });
});
