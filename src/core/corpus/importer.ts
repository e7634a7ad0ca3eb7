// Turns raw scraped article text into a clean Article by general rules (never rules for one site
// or one file): an optional ` date YYYY-MM[-DD] Title` header, a rubric line before the headline,
// photo credits and captions, agency signatures, `>>` teasers, a trailing `Voir plus` block, a
// dateline, a lead repeated by the next paragraph, words glued by the scraper and missing spaces
// after punctuation. Everything dropped is returned in `removed`, so a human can check it.
import { basename } from "node:path";
import type { Article } from "./article.ts";
import { ID_PATTERN, isValidDate } from "./front-matter.ts";
import { fixGluedSentences, normalizeText } from "./text-repair.ts";
import { createWordSplitter, documentVocabulary } from "./word-splitter.ts";

export interface ImportOptions {
  /** The scraped file's name: its basename without extension becomes the id. */
  fileName: string;
  /** Publisher; default: the agency signature found in the text, if any. */
  source?: string;
  /** Language of the text; default `fr`. */
  lang?: string;
  /**
   * Words the rest of the corpus writes on their own (e.g. the other files of an import batch):
   * they confirm the split of two glued content words (`transformationnumérique`).
   */
  corpusWords?: Iterable<string>;
}

export interface ImportResult {
  article: Article;
  /** Noise dropped from the text (lines and fragments), in order. */
  removed: string[];
}

/** A scraped file that cannot become an article (empty, no title, no body). */
export class ImportError extends Error {
  override name = "ImportError";
}

/** ` date 2025-08 Title`, ` date 2026-01-15 Title`, ` date Title` (the header of some scrapers). */
const HEADER = /^date\s*:?\s+(?:(\d{4}-\d{2}(?:-\d{2})?)\b\s*)?(.*)$/;
/** An agency or credit signature: upper-case names joined by `/` or `,` (`VNA`, `VNA/CVN`, `AFP, Reuters`). */
const AGENCY = String.raw`\p{Lu}[\p{Lu}\p{N}&.]{1,11}(?:\s*[/,]\s*\p{Lu}[\p{Lu}\p{N}&.]{1,11})*`;
const SIGNATURE_LINE = new RegExp(String.raw`^[-–—(\s]*(${AGENCY})[)\s]*$`, "u");
/** A signature glued to the end of the last paragraph: `…bilatérales.- VNA`, `… (AFP)`. */
const TRAILING_SIGNATURE = new RegExp(
  String.raw`([.!?»"”…])\s*(?:[-–—]\s*(${AGENCY})|\((${AGENCY})\))\s*$`,
  "u",
);
const SOURCE_LINE = /^sources?\s*(?::\s*(.{1,60}))?$/i;
const PHOTO_CREDIT = /^(?:photo|photos|ảnh|crédit(?:s)?(?: photo)?|illustration)\s*:\s*\S.{0,60}$/iu;
/** A caption: ends with a photo credit (`… Trong.  Photo : VNA`, `… Jinhae. Photo: qdnd.vn`). */
const CAPTION_CREDIT = /(?:^|[\s.])(?:photo|photos|ảnh|crédit photo)\s*:\s*[^\s].{0,40}$/iu;
/** A caption marker of Vietnamese sites: `ảnh 1` (picture 1). */
const PICTURE_MARKER = /\bảnh\s*\d+/iu;
const TEASER = /^(?:>>|»»|→|►)/u;
const RELATED_BLOCK =
  /^(?:voir plus|voir aussi|sur le même sujet|articles? liés?|articles similaires|dans la même rubrique)\s*:?$/iu;
const MONTHS =
  "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";
/** `Hanoï, 9 février (VNA) -`, `Paris, 1er mars 2024 (AFP) –`: place, date, agency, dash. */
const DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{L}'’ .-]{1,40},\s*(?:\d{1,2}(?:er)?\s+(?:${MONTHS})(?:\s+\d{4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\s*\((${AGENCY})\)\s*[-–—:]\s*)(?=\S)`,
  "iu",
);

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Share of `a`'s words that `b` also has. */
function containment(a: string, b: string): number {
  const wa = words(a);
  if (wa.length === 0) return 0;
  const wb = new Set(words(b));
  return wa.filter((w) => wb.has(w)).length / wa.length;
}

