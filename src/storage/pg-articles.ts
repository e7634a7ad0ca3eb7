// Articles shared through Postgres, so that every replica answers from the same corpus: an
// ingested article is written once (idempotent on its id) under an increasing sequence number and
// announced with NOTIFY; each replica loads what is there at start and then follows what is newer
// — woken by LISTEN, and polling the sequence as well, so a lost notification (a dropped
// connection) delays an article by at most one poll, never loses it.
import type pg from "pg";
import type { Article } from "../core/corpus/article.ts";
import type { PgDatabase } from "./pg-database.ts";

const CHANNEL = "newsbot_articles";

export interface ArticleBatch {
  readonly articles: Article[];
  /** The sequence number of the last one (or the one given when there is nothing newer). */
  readonly seq: number;
}

export interface SharedArticles {
  /** Stores articles not stored yet and announces them; returns how many were new. */
  publish(articles: readonly Article[]): Promise<number>;
  /** Articles stored after `seq`, oldest first, at most `limit`. */
  since(seq: number, limit?: number): Promise<ArticleBatch>;
  /** Calls `onArticles` with every article stored after `seq`, as they come; stop() ends it. */
  follow(
    seq: number,
    onArticles: (articles: Article[]) => Promise<void> | void,
    options?: { pollMs?: number; onError?: (error: unknown) => void },
  ): Promise<{ stop(): Promise<void> }>;
}

export function createSharedArticles(db: PgDatabase): SharedArticles {
  const since = async (seq: number, limit = 5000): Promise<ArticleBatch> => {
    const r = await db.pool.query<{ seq: string; article: Article }>(
      "SELECT seq, article FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2",
      [seq, limit],
    );
    const last = r.rows.at(-1);
    return { articles: r.rows.map((x) => x.article), seq: last ? Number(last.seq) : seq };
  };
  return {
    async publish(articles) {
      if (articles.length === 0) return 0;
      const at = new Date().toISOString();
      return db.tx(async (c) => {
        let added = 0;
        for (const a of articles) {
          const r = await c.query(
            "INSERT INTO articles (id, article, added_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            [a.id, JSON.stringify(a), at],
          );
          added += r.rowCount ?? 0;
        }
        // delivered at commit, to every listening replica
        if (added > 0) await c.query(`NOTIFY ${CHANNEL}`);
        return added;
      });
    },
    since,
    async follow(seq, onArticles, options = {}) {
      let last = seq;
      let stopped = false;
      let running: Promise<void> = Promise.resolve();
      let again = false;
      const pull = async () => {
        do {
          again = false;
          for (;;) {
            const batch = await since(last);
            if (batch.articles.length === 0 || stopped) break;
            await onArticles(batch.articles);
            last = batch.seq;
          }
        } while (again && !stopped);
      };
      // one pull at a time; a wake-up during a pull makes it look once more
      const wake = () => {
        again = true;
        running = running.then(pull).catch((error) => options.onError?.(error));
      };
      let listener: pg.PoolClient | undefined;
      try {
        listener = await db.pool.connect();
        listener.on("notification", wake);
        listener.on("error", (error) => options.onError?.(error));
        await listener.query(`LISTEN ${CHANNEL}`);
      } catch (error) {
        listener?.release();
        listener = undefined;
        options.onError?.(error); // polling alone still follows
      }
      const timer = setInterval(wake, options.pollMs ?? 2000);
      timer.unref();
      wake();
      return {
        async stop() {
          stopped = true;
          clearInterval(timer);
          await running;
          if (listener) {
            await listener.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
            listener.release();
          }
        },
      };
    },
  };
}
