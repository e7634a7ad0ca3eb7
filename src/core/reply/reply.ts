// The neutral reply: what every command returns and every adapter renders in its own markup
// (Block Kit on Slack, embeds on Discord, plain text in the console). Text here is plain — never
// platform markup — so that each adapter can escape it and keep article text or user input from
// pinging anyone or breaking formatting.
import type { SourceRef } from "../corpus/article.ts";

// The cited article is part of the reply's vocabulary: adapters render it from here.
export type { SourceRef } from "../corpus/article.ts";

import type { TextRange } from "../text/text-range.ts";

export interface Link {
  readonly text: string;
  readonly url?: string;
}

export type Block =
  | { readonly type: "heading"; readonly text: string }
  | { readonly type: "paragraph"; readonly text: string }
  /**
   * A verbatim quotation from an article. `emphasis` marks the answer in it (UTF-16 offsets into
   * `text`, end exclusive), rendered bold by each adapter after escaping; ranges outside the text
   * are ignored. It is filled from the answer's own optional `emphasis` (same offsets, into
   * `Answer.answer`), which the answer pipeline sets with `markSpan` (src/core/answer/quote.ts).
   */
  | {
      readonly type: "quote";
      readonly text: string;
      readonly cite?: SourceRef;
      readonly emphasis?: readonly TextRange[];
    }
  | { readonly type: "list"; readonly items: readonly Link[]; readonly ordered?: boolean }
  | {
      readonly type: "fields";
      readonly fields: readonly { readonly label: string; readonly value: string }[];
    }
  /** Numbered sources, in citation order ([1], [2]…). */
  | { readonly type: "sources"; readonly items: readonly SourceRef[] }
  /** Small print: dates, counts, hints. */
  | { readonly type: "context"; readonly text: string }
  | { readonly type: "divider" };

/** What an answer rests on, so a vote on it can be stored with what was judged. */
export interface AnswerRecord {
  readonly question: string;
  /** The answer's text as shown. */
  readonly answer: string;
  /** The cited articles' ids, in citation order. */
  readonly citations: readonly string[];
  /** 0 to 1, as shown under the answer. */
  readonly confidence: number;
}

/** Ids of state kept by the command layer, which each adapter turns into its own buttons. */
export interface ReplyActions {
  /** The answer kept for 👍 / 👎. */
  readonly feedbackId?: string;
  /** The next page of results ("more results"). */
  readonly moreId?: string;
}

export interface Reply {
  /** A short title shown above the blocks (an embed title, a Slack header). */
  readonly title?: string;
  readonly blocks: readonly Block[];
  /** Lookups are private to the asker by default; digests and briefings posted to a channel are public. */
  readonly visibility: "private" | "public";
  /** True when the reply reports a problem (bad input, nothing found) rather than content. */
  readonly isError?: boolean;
  /** Set on an answer: what feedback on it records. */
  readonly answered?: AnswerRecord;
  /** Further pages the command computed, shown one at a time (kept server-side, never re-run). */
  readonly more?: readonly Reply[];
  /** The buttons the reply offers, by the ids of what they act on. */
  readonly actions?: ReplyActions;
}

export const reply = (blocks: Block[], options: Partial<Omit<Reply, "blocks">> = {}): Reply => ({
  visibility: "private",
  ...options,
  blocks,
});
