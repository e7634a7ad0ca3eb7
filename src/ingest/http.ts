// Fetching untrusted URLs with limits: one deadline for the whole exchange (redirects and body
// included), redirects followed by hand so they are counted and loops caught, every hop's host
// judged by the outbound guard (the connection itself resolves names through the guard's lookup,
// so the address checked is the one connected to), the body read up to a byte limit, the content
// type checked, and the text decoded from the declared charset. Every way it can go wrong is a
// `FetchError` with a `code` and a message a channel manager can read.
import { Agent, fetch as undiciFetch } from "undici";
import {
  type AddressJudge,
  BlockedHostError,
  blockedHost,
  blockedReason,
  createGuardedLookup,
  type Resolver,
} from "./outbound-guard.ts";

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
   * Let this fetch reach private, loopback and other internal addresses (an operator's intranet
   * feed, opted in with NEWSBOT_ALLOW_PRIVATE_FEEDS). Default false: every hop, redirects
   * included, must resolve to public addresses only.
   */
  allowPrivateHosts?: boolean;
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

async function readLimited(response: FetchResponse, maxBytes: number, url: string): Promise<Uint8Array> {
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

function refusedHost(url: URL, judge: AddressJudge): FetchError | undefined {
  const reason = blockedHost(url.hostname, judge);
  return reason === undefined
    ? undefined
    : new FetchError("blocked-host", `${url.href}: refused, ${reason} (only public addresses are fetched)`);
}

export interface FetchTextOptions {
  /** How guarded connections resolve names. Default: the system's DNS. */
  resolver?: Resolver;
  /** Which addresses are refused. Default `blockedReason`; tests stand a local server in for a public one. */
  judge?: AddressJudge;
}

/** A `FetchText`; every fetch is guarded unless the request sets `allowPrivateHosts`. */
export function createFetchText(options: FetchTextOptions = {}): FetchText {
  const judge = options.judge ?? blockedReason;
  const guarded = new Agent({ connect: { lookup: createGuardedLookup(options.resolver, judge) } });
  // the operator's opt-in: any address, still resolved by the same resolver
  const open = options.resolver
    ? new Agent({ connect: { lookup: createGuardedLookup(options.resolver, () => undefined, false) } })
    : new Agent();
  return (url, request = {}) =>
    request.allowPrivateHosts ? fetchWith(open, url, request) : fetchWith(guarded, url, request, judge);
}

async function fetchWith(
  dispatcher: Agent,
  url: string,
  request: FetchRequest,
  judge?: AddressJudge,
): Promise<FetchedText> {
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
      // a literal address never goes through the lookup hook: judge it here, on every hop
      const refused = judge ? refusedHost(current, judge) : undefined;
      if (refused) throw refused;
      const response = await undiciFetch(current, {
        redirect: "manual",
        signal,
        dispatcher,
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
      return await readResponse(response, current, request, maxBytes);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (signal.aborted)
      throw new FetchError("timeout", `${url}: no complete answer within ${timeoutMs / 1000} s (timeout)`);
    const cause = (error as Error & { cause?: Error }).cause;
    if (cause instanceof BlockedHostError)
      throw new FetchError(
        "blocked-host",
        `${current.href}: refused, ${cause.message} (only public addresses are fetched)`,
      );
    throw new FetchError("network", `${url}: ${cause?.message ?? (error as Error).message}`);
  }
}

type FetchResponse = Awaited<ReturnType<typeof undiciFetch>>;

async function readResponse(
  response: FetchResponse,
  current: URL,
  request: FetchRequest,
  maxBytes: number,
): Promise<FetchedText> {
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

/** Fetch `url` as text within the limits, public addresses only unless allowed; throws `FetchError`. */
export const fetchText: FetchText = createFetchText();

/** Content types a feed may come as: servers label feeds loosely (even `text/html`), so only
 * non-text types are refused here; the parser says when the text is not a feed. */
export function isFeedContentType(type: string): boolean {
  if (type === "") return true;
  return type.startsWith("text/") || type.endsWith("+xml") || type.endsWith("/xml");
}

export function isHtmlContentType(type: string): boolean {
  return type === "text/html" || type === "application/xhtml+xml";
}
