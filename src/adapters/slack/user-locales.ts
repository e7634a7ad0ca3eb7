// A Slack user's language (`users.info` with `include_locale`, scope users:read), remembered for
// an hour per user so help costs one Web API call at most. Any failure (a missing scope, a
// timeout) gives undefined: the bot's own language is used, and nothing is lost.
import type { App } from "@slack/bolt";
import type { Locale } from "../../core/i18n/messages.ts";
import { userLocale } from "../user-locale.ts";

type WebClient = App["client"];

export interface SlackUserLocales {
  of(client: WebClient, userId: string): Promise<Locale | undefined>;
}

const TTL_MS = 3_600_000;
const MAX_USERS = 1000;

export function createSlackUserLocales(now: () => number = Date.now): SlackUserLocales {
  const known = new Map<string, { locale: Locale | undefined; at: number }>();
  return {
    async of(client, userId) {
      const hit = known.get(userId);
      if (hit && now() - hit.at < TTL_MS) return hit.locale;
      let locale: Locale | undefined;
      try {
        const info = await client.users.info({ user: userId, include_locale: true });
        locale = userLocale((info.user as { locale?: string } | undefined)?.locale);
      } catch {
        locale = undefined; // the bot's language then
      }
      if (known.size >= MAX_USERS) known.delete(known.keys().next().value as string);
      known.set(userId, { locale, at: now() });
      return locale;
    },
  };
}
