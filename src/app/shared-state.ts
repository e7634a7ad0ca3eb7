// Where the app keeps its state and how replicas share a corpus. Without `DATABASE_URL`: the
// SQLite file, ingested articles as corpus files. With it: every store in Postgres, ingested
// articles published there too, loaded at start (what is newer than the local corpus) and
// followed live, so an article ingested by one replica is answered by all within seconds.

import type { Config } from "../config/config.ts";
import type { Article } from "../core/corpus/article.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import { addToLiveIndex } from "../ingest/live-index.ts";
import { openStores, type Stores } from "../storage/backend.ts";
import { DatabaseOpenError } from "../storage/database.ts";
import { databaseFailure } from "./exit-codes.ts";

/** The stores, or the one-line start-up failure naming the database and its setting. */
export async function openAppStores(config: Config, sqlitePath: string): Promise<Stores> {
  try {
    return await openStores({
      sqlitePath,
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
      ...(config.databaseStatementTimeoutMs ? { statementTimeoutMs: config.databaseStatementTimeoutMs } : {}),
    });
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    throw databaseFailure(error, config.databaseUrl ? "DATABASE_URL" : "NEWSBOT_DB");
  }
}

export interface SharedCorpus {
  /** Articles in the shared database (none without one): added to the local corpus at start. */
  load(): Promise<Article[]>;
  /**
   * Announces articles ingested here (feeds, the watched folder) to the other replicas; throws when
   * the database refuses them (the caller keeps them for later: unpublished.ts).
   */
  publish(articles: readonly Article[]): Promise<void>;
  /** Follows what other replicas ingest into `news`; resolves to a stop function. */
  follow(
    news: NewsIndex,
    onAdded: (n: number) => void,
    onError: (e: unknown) => void,
  ): Promise<() => Promise<void>>;
}

export function sharedCorpus(stores: Stores): SharedCorpus {
  const pg = stores.pg;
  if (!pg) {
    return {
      load: async () => [],
      publish: async () => {},
      follow: async () => async () => {},
    };
  }
  const shared = import("../storage/pg-articles.ts").then((m) => m.createSharedArticles(pg));
  let loadedTo = 0;
  return {
    async load() {
      const all: Article[] = [];
      for (;;) {
        const batch = await (await shared).since(loadedTo);
        if (batch.articles.length === 0) return all;
        all.push(...batch.articles);
        loadedTo = batch.seq;
      }
    },
    publish: async (articles) => {
      await (await shared).publish(articles);
    },
    async follow(news, onAdded, onError) {
      const following = await (await shared).follow(
        loadedTo,
        async (articles) => {
          const { added } = await addToLiveIndex(news, articles);
          if (added > 0) onAdded(added);
        },
        { onError },
      );
      return () => following.stop();
    },
  };
}
