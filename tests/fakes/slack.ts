// A local fake Slack: the Web API (`/api/<method>`, enough for Bolt's auth.test, users.info with
// the user's locale, users.conversations, views.publish (App Home), chat.postMessage
// with message metadata, conversations.history with `oldest`, `include_all_metadata` and cursor
// pages) and response URLs (`/respond/<id>`) that record what the bot posts, faults injected into
// chat.postMessage (a slow answer after the message is posted, a connection cut after the body is
// read, a status), plus a signer that builds slash-command and block-action requests exactly as
// Slack signs them (HMAC-SHA256 of `v0:ts:body`).
import { createHmac } from "node:crypto";
import type { Server, ServerResponse } from "node:http";
import {
  answerConnectionFault,
  close,
  listen,
  type PostFault,
  readBody,
  type StatusFault,
  sendJson,
} from "./http.ts";

export interface RecordedResponse {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

export interface SlackPost {
  readonly channel: string;
  readonly text: string;
  readonly blocks: unknown[];
  readonly ts: string;
  /** Set when posted in a thread. */
  readonly thread_ts?: string;
  readonly metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** What the next chat.postMessage does instead of answering at once. */
export type SlackFault = PostFault;

export interface FakeSlack {
  readonly url: string;
  readonly apiUrl: string;
  readonly apiCalls: { method: string; body: string }[];
  readonly responses: RecordedResponse[];
  /** `chat.postMessage` calls that succeeded, decoded: channel, text, blocks. */
  readonly posts: SlackPost[];
  /** conversations.history answers `{ ok: false, error }` (e.g. `missing_scope`) until cleared. */
  failHistory(error: string | undefined): void;
  /** The next chat.postMessage calls (any channel) meet these faults, in order. */
  faults(...faults: SlackFault[]): void;
  /**
   * Make `chat.postMessage` to a channel fail: a string answers `{ ok: false, error }` (Slack's
   * platform errors); a status answers that HTTP status (429 with `Retry-After: retryAfter` seconds).
   */
  failPosts(channel: string, error: string | { status: number; retryAfter?: number } | undefined): void;
  responseUrl(id: string): string;
  /** What users.info (with include_locale) says of each user's language, e.g. `U0BOB` → `en-US`. */
  readonly userLocales: Map<string, string>;
  /** The channels users.conversations lists for each user; a user not in it gets `missing_scope`. */
  readonly userChannels: Map<string, { id: string; name: string }[]>;
  /** The App Home views published (views.publish), in order. */
  readonly views: { userId: string; view: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const apiCalls: { method: string; body: string }[] = [];
  const responses: RecordedResponse[] = [];
  const posts: SlackPost[] = [];
  const queued: SlackFault[] = [];
  let historyError: string | undefined;
  const pending = new Set<NodeJS.Timeout>();
  let lastTs = 0;
  // unique, increasing message timestamps, as Slack's are
  const nextTs = () => {
    lastTs = Math.max(lastTs + 1, Date.now() * 1000);
    return (lastTs / 1_000_000).toFixed(6);
  };
  const postErrors = new Map<string, string | { status: number; retryAfter?: number }>();
  const userLocales = new Map<string, string>();
  const userChannels = new Map<string, { id: string; name: string }[]>();
  const views: { userId: string; view: Record<string, unknown> }[] = [];
  let server: Server | undefined;
  const { server: s, url } = await listen(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const api = /^\/api\/(.+)$/.exec(path);
    if (api) {
      const method = api[1] as string;
      apiCalls.push({ method, body });
      if (method === "auth.test") {
        sendJson(res, 200, {
          ok: true,
          url: "https://fake.slack.com/",
          team: "Fake",
          user: "newsbot",
          team_id: "T0FAKE",
          user_id: "U0BOT",
          bot_id: "B0BOT",
        });
        return;
      }
      const form = new URLSearchParams(body);
      const fields: Record<string, unknown> = req.headers["content-type"]?.includes("json")
        ? (JSON.parse(body) as Record<string, unknown>)
        : Object.fromEntries(form);
      if (method === "users.info") {
        const user = String(fields.user ?? "");
        const locale = String(fields.include_locale) === "true" ? userLocales.get(user) : undefined;
        sendJson(res, 200, {
          ok: true,
          user: { id: user, name: user.toLowerCase(), ...(locale ? { locale } : {}) },
        });
        return;
      }
      if (method === "users.conversations") {
        const user = String(fields.user ?? "");
        const member = userChannels.get(user);
        sendJson(
          res,
          200,
          member
            ? { ok: true, channels: member, response_metadata: { next_cursor: "" } }
            : { ok: false, error: "missing_scope" },
        );
        return;
      }
      if (method === "views.publish") {
        const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
        views.push({
          userId: String(fields.user_id ?? ""),
          view: parse(fields.view) as Record<string, unknown>,
        });
        sendJson(res, 200, { ok: true, view: { id: `V${views.length}` } });
        return;
      }
      if (method === "conversations.history") {
        sendJson(res, 200, historyError ? { ok: false, error: historyError } : history(fields));
        return;
      }
      if (method === "conversations.replies") {
        sendJson(res, 200, historyError ? { ok: false, error: historyError } : replies(fields));
        return;
      }
      if (method === "chat.postMessage") {
        const channel = String(fields.channel ?? "");
        const error = postErrors.get(channel);
        if (typeof error === "string") {
          sendJson(res, 200, { ok: false, error });
          return;
        }
        if (error) {
          answerStatus(res, error);
          return;
        }
        const fault = queued.shift();
        if (fault && !(fault.record ?? false)) {
          answerFault(res, fault, undefined);
          return;
        }
        const post = record(channel, fields);
        if (fault) answerFault(res, fault, post);
        else sendJson(res, 200, { ok: true, channel, ts: post.ts });
        return;
      }
      sendJson(res, 200, { ok: true });
      return;
    }
    const respond = /^\/respond\/(.+)$/.exec(path);
    if (respond && req.method === "POST") {
      responses.push({ id: respond[1] as string, body: JSON.parse(body) as Record<string, unknown> });
      sendJson(res, 200, { ok: true });
      return;
    }
    sendJson(res, 404, { ok: false, error: "unknown_path" });
  });
  server = s;

