// RSS 2.0 (and RSS 1.0 / RDF) and Atom 1.0 parsed into one neutral shape, with fast-xml-parser
// (entity expansion and nesting depth bounded by its defaults). Malformed XML, or XML that is not
// a feed (an HTML page, an error document), is a `FeedParseError` saying which.
import { XMLParser, XMLValidator } from "fast-xml-parser";

export interface FeedItem {
  /** Stable identity: the GUID / Atom id, else the link, else title + date. */
  readonly key: string;
  readonly title: string;
  readonly link?: string;
  /** `YYYY-MM-DD` as written in the feed (the publisher's own day). */
  readonly date?: string;
  /** Full content when the feed carries it (`content:encoded`, Atom `content`), as HTML. */
  readonly contentHtml?: string;
  /** Summary (`description`, Atom `summary`), as HTML. */
  readonly summaryHtml?: string;
  readonly lang?: string;
}

export interface ParsedFeed {
  readonly format: "rss" | "atom" | "rdf";
  readonly title?: string;
  readonly link?: string;
  readonly lang?: string;
  readonly items: FeedItem[];
}

export class FeedParseError extends Error {
  override name = "FeedParseError";
}

const ARRAYS = new Set(["item", "entry", "link", "category"]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: false,
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null && !Array.isArray(v);

/** Text of an element that may be a string, a `{#text, @_attr}` object, or an array of either. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === "string") return v.trim() || undefined;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (isNode(v)) return text(v["#text"]);
  return undefined;
}

const MONTHS: Record<string, string> = {
  jan: "01",
  feb: "02",
  mar: "03",
  apr: "04",
  may: "05",
  jun: "06",
  jul: "07",
  aug: "08",
  sep: "09",
  oct: "10",
  nov: "11",
  dec: "12",
};

/** The day a feed date names, as written (no time-zone shift): RFC 822 or ISO 8601. */
export function feedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/.exec(value);
  if (rfc) {
    const month = MONTHS[(rfc[2] ?? "").toLowerCase()];
    if (!month) return undefined;
    const year = (rfc[3] ?? "").length === 2 ? `20${rfc[3]}` : rfc[3];
    return `${year}-${month}-${(rfc[1] ?? "").padStart(2, "0")}`;
  }
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().slice(0, 10);
}

const langOf = (v: string | undefined): string | undefined => {
  const m = /^([a-z]{2})(?:[-_]|$)/i.exec(v?.trim() ?? "");
  return m?.[1]?.toLowerCase();
};

function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  let fallback: string | undefined;
  for (const l of links) {
    if (typeof l === "string") {
      fallback ??= l;
      continue;
    }
    if (!isNode(l)) continue;
    const href = text(l["@_href"]);
    const rel = text(l["@_rel"]) ?? "alternate";
    if (href && rel === "alternate") return href;
    if (href && !fallback && rel !== "self" && rel !== "enclosure") fallback = href;
  }
  return fallback;
}

function rssLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return text(links);
  for (const l of links) {
    // `<link>` of RSS, not `<atom:link rel="self">` (which is another element name)
    const t = typeof l === "string" ? l.trim() : text(l);
    if (t) return t;
  }
  return undefined;
}

function keyOf(guid: string | undefined, link: string | undefined, title: string, date?: string): string {
  return guid ?? link ?? `${title}|${date ?? ""}`;
}

function rssItem(node: Node, feedLang: string | undefined): FeedItem | undefined {
  const title = text(node.title) ?? "";
  const link = rssLink(node.link);
  const guid = text(node.guid);
  const date = feedDate(text(node.pubDate) ?? text(node["dc:date"]));
  const contentHtml = text(node["content:encoded"]);
  const summaryHtml = text(node.description);
  if (!title && !link && !guid) return undefined;
  const lang = langOf(text(node["dc:language"])) ?? feedLang;
  return feedItem(guid, { title, link, date, contentHtml, summaryHtml, lang });
}

