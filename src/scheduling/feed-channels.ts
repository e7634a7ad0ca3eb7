// Feed channels: each new item of a followed feed posted once to the channels that follow it, with
// their filters. Items reported by the ingester are written to the feed-post log first (one row per
// channel and item), then claimed and posted through the platform's ChannelPoster — marked like
// scheduled posts (Slack metadata, Discord nonce) — and confirmed. Rate limits, server errors and
// network failures are retried with backoff, then the item is tried again later; a message whose
// outcome is unknown is looked for before any re-send, and left `uncertain` when that cannot be
// told; a channel whose posts fail permanently `disableAfter` times in a row is disabled with the
// reason. A channel never gets its feed's back catalogue: the items of the first poll after it
// started following are recorded as seen, not posted.
import { hostname } from "node:os";
import { feedItemReply, itemMatches } from "../../commands/feed-item.ts";
import type { FeedChannelView, FeedsService } from "../../commands/ports.ts";
import type { Article } from "../core/corpus/article.ts";
import type { Locale } from "../core/i18n/messages.ts";
import type { FeedChannel, FeedChannelStore, FeedPost } from "../storage/feed-channel-store.ts";
import type { Feed } from "../storage/feed-store.ts";
import { asPostError, type ChannelPoster, type DeliveryMark, type PostError } from "./poster.ts";

export interface FeedChannelsOptions {
  readonly store: FeedChannelStore;
  /** The article an item became (the live index). */
  readonly article: (id: string) => Article | undefined;
  readonly locale: Locale;
  readonly posters?: readonly ChannelPoster[];
  readonly worker?: string;
  /** Attempts per message for retryable errors. Default 4. */
  readonly attempts?: number;
  /** First backoff, doubled each attempt. Default 1 s. */
  readonly baseMs?: number;
  /** A failed item is tried again this much later. Default 5 min. */
  readonly retryLaterMs?: number;
  /** Consecutive permanent failures before a channel is disabled. Default 3. */
  readonly disableAfter?: number;
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
  const { store, locale } = options;
  const now = options.now ?? (() => new Date());
  const worker = options.worker ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const attempts = options.attempts ?? 4;
  const baseMs = options.baseMs ?? 1000;
  const retryLaterMs = options.retryLaterMs ?? 5 * 60_000;
  const disableAfter = options.disableAfter ?? 3;
  const log = (line: string) => options.log?.(`[feed-channels] ${line}`);
  const posters = new Map<string, ChannelPoster>();
  for (const p of options.posters ?? []) posters.set(p.platform, p);
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const markOf = (post: FeedPost, channel: FeedChannel): DeliveryMark => ({
    id: post.id,
    subscriptionId: 0,
    period: `feed-${channel.id}`,
  });

  async function look(
    poster: ChannelPoster,
    channel: FeedChannel,
    mark: DeliveryMark,
    part: number,
    since: Date,
  ) {
    if (!poster.find)
      return { kind: "unknown" as const, detail: `${poster.platform} cannot look for a post` };
    for (let attempt = 1; ; attempt++) {
      try {
        const ref = await poster.find(channel.channelId, mark, part, since);
        return ref ? { kind: "found" as const, ref } : { kind: "absent" as const };
      } catch (raw) {
        const error = asPostError(raw);
        if (!error.retryable || attempt >= attempts || stopped)
          return { kind: "unknown" as const, detail: `cannot look for it (${error.reason})` };
        await sleep(baseMs * 2 ** (attempt - 1));
      }
    }
  }

