// The corpus file format (`corpus/<id>.md`, documented in corpus/README.md): YAML front matter
// between `---` lines, then the body as paragraphs separated by blank lines. `parseArticleFile`
// validates with zod and reports every problem with its field; `serializeArticle` writes the
// same format back, so parse(serialize(article)) gives the article again.
import { createRequire } from "node:module";
import { z } from "zod";
import type { Article, LoadProblem } from "./article.ts";
import { normalizeText, paragraphs } from "./text-repair.ts";

// The YAML library (250 kB of code) is loaded with the first Markdown file: a start from the
// index snapshot, or on a JSON-lines archive, reads none.
let yamlLibrary: typeof import("yaml") | undefined;
const YAML = () => (yamlLibrary ??= createRequire(import.meta.url)("yaml") as typeof import("yaml"));

/** Ids name files and appear in `/news article <id>`: letters, digits, `.`, `_`, `-`. */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,127}$/u;
const DATE_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** True for `YYYY-MM` and `YYYY-MM-DD` that name a real month / day. */
export function isValidDate(date: string): boolean {
  const m = DATE_PATTERN.exec(date);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= days;
}

const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} is empty`);

export const idSchema = z
  .union([z.string(), z.number().int().nonnegative()], { error: "id must be text or a whole number" })
  .transform((v) => String(v).trim())
  .pipe(z.string().regex(ID_PATTERN, "id must be letters, digits, '.', '_' or '-' (at most 128)"));

export const dateSchema = z
  .string({ error: "date must be text like 2025-08-14 or 2025-08" })
  .trim()
  .refine(isValidDate, "date must be YYYY-MM-DD or YYYY-MM (a real day or month)");

export const langSchema = z
  .string({ error: "lang must be text" })
  .trim()
  .regex(/^[a-z]{2}$/, "lang must be a two-letter ISO 639-1 code such as fr");

export const urlSchema = z.url({ error: "url must be an absolute http(s) URL" });

const frontMatterSchema = z.object({
  id: idSchema,
  title: text("title"),
  date: dateSchema.nullish(),
  source: text("source").nullish(),
  url: urlSchema.nullish(),
  lang: langSchema.nullish(),
  summary: z.boolean({ error: "summary must be true or false" }).nullish(),
});

/** Turns zod issues into load problems for `file` (first issue per field). */
export function problemsFromIssues(
  file: string,
  issues: readonly z.core.$ZodIssue[],
  line?: number,
): LoadProblem[] {
  const seen = new Set<string>();
  const out: LoadProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || undefined;
    const key = field ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    let message = issue.message;
    if (issue.code === "invalid_type" && issue.input === undefined && field) message = `missing ${field}`;
    out.push({ file, ...(line === undefined ? {} : { line }), ...(field ? { field } : {}), message });
  }
  return out;
}

/**
 * Front matter is a handful of `field: value` lines, so anything far beyond that is hostile or
 * broken: its size, aliases (a "billion laughs" alias bomb expands exponentially) and nesting
 * are capped before the YAML is turned into values.
 */
export const FRONT_MATTER_LIMITS = { maxChars: 16 * 1024, maxAliasCount: 20, maxDepth: 8 } as const;

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const ch of text) {
    if (ch === "[" || ch === "{") deepest = Math.max(deepest, ++depth);
    else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return deepest;
}

function readFrontMatter(
  yamlText: string,
  file: string,
): { ok: true; data: unknown } | { ok: false; problems: LoadProblem[] } {
  const fail = (message: string, line = 2) => ({
    ok: false as const,
    problems: [{ file, line, message: `bad front matter: ${message}` }],
  });
  const { maxChars, maxAliasCount, maxDepth } = FRONT_MATTER_LIMITS;
  if (yamlText.length > maxChars)
    return fail(`${yamlText.length} characters, over the ${maxChars} a few fields need`);
  if (nestingDepth(yamlText) > maxDepth) return fail(`nested deeper than ${maxDepth} levels`);
  try {
    const doc = YAML().parseDocument(yamlText, { uniqueKeys: true, merge: false });
    const error = doc.errors[0];
    if (error) {
      const line = (error.linePos?.[0].line ?? 1) + 1; // + the opening `---`
      const detail = (error.message.split("\n")[0] ?? error.message).replace(
        / at line \d+, column \d+:?$/,
        "",
      );
      return { ok: false, problems: [{ file, line, message: `bad front matter (YAML): ${detail}` }] };
    }
    return { ok: true, data: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    // the yaml package throws (not reports) on alias bombs; a stack overflow is a RangeError
    const detail = (error as Error).message.split("\n")[0] ?? "";
    return fail(
      /alias/i.test(detail)
        ? `too many alias references (more than ${maxAliasCount}): ${detail}`
        : `cannot be read (${detail})`,
    );
  }
}

export type ParseResult = { ok: true; article: Article } | { ok: false; problems: LoadProblem[] };

const FENCE = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Parse one corpus file. `file` names it in problems and becomes the article's `origin`. */
export function parseArticleFile(source: string, file: string): ParseResult {
  const fence = FENCE.exec(source);
  if (!fence) {
    const message = source.startsWith("---")
      ? "front matter is not closed: add a line `---` after it"
      : "missing front matter: the file must start with a line `---`, the YAML fields, then `---`";
    return { ok: false, problems: [{ file, line: 1, message }] };
  }
  const yamlText = fence[1] ?? "";
  const read = readFrontMatter(yamlText, file);
  if (!read.ok) return read;
  const data = read.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      problems: [{ file, line: 2, message: "bad front matter: expected `field: value` lines" }],
    };
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(file, parsed.error.issues) };
  const fm = parsed.data;
  const body = paragraphs(normalizeText(fence[2] ?? "")).join("\n\n");
  if (body.length === 0) {
    const bodyLine = yamlText.split("\n").length + 3;
    return {
      ok: false,
      problems: [
        { file, line: bodyLine, field: "body", message: "empty body: no text after the front matter" },
      ],
    };
  }
  const article: Article = {
    id: fm.id,
    title: fm.title.normalize("NFC"),
    ...(fm.date ? { date: fm.date } : {}),
    ...(fm.source ? { source: fm.source.normalize("NFC") } : {}),
    ...(fm.url ? { url: fm.url } : {}),
    lang: fm.lang ?? "fr",
    ...(fm.summary ? { summary: true as const } : {}),
    body,
    origin: file,
  };
  return { ok: true, article };
}

/** The corpus file for `article` (its `origin` is not written). */
export function serializeArticle(article: Article): string {
  const fields: Record<string, string | boolean> = { id: article.id, title: article.title };
  if (article.date) fields.date = article.date;
  if (article.source) fields.source = article.source;
  if (article.url) fields.url = article.url;
  fields.lang = article.lang;
  if (article.summary) fields.summary = true;
  const yaml = YAML().stringify(fields, {
    lineWidth: 0,
    defaultStringType: "PLAIN",
    defaultKeyType: "PLAIN",
  });
  const body = paragraphs(article.body).join("\n\n");
  return `---\n${yaml}---\n\n${body}\n`;
}
