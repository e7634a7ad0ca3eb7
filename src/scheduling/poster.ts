// The port through which scheduled posts leave: each adapter (console, Slack, Discord) provides a
// `ChannelPoster` that renders a neutral reply into its platform's messages and posts one of them
// to a channel. It classifies its failures as a `PostError`: retryable (rate limited — with the
// wait the platform asked for —, server error, network) or not (the channel is gone, the bot was
// removed or lacks a permission). Retrying, backing off and disabling channels is the scheduler's
// job, not the poster's.
import type { Reply } from "../core/reply/reply.ts";

export type PosterPlatform = "console" | "slack" | "discord";

/** One platform message, ready to post: posting it returns the platform's id for it, if any. */
export type PreparedMessage = () => Promise<string | undefined>;

export interface ChannelPoster {
  readonly platform: PosterPlatform;
  /** The reply as this platform's messages for `channelId`, in order; each posts exactly one message. */
  prepare(channelId: string, reply: Reply): readonly PreparedMessage[];
}

export class PostError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** A short stable reason, recorded and shown (`channel_not_found`, `discord 50001`, `http 503`). */
    readonly reason: string,
    /** The platform's Retry-After, in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "PostError";
  }
}

/** Any error as a PostError: unknown errors are treated as retryable network trouble. */
export function asPostError(error: unknown): PostError {
  if (error instanceof PostError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new PostError(message, true, "network");
}
