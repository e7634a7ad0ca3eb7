// What the scheduler and the feed channels share as processes that claim posts in the database and
// send them through the platforms' posters: the options that mean the same for both, and this
// process's default id in the claims.
import { hostname } from "node:os";
import type { Locale } from "../core/i18n/messages.ts";
import type { ChannelPoster } from "./poster.ts";

export interface PostingOptions {
  readonly locale: Locale;
  readonly posters?: readonly ChannelPoster[];
  /** This process's id in the claims. Default `host:pid:random`. */
  readonly worker?: string;
  /** Consecutive permanent failures before a subscription or a feed channel is disabled. Default 3. */
  readonly disableAfter?: number;
}

/** How a message whose sending fails retryably is sent again. */
export interface RetryPolicy {
  /** Attempts per message for retryable errors. Default 5 (feed channels: 4). */
  readonly attempts?: number;
  /** First backoff, doubled at each attempt (with jitter in the scheduler). Default 2 s (feed channels: 1 s). */
  readonly baseMs?: number;
  /** Longest wait between attempts; a longer Retry-After gives up. Default 5 min. */
  readonly maxWaitMs?: number;
}

/** `host:pid:random`: a dead process of this machine can be told from its id. */
export const defaultWorker = () => `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
