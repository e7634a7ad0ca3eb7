// The ChannelPoster contract, written once and run against every adapter's poster (as hono runs
// its shared router cases against each router): the console poster on its output stream, the Slack
// poster (Bolt's Web API client) on the fake Slack, the Discord poster (discord.js REST, from a
// client logged in through the gateway) on the fake Discord. Each subject says how to read what
// reached a channel and what its platform has — limits that split a long reply, a delivery mark,
// threads, failures, mentions; a case a platform has no such thing for is replaced by the case
// stating what the poster promises instead (the console: no mark, so neither `find` nor
// idempotence).
import type { Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsolePoster } from "../src/adapters/console/index.ts";
import { createDiscordPoster } from "../src/adapters/discord/index.ts";
import { DISCORD_LIMITS } from "../src/adapters/discord/render.ts";
import { createSlackPoster } from "../src/adapters/slack/index.ts";
import { SLACK_LIMITS } from "../src/adapters/slack/render.ts";
import { reply } from "../src/core/reply/reply.ts";
import {
  type ChannelPoster,
  DELIVERY_EVENT_TYPE,
  type DeliveryMark,
  deliveryNonce,
  type PreparedMessage,
} from "../src/scheduling/poster.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { type FakeDiscord, loginToFake, startFakeDiscord } from "./fakes/discord.ts";
import { postFailure } from "./fakes/scheduling.ts";
import { type FakeSlack, startFakeSlack } from "./fakes/slack.ts";

/** One message as the channel shows it. */
interface Delivered {
  readonly id: string;
  /** Everything it shows, as text (markup included). */
  readonly text: string;
  /** The message whose thread it is in. */
  readonly threadOf?: string;
  /** The delivery mark it carries, as `markFor` writes it. */
  readonly mark?: string;
  /** Whether it fits the platform's limits for one message. */
  readonly fits: boolean;
  /** Whether posting it can notify anyone (mentions, @everyone…); absent where nothing can. */
  readonly pings?: boolean;
}

type Failure = "channel gone" | "rate limited" | "server error";

/** A poster on its platform, with what that platform has: declared before the cases are registered. */
interface PosterSubject {
  /** Whether a long reply must be split into several messages. */
  readonly splits: boolean;
  /** How a message marked with part `part` of `mark` carries it; absent: the platform has no mark. */
  markFor?(mark: DeliveryMark, part: number, channelId: string): string;
  /** Whether posts can fail (and `fail` injects the failures). */
  readonly fails: boolean;
  /** Whether a post could notify anyone at all (a terminal notifies no one). */
  readonly notifies: boolean;
  start(): Promise<RunningSubject>;
}

interface RunningSubject {
  readonly poster: ChannelPoster;
  /** A channel of its own for each case. */
  channel(n: number): string;
  /** The messages in a channel (its threads included), oldest first. */
  delivered(channelId: string): Delivered[];
  /** Makes the next post to the channel meet this failure. */
  fail(channelId: string, failure: Failure): void;
  close(): Promise<void>;
}

const MARK: DeliveryMark = { id: 42, subscriptionId: 7, period: "2026-01-15" };
const short = reply([{ type: "paragraph", text: "Une seule nouvelle ce matin." }], {
  title: "Revue de presse",
  visibility: "public",
});
const filler = "Le conseil municipal a voté le budget après un long débat sur les transports. ".repeat(5);
/** 40 paragraphs of ~400 characters, each starting with its number: more than one Slack or Discord message. */
const long = reply(
  Array.from({ length: 40 }, (_, i) => ({ type: "paragraph" as const, text: `P${pad(i)} ${filler}` })),
  { title: "Revue de presse", visibility: "public" },
);
const threadReply = reply([{ type: "paragraph", text: "Suite du fil : trois autres nouvelles." }], {
  visibility: "public",
});
const pinging = reply(
  [
    {
      type: "paragraph",
      text: "@everyone @here <!channel> <!here> <@U0ALICE> <@100000000000000003> <@&123>",
    },
  ],
  { title: "Alerte", visibility: "public" },
);

