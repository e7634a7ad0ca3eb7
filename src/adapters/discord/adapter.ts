// Discord as an `Adapter`: the discord.js gateway client and its poster; healthy while the
// client's gateway session is ready.
import { adapterMessages } from "../adapter-messages.ts";
import type { Adapter, AdapterFactory } from "../port.ts";
import { type RunningDiscordAdapter, startDiscordAdapter } from "./client.ts";

export const createDiscordAdapter: AdapterFactory = (context): Adapter => {
  const { config, dispatcher, log } = context;
  const discord = config.discord;
  let running: RunningDiscordAdapter | undefined;
  return {
    name: "discord",
    async start() {
      if (!discord) throw new Error("Discord is not configured (DISCORD_TOKEN)");
      running = await startDiscordAdapter({
        dispatcher,
        ...(context.conversations ? { conversations: context.conversations } : {}),
        ...(discord.shards ? { shards: discord.shards } : {}),
        token: discord.token,
        ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}),
        onError: (error) =>
          log.error(
            { err: error, adapter: "discord" },
            "Discord interaction failed; the user was told when possible — check the error",
          ),
      });
      return { message: adapterMessages(config.locale).startedDiscord(running.client.user?.tag ?? "?") };
    },
    async stop() {
      await running?.stop();
    },
    poster: () => running?.poster,
    health() {
      if (!running) return { ok: false, detail: "not started" };
      return running.client.isReady()
        ? { ok: true, detail: `gateway connected (ping ${running.client.ws.ping} ms)` }
        : { ok: false, detail: "gateway disconnected; discord.js reconnects on its own" };
    },
  };
};
