import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { describe, expect, it, onTestFinished } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { parseArticleFile, serializeArticle } from "../src/core/corpus/front-matter.ts";
import { cleanDumpText, loadCorpus, parseJsonLine, withLede } from "../src/core/corpus/loader.ts";

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, "fixtures", "corpus");
const repoCorpus = join(here, "..", "corpus");

describe("corpus file format", () => {
  it("round-trips serializeArticle and parseArticleFile", () => {
    const article: Article = {
      id: "rt-1",
      title: "Titre : avec deux-points, « guillemets » et # dièse",
      date: "2025-08",
      source: "VNA / Le Courrier du Vietnam",
      url: "https://example.org/x?a=1",
      lang: "fr",
      body: "Premier paragraphe.\n\nSecond paragraphe : « cité ».",
    };
    const text = serializeArticle(article);
    expect(text.startsWith("---\nid: rt-1\n")).toBe(true);
    const parsed = parseArticleFile(text, "x.md");
    expect(parsed).toEqual({ ok: true, article: { ...article, origin: "x.md" } });
  });

  it("quotes ids and titles YAML would read as numbers or booleans", () => {
    const article: Article = { id: "123", title: "true", lang: "fr", body: "Texte." };
    const parsed = parseArticleFile(serializeArticle(article), "n.md");
    expect(parsed.ok && parsed.article.id).toBe("123");
    expect(parsed.ok && parsed.article.title).toBe("true");
  });

  it("defaults lang to fr and joins a paragraph's lines", () => {
    const parsed = parseArticleFile("---\nid: x\ntitle: T\n---\nune\nligne\n\n\n\ndeux\n", "x.md");
    expect(parsed.ok && parsed.article).toMatchObject({ lang: "fr", body: "une ligne\n\ndeux" });
  });
});

describe("loadCorpus on corpus files", () => {
  it("loads a directory recursively, ignoring README and non-.md files", async () => {
    const { articles, problems } = await loadCorpus(join(fixtures, "good"));
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(["a1", "42"]);
    const a1 = articles[0];
    expect(a1).toMatchObject({
      title: "Premier article : le titre",
      date: "2024-03-05",
      source: "Agence Test",
      url: "https://example.org/a1",
      body: "Premier paragraphe du corps, écrit sur deux lignes.\n\nDeuxième paragraphe.",
      origin: join(fixtures, "good", "a1.md"),
    });
    expect(articles[1]).toMatchObject({ id: "42", date: "2024-03", lang: "fr" });
  });

  it("reports each bad file with a clear message and still loads the rest", async () => {
    const { articles, problems } = await loadCorpus([join(fixtures, "good"), join(fixtures, "bad")]);
    expect(articles.map((a) => a.id)).toEqual(["a1", "42", "z-ok"]);
    const byFile = new Map(problems.map((p) => [p.file.split("/").pop(), p]));
    expect(byFile.get("no-front-matter.md")?.message).toMatch(/missing front matter/);
    expect(byFile.get("bad-date.md")).toMatchObject({ field: "date" });
    expect(byFile.get("bad-date.md")?.message).toMatch(/YYYY-MM-DD/);
    expect(byFile.get("empty-body.md")).toMatchObject({ field: "body" });
    expect(byFile.get("empty-body.md")?.message).toMatch(/empty body/);
    expect(byFile.get("no-title.md")).toMatchObject({ field: "title", message: "missing title" });
    expect(byFile.get("bad-yaml.md")?.message).toMatch(/YAML/);
    expect(byFile.get("bad-yaml.md")?.line).toBeGreaterThanOrEqual(2);
    expect(byFile.get("duplicate.md")).toMatchObject({ field: "id" });
    expect(byFile.get("duplicate.md")?.message).toMatch(/duplicate id a1/);
    expect(problems).toHaveLength(6);
  });

  it("reports a missing path and an unsupported file type", async () => {
    const { articles, problems } = await loadCorpus([
      join(fixtures, "nope"),
      join(fixtures, "good", "notes.txt"),
      join(fixtures, "good", "a1.md"),
    ]);
    expect(articles.map((a) => a.id)).toEqual(["a1"]);
    expect(problems[0]?.message).toMatch(/cannot read path/);
    expect(problems[1]?.message).toMatch(/unsupported file type/);
  });

  it("loads the project's corpus without problems", async () => {
    const { articles, problems } = await loadCorpus(repoCorpus);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(5);
    for (const a of articles) expect(a.origin?.endsWith(`${a.id}.md`)).toBe(true);
  });
});

describe("loadCorpus on JSON lines", () => {
  it("loads good lines and reports bad ones with their line numbers", async () => {
    const file = join(fixtures, "lines.jsonl");
    const { articles, problems } = await loadCorpus(file);
    expect(articles.map((a) => a.id)).toEqual(["1", "2", "6"]);
    expect(articles[0]).toMatchObject({ title: "Ligne un", date: "2020-07-02", origin: `${file}:1` });
    expect(articles[0]?.body).not.toContain("Résumé");
    expect(articles[2]?.body).toBe("Café en NFD.");
    expect(problems).toEqual([
      expect.objectContaining({ file, line: 3, message: expect.stringMatching(/invalid JSON/) }),
      expect.objectContaining({
        file,
        line: 4,
        field: "text",
        message: expect.stringMatching(/missing text/),
      }),
      expect.objectContaining({ file, line: 5, field: "date" }),
      expect.objectContaining({
        file,
        line: 7,
        field: "id",
        message: expect.stringMatching(/duplicate id 2/),
      }),
    ]);
  });

  it("streams a .jsonl.gz file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsbot-corpus-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, "dump.jsonl.gz");
    const lines = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({ id: i, title: `Titre ${i}`, date: "2019-01-31", article: `Phrase ${i}.Suite ${i}.` }),
    );
    lines.splice(10, 0, "{pas du json");
    await writeFile(file, gzipSync(`${lines.join("\n")}\n`));
    const { articles, problems } = await loadCorpus(file);
    expect(articles).toHaveLength(50);
    expect(articles[49]).toMatchObject({ id: "49", body: "Phrase 49.\n\nSuite 49.", origin: `${file}:51` });
    expect(problems).toEqual([expect.objectContaining({ file, line: 11 })]);
  });

  it("reports a corrupt .gz file without throwing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsbot-corpus-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, "broken.jsonl.gz");
    const good = gzipSync(`${JSON.stringify({ id: 1, title: "T", text: "Texte." })}\n`);
    await writeFile(file, Buffer.concat([good.subarray(0, good.length - 6)]));
    const { problems } = await loadCorpus(file);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.message).toMatch(/cannot read/);
  });
});

