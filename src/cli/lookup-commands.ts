// `newsbot ask`, `newsbot search`, `newsbot article`: one-shot lookups, or with --json and no
// argument a batch over stdin (one query a line in, one JSON object a line out, index built once).
import { parseArgs } from "node:util";
import { createAnswerer } from "../core/answer/answerer.ts";
import { messages } from "../core/i18n/messages.ts";
import { searchArticles } from "../core/search/article-search.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import { loadNewsForCli } from "./corpus-option.ts";
import type { CliIO } from "./io.ts";
import { answerText, articleText, searchText } from "./render-text.ts";

const common = {
  corpus: { type: "string", multiple: true },
  json: { type: "boolean", default: false },
  limit: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Run = (
  news: NewsIndex,
  query: string,
  limit: number,
) => { json: unknown; text: string; failed?: boolean };

async function lookup(argv: string[], io: CliIO, usage: string, run: Run): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof common; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: common, allowPositionals: true });
  } catch (e) {
    io.err(`${(e as Error).message}\nusage: ${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`usage: ${usage}`);
    return 0;
  }
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    io.err("--limit must be a whole number from 1 to 100");
    return 2;
  }
  const query = positionals.join(" ").trim();
  if (!query && !(values.json && io.stdinLines)) {
    io.err(`usage: ${usage}`);
    return 2;
  }
  const { news, save } = await loadNewsForCli(values.corpus, io);
  if (query) {
    const r = run(news, query, limit);
    io.out(values.json ? JSON.stringify(r.json) : r.text);
    await save();
    return r.failed ? 1 : 0;
  }
  for await (const line of io.stdinLines?.() ?? []) {
    const q = line.trim();
    io.out(JSON.stringify(q ? run(news, q, limit).json : { error: messages("fr").emptyQuestion }));
  }
  await save();
  return 0;
}

export function runAsk(argv: string[], io: CliIO): Promise<number> {
  let answerer: ReturnType<typeof createAnswerer> | undefined;
  return lookup(argv, io, 'newsbot ask "<question>" [--corpus PATH] [--json]', (news, q) => {
    answerer ??= createAnswerer(news);
    const a = answerer.answer(q);
    return { json: { found: a.found, answer: a.answer, citations: a.citations }, text: answerText(a) };
  });
}

export function runSearch(argv: string[], io: CliIO): Promise<number> {
  return lookup(
    argv,
    io,
    'newsbot search "<terms>" [--corpus PATH] [--limit N] [--json]',
    (news, q, limit) => {
      const results = searchArticles(news, q, { limit });
      return { json: { results }, text: searchText(results) };
    },
  );
}

export function runArticle(argv: string[], io: CliIO): Promise<number> {
  return lookup(argv, io, "newsbot article <id> [--corpus PATH] [--json]", (news, id) => {
    const doc = news.find(id);
    const article = doc === undefined ? undefined : news.articles[doc];
    if (!article) {
      const message = messages("fr").articleNotFound(id);
      return { json: { error: message }, text: message, failed: true };
    }
    const { origin: _origin, ...shown } = article;
    return { json: shown, text: articleText(article) };
  });
}
