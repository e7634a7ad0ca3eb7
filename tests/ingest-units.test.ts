// Ingestion building blocks: feed parsing (RSS 2.0, Atom, RDF, malformed, not a feed), dates,
// content fingerprints and near-duplicates, HTML to paragraphs, feed URL validation, feeds admin
// (the folder's dependency rules are in architecture.test.ts).
import { describe, expect, it } from "vitest";
import { feedStatusLines } from "../commands/feed-list.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { contentFingerprint, createContentDeduper, jaccard, shingles } from "../src/ingest/dedup.ts";
import { FeedParseError, feedDate, parseFeed } from "../src/ingest/feed-parser.ts";
import { addFeed, listFeeds, validateFeedUrl } from "../src/ingest/feeds-admin.ts";
import { htmlToParagraphs } from "../src/ingest/html-text.ts";
import { openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedStore } from "../src/storage/feed-store.ts";
import { fixture } from "./fixtures/feeds/site.ts";

describe("feed parser", () => {
  it("reads RSS 2.0 with content:encoded, GUIDs, dates and language", () => {
    const feed = parseFeed(fixture("rss.xml"));
    expect(feed).toMatchObject({ format: "rss", title: "Le Courrier de Hanoï", lang: "fr" });
    expect(feed.items).toHaveLength(2);
    expect(feed.items[0]).toMatchObject({
      key: "courrier-2026-0311-hydrogene",
      title: "Hanoï et Tokyo inaugurent un centre de recherche sur l'hydrogène vert",
      date: "2026-03-11",
      link: "{{BASE}}/articles/hydrogene.html",
    });
    expect(feed.items[0]?.contentHtml).toMatch(/^<p>Le Vietnam et le Japon/);
    expect(feed.items[1]?.contentHtml).toBeUndefined();
  });

  it("reads Atom with the alternate link, id and HTML content", () => {
    const feed = parseFeed(fixture("atom.xml"));
    expect(feed).toMatchObject({
      format: "atom",
      title: "Asie Éco",
      lang: "fr",
      link: "https://asie-eco.example/",
    });
    expect(feed.items[0]).toMatchObject({
      key: "urn:asie-eco:2026:rapidus",
      link: "{{BASE}}/asie/rapidus.html",
      date: "2026-03-12",
    });
    expect(feed.items[0]?.contentHtml).toMatch(/^<p>Le fabricant japonais/);
  });

  it("reads RSS 1.0 (RDF)", () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title><dc:language>fr</dc:language></channel><item><title>Un</title><link>https://x.example/1</link><dc:date>2026-01-02T10:00:00Z</dc:date></item></rdf:RDF>`;
    expect(parseFeed(rdf).items).toEqual([
      {
        key: "https://x.example/1",
        title: "Un",
        link: "https://x.example/1",
        date: "2026-01-02",
        lang: "fr",
      },
    ]);
  });

  it("says what is wrong with a document that is not a feed", () => {
    expect(() => parseFeed(fixture("broken.xml"))).toThrow(FeedParseError);
    expect(() => parseFeed(fixture("broken.xml"))).toThrow(/malformed XML \(line 2\)/);
    expect(() => parseFeed(fixture("cai-mep.html"))).toThrow(/HTML page, not an RSS or Atom feed/);
    expect(() => parseFeed("<?xml version='1.0'?><error>quota</error>")).toThrow(/root element <error>/);
    expect(() => parseFeed("  ")).toThrow(/empty document/);
  });

  it("bounds entity expansion (billion laughs)", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]><rss version="2.0"><channel><title>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</title></channel></rss>`;
    let title = "";
    try {
      title = parseFeed(bomb).title ?? "";
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
    }
    expect(title.length).toBeLessThan(200_000);
  });

  it("takes the day a feed date names, without a time-zone shift", () => {
    expect(feedDate("Wed, 11 Mar 2026 00:30:00 +0700")).toBe("2026-03-11");
    expect(feedDate("2026-03-11T23:30:00-05:00")).toBe("2026-03-11");
    expect(feedDate("5 Jan 26 10:00 GMT")).toBe("2026-01-05");
    expect(feedDate("hier")).toBeUndefined();
  });
});

describe("content deduplication", () => {
  const body =
    fixture("rss.xml")
      .match(/<p>Le centre, financé[^<]+<\/p>/)?.[0]
      ?.slice(3, -4) ?? "";

  it("fingerprints ignore case, accents, punctuation and spacing", () => {
    expect(body.length).toBeGreaterThan(100);
    expect(contentFingerprint(body)).toBe(contentFingerprint(`  ${body.toUpperCase().replace(/,/g, " ")}  `));
    expect(contentFingerprint(body)).not.toBe(contentFingerprint(`${body} Encore.`));
  });

  it("finds a near-duplicate in the live index and among recent articles", () => {
    const news = createNewsIndex([
      { id: "a", title: "Centre de recherche", lang: "fr", body },
      {
        id: "b",
        title: "Autre chose",
        lang: "fr",
        body: "Le Premier ministre a reçu l'ambassadeur du Japon à Hanoï mardi.",
      },
    ]);
    const deduper = createContentDeduper(news);
    const reworded = {
      id: "c",
      title: "Hydrogène : le centre ouvre",
      lang: "fr",
      body: `${body} Il ouvrira en mai.`,
    };
    expect(deduper.check(reworded)).toMatchObject({ of: "a", kind: "near" });
    expect(
      deduper.check({
        id: "d",
        title: "Autre",
        lang: "fr",
        body: "Rien à voir avec ce qui précède, vraiment rien du tout.",
      }),
    ).toBeUndefined();
    const fresh = {
      id: "e",
      title: "Nouveau",
      lang: "fr",
      body: "Un texte tout neuf sur les grues japonaises livrées au port de Lach Huyen cette semaine.",
    };
    deduper.remember(fresh);
    expect(deduper.check({ ...fresh, id: "f" })).toMatchObject({ of: "e", kind: "exact" });
    expect(jaccard(shingles(body), shingles(body))).toBe(1);
  });
});

describe("HTML to paragraphs", () => {
  it("keeps block structure and drops scripts, figures and captions", () => {
    expect(
      htmlToParagraphs(
        "<p>Un <b>deux</b></p><figure><img/><figcaption>Photo</figcaption></figure><script>x()</script><div>trois<br>quatre</div><ul><li>cinq</li></ul>&amp; six",
      ),
    ).toEqual(["Un deux", "trois quatre", "cinq", "& six"]);
  });
});

describe("feeds admin", () => {
  it("validates feed URLs", () => {
    expect(validateFeedUrl("<https://news.example/rss#x>")).toEqual({
      ok: true,
      url: "https://news.example/rss",
    });
    expect(validateFeedUrl("ftp://news.example/rss")).toMatchObject({ ok: false });
    expect(validateFeedUrl("https://user:pw@news.example/rss")).toMatchObject({ ok: false });
    expect(validateFeedUrl("http://127.0.0.1:8080/rss")).toMatchObject({
      ok: false,
      error: /privé ou local/,
    });
    expect(validateFeedUrl("http://169.254.169.254/latest")).toMatchObject({ ok: false });
    expect(validateFeedUrl("http://[::1]/rss")).toMatchObject({ ok: false });
    expect(validateFeedUrl("http://127.0.0.1:8080/rss", { allowPrivateHosts: true })).toMatchObject({
      ok: true,
    });
    expect(validateFeedUrl("pas une url")).toMatchObject({ ok: false });
  });

  it("adds a feed once (probing it), and lists feeds with their health and counts", async () => {
    const db = openDatabase(":memory:");
    const store = createSqliteFeedStore(db);
    const fetchText = async (url: string) => ({
      status: 200,
      url,
      contentType: "application/rss+xml",
      text: url.endsWith("/rss") ? fixture("rss.xml") : fixture("cai-mep.html"),
    });
    const options = { addedBy: "U1", fetchText };
    expect(await addFeed(store, "https://news.example/rss", options)).toMatchObject({
      ok: true,
      created: true,
      message: expect.stringContaining("Flux ajouté : Le Courrier de Hanoï"),
    });
    expect(await addFeed(store, "https://news.example/rss", options)).toMatchObject({
      ok: true,
      created: false,
    });
    expect(await addFeed(store, "https://news.example/page", options)).toMatchObject({
      ok: false,
      message: /HTML page, not an RSS or Atom feed/,
    });
    const [feed] = await store.listFeeds();
    if (!feed) throw new Error("no feed");
    await store.recordSuccess(feed.id, { at: "2026-03-12T10:00:00.000Z" });
    await store.addCounts(feed.id, 7, 2);
    await store.recordFailure(feed.id, "HTTP 503", "2026-03-12T11:00:00.000Z", "2026-03-12T11:01:00.000Z");
    expect(await listFeeds(store)).toEqual([
      expect.objectContaining({ articlesAdded: 7, duplicates: 2, failures: 1, lastError: "HTTP 503" }),
    ]);
    const [view] = await listFeeds(store);
    if (!view) throw new Error("no feed view");
    const text = feedStatusLines(view, "fr").join("\n");
    expect(text).toMatch(
      /dernier succès : 12 mars 2026 10:00 UTC · articles ajoutés : 7 · doublons écartés : 2/,
    );
    expect(text).toMatch(/dernière erreur \(12 mars 2026 11:00 UTC, 1 de suite\) : HTTP 503/);
    // recovered since: the error is shown as the previous one
    await store.recordSuccess(feed.id, { at: "2026-03-12T12:00:00.000Z" });
    const [recovered] = await listFeeds(store);
    if (!recovered) throw new Error("no feed view");
    expect(feedStatusLines(recovered, "en").join("\n")).toMatch(/HTTP 503/);
    expect(validateFeedUrl("ftp://news.example/rss", { locale: "en" })).toMatchObject({
      ok: false,
      error: "only http:// and https:// addresses are accepted",
    });
    db.close();
  });
});