  async function sendPart(
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
        const found = await look(poster, channel, mark, part, since);
        if (found.kind === "found") return { kind: "sent", ref: found.ref };
        if (found.kind === "unknown")
          return { kind: "uncertain", detail: `${error.reason}; ${found.detail}` };
      }
      const wait = Math.max(error.retryAfterMs ?? 0, baseMs * 2 ** (attempt - 1));
      if (!error.retryable || attempt >= attempts || stopped || wait > 5 * 60_000)
        return { kind: "failed", error };
      log(`#${channel.id} item ${mark.id}: ${error.reason}, again in ${wait} ms`);
      await sleep(wait);
    }
  }

  async function deliver(post: FeedPost): Promise<void> {
    const channel = store.get(post.feedChannelId);
    const poster = channel ? posters.get(channel.platform) : undefined;
    if (!channel?.enabled || !poster) return;
    const at = now();
    if (!store.claim(post.id, worker, at)) return;
    const article = options.article(post.articleId);
    if (!article) {
      store.fail(post.id, `article ${post.articleId} not in the index`, undefined);
      return;
    }
    const mark = markOf(post, channel);
    const messages = poster.prepare(channel.channelId, feedItemReply(article, channel.format, locale), mark);
    const refs: string[] = [];
    const since = new Date(at.getTime() - 2 * 60_000);
    for (const [part, send] of messages.entries()) {
      const result = await sendPart(poster, channel, mark, () => send(), part, since);
      if (result.kind === "sent") {
        refs.push(result.ref);
        continue;
      }
      if (result.kind === "uncertain") {
        store.markUncertain(post.id, `outcome unknown (part ${part + 1}): ${result.detail}`);
        log(`#${channel.id} item ${post.articleId}: uncertain, not re-sent`);
        return;
      }
      const detail = `${result.error.reason}: ${result.error.message}`;
      if (refs.length > 0) {
        store.complete(post.id, refs.join(","));
        return;
      }
      store.fail(post.id, detail, new Date(now().getTime() + retryLaterMs));
      if (
        !result.error.retryable &&
        store.recordFailure(channel.id, result.error.reason, disableAfter).disabled
      )
        log(`#${channel.id} disabled: ${result.error.reason}`);
      return;
    }
    store.complete(post.id, refs.join(","));
    store.recordSuccess(channel.id);
  }

  /** One flush at a time in this process (the claims keep other processes apart). */
  const flush = () => {
    chain = chain.then(async () => {
      for (const post of store.due(now())) {
        if (stopped) return;
        await deliver(post).catch((error: unknown) => log(`item ${post.articleId}: ${String(error)}`));
      }
    });
    return chain;
  };

  async function settleStale() {
    const before = new Date(now().getTime() - (options.staleMs ?? 10 * 60_000));
    for (const post of store.stale(before)) {
      const channel = store.get(post.feedChannelId);
      const poster = channel ? posters.get(channel.platform) : undefined;
      if (!channel || !poster) continue;
      const since = new Date(Date.parse(post.claimedAt ?? before.toISOString()) - 2 * 60_000);
      const found = await look(poster, channel, markOf(post, channel), 0, since);
      if (found.kind === "found") store.complete(post.id, found.ref);
      else if (found.kind === "absent") store.fail(post.id, "proven absent after an interruption", now());
      else store.markUncertain(post.id, `interrupted; ${found.detail}`);
    }
  }

  return {
    addPoster(poster) {
      posters.set(poster.platform, poster);
    },
    follow(feed, input) {
      // a feed polled before: what it brings from now on is new; a new one: its first poll is the back catalogue
      return store.follow({ ...input, feedId: feed.id }, now(), feed.lastSuccessAt !== undefined);
    },
    async onArticles(articles, feed) {
      const at = now();
      for (const channel of store.list({ feedId: feed.id, enabledOnly: true })) {
        const ids = articles.map((a) => a.id);
        // primed: already following at the feed's previous successful poll (this one brings new items)
        const primed = channel.primedAt !== undefined || (feed.lastSuccessAt ?? "") >= channel.createdAt;
        if (!primed) {
          store.skip(channel.id, ids, at);
          store.prime(channel.id, at);
          continue;
        }
        const wanted = articles
          .filter((a) => itemMatches(a, channel.filter, channel.exclude))
          .map((a) => a.id);
        store.enqueue(channel.id, wanted, at);
        store.skip(
          channel.id,
          ids.filter((id) => !wanted.includes(id)),
          at,
        );
      }
      await flush();
    },
    flush,
    async start() {
      await settleStale();
      await flush();
      timer = setInterval(() => void flush(), Math.max(1000, retryLaterMs));
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await chain.catch(() => {});
    },
  };
}

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
