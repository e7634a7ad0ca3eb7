// A local fake Discord: the REST API under `/api/v10` (gateway info, interaction callbacks,
// webhook edits and follow-ups, command registration) and the gateway WebSocket on the same port
// (HELLO → IDENTIFY → READY, heartbeats acknowledged, then whatever the test dispatches). The real
// discord.js Client logs into it through `rest.api` and the URL that `GET /gateway/bot` returns.
// Channel messages honour `nonce` + `enforce_nonce` as Discord does (a repeat within a few minutes
// returns the first message, nothing new is posted), and faults can be injected into them: a slow
// answer after the message is posted, a connection cut once the body is read, a status.
import type { Server, ServerResponse } from "node:http";
import { Client, Events, GatewayIntentBits } from "discord.js";
import { type WebSocket, WebSocketServer } from "ws";
import { answerConnectionFault, close, listen, type PostFault, readBody, sendJson } from "./http.ts";

export const BOT_ID = "100000000000000001";
export const APP_ID = "100000000000000002";
export const USER_ID = "100000000000000003";
export const CHANNEL_ID = "100000000000000004";

/** The bot as Discord shows it (message author, READY, mentions). */
const BOT_USER = {
  id: BOT_ID,
  username: "newsbot",
  discriminator: "0",
  global_name: null,
  avatar: null,
  bot: true,
};

export interface RestCall {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly body: unknown;
  readonly auth: string | undefined;
}

/** What the next channel message POST does instead of answering at once. */
export type DiscordFault = PostFault;

/** How long Discord remembers a nonce, here. */
const NONCE_WINDOW_MS = 5 * 60_000;

export interface FakeDiscord {
  readonly url: string;
  /** What discord.js takes as `rest.api`. */
  readonly apiUrl: string;
  readonly calls: RestCall[];
  readonly identifies: { token: string; intents: number; shard?: readonly [number, number] }[];
  /** Messages posted to channels (`POST /channels/{id}/messages`): scheduled posts. */
  readonly channelMessages: { channelId: string; body: Record<string, unknown>; id: string }[];
  /** Threads the bot started on a message. */
  readonly threads: { parentId: string; messageId: string; name: string }[];
  /** The next channel message POSTs meet these faults, in order. */
  faults(...faults: DiscordFault[]): void;
  /** Make posts to a channel fail with this HTTP status and Discord error (e.g. 404, 10003 Unknown Channel). */
  failChannel(channelId: string, error: { status: number; code: number; message: string } | undefined): void;
  /**
   * Send a gateway dispatch (op 0) to every connected client — a guild's event only to the shard
   * of that guild. Returns the shard ids it went to.
   */
  dispatch(t: string, d: unknown): number[];
  connected(): number;
  close(): Promise<void>;
}

let snowflake = 200000000000000000n;
export const nextId = () => String(++snowflake);