  function record(channel: string, fields: Record<string, unknown>): SlackPost {
    const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
    const blocks = (parse(fields.blocks) ?? []) as unknown[];
    const metadata = parse(fields.metadata) as SlackPost["metadata"];
    const post = {
      channel,
      text: String(fields.text ?? ""),
      blocks,
      ts: nextTs(),
      ...(fields.thread_ts ? { thread_ts: String(fields.thread_ts) } : {}),
      ...(metadata ? { metadata } : {}),
    };
    posts.push(post);
    return post;
  }

  function answerFault(res: ServerResponse, fault: SlackFault, post: SlackPost | undefined) {
    const status = answerConnectionFault(res, fault, pending, {
      ok: true,
      channel: post?.channel,
      ts: post?.ts,
    });
    if (!status) return;
    answerStatus(res, status);
  }

  function answerStatus(res: ServerResponse, fault: StatusFault) {
    const headers = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
    res.writeHead(fault.status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify({ ok: false, error: fault.status === 429 ? "ratelimited" : "internal_error" }));
  }

  /** Newest first, from `oldest` on, metadata only with `include_all_metadata`, in cursor pages. */
  function history(fields: Record<string, unknown>) {
    const channel = String(fields.channel ?? "");
    const oldest = Number(fields.oldest ?? 0);
    const inclusive = String(fields.inclusive) === "true" || String(fields.inclusive) === "1";
    const withMetadata = String(fields.include_all_metadata) === "true";
    const limit = Math.min(Number(fields.limit ?? 100), 999);
    const start = Number(fields.cursor ?? 0);
    // thread replies are not in the channel's history (conversations.replies lists them)
    const all = posts
      .filter(
        (p) =>
          p.channel === channel &&
          p.thread_ts === undefined &&
          (inclusive ? Number(p.ts) >= oldest : Number(p.ts) > oldest),
      )
      .reverse();
    const page = all.slice(start, start + limit).map((p) => ({
      type: "message",
      ts: p.ts,
      text: p.text,
      bot_id: "B0BOT",
      ...(withMetadata && p.metadata ? { metadata: p.metadata } : {}),
    }));
    const more = start + limit < all.length;
    return {
      ok: true,
      messages: page,
      has_more: more,
      response_metadata: { next_cursor: more ? String(start + limit) : "" },
    };
  }