describe("the lede of a JSON line", () => {
  const lede =
    "Le gouvernement porte à sept milliards d'euros l'enveloppe des hausses de salaires à l'hôpital.";
  const parse = (fields: Record<string, unknown>) =>
    parseJsonLine(JSON.stringify({ id: "l1", title: "Ségur de la santé", ...fields }), "dump.jsonl", 3);

  it("becomes the body's first paragraph", () => {
    const r = parse({
      heading: lede,
      article: "La décision a été annoncée jeudi.Les syndicats la jugent insuffisante.",
    });
    expect(r.problems).toEqual([]);
    expect(r.article?.body).toBe(
      `${lede}\n\nLa décision a été annoncée jeudi.\n\nLes syndicats la jugent insuffisante.`,
    );
  });

  it("is read from the first of heading, lead, description, chapo that holds text", () => {
    const body = "Le texte de l'article.";
    expect(
      parse({ heading: " ", lead: lede, description: "Une autre description de l'article.", text: body })
        .article?.body,
    ).toBe(`${lede}\n\n${body}`);
    expect(parse({ chapo: lede, text: body }).article?.body).toBe(`${lede}\n\n${body}`);
    expect(
      parse({ description: lede, chapo: "Un autre chapô de cet article.", text: body }).article?.body,
    ).toBe(`${lede}\n\n${body}`);
  });

  it("is not repeated when the body already opens with it, word for word or nearly", () => {
    const next = "Les syndicats la jugent insuffisante.";
    expect(parse({ heading: lede, article: `${lede} ${next}` }).article?.body).toBe(`${lede} ${next}`);
    const nearly =
      "Le gouvernement a porté à sept milliards d'euros l'enveloppe des hausses de salaires à l'hôpital, jeudi.";
    expect(parse({ heading: lede, article: `${nearly}\n\n${next}` }).article?.body).toBe(
      `${nearly}\n\n${next}`,
    );
    // the same lede before a body that opens on something else: prepended
    expect(withLede(lede, [next])).toEqual([lede, next]);
    // a long first paragraph holding most of the lede's words by chance does not count as opening with it
    const long = `${next} Le gouvernement avait promis à l'hôpital des hausses de salaires, et l'enveloppe atteint désormais sept milliards d'euros selon le ministère, qui détaille à Paris le calendrier des versements prévus pour les soignants et les médecins.`;
    expect(withLede(lede, [long])).toEqual([lede, long]);
  });

  it("reports a lede that is not text and still loads the article without it", () => {
    const r = parse({ heading: 42, lead: lede, article: "Le corps de l'article." });
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: "dump.jsonl",
        line: 3,
        field: "heading",
        message: expect.stringMatching(/`heading` must be text/),
      }),
    ]);
    expect(r.article?.body).toBe(`${lede}\n\nLe corps de l'article.`);
    const bad = parse({ description: { html: "<p>x</p>" }, text: "Le corps de l'article." });
    expect(bad.problems).toEqual([expect.objectContaining({ field: "description" })]);
    expect(bad.article?.body).toBe("Le corps de l'article.");
  });

  it("skips a field that holds a date or an intertitle rather than a lede", () => {
    for (const heading of ["18 juin", "- Plus de 10 millions de cas -", "Résumé à ignorer"])
      expect(parse({ heading, article: "Le corps de l'article." }).article?.body).toBe(
        "Le corps de l'article.",
      );
    // and a lede in a later field is still read
    expect(
      parse({ heading: "18 juin", description: lede, article: "Le corps de l'article." }).article?.body,
    ).toBe(`${lede}\n\nLe corps de l'article.`);
  });

  it("does not make an article of a lede without a body", () => {
    expect(parse({ heading: lede }).problems).toEqual([expect.objectContaining({ field: "text" })]);
    expect(parse({ heading: lede }).article).toBeUndefined();
  });
});

describe("glued paragraphs in dumps", () => {
  it("splits a sentence end glued to the next sentence", () => {
    expect(cleanDumpText("violence domestique.Consternant, le bilan.")).toBe(
      "violence domestique.\n\nConsternant, le bilan.",
    );
    expect(cleanDumpText('les revendications"."Le ministre a parlé.')).toBe(
      'les revendications".\n\n"Le ministre a parlé.',
    );
    expect(cleanDumpText("en 2019.L'an dernier ?Oui.")).toBe("en 2019.\n\nL'an dernier ?\n\nOui.");
  });

  it("leaves abbreviations, initials, decimals, domains and spaced sentences alone", () => {
    for (const text of [
      "Selon M.Dupont et J.-C. Martin.",
      "Les U.S.A. et l'U.E.",
      "Une hausse de 3.5 % hier.",
      "Sur Orange.fr et Booking.Com aussi.",
      "Une phrase. Une autre phrase.",
    ]) {
      expect(cleanDumpText(text)).toBe(text);
    }
  });
});
