// A local fake Slack: the Web API (`/api/<method>`, enough for Bolt's auth.test) and response
// URLs (`/respond/<id>`) that record what the bot posts, plus a signer that builds slash-command
// and block-action requests exactly as Slack signs them (HMAC-SHA256 of `v0:ts:body`).
import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import { close, listen, readBody, sendJson } from "./http.ts";

export interface RecordedResponse {
  readonly id: string;
  readonly body: Record<string, unknown>;
}

export interface FakeSlack {
  readonly url: string;
  readonly apiUrl: string;
  readonly apiCalls: { method: string; body: string }[];
  readonly responses: RecordedResponse[];
  /** `chat.postMessage` calls that succeeded, decoded: channel, text, blocks. */
  readonly posts: { channel: string; text: string; blocks: unknown[] }[];
  /**
   * Make `chat.postMessage` to a channel fail: a string answers `{ ok: false, error }` (Slack's
   * platform errors); a status answers that HTTP status (429 with `Retry-After: retryAfter` seconds).
   */
  failPosts(channel: string, error: string | { status: number; retryAfter?: number } | undefined): void;
  responseUrl(id: string): string;
  close(): Promise<void>;
}

export async function startFakeSlack(): Promise<FakeSlack> {
  const apiCalls: { method: string; body: string }[] = [];
  const responses: RecordedResponse[] = [];
  const posts: { channel: string; text: string; blocks: unknown[] }[] = [];
  const postErrors = new Map<string, string | { status: number; retryAfter?: number }>();
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
      if (method === "chat.postMessage") {
        const form = new URLSearchParams(body);
        const fields: Record<string, string> = req.headers["content-type"]?.includes("json")
          ? (JSON.parse(body) as Record<string, string>)
          : Object.fromEntries(form);
        const channel = String(fields.channel ?? "");
        const error = postErrors.get(channel);
        if (typeof error === "string") {
          sendJson(res, 200, { ok: false, error });
          return;
        }
        if (error) {
          const headers = error.retryAfter === undefined ? {} : { "retry-after": String(error.retryAfter) };
          res.writeHead(error.status, { "content-type": "application/json", ...headers });
          res.end(
            JSON.stringify({ ok: false, error: error.status === 429 ? "ratelimited" : "internal_error" }),
          );
          return;
        }
        const blocks = typeof fields.blocks === "string" ? JSON.parse(fields.blocks) : (fields.blocks ?? []);
        posts.push({ channel, text: String(fields.text ?? ""), blocks: blocks as unknown[] });
        sendJson(res, 200, { ok: true, channel, ts: `${Date.now() / 1000}` });
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
  return {
    url,
    apiUrl: `${url}/api/`,
    apiCalls,
    responses,
    posts,
    failPosts(channel, error) {
      if (error) postErrors.set(channel, error);
      else postErrors.delete(channel);
    },
    responseUrl: (id) => `${url}/respond/${id}`,
    close: () => close(server as Server),
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

export function blockActionBody(fields: { actionId: string; value: string; responseUrl: string }) {
  const payload = {
    type: "block_actions",
    team: { id: "T0FAKE", domain: "fake" },
    user: { id: "U0ALICE", username: "alice", team_id: "T0FAKE" },
    api_app_id: "A0NEWS",
    token: "legacy-verification-token",
    container: { type: "message", message_ts: "1.1", channel_id: "C0NEWS", is_ephemeral: true },
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

/** POST a signed request to the bot, as Slack would. */
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
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.signature ?? slackSignature(secret, timestamp, body),
    },
    body,
  });
}
