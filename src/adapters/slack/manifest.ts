// The Slack app manifest, generated from the command declarations: one slash command (the root)
// whose usage hint lists the subcommands, the bot scopes it needs, and either the HTTP request
// URLs (commands and the "post to channel" button) or Socket Mode.
import type { Command } from "../../../commands/define.ts";
import type { Locale } from "../../core/i18n/messages.ts";
import { adapterMessages } from "../adapter-messages.ts";

export interface SlackManifestOptions {
  readonly commands: readonly Command[];
  readonly root: string;
  readonly locale: Locale;
  /** Public base URL of the bot (`https://bot.example.org`); omitted → Socket Mode. */
  readonly baseUrl?: string;
  readonly appName?: string;
}

export const BOT_SCOPES = [
  "commands",
  "chat:write",
  "channels:history",
  "groups:history",
  "app_mentions:read",
  "im:history",
  // users.info with include_locale: help in the user's language
  "users:read",
  // users.conversations: the App Home lists the posts of the channels the user is in
  "channels:read",
  "groups:read",
] as const;
/** Mentions, DMs and replies in the threads the bot answered in. */
export const BOT_EVENTS = [
  "app_mention",
  "message.im",
  "message.channels",
  "message.groups",
  // the App Home tab
  "app_home_opened",
] as const;

export function slackManifest(options: SlackManifestOptions): Record<string, unknown> {
  const name = options.appName ?? "newsbot";
  const requestUrl = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, "")}/slack/events` : undefined;
  const description = adapterMessages(options.locale).appDescription;
  // Slack caps the usage hint at 100 characters: the names, separated by bars, fit.
  const hint = options.commands.map((c) => c.name).join("|");
  return {
    display_information: { name, description },
    features: {
      bot_user: { display_name: name, always_online: true },
      // DMs: the Messages tab lets people write to the bot
      app_home: {
        home_tab_enabled: true,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      slash_commands: [
        {
          command: `/${options.root}`,
          description: description.slice(0, 100),
          usage_hint: hint.length <= 100 ? hint : `${hint.slice(0, 98).replace(/\|?[^|]*$/, "")} …`,
          should_escape: false,
          ...(requestUrl ? { url: requestUrl } : {}),
        },
      ],
    },
    // history: a scheduled post whose outcome is unknown is looked for before it is re-sent
    // (and, with im:history, what questions by mention, DM and in threads need)
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: {
        bot_events: [...BOT_EVENTS],
        ...(requestUrl ? { request_url: requestUrl } : {}),
      },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: requestUrl === undefined,
      token_rotation_enabled: false,
    },
  };
}
