// Registers the root command with Discord (`npm run discord:register`): in one guild when a guild
// id is given (instant, for development), globally otherwise. A bulk overwrite: what is declared
// in `commands/` becomes exactly what Discord shows.
import { REST, Routes } from "discord.js";
import type { Command } from "../../../commands/define.ts";
import type { Locale } from "../../core/i18n/messages.ts";
import { discordCommand } from "./declarations.ts";

export interface RegisterOptions {
  readonly token: string;
  readonly applicationId: string;
  readonly guildId?: string;
  /** REST base (`https://discord.com/api` by default; tests use a local fake). */
  readonly apiUrl?: string;
  readonly commands: readonly Command[];
  readonly root: string;
  readonly locale: Locale;
}

export async function registerDiscordCommands(
  options: RegisterOptions,
): Promise<{ scope: string; names: string[] }> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const body = [discordCommand(options.commands, options.root, options.locale)];
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  await rest.put(route, { body });
  return {
    scope: options.guildId ? `guild ${options.guildId}` : "global",
    names: options.commands.map((c) => `/${options.root} ${c.name}`),
  };
}
