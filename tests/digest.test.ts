import { describe, expect, it } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { buildDigest, digestReply, isQuotable, summarizeArticle } from "../src/core/digest/index.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { newsArticle as art } from "./fakes/articles.ts";

const FLOOD_A =
  "De violentes inondations ont frappé la vallée de la Durance dans la nuit de mardi à mercredi, faisant trois morts selon la préfecture. " +
  "Les pompiers ont évacué plus de deux cents habitants des villages riverains de la Durance.\n\n" +
  "Photo : AFP/Jean Dupuis\n\n" +
  "Le préfet a déclenché le plan Orsec et ouvert deux gymnases pour accueillir les sinistrés de la vallée. " +
  "VIDÉO - Les images impressionnantes de la crue\n\n" +
  "Les autorités redoutent de nouvelles pluies orageuses sur la vallée de la Durance jeudi.";
const FLOOD_B =
  "Trois personnes sont mortes dans les inondations qui ont frappé la vallée de la Durance mercredi, a indiqué la préfecture. " +
  "Plus de deux cents habitants de la vallée de la Durance ont été évacués par les pompiers. Le plan Orsec a été déclenché.";
const BUDGET =
  "Le conseil municipal de Grenoble a adopté mercredi un budget en hausse de quatre pour cent pour les écoles de la ville. " +
  "La majorité a défendu un effort inédit pour rénover les cantines scolaires. L'opposition a dénoncé une hausse des impôts locaux.";

const text = (r: Reply) => JSON.stringify(r.blocks);

describe("digest (synthetic articles)", () => {
  const news = createNewsIndex([
    art("flood-a", "2026-03-04", "Inondations meurtrières dans la vallée de la Durance", FLOOD_A, "Agence A"),
    art("budget", "2026-03-04", "Grenoble adopte son budget pour les écoles", BUDGET),
    art("flood-b", "2026-03-05", "Durance : trois morts dans les inondations", FLOOD_B, "Journal B"),
    art(
      "old",
      "2026-02-01",
      "Un article de février sur la Durance",
      FLOOD_B.replace("Trois personnes", "Deux randonneurs"),
    ),
    art("undated-month", "2026-03", "Article daté du mois", BUDGET.replace("Grenoble", "Annecy")),
  ]);

  it("groups two reports of the same event into one item with both sources", () => {
    const d = buildDigest(news, { from: "2026-03-04", to: "2026-03-05" });
    const flood = d.items.find((i) => i.sources.some((s) => s.id === "flood-a"));
    expect(flood?.sources.map((s) => s.id).sort()).toEqual(["flood-a", "flood-b"]);
    expect(d.items.filter((i) => i.sources.some((s) => s.id === "budget"))).toHaveLength(1);
    // the budget story holds no flood report (the month-dated copy of its text, one town apart,
    // may join it: same wording, dates that overlap)
    const budget = d.items.find((i) => i.sources.some((s) => s.id === "budget"));
    expect(budget?.sources.some((s) => s.id.startsWith("flood"))).toBe(false);
    expect(d.coveredIds).toEqual(expect.arrayContaining(["flood-a", "flood-b", "budget"]));
  });

  it("leads with the 5 March story and keeps the period", () => {
    const d = buildDigest(news, { from: "2026-03-01", to: "2026-03-31" });
    expect(d.items[0]?.date).toBe("2026-03-05");
    expect(d.items.some((i) => i.id === "old")).toBe(false);
  });

  it("summarises with whole sentences of the article, never a caption, credit or teaser", () => {
    const doc = news.find("flood-a") as number;
    const summary = summarizeArticle(news, doc);
    expect(summary.length).toBeGreaterThanOrEqual(2);
    expect(summary.length).toBeLessThanOrEqual(3);
    for (const s of summary) {
      expect(FLOOD_A).toContain(s);
      expect(s).toMatch(/[.!?]$/);
    }
    const all = text(digestReply(buildDigest(news, { from: "2026-03-04", to: "2026-03-05" })));
    expect(all).not.toMatch(/Photo :|VIDÉO|AFP\/Jean/);
  });

  it("filters by topic through the index", () => {
    const d = buildDigest(news, { from: "2026-03-01", to: "2026-03-31", topic: "inondations" });
    expect(d.items.map((i) => i.id)).not.toContain("budget");
    expect(d.items).toHaveLength(1);
  });

  it("skips already delivered articles", () => {
    const d = buildDigest(news, {
      from: "2026-03-04",
      to: "2026-03-05",
      excludeIds: new Set(["flood-a", "flood-b"]),
    });
    // stories are ranked by importance now, not newest first: compare the set
    expect(d.items.map((i) => i.id)).toContain("budget");
    expect(d.items.map((i) => i.id).sort()).toEqual(
      ["budget", "undated-month"].filter((id) => d.items.some((i) => i.id === id)),
    );
    expect(d.items.some((i) => i.id.startsWith("flood"))).toBe(false);
  });

  it("says clearly and briefly when the period is empty", () => {
    const d = buildDigest(news, { from: "2027-01-01", to: "2027-01-31" });
    expect(d.items).toEqual([]);
    const r = digestReply(d);
    expect(r.blocks).toEqual([
      { type: "paragraph", text: "Rien de nouveau du 1er janvier 2027 au 31 janvier 2027." },
    ]);
    expect(digestReply(d, "en").blocks[0]).toEqual({
      type: "paragraph",
      text: "Nothing new from 1 January 2027 to 31 January 2027.",
    });
    const topical = digestReply(buildDigest(news, { from: "2026-03-04", to: "2026-03-04", topic: "volcan" }));
    expect(text(topical)).toContain("Aucun article sur « volcan »");
  });
});

