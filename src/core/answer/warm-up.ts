// A start-up warm-up of the answer pipeline. A fresh process answers its first questions in code V8
// has not optimised yet: on the 34k-article archive the first ones took 40–150 ms of CPU each
// where the same questions asked again took 0.1–15 ms (bench/results/ask-tail.md). A bot pays that
// on the first users' questions after every start, so once ready it asks itself a few questions
// built from its own corpus — one of each kind a user asks (a headline, who, when, how many,
// where; in French and in English) — so that the first real question is answered hot.
// Nothing here is tied to a corpus: the questions are made from the last articles of the index,
// and the answers are thrown away (the pipeline keeps no state that changes an answer: only
// caches of what an article's text gives).
import type { Locale } from "../i18n/messages.ts";
import type { NewsIndex } from "../search/news-index.ts";
import { warmUpAnswerKinds } from "./answer-kinds.ts";

export interface WarmUpQuestion {
  readonly question: string;
  readonly locale: Locale;
}

/** Articles the questions are made from. */
const ARTICLES = 3;
/** Articles looked at, from the last one back, to find them (and a name and a figure). */
const LOOK_BACK = 50;
/** Sentences of an article searched for a name or a figure. */
const SENTENCES = 5;

// a name in a sentence, past its first word (which is capitalised whatever it is), and a noun
// counted by a figure (`1.240 mètres`, `400 millions`); the name bounded by letters, not `\b`,
// which is ASCII even with /u and cut `José Bové` to `José Bov`
const NAME = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/u;
const COUNTED = /\b\d[\d .,]*\s+(\p{L}{4,})/u;

const lowerFirst = (s: string) => (s ? `${s[0]?.toLowerCase()}${s.slice(1)}` : s);
const bare = (title: string) => title.replace(/[\s?!.…:;,]+$/u, "");

/**
 * The warm-up questions, from the newest articles of the index (the last added): their titles,
 * and who / when / how many / where questions around them, in French and in English; the kinds
 * come round in turn, so that a short budget still covers each. The name and the counted noun
 * come from the first sentences of the first article that has one.
 */
export function warmUpQuestions(news: NewsIndex, articles = ARTICLES): WarmUpQuestion[] {
  const topics: string[] = [];
  let name: string | undefined;
  let counted: string | undefined;
  const last = news.articles.length - 1;
  for (let doc = last; doc >= 0 && doc > last - LOOK_BACK; doc--) {
    if (topics.length >= articles && name && counted) break;
    const title = bare(news.articles[doc]?.title ?? "");
    const sentences = news.sentencesOf(doc).slice(0, SENTENCES);
    if (title.split(/\s+/u).length < 3 || sentences.length === 0) continue;
    if (topics.length < articles) topics.push(title);
    for (const s of sentences) {
      name ??= NAME.exec(s.text.slice(1))?.[1];
      counted ??= COUNTED.exec(s.text)?.[1];
    }
  }
  const fr = (question: string): WarmUpQuestion => ({ question, locale: "fr" });
  const en = (question: string): WarmUpQuestion => ({ question, locale: "en" });
  const rounds = topics.map((title, i) => {
    const topic = lowerFirst(title);
    // the name and the figure once in each language; the titles in every form
    const once = i === 0;
    return [
      fr(title),
      ...(once && name ? [fr(`Qui est ${name} ?`)] : []),
      fr(`Quand ${topic} ?`),
      ...(once && counted ? [fr(`Combien de ${counted} ?`)] : []),
      fr(`Où ${topic} ?`),
      ...(once && name ? [en(`Who is ${name}?`)] : []),
      en(`When ${topic}?`),
      ...(once && counted ? [en(`How many ${counted}?`)] : []),
      en(`Where ${topic}?`),
    ];
  });
  // round robin: each list's first question, then each one's second…
  const out: WarmUpQuestion[] = [];
  const longest = Math.max(0, ...rounds.map((qs) => qs.length));
  for (let k = 0; k < longest; k++)
    for (const qs of rounds) {
      const q = qs[k];
      if (q) out.push(q);
    }
  return out;
}

/**
 * What every question needs loaded first: the French word list the answer kinds read and the
 * vocabulary's buckets that typo matching searches (a few hundred ms on the archive).
 */
export function prepareAnswering(news: NewsIndex): void {
  warmUpAnswerKinds();
  news.expandUnknown([["warmupq"]]);
}

export interface WarmUpOptions {
  /** Stop asking once this much CPU time has been spent (ms). Default `WARM_UP_BUDGET_MS`. */
  readonly budgetMs?: number;
  /** Whether to go on (false once the app is stopping). */
  readonly going?: () => boolean;
  /** Lets other work run between two questions (a user's question waits for one at most). */
  readonly pause?: () => Promise<void>;
  /** The CPU time spent (ms); default the process's (user + system). */
  readonly clock?: () => number;
}

export interface WarmUpReport {
  /** Questions asked. */
  readonly asked: number;
  /** Of those prepared. */
  readonly of: number;
  /** Wall time from the first question to the last answer, pauses included (ms). */
  readonly ms: number;
  /** CPU time spent answering (ms). */
  readonly cpuMs: number;
}

/**
 * The default budget, in CPU time (on a busy machine the wall time is longer, but the cost to it is
 * this): the first questions cost 40–400 ms each cold, a dozen or two are asked.
 */
export const WARM_UP_BUDGET_MS = 1500;

const processCpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * Asks `questions` one at a time through `ask` (the answers are dropped), yielding between two,
 * until they are all asked or `budgetMs` of CPU time has been spent. A question that throws rejects the warm-up
 * (the caller logs it: the same question from a user would fail too).
 */
export async function warmUpAnswers(
  ask: (question: string, locale: Locale) => unknown,
  questions: readonly WarmUpQuestion[],
  options: WarmUpOptions = {},
): Promise<WarmUpReport> {
  const budget = options.budgetMs ?? WARM_UP_BUDGET_MS;
  const clock = options.clock ?? processCpuMs;
  const pause = options.pause ?? (() => new Promise<void>((r) => setImmediate(r)));
  const began = performance.now();
  let asked = 0;
  let cpuMs = 0;
  for (const q of questions) {
    await pause(); // first too: the caller's own work (and a user's question) goes before
    if (cpuMs >= budget || (options.going && !options.going())) break;
    const t = clock();
    ask(q.question, q.locale);
    cpuMs += clock() - t;
    asked++;
  }
  return { asked, of: questions.length, ms: performance.now() - began, cpuMs };
}
