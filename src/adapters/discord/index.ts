// The Discord adapter: a discord.js client exposing every command as a subcommand of one root
// command (`/news ask`, …) — deferring at once, answering with embeds that respect Discord's
// limits (follow-ups when one message is not enough), private by default for lookups, with
// autocomplete for article ids — plus the command declarations generated from `commands/` and
// the script-facing registration. It imports the core and the commands, never another adapter.
export { type DiscordAdapterOptions, type RunningDiscordAdapter, startDiscordAdapter } from "./client.ts";
export { discordCommand } from "./declarations.ts";
export { classifyDiscordError, createDiscordPoster } from "./poster.ts";
export { type RegisterOptions, registerDiscordCommands } from "./register.ts";
export {
  COLOR,
  chunkEscapedDiscord,
  DISCORD_LIMITS,
  type DiscordMessage,
  embedChars,
  escapeDiscord,
  renderDiscord,
} from "./render.ts";
