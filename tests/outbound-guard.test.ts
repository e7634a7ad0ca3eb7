// The one outbound-fetch guard: every special IPv4 and IPv6 range is refused (IPv6 spellings that
// carry an IPv4 address judged by it), for chat and operator feeds alike unless the operator opts
// in; literal hosts, redirect hops and resolved names are all judged, and the connection goes to
// the address that was judged, so a name that switches to loopback (DNS rebinding) is refused.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/index.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";
import { createMemoryWriter } from "../src/ingest/corpus-writer.ts";
import { validateFeedUrl } from "../src/ingest/feeds-admin.ts";
import { createFetchText, FetchError } from "../src/ingest/http.ts";
import { createIngester } from "../src/ingest/ingester.ts";
import { blockedHost, blockedReason, createGuardedLookup } from "../src/ingest/outbound-guard.ts";
import { openDatabase } from "../src/storage/database.ts";
import { createSqliteFeedStore } from "../src/storage/feed-store.ts";

const REFUSED = [
  // IPv4
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "this network"],
  ["10.1.2.3", "private"],
  ["100.64.0.1", "carrier-grade NAT"],
  ["100.127.255.254", "carrier-grade NAT, end"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback, end"],
  ["169.254.169.254", "cloud metadata"],
  ["169.254.0.1", "link-local"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private, end"],
  ["192.0.0.170", "IETF protocol assignments (NAT64 discovery)"],
  ["192.0.2.1", "documentation"],
  ["192.88.99.1", "6to4 relay"],
  ["192.168.1.1", "private"],
  ["198.18.0.1", "benchmarking"],
  ["198.51.100.7", "documentation"],
  ["203.0.113.9", "documentation"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast (SSDP)"],
  ["240.0.0.1", "reserved"],
  ["255.255.255.255", "broadcast"],
  // IPv6
  ["::", "unspecified"],
  ["::1", "loopback"],
  ["::7f00:1", "IPv4-compatible loopback (hex)"],
  ["::127.0.0.1", "IPv4-compatible loopback (dotted)"],
  ["::a9fe:a9fe", "IPv4-compatible metadata"],
  ["::8.8.8.8", "IPv4-compatible (deprecated), even public"],
  ["::ffff:127.0.0.1", "mapped loopback"],
  ["::ffff:7f00:1", "mapped loopback (hex)"],
  ["::ffff:a9fe:a9fe", "mapped metadata"],
  ["::ffff:10.0.0.1", "mapped private"],
  ["0:0:0:0:0:ffff:7f00:0001", "mapped loopback, long form"],
  ["::ffff:0:7f00:1", "IPv4-translated"],
  ["64:ff9b::7f00:1", "NAT64 of loopback"],
  ["64:ff9b::169.254.169.254", "NAT64 of metadata"],
  ["64:ff9b:1::1", "local-use NAT64"],
  ["2002:7f00:1::", "6to4 of loopback"],
  ["2002:a9fe:a9fe::1", "6to4 of metadata"],
  ["2002:c0a8:101::1", "6to4 of 192.168.1.1"],
  ["2001::1", "Teredo"],
  ["2001:db8::1", "documentation"],
  ["100::1", "discard-only"],
  ["fc00::1", "unique local"],
  ["fd00:ec2::254", "unique local (cloud metadata)"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local with a zone"],
  ["febf::1", "link-local, end"],
  ["fec0::1", "site-local"],
  ["feff::1", "site-local, end"],
  ["ff02::1", "multicast"],
  ["ff05::1:3", "multicast"],
] as const;

const PUBLIC = [
  "8.8.8.8",
  "93.184.216.34",
  "100.63.255.255",
  "100.128.0.0",
  "172.15.255.255",
  "172.32.0.0",
  "192.88.100.1",
  "2606:4700:4700::1111",
  "2001:4860:4860::8888",
  "::ffff:8.8.8.8",
  "::ffff:808:808",
  "64:ff9b::808:808",
  "2002:808:808::1",
];

describe("which addresses may be reached", () => {
  it.each(REFUSED)("refuses %s (%s)", (address) => {
    expect(blockedReason(address)).toBeDefined();
    // as a literal host of a URL, in brackets for IPv6, with and without the opt-in's absence
    const host = address.includes(":") ? `[${address.replace(/%.*$/, "")}]` : address;
    expect(blockedHost(new URL(`http://${host}/`).hostname)).toBeDefined();
    expect(validateFeedUrl(`http://${host}/rss`)).toMatchObject({ ok: false });
  });

  it.each(PUBLIC)("lets %s through", (address) => {
    expect(blockedReason(address)).toBeUndefined();
  });

  it("refuses local names before any lookup, and URLs that spell 127.0.0.1 otherwise", () => {
    for (const host of [
      "localhost",
      "LOCALHOST.",
      "db.localhost",
      "printer.local",
      "metadata.google.internal",
    ])
      expect(blockedHost(host), host).toBeDefined();
    for (const url of ["http://2130706433/", "http://0x7f.1/", "http://017700000001/", "http://127.1/"])
      expect(blockedHost(new URL(url).hostname), url).toBeDefined();
    expect(blockedHost("news.example.org")).toBeUndefined();
  });

  it("refuses a name when any of its addresses is internal", async () => {
    const lookup = createGuardedLookup(async () => [
      { address: "93.184.216.34", family: 4 },
      { address: "::1", family: 6 },
    ]);
    const error = await new Promise<Error | null>((resolve) => lookup("mixed.test", { all: true }, resolve));
    expect(error?.message).toMatch(/mixed\.test resolves to a refused address: ::1/);
  });

  it("reads NEWSBOT_ALLOW_PRIVATE_FEEDS (off by default)", () => {
    expect(loadConfig({}).ingest.allowPrivateFeeds).toBe(false);
    expect(loadConfig({ NEWSBOT_ALLOW_PRIVATE_FEEDS: "on" }).ingest.allowPrivateFeeds).toBe(true);
    expect(() => loadConfig({ NEWSBOT_ALLOW_PRIVATE_FEEDS: "maybe" })).toThrow(/NEWSBOT_ALLOW_PRIVATE_FEEDS/);
  });
});

// Local servers: one on 127.0.0.1 stands in for a public web server (the only address the test's
// judge lets through; every other address meets the real rules), one on 127.0.0.2, same port,
// stands for the internal service an attacker wants to reach.
interface Local {
  server: Server;
  requests: string[];
}
let servers: Local[] = [];
afterEach(async () => {
  for (const s of servers) {
    s.server.closeAllConnections();
    await new Promise<void>((r) => s.server.close(() => r()));
  }
  servers = [];
});

async function serve(
  host: string,
  port: number,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Local & { port: number }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? "");
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(port, host, r));
  const local = { server, requests };
  servers.push(local);
  const address = server.address();
  return { ...local, port: typeof address === "object" && address ? address.port : port };
}

const feed = (res: ServerResponse) =>
  res.writeHead(200, { "content-type": "application/rss+xml", connection: "close" }).end("<rss/>");
const STAND_IN = "127.0.0.1";
const judge = (address: string) => (address === STAND_IN ? undefined : blockedReason(address));

async function refusal(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("every fetch is guarded, redirect hops included", () => {
  it("refuses each redirect to an internal address, literal or by name", async () => {
    const internal = await serve("127.0.0.2", 0, (_req, res) => feed(res));
    const targets: Record<string, string> = {
      "/to-metadata": "http://169.254.169.254/latest/meta-data/",
      "/to-compat": `http://[::7f00:1]:${internal.port}/`,
      "/to-nat64": `http://[64:ff9b::7f00:2]:${internal.port}/`,
      "/to-6to4": `http://[2002:7f00:2::]:${internal.port}/`,
      "/to-site-local": `http://[fec0::1]:${internal.port}/`,
      "/to-name": `http://intranet.test:${internal.port}/`,
      "/to-localhost": `http://localhost:${internal.port}/`,
    };
    const site = await serve(STAND_IN, 0, (req, res) => {
      res.writeHead(302, { location: targets[req.url ?? ""] ?? "/", connection: "close" }).end();
    });
    const resolver = async (name: string) =>
      name === "news.test" ? [{ address: STAND_IN, family: 4 }] : [{ address: "127.0.0.2", family: 4 }];
    const fetchText = createFetchText({ resolver, judge });
    for (const path of Object.keys(targets)) {
      const error = await refusal(fetchText(`http://news.test:${site.port}${path}`, { timeoutMs: 3000 }));
      expect(error.code, path).toBe("blocked-host");
    }
    expect(site.requests).toHaveLength(Object.keys(targets).length); // every first hop was made
    expect(internal.requests).toEqual([]); // no redirect reached the internal service
  });

  it("a name that answers public, then loopback (DNS rebinding), never reaches loopback", async () => {
    const site = await serve(STAND_IN, 0, (_req, res) => feed(res));
    const internal = await serve("127.0.0.2", site.port, (_req, res) => feed(res));
    const answers: string[] = [];
    const resolver = async () => {
      const address = answers.length === 0 ? STAND_IN : "127.0.0.2";
      answers.push(address);
      return [{ address, family: 4 }];
    };
    const fetchText = createFetchText({ resolver, judge });
    const url = `http://rebind.test:${site.port}/feed.xml`;
    expect((await fetchText(url)).text).toBe("<rss/>"); // the public answer: fetched
    for (let i = 0; i < 3; i++) {
      const error = await refusal(fetchText(url, { timeoutMs: 3000 }));
      expect(error.code).toBe("blocked-host");
      expect(error.message).toMatch(/rebind\.test resolves to a refused address: 127\.0\.0\.2/);
    }
    expect(answers).toEqual([STAND_IN, "127.0.0.2", "127.0.0.2", "127.0.0.2"]); // one lookup per connection
    expect(site.requests).toEqual(["/feed.xml"]);
    expect(internal.requests).toEqual([]);
  });

  it("the default fetcher refuses loopback; the operator's opt-in reaches it", async () => {
    const site = await serve(STAND_IN, 0, (_req, res) => feed(res));
    const fetchText = createFetchText();
    const url = `http://127.0.0.1:${site.port}/feed.xml`;
    expect((await refusal(fetchText(url))).code).toBe("blocked-host");
    expect((await refusal(fetchText(`http://localhost:${site.port}/feed.xml`))).code).toBe("blocked-host");
    expect(site.requests).toEqual([]);
    expect((await fetchText(url, { allowPrivateHosts: true })).text).toBe("<rss/>");
  });
});

describe("the ingester guards the operator's feeds and their item pages too", () => {
  const rss = (link: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Site</title><link>http://news.test/</link>` +
    `<item><title>Un titre</title><link>${link}</link><guid>g1</guid><description>Un résumé court.</description></item>` +
    "</channel></rss>";

  async function ingestOnce(feedUrl: string, allowPrivateOperatorFeeds: boolean, resolverTarget = STAND_IN) {
    const db = openDatabase(":memory:");
    const store = createSqliteFeedStore(db);
    await store.addFeed(feedUrl, "config", new Date().toISOString());
    const ingester = createIngester({
      store,
      news: createNewsIndex([]),
      writer: createMemoryWriter(),
      fetchText: createFetchText({ resolver: async () => [{ address: resolverTarget, family: 4 }], judge }),
      allowPrivateOperatorFeeds,
    });
    try {
      return await ingester.runOnce({ force: true });
    } finally {
      db.close();
    }
  }

  it("refuses an item page on an internal address, even for a configured feed", async () => {
    const internal = await serve("127.0.0.2", 0, (_req, res) => feed(res));
    const site = await serve(STAND_IN, 0, (_req, res) =>
      res
        .writeHead(200, { "content-type": "application/rss+xml", connection: "close" })
        .end(rss(`http://[::ffff:127.0.0.2]:${internal.port}/article.html`)),
    );
    const [report] = await ingestOnce(`http://news.test:${site.port}/rss.xml`, false);
    expect(report?.status).toBe("ok");
    // the item keeps the feed's own text; the page's refusal is reported with it
    expect(report?.summaries?.[0]?.error).toMatch(/refused, .*127\.0\.0\.2/);
    expect(internal.requests).toEqual([]);
  });

  it("refuses a configured feed on a private host unless the operator opts in, and says how", async () => {
    const internal = await serve("127.0.0.2", 0, (_req, res) =>
      res.writeHead(200, { "content-type": "application/rss+xml", connection: "close" }).end(rss("g")),
    );
    const url = `http://intranet.test:${internal.port}/rss.xml`;
    const [refused] = await ingestOnce(url, false, "127.0.0.2");
    expect(refused?.status).toBe("error");
    expect(refused?.error).toMatch(/for an intranet feed set NEWSBOT_ALLOW_PRIVATE_FEEDS=on/);
    expect(internal.requests).toEqual([]);
    const [allowed] = await ingestOnce(url, true, "127.0.0.2");
    expect(allowed?.error).toBeUndefined();
    expect(internal.requests).toEqual(["/rss.xml"]);
  });
});
