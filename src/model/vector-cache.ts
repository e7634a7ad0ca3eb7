// Passage vectors cached in SQLite, keyed by article id and the embedding model's name with a hash
// of the text embedded: a restart reloads them instead of re-embedding the archive, an edited
// article is embedded again, and a change of model drops the other model's vectors so that every
// passage is recomputed with the new one.
import { createHash } from "node:crypto";
import type { Database } from "../storage/database.ts";

export interface CachedVector {
  readonly hash: string;
  readonly vector: Float32Array;
}

export interface VectorCache {
  readonly model: string;
  /** Every cached vector of the model, by article id. */
  load(): Map<string, CachedVector>;
  put(rows: readonly { id: string; hash: string; vector: ArrayLike<number> }[]): void;
  count(): number;
}

export const textHash = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 16);

export function createVectorCache(db: Database, model: string): VectorCache {
  db.exec(`CREATE TABLE IF NOT EXISTS passage_vectors (
    article_id TEXT PRIMARY KEY,
    model TEXT NOT NULL,
    hash TEXT NOT NULL,
    vector BLOB NOT NULL
  )`);
  db.prepare("DELETE FROM passage_vectors WHERE model <> ?").run(model);
  const insert = db.prepare<[string, string, string, Buffer]>(
    "INSERT OR REPLACE INTO passage_vectors (article_id, model, hash, vector) VALUES (?, ?, ?, ?)",
  );
  const putAll = db.transaction(
    (rows: readonly { id: string; hash: string; vector: ArrayLike<number> }[]) => {
      for (const r of rows) {
        const floats = Float32Array.from(r.vector);
        insert.run(r.id, model, r.hash, Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength));
      }
    },
  );
  return {
    model,
    load() {
      const out = new Map<string, CachedVector>();
      const rows = db
        .prepare<[string], { article_id: string; hash: string; vector: Buffer }>(
          "SELECT article_id, hash, vector FROM passage_vectors WHERE model = ?",
        )
        .iterate(model);
      for (const r of rows) {
        const copy = new Uint8Array(r.vector); // aligned copy of the blob
        out.set(r.article_id, {
          hash: r.hash,
          vector: new Float32Array(copy.buffer, 0, copy.byteLength / 4),
        });
      }
      return out;
    },
    put: (rows) => putAll(rows),
    count: () =>
      db
        .prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM passage_vectors WHERE model = ?")
        .get(model)?.n ?? 0,
  };
}
