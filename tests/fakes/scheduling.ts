import { vi } from "vitest";
// Helpers for the scheduling tests: a recording ChannelPoster whose channels can be scripted to
// fail (retryable or not), the real core over the seed corpus plus a few articles dated in the
// tests' windows, and a scheduler over a database with its stores.
import type { Article } from "../../src/core/corpus/article.ts";
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsCore, type NewsCore } from "../../src/core/news-core.ts";
import type { Platform } from "../../src/core/platform.ts";
import type { Reply } from "../../src/core/reply/reply.ts";
import { type ChannelPoster, type DeliveryMark, PostError } from "../../src/scheduling/poster.ts";
import { createScheduler, type Scheduler, type SchedulerOptions } from "../../src/scheduling/scheduler.ts";
import {
  createAuditLog,
  createDeliveryLog,
  createSubscriptionStore,
  type Database,
  type NewSubscription,
  openDatabase,
} from "../../src/storage/index.ts";
import { CORPUS } from "./real-core.ts";

export interface RecordedPost {
  readonly platform: Platform;
  readonly channelId: string;
  /** When it was posted (ISO, the fake clock). */
  readonly at: string;
  readonly reply: Reply;
  readonly text: string;
}

export type Failure = PostError | undefined;

export interface RecordingPoster extends ChannelPoster {
  readonly posts: RecordedPost[];
  /** Attempts per channel, failed or not. */
  readonly attempts: Map<string, number>;
  /** What the next attempts to a channel do: a queue of failures (undefined = succeed), or always fail. */
  fail(channelId: string, failures: Failure[] | PostError): void;
}

export function recordingPoster(platform: Platform = "slack", posts: RecordedPost[] = []): RecordingPoster {
  const scripted = new Map<string, Failure[] | PostError>();
  const attempts = new Map<string, number>();
  return {
    platform,
    posts,
    attempts,
    fail(channelId, failures) {
      scripted.set(channelId, failures);
    },
    prepare: (channelId, reply) => [
      async () => {
        attempts.set(channelId, (attempts.get(channelId) ?? 0) + 1);
        const script = scripted.get(channelId);
        const failure = script instanceof PostError ? script : script?.shift();
        if (failure) throw failure;
        posts.push({
          platform,
          channelId,
          at: new Date().toISOString(),
          reply,
          text: JSON.stringify(reply),
        });
        return `msg-${posts.length}`;
      },
    ],
  };
}

export const permanent = (reason = "channel_not_found") =>
  new PostError(`An API error occurred: ${reason}`, false, reason);
export const rateLimited = (retryAfterMs: number) =>
  new PostError("A rate limit was exceeded", true, "rate_limited", retryAfterMs);
export const serverError = () => new PostError("HTTP 503", true, "http 503");

/** The PostError a post fails with: anything else, or no failure, fails the test. */
export async function postFailure(post: Promise<unknown>): Promise<PostError> {
  try {
    await post;
  } catch (error) {
    if (error instanceof PostError) return error;
    throw error;
  }
  throw new Error("expected the post to fail");
}

const SEED_003 = "003_c39827b7e7865a61";

/** The seed corpus, plus copies of two seed bodies dated `dates` (ids `extra-<date>`). */
export async function testCore(dates: readonly string[] = []): Promise<NewsCore> {
  const { articles } = await loadCorpus(CORPUS);
  const seed3 = articles.find((a) => a.id === SEED_003) as Article;
  const seed4 = articles.find((a) => a.id.startsWith("004_")) as Article;
  const extra = dates.map((date, i) => ({
    ...(i % 2 === 0 ? seed4 : seed3),
    id: `extra-${date}`,
    title: `Dépêche du ${date}`,
    date,
  }));
  return createNewsCore([...articles, ...extra]);
}

export const SEED_ARTICLE_0115 = SEED_003;

