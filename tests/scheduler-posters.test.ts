// The adapters' ChannelPosters against the local fakes: Slack posts Block Kit with
// chat.postMessage, paced per channel, and classifies Slack's answers (429 with Retry-After,
// 5xx, not_in_channel…); Discord posts embeds with no mentions allowed and classifies its errors;
// the console prints.
import { DiscordAPIError, HTTPError } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsolePoster } from "../src/adapters/console/index.ts";
import { classifyDiscordError } from "../src/adapters/discord/index.ts";
import { createSlackPoster } from "../src/adapters/slack/index.ts";
import { reply } from "../src/core/reply/reply.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { postFailure } from "./fakes/scheduling.ts";
import { type FakeSlack, startFakeSlack } from "./fakes/slack.ts";

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
});

const digest = reply([{ type: "paragraph", text: "Rien de nouveau @everyone <!channel>" }], {
  title: "Revue de presse",
  visibility: "public",
});

describe("Slack poster", () => {
  it("posts Block Kit with chat.postMessage, escaped, at most one message per interval per channel", async () => {
    const poster = createSlackPoster({ botToken: "xoxb-test", apiUrl: slack.apiUrl, minIntervalMs: 150 });
    const start = Date.now();
    const refs = [];
    for (let i = 0; i < 3; i++) for (const send of poster.prepare("C0PACE", digest)) refs.push(await send());
    expect(Date.now() - start).toBeGreaterThanOrEqual(290);
    expect(refs.every((r) => typeof r === "string")).toBe(true);
    const posts = slack.posts.filter((p) => p.channel === "C0PACE");
    expect(posts).toHaveLength(3);
    const blocks = JSON.stringify(posts[0]?.blocks);
    expect(blocks).toContain("Revue de presse");
    expect(blocks).not.toContain("<!channel>");
    expect(blocks).toContain("&lt;!channel&gt;");
    // another channel is not held back by the first one's pace
    const t = Date.now();
    for (const send of poster.prepare("C0OTHER", digest)) await send();
    expect(Date.now() - t).toBeLessThan(150);
  });

  it("classifies Slack's failures: 429 with Retry-After and 5xx retryable, channel problems permanent", async () => {
    const poster = createSlackPoster({ botToken: "xoxb-test", apiUrl: slack.apiUrl, minIntervalMs: 0 });
    const send = (channel: string) => (poster.prepare(channel, digest)[0] as () => Promise<unknown>)();
    slack.failPosts("C1", { status: 429, retryAfter: 7 });
    expect(await postFailure(send("C1"))).toMatchObject({
      retryable: true,
      reason: "rate_limited",
      retryAfterMs: 7000,
    });
    slack.failPosts("C2", { status: 503 });
    expect(await postFailure(send("C2"))).toMatchObject({ retryable: true, reason: "http 503" });
    for (const code of ["not_in_channel", "channel_not_found", "is_archived", "invalid_auth"]) {
      slack.failPosts("C3", code);
      expect(await postFailure(send("C3"))).toMatchObject({ retryable: false, reason: code });
    }
    slack.failPosts("C4", "internal_error");
    expect(await postFailure(send("C4"))).toMatchObject({ retryable: true, reason: "internal_error" });
    const down = createSlackPoster({
      botToken: "xoxb-test",
      apiUrl: "http://127.0.0.1:9/api/",
      timeoutMs: 2000,
    });
    expect(await postFailure((down.prepare("C5", digest)[0] as () => Promise<unknown>)())).toMatchObject({
      retryable: true,
    });
  });
});

describe("Discord poster", () => {
  it("classifies Discord's failures: Unknown Channel and missing permissions permanent, 5xx retryable", () => {
    const api = (status: number, code: number, message: string) =>
      new DiscordAPIError({ code, message }, code, status, "POST", "/channels/1/messages", { body: {} });
    expect(classifyDiscordError(api(404, 10003, "Unknown Channel"))).toMatchObject({
      retryable: false,
      reason: "discord 10003",
    });
    expect(classifyDiscordError(api(403, 50001, "Missing Access"))).toMatchObject({ retryable: false });
    expect(classifyDiscordError(api(403, 50013, "Missing Permissions"))).toMatchObject({
      retryable: false,
      reason: "discord 50013",
    });
    expect(classifyDiscordError(api(502, 0, "Bad Gateway"))).toMatchObject({ retryable: true });
    const http = new HTTPError(503, "Service Unavailable", "POST", "/channels/1/messages", { body: {} });
    expect(classifyDiscordError(http)).toMatchObject({ retryable: true, reason: "http 503" });
    expect(classifyDiscordError(new Error("socket hang up"))).toMatchObject({
      retryable: true,
      reason: "network",
    });
  });
});

describe("console poster", () => {
  it("prints the post under the channel it is for", async () => {
    const { output, text: printed } = consoleStreams();
    for (const send of createConsolePoster(output).prepare("console", digest)) await send();
    const text = printed();
    expect(text).toContain("[newsbot → #console]");
    expect(text).toContain("Revue de presse");
    expect(text).toContain("Rien de nouveau");
  });
});
