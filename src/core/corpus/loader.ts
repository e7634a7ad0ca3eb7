// Loads a corpus from corpus files (`*.md`, one article each), directories of them, and JSON-lines
// dumps (`.jsonl`, `.jsonl.gz`, streamed line by line so a large archive loads in seconds). A bad
// file or line is reported as a LoadProblem and skipped; everything else still loads. A dump's
// lede (chapô) becomes the body's first paragraph: it is the sentence that best sums the article
// up, shown above the body on the page, and answers and stories read the body only.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import { z } from "zod";
import type { Article, LoadProblem, LoadResult } from "./article.ts";
import { markdownFilesIn } from "./corpus-files.ts";
import {
  dateSchema,
  idSchema,
  langSchema,
  parseArticleFile,
  problemsFromIssues,
  urlSchema,
} from "./front-matter.ts";
import { repeatedLead } from "./importer.ts";
import { dumpParagraphs, normalizeText } from "./text-repair.ts";
import { stripTitleBoilerplate } from "./title-boilerplate.ts";

export { markdownFilesIn, NOT_ARTICLES } from "./corpus-files.ts";

const optionalText = z.string({ error: "must be text" }).nullish();

const lineSchema = z.object({
  id: idSchema,
  title: z.string({ error: "title must be text" }).trim().min(1, "title is empty"),
  date: z.union([dateSchema, z.literal("")]).nullish(),
  text: optionalText,
  article: optionalText,
  url: z.union([urlSchema, z.literal("")]).nullish(),
  source: optionalText,
  lang: langSchema.nullish(),
});

/** Body text of a JSON line: NFC, glued paragraphs (`domestique.Consternant`) split apart. */
export function cleanDumpText(text: string): string {
  return dumpParagraphs(text).join("\n\n");
}

/** Fields a dump may carry the article's lede (chapô) in, the first that reads as a lede used. */
export const LEDE_FIELDS = ["heading", "lead", "description", "chapo"] as const;

/**
 * The lede of a JSON line, one paragraph, when it reads as one: some dumps fill the field with a
 * bare date (`18 juin`) or an intertitle (`- Plus de 10 millions de cas -`), which would lead the
 * body with a line that sums nothing up. A lede field that is not text is reported; the article
 * still loads without it.
 */
function ledeOf(data: object, file: string, lineNo: number, problems: LoadProblem[]): string | undefined {
  let lede: string | undefined;
  for (const field of LEDE_FIELDS) {
    const parsed = optionalText.safeParse((data as Record<string, unknown>)[field]);
    if (!parsed.success) {
      // the message names the field: the bot's startup prints the message without it
      problems.push({
        file,
        line: lineNo,
        field,
        message: `\`${field}\` must be text; the article loads without this lede`,
      });
      continue;
    }
    // a date in `heading` does not hide a real lede in `description`
    const text = parsed.data?.trim() ? dumpParagraphs(parsed.data).join(" ") : "";
    if (lede === undefined && readsAsLede(text)) lede = text;
  }
  return lede;
}

/** At least 4 words, and not a dash- or bullet-led label. */
function readsAsLede(text: string): boolean {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 4 && !/^[-–—•►+.]/u.test(text);
}

/**
 * The lede first, unless the body already opens with it: word for word, or near-verbatim by the
 * importer's repeated-lead rule, applied to the body's opening cut to the lede's length (+20 %):
 * a whole first paragraph of 100 words holds 80 % of a lede's words by chance.
 * The body is never cut: a paraphrase in it may hold what the lede leaves out.
 */
export function withLede(lede: string | undefined, paras: readonly string[]): readonly string[] {
  if (lede === undefined) return paras;
  const opening = paras.join(" ").slice(0, Math.ceil(lede.length * 1.2));
  if (opening.startsWith(lede) || repeatedLead(lede, opening)) return paras;
  return [lede, ...paras];
}

/** One JSON line as an Article (with the problems of fields it loads without), or the problems that keep it out. */
export function parseJsonLine(
  line: string,
  file: string,
  lineNo: number,
): { article?: Article; problems: LoadProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return { problems: [{ file, line: lineNo, message: `invalid JSON: ${(error as Error).message}` }] };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return {
      problems: [{ file, line: lineNo, message: "a line must be a JSON object {id, title, text, …}" }],
    };
  const parsed = lineSchema.safeParse(data);
  if (!parsed.success) return { problems: problemsFromIssues(file, parsed.error.issues, lineNo) };
  const d = parsed.data;
  const raw = d.text ?? d.article;
  if (raw === undefined || raw === null)
    return {
      problems: [
        { file, line: lineNo, field: "text", message: "missing text: a line needs `text` or `article`" },
      ],
    };
  const paras = dumpParagraphs(raw);
  if (paras.length === 0) return { problems: [{ file, line: lineNo, field: "text", message: "empty text" }] };
  const problems: LoadProblem[] = [];
  const body = withLede(ledeOf(data, file, lineNo, problems), paras).join("\n\n");
  return {
    problems,
    article: {
      id: d.id,
      title: normalizeText(d.title).replace(/\s+/g, " ").trim(),
      ...(d.date ? { date: d.date } : {}),
      ...(d.source?.trim() ? { source: d.source.trim().normalize("NFC") } : {}),
      ...(d.url ? { url: d.url } : {}),
      lang: d.lang ?? "fr",
      body,
      origin: `${file}:${lineNo}`,
    },
  };
}

