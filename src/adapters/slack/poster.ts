// Scheduled posts on Slack: `chat.postMessage` with the Block Kit of the reply renderer (escaped,
// nobody pinged, within Slack's limits), at most about one message per second per channel, through
// a Web API client of its own that does not retry by itself (no retries, rate-limited calls
// rejected) so the scheduler's retry policy applies — and Slack's Retry-After with it. Failures are
// classified: rate limited, 5xx and network errors are retryable; `channel_not_found`,
// `not_in_channel`, `is_archived`, auth and scope errors are permanent.
import { LogLevel, webApi } from "@slack/bolt";
import type { Locale } from "../../core/i18n/messages.ts";
import { type ChannelPoster, PostError } from "../../scheduling/poster.ts";
import { renderSlack } from "./render.ts";

export interface SlackPosterOptions {
  readonly botToken: string;
  /** Web API base URL (tests: a local fake). */
  readonly apiUrl?: string;
  readonly locale?: Locale;
  /** Least time between two messages to one channel. Default 1,100 ms (Slack: ~1 message/s/channel). */
  readonly minIntervalMs?: number;
  /** Per request. Default 15 s. */
  readonly timeoutMs?: number;
}

const RETRYABLE_PLATFORM_ERRORS = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

export function classifySlackError(error: unknown): PostError {
  const e = error as { code?: string; message?: string };
  const message = e?.message ?? String(error);
  switch (e?.code) {
    case webApi.ErrorCode.RateLimitedError: {
      const retryAfter = (error as webApi.WebAPIRateLimitedError).retryAfter;
      return new PostError(message, true, "rate_limited", Math.max(0, retryAfter) * 1000);
    }
    case webApi.ErrorCode.HTTPError: {
      const status = (error as webApi.WebAPIHTTPError).statusCode;
      return new PostError(message, status >= 500 || status === 429 || status === 408, `http ${status}`);
    }
    case webApi.ErrorCode.RequestError:
      return new PostError(message, true, "network");
    case webApi.ErrorCode.PlatformError: {
      const code = (error as webApi.WebAPIPlatformError).data.error;
      return new PostError(message, RETRYABLE_PLATFORM_ERRORS.has(code), code);
    }
    default:
      return new PostError(message, true, "network");
  }
}

export function createSlackPoster(options: SlackPosterOptions): ChannelPoster {
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, "/") : undefined;
  const client = new webApi.WebClient(options.botToken, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
    logLevel: LogLevel.ERROR,
  });
  const minInterval = options.minIntervalMs ?? 1100;
  // The next free slot of each channel: reserving it before waiting keeps concurrent posts apart.
  const nextSlot = new Map<string, number>();
  const pace = async (channel: string) => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(channel) ?? 0);
    nextSlot.set(channel, slot + minInterval);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
  return {
    platform: "slack",
    prepare: (channelId, reply) =>
      renderSlack(reply, { locale: options.locale ?? "fr", maxMessages: 10 }).map((page) => async () => {
        await pace(channelId);
        try {
          const res = await client.chat.postMessage({
            channel: channelId,
            text: page.text,
            blocks: page.blocks,
            unfurl_links: false,
            unfurl_media: false,
          });
          return typeof res.ts === "string" ? res.ts : undefined;
        } catch (error) {
          throw classifySlackError(error);
        }
      }),
  };
}
