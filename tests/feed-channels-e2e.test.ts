// Feed channels end to end: `/news feeds add <url> --channel --exclude …` through the real Bolt app,
// the real ingester polling a local news site, and the real Slack poster on the fake Slack. The
// first poll (the feed's back catalogue) posts nothing; each later item is posted once — across
// polls and a restart on the same database — unless excluded; a channel the bot cannot post to is
// disabled with the reason after repeated failures.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../commands/dispatch.ts";
import { allCommands } from "../commands/index.ts";
import { type RunningSlackAdapter, startSlackAdapter } from "../src/adapters/slack/index.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import { createCorpusFileWriter } from "../src/ingest/corpus-writer.ts";
import { addFeed, listFeeds } from "../src/ingest/feeds-admin.ts";
import { createIngester, type Ingester } from "../src/ingest/ingester.ts";
import {
  createFeedChannels,
  type FeedChannels,
  feedChannelCommands,
} from "../src/scheduling/feed-channels.ts";
import { type Database, openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedChannelStore } from "../src/storage/feed-channel-store.ts";
import { createSqliteFeedStore } from "../src/storage/feed-store.ts";
import { waitFor } from "./fakes/http.ts";
import { realCore } from "./fakes/real-core.ts";
import { type FakeSlack, postSigned, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";
import { type NewsSite, rssWithLinks, startNewsSite } from "./fixtures/feeds/site.ts";

const SECRET = "test-signing-secret-feeds";
let dir: string;
let site: NewsSite;
let slack: FakeSlack;
let core: NewsCore;

interface Bot {
  db: Database;
  adapter: RunningSlackAdapter;
  ingester: Ingester;
  channels: FeedChannels;
  stop(): Promise<void>;
}

/** The bot's feed side over the database file: what `npm start` wires, started afresh each time. */
async function startBot(): Promise<Bot> {
  const db = openDatabase(join(dir, "newsbot.db"));
  const feedStore = createSqliteFeedStore(db);
  const channelStore = createSqliteFeedChannelStore(db);
  const channels = createFeedChannels({
    store: channelStore,
    article: (id) => {
      const doc = core.news.find(id);
      return doc === undefined ? undefined : core.news.articles[doc];
    },
    locale: "fr",
    baseMs: 10,
  });
  const ingester = createIngester({
    store: feedStore,
    news: core.news,
    writer: createCorpusFileWriter(join(dir, "ingested")),
    pageLimits: { timeoutMs: 500, maxBytes: 64 * 1024 },
    allowPrivateOperatorFeeds: true, // the local site stands in for a public one
    onArticles: (added, feed) => void channels.onArticles(added, feed),
  });
  const dispatcher = createDispatcher({
    core,
    commands: allCommands,
    feeds: {
      list: () => listFeeds(feedStore),
      // the local site is a private address: allowed here as for the operator's feeds
      add: (url, addedBy, locale) => addFeed(feedStore, url, { addedBy, locale, allowPrivateHosts: true }),
      ...feedChannelCommands(channels, channelStore, feedStore),
    },
  });
  const adapter = await startSlackAdapter({
    dispatcher,
    botToken: "xoxb-test-token",
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    logLevel: LogLevel.ERROR,
  });
  channels.addPoster(adapter.poster);
  await channels.start();
  return {
    db,
    adapter,
    ingester,
    channels,
    async stop() {
      await channels.stop();
      await adapter.stop();
      db.close();
    },
  };
}

const topics = [
  "Le conseil régional a adopté un plan de rénovation des lycées",
  "La préfecture annonce la réouverture du pont suspendu",
  "Les vendanges commencent avec deux semaines d'avance",
  "Le club de football local recrute un nouvel entraîneur",
  "Un nouveau musée consacré à la photographie ouvre ses portes",
  "La ligne de train régionale sera électrifiée",
  "Le festival de jazz bat son record d'affluence",
];
const item = (i: number) => ({
  title: topics[i] as string,
  link: `${site.url}/missing/${i}`, // no page: the item keeps the feed's own text
  description: `${topics[i]}, selon un communiqué publié ce matin par les services concernés, numéro ${i}.`,
});
const publish = (n: number) =>
  site.set(
    "/chan.xml",
    rssWithLinks("Actualités locales", [...Array(n).keys()].map(item)),
    "application/rss+xml",
  );
const postsIn = (channel: string) => slack.posts.filter((p) => p.channel === channel);
const titles = (channel: string) => postsIn(channel).map((p) => JSON.stringify(p.blocks));

async function slash(bot: Bot, text: string, id: string, channel = "C0FEED") {
  const body = slashCommandBody({ text, responseUrl: slack.responseUrl(id) }).replace("C0NEWS", channel);
  await postSigned(`http://127.0.0.1:${bot.adapter.port}/slack/events`, body, SECRET);
  const [r] = await waitFor(() => {
    const rs = slack.responses.filter((x) => x.id === id);
    return rs.length > 0 ? rs : undefined;
  });
  return JSON.stringify(r?.body.blocks);
}

async function poll(bot: Bot) {
  await bot.ingester.runOnce({ force: true });
  await bot.channels.flush();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsbot-feed-channels-"));
  site = await startNewsSite();
  slack = await startFakeSlack();
  core = await realCore();
});

