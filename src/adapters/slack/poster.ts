// Scheduled posts on Slack: `chat.postMessage` with the Block Kit of the reply renderer (escaped,
// nobody pinged, within Slack's limits), at most about one message per second per channel, through
// a Web API client of its own that never retries by itself (no retries, rate-limited calls
// rejected): a call that timed out has usually been carried out, so only the scheduler, after
// looking, may send again. Every message carries metadata naming its delivery and part
// (`event_type: newsbot_delivery`), and `find` looks for it with `conversations.history`
// (`include_all_metadata`), which needs the `channels:history` / `groups:history` scopes.
// Failures are classified: rate limited, 5xx and network errors are retryable — timeouts, cut
// connections and 5xx ambiguous (the message may be out); `channel_not_found`, `not_in_channel`,
// `is_archived`, auth and scope errors are permanent.
import { LogLevel, webApi } from "@slack/bolt";
import type { Locale } from "../../core/i18n/messages.ts";
import {
  type ChannelPoster,
  DELIVERY_EVENT_TYPE,
  type DeliveryMark,
  failedBeforeSending,
  PostError,
} from "../../scheduling/poster.ts";
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
  /** At most this many pages of 200 messages are read looking for a post. Default 5. */
  readonly findPages?: number;
}

const RETRYABLE_PLATFORM_ERRORS = new Set([
  "ratelimited",
  "rate_limited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);
/** Slack says these may have done part of the work before failing. */
const AMBIGUOUS_PLATFORM_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable"]);

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
      const retryable = status >= 500 || status === 429 || status === 408;
      return new PostError(message, retryable, `http ${status}`, undefined, status >= 500);
    }
    case webApi.ErrorCode.RequestError: {
      const original = (error as webApi.WebAPIRequestError).original;
      const timedOut = original?.name === "TimeoutError" || original?.name === "AbortError";
      const reason = timedOut ? "timeout" : "network";
      return new PostError(message, true, reason, undefined, !failedBeforeSending(original));
    }
    case webApi.ErrorCode.PlatformError: {
      const code = (error as webApi.WebAPIPlatformError).data.error;
      return new PostError(
        message,
        RETRYABLE_PLATFORM_ERRORS.has(code),
        code,
        undefined,
        AMBIGUOUS_PLATFORM_ERRORS.has(code),
      );
    }
    default:
      return new PostError(message, true, "network", undefined, true);
  }
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

const isPart = (m: HistoryMessage, mark: DeliveryMark, part: number) => {
  const p = m.metadata?.event_payload;
  return (
    m.metadata?.event_type === DELIVERY_EVENT_TYPE &&
    Number(p?.delivery_id) === mark.id &&
    Number(p?.part) === part &&
    (p?.period === undefined || p.period === mark.period)
  );
};

type Client = InstanceType<typeof webApi.WebClient>;

function createClient(options: SlackPosterOptions, apiUrl: string | undefined): Client {
  return new webApi.WebClient(options.botToken, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    // no automatic retry: a re-sent chat.postMessage after a timeout is a second message
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs ?? 15_000,
    logLevel: LogLevel.ERROR,
  });
}

/** Waits for the channel's next free slot; reserving it before waiting keeps concurrent posts apart. */
function createPacer(minInterval: number): (channel: string) => Promise<void> {
  const nextSlot = new Map<string, number>();
  return async (channel) => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(channel) ?? 0);
    nextSlot.set(channel, slot + minInterval);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}

/** The metadata naming a delivery and part, which `find` looks for. */
function deliveryMetadata(mark: DeliveryMark, part: number) {
  return {
    metadata: {
      event_type: DELIVERY_EVENT_TYPE,
      event_payload: {
        delivery_id: mark.id,
        part,
        subscription_id: mark.subscriptionId,
        period: mark.period,
      },
    },
  };
}

/** The part's message in the channel's history since `since`: its ts, "found" without one, or undefined. */
async function findInHistory(
  client: Client,
  findPages: number,
  { channelId, mark, part, since }: { channelId: string; mark: DeliveryMark; part: number; since: Date },
) {
  let cursor: string | undefined;
  for (let page = 0; page < findPages; page++) {
    let res: webApi.ConversationsHistoryResponse;
    try {
      res = await client.conversations.history({
        channel: channelId,
        oldest: (since.getTime() / 1000).toFixed(6),
        inclusive: true,
        include_all_metadata: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
    } catch (error) {
      throw classifySlackError(error);
    }
    const found = (res.messages as HistoryMessage[] | undefined)?.find((m) => isPart(m, mark, part));
    if (found) return found.ts ?? "found";
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!res.has_more || !cursor) return undefined;
  }
  throw new PostError(`more than ${findPages * 200} messages to look through`, true, "history too long");
}

/** A threaded post's later parts are replies to its first message: looked for in its thread. */
async function findInThread(
  client: Client,
  channelId: string,
  first: string,
  mark: DeliveryMark,
  part: number,
) {
  let res: webApi.ConversationsRepliesResponse;
  try {
    res = await client.conversations.replies({
      channel: channelId,
      ts: first,
      include_all_metadata: true,
      limit: 200,
    });
  } catch (error) {
    throw classifySlackError(error);
  }
  return (res.messages as HistoryMessage[] | undefined)?.find((m) => isPart(m, mark, part))?.ts;
}

export function createSlackPoster(options: SlackPosterOptions): ChannelPoster {
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, "/") : undefined;
  const client = createClient(options, apiUrl);
  const findPages = options.findPages ?? 5;
  const pace = createPacer(options.minIntervalMs ?? 1100);
  return {
    platform: "slack",
    prepare: (channelId, reply, mark, thread) => {
      const render = (r: typeof reply) => renderSlack(r, { locale: options.locale ?? "fr", maxMessages: 10 });
      const pages = [...render(reply), ...(thread ? render(thread) : [])];
      return pages.map((page, part) => async (context) => {
        await pace(channelId);
        // a threaded post: every message after the first goes in the first one's thread
        const threadTs = thread && part > 0 ? context?.threadOf : undefined;
        try {
          const res = await client.chat.postMessage({
            channel: channelId,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            text: page.text,
            blocks: page.blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(mark ? deliveryMetadata(mark, part) : {}),
          });
          return typeof res.ts === "string" ? res.ts : undefined;
        } catch (error) {
          throw classifySlackError(error);
        }
      });
    },
    async find(channelId, mark, part, since) {
      const inChannel = await findInHistory(client, findPages, { channelId, mark, part, since });
      if (inChannel !== undefined || part === 0) return inChannel;
      const first = await findInHistory(client, findPages, { channelId, mark, part: 0, since });
      if (first === undefined || first === "found") return undefined;
      return findInThread(client, channelId, first, mark, part);
    },
  };
}
