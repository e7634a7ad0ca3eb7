// Loads PIAF v1.0 (../shared/datasets/piaf-v1.0.json, SQuAD v1 format) for the question-answering
// evaluation: every paragraph becomes an article, every question keeps its gold paragraph and gold
// answer texts. The data is read in place and never copied into the project.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Article } from "../../src/core/corpus/article.ts";

export const PIAF_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../shared/datasets/piaf-v1.0.json",
);

interface SquadFile {
  data: {
    title: string;
    paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[];
  }[];
}

export interface PiafQuestion {
  readonly question: string;
  /** Id of the gold paragraph (`<articleIndex>-<paragraphIndex>`). */
  readonly paragraph: string;
  readonly answers: readonly string[];
  /** Index of the PIAF article the question belongs to (for the tuning / held-out split). */
  readonly articleIndex: number;
}

export interface Piaf {
  readonly articles: Article[];
  readonly questions: PiafQuestion[];
  /** Number of PIAF articles (titles); questions of the first half are the tuning set. */
  readonly articleCount: number;
}

export function loadPiaf(path = PIAF_PATH): Piaf {
  const squad = JSON.parse(readFileSync(path, "utf8")) as SquadFile;
  const articles: Article[] = [];
  const questions: PiafQuestion[] = [];
  squad.data.forEach((a, ai) => {
    a.paragraphs.forEach((p, pi) => {
      const id = `${ai}-${pi}`;
      articles.push({ id, title: a.title, lang: "fr", body: p.context });
      for (const qa of p.qas) {
        questions.push({
          question: qa.question,
          paragraph: id,
          answers: qa.answers.map((x) => x.text),
          articleIndex: ai,
        });
      }
    });
  });
  return { articles, questions, articleCount: squad.data.length };
}

/** Case-, accent- and whitespace-insensitive form used to compare an answer with the gold texts. */
export function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether `answer` contains one of the gold answer texts (normalized). */
export function containsGold(answer: string, gold: readonly string[]): boolean {
  const a = normalize(answer);
  return gold.some((g) => {
    const n = normalize(g);
    return n.length > 0 && a.includes(n);
  });
}
