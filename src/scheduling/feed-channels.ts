// Feed channels: each new item of a followed feed posted once to the channels that follow it, with
// their filters. Items reported by the ingester are written to the feed-post log first (one row per
// channel and item), then claimed and posted through the platform's ChannelPoster — marked like
// scheduled posts (Slack metadata, Discord nonce) — and confirmed. Rate limits, server errors and
// network failures are retried with backoff, then the item is tried again later; a message whose
// outcome is unknown is looked for before any re-send, and left `uncertain` when that cannot be
// told; a channel whose posts fail permanently `disableAfter` times in a row is disabled with the
// reason. A channel never gets its feed's back catalogue: the items of the first poll after it
// started following are recorded as seen, not posted.
// Looking for a post is p-retry's loop; sending stays hand-written, because its wait is the longer
// of Retry-After and the backoff (p-retry computes its own) and it can end `uncertain` after a look,
// where p-retry can only resolve or throw. An item tried again later is a row of the feed-post log
// that `due()` returns again, across restarts, not an in-process loop.
import pRetry from "p-retry";
import { feedItemReply, itemMatches } from "../../commands/feed-item.ts";
import type { FeedChannelView, FeedsService } from "../../commands/ports.ts";
import type { Article } from "../core/corpus/article.ts";
import type { FeedChannel, FeedChannelStore, FeedPost } from "../storage/feed-channel-store.ts";
import type { Feed } from "../storage/feed-store.ts";
import { asPostError, type ChannelPoster, type DeliveryMark, type PostError } from "./poster.ts";
import { defaultWorker, type PostingOptions, type RetryPolicy } from "./posting-options.ts";

export interface FeedChannelsOptions extends PostingOptions, Omit<RetryPolicy, "maxWaitMs"> {
  readonly store: FeedChannelStore;
  /** The article an item became (the live index). */
  readonly article: (id: string) => Article | undefined;
  /** A failed item is tried again this much later. Default 5 min. */
  readonly retryLaterMs?: number;
  /** A post left `posting` this long belongs to a dead process: looked for at start-up. Default 10 min. */
  readonly staleMs?: number;
  readonly log?: (line: string) => void;
  readonly now?: () => Date;
}

export interface FeedChannels {
  addPoster(poster: ChannelPoster): void;
  /** Follows `feed` in a channel: its back catalogue is never posted there. */
  follow(
    feed: Feed,
    input: Omit<
      FeedChannel,
      "id" | "createdAt" | "primedAt" | "enabled" | "failures" | "disabledReason" | "feedId"
    >,
  ): { channel: FeedChannel; created: boolean };
  /** What the ingester added from `feed` (its `onArticles`): recorded per channel, then posted. */
  onArticles(articles: readonly Article[], feed: Feed): Promise<void>;
  /** Posts what is due (new items, retries); resolves when done. */
  flush(): Promise<void>;
  /** Looks for posts a dead process left mid-way, then posts what is due; retries on a timer. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

type Sent =
  | { kind: "sent"; ref: string }
  | { kind: "failed"; error: PostError }
  | { kind: "uncertain"; detail: string };

export function createFeedChannels(options: FeedChannelsOptions): FeedChannels {
  const f = new FeedChannelRunner(options);
  return {
    addPoster: (poster) => f.addPoster(poster),
    follow: (feed, input) => f.follow(feed, input),
    onArticles: (articles, feed) => f.onArticles(articles, feed),
    flush: () => f.flush(),
    start: () => f.start(),
    stop: () => f.stop(),
  };
}

/** The feed channels' state and steps; `createFeedChannels` exposes the public ones. */
class FeedChannelRunner {
  private readonly options: FeedChannelsOptions;
  private readonly store: FeedChannelStore;
  private readonly now: () => Date;
  private readonly worker: string;
  private readonly attempts: number;
  private readonly baseMs: number;
  private readonly retryLaterMs: number;
  private readonly disableAfter: number;
  private readonly posters = new Map<string, ChannelPoster>();
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(options: FeedChannelsOptions) {
    this.options = options;
    this.store = options.store;
    this.now = options.now ?? (() => new Date());
    this.worker = options.worker ?? defaultWorker();
    this.attempts = options.attempts ?? 4;
    this.baseMs = options.baseMs ?? 1000;
    this.retryLaterMs = options.retryLaterMs ?? 5 * 60_000;
    this.disableAfter = options.disableAfter ?? 3;
    for (const p of options.posters ?? []) this.posters.set(p.platform, p);
  }

  // --- public steps ---

  addPoster(poster: ChannelPoster) {
    this.posters.set(poster.platform, poster);
  }