function atomEntry(node: Node, feedLang: string | undefined): FeedItem | undefined {
  const title = text(node.title) ?? "";
  const link = atomLink(node.link);
  const id = text(node.id);
  const date = feedDate(text(node.published) ?? text(node.updated));
  const contentHtml = text(node.content);
  const summaryHtml = text(node.summary);
  if (!title && !link && !id) return undefined;
  const lang = langOf(isNode(node) ? text(node["@_xml:lang"]) : undefined) ?? feedLang;
  return feedItem(id, { title, link, date, contentHtml, summaryHtml, lang });
}

/** An item from its fields as RSS and Atom both give them; absent fields are left out. */
function feedItem(
  id: string | undefined,
  f: {
    title: string;
    link?: string;
    date?: string;
    contentHtml?: string;
    summaryHtml?: string;
    lang?: string;
  },
): FeedItem {
  return {
    key: keyOf(id, f.link, f.title, f.date),
    title: f.title,
    ...(f.link ? { link: f.link } : {}),
    ...(f.date ? { date: f.date } : {}),
    ...(f.contentHtml ? { contentHtml: f.contentHtml } : {}),
    ...(f.summaryHtml ? { summaryHtml: f.summaryHtml } : {}),
    ...(f.lang ? { lang: f.lang } : {}),
  };
}

const list = (v: unknown): Node[] => (Array.isArray(v) ? v.filter(isNode) : isNode(v) ? [v] : []);

/** Parse a feed document; throws FeedParseError when it is malformed or not a feed. */
export function parseFeed(xml: string): ParsedFeed {
  const source = xml.replace(/^\ufeff/, "");
  if (!source.trim()) throw new FeedParseError("empty document: not an RSS or Atom feed");
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    const { msg, line } = valid.err;
    const looksHtml = /^\s*(<!doctype html|<html)/i.test(source);
    throw new FeedParseError(
      looksHtml
        ? "an HTML page, not an RSS or Atom feed"
        : `malformed XML (line ${line}): ${msg.replace(/\.$/, "")}`,
    );
  }
  let doc: Node;
  try {
    doc = parser.parse(source) as Node;
  } catch (error) {
    throw new FeedParseError(`malformed XML: ${(error as Error).message}`);
  }
  if (isNode(doc.rss)) {
    const channel = list(doc.rss.channel)[0];
    if (!channel) throw new FeedParseError("RSS without a <channel>");
    const lang = langOf(text(channel.language) ?? text(channel["dc:language"]));
    return feedOf("rss", text(channel.title), rssLink(channel.link), lang, list(channel.item), rssItem);
  }
  if (isNode(doc.feed)) {
    const feed = doc.feed;
    const lang = langOf(text(feed["@_xml:lang"]));
    return feedOf("atom", text(feed.title), atomLink(feed.link), lang, list(feed.entry), atomEntry);
  }
  if (isNode(doc["rdf:RDF"])) {
    const rdf = doc["rdf:RDF"];
    const channel = list(rdf.channel)[0];
    const lang = langOf(text(channel?.["dc:language"]));
    return feedOf("rdf", text(channel?.title), undefined, lang, list(rdf.item), rssItem);
  }
  const root = Object.keys(doc).find((k) => !k.startsWith("?")) ?? "nothing";
  throw new FeedParseError(
    root.toLowerCase() === "html"
      ? "an HTML page, not an RSS or Atom feed"
      : `not an RSS or Atom feed (root element <${root}>)`,
  );
}

/** The parsed feed, with only the fields the document gave and the items that could be read. */
function feedOf<T>(
  format: ParsedFeed["format"],
  title: string | undefined,
  link: string | undefined,
  lang: string | undefined,
  nodes: readonly T[],
  item: (node: T, lang: string | undefined) => FeedItem | undefined,
): ParsedFeed {
  return {
    format,
    ...(title ? { title } : {}),
    ...(link ? { link } : {}),
    ...(lang ? { lang } : {}),
    items: nodes.map((n) => item(n, lang)).filter((i) => i !== undefined),
  };
}