function message(body: Record<string, unknown>, id = nextId()) {
  return {
    id,
    channel_id: CHANNEL_ID,
    type: 0,
    content: body.content ?? "",
    author: BOT_USER,
    embeds: body.embeds ?? [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: body.flags ?? 0,
    components: [],
    webhook_id: APP_ID,
    application_id: APP_ID,
  };
}

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const calls: RestCall[] = [];
  const identifies: { token: string; intents: number; shard?: readonly [number, number] }[] = [];
  // the shard each connection identified as: a guild's events go to its shard only, like Discord
  const shardOf = new Map<WebSocket, readonly [number, number]>();
  const sockets = new Set<WebSocket>();
  const channelMessages: { channelId: string; body: Record<string, unknown>; id: string }[] = [];
  const threads: { parentId: string; messageId: string; name: string }[] = [];
  const channelErrors = new Map<string, { status: number; code: number; message: string }>();
  const queued: DiscordFault[] = [];
  const pending = new Set<NodeJS.Timeout>();
  const nonces = new Map<string, { at: number; message: Record<string, unknown> }>();
  let seq = 0;
  let wsUrl = "";

  const { server, url, port } = await listen(async (req, res) => {
    const u = new URL(req.url ?? "/", "http://x");
    const raw = await readBody(req);
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      // multipart or text: kept raw
    }
    const path = decodeURIComponent(u.pathname).replace(/^\/api\/v\d+/, "");
    const method = req.method ?? "GET";
    calls.push({ method, path, query: u.search, body, auth: req.headers.authorization });
    const b = (body ?? {}) as Record<string, unknown>;

    if (method === "GET" && path === "/gateway/bot") {
      sendJson(res, 200, {
        url: wsUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 },
      });
      return;
    }
    if (method === "GET" && path === "/gateway") {
      sendJson(res, 200, { url: wsUrl });
      return;
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      if (u.searchParams.get("with_response") === "true") {
        sendJson(res, 200, { interaction: { id: path.split("/")[2], type: 2 }, resource: { type: b.type } });
      } else sendJson(res, 204, undefined);
      return;
    }
    if (method === "PATCH" && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) {
      sendJson(res, 200, message(b));
      return;
    }
    if (method === "POST" && /^\/webhooks\/\d+\/[^/]+$/.test(path)) {
      sendJson(res, 200, message(b));
      return;
    }
    const channelPost = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (method === "POST" && channelPost) {
      const channelId = channelPost[1] as string;
      const error = channelErrors.get(channelId);
      if (error) {
        sendJson(res, error.status, { message: error.message, code: error.code });
        return;
      }
      const nonce = typeof b.nonce === "string" || typeof b.nonce === "number" ? String(b.nonce) : undefined;
      const seen = nonce ? nonces.get(nonce) : undefined;
      const fault = queued.shift();
      if (fault && !(fault.record ?? false)) {
        answerFault(res, fault, undefined);
        return;
      }
      let created: Record<string, unknown>;
      if (b.enforce_nonce === true && seen && Date.now() - seen.at < NONCE_WINDOW_MS) created = seen.message;
      else {
        created = { ...message(b), channel_id: channelId, ...(nonce ? { nonce } : {}) };
        channelMessages.push({ channelId, body: b, id: String(created.id) });
        if (nonce) nonces.set(nonce, { at: Date.now(), message: created });
      }
      if (fault) answerFault(res, fault, created);
      else sendJson(res, 200, created);
      return;
    }
    const startThread = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (method === "POST" && startThread) {
      if (threads.some((t) => t.messageId === startThread[2])) {
        sendJson(res, 400, { message: "A thread has already been created for this message", code: 160004 });
        return;
      }
      // a thread started on a message has the message's id
      const thread = {
        id: startThread[2],
        type: 11,
        guild_id: GUILD_ID,
        parent_id: startThread[1],
        name: String(b.name ?? ""),
        owner_id: BOT_ID,
        thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false },
        message_count: 0,
        member_count: 1,
      };
      threads.push({
        parentId: startThread[1] as string,
        messageId: startThread[2] as string,
        name: thread.name,
      });
      sendJson(res, 201, thread);
      return;
    }
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const list = Array.isArray(body) ? body : [];
      sendJson(
        res,
        200,
        list.map((c) => ({ ...(c as object), id: nextId(), application_id: APP_ID, version: "1" })),
      );
      return;
    }
    sendJson(res, 404, { message: "Unknown route (fake Discord)", code: 0 });
  });

  function answerFault(
    res: ServerResponse,
    queuedFault: DiscordFault,
    created: Record<string, unknown> | undefined,
  ) {
    const fault = answerConnectionFault(res, queuedFault, pending, created);
    if (!fault) return;
    if (fault.status === 429) {
      const body = JSON.stringify({
        message: "You are being rate limited.",
        retry_after: fault.retryAfter ?? 1,
        global: false,
      });
      res.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(fault.retryAfter ?? 1),
        "x-ratelimit-scope": "user",
      });
      res.end(body);
      return;
    }
    sendJson(res, fault.status, { message: "Internal Server Error", code: 0 });
  }

  wsUrl = `ws://127.0.0.1:${port}`;
  const wss = new WebSocketServer({ server });
  const send = (ws: WebSocket, payload: unknown) => ws.send(JSON.stringify(payload));
  wss.on("connection", (ws) => {
    sockets.add(ws);
    ws.on("close", () => {
      sockets.delete(ws);
      shardOf.delete(ws);
    });
    send(ws, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
    ws.on("message", (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> };
      if (packet.op === 1) send(ws, { op: 11, d: null, s: null, t: null });
      if (packet.op === 2) {
        const shard = (packet.d.shard as [number, number] | undefined) ?? ([0, 1] as const);
        shardOf.set(ws, shard);
        identifies.push({ token: String(packet.d.token), intents: Number(packet.d.intents), shard });
        send(ws, {
          op: 0,
          t: "READY",
          s: ++seq,
          d: {
            v: 10,
            user: BOT_USER,
            guilds: [],
            session_id: "fake-session",
            resume_gateway_url: wsUrl,
            shard,
            application: { id: APP_ID, flags: 0 },
          },
        });
      }
    });
  });

  return {
    url,
    apiUrl: `${url}/api`,
    calls,
    identifies,
    channelMessages,
    threads,
    faults(...faults) {
      queued.push(...faults);
    },
    failChannel(channelId, error) {
      if (error) channelErrors.set(channelId, error);
      else channelErrors.delete(channelId);
    },
    dispatch(t, d) {
      const guild = (d as { guild_id?: string }).guild_id;
      const to: number[] = [];
      for (const ws of sockets) {
        const shard = shardOf.get(ws);
        if (guild && shard && Number((BigInt(guild) >> 22n) % BigInt(shard[1])) !== shard[0]) continue;
        send(ws, { op: 0, t, s: ++seq, d });
        if (shard) to.push(shard[0]);
      }
      return to;
    },
    connected: () => sockets.size,
    async close() {
      for (const t of pending) clearTimeout(t);
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await close(server as Server);
    },
  };
}

