// What the answer pipeline can reach: which sentences become candidates at all. A sentence
// opening on a pronoun speaks of what the sentence before it names, so it holds that sentence's
// question words (at a share), even when it repeats none of them itself.
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { FEATURE_INDEX } from "../src/core/answer/features.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as article } from "./fakes/articles.ts";

const singer = article(
  "s1",
  "2020-09-04",
  "Disparition d'une figure du music-hall",
  "La chanteuse Annie Delcourt a quitté la scène en 2010. Elle résidait depuis vingt ans à Vallauris, près de Cannes. " +
    "Le public garde le souvenir de ses tournées. Sa maison de Grasse accueillait des amis.",
);

describe("a pronoun's sentence holds the words of the sentence before it", () => {
  const answerer = createAnswerer(createNewsIndex([singer]), { minConfidence: 0 });
  const scored = answerer.candidates("Où vivait la chanteuse Annie Delcourt ?").scored;
  const text = (s: (typeof scored)[number]) => s.sentence.text;

  it("makes a candidate of a sentence opening on a pronoun after one naming the subject", () => {
    const pronoun = scored.find((s) => text(s).startsWith("Elle résidait"));
    expect(pronoun).toBeDefined();
    const named = scored.find((s) => text(s).startsWith("La chanteuse")) as (typeof scored)[number];
    // at a share: less than the sentence that names the subject itself
    const coverage = (s: (typeof scored)[number]) => s.features[FEATURE_INDEX.coverage] as number;
    expect(coverage(pronoun as (typeof scored)[number])).toBeGreaterThan(0);
    expect(coverage(pronoun as (typeof scored)[number])).toBeLessThan(coverage(named));
  });

  it("leaves out a sentence holding no question word that does not open on a pronoun", () => {
    expect(scored.some((s) => text(s).startsWith("Sa maison"))).toBe(false);
    expect(scored.some((s) => text(s).startsWith("Le public"))).toBe(false);
  });
});
