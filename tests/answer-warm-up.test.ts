// The start-up warm-up of the answer pipeline: questions of every kind made from whatever corpus is
// loaded, asked within a budget, changing no answer; and the app runs it once ready when asked to.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startApp } from "../src/app/main.ts";
import { warmUpAnswers, warmUpQuestions } from "../src/core/answer/warm-up.ts";
import { createNewsCore } from "../src/core/news-core.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle } from "./fakes/articles.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";

const articles = [
  newsArticle(
    "a1",
    "2024-03-01",
    "Le pont de Millau fermé pour travaux",
    "Le viaduc de Millau sera fermé trois nuits. Selon Marie Dupont, directrice du chantier, 120 ouvriers y travailleront.",
  ),
  newsArticle(
    "a2",
    "2024-03-02",
    "Une tempête frappe la Bretagne",
    "La tempête a privé 40 000 foyers d'électricité à Brest. Les secours sont mobilisés.",
  ),
  newsArticle("a3", "2024-03-03", "Court", "Un seul mot."),
];

const questionsOf = () => warmUpQuestions(createNewsIndex(articles)).map((q) => `${q.locale} ${q.question}`);

describe("the warm-up questions", () => {
  it("come from the newest articles, every kind once in each language, the kinds in turn", () => {
    const qs = questionsOf();
    // the newest first; a title of fewer than three words is skipped
    expect(qs.slice(0, 2)).toEqual([
      "fr Une tempête frappe la Bretagne",
      "fr Le pont de Millau fermé pour travaux",
    ]);
    expect(qs).toContain("fr Qui est Marie Dupont ?");
    expect(qs).toContain("en Who is Marie Dupont?");
    expect(qs).toContain("fr Combien de foyers ?");
    expect(qs).toContain("en How many foyers?");
    expect(qs).toContain("fr Quand une tempête frappe la Bretagne ?");
    expect(qs).toContain("fr Où le pont de Millau fermé pour travaux ?");
    expect(qs).toContain("en When le pont de Millau fermé pour travaux?");
    expect(qs).toContain("en Where une tempête frappe la Bretagne?");
    expect(qs.some((q) => q.includes("Court"))).toBe(false);
  });

  it("take an accented name whole", () => {
    const news = createNewsIndex([
      newsArticle(
        "b1",
        "2024-03-04",
        "Le maire inaugure la nouvelle école",
        "Hier, le maire José Bové a inauguré l'école du village.",
      ),
    ]);
    const qs = warmUpQuestions(news).map((q) => q.question);
    expect(qs).toContain("Qui est José Bové ?");
    expect(qs).toContain("Who is José Bové?");
  });

  it("are none for an empty index", () => {
    expect(warmUpQuestions(createNewsIndex([]))).toEqual([]);
  });
});

describe("warming up", () => {
  it("stops once its CPU budget is spent, or when told to", async () => {
    const qs = warmUpQuestions(createNewsIndex(articles));
    let cpu = 0;
    const asked: string[] = [];
    const ask = (q: string) => {
      asked.push(q);
      cpu += 40; // each question costs 40 ms of CPU
    };
    const r = await warmUpAnswers(ask, qs, { budgetMs: 100, clock: () => cpu });
    expect(r).toMatchObject({ asked: 3, of: qs.length, cpuMs: 120 });
    expect(asked).toEqual(qs.slice(0, 3).map((q) => q.question));
    let going = true;
    const stopped = await warmUpAnswers(
      () => {
        going = false;
      },
      qs,
      { going: () => going },
    );
    expect(stopped.asked).toBe(1);
  });

  it("changes no answer", async () => {
    const questions = [
      "Qui est Marie Dupont ?",
      "Combien de foyers privés d'électricité ?",
      "Pourquoi le viaduc de Millau est-il fermé ?",
      "Where did the storm hit?",
    ];
    const cold = createNewsCore(createNewsIndex(articles));
    const before = questions.map((q) => JSON.stringify(cold.ask(q, "fr")));
    const warm = createNewsCore(createNewsIndex(articles));
    const r = await warmUpAnswers((q, locale) => warm.ask(q, locale), warmUpQuestions(warm.news));
    expect(r.asked).toBeGreaterThan(0);
    expect(questions.map((q) => JSON.stringify(warm.ask(q, "fr")))).toEqual(before);
  });
});

describe("the app", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("warms up once ready with NEWSBOT_WARM_UP=on, and not otherwise under a given environment", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-warm-up-"));
    for (const warmUp of ["on", undefined]) {
      const session = consoleStreams();
      const env = { NEWSBOT_DB: ":memory:", ...(warmUp ? { NEWSBOT_WARM_UP: warmUp } : {}) };
      const app = await startApp({ env, cwd: process.cwd(), ...session });
      if (warmUp)
        await waitFor(
          () => (session.log().includes("[answers] warmed up") ? true : undefined),
          10_000,
          "the warm-up",
        );
      else await new Promise((r) => setTimeout(r, 300));
      session.input.end("quit\n");
      await app.done;
      expect(session.log().includes("[answers] warmed up")).toBe(warmUp === "on");
    }
  });
});