/** A real discord.js client logged into the fake (its REST goes to the fake), once it is ready. */
export async function loginToFake(discord: FakeDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login("fake-bot-token-000000000");
  await ready;
  return client;
}

type Opt = { name: string; type: number; value?: unknown; focused?: boolean };

const ALICE = { id: USER_ID, username: "alice", discriminator: "0", global_name: "Alice", avatar: null };

/** GUILD_CREATE for the test server with one text channel, so its messages reach the client. */
export function guildCreate(channelId = CHANNEL_ID): Record<string, unknown> {
  return {
    id: GUILD_ID,
    name: "Rédaction",
    owner_id: USER_ID,
    unavailable: false,
    member_count: 2,
    roles: [
      {
        id: GUILD_ID,
        name: "@everyone",
        permissions: "2048",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    channels: [
      {
        id: channelId,
        type: 0,
        guild_id: GUILD_ID,
        name: "actualites",
        position: 0,
        permission_overwrites: [],
        flags: 0,
      },
    ],
    threads: [],
    members: [],
    emojis: [],
    stickers: [],
    features: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    joined_at: "2026-01-01T00:00:00.000Z",
    large: false,
    premium_tier: 0,
    preferred_locale: "fr",
  };
}

/** MESSAGE_CREATE from Alice: in a server channel or thread (`guild`), or in her DM with the bot. */
export function userMessage(options: {
  channelId: string;
  content: string;
  guild?: boolean;
  mentionsBot?: boolean;
}) {
  const id = nextId();
  return {
    id,
    payload: {
      id,
      channel_id: options.channelId,
      // Discord says which kind of channel a message is in; a DM's channel is not cached before it
      ...(options.guild ? {} : { channel_type: 1 }),
      ...(options.guild
        ? {
            guild_id: GUILD_ID,
            member: { roles: [], joined_at: "2026-01-01T00:00:00.000Z", deaf: false, mute: false, flags: 0 },
          }
        : {}),
      author: ALICE,
      content: options.content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: options.mentionsBot ? [BOT_USER] : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      components: [],
    },
  };
}

/** An INTERACTION_CREATE payload for `/<root> <sub> …options` (type 2) or its autocomplete (type 4). */
export const GUILD_ID = "100000000000000005";
const DEFAULT_GUILD_ID = GUILD_ID;

/** In a server channel, with the member's permissions (a bit field: 16 = Manage Channels). */
export interface GuildContext {
  readonly channelId?: string;
  /** Default GUILD_ID. */
  readonly guildId?: string;
  readonly permissions: bigint;
}

export function commandInteraction(
  root: string,
  sub: string,
  options: Opt[],
  kind: "command" | "autocomplete" = "command",
  guild?: GuildContext,
): { id: string; token: string; payload: Record<string, unknown> } {
  const id = nextId();
  const token = `tok-${id}`;
  const user = ALICE;
  const common = {
    id,
    application_id: APP_ID,
    type: kind === "command" ? 2 : 4,
    token,
    version: 1,
    locale: "fr",
    entitlements: [],
    data: { id: "300000000000000001", name: root, type: 1, options: [{ name: sub, type: 1, options }] },
  };
  if (!guild) {
    const channel = { id: CHANNEL_ID, type: 1, last_message_id: null, flags: 0, recipients: [user] };
    return {
      id,
      token,
      payload: {
        ...common,
        channel_id: CHANNEL_ID,
        channel,
        user,
        app_permissions: "0",
        authorizing_integration_owners: { "1": USER_ID },
        context: 1,
      },
    };
  }
  const channelId = guild.channelId ?? CHANNEL_ID;
  const guildId = guild.guildId ?? DEFAULT_GUILD_ID;
  const member = guildMember(user, String(guild.permissions));
  return {
    id,
    token,
    payload: {
      ...common,
      guild_id: guildId,
      guild_locale: "fr",
      channel_id: channelId,
      channel: { id: channelId, type: 0, guild_id: guildId, name: "actualites", position: 0, flags: 0 },
      member,
      app_permissions: "2048",
      authorizing_integration_owners: { "0": guildId },
      context: 0,
    },
  };
}

/** A server member as interactions carry it, with their permissions in the channel (a bit field). */
function guildMember(user: unknown, permissions: string) {
  return {
    user,
    roles: [],
    joined_at: "2026-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
    permissions,
  };
}

/**
 * A click on a button (INTERACTION_CREATE type 3) of the bot's message `messageId` in `channelId`:
 * in a server channel when `guild` is set, else in a DM; `locale` is the clicker's client language.
 */
export function buttonInteraction(options: {
  customId: string;
  messageId: string;
  channelId?: string;
  userId?: string;
  locale?: string;
  guild?: boolean;
}): { id: string; token: string; payload: Record<string, unknown> } {
  const id = nextId();
  const token = `tok-${id}`;
  const channelId = options.channelId ?? CHANNEL_ID;
  const user = { ...ALICE, id: options.userId ?? ALICE.id };
  const where = options.guild
    ? {
        guild_id: GUILD_ID,
        guild_locale: "fr",
        channel: { id: channelId, type: 0, guild_id: GUILD_ID, name: "actualites", position: 0, flags: 0 },
        member: guildMember(user, "0"),
        authorizing_integration_owners: { "0": GUILD_ID },
        context: 0,
      }
    : {
        channel: { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] },
        user,
        authorizing_integration_owners: { "1": user.id },
        context: 1,
      };
  return {
    id,
    token,
    payload: {
      id,
      application_id: APP_ID,
      type: 3,
      token,
      version: 1,
      locale: options.locale ?? "fr",
      entitlements: [],
      app_permissions: "2048",
      channel_id: channelId,
      data: { custom_id: options.customId, component_type: 2 },
      message: { ...message({}, options.messageId), channel_id: channelId },
      ...where,
    },
  };
}