describe("quotable sentences", () => {
  it("rejects captions, credits, glued teasers and fragments", () => {
    expect(isQuotable("Les pompiers ont évacué plus de deux cents habitants des villages riverains.")).toBe(
      true,
    );
    expect(isQuotable("Photo : AFP/Jean Dupuis")).toBe(false);
    expect(
      isQuotable(
        "Automobile : la vignette au secours du diesel ?par franceinfoPour le citoyen, cette prise de position surprend.",
      ),
    ).toBe(false);
    expect(isQuotable("VIDÉO - Les images impressionnantes de la crue dans la vallée.")).toBe(false);
    expect(isQuotable("Le maire a parlé de « reconstruction rapide et de solidarité.")).toBe(false);
    expect(isQuotable("Lire aussi : la crue de la Durance en 1994 avait fait dix morts.")).toBe(false);
  });
});

describe("digest on the seeds", () => {
  it("January 2026 holds exactly the January 2026 article", async () => {
    const { articles } = await loadCorpus("corpus");
    const d = buildDigest(createNewsIndex(articles), { from: "2026-01-01", to: "2026-01-31" });
    expect(d.items.map((i) => i.id)).toEqual(["003_c39827b7e7865a61"]);
    expect(d.articleCount).toBe(1);
    const body = (articles.find((a) => a.id === "003_c39827b7e7865a61") as Article).body;
    for (const s of d.items[0]?.summary ?? []) expect(body).toContain(s);
  });
});

describe("newsbot digest / brief / who (CLI)", async () => {
  const { runBrief, runDigest, runWho } = await import("../src/cli/report-commands.ts");
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
  };

  it("validates dates with a clear message", async () => {
    const c = capture();
    expect(await runDigest(["--from", "2026-02-30", "--corpus", "corpus"], c.io)).toBe(2);
    expect(c.err.join("\n")).toContain("--from must be a date YYYY-MM-DD");
    const d = capture();
    expect(await runDigest(["--from", "2026-02-01", "--to", "2026-01-01"], d.io)).toBe(2);
    expect(await runBrief([], capture().io)).toBe(2);
  });

  it("prints the digest as text and as JSON", async () => {
    const c = capture();
    expect(await runDigest(["--from", "2026-01-01", "--to", "2026-01-31", "--corpus", "corpus"], c.io)).toBe(
      0,
    );
    expect(c.out.join("\n")).toContain(
      "Le Vietnam souhaite renforcer ses relations multiformes avec le Japon",
    );
    const j = capture();
    await runDigest(["--from", "2026-01-01", "--to", "2026-01-31", "--corpus", "corpus", "--json"], j.io);
    expect(JSON.parse(j.out[0] ?? "{}").items).toHaveLength(1);
    const w = capture();
    expect(await runWho(["funakoshi", "--corpus", "corpus"], w.io)).toBe(0);
    expect(w.out.join("\n")).toContain("vice-ministre des Affaires étrangères du Japon");
  });
});
