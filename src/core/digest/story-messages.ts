// The strings the story digest adds to report-messages.ts (kept here so the digest can change its
// wording without touching the messages other products share).
import type { Locale } from "../i18n/messages.ts";

export interface StoryMessages {
  articlesCount(n: number): string;
  /** The tail of minor stories, one line: `Aussi : A · B · C (et 12 autres)`. */
  alsoLine(titles: readonly string[], more: number): string;
}

const fr: StoryMessages = {
  articlesCount: (n) => `${n} article${n > 1 ? "s" : ""}`,
  alsoLine: (titles, more) =>
    `Aussi : ${titles.join(" · ")}${more > 0 ? ` (et ${more} autre${more > 1 ? "s" : ""})` : ""}`,
};

const en: StoryMessages = {
  articlesCount: (n) => `${n} article${n > 1 ? "s" : ""}`,
  alsoLine: (titles, more) => `Also: ${titles.join(" · ")}${more > 0 ? ` (and ${more} more)` : ""}`,
};

export const storyMessages = (locale: Locale): StoryMessages => (locale === "en" ? en : fr);
