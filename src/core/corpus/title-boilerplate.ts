// Scraped news titles often end in a site's boilerplate (`… : actualité automobile, infos, scoop`,
// `… - Le Monde`, `… | Reuters`). Such a suffix is recognised by repetition, not by a list: a tail
// after a title separator that many titles of the same corpus share is boilerplate and is removed.
import type { Article } from "./article.ts";

const SEPARATOR = /\s+(?:[:|\-–—]|::)\s+/g;

export interface BoilerplateOptions {
  /** A suffix is boilerplate when at least this many titles end with it. Default 20. */
  minTitles?: number;
  /** …and at least this share of the corpus's titles. Default 0.002 (0.2 %). */
  minShare?: number;
}

/** The title tails (after each separator) of one title, longest first. */
function tails(title: string): string[] {
  const out: string[] = [];
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(title); m !== null; m = SEPARATOR.exec(title)) {
    const tail = title.slice(m.index + m[0].length).trim();
    if (tail) out.push(tail);
  }
  return out;
}

export function stripTitleBoilerplate(
  articles: readonly Article[],
  options: BoilerplateOptions = {},
): Article[] {
  const minTitles = options.minTitles ?? 20;
  const minShare = options.minShare ?? 0.002;
  const counts = new Map<string, number>();
  for (const a of articles) for (const t of new Set(tails(a.title))) counts.set(t, (counts.get(t) ?? 0) + 1);
  const threshold = Math.max(minTitles, articles.length * minShare);
  const boilerplate = new Set([...counts].filter(([, n]) => n >= threshold).map(([t]) => t));
  if (boilerplate.size === 0) return [...articles];
  return articles.map((a) => {
    // the longest repeated tail goes (`: actualité automobile, infos, scoop` whole)
    const tail = tails(a.title).find((t) => boilerplate.has(t));
    if (!tail) return a;
    const head = a.title
      .slice(0, a.title.length - tail.length)
      .replace(/\s*(?:[:|\-–—]|::)\s*$/, "")
      .trim();
    return head ? { ...a, title: head } : a;
  });
}
