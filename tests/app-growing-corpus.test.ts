// The running bot's corpus grows by itself: a feed given in the configuration is polled and a
// corpus file dropped into the watched folder is picked up; both are answered about through the
// console session without a restart, and `/news feeds` reports the feed.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startApp } from "../src/app/main.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";
import { type NewsSite, startNewsSite } from "./fixtures/feeds/site.ts";

let dir: string | undefined;
let site: NewsSite | undefined;
afterEach(async () => {
  await site?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a corpus that grows while the bot runs", () => {
  it("ingests a configured feed and a dropped file, and answers about both", async () => {
    site = await startNewsSite();
    dir = mkdtempSync(join(tmpdir(), "newsbot-grow-"));
    cpSync(resolve(import.meta.dirname, "../corpus"), join(dir, "corpus"), { recursive: true });
    const env = {
      NEWSBOT_DB: join(dir, "bot.db"),
      NEWSBOT_FEEDS: `${site.url}/rss.xml`,
      NEWSBOT_ALLOW_PRIVATE_FEEDS: "on", // the local site stands in for an intranet feed
    };
    const session = consoleStreams();
    const { input } = session;
    const app = await startApp({ env, cwd: dir, ...session });
    await waitFor(
      () => (session.log().includes("[feeds] 2 new") ? true : undefined),
      8000,
      "the feed's articles",
    );

    input.write("/news search hydrogène vert\n");
    await waitFor(
      () => (session.text().includes("hydrogène") ? true : undefined),
      4000,
      "a search hit from the feed",
    );

    writeFileSync(
      join(dir, "corpus", "900_depeche-test.md"),
      "---\nid: 900_depeche-test\ntitle: Un pont suspendu relie Da Lat à Nha Trang\ndate: 2026-03-02\nlang: fr\n---\n\nLe pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi par le ministre des Transports Tran Hong Minh.\n",
    );
    await waitFor(
      () => (session.log().includes("[corpus] 1 new") ? true : undefined),
      8000,
      "the dropped file",
    );
    input.write("/news ask Combien mesure le pont suspendu de Lang Biang ?\n");
    await waitFor(
      () => (session.text().includes("1.240 mètres") ? true : undefined),
      4000,
      "an answer from the new file",
    );

    input.end("/news feeds\n");
    await app.done;
    expect(session.text()).toContain(`${site.url}/rss.xml`);
    expect(session.text()).toMatch(/articles ajoutés : 2/);
  });
});
