// The articles of a snapshot, stored by column (one list of ids, one of titles, …; V8 restores
// a list of strings many times faster than as many small objects) with their texts in one
// UTF-8 blob, and restored as objects of one class: every article has the same hidden class,
// its `body` an enumerable accessor shared by all that gets the text from the snapshot's texts
// (snapshot-texts.ts) when read, so start-up builds no 34k strings.
// (Giving each article its own getter, as before, made 34k hidden classes: 230 ms to build and
// every later loop over the articles several times slower.)
// A column with few distinct values (the language, the dates) is stored as its values and a code
// per article, so a restored snapshot shares one string per value instead of making one per
// article; a column of `file:line` values from a few files (where each article came from, read
// only by tooling) is stored as files and numbers and written out when read. Fewer strings to
// restore is less to copy for the garbage collector, which was a good part of `newsbot ask`.
import type { Article } from "../core/corpus/article.ts";
import type { SnapshotTexts } from "./snapshot-texts.ts";

/** The articles without their texts, as columns: each field's values in article order. */
export interface ArticleColumns {
  readonly count: number;
  /** Field names in the order the articles list them (`body` excepted). */
  readonly fields: readonly string[];
  readonly values: readonly Column[];
}

/**
 * A field's values in article order: as they are, as codes into the distinct values (-1 = none),
 * or as `prefix:number` split into codes into the prefixes and the numbers.
 */
type Column =
  | readonly unknown[]
  | { readonly distinct: readonly string[]; readonly codes: readonly number[] }
  | {
      readonly prefixes: readonly string[];
      readonly codes: readonly number[];
      readonly numbers: readonly number[];
    };

/** At most this share of distinct values for a column to be stored by codes. */
const FEW = 1 / 8;

function encodeColumn(values: readonly unknown[]): Column {
  const distinct = new Map<string, number>();
  for (const v of values) {
    if (v !== undefined && typeof v !== "string") return values;
    if (v !== undefined && !distinct.has(v)) distinct.set(v, distinct.size);
  }
  if (distinct.size <= values.length * FEW)
    return {
      distinct: [...distinct.keys()],
      codes: values.map((v) => (v === undefined ? -1 : (distinct.get(v as string) as number))),
    };
  const prefixes = new Map<string, number>();
  const codes: number[] = [];
  const numbers: number[] = [];
  for (const v of values) {
    const m = typeof v === "string" ? /^(.*):(0|[1-9]\d{0,14})$/s.exec(v) : null;
    if (!m) return values;
    const prefix = m[1] as string;
    if (!prefixes.has(prefix)) prefixes.set(prefix, prefixes.size);
    codes.push(prefixes.get(prefix) as number);
    numbers.push(Number(m[2]));
  }
  return prefixes.size <= values.length * FEW ? { prefixes: [...prefixes.keys()], codes, numbers } : values;
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
  const values = fields.map((f) => encodeColumn(byName.get(f) as unknown[]));
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
  static at(a: SnapshotArticle): number {
    return a.#at;
  }
}

/** One descriptor for all: the same accessor keeps every article on one hidden class. */
const BODY: PropertyDescriptor = {
  get(this: SnapshotArticle) {
    return SnapshotArticle.text(this);
  },
  enumerable: true,
};

/** Each field as a function of the article's position, or (`prefix:number`) as an accessor shared by all. */
function decoders(values: readonly Column[]) {
  return values.map((column) => {
    if ("distinct" in column) return (i: number) => column.distinct[column.codes[i] as number];
    if (!("prefixes" in column)) return (i: number) => (column as readonly unknown[])[i];
    const { prefixes, codes, numbers } = column;
    const get = function (this: SnapshotArticle) {
      const i = SnapshotArticle.at(this);
      return `${prefixes[codes[i] as number]}:${numbers[i]}`;
    };
    return { get, enumerable: true } as PropertyDescriptor;
  });
}

export function joinArticles(columns: ArticleColumns, texts: SnapshotTexts): Article[] {
  const { fields } = columns;
  const fieldOf = decoders(columns.values);
  const out = new Array<Article>(columns.count);
  for (let i = 0; i < columns.count; i++) {
    const a = new SnapshotArticle(texts, i) as unknown as Record<string, unknown>;
    for (let f = 0; f < fields.length; f++) {
      const field = fieldOf[f];
      if (typeof field === "function") {
        const value = field(i);
        if (value !== undefined) a[fields[f] as string] = value;
      } else Object.defineProperty(a, fields[f] as string, field as PropertyDescriptor);
    }
    Object.defineProperty(a, "body", BODY);
    out[i] = a as unknown as Article;
  }
  return out;
}
