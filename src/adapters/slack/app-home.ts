// Slack's App Home tab: when a user opens it (`app_home_opened`, tab `home`), the bot publishes
// their view (`views.publish`): the scheduled posts and feeds of the channels they are in (found
// with `users.conversations`, scopes channels:read and groups:read — channels they are not in are
// never shown), and the commands, in the user's language. Nothing in it pings anyone.
import type { App } from "@slack/bolt";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import type { HomeChannel } from "../../../commands/home.ts";
import { HOME_MAX_CHANNELS } from "../../../commands/home.ts";
import { renderSlack } from "./render.ts";
import type { SlackUserLocales } from "./user-locales.ts";

type WebClient = App["client"];

/** A home view holds 100 blocks; the rendered reply stays under it. */
const HOME_BLOCKS = 100;

/** The channels the user is in, or undefined when Slack will not say (a missing scope). */
async function memberChannels(client: WebClient, user: string): Promise<HomeChannel[] | undefined> {
  try {
    const res = await client.users.conversations({
      user,
      types: "public_channel,private_channel",
      exclude_archived: true,
      limit: HOME_MAX_CHANNELS,
    });
    return (res.channels ?? []).flatMap((c) =>
      c.id ? [{ id: c.id, ...(c.name ? { name: c.name } : {}) }] : [],
    );
  } catch {
    return undefined;
  }
}

export function handleSlackAppHome(
  app: App,
  options: { dispatcher: Dispatcher; locales: SlackUserLocales; onError: (e: unknown) => void },
): void {
  const { dispatcher, locales, onError } = options;
  app.event("app_home_opened", async ({ event, client, body }) => {
    if (event.tab !== "home") return;
    try {
      const teamId = (body as { team_id?: string }).team_id ?? "";
      const [channels, locale] = await Promise.all([
        memberChannels(client, event.user),
        locales.of(client, event.user),
      ]);
      const home = await dispatcher.home(
        { platform: "slack", user: `slack:${teamId}:${event.user}`, ...(locale ? { locale } : {}) },
        channels,
      );
      // one message's worth of blocks (the renderer keeps to 50), a home view takes 100
      const [page] = renderSlack(
        { ...home, visibility: "public" },
        { locale: locale ?? dispatcher.locale, maxMessages: 1 },
      );
      await client.views.publish({
        user_id: event.user,
        view: { type: "home", blocks: (page?.blocks ?? []).slice(0, HOME_BLOCKS) },
      });
    } catch (error) {
      onError(error);
    }
  });
}
