// The 300 `ask` questions of `npm run bench:reports`, built from the corpus itself with a fixed
// stride: an article's title as a question, "Qui est <name> ?" for a name its first sentence
// mentions, and "Combien … ?" around a figure of that sentence. Shared with the screen that checks
// the answers stay the same (bench/screens/ask-outputs.ts), so both ask the same questions.
import type { Article } from "../../src/core/corpus/article.ts";
import type { NewsIndex } from "../../src/core/search/news-index.ts";

export function askQuestions(news: NewsIndex, all: readonly Article[]): string[] {
  const questions: string[] = [];
  for (let i = 0; questions.length < 300 && i < 3000; i++) {
    const a = all[(i * 7919) % all.length];
    if (!a) continue;
    const first = news.sentencesOf((i * 7919) % all.length)[0]?.text ?? "";
    const name = /\b(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)\b/u.exec(first.slice(1))?.[1];
    const figure = /\b\d[\d .,]*\s+(\p{L}{4,})/u.exec(first)?.[1];
    if (i % 3 === 0) questions.push(a.title);
    else if (i % 3 === 1 && name) questions.push(`Qui est ${name} ?`);
    else if (figure) questions.push(`Combien de ${figure} ?`);
  }
  return questions;
}

/**
 * The day with the most articles before `heldOutFrom`: the bench indexes every other article first,
 * then adds that day's one at a time, as they arrive live (the questions read that index).
 */
export function busiestDay(articles: readonly Article[], heldOutFrom: string): string {
  const perDay = new Map<string, number>();
  for (const a of articles) if (a.date) perDay.set(a.date, (perDay.get(a.date) ?? 0) + 1);
  const days = [...perDay.entries()].filter(([d]) => d < heldOutFrom).sort((a, b) => b[1] - a[1]);
  return days[0]?.[0] ?? "2020-05-07";
}
