// Story summaries through the same writer and the same verification as answers: the story's
// articles (their opening sentences, numbered, with title and date) are sent, the draft must cite
// them and hold no name, figure or date they lack; a verified draft replaces the quoted sentences
// of a digest item or a briefing's key point, anything else keeps them. The `[n]` are dropped
// from the shown text: every passage is one of the story's articles, listed right under it.
import type { Briefing } from "../briefing/briefing.ts";
import type { Digest, DigestItem } from "../digest/digest.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { MARKER } from "./claims.ts";
import { type DraftWriter, failureReason, type ModelEvent, withDeadline } from "./ports.ts";
import { type Passage, passageText, summaryMessages } from "./prompts.ts";
import { verifyDraft } from "./verify-draft.ts";

export interface SummaryModel {
  readonly writer?: DraftWriter;
  readonly deadlineMs?: number;
  readonly onEvent?: (event: ModelEvent) => void;
}

/** Articles sent per story, and the opening of each. */
const ARTICLES_SENT = 4;
const OPENING_CHARS = 600;
/** Stories summarised at once. */
const AT_ONCE = 3;

function opening(news: NewsIndex, doc: number): string {
  let text = "";
  for (const s of news.sentencesOf(doc)) {
    if (text && text.length + s.text.length + 1 > OPENING_CHARS) break;
    text = text ? `${text} ${s.text}` : s.text;
  }
  return text;
}

function storyPassages(news: NewsIndex, ids: readonly string[]): Passage[] {
  const out: Passage[] = [];
  for (const id of ids.slice(0, ARTICLES_SENT)) {
    const doc = news.find(id);
    const a = doc === undefined ? undefined : news.articles[doc];
    if (doc === undefined || !a) continue;
    const quote = opening(news, doc);
    if (quote) out.push({ doc, quote, sent: passageText(a.title, a.date, quote) });
  }
  return out;
}

/** A verified summary of the story told by the articles `ids` (most central first), or undefined. */
export async function writeStorySummary(
  news: NewsIndex,
  ids: readonly string[],
  lang: "fr" | "en",
  model: SummaryModel,
): Promise<string | undefined> {
  const writer = model.writer;
  const passages = storyPassages(news, ids);
  if (!writer || passages.length === 0) return undefined;
  const emit = model.onEvent ?? (() => {});
  const started = Date.now();
  let draft: string;
  try {
    draft = await withDeadline(
      (signal) =>
        writer.write({
          messages: summaryMessages(lang, passages),
          maxTokens: 200,
          purpose: "summary",
          signal,
        }),
      model.deadlineMs ?? 8000,
    );
  } catch (error) {
    emit({
      type: "draft",
      purpose: "summary",
      outcome: "failed",
      reason: failureReason(error),
      ms: Date.now() - started,
    });
    return undefined;
  }
  const verdict = verifyDraft(
    draft,
    passages.map((p) => p.sent),
    { maxChars: 500 },
  );
  const ms = Date.now() - started;
  if (verdict.status !== "verified") {
    emit({
      type: "draft",
      purpose: "summary",
      outcome: verdict.status,
      ...(verdict.status === "rejected" ? { reason: verdict.reason, detail: verdict.detail } : {}),
      ms,
    });
    return undefined;
  }
  emit({ type: "draft", purpose: "summary", outcome: "verified", ms });
  return verdict.text
    .replace(MARKER, "")
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/\s{2,}/g, " ")
    .trim();
}

async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE)
    out.push(...(await Promise.all(items.slice(i, i + AT_ONCE).map(run))));
  return out;
}

/** The digest with each story's summary written by the model where it passes verification. */
export async function writeDigestSummaries(
  news: NewsIndex,
  digest: Digest,
  lang: "fr" | "en",
  model: SummaryModel,
): Promise<Digest> {
  if (!model.writer || digest.items.length === 0) return digest;
  const items = await inBatches(digest.items, async (item): Promise<DigestItem> => {
    const written = await writeStorySummary(
      news,
      item.sources.map((s) => s.id),
      lang,
      model,
    );
    return written ? { ...item, summary: [written] } : item;
  });
  return { ...digest, items };
}

/** The briefing with each key point written from its story's article where it passes verification. */
export async function writeBriefingKeyPoints(
  news: NewsIndex,
  briefing: Briefing,
  lang: "fr" | "en",
  model: SummaryModel,
): Promise<Briefing> {
  if (!model.writer || briefing.keyPoints.length === 0) return briefing;
  const keyPoints = await inBatches(briefing.keyPoints, async (k) => {
    const source = briefing.sources[k.source];
    const written = source ? await writeStorySummary(news, [source.id], lang, model) : undefined;
    return written ? { ...k, text: written } : k;
  });
  return { ...briefing, keyPoints };
}
