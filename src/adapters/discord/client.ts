// The Discord bot on discord.js: it logs in through the gateway, and for every `/news <sub>`
// interaction defers at once (Discord gives 3 s; ephemeral for lookups unless `public` is set),
// runs the command, then edits the deferred reply into the answer's embeds and sends what does not
// fit as follow-ups. Autocomplete requests (article ids, people) are answered synchronously with
// at most 25 choices. Every message goes out with `allowedMentions: { parse: [] }`.
import {
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
} from "discord.js";
import type { Conversations } from "../../../commands/conversation.ts";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import { errorReply } from "../../core/reply/lookup-replies.ts";
import type { ChannelPoster } from "../../scheduling/poster.ts";
import { adapterMessages } from "../adapter-messages.ts";
import { networkReason, StartupFailure, withDeadline } from "../startup-failure.ts";
import { userLocale } from "../user-locale.ts";
import { handleDiscordConversations } from "./conversation.ts";
import { createDiscordPoster } from "./poster.ts";
import { renderDiscord } from "./render.ts";
import { onReplyButton } from "./reply-buttons.ts";

export interface DiscordAdapterOptions {
  readonly dispatcher: Dispatcher;
  readonly token: string;
  /** REST base (`https://discord.com/api` by default; tests use a local fake). */
  readonly apiUrl?: string;
  readonly onError?: (error: unknown) => void;
  /** Questions by mention, DM and in threads (needs the Message Content intent); without it, slash commands only. */
  readonly conversations?: Conversations;
  /**
   * The gateway shards this process runs (`ids` of `count`): Discord routes each guild's events to
   * shard `(guild_id >> 22) % count`. Default: one shard. A bot in more than 2,500 servers must shard.
   */
  readonly shards?: { readonly ids: readonly number[]; readonly count: number };
}

export interface RunningDiscordAdapter {
  readonly client: Client;
  /** Scheduled posts to Discord channels. */
  readonly poster: ChannelPoster;
  stop(): Promise<void>;
}

const NO_MENTIONS = { parse: [] as [] };

async function onCommand(
  i: ChatInputCommandInteraction,
  dispatcher: Dispatcher,
  onError: (e: unknown) => void,
) {
  const sub = i.options.getSubcommand(false) ?? "";
  const command = dispatcher.find(sub);
  const wantsPublic = i.options.getBoolean("public", false) === true;
  const ephemeral = !(wantsPublic || command?.visibility === "public");
  try {
    await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  } catch (error) {
    onError(error); // the interaction expired or was already answered: nothing more can be sent
    return;
  }
  const raw: Record<string, unknown> = {};
  for (const o of i.options.data[0]?.options ?? []) raw[o.name] = o.value;
  const locale = userLocale(i.locale);
  let reply = await dispatcher.run(sub, raw, {
    platform: "discord",
    user: `discord:${i.user.id}`,
    ...(locale ? { locale } : {}),
    caller: {
      platform: "discord",
      userId: i.user.id,
      channelId: i.channelId,
      // the member's permissions in this channel; none outside a server (DMs)
      canManageChannel: i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    },
  });
  let pages = renderDiscord(reply, { locale: dispatcher.locale });
  try {
    const [first, ...rest] = pages;
    await i.editReply({
      embeds: first?.embeds ?? [],
      ...(first?.components ? { components: first.components } : {}),
      allowedMentions: NO_MENTIONS,
    });
    for (const page of rest) {
      await i.followUp({
        embeds: page.embeds,
        ...(page.components ? { components: page.components } : {}),
        allowedMentions: NO_MENTIONS,
        ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
    }
  } catch (error) {
    onError(error);
    // Never leave the user with "thinking…": try once more with a short error message.
    reply = errorReply(adapterMessages(dispatcher.locale).commandFailed, dispatcher.locale);
    pages = renderDiscord(reply, { locale: dispatcher.locale });
    await i.editReply({ embeds: pages[0]?.embeds ?? [], allowedMentions: NO_MENTIONS }).catch(onError);
  }
}

async function onAutocomplete(
  i: AutocompleteInteraction,
  dispatcher: Dispatcher,
  onError: (e: unknown) => void,
) {
  const focused = i.options.getFocused(true);
  const sub = i.options.getSubcommand(false) ?? "";
  const choices = dispatcher
    .autocomplete(sub, focused.name, String(focused.value))
    .slice(0, 25)
    .map((s) => ({ name: s.label.slice(0, 100), value: s.value.slice(0, 100) }));
  await i.respond(choices).catch(onError);
}

const DISCORD_API = "https://discord.com/api";
/** Start-up waits this long for a gateway session; REST keeps its own retries for later calls. */
const STARTUP_DEADLINE_MS = 12_000;

function unreachable(url: string, reason: string): StartupFailure {
  return new StartupFailure(
    "unreachable",
    `Discord: cannot reach ${url} (${reason}); check the network, a proxy or firewall, and DISCORD_API_URL if set`,
  );
}

/** One line for why Discord refused to start: the token (a 401 or gateway close 4004) or the network. */
function startupFailure(error: unknown, gateway: string): Error {
  if (error instanceof StartupFailure) return error;
  const e = error as { code?: string | number; status?: number };
  if (e.code === "TokenInvalid" || e.status === 401 || e.code === 4004)
    return new StartupFailure(
      "token",
      "Discord refused DISCORD_TOKEN (401 Unauthorized): the token is wrong or was reset; copy the current one from the Bot page of the application",
    );
  if (typeof e.status === "number") return unreachable(gateway, `HTTP ${e.status}`);
  return unreachable(gateway, networkReason(error));
}

export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<RunningDiscordAdapter> {
  const { dispatcher } = options;
  const onError = options.onError ?? ((e: unknown) => console.error("[discord]", e));
  const chat = options.conversations !== undefined;
  const client = new Client({
    intents: chat
      ? [
          GatewayIntentBits.Guilds,
          GatewayIntentBits.GuildMessages,
          GatewayIntentBits.DirectMessages,
          GatewayIntentBits.MessageContent,
        ]
      : [GatewayIntentBits.Guilds],
    // DM channels are not cached before their first message
    ...(chat ? { partials: [Partials.Channel] } : {}),
    allowedMentions: NO_MENTIONS,
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
    ...(options.shards ? { shards: [...options.shards.ids], shardCount: options.shards.count } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand() && interaction.commandName === dispatcher.root) {
      onCommand(interaction, dispatcher, onError).catch(onError);
    } else if (interaction.isAutocomplete() && interaction.commandName === dispatcher.root) {
      onAutocomplete(interaction, dispatcher, onError).catch(onError);
    } else if (interaction.isButton()) {
      onReplyButton(interaction, dispatcher, onError).catch(onError);
    }
  });
  if (options.conversations)
    handleDiscordConversations(client, { dispatcher, conversations: options.conversations, onError });
  client.on(Events.Error, onError);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  const gateway = `${(options.apiUrl ?? DISCORD_API).replace(/\/$/, "")}/v10/gateway/bot`;
  try {
    await withDeadline(
      client.login(options.token).then(() => ready),
      STARTUP_DEADLINE_MS,
      () => unreachable(gateway, `no gateway session within ${STARTUP_DEADLINE_MS / 1000} s`),
    );
  } catch (error) {
    await client.destroy().catch(() => {});
    throw startupFailure(error, gateway);
  }
  return {
    client,
    poster: createDiscordPoster(client, dispatcher.locale),
    stop: async () => {
      await client.destroy();
    },
  };
}
