// The ports the commands need from the layers above them, declared here so that those layers
// implement them and the commands never import scheduling or ingestion: subscriptions (created,
// removed and listed by the scheduling layer) and feeds (listed and added by ingestion).
import type { Locale } from "../src/core/i18n/messages.ts";
import type { Platform } from "../src/core/platform.ts";
import type { Feed } from "../src/storage/feed-store.ts";
import type { DeliveryRecord, NewSubscription, Subscription } from "../src/storage/subscription-store.ts";
import type { Caller } from "./define.ts";

export interface SubscriptionView {
  readonly subscription: Subscription;
  readonly nextRun?: Date;
  /** The latest delivery, whatever its status. */
  readonly last?: DeliveryRecord;
  /** Posts interrupted mid-call: they may or may not have gone out. */
  readonly uncertain: readonly DeliveryRecord[];
}

export interface SubscribeResult {
  readonly subscription: Subscription;
  /** `exists`: an identical subscription was already there; `reenabled`: it was disabled and is on again. */
  readonly status: "created" | "exists" | "reenabled";
  readonly nextRun?: Date;
}

export interface SubscriptionService {
  /** The time zone of a subscription that names none. */
  readonly defaultTimezone: string;
  subscribe(input: NewSubscription, actor: string): Promise<SubscribeResult>;
  unsubscribe(
    id: number,
    platform: Platform,
    channelId: string,
    actor: string,
  ): Promise<Subscription | undefined>;
  list(platform: Platform, channelId: string): Promise<SubscriptionView[]>;
}

export class SubscriptionLimitError extends Error {
  constructor(readonly max: number) {
    super(`at most ${max} subscriptions per channel`);
    this.name = "SubscriptionLimitError";
  }
}

/** A feed as `/news feeds` shows it: its health and counts, plus the items waiting for a retry. */
export type FeedView = Pick<
  Feed,
  | "id"
  | "url"
  | "title"
  | "lastSuccessAt"
  | "lastError"
  | "lastErrorAt"
  | "failures"
  | "nextAttemptAt"
  | "articlesAdded"
  | "duplicates"
> & {
  /** Items whose fetch failed and are waiting for a retry (or were given up). */
  readonly failedItems: number;
};

export type AddFeedResult =
  | { ok: true; feed: Feed; created: boolean; message: string }
  | { ok: false; message: string };

/** What `/news feeds` needs: the followed feeds and a way to add one (validated, probed). */
export interface FeedsService {
  list(): Promise<readonly FeedView[]>;
  add(url: string, addedBy: string, locale: Locale): Promise<AddFeedResult>;
  /** Posts the feed's new items to the caller's channel (feed channels); absent: not available. */
  follow?(feedId: number, caller: Caller, options: FeedFollowOptions): Promise<FeedChannelView>;
  /** What a channel follows. */
  followed?(platform: Platform, channelId: string): Promise<readonly FeedChannelView[]>;
}

export interface FeedFollowOptions {
  readonly filter: readonly string[];
  readonly exclude: readonly string[];
  readonly format: "compact" | "full";
}

export interface FeedChannelView extends FeedFollowOptions {
  readonly feedUrl: string;
  readonly created: boolean;
  readonly enabled: boolean;
  readonly disabledReason?: string;
  /** Items posted there so far. */
  readonly posted: number;
}
