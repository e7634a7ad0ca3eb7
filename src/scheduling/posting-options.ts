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

/** `host:pid:random`: a dead process of this machine can be told from its id. */
export const defaultWorker = () => `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
