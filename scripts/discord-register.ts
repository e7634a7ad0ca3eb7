// `npm run discord:register` — registers `/news` (the root from NEWSBOT_COMMAND) and its
// subcommands with Discord, from `commands/`. Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; with
// DISCORD_GUILD_ID it registers in that server only (instant, for development), else globally
// (may take up to an hour to appear). Reads `.env` when present.
import { existsSync } from "node:fs";
import { allCommands } from "../commands/index.ts";
import { registerDiscordCommands } from "../src/adapters/discord/register.ts";
import { ConfigError, loadConfig } from "../src/config/index.ts";

if (existsSync(".env")) process.loadEnvFile(".env");
try {
  const config = loadConfig(process.env, { require: "discord-register" });
  const discord = config.discord;
  if (!discord?.applicationId) throw new Error("DISCORD_APPLICATION_ID is missing");
  const result = await registerDiscordCommands({
    token: discord.token,
    applicationId: discord.applicationId,
    ...(discord.guildId ? { guildId: discord.guildId } : {}),
    ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
    commands: allCommands,
    root: config.root,
    locale: config.locale,
  });
  process.stdout.write(`registered (${result.scope}): ${result.names.join(", ")}\n`);
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error)?.message ?? error)}\n`,
  );
  process.exitCode = 1;
}
