// The snapshot's article columns: what goes in comes back out, field for field and in the same
// key order, whichever way a column is stored (as is, by codes into few values, as file:number).
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Article } from "../src/core/corpus/article.ts";
import { joinArticles, splitArticles } from "../src/snapshot/snapshot-articles.ts";
import { SnapshotTexts } from "../src/snapshot/snapshot-texts.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** `articles` through the columns, their texts served from strings. */
function roundTrip(articles: readonly Article[]): Article[] {
  const { columns, bodyStart } = splitArticles(articles);
  dir = mkdtempSync(join(tmpdir(), "newsbot-columns-"));
  const file = join(dir, "blob");
  writeFileSync(file, "");
  const blob = { fd: openSync(file, "r"), offset: 0, bytes: 0, sha1: "" };
  const texts = new SnapshotTexts(blob, bodyStart, new Uint32Array(articles.length), () => {});
  texts.useStrings(articles.map((a) => a.body));
  try {
    return joinArticles(structuredClone(columns), texts);
  } finally {
    try {
      closeSync(blob.fd);
    } catch {}
  }
}

/** The article as restored lists its fields: the text last. */
const textLast = ({ body, ...rest }: Article) => JSON.stringify({ ...rest, body });

const many = (n: number): Article[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a${i}`,
    title: `Titre ${i}`,
    ...(i % 7 === 3 ? {} : { date: `2019-0${1 + (i % 3)}-1${i % 2}` }),
    lang: i % 5 === 0 ? "en" : "fr",
    body: `Texte ${i}.`,
    origin: i % 11 === 0 ? `/data/other.jsonl:${i}` : `/data/dump.jsonl:${i + 1}`,
  }));

describe("snapshot article columns", () => {
  it("restores every field in order, columns stored by codes and by file:number alike", () => {
    const articles = many(80);
    const back = roundTrip(articles);
    expect(back.map((a) => JSON.stringify(a))).toEqual(articles.map(textLast));
    const { columns } = splitArticles(articles);
    const stored = Object.fromEntries(columns.fields.map((f, i) => [f, columns.values[i]]));
    expect(stored.lang).toHaveProperty("distinct");
    expect(stored.date).toHaveProperty("distinct");
    expect(stored.origin).toHaveProperty("prefixes");
    expect(Array.isArray(stored.title)).toBe(true);
  });

  it("keeps a column as it is when its values are many, not text, or not file:number", () => {
    const articles = many(40).map((a, i) => ({
      ...a,
      origin: i === 5 ? "/data/dump.jsonl:007" : a.origin, // a number not written as written back
      ...(i === 9 ? { summary: true as const } : {}),
    }));
    const back = roundTrip(articles);
    expect(back.map((a) => JSON.stringify(a))).toEqual(articles.map(textLast));
    const { columns } = splitArticles(articles);
    const stored = Object.fromEntries(columns.fields.map((f, i) => [f, columns.values[i]]));
    expect(Array.isArray(stored.origin)).toBe(true);
    expect(Array.isArray(stored.summary)).toBe(true);
  });
});