  follow(feed: Feed, input: Parameters<FeedChannels["follow"]>[1]) {
    // a feed polled before: what it brings from now on is new; a new one: its first poll is the back catalogue
    return this.store.follow({ ...input, feedId: feed.id }, this.now(), feed.lastSuccessAt !== undefined);
  }

  async onArticles(articles: readonly Article[], feed: Feed) {
    const at = this.now();
    for (const channel of this.store.list({ feedId: feed.id, enabledOnly: true }))
      this.route(channel, articles, feed, at);
    await this.flush();
  }

  /** One flush at a time in this process (the claims keep other processes apart). */
  flush() {
    this.chain = this.chain.then(async () => {
      for (const post of this.store.due(this.now())) {
        if (this.stopped) return;
        await this.deliver(post).catch((error: unknown) =>
          this.log(`item ${post.articleId}: ${String(error)}`),
        );
      }
    });
    return this.chain;
  }

  async start() {
    await this.settleStale();
    await this.flush();
    this.timer = setInterval(() => void this.flush(), Math.max(1000, this.retryLaterMs));
    this.timer.unref();
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.chain.catch(() => {});
  }

  // --- helpers ---

  private log(line: string) {
    this.options.log?.(`[feed-channels] ${line}`);
  }

  private sleep(ms: number) {
    return new Promise((r) => setTimeout(r, ms));
  }

  /** Records a feed's new items in one channel: queued when they pass its filters, skipped otherwise. */
  private route(channel: FeedChannel, articles: readonly Article[], feed: Feed, at: Date) {
    const { store } = this;
    const ids = articles.map((a) => a.id);
    // primed: already following at the feed's previous successful poll (this one brings new items)
    const primed = channel.primedAt !== undefined || (feed.lastSuccessAt ?? "") >= channel.createdAt;
    if (!primed) {
      store.skip(channel.id, ids, at);
      store.prime(channel.id, at);
      return;
    }
    const wanted = articles.filter((a) => itemMatches(a, channel.filter, channel.exclude)).map((a) => a.id);
    store.enqueue(channel.id, wanted, at);
    store.skip(
      channel.id,
      ids.filter((id) => !wanted.includes(id)),
      at,
    );
  }

  /** The channel and poster of a post, when both are there. */
  private target(post: FeedPost): { channel: FeedChannel; poster: ChannelPoster } | undefined {
    const channel = this.store.get(post.feedChannelId);
    const poster = channel ? this.posters.get(channel.platform) : undefined;
    return channel && poster ? { channel, poster } : undefined;
  }

  private async deliver(post: FeedPost): Promise<void> {
    const { store } = this;
    const target = this.target(post);
    if (!target?.channel.enabled) return;
    const { channel, poster } = target;
    const at = this.now();
    if (!store.claim(post.id, this.worker, at)) return;
    const article = this.options.article(post.articleId);
    if (!article) {
      store.fail(post.id, `article ${post.articleId} not in the index`, undefined);
      return;
    }
    const mark = markOf(post, channel);
    const reply = feedItemReply(article, channel.format, this.options.locale);
    const messages = poster.prepare(channel.channelId, reply, mark);
    const refs: string[] = [];
    const since = new Date(at.getTime() - 2 * 60_000);
    for (const [part, send] of messages.entries()) {
      const result = await this.sendPart(poster, channel, mark, () => send(), part, since);
      if (result.kind === "sent") {
        refs.push(result.ref);
        continue;
      }
      if (result.kind === "uncertain") {
        store.markUncertain(post.id, `outcome unknown (part ${part + 1}): ${result.detail}`);
        this.log(`#${channel.id} item ${post.articleId}: uncertain, not re-sent`);
        return;
      }
      this.failed(post, channel, refs, result.error);
      return;
    }
    store.complete(post.id, refs.join(","));
    store.recordSuccess(channel.id);
  }

  /** A part not sent: the post is partial, or failed and tried again later; the channel may be disabled. */
  private failed(post: FeedPost, channel: FeedChannel, refs: readonly string[], error: PostError) {
    const { store } = this;
    if (refs.length > 0) {
      store.complete(post.id, refs.join(","));
      return;
    }
    store.fail(
      post.id,
      `${error.reason}: ${error.message}`,
      new Date(this.now().getTime() + this.retryLaterMs),
    );
    if (!error.retryable && store.recordFailure(channel.id, error.reason, this.disableAfter).disabled)
      this.log(`#${channel.id} disabled: ${error.reason}`);
  }

