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

export function slackManifest(options: SlackManifestOptions): Record<string, unknown> {
  const name = options.appName ?? "newsbot";
  const requestUrl = options.baseUrl ? `${options.baseUrl.replace(/\/+$/, "")}/slack/events` : undefined;
  const description = adapterMessages(options.locale).appDescription;
  // Slack caps the usage hint at 100 characters: the names, comma-separated, fit.
  const hint = options.commands.map((c) => c.name).join(", ");
  return {
    display_information: { name, description },
    features: {
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: `/${options.root}`,
          description: description.slice(0, 100),
          usage_hint: hint.length <= 100 ? hint : `${hint.slice(0, 98).replace(/,?\s*\S*$/, "")} …`,
          should_escape: false,
          ...(requestUrl ? { url: requestUrl } : {}),
        },
      ],
    },
    // history: a scheduled post whose outcome is unknown is looked for before it is re-sent
    oauth_config: { scopes: { bot: ["commands", "chat:write", "channels:history", "groups:history"] } },
    settings: {
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: requestUrl === undefined,
      token_rotation_enabled: false,
    },
  };
}
