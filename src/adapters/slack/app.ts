// The Slack app on Bolt: one slash command (`/news`, the root's name), answered the way Slack
// wants — ack() at once (Slack gives 3 s), then the reply through respond() on the response_url.
// HTTP mode verifies every request's signature (Bolt's HTTPReceiver: bad signature or a timestamp
// older than 5 minutes → 401); with an app token it runs in Socket Mode instead. Lookups answer
// privately (ephemeral) with a "post to channel" button that re-runs the command in public.
import type { AddressInfo } from "node:net";
import { App, type CustomRoute, HTTPReceiver, LogLevel, type RespondFn } from "@slack/bolt";
import type { Conversations } from "../../../commands/conversation.ts";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import { splitCommandText } from "../../../commands/parse-text.ts";
import type { Reply } from "../../core/reply/reply.ts";
import type { ChannelPoster } from "../../scheduling/poster.ts";
import type { ShownReplyStore } from "../../storage/shown-reply-store.ts";
import { adapterMessages } from "../adapter-messages.ts";
import { networkReason, StartupFailure, withDeadline } from "../startup-failure.ts";
import { handleSlackAppHome } from "./app-home.ts";
import { handleSlackConversations } from "./conversation.ts";
import { createSlackPoster } from "./poster.ts";
import { PUBLISH_ACTION, renderSlack } from "./render.ts";
import { handleSlackReplyButtons } from "./reply-buttons.ts";
import { guardSlackRequests } from "./request-guard.ts";
import { createSlackUserLocales, type SlackUserLocales } from "./user-locales.ts";

export interface SlackAdapterOptions {
  readonly dispatcher: Dispatcher;
  readonly botToken: string;
  /** Required in HTTP mode. */
  readonly signingSecret?: string;
  /** An `xapp-` token switches to Socket Mode. */
  readonly appToken?: string;
  /** HTTP port; 0 picks a free one. Default 3000. */
  readonly port?: number;
  /** Web API base URL (tests point it at a local fake). Default Slack's. */
  readonly apiUrl?: string;
  readonly logLevel?: LogLevel;
  readonly onError?: (error: unknown) => void;
  /** More routes for the HTTP server (HTTP mode): /healthz, /readyz, /metrics. */
  readonly routes?: readonly CustomRoute[];
  /** Replies kept by id for the "post to channel" button; without it the button re-runs the command. */
  readonly shownReplies?: ShownReplyStore;
  /** Questions by @mention, DM and in threads; without it only the slash command answers. */
  readonly conversations?: Conversations;
}

export interface RunningSlackAdapter {
  readonly app: App;
  /** The HTTP port listened on (HTTP mode). */
  readonly port?: number;
  /** Scheduled posts to Slack channels (chat.postMessage). */
  readonly poster: ChannelPoster;
  stop(): Promise<void>;
}

/** Slack sends `&`, `<` and `>` in the command text as HTML entities. */
export const unescapeSlack = (text: string) =>
  text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

async function send(
  respond: RespondFn,
  reply: Reply,
  dispatcher: Dispatcher,
  publishCommand?: string,
  publishId?: string,
) {
  const pages = renderSlack(reply, {
    locale: dispatcher.locale,
    ...(publishId !== undefined ? { publishId } : publishCommand !== undefined ? { publishCommand } : {}),
  });
  for (const page of pages) {
    await respond({
      response_type: reply.visibility === "public" ? "in_channel" : "ephemeral",
      replace_original: false,
      text: page.text,
      blocks: page.blocks,
    });
  }
}

/** How long a shown reply can still be posted to the channel. */
const SHOWN_TTL_MS = 24 * 3_600_000;
const STARTUP_RETRIES = { retries: 2, factor: 1, minTimeout: 200, maxTimeout: 1000 };
const STARTUP_DEADLINE_MS = 12_000;
const SLACK_API = "https://slack.com/api/";
/** Platform errors that mean the token itself is wrong, revoked or disabled. */
const TOKEN_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "not_allowed_token_type",
]);

function unreachable(apiUrl: string | undefined, reason: string): StartupFailure {
  return new StartupFailure(
    "unreachable",
    `Slack: cannot reach ${apiUrl ?? SLACK_API}auth.test (${reason}); check the network, a proxy or firewall, and SLACK_API_URL if set`,
  );
}

