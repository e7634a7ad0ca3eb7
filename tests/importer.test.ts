import { createReadStream, existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import { describe, expect, it, onTestFinished } from "vitest";
import { runImport } from "../src/cli/import-command.ts";
import { parseArticleFile, serializeArticle } from "../src/core/corpus/front-matter.ts";
import { ImportError, importScrapedText } from "../src/core/corpus/importer.ts";
import { createWordSplitter, documentVocabulary } from "../src/core/corpus/word-splitter.ts";

const here = dirname(fileURLToPath(import.meta.url));
const shared = join(here, "..", "..", "shared");
const seeds = join(shared, "seed-articles");
const orangesum = join(shared, "datasets", "orangesum-dedup.jsonl.gz");

const imp = (raw: string, fileName = "dir/x_1.txt") => importScrapedText(raw, { fileName });
const lines = (...ls: string[]) => ls.join("\n\n");

describe("importer: title, date, id", () => {
  it("reads the ` date YYYY-MM Title` header (month, day or no date)", () => {
    const month = imp(lines(" date 2025-08 Un titre de test", "Le corps du texte."));
    expect(month.article).toMatchObject({
      id: "x_1",
      title: "Un titre de test",
      date: "2025-08",
      lang: "fr",
    });
    expect(imp(lines(" date 2026-01-15 Titre du jour", "Corps.")).article.date).toBe("2026-01-15");
    const none = imp(lines(" date Titre sans date", "Corps."));
    expect(none.article.title).toBe("Titre sans date");
    expect(none.article.date).toBeUndefined();
    expect(imp(lines(" date 2025-13 Mois impossible", "Corps.")).article.date).toBeUndefined();
  });

  it("takes the first non-empty line as title when there is no header", () => {
    const { article } = imp(lines("", "  Un titre simple  ", "Premier paragraphe.", "Second paragraphe."));
    expect(article.title).toBe("Un titre simple");
    expect(article.date).toBeUndefined();
    expect(article.body).toBe("Premier paragraphe.\n\nSecond paragraphe.");
  });

  it("skips a short rubric line before the real headline", () => {
    const { article, removed } = imp(
      lines("Économie", "La banque centrale relève ses taux directeurs", "Texte."),
    );
    expect(article.title).toBe("La banque centrale relève ses taux directeurs");
    expect(removed).toContain("Économie");
    // a short real title followed by a lead sentence is kept
    expect(imp(lines("Séisme au Pérou", "Un séisme a frappé le pays mardi.")).article.title).toBe(
      "Séisme au Pérou",
    );
  });

  it("uses the file's basename without extension as id", () => {
    expect(imp("Titre\n\nTexte.", "/a/b/003_c39827b7e7865a61.txt").article.id).toBe("003_c39827b7e7865a61");
  });

  it("throws ImportError on an empty file or a file with a title only", () => {
    expect(() => imp("  \n\n ")).toThrow(ImportError);
    expect(() => imp("Un titre seul")).toThrow(/no body/);
  });
});

describe("importer: noise", () => {
  it("drops photo credits, picture captions and repeated headlines", () => {
    const { article, removed } = imp(
      lines(
        "Les pluies frappent le nord",
        "Photo : AFP",
        "Les pluies ont causé des dégâts.",
        "Les pluies frappent le nord ảnh 1Des maisons inondées à Lao Cai.  Photo : TTXVN",
        "Un pont a été coupé près de la ville. Photo: baochinhphu.vn",
        "Les secours sont arrivés.",
      ),
    );
    expect(article.body).toBe("Les pluies ont causé des dégâts.\n\nLes secours sont arrivés.");
    expect(removed).toHaveLength(3);
  });

  it("drops agency signature lines and takes the source from them", () => {
    const { article, removed } = imp(lines("Titre de la dépêche", "Le texte.", "AFP/XYZ"));
    expect(article.body).toBe("Le texte.");
    expect(article.source).toBe("AFP/XYZ");
    expect(removed).toEqual(["AFP/XYZ"]);
    const withOption = importScrapedText(lines("Titre", "Le texte.", "AFP/XYZ"), {
      fileName: "a.txt",
      source: "Moi",
    });
    expect(withOption.article.source).toBe("Moi");
    expect(imp(lines("Titre", "Le texte.")).article.source).toBeUndefined();
  });

  it("strips a signature glued to the last paragraph and a lone `source` line", () => {
    const { article, removed } = imp(lines("Titre", "Dernière phrase du texte.- AFP", "source"));
    expect(article.body).toBe("Dernière phrase du texte.");
    expect(article.source).toBe("AFP");
    expect(removed).toEqual(["source", "- AFP"]);
  });

  it("drops `>>` teasers and everything from a trailing `Voir plus`", () => {
    const { article, removed } = imp(
      lines(
        "Titre long de l'article",
        ">> Un autre article",
        "Premier.",
        "Deuxième.",
        "Voir plus",
        "Teaser A",
        "Teaser B.",
      ),
    );
    expect(article.body).toBe("Premier.\n\nDeuxième.");
    expect(removed).toEqual([">> Un autre article", "Voir plus", "Teaser A", "Teaser B."]);
  });

  it("removes a dateline and keeps its sentence", () => {
    const { article, removed } = imp(lines("Titre", "Paris, 1er mars (AFP) -Le ministre a parlé."));
    expect(article.body).toBe("Le ministre a parlé.");
    expect(removed).toEqual(["Paris, 1er mars (AFP) -"]);
    expect(article.source).toBe("AFP");
  });

  it("keeps one of a lead and a near-verbatim repeat, the fuller one", () => {
    const lead = "Le ministre des Finances a présenté mardi le budget de l'État pour l'an prochain.";
    const full =
      "Le ministre des Finances a présenté mardi à Paris le budget de l'État pour l'an prochain devant les députés.";
    const { article, removed } = imp(lines("Titre", lead, full, "Autre chose."));
    expect(article.body).toBe(`${full}\n\nAutre chose.`);
    expect(removed).toEqual([lead]);
  });
});

describe("importer: glued words and spacing", () => {
  it("splits words glued by the scraper", () => {
    const raw = lines(
      "Titre",
      "Le maire asuggéré unprojet depaix lors de leurvisite avec lesdeux partis.",
      "Les relationscommerciales entre lesvilles voisines sont bonnes.",
      "Le maire Jean Dupont a parlé. Le maire JeanDupont a conclu, et Dupont est parti.",
    );
    const { article } = imp(raw);
    expect(article.body).toContain("a suggéré un projet de paix lors de leur visite avec les deux partis");
    expect(article.body).toContain("relations commerciales entre les villes");
    expect(article.body).toContain("Le maire Jean Dupont a conclu");
  });

  it("adds missing spaces after punctuation", () => {
    const { article } = imp(lines("Titre", "Une intelligence artificielle.Il a dit oui,puis non(PLD) hier."));
    expect(article.body).toBe("Une intelligence artificielle. Il a dit oui, puis non (PLD) hier.");
  });

  it("never splits real words, names or borrowings", () => {
    const text =
      "Lesquels dessous parfois lorsque pourtant cependant aujourd'hui désormais entretien Dupont Lemaire " +
      "Dubois Michelle plateforme smartphone designer courriel eurodéputé téléconsultation iPhone YouTube " +
      "AstraZeneca McDonald écroule tacle finaux arrivera-t-il dudit desdits queen";
    const words = text.match(/[\p{L}'-]+/gu) ?? [];
    const splitter = createWordSplitter(documentVocabulary(text));
    for (const w of words) expect(splitter.split(w), w).toBeUndefined();
    const { article } = imp(lines("Titre", `${text}.`));
    expect(article.body).toBe(`${text}.`);
  });

  it("does not change real French news text (first 300 OrangeSum articles)", async () => {
    expect(existsSync(orangesum), `${orangesum} is missing`).toBe(true);
    const input = createReadStream(orangesum).pipe(createGunzip());
    const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    let n = 0;
    let words = 0;
    const changed: string[] = [];
    for await (const line of rl) {
      const { title, article } = JSON.parse(line) as { title: string; article: string };
      const text = `${title}\n${article}`.normalize("NFC");
      const vocabulary = documentVocabulary(text);
      words += vocabulary.size;
      if (createWordSplitter(vocabulary).repair(text) !== text) changed.push(title);
      if (++n >= 300) break;
    }
    rl.close();
    input.destroy();
    expect(words).toBeGreaterThan(20_000);
    expect(changed).toEqual([]);
  });
});

describe("importer on the five seed articles", async () => {
  const files = existsSync(seeds) ? (await readdir(seeds)).filter((f) => f.endsWith(".txt")).sort() : [];
  const expected: Record<string, { title: string; date?: string; source?: string }> = {
    "000_bad20f0d03aad7a8": {
      title: "Le Vietnam et le Japon renforcent leur coopération dans divers secteurs",
      source: "VNA/CVN",
    },
    "001_6012b32665340cea": {
      title: "Renforcer le partenariat stratégique intégral Vietnam - Japon",
      date: "2025-08",
      source: "VNA/CVN",
    },
    "002_1a36f3d7e3360e3f": {
      title: "Porter les relations Vietnam-Japon à une nouvelle hauteur",
      source: "VNA",
    },
    "003_c39827b7e7865a61": {
      title: "Le Vietnam souhaite renforcer ses relations multiformes avec le Japon",
      date: "2026-01-15",
    },
    "004_91c7f68bd8cb218a": {
      title: "Promouvoir la coopération pour surmonter les conséquences de la guerre au Vietnam",
      date: "2024-08",
      source: "VNA/CVN",
    },
  };

  it("finds the five seeds", () => {
    expect(files.map((f) => f.replace(/\.txt$/, ""))).toEqual(Object.keys(expected));
  });

  it.each(files)("imports %s cleanly", async (file) => {
    const raw = await readFile(join(seeds, file), "utf8");
    const { article, removed } = importScrapedText(raw, { fileName: file });
    const want = expected[file.replace(/\.txt$/, "")];
    expect(want).toBeDefined();
    expect(article.title).toBe(want?.title);
    expect(article.date).toBe(want?.date);
    expect(article.source).toBe(want?.source);
    const text = `${article.title}\n\n${article.body}`;
    for (const noise of ["Photo :", "Photo:", "ảnh", ">>", "Voir plus", "(VNA)", "- VNA", "date 20"]) {
      expect(text).not.toContain(noise);
    }
    for (const p of article.body.split("\n\n")) {
      expect(p, "a paragraph that is only a signature").not.toMatch(/^[\p{Lu}/ -]+$/u);
      expect(p).not.toMatch(/^source$/i);
      expect(p).not.toBe("Vietnam - Japon");
      expect(p.split(" ").length, p).toBeGreaterThan(6);
    }
    expect(article.body).not.toMatch(/\p{Ll}[.!?]\p{Lu}/u); // `artificielle.Il`
    expect(removed.length).toBeGreaterThanOrEqual(file.startsWith("003") ? 0 : 2);
    const back = parseArticleFile(serializeArticle(article), "x.md");
    expect(back.ok && back.article.body).toBe(article.body);
  });

  it("repairs the glued words of 002 and keeps its content", async () => {
    const raw = await readFile(join(seeds, "002_1a36f3d7e3360e3f.txt"), "utf8");
    const { article, removed } = importScrapedText(raw, { fileName: "002_1a36f3d7e3360e3f.txt" });
    for (const glued of [
      "unentretien",
      "depaix",
      "leurentretien",
      "asuggéré",
      "NguyenPhuTrong",
      "relationsdiplomatiques",
    ]) {
      expect(article.body).not.toContain(glued);
    }
    for (const kept of [
      "lors d’un entretien téléphonique",
      "de paix",
      "leur entretien était",
      "a suggéré des orientations",
      "Le secrétaire général Nguyen Phu Trong a affirmé",
      "50e anniversaire des relations diplomatiques",
      "Parti libéral-démocrate (PLD)",
      "près de 500.000 Vietnamiens",
      "pour développer encore plus fortement les relations bilatérales.",
    ]) {
      expect(article.body).toContain(kept);
    }
    // the related-articles block is gone, and so is the lead repeated by the dateline paragraph
    expect(article.body).not.toContain("Népal");
    expect(article.body).not.toContain("a eu entretien");
    expect(
      article.body.startsWith(
        "Le Secrétaire général du Parti communiste du Vietnam Nguyen Phu Trong a suggéré",
      ),
    ).toBe(true);
    expect(removed).toContain("Hanoï, 9 février (VNA) -");
  });
});

describe("newsbot import (runImport)", () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
  };

  it("writes one corpus file per input, reports bad files by name and exits 1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsbot-import-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const good = join(dir, "good-1.txt");
    const empty = join(dir, "empty.txt");
    await writeFile(good, " date 2024-05-02 Un titre\n\nPhoto : AFP\n\nLe texte de l'article.\n\nAFP");
    await writeFile(empty, "\n \n");
    const c = capture();
    const out = join(dir, "corpus");
    const code = await runImport([good, empty, join(dir, "missing.txt"), "--out", out, "--verbose"], c.io);
    expect(code).toBe(1);
    expect(c.out[0]).toContain("good-1.md");
    expect(c.out).toContain("    removed: Photo : AFP");
    expect(c.err).toEqual([
      expect.stringMatching(/missing\.txt: cannot read \(no such file\)/),
      expect.stringMatching(/empty\.txt: not imported: empty file/),
    ]);
    const written = parseArticleFile(await readFile(join(out, "good-1.md"), "utf8"), "good-1.md");
    expect(written.ok && written.article).toMatchObject({
      id: "good-1",
      title: "Un titre",
      date: "2024-05-02",
      source: "AFP",
      body: "Le texte de l'article.",
    });
  });

  it("exits 0 when all import, and 2 on usage errors", async () => {
    const dir = await mkdtemp(join(tmpdir(), "newsbot-import-"));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, "a.txt");
    await writeFile(file, "Titre\n\nTexte.");
    const ok = capture();
    expect(await runImport([file, "--out", dir, "--source", "Moi", "--lang", "fr"], ok.io)).toBe(0);
    expect(ok.err).toEqual([]);
    for (const argv of [[], [file, "--bogus"], [file, "--lang", "french"], [file, "--out"]]) {
      const c = capture();
      expect(await runImport(argv, c.io), argv.join(" ")).toBe(2);
      expect(c.err.join("\n")).toMatch(/newsbot import/);
    }
  });
});
