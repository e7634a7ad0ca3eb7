// The one table naming the adapters: each is imported (dynamic `import()`) only when it is
// configured, so the console alone never loads discord.js or Bolt. Adding a platform is one line
// here and a folder under src/adapters exporting an `AdapterFactory`.
import type { Adapter, AdapterContext, AdapterFactory } from "../adapters/port.ts";
import type { Platform } from "../core/platform.ts";

const FACTORIES: Record<Platform, () => Promise<AdapterFactory>> = {
  console: async () => (await import("../adapters/console/adapter.ts")).createConsoleAdapter,
  slack: async () => (await import("../adapters/slack/adapter.ts")).createSlackAdapter,
  discord: async () => (await import("../adapters/discord/adapter.ts")).createDiscordAdapter,
};

export async function loadAdapter(name: Platform, context: AdapterContext): Promise<Adapter> {
  return (await FACTORIES[name]())(context);
}
