// Feed ingestion end to end against a local news site: new items reach `ask` and `search` without
// a restart, a republished story is not added twice, a broken feed is reported while the others
// ingest, conditional requests are honoured, and hostile inputs give a clear recorded error.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAnswerer } from "../src/core/answer/answerer.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { searchArticles } from "../src/core/search/article-search.ts";
import { createNewsIndex, type NewsIndex } from "../src/core/search/news-index.ts";
import { createCorpusFileWriter } from "../src/ingest/corpus-writer.ts";
import { createIngester, type IngesterOptions } from "../src/ingest/ingester.ts";
import { openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedStore, type FeedStore } from "../src/storage/feed-store.ts";
import { type NewsSite, rssWithLinks, startNewsSite } from "./fixtures/feeds/site.ts";

const SEEDS = join(import.meta.dirname, "../corpus");

let site: NewsSite;
let dir: string;
let dbs: { close(): void }[] = [];

beforeEach(async () => {
  site = await startNewsSite();
  dir = mkdtempSync(join(tmpdir(), "newsbot-ingest-"));
  dbs = [];
});

afterEach(async () => {
  for (const db of dbs) db.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

function openStore(): FeedStore {
  const db = openDatabase(join(dir, "state.db"));
  dbs.push(db);
  return createSqliteFeedStore(db);
}

async function setup(feeds: string[], extra: Partial<IngesterOptions> = {}) {
  const { articles } = await loadCorpus(SEEDS);
  const news = createNewsIndex(articles);
  const store = openStore();
  for (const f of feeds) await store.addFeed(`${site.url}${f}`, "config", new Date().toISOString()); // the operator's own feeds: local hosts allowed
  const ingester = createIngester({
    store,
    news,
    writer: createCorpusFileWriter(join(dir, "ingested")),
    pageLimits: { timeoutMs: 800, maxBytes: 256 * 1024 },
    feedLimits: { timeoutMs: 800, maxBytes: 256 * 1024 },
    allowPrivateOperatorFeeds: true, // NEWSBOT_ALLOW_PRIVATE_FEEDS=on: the local site stands in for an intranet
    ...extra,
  });
  return { news, store, ingester, seeds: articles.length };
}

const ids = (news: NewsIndex, query: string): string[] =>
  searchArticles(news, query, { limit: 5 }).map((r) => r.id);

describe("feed ingestion", () => {
  it("adds new RSS and Atom items to the live index: ask and search find them without a restart", async () => {
    const { news, ingester, seeds } = await setup(["/rss.xml", "/atom.xml"]);
    const answerer = createAnswerer(news);
    // After ingestion the live index is what is tested (which sentence answers), not whether the
    // confidence calibrated on large corpora clears its threshold on this handful of articles.
    const ranker = createAnswerer(news, { minConfidence: 0 });
    // before ingestion: no answer, and even the threshold-free ranker cites no feed article
    const question = "Qui finance le centre de recherche sur l'hydrogène vert ?";
    expect(answerer.answer(question).found).toBe(false);
    expect(ranker.answer(question).citations.some((c) => c.id.startsWith("feed_"))).toBe(false);
    expect(ids(news, "Rapidus Da Nang").some((id) => id.startsWith("feed_"))).toBe(false);

    const reports = await ingester.runOnce();
    const rss = reports.find((r) => r.url.endsWith("/rss.xml"));
    const atom = reports.find((r) => r.url.endsWith("/atom.xml"));
    expect(rss?.error).toBeUndefined();
    expect(rss?.status).toBe("ok");
    expect(atom?.error).toBeUndefined();
    expect(atom?.status).toBe("ok");
    expect(rss?.added).toHaveLength(2); // full content + page fetched for the summary-only item
    expect(atom?.added).toHaveLength(1); // Rapidus; the hydrogen story is a republication
    expect(news.articles).toHaveLength(seeds + 3);

    // search and ask on the same live index, same answerer
    const rapidus = ids(news, "Rapidus Da Nang semi-conducteurs");
    expect(rapidus[0]).toBe(atom?.added[0]);
    const answer = ranker.answer(
      "Combien de chercheurs accueillera le centre de recherche sur l'hydrogène vert ?",
    );
    expect(answer.found).toBe(true);
    expect(answer.answer).toMatch(/soixantaine de chercheurs/);
    expect(answer.citations[0]?.id).toBe(rss?.added[0]);
    const port = ranker.answer("De combien de jours la ligne réduira-t-elle le délai de livraison ?");
    expect(port.found).toBe(true);
    expect(port.answer).toMatch(/quatre jours/);

    // the page's main text only: no navigation, sidebar, footer or script
    const caiMep = news.articles.find((a) => a.title.startsWith("Le port de Cai Mep"));
    expect(caiMep?.body).toMatch(/^L'armateur japonais Ocean Network Express/);
    expect(caiMep?.body).not.toMatch(/Les plus lus|Tous droits|tracking|Accueil/);
    expect(caiMep).toMatchObject({ date: "2026-03-10", source: "Le Courrier de Hanoï", lang: "fr" });
    expect(caiMep?.url).toBe(`${site.url}/articles/cai-mep.html`);
    // the importer's cleaning ran: caption and agency signature gone
    const hydrogen = news.articles.find((a) => a.id === rss?.added[0]);
    expect(hydrogen?.body).not.toMatch(/Photo :|\bVNA\b/);
    expect(hydrogen?.date).toBe("2026-03-11");
  });

  it("stores articles durably: they load at start-up and are not re-added after a restart", async () => {
    const first = await setup(["/rss.xml", "/atom.xml"]);
    const added = (await first.ingester.runOnce()).flatMap((r) => r.added);
    expect(added).toHaveLength(3);

    // restart: corpus + ingested folder loaded again, same database
    const { articles, problems } = await loadCorpus([SEEDS, join(dir, "ingested")]);
    expect(problems).toEqual([]);
    expect(articles.map((a) => a.id)).toEqual(expect.arrayContaining(added));
    const news = createNewsIndex(articles);
    const store = openStore();
    const ingester = createIngester({
      store,
      news,
      writer: createCorpusFileWriter(join(dir, "ingested")),
      allowPrivateOperatorFeeds: true,
    });
    site.set("/rss.xml", `${(await import("./fixtures/feeds/site.ts")).fixture("rss.xml")}\n`); // new ETag
    const reports = await ingester.runOnce({ force: true });
    expect(reports.flatMap((r) => r.added)).toEqual([]);
    expect(reports.find((r) => r.url.endsWith("/rss.xml"))?.seen).toBe(2);
    expect(news.articles).toHaveLength(first.seeds + 3);
  });

  it("does not add a republished story twice (new GUID and URL, same text)", async () => {
    const { news, ingester, store } = await setup(["/rss.xml"]);
    await ingester.runOnce();
    const before = news.articles.length;
    // another feed republishes the hydrogen story under its own id, link and title
    await store.addFeed(`${site.url}/atom.xml`, "config", new Date().toISOString());
    const reports = await ingester.runOnce();
    const atom = reports.find((r) => r.url.endsWith("/atom.xml"));
    expect(atom?.duplicates).toBe(1);
    expect(atom?.added).toHaveLength(1); // only Rapidus
    expect(news.articles).toHaveLength(before + 1);
    expect(news.articles.filter((a) => /hydrogène/i.test(a.title))).toHaveLength(1);
    const feed = (await store.listFeeds()).find((f) => f.url.endsWith("/atom.xml"));
    expect(feed).toMatchObject({ articlesAdded: 1, duplicates: 1 });
  });

  it("reports a broken feed while the others ingest, and backs it off", async () => {
    const { ingester, store } = await setup(["/broken.xml", "/rss.xml", "/missing.xml"]);
    const reports = await ingester.runOnce();
    const broken = reports.find((r) => r.url.endsWith("/broken.xml"));
    expect(broken?.status).toBe("error");
    expect(broken?.error).toMatch(/malformed XML/);
    expect(reports.find((r) => r.url.endsWith("/missing.xml"))?.error).toMatch(/HTTP 404/);
    expect(reports.find((r) => r.url.endsWith("/rss.xml"))?.added).toHaveLength(2);

    const feed = (await store.listFeeds()).find((f) => f.url.endsWith("/broken.xml"));
    expect(feed?.failures).toBe(1);
    expect(feed?.lastError).toMatch(/malformed XML/);
    expect(feed?.lastSuccessAt).toBeUndefined();
    // not polled again before its back-off is over
    const polled = site.requests.filter((r) => r.path === "/broken.xml").length;
    const again = await ingester.runOnce();
    expect(again.find((r) => r.url.endsWith("/broken.xml"))?.status).toBe("backing-off");
    expect(site.requests.filter((r) => r.path === "/broken.xml")).toHaveLength(polled);
  });

  it("two processes on one database poll a due feed once; a dead holder's lease is taken over once expired", async () => {
    const { ingester: one, store } = await setup(["/rss.xml"], { holder: "one" });
    const { ingester: other } = await setup([], { holder: "other" }); // a second connection to the same file
    const fetches = () => site.requests.filter((r) => r.path === "/rss.xml").length;
    const [a, b] = await Promise.all([one.runOnce(), other.runOnce()]);
    expect(fetches()).toBe(1);
    expect([...a, ...b].filter((r) => r.url.endsWith("/rss.xml")).map((r) => r.status)).toEqual(["ok"]);
    // a holder that died mid-poll: its lease (10 min) keeps the feed until it expires
    let clock = Date.now() + 60 * 60_000;
    const feed = (await store.listFeeds())[0];
    if (!feed) throw new Error("no feed");
    await store.takeLease(
      feed.id,
      "dead",
      new Date(clock).toISOString(),
      new Date(clock + 600_000).toISOString(),
    );
    const { ingester: later } = await setup([], { holder: "later", now: () => new Date(clock) });
    await later.runOnce();
    expect(fetches()).toBe(1);
    clock += 11 * 60_000;
    await later.runOnce();
    expect(fetches()).toBe(2);
  });

  it("backs off exponentially and recovers", async () => {
    let clock = Date.parse("2026-03-12T10:00:00Z");
    const { ingester, store } = await setup(["/broken.xml"], {
      now: () => new Date(clock),
      backoffBaseMs: 60_000,
    });
    const next = async () => Date.parse((await store.listFeeds())[0]?.nextAttemptAt ?? "") - clock;
    await ingester.runOnce();
    expect(await next()).toBe(60_000);
    clock += 60_000;
    await ingester.runOnce();
    expect(await next()).toBe(120_000);
    clock += 120_000;
    await ingester.runOnce();
    expect(await next()).toBe(240_000);
    site.set("/broken.xml", rssWithLinks("Réparé", []), "application/rss+xml");
    clock += 240_000;
    const [report] = await ingester.runOnce();
    expect(report?.status).toBe("ok");
    expect((await store.listFeeds())[0]).toMatchObject({ failures: 0, title: "Réparé" });
  });

  it("honours conditional requests: ETag and Last-Modified, 304, nothing re-added", async () => {
    const { news, ingester } = await setup(["/rss.xml", "/atom.xml"]);
    await ingester.runOnce({ force: true });
    const count = news.articles.length;
    site.requests.length = 0;
    const reports = await ingester.runOnce({ force: true });
    const rssReq = site.requests.find((r) => r.path === "/rss.xml");
    const atomReq = site.requests.find((r) => r.path === "/atom.xml");
    expect(rssReq?.headers["if-none-match"]).toMatch(/^"/);
    expect(rssReq?.status).toBe(304);
    expect(atomReq?.headers["if-modified-since"]).toBe("Wed, 11 Mar 2026 09:00:00 GMT");
    expect(atomReq?.status).toBe(304);
    expect(reports.map((r) => r.status)).toEqual(["not-modified", "not-modified"]);
    expect(news.articles).toHaveLength(count);
    expect(site.requests.some((r) => r.path.startsWith("/articles/"))).toBe(false);
  });

  it("records a clear error for slow, huge, looping and non-HTML pages, and retries them later", async () => {
    let clock = Date.parse("2026-03-12T10:00:00Z");
    const { news, ingester, store } = await setup(["/hostile.xml"], { now: () => new Date(clock) });
    // items with no text of their own: nothing to keep when their page fails
    const links = ["/slow", "/huge", "/loop-a", "/pdf", "/gone", "/moved.html"].map((p) => ({
      title: `Article ${p.slice(1)}`,
      link: `${site.url}${p}`,
      description: "",
    }));
    site.set("/hostile.xml", rssWithLinks("Hostile", links), "application/rss+xml");
    const [report] = await ingester.runOnce();
    expect(report?.status).toBe("ok");
    const errors = Object.fromEntries((report?.failed ?? []).map((f) => [new URL(f.key).pathname, f.error]));
    expect(errors["/slow"]).toMatch(/timeout/);
    expect(errors["/huge"]).toMatch(/too large/);
    expect(errors["/loop-a"]).toMatch(/redirect loop/);
    expect(errors["/pdf"]).toMatch(/not an HTML page \(content type application\/pdf\)/);
    expect(errors["/gone"]).toMatch(/HTTP 404/);
    expect(report?.added).toHaveLength(1); // the redirect to a real page was followed
    expect(await store.listFailures()).toHaveLength(5);
    expect((await store.listFailures())[0]).toMatchObject({ attempts: 1 });

    // not retried before the back-off; retried after, and a fixed page gets in
    const paragraph = (n: number) =>
      `<p>Le paragraphe ${n} explique que le port de Lach Huyen, près de Hai Phong, recevra ${n * 3} grues japonaises livrées par Mitsui avant la fin de l'année, selon l'autorité portuaire.</p>`;
    site.set(
      "/pdf",
      `<html lang="fr"><body><article><h1>Grues japonaises à Lach Huyen</h1>${[1, 2, 3, 4, 5].map(paragraph).join("")}</article></body></html>`,
    );
    expect(await ingester.retryFailedItems()).toEqual([]);
    clock += 61_000;
    const before = news.articles.length;
    const retried = await ingester.runOnce();
    expect(retried.flatMap((r) => r.added)).toHaveLength(1);
    expect(news.articles).toHaveLength(before + 1);
    expect(await store.listFailures()).toHaveLength(4);
    expect((await store.listFailures()).every((f) => f.attempts === 2)).toBe(true);
  });

  it("keeps the feed's own text, marked as a summary, when an item's page cannot be fetched", async () => {
    const { news, ingester, store } = await setup(["/summaries.xml"]);
    // distinct stories (items with the same text would be one story, deduplicated)
    const topics = [
      "a voté le budget des transports publics et la rénovation des gares routières",
      "prévoit trois nouvelles lignes de tramway desservant les quartiers nord",
      "double les pistes cyclables le long du fleuve après une consultation des habitants",
      "ouvre un appel d'offres pour des autobus électriques livrés en deux ans",
      "rend gratuits les transports scolaires pour les collégiens de la métropole",
    ];
    const summary = (n: number) => `Le conseil municipal ${topics[n - 1]}.`;
    const links = ["/gone", "/slow", "/pdf", "/loop-a", "/moved.html"].map((p, i) => ({
      title: `Budget des transports ${i + 1}`,
      link: `${site.url}${p}`,
      description: summary(i + 1),
    }));
    site.set("/summaries.xml", rssWithLinks("Résumés", links), "application/rss+xml");
    const [report] = await ingester.runOnce();
    expect(report?.failed).toEqual([]);
    expect(report?.added).toHaveLength(5);
    expect(await store.listFailures()).toEqual([]);
    const added = news.articles.filter((a) => report?.added.includes(a.id));
    const kept = added.filter((a) => a.summary === true);
    expect(kept.map((a) => a.title).sort()).toEqual([
      "Budget des transports 1",
      "Budget des transports 2",
      "Budget des transports 3",
      "Budget des transports 4",
    ]);
    expect(kept.map((a) => a.body).join(" ")).toContain("a voté le budget des transports publics");
    // the one whose page could be read has the page's text, not marked
    expect(added.find((a) => a.title === "Budget des transports 5")?.summary).toBeUndefined();
    // the mark survives a restart: the written corpus file says so
    const files = readdirSync(join(dir, "ingested"), { recursive: true, encoding: "utf8" });
    const texts = files
      .filter((f) => f.endsWith(".md"))
      .map((f) => readFileSync(join(dir, "ingested", f), "utf8"));
    expect(texts.filter((t) => /^summary: true$/m.test(t)).length).toBeGreaterThanOrEqual(4);
  });

  it("limits the feed document itself: slow, huge, redirect loop, not a feed", async () => {
    site.set("/page.xml", "<!doctype html><html><body><p>Bienvenue</p></body></html>", "text/html");
    const { ingester } = await setup(["/slow.xml", "/huge.xml", "/loop-a", "/page.xml", "/rss.xml"]);
    const reports = await ingester.runOnce();
    const error = (p: string) => reports.find((r) => r.url.endsWith(p))?.error;
    expect(error("/slow.xml")).toMatch(/timeout/);
    expect(error("/huge.xml")).toMatch(/too large/);
    expect(error("/loop-a")).toMatch(/redirect loop/);
    expect(error("/page.xml")).toMatch(/HTML page, not an RSS or Atom feed/);
    expect(reports.find((r) => r.url.endsWith("/rss.xml"))?.added).toHaveLength(2);
  });
});

describe("feeds added from chat reach only public hosts", () => {
  it("refuses a chat-added feed on an internal address, and records why", async () => {
    const { store, ingester } = await setup([]);
    await store.addFeed(`${site.url}/rss.xml`, "slack:T1:U1", new Date().toISOString());
    const [report] = await ingester.runOnce({ force: true });
    expect(report?.status).toBe("error");
    expect(report?.error).toMatch(/refused, 127\.0\.0\.1 is a private or reserved address/);
    expect(site.requests).toHaveLength(0);
  });

  it("judges internal addresses, mapped IPv6 included", async () => {
    const { isBlockedAddress: isInternalAddress } = await import("../src/ingest/outbound-guard.ts");
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "192.168.0.9",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:a9fe:a9fe",
    ])
      expect(isInternalAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"])
      expect(isInternalAddress(a), a).toBe(false);
  });
});
