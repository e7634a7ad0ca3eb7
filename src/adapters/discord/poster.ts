// Scheduled posts on Discord: the reply's embeds (from the embed renderer, within Discord's
// limits) posted to the channel with `allowed_mentions: { parse: [] }`, so nobody is pinged. It is
// the request `channel.send({ …, nonce, enforceNonce: true })` makes (`POST /channels/{id}/messages`),
// sent through a REST manager of its own (the client's options and token) so the channel need not
// be in the cache, with no automatic retry and rate limits reported rather than waited out, so the
// scheduler decides — and logs — every attempt. Each message carries a nonce per delivery part
// with `enforce_nonce`: Discord then answers a repeat within a few minutes with the first message
// instead of posting again, which makes re-sending after a timeout harmless in that window.
// Failures are classified: 5xx, rate limits and network errors are retryable (timeouts, cut
// connections and 5xx ambiguous); Unknown Channel (10003), Missing Access (50001), Missing
// Permissions (50013) and any other 4xx are permanent.
import { type Client, DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from "discord.js";
import type { Locale } from "../../core/i18n/messages.ts";
import {
  type ChannelPoster,
  deliveryNonce,
  failedBeforeSending,
  PostError,
} from "../../scheduling/poster.ts";
import { renderDiscord } from "./render.ts";

export interface DiscordPosterOptions {
  /** Per request. Default 15 s. */
  readonly timeoutMs?: number;
  /**
   * How long after a part's first attempt a re-send is trusted to be de-duplicated by its nonce.
   * Discord says "a few minutes"; default 2 min.
   */
  readonly nonceWindowMs?: number;
}

/** Discord's "A thread has already been created for this message". */
const THREAD_ALREADY_CREATED = 160004;

export function classifyDiscordError(error: unknown): PostError {
  if (error instanceof DiscordAPIError) {
    const retryable = error.status >= 500 || error.status === 429;
    return new PostError(
      error.message,
      retryable,
      `discord ${error.code || error.status}`,
      undefined,
      error.status >= 500,
    );
  }
  if (error instanceof RateLimitError)
    return new PostError(error.message, true, "rate_limited", error.retryAfter);
  if (error instanceof HTTPError) {
    const retryable = error.status >= 500 || error.status === 429;
    return new PostError(error.message, retryable, `http ${error.status}`, undefined, error.status >= 500);
  }
  const timedOut = error instanceof Error && error.name === "AbortError";
  return new PostError(
    error instanceof Error ? error.message : String(error),
    true,
    timedOut ? "timeout" : "network",
    undefined,
    !failedBeforeSending(error),
  );
}

export function createDiscordPoster(
  client: Client,
  locale: Locale = "fr",
  options: DiscordPosterOptions = {},
): ChannelPoster {
  const rest = new REST({
    ...client.options.rest,
    retries: 0,
    timeout: options.timeoutMs ?? 15_000,
    rejectOnRateLimit: () => true,
  });
  let token: string | null = null;
  // the client's token is known once it has logged in (and may change if it logs in again)
  const restOf = () => {
    if (client.token && client.token !== token) {
      token = client.token;
      rest.setToken(token);
    }
    return rest;
  };
  /** Starts the thread on a message; one already started (a re-sent part) is the one to use. */
  async function openThread(channelId: string, messageId: string, name: string) {
    try {
      await restOf().post(Routes.threads(channelId, messageId), {
        body: { name, auto_archive_duration: 1440 },
      });
    } catch (error) {
      if (!(error instanceof DiscordAPIError && error.code === THREAD_ALREADY_CREATED)) throw error;
    }
  }
  return {
    platform: "discord",
    idempotentForMs: options.nonceWindowMs ?? 2 * 60_000,
    prepare: (channelId, reply, mark, thread) => {
      const render = (r: typeof reply) => renderDiscord(r, { locale, maxMessages: 10 });
      const pages = [...render(reply), ...(thread ? render(thread) : [])];
      const name = (reply.title ?? "newsbot").slice(0, 100);
      return pages.map((page, part) => async (context) => {
        // a threaded post: the first message opens a thread (its id is the thread's) holding the rest
        const threadId = thread && part > 0 ? context?.threadOf : undefined;
        try {
          if (threadId) await openThread(channelId, threadId, name);
          const message = (await restOf().post(Routes.channelMessages(threadId ?? channelId), {
            body: {
              embeds: page.embeds,
              allowed_mentions: { parse: [] },
              ...(mark ? { nonce: deliveryNonce(mark, part, channelId), enforce_nonce: true } : {}),
            },
          })) as { id?: string };
          return message.id;
        } catch (error) {
          throw classifyDiscordError(error);
        }
      });
    },
  };
}
