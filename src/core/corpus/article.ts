// The article: the unit of the corpus, whatever it was loaded from (a corpus file, a JSON line,
// a feed item). Everything downstream (index, answers, digests, briefings) reads only this shape.

export interface Article {
  /** Stable id, unique in the corpus (a corpus file's `id`, a JSON line's `id`). */
  readonly id: string;
  readonly title: string;
  /** `YYYY-MM-DD` or `YYYY-MM` (month precision) when known. */
  readonly date?: string;
  /** Who published it (`VNA / Le Courrier du Vietnam`). */
  readonly source?: string;
  readonly url?: string;
  /** ISO 639-1 language of the text; `fr` unless stated. */
  readonly lang: string;
  /** Clean body text: paragraphs separated by a blank line. */
  readonly body: string;
  /** The text is only the feed's summary of the article (its page could not be fetched). */
  readonly summary?: true;
  /** Where it came from (file path, `file:line` for JSON lines), for error messages and tooling. */
  readonly origin?: string;
}

/** A file or line that could not be loaded: reported, skipped, and the rest still loads. */
export interface LoadProblem {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  readonly message: string;
}

export interface LoadResult {
  readonly articles: Article[];
  readonly problems: LoadProblem[];
}

/** `2026-01-15` → `2026-01-15`; `2025-08` stays a month. Used to sort; a missing date sorts last. */
export function compareDatesDesc(a: Article, b: Article): number {
  const da = a.date ?? "";
  const db = b.date ?? "";
  return da < db ? 1 : da > db ? -1 : 0;
}

/** An article asked for by id or id prefix: found, unknown, or a prefix several ids share. */
export type ArticleLookup =
  | { readonly status: "found"; readonly article: Article }
  | { readonly status: "not-found" | "ambiguous"; readonly id: string };

/** An article as a reply cites it. */
export interface SourceRef {
  readonly id: string;
  readonly title: string;
  readonly date?: string;
  readonly url?: string;
  readonly source?: string;
}