/** One line for why Slack refused to start: the token (naming its variable) or the network. */
function startupFailure(error: unknown, apiUrl: string | undefined, variable: string): Error {
  if (error instanceof StartupFailure) return error;
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; message?: string };
  if (e.code === "slack_webapi_platform_error" && e.data?.error) {
    return TOKEN_ERRORS.has(e.data.error)
      ? new StartupFailure(
          "token",
          `Slack refused ${variable} (${e.data.error}): the token is wrong, revoked or its app uninstalled; copy a current one from the app's settings`,
        )
      : new StartupFailure("token", `Slack refused to start (${e.data.error}); check ${variable}`);
  }
  if (e.code === "slack_webapi_http_error") return unreachable(apiUrl, `HTTP ${e.statusCode ?? "error"}`);
  if (e.code === "slack_webapi_request_error") return unreachable(apiUrl, networkReason(error));
  if (e.code === "slack_socket_mode_no_reply_received_error" || /socket/i.test(e.code ?? ""))
    return unreachable(apiUrl, e.message ?? "Socket Mode connection failed");
  return error as Error;
}

/** Bolt's HTTP receiver (signature checks, 401), behind the check that a signed body is Slack's. */
function guardedReceiver(
  signingSecret: string,
  logLevel: LogLevel,
  customRoutes: readonly CustomRoute[],
): HTTPReceiver {
  const receiver = new HTTPReceiver({ signingSecret, logLevel, customRoutes: [...customRoutes] });
  receiver.requestListener = guardSlackRequests(receiver.requestListener, { signingSecret });
  return receiver;
}

/** Connect (Socket Mode) or listen on `port` (HTTP); start-up failures become one-line ones. */
async function startListening(app: App, port: number | undefined, apiUrl: string | undefined) {
  if (port === undefined) {
    await withDeadline(app.start(), STARTUP_DEADLINE_MS, () => unreachable(apiUrl, "no answer")).catch(
      async (error: unknown) => {
        await (app.stop() as Promise<void>).catch(() => {});
        throw startupFailure(error, apiUrl, "SLACK_APP_TOKEN");
      },
    );
    return undefined;
  }
  let server: { address(): AddressInfo | string | null };
  try {
    server = (await app.start(port)) as typeof server;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES")
      throw new StartupFailure(
        "port",
        `Slack: cannot listen on port ${port} (${code === "EADDRINUSE" ? "already in use" : "permission denied"}); stop what uses it or set PORT to another port`,
      );
    throw error;
  }
  const address = server.address();
  return typeof address === "object" && address ? address.port : port;
}

/** The Bolt app, its token checked (auth.test) within the start-up deadline. */
async function createApp(options: SlackAdapterOptions, apiUrl: string | undefined): Promise<App> {
  const logLevel = options.logLevel ?? LogLevel.WARN;
  const app = new App({
    token: options.botToken,
    ...(options.appToken !== undefined
      ? { appToken: options.appToken, socketMode: true }
      : { receiver: guardedReceiver(options.signingSecret ?? "", logLevel, options.routes ?? []) }),
    // start-up gives up within seconds (a few quick retries), not after Slack's default half hour
    clientOptions: {
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
      retryConfig: STARTUP_RETRIES,
      timeout: 3000,
    },
    logLevel,
    deferInitialization: true,
  });
  await withDeadline(app.init(), STARTUP_DEADLINE_MS, () => unreachable(apiUrl, "no answer")).catch(
    (error: unknown) => {
      throw startupFailure(error, apiUrl, "SLACK_BOT_TOKEN");
    },
  );
  return app;
}

/** What the command and button handlers share. */
interface Handlers {
  readonly options: SlackAdapterOptions;
  readonly dispatcher: Dispatcher;
  readonly onError: (error: unknown) => void;
  /** Never leave the user with silence: log the failure and say so, privately. */
  failed(respond: RespondFn, error: unknown): Promise<void>;
  readonly locales: SlackUserLocales;
}

/**
 * Who runs a command typed (or a button pressed) in a channel, which only its members can do: the
 * caller may manage that channel's subscriptions (and only that channel's — there is no channel option).
 */
function slackWho(teamId: string, userId: string, channelId: string | undefined) {
  return {
    platform: "slack" as const,
    user: `slack:${teamId}:${userId}`,
    ...(channelId !== undefined
      ? {
          caller: {
            platform: "slack" as const,
            userId: `${teamId}:${userId}`,
            channelId,
            canManageChannel: true,
          },
        }
      : {}),
  };
}