export interface TestBot {
  readonly db: Database;
  readonly scheduler: Scheduler;
  readonly store: ReturnType<typeof createSubscriptionStore>;
  readonly deliveries: ReturnType<typeof createDeliveryLog>;
  readonly audit: ReturnType<typeof createAuditLog>;
  close(): Promise<void>;
}

export function testBot(
  path: string,
  core: NewsCore,
  posters: ChannelPoster[],
  options: Partial<SchedulerOptions> = {},
): TestBot {
  const db = openDatabase(path);
  const store = createSubscriptionStore(db);
  const deliveries = createDeliveryLog(db);
  const scheduler = createScheduler({
    core,
    locale: "fr",
    subscriptions: store,
    deliveries,
    posters,
    syncEveryMs: 0,
    random: () => 0.5,
    ...options,
  });
  return {
    db,
    scheduler,
    store,
    deliveries,
    audit: createAuditLog(db),
    async close() {
      await scheduler.stop();
      db.close();
    },
  };
}

export const paris = (over: Partial<NewSubscription> = {}): NewSubscription => ({
  platform: "slack",
  channelId: "C1",
  kind: "digest",
  time: "08:00",
  timezone: "Europe/Paris",
  days: [0, 1, 2, 3, 4, 5, 6],
  createdBy: "slack:T1:U1",
  ...over,
});

/** What one attempt at a part does: posts; times out after posting; times out before posting. */
export type Attempt = "ok" | "posted-then-timeout" | "lost-timeout";

export interface VerifiablePost {
  readonly channelId: string;
  readonly mark?: DeliveryMark;
  readonly part: number;
  readonly ref: string;
}

export interface VerifiablePoster extends ChannelPoster {
  readonly posts: VerifiablePost[];
  /** Looks done so far (channel, part). */
  readonly looks: { channelId: string; part: number }[];
  /** The next attempts (any channel), in order; then "ok". */
  script(...attempts: Attempt[]): void;
  /** Make `find` fail (it cannot tell) until cleared. */
  blind(on: boolean): void;
}

/**
 * An in-memory poster that can look for its posts by their mark, like the Slack poster: every
 * reply is cut in `parts` messages, and attempts can be scripted to time out before or after the
 * message is out.
 */
export function verifiablePoster(parts = 1, platform: Platform = "slack"): VerifiablePoster {
  const posts: VerifiablePost[] = [];
  const looks: { channelId: string; part: number }[] = [];
  const queue: Attempt[] = [];
  let blind = false;
  const timeout = () => new PostError("timed out", true, "timeout", undefined, true);
  return {
    platform,
    posts,
    looks,
    script: (...attempts) => queue.push(...attempts),
    blind: (on) => {
      blind = on;
    },
    prepare: (channelId, _reply, mark) =>
      Array.from({ length: parts }, (_, part) => async () => {
        const attempt = queue.shift() ?? "ok";
        if (attempt === "lost-timeout") throw timeout();
        const ref = `m${posts.length + 1}`;
        posts.push({ channelId, part, ref, ...(mark ? { mark } : {}) });
        if (attempt === "posted-then-timeout") throw timeout();
        return ref;
      }),
    async find(channelId, mark, part) {
      looks.push({ channelId, part });
      if (blind) throw new PostError("history unavailable", true, "http 503");
      return posts.find((p) => p.channelId === channelId && p.mark?.id === mark.id && p.part === part)?.ref;
    },
  };
}

/** Test bots opened in a test, each closed by `closeAll` (in `afterEach`). */
export function testBots() {
  const bots: TestBot[] = [];
  return {
    open(...args: Parameters<typeof testBot>): TestBot {
      const bot = testBot(...args);
      bots.push(bot);
      return bot;
    },
    async closeAll(): Promise<void> {
      for (const b of bots.splice(0)) await b.close().catch(() => {});
    },
  };
}

/** Advance fake timers to `iso`, then let the promises the timers started settle. */
export async function runUntil(iso: string): Promise<void> {
  await vi.advanceTimersByTimeAsync(Date.parse(iso) - Date.now());
  for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
}
