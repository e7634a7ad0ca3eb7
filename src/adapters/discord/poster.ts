// Scheduled posts on Discord: the reply's embeds (from the embed renderer, within Discord's
// limits) posted to the channel with `allowed_mentions: { parse: [] }`, so nobody is pinged. It is
// the request `channel.send()` makes (`POST /channels/{id}/messages`), sent through the client's
// REST manager directly so the channel need not be in the cache; that manager already waits out
// 429s (Retry-After) and retries 5xx a few times. What still fails is classified: 5xx, rate limits
// and network errors are retryable; Unknown Channel (10003), Missing Access (50001) and Missing
// Permissions (50013) — and any other 4xx — are permanent.
import { type Client, DiscordAPIError, HTTPError, RateLimitError, Routes } from "discord.js";
import type { Locale } from "../../core/i18n/messages.ts";
import { type ChannelPoster, PostError } from "../../scheduling/poster.ts";
import { renderDiscord } from "./render.ts";

export function classifyDiscordError(error: unknown): PostError {
  if (error instanceof DiscordAPIError) {
    const retryable = error.status >= 500 || error.status === 429;
    return new PostError(error.message, retryable, `discord ${error.code || error.status}`);
  }
  if (error instanceof RateLimitError)
    return new PostError(error.message, true, "rate_limited", error.retryAfter);
  if (error instanceof HTTPError) {
    return new PostError(error.message, error.status >= 500 || error.status === 429, `http ${error.status}`);
  }
  return new PostError(error instanceof Error ? error.message : String(error), true, "network");
}

export function createDiscordPoster(client: Client, locale: Locale = "fr"): ChannelPoster {
  return {
    platform: "discord",
    prepare: (channelId, reply) =>
      renderDiscord(reply, { locale, maxMessages: 10 }).map((page) => async () => {
        try {
          const message = (await client.rest.post(Routes.channelMessages(channelId), {
            body: { embeds: page.embeds, allowed_mentions: { parse: [] } },
          })) as { id?: string };
          return message.id;
        } catch (error) {
          throw classifyDiscordError(error);
        }
      }),
  };
}