function pad(i: number) {
  return String(i).padStart(2, "0");
}

async function postAll(messages: readonly PreparedMessage[]) {
  const ids: (string | undefined)[] = [];
  for (const send of messages) ids.push(await send());
  return ids;
}

function posterContract(name: string, subject: PosterSubject) {
  describe(`${name} poster contract`, () => {
    let s: RunningSubject;
    let n = 0;
    const nextChannel = () => s.channel(++n);
    beforeAll(async () => {
      s = await subject.start();
    });
    afterAll(async () => {
      await s?.close();
    });

    it("posts a short reply as one message and returns its id", async () => {
      const channel = nextChannel();
      const messages = s.poster.prepare(channel, short);
      expect(messages).toHaveLength(1);
      const ids = await postAll(messages);
      const delivered = s.delivered(channel);
      expect(delivered).toHaveLength(1);
      expect(delivered[0]?.id).toBe(ids[0]);
      expect(delivered[0]?.text).toContain("Revue de presse");
      expect(delivered[0]?.text).toContain("Une seule nouvelle ce matin.");
    });

    it("posts a long reply in order, each message within the platform's limits", async () => {
      const channel = nextChannel();
      await postAll(s.poster.prepare(channel, long));
      const delivered = s.delivered(channel);
      if (subject.splits) expect(delivered.length).toBeGreaterThan(1);
      else expect(delivered).toHaveLength(1);
      for (const d of delivered) expect(d.fits).toBe(true);
      const seen = delivered.flatMap((d) => [...d.text.matchAll(/P(\d\d) /g)].map((m) => Number(m[1])));
      expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => i));
    });

    it("posts a thread reply in the first message's thread", async () => {
      const channel = nextChannel();
      const [first, ...rest] = s.poster.prepare(channel, short, MARK, threadReply);
      expect(rest.length).toBeGreaterThan(0);
      const firstId = await (first as PreparedMessage)();
      expect(firstId).toBeDefined();
      for (const send of rest) await send({ threadOf: firstId });
      const [top, ...inThread] = s.delivered(channel);
      expect(top?.id).toBe(firstId);
      expect(top?.threadOf).toBeUndefined();
      expect(inThread).toHaveLength(rest.length);
      for (const d of inThread) expect(d.threadOf).toBe(firstId);
      expect(inThread.map((d) => d.text).join("\n")).toContain("Suite du fil");
    });

    it(
      subject.notifies
        ? "never pings anyone, while still showing the text"
        : "shows mention syntax as plain text (nothing to notify on this platform)",
      async () => {
        const channel = nextChannel();
        await postAll(s.poster.prepare(channel, pinging));
        const delivered = s.delivered(channel);
        expect(delivered.map((d) => d.text).join("\n")).toContain("everyone");
        // where a post could notify, the fake must have read whether it does: `undefined` fails
        if (subject.notifies) for (const d of delivered) expect(d.pings).toBe(false);
        else for (const d of delivered) expect(d.pings).toBeUndefined();
      },
    );

    const markFor = subject.markFor;
    if (markFor) {
      it("marks every message with its delivery and part", async () => {
        const channel = nextChannel();
        await postAll(s.poster.prepare(channel, long, MARK));
        const delivered = s.delivered(channel);
        expect(delivered.map((d) => d.mark)).toEqual(
          delivered.map((_, part) => markFor(MARK, part, channel)),
        );
        expect(new Set(delivered.map((d) => d.mark)).size).toBe(delivered.length);
        // a mark is what lets the scheduler look for a part or re-send it harmlessly
        expect(Boolean(s.poster.find) || (s.poster.idempotentForMs ?? 0) > 0).toBe(true);
      });
    } else {
      it("has no delivery mark, so claims neither to find a post nor to take a re-send harmlessly", async () => {
        const channel = nextChannel();
        await postAll(s.poster.prepare(channel, short, MARK));
        expect(s.delivered(channel).map((d) => d.mark)).toEqual([undefined]);
        expect(s.poster.find).toBeUndefined();
        expect(s.poster.idempotentForMs ?? 0).toBe(0);
      });
    }

    if (subject.fails) {
      it("reports a channel that is gone as a permanent PostError, posting nothing", async () => {
        const channel = nextChannel();
        s.fail(channel, "channel gone");
        const error = await postFailure((s.poster.prepare(channel, short)[0] as PreparedMessage)());
        expect(error).toMatchObject({ retryable: false, ambiguous: false });
        expect(s.delivered(channel)).toEqual([]);
      });

      it("reports a rate limit as retryable, with the wait the platform asked for", async () => {
        const channel = nextChannel();
        s.fail(channel, "rate limited");
        const error = await postFailure((s.poster.prepare(channel, short)[0] as PreparedMessage)());
        expect(error).toMatchObject({ retryable: true, ambiguous: false });
        expect(error.retryAfterMs).toBeGreaterThanOrEqual(3000);
        expect(error.retryAfterMs).toBeLessThan(4000);
        expect(s.delivered(channel)).toEqual([]);
      });

      it("reports a server error as retryable and ambiguous (the message may be out)", async () => {
        const channel = nextChannel();
        s.fail(channel, "server error");
        const error = await postFailure((s.poster.prepare(channel, short)[0] as PreparedMessage)());
        expect(error).toMatchObject({ retryable: true, ambiguous: true, reason: "http 503" });
      });
    }
  });
}

