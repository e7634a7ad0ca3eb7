// Fetching untrusted URLs with limits: one deadline for the whole exchange (redirects and body
// included), redirects followed by hand so they are counted and loops caught, the body read up to
// a byte limit, the content type checked, and the text decoded from the declared charset. Every
// way it can go wrong is a `FetchError` with a `code` and a message a channel manager can read.

import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

export type FetchErrorCode =
  | "bad-url"
  | "timeout"
  | "network"
  | "too-large"
  | "redirect-loop"
  | "too-many-redirects"
  | "http-status"
  | "bad-content-type"
  | "blocked-host";

export class FetchError extends Error {
  override name = "FetchError";
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchLimits {
  /** Deadline for the whole exchange, redirects and body included. Default 10,000 ms. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes. Default 5 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
}

export interface FetchRequest extends FetchLimits {
  headers?: Record<string, string>;
  /** Decides whether a content type (lower case, without parameters; "" when absent) is acceptable. */
  accept?: (contentType: string) => boolean;
  /** What is expected, for the error message (`an HTML page`, `a feed`). */
  expected?: string;
  /**
   * Refuse hosts on private, loopback, link-local or otherwise internal addresses, checked on every
   * hop after DNS resolution (an untrusted URL must not reach the bot's own network).
   */
  publicOnly?: boolean;
}

export interface FetchedText {
  /** 200 with a body, or 304 Not Modified (empty text). */
  readonly status: number;
  /** The URL after redirects. */
  readonly url: string;
  readonly contentType: string;
  readonly text: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchText = (url: string, request?: FetchRequest) => Promise<FetchedText>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  INTERNAL.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 127],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  INTERNAL.addSubnet(net, prefix, "ipv6");

/** Is this IP address internal? IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is judged as IPv4. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return INTERNAL.check(mapped[1], "ipv4");
  const family = isIP(address);
  if (family === 4) return INTERNAL.check(address, "ipv4");
  if (family === 6) {
    // ::ffff:7f00:1 is the hexadecimal spelling of a mapped IPv4 address
    const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
    if (hex?.[1] && hex[2]) {
      const a = Number.parseInt(hex[1], 16);
      const b = Number.parseInt(hex[2], 16);
      return INTERNAL.check(`${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`, "ipv4");
    }
    return INTERNAL.check(address, "ipv6");
  }
  return true;
}

async function assertPublicHost(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch (error) {
      throw new FetchError("network", `${url.href}: cannot resolve ${host} (${(error as Error).message})`);
    }
  }
  const internal = addresses.find(isInternalAddress);
  if (internal !== undefined || addresses.length === 0)
    throw new FetchError(
      "blocked-host",
      `${url.href}: ${host} is an internal address (${internal ?? "none"})`,
    );
}

function kib(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** The charset a body declares: the header's, else an XML prolog's or an HTML meta's. */
function charsetOf(contentTypeHeader: string, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentTypeHeader)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const ascii = new TextDecoder("latin1").decode(head.subarray(0, 1024));
  const declared =
    /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(ascii)?.[1] ??
    /<meta[^>]*charset\s*=\s*["']?([\w.:-]+)/i.exec(ascii)?.[1];
  return (declared ?? "utf-8").toLowerCase();
}

function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes); // unknown label: assume UTF-8
  }
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchError("too-large", `${url}: too large (${kib(declared)}; the limit is ${kib(maxBytes)})`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new FetchError("too-large", `${url}: too large (over ${kib(maxBytes)}, the limit)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Fetch `url` as text within the limits; throws `FetchError`. */
export const fetchText: FetchText = async (url, request = {}) => {
  const timeoutMs = request.timeoutMs ?? 10_000;
  const maxBytes = request.maxBytes ?? 5 * 1024 * 1024;
  const maxRedirects = request.maxRedirects ?? 5;
  const signal = AbortSignal.timeout(timeoutMs);
  const visited = new Set<string>();
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new FetchError("bad-url", `${url}: not a valid URL`);
  }
  try {
    for (let hop = 0; ; hop++) {
      if (current.protocol !== "http:" && current.protocol !== "https:")
        throw new FetchError("bad-url", `${current.href}: only http and https URLs are fetched`);
      visited.add(current.href);
      if (request.publicOnly) await assertPublicHost(current);
      const response = await fetch(current, {
        redirect: "manual",
        signal,
        headers: { "user-agent": "newsbot/0.1 (+feed ingestion)", ...request.headers },
      });
      if (REDIRECTS.has(response.status)) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get("location");
        if (!location)
          throw new FetchError(
            "http-status",
            `${current.href}: redirect without a Location`,
            response.status,
          );
        const next = new URL(location, current);
        if (visited.has(next.href))
          throw new FetchError("redirect-loop", `${url}: redirect loop (${current.href} → ${next.href})`);
        if (hop + 1 > maxRedirects)
          throw new FetchError("too-many-redirects", `${url}: more than ${maxRedirects} redirects`);
        current = next;
        continue;
      }
      const contentTypeHeader = response.headers.get("content-type") ?? "";
      const contentType = (contentTypeHeader.split(";")[0] ?? "").trim().toLowerCase();
      const validators = {
        ...(response.headers.get("etag") ? { etag: response.headers.get("etag") as string } : {}),
        ...(response.headers.get("last-modified")
          ? { lastModified: response.headers.get("last-modified") as string }
          : {}),
      };
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return { status: 304, url: current.href, contentType, text: "", ...validators };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => {});
        throw new FetchError(
          "http-status",
          `${current.href}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`,
          response.status,
        );
      }
      if (request.accept && !request.accept(contentType)) {
        await response.body?.cancel().catch(() => {});
        throw new FetchError(
          "bad-content-type",
          `${current.href}: not ${request.expected ?? "an accepted document"} (content type ${contentType || "missing"})`,
        );
      }
      const bytes = await readLimited(response, maxBytes, current.href);
      const text = decode(bytes, charsetOf(contentTypeHeader, bytes));
      return { status: response.status, url: current.href, contentType, text, ...validators };
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted)
      throw new FetchError("timeout", `${url}: no complete answer within ${timeoutMs / 1000} s (timeout)`);
    const cause = (error as Error & { cause?: Error }).cause;
    throw new FetchError("network", `${url}: ${cause?.message ?? (error as Error).message}`);
  }
};

/** Content types a feed may come as: servers label feeds loosely (even `text/html`), so only
 * non-text types are refused here; the parser says when the text is not a feed. */
export function isFeedContentType(type: string): boolean {
  if (type === "") return true;
  return type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml");
}

export function isHtmlContentType(type: string): boolean {
  return type === "text/html" || type === "application/xhtml+xml";
}
