import { createPgArticleSearch } from "../src/storage/pg-article-search.ts";
import { createPgArticleSource } from "../src/storage/pg-article-source.ts";
import { createSharedArticles } from "../src/storage/pg-articles.ts";
import { openPostgres } from "../src/storage/pg-database.ts";
import { createTermStats } from "../src/core/search/term-stats.ts";
import { createWindowIndex } from "../src/core/search/window-index.ts";
import { buildDigest } from "../src/core/digest/digest.ts";
import type { Article } from "../src/core/corpus/article.ts";
const db = await openPostgres(process.argv[2] as string);
const stats = createTermStats();
const shared = createSharedArticles(db);
let seq = 0; let t = performance.now();
for (;;) { const b = await shared.since(seq, 2000); if (!b.articles.length) break; stats.add(b.articles); seq = b.seq; }
console.log("stats", Math.round(performance.now() - t));
const search = createPgArticleSearch(db);
const source = createPgArticleSource(db, { stats, search });
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const read = await source.period({});
  const t1 = performance.now();
  const d = buildDigest(read.news, { from: read.from, to: read.to, ...(read.notLoaded ? { notLoaded: read.notLoaded } : {}) });
  console.log("period fetch+window", Math.round(t1 - t), "articles", read.news.articles.length, "digest", Math.round(performance.now() - t1), d.items.length);
}
t = performance.now();
const r = await db.pool.query<{ article: Article }>("SELECT article FROM articles WHERE day >= '2020-08-30' AND day < '2020-09-27' AND length(day) = 10 ORDER BY seq");
const t1 = performance.now();
createWindowIndex(stats, r.rows.map((x) => x.article));
console.log("bg query", Math.round(t1 - t), r.rows.length, "window", Math.round(performance.now() - t1));
await db.close();
