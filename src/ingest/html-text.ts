// HTML to paragraphs of plain text: a feed's content (`content:encoded`, Atom `content`) walked
// block by block, and an article page reduced to its main text by Mozilla's Readability (over a
// linkedom document: no browser, no jsdom). Scripts, styles, figures and captions are dropped; the
// importer's cleaning runs afterwards on the text.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "div",
  "dl",
  "dt",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);
const DROP = new Set([
  "script",
  "style",
  "noscript",
  "iframe",
  "figure",
  "figcaption",
  "picture",
  "svg",
  "form",
  "button",
  "nav",
  "template",
  "object",
  "video",
  "audio",
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

function walk(node: DomNode, out: string[]): void {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!child) continue;
    if (child.nodeType === 3) {
      out.push(child.textContent ?? "");
      continue;
    }
    if (child.nodeType !== 1) continue;
    const name = child.nodeName.toLowerCase();
    if (DROP.has(name)) continue;
    if (name === "br") {
      out.push("\n");
      continue;
    }
    const block = BLOCK.has(name);
    if (block) out.push("\n\n");
    walk(child, out);
    if (block) out.push("\n\n");
  }
}

/** The paragraphs of an HTML fragment (or document body), whitespace collapsed. */
export function htmlToParagraphs(html: string): string[] {
  if (!/[<&]/.test(html)) return splitParagraphs(html);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  walk(document.body as unknown as DomNode, out);
  return splitParagraphs(out.join(""));
}

function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p.length > 0);
}

/** A short HTML-or-text string (a title) as one line of text. */
export function htmlToLine(html: string): string {
  return htmlToParagraphs(html).join(" ").trim();
}

export interface ExtractedPage {
  readonly title?: string;
  readonly paragraphs: string[];
  readonly lang?: string;
  /** `YYYY-MM-DD` from `article:published_time` and the like, when the page states it. */
  readonly date?: string;
  readonly siteName?: string;
}

export class ExtractError extends Error {
  override name = "ExtractError";
}

/** The main text of an article page. Throws ExtractError when the page has none. */
export function extractArticle(html: string, options: { maxElements?: number } = {}): ExtractedPage {
  const { document } = parseHTML(html);
  const meta = (selector: string): string | undefined =>
    document.querySelector(selector)?.getAttribute("content")?.trim() || undefined;
  const date = /^(\d{4}-\d{2}-\d{2})/.exec(
    meta('meta[property="article:published_time"]') ?? meta('meta[itemprop="datePublished"]') ?? "",
  )?.[1];
  const langAttr = document.documentElement?.getAttribute("lang") ?? "";
  const lang = /^([a-z]{2})(?:[-_]|$)/i.exec(langAttr)?.[1]?.toLowerCase();
  let parsed: ReturnType<Readability["parse"]>;
  try {
    // Readability mutates the document; meta data is read above first.
    parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {
      maxElemsToParse: options.maxElements ?? 30_000,
      charThreshold: 200,
    }).parse();
  } catch (error) {
    throw new ExtractError(`cannot extract the article text: ${(error as Error).message}`);
  }
  const paragraphs = parsed?.content ? htmlToParagraphs(parsed.content) : [];
  if (paragraphs.length === 0) throw new ExtractError("no article text found on the page");
  return {
    paragraphs,
    ...(parsed?.title ? { title: parsed.title.trim() } : {}),
    ...(lang ? { lang } : {}),
    ...(date ? { date } : {}),
    ...(parsed?.siteName ? { siteName: parsed.siteName.trim() } : {}),
  };
}