/** The slash command: ack() at once, then the reply through respond(). */
function handleSlashCommand(app: App, h: Handlers): void {
  const { dispatcher, options } = h;
  app.command(`/${dispatcher.root}`, async ({ command, ack, respond, client }) => {
    await ack();
    // no response_url (not sent by Slack; the request guard turns these away): nowhere to answer
    if (typeof respond !== "function") return;
    const text = unescapeSlack(command.text ?? "");
    // help is written in the user's language: Slack tells it through users.info only
    const locale =
      splitCommandText(text, dispatcher.root).name === "help"
        ? await h.locales.of(client, command.user_id)
        : undefined;
    const who = {
      ...slackWho(command.team_id, command.user_id, command.channel_id),
      ...(locale ? { locale } : {}),
    };
    const reply = await dispatcher.runText(text, who);
    try {
      // the reply shown is kept, so its "post to channel" button posts exactly it
      const keep = options.shownReplies && reply.visibility === "private" && !reply.isError;
      const id = keep
        ? options.shownReplies?.save(
            { platform: "slack", userId: who.user, command: text, reply },
            new Date(),
            SHOWN_TTL_MS,
          )
        : undefined;
      await send(respond, reply, dispatcher, text, id);
    } catch (error) {
      await h.failed(respond, error);
    }
  });
}

/** "Post to channel" for a kept reply: the reply that was shown, as it was, never re-run. */
async function publishKept(h: Handlers, respond: RespondFn, id: string): Promise<void> {
  const kept = h.options.shownReplies?.get(id, new Date());
  if (!kept) {
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: adapterMessages(h.dispatcher.locale).shownExpired,
    });
    return;
  }
  await send(respond, { ...kept.reply, visibility: "public" }, h.dispatcher);
  await respond({ delete_original: true });
}

/** The "post to channel" button: the kept reply, or (without a store) the command re-run in public. */
function handlePublishAction(app: App, h: Handlers): void {
  const { dispatcher } = h;
  app.action(PUBLISH_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    if (typeof respond !== "function") return; // a button outside a message: nowhere to answer
    try {
      const value = "value" in action && typeof action.value === "string" ? action.value : "";
      const parsed = JSON.parse(value) as { t?: unknown; id?: unknown };
      if (typeof parsed.id === "string") return await publishKept(h, respond, parsed.id);
      // an empty channel id counts as no channel: the caller then manages none
      const channelId = ("channel" in body ? body.channel?.id : undefined) || undefined;
      const reply = await dispatcher.runText(
        String(parsed.t ?? ""),
        slackWho(body.team?.id ?? "", body.user.id, channelId),
      );
      if (reply.isError) {
        await send(respond, reply, dispatcher);
        return;
      }
      await send(respond, { ...reply, visibility: "public" }, dispatcher);
      await respond({ delete_original: true });
    } catch (error) {
      await h.failed(respond, error);
    }
  });
}

export async function startSlackAdapter(options: SlackAdapterOptions): Promise<RunningSlackAdapter> {
  const { dispatcher } = options;
  const socketMode = options.appToken !== undefined;
  const onError = options.onError ?? ((e: unknown) => console.error("[slack]", e));
  const failed = async (respond: RespondFn, error: unknown) => {
    onError(error);
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: adapterMessages(dispatcher.locale).commandFailed,
    }).catch(onError);
  };
  const apiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, "/") : undefined;
  const app = await createApp(options, apiUrl);
  const locales = createSlackUserLocales();
  const handlers: Handlers = { options, dispatcher, onError, failed, locales };
  handleSlashCommand(app, handlers);
  handlePublishAction(app, handlers);
  handleSlackReplyButtons(app, {
    dispatcher,
    failed,
    show: (respond, reply) => send(respond, reply, dispatcher),
  });
  if (options.conversations)
    handleSlackConversations(app, { dispatcher, conversations: options.conversations, onError });
  handleSlackAppHome(app, { dispatcher, locales, onError });
  app.error(async (error) => onError(error));

  const poster = createSlackPoster({
    botToken: options.botToken,
    ...(apiUrl ? { apiUrl } : {}),
    locale: dispatcher.locale,
  });
  const port = await startListening(app, socketMode ? undefined : (options.port ?? 3000), apiUrl);
  if (port === undefined) return { app, poster, stop: () => app.stop() as Promise<void> };
  return { app, port, poster, stop: () => app.stop() as Promise<void> };
}
