// Durable storage of ingested articles as corpus files (`<dir>/<YYYY-MM>/<id>.md`, the documented
// corpus format), written atomically (temporary file, then rename) so a crash never leaves half a
// file for the loader. They are plain corpus files: `loadCorpus` reads them back at start-up.
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Article } from "../core/corpus/article.ts";
import { parseArticleFile, serializeArticle } from "../core/corpus/front-matter.ts";

export interface ArticleWriter {
  /** Store `article` durably; returns where. Throws when the article would not load back. */
  write(article: Article): Promise<string>;
}

export function corpusFilePath(dir: string, article: Article): string {
  return join(dir, article.date?.slice(0, 7) ?? "undated", `${article.id}.md`);
}

export function createCorpusFileWriter(dir: string): ArticleWriter {
  return {
    async write(article) {
      const target = corpusFilePath(dir, article);
      const text = serializeArticle(article);
      const check = parseArticleFile(text, target);
      if (!check.ok) throw new Error(check.problems.map((p) => p.message).join("; "));
      await mkdir(join(target, ".."), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      await writeFile(tmp, text, "utf8");
      await rename(tmp, target);
      return target;
    },
  };
}

/** Keeps articles in memory (tests, dry runs). */
export function createMemoryWriter(): ArticleWriter & { readonly written: Article[] } {
  const written: Article[] = [];
  return {
    written,
    async write(article) {
      written.push(article);
      return `memory:${article.id}`;
    },
  };
}
