// `newsbot import <files…> [--out DIR] [--source S] [--lang L] [--force] [--verbose]`: cleans
// scraped article text files into corpus files (`<out>/<id>.md`), one line of report per file. A
// bad file (missing, empty, no title) is reported by name and the others still import. It never
// destroys an article: an id the corpus already has, or an existing file, is refused unless
// `--force` (which replaces that file only); a documentation name (README…) is never a target;
// each file is written whole or not at all (temporary file, fsync, then link or rename).
// Exit code: 0 all imported, 1 some failed, 2 usage error.
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "../core/corpus/article.ts";
import { parseArticleFile, serializeArticle } from "../core/corpus/front-matter.ts";
import { ImportError, importScrapedText } from "../core/corpus/importer.ts";
import { loadCorpus, NOT_ARTICLES } from "../core/corpus/loader.ts";
import { documentVocabulary } from "../core/corpus/word-splitter.ts";
import { writeFileAtomic } from "../storage/atomic-write.ts";
import { readArgs } from "./io.ts";

export interface ImportIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const IMPORT_USAGE = `usage: newsbot import <files…> [--out DIR] [--source S] [--lang L] [--force] [--verbose]
  Clean scraped article text files into corpus files <DIR>/<id>.md (id = file name without extension).
  --out DIR     where to write (default corpus/)
  --source S    publisher to record (default: the agency signature found in the text)
  --lang L      two-letter language code (default fr)
  --force       replace an existing <DIR>/<id>.md (never README.md and the like)
  --verbose     list the noise removed from each file`;

export async function runImport(argv: string[], io: ImportIo): Promise<number> {
  const parsed = readArgs("import", IMPORT_USAGE, () => parse(argv), io);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
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

  const existing = await idsInCorpus(outDir);
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
      refuseClobber(article, target, existing, values.force === true);
      const serialized = serializeArticle(article);
      const check = parseArticleFile(serialized, target);
      if (!check.ok) throw new ImportError(check.problems.map((p) => p.message).join("; "));
      await mkdir(outDir, { recursive: true });
      await writeFileAtomic(target, serialized, { replace: values.force === true });
      written.set(article.id, file);
      const paragraphs = article.body.split("\n\n").length;
      const facts = [article.date ?? "no date", article.source ?? "no source", `${paragraphs} paragraphs`];
      const verb = existing.has(article.id) ? "replaced" : "→";
      io.out(
        `${file} ${verb} ${target}: ${article.title} (${facts.join(", ")}; ${removed.length} noise removed)`,
      );
      if (values.verbose) for (const r of removed) io.out(`    removed: ${r}`);
    } catch (error) {
      if (!(error instanceof ImportError) && !(error as NodeJS.ErrnoException).code) throw error;
      const reason =
        (error as NodeJS.ErrnoException).code === "EEXIST"
          ? "the file appeared meanwhile; nothing was overwritten"
          : (error as Error).message;
      io.err(`${file}: not imported: ${reason}`);
      failed++;
    }
  }
  return failed === 0 ? 0 : 1;
}

/** Ids the output folder's corpus already has, and the file holding each. */
async function idsInCorpus(outDir: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!existsSync(outDir)) return ids;
  const { articles } = await loadCorpus(outDir);
  for (const a of articles) ids.set(a.id, a.origin ?? "");
  return ids;
}

/** Throws when writing `article` to `target` would destroy something. */
function refuseClobber(
  article: Article,
  target: string,
  existing: ReadonlyMap<string, string>,
  force: boolean,
): void {
  const name = `${article.id}.md`;
  if (NOT_ARTICLES.test(name))
    throw new ImportError(`${name} is a documentation file name, never an article; rename the input`);
  const holder = existing.get(article.id);
  if (holder !== undefined && resolve(holder) !== resolve(target))
    throw new ImportError(`id ${article.id} is already used by ${holder}; rename the input`);
  if (force) return;
  if (holder !== undefined || existsSync(target))
    throw new ImportError(`${target} already exists; --force replaces it`);
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
      force: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}
