// The app with NEWSBOT_RETRIEVAL=postgres serving every reading command from articles that exist
// only in Postgres (none in its corpus folder) and holding none of their texts: digests, briefings,
// `/news search`, `who` and `article` read them through the Postgres article source, and the
// digest and the briefing are the ones the in-memory index builds from the same articles. An
// English question reaches a French article through the glossary's equivalents.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher } from "../commands/dispatch.ts";
import { allCommands } from "../commands/index.ts";
import { type RunningApp, startApp } from "../src/app/main.ts";
import type { Article } from "../src/core/corpus/article.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { buildDigest } from "../src/core/digest/digest.ts";
import { createNewsCore } from "../src/core/news-core.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { scheduledBrief, scheduledDigest } from "../src/core/scheduled/scheduled-post.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { createTermStats } from "../src/core/search/term-stats.ts";
import { createPgArticleSearch } from "../src/storage/pg-article-search.ts";
import { createPgArticleSource } from "../src/storage/pg-article-source.ts";
import { createSharedArticles } from "../src/storage/pg-articles.ts";
import { openPostgres } from "../src/storage/pg-database.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";

let server: TestPostgres;
let dir: string;
let app: RunningApp | undefined;
let memory: Dispatcher;
let articles: Article[];

const DAM: Article = {
  id: "pg-only-barrage",
  title: "Un barrage hydroélectrique mis en service sur la rivière Sê San",
  date: "2020-06-18",
  lang: "fr",
  body: "Le barrage de Plei Krông, d'une puissance de 420 mégawatts, a été mis en service mercredi par la compagnie nationale d'électricité.",
};

beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), "newsbot-source-app-"));
  const day = (await loadCorpus(resolve(import.meta.dirname, "fixtures/digest-day.jsonl"))).articles;
  // a third of the day moved ten days back: the weeks before the digest's day that its stories are
  // ranked against, read from Postgres by day as well
  articles = [...day.map((a, i) => (i % 3 === 0 ? { ...a, date: "2020-06-08" } : a)), DAM];
  const db = await openPostgres(await server.database());
  memory = createDispatcher({ core: createNewsCore(articles), commands: allCommands });
  const url = (db.pool.options as { connectionString: string }).connectionString;
  await createSharedArticles(db).publish(articles);
  await db.close();
  const cwd = join(dir, "app");
  mkdirSync(join(cwd, "corpus"), { recursive: true });
  app = await startApp({
    env: { DATABASE_URL: url, NEWSBOT_RETRIEVAL: "postgres", NEWSBOT_HTTP: "off" },
    cwd,
    ...consoleStreams(),
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const run = (d: Dispatcher, text: string) => d.runText(text, { platform: "console" });
const texts = (r: Reply) => JSON.stringify(r.blocks);

describe("NEWSBOT_RETRIEVAL=postgres serves the commands from Postgres", () => {
  it("holds the statistics of every article and none of their texts", () => {
    const running = app as RunningApp;
    expect(running.core.source.kind).toBe("postgres");
    expect(running.core.source.size()).toBe(articles.length);
    expect(running.core.news.articles).toHaveLength(0);
  });

  it("builds the digest of the latest day and of a period as the in-memory index does", async () => {
    const d = (app as RunningApp).dispatcher;
    for (const command of ["digest", "digest --from 2020-06-01 --to 2020-06-18 --max 5"]) {
      const fromPostgres = await run(d, command);
      expect(fromPostgres.isError).toBeFalsy();
      expect(texts(fromPostgres)).toBe(texts(await run(memory, command)));
    }
    expect(texts(await run(d, "digest"))).toContain("Tensions à Dijon");
  });

  it("builds the briefing on a topic as the in-memory index does", async () => {
    const d = (app as RunningApp).dispatcher;
    const fromPostgres = await run(d, "brief Dijon");
    expect(fromPostgres.isError).toBeFalsy();
    expect(texts(fromPostgres)).toContain("Dijon");
    expect(texts(fromPostgres)).toBe(texts(await run(memory, "brief Dijon")));
  });

  it("posts the scheduled digest and briefing the in-memory index would, delivered articles left out", async () => {
    const delivered = new Set(articles.filter((_, i) => i % 4 === 1).map((a) => a.id));
    const options = { period: "2020-06-18", firstDigestDays: 14, maxLookbackDays: 30, excludeIds: delivered };
    const memoryCore = createNewsCore(articles);
    const fromPostgres = await scheduledDigest((app as RunningApp).core, "fr", options);
    expect(fromPostgres.empty).toBe(false);
    expect(fromPostgres.articleIds.some((id) => delivered.has(id))).toBe(false);
    expect(fromPostgres).toEqual(await scheduledDigest(memoryCore, "fr", options));
    const brief = { topic: "Vera Lynn", knownIds: new Set<string>() };
    expect(await scheduledBrief((app as RunningApp).core, "fr", brief)).toEqual(
      await scheduledBrief(memoryCore, "fr", brief),
    );
  });

  it("searches, profiles a person and shows an article that only Postgres holds", async () => {
    const d = (app as RunningApp).dispatcher;
    const found = texts(await run(d, "search Plei Krông barrage"));
    expect(found).toContain(DAM.title);
    expect(found).toContain("420 mégawatts");
    expect(texts(await run(d, "who Vera Lynn"))).toContain("Vera Lynn");
    expect(texts(await run(d, "article pg-only-barr"))).toContain("420 mégawatts");
    expect(texts(await run(d, "article no-such-article"))).not.toContain("420");
  });

  it("retrieves for an English question the French article its words translate to", async () => {
    const retriever = (app as RunningApp).core.retriever;
    // no word of the question is in the article: `power` reaches it through `électricité`
    // (15: the articles an answer is looked for in)
    const hits = await retriever?.retrieve({ question: "What is the power of the dam?" }, 15);
    expect(hits?.map((h) => h.article.id)).toContain(DAM.id);
    const french = await retriever?.retrieve({ question: "Quelle est la power du dam ?" }, 15);
    expect(french?.map((h) => h.article.id)).not.toContain(DAM.id);
  });
});

describe("a period longer than the digest groups", () => {
  it("counts the articles past the newest 700 and the weeks before them as the in-memory index does", async () => {
    // 200 days of 5 articles (1,000): the newest 700 (140 days) are grouped, the 28 days before
    // them read as the weeks the stories are ranked against, the 32 days before those counted
    const places = ["Hanoï", "Hué", "Danang", "Cantho", "Haiphong", "Vinh", "Dalat"];
    const many: Article[] = [];
    for (let day = 0; day < 200; day++)
      for (let i = 0; i < 5; i++) {
        const place = places[(day + i) % places.length] as string;
        const date = new Date(Date.UTC(2021, 0, 1 + day)).toISOString().slice(0, 10);
        many.push({
          id: `bulk-${day}-${i}`,
          title: `À ${place}, le chantier numéro ${i} avance`,
          date,
          lang: "fr",
          body: `Les travaux du chantier numéro ${i} de ${place} ont repris le ${date} selon la mairie. Le chantier emploie ${10 + i + day} ouvriers.`,
        });
      }
    const db = await openPostgres(await server.database());
    try {
      await createSharedArticles(db).publish(many);
      const stats = createTermStats();
      stats.add(many);
      const source = createPgArticleSource(db, { stats, search: createPgArticleSearch(db) });
      const news = createNewsIndex(many);
      const delivered = new Set(many.filter((a) => a.date === "2021-07-10").map((a) => a.id));
      for (const request of [
        { from: "2021-01-01", to: "2021-07-31" },
        { from: "2021-01-01", to: "2021-07-31", excludeIds: delivered },
      ]) {
        const read = await source.period(request);
        expect(read.notLoaded ?? 0).toBeGreaterThan(0);
        const options = { ...request, maxItems: 5 };
        const fromPostgres = buildDigest(read.news, { ...options, notLoaded: read.notLoaded ?? 0 });
        const inMemory = buildDigest(news, options);
        expect(fromPostgres.articleCount).toBe(request.excludeIds ? 1000 - 5 : 1000);
        expect(fromPostgres).toEqual(inMemory);
      }
    } finally {
      await db.close();
    }
  }, 60_000);
});

/** A French article of `date` (the tests below build their own small days). */
const story = (id: string, date: string, title: string, body: string): Article => ({
  id,
  title,
  date,
  lang: "fr",
  body,
});
const BUDGET = "Le conseil municipal de Grenoble a voté le budget des écoles et la rénovation des cantines.";

describe("the day after a period", () => {
  it("is not read: a past day's digest ranks as the in-memory one, which holds that day too", async () => {
    // two stories on a past day, one followed up the next day: no ranker feature reads the days
    // after a period (a scheduled digest is built on its last day), so Postgres reads none of them
    const FLOOD =
      "Les inondations dans la vallée de la Durance ont forcé l'évacuation de centaines d'habitants.";
    const day: Article[] = [
      story("flood-1", "2022-03-10", "Inondations dans la Durance : des centaines d'évacués", FLOOD),
      story("flood-2", "2022-03-10", "Durance : la crue force l'évacuation des habitants", FLOOD),
      story("budget-1", "2022-03-10", "Grenoble vote le budget des écoles", BUDGET),
      story("budget-2", "2022-03-10", "Budget des écoles : Grenoble rénove ses cantines", BUDGET),
    ];
    const next = story("flood-next", "2022-03-11", "Durance : les évacués de la crue relogés", FLOOD);
    const db = await openPostgres(await server.database());
    try {
      await createSharedArticles(db).publish([...day, next]);
      const stats = createTermStats();
      stats.add([...day, next]);
      const source = createPgArticleSource(db, { stats, search: createPgArticleSearch(db) });
      for (const request of [
        { from: "2022-03-10", to: "2022-03-10" },
        { from: "2022-03-10", to: "2022-03-10", topic: "Durance" },
      ]) {
        const read = await source.period(request);
        expect(read.news.articles.map((a) => a.id)).not.toContain(next.id);
        expect(buildDigest(read.news, request)).toEqual(
          buildDigest(createNewsIndex([...day, next]), request),
        );
      }
    } finally {
      await db.close();
    }
  }, 60_000);
});

describe("a month-only article in a day's period", () => {
  it("does not move the weeks before it: Postgres reads the days the in-memory digest compares with", async () => {
    // a story written about on the four days before the 20th; an article dated only `2022-03` is in
    // every period of March (placed on the 15th, it would make the weeks before end on the 14th)
    const STRIKE =
      "La grève des éboueurs de Marseille se poursuit, les déchets s'entassent dans les rues du centre-ville.";
    const past = [16, 17, 18, 19].map((d) =>
      story(`strike-${d}`, `2022-03-${d}`, "Marseille : la grève des éboueurs continue", STRIKE),
    );
    const day: Article[] = [
      story("strike-a", "2022-03-20", "Grève des éboueurs : Marseille sous les déchets", STRIKE),
      story("strike-b", "2022-03-20", "Marseille : les éboueurs toujours en grève", STRIKE),
      story("budget-1", "2022-03-20", "Grenoble vote le budget des écoles", BUDGET),
      story("budget-2", "2022-03-20", "Budget des écoles : Grenoble rénove ses cantines", BUDGET),
      story("month", "2022-03", "Le mois des cantines à Grenoble", BUDGET),
    ];
    const db = await openPostgres(await server.database());
    try {
      await createSharedArticles(db).publish([...past, ...day]);
      const stats = createTermStats();
      stats.add([...past, ...day]);
      const source = createPgArticleSource(db, { stats, search: createPgArticleSearch(db) });
      const request = { from: "2022-03-20", to: "2022-03-20" };
      const read = await source.period(request);
      expect(read.news.articles.map((a) => a.id)).toEqual(expect.arrayContaining(["month", "strike-19"]));
      expect(buildDigest(read.news, request)).toEqual(
        buildDigest(createNewsIndex([...past, ...day]), request),
      );
    } finally {
      await db.close();
    }
  }, 60_000);
});
