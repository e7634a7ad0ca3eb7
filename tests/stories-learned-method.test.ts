// The digest's learned clustering method, when it is single pass, reads a period in time order
// like an explicit `method: "single-pass"` does (learned-params.ts is replaced here by single pass).
import { describe, expect, it, vi } from "vitest";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

vi.mock("../src/core/stories/learned-params.ts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../src/core/stories/learned-params.ts")>()),
  LEARNED_METHOD: "single-pass",
}));
const seen: (number | undefined)[][] = [];
vi.mock("../src/core/stories/cluster.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/core/stories/cluster.ts")>();
  return {
    ...real,
    clusterFeatures: (...args: Parameters<typeof real.clusterFeatures>) => {
      seen.push(args[0].map((f) => f.day));
      return real.clusterFeatures(...args);
    },
  };
});
const { clusterDocs } = await import("../src/core/stories/stories.ts");

describe("clusterDocs with single pass as the learned method", () => {
  it("clusters a multi-day period given latest first in time order", () => {
    const news = createNewsIndex([
      art(
        "a",
        "2023-11-01",
        "La tempête Ciaran approche de la Bretagne",
        "Météo-France place la Bretagne en vigilance orange.",
      ),
      art(
        "b",
        "2023-11-02",
        "La tempête Ciaran balaie la Bretagne",
        "Des rafales de 200 km/h ont frappé la pointe bretonne.",
      ),
      art(
        "c",
        "2023-11-03",
        "Après la tempête Ciaran, la Bretagne répare",
        "Les pompiers dégagent les routes et les toitures.",
      ),
    ]);
    const docs = ["c", "b", "a"].map((id) => news.find(id) as number);
    seen.length = 0;
    const groups = clusterDocs(news, docs);
    expect(seen).toHaveLength(1);
    const days = seen[0] as number[];
    expect(days).toEqual([...days].sort((x, y) => x - y));
    expect(groups.flat().sort()).toEqual([...docs].sort());
  });
});