/** A corpus file holds one article: far beyond this it is a mistake or an attack, not news. */
export const MAX_ARTICLE_FILE_BYTES = 4 * 1024 * 1024;

/** A JSON line is one article: the same bound, in characters. */
const MAX_JSON_LINE_CHARS = MAX_ARTICLE_FILE_BYTES;

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** The file's text, or undefined when it is binary (a NUL byte) or not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

async function loadMarkdown(
  file: string,
  emit: (a: Article) => void,
  problems: LoadProblem[],
): Promise<void> {
  let source: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_ARTICLE_FILE_BYTES) {
      problems.push({
        file,
        message: `too large for an article (${mib(size)}; the limit is ${mib(MAX_ARTICLE_FILE_BYTES)})`,
      });
      return;
    }
    const bytes = await readFile(file);
    const text = decodeText(bytes);
    if (text === undefined) {
      problems.push({ file, message: "not a text file (binary content or not UTF-8)" });
      return;
    }
    source = text;
  } catch (error) {
    problems.push({ file, message: `cannot read file: ${(error as Error).message}` });
    return;
  }
  let result: ReturnType<typeof parseArticleFile>;
  try {
    result = parseArticleFile(source, file);
  } catch (error) {
    // a parser bug must cost one file, not the start-up
    problems.push({ file, message: `cannot be parsed: ${(error as Error).message}` });
    return;
  }
  if (result.ok) emit(result.article);
  else problems.push(...result.problems);
}

async function loadJsonLines(
  file: string,
  emit: (a: Article) => void,
  problems: LoadProblem[],
): Promise<void> {
  const input = createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    input.once("open", () => resolve());
    input.once("error", reject);
  });
  try {
    await opened;
  } catch (error) {
    problems.push({ file, message: `cannot read file: ${(error as Error).message}` });
    return;
  }
  const stream = file.endsWith(".gz") ? input.pipe(createGunzip()) : input;
  const streamError = new Promise<Error>((resolve) => {
    stream.once("error", resolve);
  });
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  let failed: Error | undefined;
  void streamError.then((e) => {
    failed = e;
    lines.close();
  });
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === "") continue;
      if (line.length > MAX_JSON_LINE_CHARS) {
        problems.push({
          file,
          line: lineNo,
          message: `line longer than ${MAX_JSON_LINE_CHARS} characters; skipped`,
        });
        continue;
      }
      const result = parseJsonLine(line, file, lineNo);
      problems.push(...result.problems);
      if (result.article) emit(result.article);
    }
  } catch (error) {
    failed ??= error as Error;
  }
  if (failed)
    problems.push({ file, line: lineNo + 1, message: `cannot read the rest of the file: ${failed.message}` });
}

/**
 * Load articles from `paths`: directories (their `*.md` files, recursively, README and the like
 * ignored), corpus files (`.md`), and JSON-lines dumps (`.jsonl`, `.jsonl.gz`) with one object a
 * line `{id, title, date?, text | article, heading | lead | description | chapo?, url?, source?,
 * lang?}` (other fields are ignored); the lede (`heading`, …) becomes the body's first paragraph.
 * Ids are unique: a repeated id is reported and the first article kept.
 */
export async function loadCorpus(paths: string | readonly string[]): Promise<LoadResult> {
  const list = typeof paths === "string" ? [paths] : paths;
  const articles: Article[] = [];
  const problems: LoadProblem[] = [];
  const byId = new Map<string, Article>();
  const emit = (a: Article): void => {
    const first = byId.get(a.id);
    if (first) {
      const [file, line] = splitOrigin(a.origin ?? "");
      problems.push({
        file,
        ...(line === undefined ? {} : { line }),
        field: "id",
        message: `duplicate id ${a.id} (first in ${first.origin ?? "?"}); skipped`,
      });
      return;
    }
    byId.set(a.id, a);
    articles.push(a);
  };
  for (const path of list) {
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (error) {
      problems.push({ file: path, message: `cannot read path: ${(error as Error).message}` });
      continue;
    }
    if (isDir) {
      let files: string[];
      try {
        files = await markdownFilesIn(path);
      } catch (error) {
        problems.push({ file: path, message: `cannot read directory: ${(error as Error).message}` });
        continue;
      }
      for (const f of files) await loadMarkdown(f, emit, problems);
    } else if (/\.jsonl(\.gz)?$/i.test(path)) {
      await loadJsonLines(path, emit, problems);
    } else if (extname(path).toLowerCase() === ".md") {
      await loadMarkdown(path, emit, problems);
    } else {
      problems.push({
        file: path,
        message: `unsupported file type ${JSON.stringify(basename(path))}: expected a directory, .md, .jsonl or .jsonl.gz`,
      });
    }
  }
  return { articles: stripTitleBoilerplate(articles), problems };
}

function splitOrigin(origin: string): [string, number | undefined] {
  const m = /^(.*):(\d+)$/.exec(origin);
  return m ? [m[1] ?? origin, Number(m[2])] : [origin, undefined];
}
