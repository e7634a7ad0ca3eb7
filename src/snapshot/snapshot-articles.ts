// The articles of a snapshot, stored by column (one list of ids, one of titles, …; V8 restores
// a list of strings many times faster than as many small objects) with their texts in one
// UTF-8 blob, and restored as objects of one class: every article has the same hidden class,
// its `body` an enumerable accessor shared by all that gets the text from the snapshot's texts
// (snapshot-texts.ts) when read, so start-up builds no 34k strings.
// (Giving each article its own getter, as before, made 34k hidden classes: 230 ms to build and
// every later loop over the articles several times slower.)
import type { Article } from "../core/corpus/article.ts";
import type { SnapshotTexts } from "./snapshot-texts.ts";

/** The articles without their texts, as columns: each field's values in article order. */
export interface ArticleColumns {
  readonly count: number;
  /** Field names in the order the articles list them (`body` excepted). */
  readonly fields: readonly string[];
  readonly values: readonly (readonly unknown[])[];
}

/** Where each text lies in the blob: `bodyStart[i]..bodyStart[i + 1]`. */
export function splitArticles(articles: readonly Article[]): {
  columns: ArticleColumns;
  bodyStart: Float64Array;
  blob: Buffer;
} {
  const fields: string[] = [];
  const byName = new Map<string, unknown[]>();
  const parts: Buffer[] = [];
  const bodyStart = new Float64Array(articles.length + 1);
  articles.forEach((a, i) => {
    for (const [name, value] of Object.entries(a)) {
      if (name === "body") continue;
      let column = byName.get(name);
      if (!column) {
        column = new Array(articles.length).fill(undefined);
        byName.set(name, column);
        fields.push(name);
      }
      column[i] = value;
    }
    const bytes = Buffer.from(a.body, "utf8");
    parts.push(bytes);
    bodyStart[i + 1] = (bodyStart[i] as number) + bytes.length;
  });
  const values = fields.map((f) => byName.get(f) as unknown[]);
  return { columns: { count: articles.length, fields, values }, bodyStart, blob: Buffer.concat(parts) };
}

class SnapshotArticle {
  readonly #texts: SnapshotTexts;
  readonly #at: number;
  constructor(texts: SnapshotTexts, at: number) {
    this.#texts = texts;
    this.#at = at;
  }
  static text(a: SnapshotArticle): string {
    return a.#texts.text(a.#at);
  }
}

/** One descriptor for all: the same accessor keeps every article on one hidden class. */
const BODY: PropertyDescriptor = {
  get(this: SnapshotArticle) {
    return SnapshotArticle.text(this);
  },
  enumerable: true,
};

export function joinArticles(columns: ArticleColumns, texts: SnapshotTexts): Article[] {
  const { fields, values } = columns;
  const out = new Array<Article>(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const a = new SnapshotArticle(texts, i) as unknown as Record<string, unknown>;
    for (let f = 0; f < fields.length; f++) {
      const value = (values[f] as readonly unknown[])[i];
      if (value !== undefined) a[fields[f] as string] = value;
    }
    Object.defineProperty(a, "body", BODY);
    out[i] = a as unknown as Article;
  }
  return out;
}
