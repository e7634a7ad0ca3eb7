// The question's names against the answer's sentence, its neighbours and its article. A question
// the archive cannot answer is often answered from an article about someone else sharing the
// question's other words: `Quel âge avait X à sa mort ?` answered by another person's death `à l'âge
// de 68 ans`. `namesInSentence` counts the question's name words one by one (a first name the
// sentence lacks weighs as much as a surname, and a question with no name scores as one whose names
// are all written) and `nameMissingInArticle` says only whether some name word is missing from the
// article. Here a name is a run of capitalised words of the question (`Christine Lagarde`, `Ursula
// von der Leyen`), written when its last word — the surname — is (`Lagarde a été nommée…`); the
// share of the names missing grades the only name missing (1) against one of several (0.5), and
// 0 when the question names no one. Features `namesAwayNearby` (neither the sentence, its
// neighbours nor its article's title write it) and `namesAwayArticle` (./features.ts), read by the
// answer gate only. (The share away from the sentence alone was measured too and added nothing:
// bench/results/ranker-comparison.md, answers22.)
import type { NewsIndex } from "../search/news-index.ts";
import { forEachToken } from "../text/tokenize.ts";
import { articleTerms } from "./article-terms.ts";
import type { Reading } from "./read-question.ts";

/** A name of the question: the index terms (French and English) of its last word. */
export type AskedName = readonly string[];

/** Lower-case particles inside a name (`Ursula von der Leyen`, `Charles de Gaulle`). */
const PARTICLES = new Set([
  "de",
  "du",
  "des",
  "d",
  "von",
  "van",
  "der",
  "den",
  "di",
  "da",
  "del",
  "la",
  "le",
  "al",
  "ben",
  "bin",
  "el",
]);
/** Capitalised abbreviations that are no names (`M.`, `Mme`, `Dr`), as read-question.ts skips them. */
const TITLES = new Set(["no", "nr", "mr", "mrs", "ms", "dr", "st", "m", "mme", "mlle", "me"]);

interface Word {
  readonly text: string;
  readonly start: number;
}

/** The runs of capitalised words of `question` (the first word only when all capitals, as `namedTerms`). */
export function nameRuns(question: string): string[][] {
  const words: Word[] = [];
  // a hyphenated name comes as its parts and as one joined token: the parts only
  forEachToken(question, (text, start, joined) => {
    if (!joined) words.push({ text, start });
  });
  const runs: string[][] = [];
  let run: string[] = [];
  let pending: string[] = [];
  let end = -1;
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
    pending = [];
  };
  words.forEach((w, i) => {
    const gap = question.slice(end, w.start);
    // a comma, a question mark or a quote between two words ends a name; a space or a hyphen does not
    if (end >= 0 && !/^[\s\-‐‑'’]*$/u.test(gap)) close();
    end = w.start + w.text.length;
    const capital =
      /^\p{Lu}/u.test(w.text) && (i > 0 || /^\p{Lu}{2,}$/u.test(w.text)) && !TITLES.has(w.text.toLowerCase());
    if (capital) {
      run.push(...pending, w.text);
      pending = [];
    } else if (run.length > 0 && PARTICLES.has(w.text.toLowerCase())) pending.push(w.text);
    else close();
  });
  close();
  return runs;
}

const namesOf = new WeakMap<Reading, AskedName[]>();

/** The question's names the archive knows, each as its surname's index terms. */
export function askedNames(news: NewsIndex, q: Reading): AskedName[] {
  const kept = namesOf.get(q);
  if (kept) return kept;
  const names: AskedName[] = [];
  for (const run of nameRuns(q.text)) {
    const last = run[run.length - 1] ?? "";
    const terms = [news.analyzer.term(last, "fr"), news.analyzer.term(last, "en")].filter(
      (t): t is string => t !== undefined && news.index.docFreq(t) > 0,
    );
    if (terms.length > 0) names.push([...new Set(terms)]);
  }
  namesOf.set(q, names);
  return names;
}

/** The share of `names` that none of `sets` writes (0 when there are no names). */
export function shareAway(names: readonly AskedName[], sets: readonly ReadonlySet<string>[]): number {
  if (names.length === 0) return 0;
  const away = names.filter((n) => !sets.some((s) => n.some((t) => s.has(t)))).length;
  return away / names.length;
}

/** The shares of the question's names away from the sentence and its surroundings, and from its article. */
export function namesAway(
  news: NewsIndex,
  q: Reading,
  doc: number,
  index: number,
  terms: ReadonlySet<string>,
): { nearby: number; article: number } {
  const names = askedNames(news, q);
  if (names.length === 0) return { nearby: 0, article: 0 };
  const around = news.sentencesOf(doc);
  const near = [terms, news.titleTerms(doc), around[index - 1]?.terms, around[index + 1]?.terms].filter(
    (s): s is ReadonlySet<string> => s !== undefined,
  );
  return {
    nearby: shareAway(names, near),
    article: shareAway(names, [articleTerms(news, doc)]),
  };
}