  private async sendPart(
    poster: ChannelPoster,
    channel: FeedChannel,
    mark: DeliveryMark,
    send: () => Promise<string | undefined>,
    part: number,
    since: Date,
  ): Promise<Sent> {
    const firstAt = Date.now();
    for (let attempt = 1; ; attempt++) {
      let error: PostError;
      try {
        return { kind: "sent", ref: (await send()) ?? "-" };
      } catch (raw) {
        error = asPostError(raw);
      }
      // an unknown outcome is never re-sent blindly: within the nonce window, or once proven absent
      if (error.ambiguous && !(poster.idempotentForMs && Date.now() - firstAt < poster.idempotentForMs)) {
        const found = await this.look(poster, channel, mark, part, since);
        if (found.kind === "found") return { kind: "sent", ref: found.ref };
        if (found.kind === "unknown")
          return { kind: "uncertain", detail: `${error.reason}; ${found.detail}` };
      }
      const wait = Math.max(error.retryAfterMs ?? 0, this.baseMs * 2 ** (attempt - 1));
      if (!error.retryable || attempt >= this.attempts || this.stopped || wait > 5 * 60_000)
        return { kind: "failed", error };
      this.log(`#${channel.id} item ${mark.id}: ${error.reason}, again in ${wait} ms`);
      await this.sleep(wait);
    }
  }

  /** Looks for a part in its channel, looking again (backoff) while the look fails retryably. */
  private async look(
    poster: ChannelPoster,
    channel: FeedChannel,
    mark: DeliveryMark,
    part: number,
    since: Date,
  ) {
    const find = poster.find?.bind(poster);
    if (!find) return { kind: "unknown" as const, detail: `${poster.platform} cannot look for a post` };
    try {
      const ref = await pRetry(
        async () => {
          try {
            return await find(channel.channelId, mark, part, since);
          } catch (raw) {
            throw asPostError(raw);
          }
        },
        {
          retries: Math.max(0, this.attempts - 1),
          minTimeout: this.baseMs,
          factor: 2,
          shouldRetry: ({ error }) => (error as PostError).retryable && !this.stopped,
        },
      );
      return ref ? { kind: "found" as const, ref } : { kind: "absent" as const };
    } catch (error) {
      return { kind: "unknown" as const, detail: `cannot look for it (${asPostError(error).reason})` };
    }
  }

  /** Posts a dead process left `posting`: done when found, tried again when proven absent, else uncertain. */
  private async settleStale() {
    const { store } = this;
    const before = new Date(this.now().getTime() - (this.options.staleMs ?? 10 * 60_000));
    for (const post of store.stale(before)) {
      const target = this.target(post);
      if (!target) continue;
      const { channel, poster } = target;
      const since = new Date(Date.parse(post.claimedAt ?? before.toISOString()) - 2 * 60_000);
      const found = await this.look(poster, channel, markOf(post, channel), 0, since);
      if (found.kind === "found") store.complete(post.id, found.ref);
      else if (found.kind === "absent")
        store.fail(post.id, "proven absent after an interruption", this.now());
      else store.markUncertain(post.id, `interrupted; ${found.detail}`);
    }
  }
}

const markOf = (post: FeedPost, channel: FeedChannel): DeliveryMark => ({
  id: post.id,
  subscriptionId: 0,
  period: `feed-${channel.id}`,
});

/** `follow` and `followed` of the `/news feeds` service, over the feed channels and the feed store. */
export function feedChannelCommands(
  channels: FeedChannels,
  store: FeedChannelStore,
  feeds: { getFeed(id: number): Promise<Feed | undefined> },
): Required<Pick<FeedsService, "follow" | "followed">> {
  const view = async (c: FeedChannel, created: boolean): Promise<FeedChannelView> => ({
    feedUrl: (await feeds.getFeed(c.feedId))?.url ?? String(c.feedId),
    filter: c.filter,
    exclude: c.exclude,
    format: c.format,
    created,
    enabled: c.enabled,
    ...(c.disabledReason ? { disabledReason: c.disabledReason } : {}),
    posted: store.posts(c.id).filter((p) => p.status === "done").length,
  });
  return {
    async follow(feedId, caller, o) {
      const feed = await feeds.getFeed(feedId);
      if (!feed) throw new Error(`feed ${feedId} not found`);
      const { channel, created } = channels.follow(feed, {
        platform: caller.platform,
        channelId: caller.channelId,
        filter: o.filter,
        exclude: o.exclude,
        format: o.format,
        createdBy: `${caller.platform}:${caller.userId}`,
      });
      return view(channel, created);
    },
    followed: (platform, channelId) =>
      Promise.all(store.list({ platform, channelId }).map((c) => view(c, false))),
  };
}
