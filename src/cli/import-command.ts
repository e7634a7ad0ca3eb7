// `newsbot import <files…> [--out DIR] [--source S] [--lang L] [--verbose]`: cleans scraped article
// text files into corpus files (`<out>/<id>.md`), one line of report per file. A bad file (missing,
// empty, no title) is reported by name and the others still import.
// Exit code: 0 all imported, 1 some failed, 2 usage error.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseArticleFile, serializeArticle } from "../core/corpus/front-matter.ts";
import { ImportError, importScrapedText } from "../core/corpus/importer.ts";
import { documentVocabulary } from "../core/corpus/word-splitter.ts";

export interface ImportIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const IMPORT_USAGE = `usage: newsbot import <files…> [--out DIR] [--source S] [--lang L] [--verbose]
  Clean scraped article text files into corpus files <DIR>/<id>.md (id = file name without extension).
  --out DIR     where to write (default corpus/)
  --source S    publisher to record (default: the agency signature found in the text)
  --lang L      two-letter language code (default fr)
  --verbose     list the noise removed from each file`;

export async function runImport(argv: string[], io: ImportIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`newsbot import: ${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(IMPORT_USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`newsbot import: no files given\n${IMPORT_USAGE}`);
    return 2;
  }
  const lang = values.lang ?? "fr";
  if (!/^[a-z]{2}$/.test(lang)) {
    io.err(`newsbot import: --lang must be a two-letter code such as fr, not ${JSON.stringify(lang)}`);
    return 2;
  }
  const source = values.source?.trim();
  if (values.source !== undefined && !source) {
    io.err("newsbot import: --source is empty");
    return 2;
  }
  const outDir = values.out ?? "corpus";

  // read everything first: the batch's words help split words glued by the scraper
  const texts = new Map<string, string>();
  let failed = 0;
  for (const file of positionals) {
    try {
      texts.set(file, await readFile(file, "utf8"));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.err(`${file}: cannot read (${code === "ENOENT" ? "no such file" : (error as Error).message})`);
      failed++;
    }
  }
  const corpusWords = new Set<string>();
  for (const text of texts.values()) for (const w of documentVocabulary(text).keys()) corpusWords.add(w);

  const written = new Map<string, string>();
  for (const [file, text] of texts) {
    try {
      const { article, removed } = importScrapedText(text, {
        fileName: file,
        lang,
        corpusWords,
        ...(source ? { source } : {}),
      });
      const target = join(outDir, `${article.id}.md`);
      const previous = written.get(article.id);
      if (previous) throw new ImportError(`same id ${article.id} as ${previous}`);
      const serialized = serializeArticle(article);
      const check = parseArticleFile(serialized, target);
      if (!check.ok) throw new ImportError(check.problems.map((p) => p.message).join("; "));
      await mkdir(outDir, { recursive: true });
      await writeFile(target, serialized, "utf8");
      written.set(article.id, file);
      const paragraphs = article.body.split("\n\n").length;
      const facts = [article.date ?? "no date", article.source ?? "no source", `${paragraphs} paragraphs`];
      io.out(`${file} → ${target}: ${article.title} (${facts.join(", ")}; ${removed.length} noise removed)`);
      if (values.verbose) for (const r of removed) io.out(`    removed: ${r}`);
    } catch (error) {
      if (!(error instanceof ImportError) && !(error as NodeJS.ErrnoException).code) throw error;
      io.err(`${file}: not imported: ${(error as Error).message}`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      source: { type: "string" },
      lang: { type: "string" },
      verbose: { type: "boolean", short: "v" },
      help: { type: "boolean", short: "h" },
    },
  });
}