function isHeadlineLike(line: string): boolean {
  const n = words(line).length;
  return n >= 4 && line.length <= 200 && !/[.:;,]$/.test(line);
}

/** A rubric: a short label line (`Vietnam - Japon`, `Politique`) standing before the real headline. */
function isRubric(line: string, next: string | undefined): boolean {
  if (next === undefined) return false;
  const n = words(line).length;
  return (
    n >= 1 &&
    n <= 4 &&
    line.length <= 40 &&
    !/[.!?:;,]$/.test(line) &&
    isHeadlineLike(next) &&
    next.length > line.length
  );
}

/** Fix spacing the scraper lost: `démocrate(PLD)`, `commerce,l’agriculture`, `artificielle.Il`. */
function fixSpacing(text: string): string {
  return fixGluedSentences(text, " ")
    .replace(/(?<=\p{Ll})\((?=\p{L}[^)]{1,40}\))/gu, " (")
    .replace(/(?<=\p{L}),(?=\p{L})/gu, ", ")
    .replace(/(?<=\p{Ll}[.!?])[-–—](?=\p{Lu})/gu, " – ")
    .replace(/ {2,}/g, " ");
}

/** The id for a scraped file: its basename without extension, made safe for a file name. */
export function idFromFileName(fileName: string): string {
  const base = basename(fileName).replace(/\.[^.]+$/, "");
  return base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._-]+/gu, "-")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .slice(0, 128);
}

/** What cleaning drops, kept so the caller can show a human exactly what was removed. */
interface Dropped {
  /** Noise dropped from the text, in the order it was found. */
  readonly removed: string[];
  /** Agency signatures seen on the way: the first one is the default source. */
  readonly signatures: string[];
}

/** Clean one scraped article. Throws ImportError when there is no title or no body. */
export function importScrapedText(raw: string, options: ImportOptions): ImportResult {
  const dropped: Dropped = { removed: [], signatures: [] };
  const id = checkedId(options.fileName);
  const { date, title: scrapedTitle, lines } = readHeader(nonEmptyLines(raw), dropped);
  const kept = dropNoiseLines(lines, scrapedTitle, dropped);
  let paras = kept.map((p) => stripDatelineAndSignature(p, dropped)).filter((p) => words(p).length > 0);
  let title = scrapedTitle;
  if (isRubric(title, paras[0])) {
    dropped.removed.unshift(title);
    title = paras.shift() ?? title;
  }
  const repair = createRepair(title, paras, options.corpusWords);
  title = repair(title);
  paras = paras.map(repair);
  const body = dropRepeatedLeads(paras, dropped);
  if (body.length === 0) throw new ImportError("no body text after the title");

  const source = options.source?.trim() || dropped.signatures[0];
  return {
    article: {
      id,
      title,
      ...(date ? { date } : {}),
      ...(source ? { source } : {}),
      lang: options.lang ?? "fr",
      body: body.join("\n\n"),
    },
    removed: dropped.removed,
  };
}

function checkedId(fileName: string): string {
  const id = idFromFileName(fileName);
  if (!ID_PATTERN.test(id))
    throw new ImportError(`cannot make an id from the file name ${JSON.stringify(fileName)}`);
  return id;
}

function nonEmptyLines(raw: string): string[] {
  const lines = normalizeText(raw)
    .split("\n")
    .map((l) => l.replace(/ {2,}/g, " ").trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) throw new ImportError("empty file");
  return lines;
}

/** The ` date 2025-08 Title` header when there is one; else the first line is the title. */
function readHeader(
  all: readonly string[],
  dropped: Dropped,
): { date: string | undefined; title: string; lines: string[] } {
  let lines = [...all];
  let date: string | undefined;
  let title: string | undefined;
  const header = HEADER.exec(lines[0] ?? "");
  if (header) {
    const [, d, rest] = header;
    if (d && isValidDate(d)) date = d;
    else if (d) dropped.removed.push(`date ${d} (not a valid date)`);
    title = rest?.trim() || undefined;
    lines = lines.slice(1);
    // a header with a date only: the headline is on the next line
    if (!title) {
      title = lines[0];
      lines = lines.slice(1);
    }
  } else {
    title = lines[0];
    lines = lines.slice(1);
  }
  if (!title || words(title).length === 0) throw new ImportError("no title");
  return { date, title, lines };
}