  /** A thread: its parent then its replies, oldest first, metadata with `include_all_metadata`. */
  function replies(fields: Record<string, unknown>) {
    const channel = String(fields.channel ?? "");
    const ts = String(fields.ts ?? "");
    const withMetadata = String(fields.include_all_metadata) === "true";
    const thread = posts.filter((p) => p.channel === channel && (p.ts === ts || p.thread_ts === ts));
    if (!thread.some((p) => p.ts === ts)) return { ok: false, error: "thread_not_found" };
    return {
      ok: true,
      messages: thread.map((p) => ({
        type: "message",
        ts: p.ts,
        thread_ts: ts,
        text: p.text,
        bot_id: "B0BOT",
        ...(withMetadata && p.metadata ? { metadata: p.metadata } : {}),
      })),
      has_more: false,
      response_metadata: { next_cursor: "" },
    };
  }

  return {
    url,
    apiUrl: `${url}/api/`,
    apiCalls,
    responses,
    posts,
    userLocales,
    userChannels,
    views,
    faults(...faults) {
      queued.push(...faults);
    },
    failHistory(error) {
      historyError = error;
    },
    failPosts(channel, error) {
      if (error) postErrors.set(channel, error);
      else postErrors.delete(channel);
    },
    responseUrl: (id) => `${url}/respond/${id}`,
    close: () => {
      for (const t of pending) clearTimeout(t);
      pending.clear();
      return close(server as Server);
    },
  };
}

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export function slashCommandBody(fields: {
  text: string;
  responseUrl: string;
  command?: string;
  user?: string;
}) {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0FAKE",
    team_domain: "fake",
    channel_id: "C0NEWS",
    channel_name: "actualites",
    user_id: fields.user ?? "U0ALICE",
    user_name: "alice",
    command: fields.command ?? "/news",
    text: fields.text,
    api_app_id: "A0NEWS",
    is_enterprise_install: "false",
    response_url: fields.responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

export function blockActionBody(fields: {
  actionId: string;
  value: string;
  responseUrl: string;
  /** Who clicks; default U0ALICE. */
  user?: string;
  /** The message the button is on; default an ephemeral one, `1.1`. */
  messageTs?: string;
}) {
  const user = fields.user ?? "U0ALICE";
  const payload = {
    type: "block_actions",
    team: { id: "T0FAKE", domain: "fake" },
    user: { id: user, username: user.toLowerCase(), team_id: "T0FAKE" },
    api_app_id: "A0NEWS",
    token: "legacy-verification-token",
    container: {
      type: "message",
      message_ts: fields.messageTs ?? "1.1",
      channel_id: "C0NEWS",
      is_ephemeral: fields.messageTs === undefined,
    },
    trigger_id: "1.2.3",
    channel: { id: "C0NEWS", name: "actualites" },
    response_url: fields.responseUrl,
    actions: [
      {
        type: "button",
        action_id: fields.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "x" },
        value: fields.value,
        action_ts: "1.2",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

let eventSeq = 0;

/** An Events API envelope (`event_callback`), as Slack posts it as JSON. */
export function eventBody(event: Record<string, unknown>): string {
  eventSeq++;
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: "T0FAKE",
    api_app_id: "A0NEWS",
    type: "event_callback",
    event_id: `Ev${eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0FAKE", user_id: "U0BOT", is_bot: true }],
    event: { event_ts: event.ts, ...event },
  });
}

/** POST a signed request to the bot, as Slack would (JSON for Events API bodies). */
export async function postSigned(
  url: string,
  body: string,
  secret: string,
  options: { timestamp?: number; signature?: string } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
}
