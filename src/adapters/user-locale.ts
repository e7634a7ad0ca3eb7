// The user's own language as a platform names it (Discord `en-US`, `fr`; Slack `en-GB`,
// `fr-FR`), read as one of the bot's languages, or undefined for any other.
import type { Locale } from "../core/i18n/messages.ts";

export function userLocale(tag: string | undefined | null): Locale | undefined {
  const lang = tag?.toLowerCase().split(/[-_]/)[0];
  return lang === "fr" || lang === "en" ? lang : undefined;
}