/**
 * Lines that are noise as a whole: signatures, source lines, teasers, credits, captions, the
 * headline repeated, and everything from a `Voir plus` block on. Dropped before looking for the
 * rubric, so `>>` teasers and credits do not hide the headline.
 */
function dropNoiseLines(lines: readonly string[], title: string, dropped: Dropped): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    // a related-articles block needs some body before it, else it is a heading of the article
    if (RELATED_BLOCK.test(line) && kept.length >= 2) {
      dropped.removed.push(...lines.slice(i));
      break;
    }
    if (isNoiseLine(line, title, dropped)) dropped.removed.push(line);
    else kept.push(line);
  }
  return kept;
}

/** Is `line` noise? Records the signature a signature or source line carries. */
function isNoiseLine(line: string, title: string, dropped: Dropped): boolean {
  const signature = SIGNATURE_LINE.exec(line);
  if (signature?.[1] && words(line).length <= 3) {
    dropped.signatures.push(signature[1]);
    return true;
  }
  const source = SOURCE_LINE.exec(line);
  if (source) {
    if (source[1]) dropped.signatures.push(source[1].trim());
    return true;
  }
  return (
    TEASER.test(line) ||
    PHOTO_CREDIT.test(line) ||
    PICTURE_MARKER.test(line) ||
    CAPTION_CREDIT.test(line) ||
    line === title // the headline repeated
  );
}

/** A paragraph without its opening dateline and its trailing agency signature. */
function stripDatelineAndSignature(paragraph: string, dropped: Dropped): string {
  let text = paragraph;
  const dateline = DATELINE.exec(text);
  if (dateline?.[1]) {
    dropped.removed.push(dateline[1].trim());
    if (dateline[2]) dropped.signatures.push(dateline[2]);
    text = text.slice(dateline[1].length);
  }
  const trailing = TRAILING_SIGNATURE.exec(text);
  if (trailing) {
    const agency = trailing[2] ?? trailing[3] ?? "";
    dropped.removed.push(trailing[0].slice(1).trim());
    dropped.signatures.push(agency);
    text = text.slice(0, trailing.index + 1);
  }
  return text.trim();
}

/**
 * Glued words and lost spacing repaired, with the whole document as vocabulary: a word the
 * author writes apart elsewhere in the article confirms a split.
 */
function createRepair(
  title: string,
  paras: readonly string[],
  corpusWords: Iterable<string> | undefined,
): (s: string) => string {
  const vocabulary = documentVocabulary([title, ...paras].join("\n"));
  const splitter = createWordSplitter(vocabulary, undefined, corpusWords);
  return (s: string) => fixSpacing(splitter.repair(s));
}

/**
 * When `next` repeats `lead` (near-)verbatim — both of 8 words or more, 80 % of the shorter's
 * words in the longer — the fuller of the two and the one dropped; else undefined. Shared with
 * the loader, which puts a dump's lede before a body that may already open with it.
 */
export function repeatedLead(
  lead: string,
  next: string,
): { readonly kept: string; readonly dropped: string } | undefined {
  if (words(lead).length < 8 || words(next).length < 8) return undefined;
  const [shorter, longer] = lead.length <= next.length ? [lead, next] : [next, lead];
  return containment(shorter, longer) >= 0.8 ? { kept: longer, dropped: shorter } : undefined;
}

/** A lead repeated (near-)verbatim by the next paragraph: keep the fuller one. */
function dropRepeatedLeads(paras: readonly string[], dropped: Dropped): string[] {
  const deduped: string[] = [];
  for (const p of paras) {
    const prev = deduped[deduped.length - 1];
    const repeat = prev === undefined ? undefined : repeatedLead(prev, p);
    if (repeat) {
      dropped.removed.push(repeat.dropped);
      deduped[deduped.length - 1] = repeat.kept;
      continue;
    }
    deduped.push(p);
  }
  return deduped;
}
