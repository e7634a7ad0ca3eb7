// Which files of a corpus folder are articles: apart from the loader, so that what only lists
// them (the snapshot's fingerprint of the corpus) does not load the parser and its schemas.
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Files a directory holds that are documentation, not articles. */
export const NOT_ARTICLES = /^(readme|license|licence|changelog|contributing)(\..*)?$/i;

export async function markdownFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.toLowerCase().endsWith(".md") || NOT_ARTICLES.test(e.name)) continue;
    const parent = e.parentPath ?? dir;
    if (/(^|[/\\])(\.|node_modules)/.test(parent.slice(dir.length))) continue;
    files.push(join(parent, e.name));
  }
  return files.sort();
}
