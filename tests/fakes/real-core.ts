// Not a fake: the real core over the real corpus (the five seeds), built once per test file,
// and a dispatcher over the real commands.
import { resolve } from "node:path";
import { createDispatcher, type Dispatcher, type DispatcherOptions } from "../../commands/dispatch.ts";
import { allCommands } from "../../commands/index.ts";
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsCore, type NewsCore } from "../../src/core/news-core.ts";

export const CORPUS = resolve(import.meta.dirname, "../../corpus");

let core: Promise<NewsCore> | undefined;

export function realCore(): Promise<NewsCore> {
  core ??= loadCorpus(CORPUS).then(({ articles, problems }) => {
    if (problems.length > 0) throw new Error(`corpus problems: ${JSON.stringify(problems)}`);
    if (articles.length < 5) throw new Error(`expected the five seed articles, got ${articles.length}`);
    return createNewsCore(articles);
  });
  return core;
}

export async function realDispatcher(options: Partial<DispatcherOptions> = {}): Promise<Dispatcher> {
  return createDispatcher({ core: await realCore(), commands: allCommands, ...options });
}
