// The seed question set (tests/fixtures/seed-questions.json) and the rule that grades an answer,
// shared by `bench/eval-seeds.ts` and `tests/answers.test.ts`.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Answer } from "../../src/core/answer/answerer.ts";
import { normalize } from "./piaf.ts";

export const SEED_QUESTIONS_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../tests/fixtures/seed-questions.json",
);

export interface SeedQuestion {
  readonly q: string;
  readonly lang: "fr" | "en";
  readonly kind: string;
  /**
   * Expected id prefix of the first citation (answerable questions); a list when several articles
   * state the same fact word for word, any of which is a right source.
   */
  readonly article?: string | readonly string[];
  /** Text the answer must contain (answerable questions). */
  readonly expect?: string;
  readonly answerable: boolean;
  /** Which batch of questions it was written in (1 when absent); see the fixture's `about`. */
  readonly batch?: number;
  /** Set (to the reason) on a question the bot is known to get wrong; tests require it still does. */
  readonly knownMiss?: string;
}

export function loadSeedQuestions(path = SEED_QUESTIONS_PATH): SeedQuestion[] {
  const raw = JSON.parse(readFileSync(path, "utf8")) as {
    questions: (Omit<SeedQuestion, "answerable"> & { answerable?: boolean })[];
  };
  return raw.questions.map((q) => ({ ...q, answerable: q.answerable ?? true }));
}

export function checkSeedAnswer(q: SeedQuestion, a: Answer): { ok: boolean; why: string } {
  if (!q.answerable)
    return a.found ? { ok: false, why: "answered, should abstain" } : { ok: true, why: "abstained" };
  if (!a.found) return { ok: false, why: "abstained" };
  const cited = a.citations[0]?.id ?? "";
  const expected = typeof q.article === "string" ? [q.article] : (q.article ?? [""]);
  if (!expected.some((prefix) => cited.startsWith(prefix)))
    return { ok: false, why: `cited ${cited}, expected ${expected.join(" or ")}` };
  if (!normalize(a.answer).includes(normalize(q.expect ?? "")))
    return { ok: false, why: `answer lacks “${q.expect}”` };
  return { ok: true, why: "right article and text" };
}

/**
 * The last day of a set of articles (`YYYY-MM-DD`), "" when none is dated. The seed questions are
 * asked on the seed corpus's last day: a question naming a day without its year (`le 15 janvier`)
 * reads the same whatever the calendar says, so the figures reproduce next year too.
 */
export const lastDay = (articles: readonly { date?: string }[]) =>
  articles.reduce((m, a) => ((a.date ?? "").slice(0, 10) > m ? (a.date ?? "").slice(0, 10) : m), "");
