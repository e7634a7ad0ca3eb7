// Synthetic French articles for core tests: general news wording, never a seed article.
import type { Article } from "../../src/core/corpus/article.ts";

export const newsArticle = (
  id: string,
  date: string,
  title: string,
  body: string,
  source?: string,
): Article => ({
  id,
  title,
  date,
  lang: "fr",
  body,
  ...(source ? { source } : {}),
});
