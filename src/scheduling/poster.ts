// The port through which scheduled posts leave: each adapter (console, Slack, Discord) provides a
// `ChannelPoster` that renders a neutral reply into its platform's messages and posts one of them
// to a channel. Every message carries a mark of its delivery and part (Slack: message metadata;
// Discord: a nonce), so a post whose outcome is unknown can be looked for, or re-sent harmlessly,
// instead of being sent twice. The poster classifies its failures as a `PostError`: retryable
// (rate limited — with the wait the platform asked for —, server error, network) or not (the
// channel is gone, the bot was removed or lacks a permission), and whether the message may have
// gone out all the same (`ambiguous`: a timeout, a connection cut after the request was written, a
// 5xx). Retrying, checking, backing off and disabling channels is the scheduler's job.
import { createHash } from "node:crypto";
import type { Platform } from "../core/platform.ts";
import type { Reply } from "../core/reply/reply.ts";

/** Where a prepared message goes besides its channel. */
export interface PostContext {
  /**
   * The platform id of the post's first message, for the messages that go in its thread (a
   * threaded digest): Slack `thread_ts`, Discord the thread started on it.
   */
  readonly threadOf?: string;
}

/** One platform message, ready to post: posting it returns the platform's id for it, if any. */
export type PreparedMessage = (context?: PostContext) => Promise<string | undefined>;

/** The delivery a post belongs to: its messages are marked with it (and their part number). */
export interface DeliveryMark {
  /** The delivery log's row id. */
  readonly id: number;
  readonly subscriptionId: number;
  /** `YYYY-MM-DD`. */
  readonly period: string;
}

/** Slack's `event_type` of the message metadata every scheduled post carries. */
export const DELIVERY_EVENT_TYPE = "newsbot_delivery";

/**
 * The per-part key a platform can de-duplicate on: short enough for Discord's nonce (25
 * characters), unique per delivery and part. Discord de-duplicates per author, across channels,
 * so a digest of the channel, subscription and period keeps two databases' row ids apart.
 */
export function deliveryNonce(mark: DeliveryMark, part: number, channelId: string): string {
  const digest = createHash("sha256").update(`${channelId}/${mark.subscriptionId}/${mark.period}`).digest();
  return `nb${mark.id.toString(36)}-${part}-${digest.readUIntBE(0, 6).toString(36)}`;
}

export interface ChannelPoster {
  readonly platform: Platform;
  /**
   * The reply as this platform's messages for `channelId`, in order; each posts exactly one
   * message, marked with `mark` and its index (the part). With `thread`, its messages follow, each
   * posted in the thread of the first message (given as `threadOf` when it is posted).
   */
  prepare(channelId: string, reply: Reply, mark?: DeliveryMark, thread?: Reply): readonly PreparedMessage[];
  /**
   * Looks in the channel for part `part` of a delivery, posted at or after `since`: its message
   * id when it is there, undefined when it is proven absent. Throws (a PostError) when it cannot
   * tell. Absent on platforms that cannot look.
   */
  find?(channelId: string, mark: DeliveryMark, part: number, since: Date): Promise<string | undefined>;
  /**
   * Re-sending a part within this many ms of its first attempt is harmless: the platform returns
   * the first message instead of posting again (Discord's nonce). Absent or 0: never.
   */
  readonly idempotentForMs?: number;
}

export class PostError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** A short stable reason, recorded and shown (`channel_not_found`, `discord 50001`, `http 503`). */
    readonly reason: string,
    /** The platform's Retry-After, in ms. */
    readonly retryAfterMs?: number,
    /** The message may have been posted all the same (timeout, connection cut after sending, 5xx). */
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = "PostError";
  }
}

/** Any error as a PostError: unknown errors are network trouble after which the post may be out. */
export function asPostError(error: unknown): PostError {
  if (error instanceof PostError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PostError(message, true, "network", undefined, true);
}

/** Error codes of a connection that never reached the server: nothing was sent. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_INVALID_URL",
]);

/** Whether a network error (as fetch/undici raise it) happened before any byte was sent. */
export function failedBeforeSending(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; i++) {
    if (typeof e.code === "string" && NOT_SENT_CODES.has(e.code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