posterContract("console", {
  splits: false,
  notifies: false,
  fails: false,
  async start() {
    const { output, text } = consoleStreams();
    return {
      poster: createConsolePoster(output),
      channel: (n) => `chan${n}`,
      delivered: (channelId) => consoleMessages(text()).filter((m) => m.channel === channelId),
      fail() {
        throw new Error("the console cannot fail a post");
      },
      close: async () => {
        output.end();
      },
    };
  },
});

/**
 * The console's messages as printed: a `[newsbot → #channel]` header, `↳ fil` for the thread of
 * the message above. They are numbered in print order, as the poster numbers its ids.
 */
function consoleMessages(text: string) {
  const header = /^\[newsbot → #(\S+)( ↳ fil)?\]$/gm;
  const heads = [...text.matchAll(header)];
  let top: string | undefined;
  return heads.map((h, i) => {
    const id = `console-${i + 1}`;
    const inThread = h[2] !== undefined;
    if (!inThread) top = id;
    const body = text.slice((h.index ?? 0) + h[0].length, heads[i + 1]?.index ?? text.length);
    return {
      channel: h[1] as string,
      id,
      text: body,
      fits: true,
      ...(inThread && top ? { threadOf: top } : {}),
    } satisfies Delivered & { channel: string };
  });
}

const SLACK_PING = /<!(?:everyone|here|channel|subteam\^)|<@[UW][A-Z0-9]+>/;

posterContract("Slack", {
  splits: true,
  notifies: true,
  fails: true,
  markFor: (mark, part) => `${DELIVERY_EVENT_TYPE} ${mark.id}/${part} ${mark.subscriptionId} ${mark.period}`,
  async start() {
    const slack: FakeSlack = await startFakeSlack();
    return {
      poster: createSlackPoster({ botToken: "xoxb-test", apiUrl: slack.apiUrl, minIntervalMs: 0 }),
      channel: (n) => `C0CONTRACT${n}`,
      delivered: (channelId) =>
        slack.posts
          .filter((p) => p.channel === channelId)
          .map((p) => {
            const text = `${p.text}\n${JSON.stringify(p.blocks)}`;
            const m = p.metadata;
            const payload = m?.event_payload ?? {};
            return {
              id: p.ts,
              text,
              ...(p.thread_ts ? { threadOf: p.thread_ts } : {}),
              ...(m
                ? {
                    mark: `${m.event_type} ${payload.delivery_id}/${payload.part} ${payload.subscription_id} ${payload.period}`,
                  }
                : {}),
              fits: slackFits(p.text, p.blocks),
              pings: SLACK_PING.test(text),
            };
          }),
      fail(channelId, failure) {
        slack.failPosts(
          channelId,
          failure === "channel gone"
            ? "channel_not_found"
            : failure === "rate limited"
              ? { status: 429, retryAfter: 3 }
              : { status: 503 },
        );
      },
      close: () => slack.close(),
    };
  },
});

function slackFits(text: string, blocks: unknown[]) {
  const texts = blocks.map((b) => (b as { text?: { text?: string } }).text?.text ?? "");
  return (
    blocks.length <= SLACK_LIMITS.blocksPerMessage &&
    texts.every((t) => t.length <= SLACK_LIMITS.sectionText) &&
    texts.join("").length <= SLACK_LIMITS.charsPerMessage &&
    text.length <= SLACK_LIMITS.fallbackText
  );
}

posterContract("Discord", {
  splits: true,
  notifies: true,
  fails: true,
  markFor: (mark, part, channelId) => deliveryNonce(mark, part, channelId),
  async start() {
    const discord: FakeDiscord = await startFakeDiscord();
    const client: Client = await loginToFake(discord);
    return {
      poster: createDiscordPoster(client, "fr", { timeoutMs: 2000 }),
      channel: (n) => String(300000000000000000n + BigInt(n)),
      delivered: (channelId) => {
        const threads = new Set(
          discord.threads.filter((t) => t.parentId === channelId).map((t) => t.messageId),
        );
        return discord.channelMessages
          .filter((m) => m.channelId === channelId || threads.has(m.channelId))
          .map((m) => {
            const b = m.body as {
              embeds?: unknown[];
              nonce?: string;
              enforce_nonce?: boolean;
              allowed_mentions?: { parse?: unknown[]; users?: unknown[]; roles?: unknown[] };
            };
            const mentions = b.allowed_mentions;
            return {
              id: m.id,
              text: JSON.stringify(b.embeds ?? []),
              ...(m.channelId !== channelId ? { threadOf: m.channelId } : {}),
              ...(b.nonce && b.enforce_nonce ? { mark: b.nonce } : {}),
              fits: discordFits(b.embeds ?? []),
              // embeds never ping; content would, unless allowed_mentions says nobody
              pings: !(mentions?.parse?.length === 0 && !mentions.users?.length && !mentions.roles?.length),
            };
          });
      },
      fail(channelId, failure) {
        if (failure === "channel gone")
          discord.failChannel(channelId, { status: 404, code: 10003, message: "Unknown Channel" });
        else discord.faults(failure === "rate limited" ? { status: 429, retryAfter: 3 } : { status: 503 });
      },
      close: async () => {
        await client.destroy();
        await discord.close();
      },
    };
  },
});

function discordFits(embeds: unknown[]) {
  const chars = (e: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text?: string };
  }) =>
    (e.title ?? "").length +
    (e.description ?? "").length +
    (e.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0) +
    (e.footer?.text ?? "").length;
  const all = embeds as Parameters<typeof chars>[0][];
  return (
    all.length <= DISCORD_LIMITS.embedsPerMessage &&
    all.every(
      (e) =>
        (e.title ?? "").length <= DISCORD_LIMITS.title &&
        (e.description ?? "").length <= DISCORD_LIMITS.description &&
        (e.fields ?? []).length <= DISCORD_LIMITS.fields,
    ) &&
    all.reduce((sum, e) => sum + chars(e), 0) <= DISCORD_LIMITS.charsPerMessage
  );
}