afterAll(async () => {
  await slack?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("feed channels on Slack", () => {
  it("posts each new item once, never the back catalogue, across polls and a restart", async () => {
    publish(3);
    let bot = await startBot();
    // the operator's feed (NEWSBOT_FEEDS): the only kind allowed to reach the local site
    createSqliteFeedStore(bot.db).addFeed(`${site.url}/chan.xml`, "config", new Date().toISOString());
    expect(await slash(bot, `feeds add ${site.url}/chan.xml --channel --filter a`, "bad")).toContain(
      "« filter » : « a » n'est pas une liste de mots",
    );
    const added = await slash(bot, `feeds add ${site.url}/chan.xml --channel --exclude football`, "add");
    expect(added).toContain("Ce canal recevra chaque nouvel article");
    expect(added).toContain("sauf : football");

    await poll(bot); // the back catalogue: seen, not posted
    expect(postsIn("C0FEED")).toEqual([]);

    publish(6); // three new items, one about football
    await poll(bot);
    await poll(bot); // nothing new: nothing posted again
    expect(postsIn("C0FEED")).toHaveLength(2);
    expect(titles("C0FEED").join()).toContain(topics[4]);
    expect(titles("C0FEED").join()).not.toContain("football");
    expect(titles("C0FEED").join()).toContain("résumé du flux");

    await bot.stop();
    bot = await startBot(); // a restart on the same database
    await poll(bot);
    expect(postsIn("C0FEED")).toHaveLength(2);
    publish(7);
    await poll(bot);
    expect(postsIn("C0FEED")).toHaveLength(3);
    expect(titles("C0FEED")[2]).toContain(topics[6]);
    // each item once, nothing pinging anyone
    expect(new Set(titles("C0FEED")).size).toBe(3);
    expect(titles("C0FEED").join()).not.toMatch(/<!(channel|here|everyone)/);

    const list = await slash(bot, "feeds", "list");
    expect(list).toContain("Publiés dans ce canal");
    expect(list).toContain("3 publiés");
    await bot.stop();
  });

  it("disables a channel the bot cannot post to, with the reason, after repeated failures", async () => {
    const bot = await startBot();
    slack.failPosts("C0GONE", "not_in_channel");
    await slash(bot, `feeds add ${site.url}/chan.xml --channel`, "gone", "C0GONE");
    publish(7);
    await poll(bot); // primed: the feed was polled before this channel followed it
    const news = ["ferme le lundi", "agrandit ses halles", "accueille des producteurs bio"].map(
      (what, i) => ({
        title: `Brève ${i} du marché couvert`,
        link: `${site.url}/n/${i}`,
        description: `Le marché couvert ${what}, annonce la mairie.`,
      }),
    );
    site.set("/chan.xml", rssWithLinks("Actualités locales", [...[0, 1, 2, 3, 4, 5, 6].map(item), ...news]));
    await poll(bot);
    const list = await slash(bot, "feeds", "gone-list", "C0GONE");
    expect(list).toContain("désactivé (not_in_channel)");
    expect(postsIn("C0GONE")).toEqual([]);
    await bot.stop();
  });
});
