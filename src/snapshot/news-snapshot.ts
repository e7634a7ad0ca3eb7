// The news core of a corpus, from its snapshot when the corpus is unchanged: the articles, the
// index's vocabulary and postings and the people list, saved next to the database. When only new
// article files appeared, the snapshot is kept and the new files are added to it; when the format
// version, the analyzer or any known file changed, or the checksum fails, everything is rebuilt
// from the corpus and the snapshot is written again. The CLI and the bot share it.
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join as joinPath } from "node:path";
import type { Article, LoadProblem } from "../core/corpus/article.ts";
import { loadCorpus } from "../core/corpus/loader.ts";
import { createNewsCore, type NewsCore, type PersonMentions } from "../core/news-core.ts";
import { createNewsIndex, type NewsIndexState } from "../core/search/news-index.ts";
import { createAnalyzer } from "../core/text/analyzer.ts";
import { compareFingerprints, fingerprintCorpus, type SourceFile } from "./corpus-fingerprint.ts";
import { readSnapshotFile, writeSnapshotFile } from "./snapshot-file.ts";

/** Bump when the saved shape or anything that decides the index (loader, analyzer, index) changes. */
export const SNAPSHOT_FORMAT = 3;

interface Meta {
  readonly sources: readonly SourceFile[];
  readonly articles: number;
}

/** An article without its text, which lives in the blob at `bodyStart[i]..bodyStart[i + 1]`. */
type Lean = Omit<Article, "body">;

interface Body {
  readonly articles: Lean[];
  readonly bodyStart: Float64Array;
  readonly problems: LoadProblem[];
  readonly index: NewsIndexState;
  readonly people?: readonly PersonMentions[];
}

export type NewsSource = "snapshot" | "snapshot+new-files" | "corpus";

export interface SnapshotEvent {
  readonly type: "loaded" | "rebuilt" | "saved" | "save-failed";
  readonly path: string;
  readonly detail: string;
  readonly ms: number;
}

export interface NewsLoadOptions {
  readonly paths: readonly string[];
  /** Where snapshots are kept (the database's folder); undefined = never read nor write one. */
  readonly snapshotDir?: string;
  readonly onEvent?: (event: SnapshotEvent) => void;
}

export interface LoadedNews {
  readonly core: NewsCore;
  readonly problems: readonly LoadProblem[];
  readonly source: NewsSource;
  /** The snapshot file (undefined without a snapshot folder). */
  readonly snapshotPath?: string;
  /** Write the snapshot when the index or people list changed since it was read or written. */
  save(): Promise<void>;
}

/**
 * The format version joined with what the analyzer makes of a probe sentence: a change of
 * stemmer, stopwords or folding gives other terms, so an index built by older code is not reused.
 */
function snapshotVersion(): string {
  const probe = "Les Défenses présidentielles d'Emmanuel Macron : 2 019 élections à l'Île-de-France, WHO'S";
  const terms = createAnalyzer().terms(probe).join(" ");
  return `${SNAPSHOT_FORMAT}:${createHash("sha1").update(terms).digest("hex").slice(0, 12)}`;
}

/** One snapshot per corpus (its paths), so two corpora used from one data folder do not fight. */
export function snapshotPathFor(dir: string, paths: readonly string[]): string {
  const key = createHash("sha1").update(paths.join("\n")).digest("hex").slice(0, 10);
  return joinPath(dir, `index-${key}.snapshot`);
}

/** The articles and their texts, apart: the texts as one UTF-8 blob. */
function split(articles: readonly Article[]): { lean: Lean[]; bodyStart: Float64Array; blob: Buffer } {
  const parts: Buffer[] = [];
  const bodyStart = new Float64Array(articles.length + 1);
  const lean = articles.map((a, i) => {
    const { body, ...rest } = a;
    const bytes = Buffer.from(body, "utf8");
    parts.push(bytes);
    bodyStart[i + 1] = (bodyStart[i] as number) + bytes.length;
    return rest;
  });
  return { lean, bodyStart, blob: Buffer.concat(parts) };
}

/**
 * The articles again, each `body` an own, enumerable getter decoding its text from the blob when
 * read (a few microseconds), so start-up builds no 34k strings and memory holds the UTF-8 once.
 */
function join(lean: readonly Lean[], bodyStart: Float64Array, blob: Buffer): Article[] {
  return lean.map((a, i) => {
    const start = bodyStart[i] as number;
    const end = bodyStart[i + 1] as number;
    return Object.defineProperty({ ...a }, "body", {
      get: () => blob.toString("utf8", start, end),
      enumerable: true,
    }) as Article;
  });
}

async function fromCorpus(paths: readonly string[]) {
  const { articles, problems } = await loadCorpus(paths);
  return { core: createNewsCore(articles), problems };
}

export async function loadNews(options: NewsLoadOptions): Promise<LoadedNews> {
  const { paths, snapshotDir, onEvent } = options;
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  if (!snapshotDir) {
    const { core, problems } = await fromCorpus(paths);
    return { core, problems, source: "corpus", save: async () => {} };
  }
  const path = snapshotPathFor(snapshotDir, paths);
  const version = snapshotVersion();
  const sources = await fingerprintCorpus(paths);
  const saved = await readSnapshotFile<Meta, Body>(path, version);
  let reason = saved.ok ? "" : saved.reason;
  let loaded: { core: NewsCore; problems: LoadProblem[]; source: NewsSource } | undefined;
  if (saved.ok) {
    const change = compareFingerprints(saved.header.meta.sources, sources);
    const read = change.kind === "changed" ? undefined : saved.body();
    if (change.kind === "changed") reason = "the corpus changed";
    else if (!read) reason = "checksum mismatch (damaged file)";
    else {
      const { body, blob } = read;
      const news = createNewsIndex(join(body.articles, body.bodyStart, blob), { saved: body.index });
      const problems = [...body.problems];
      if (change.kind === "added") {
        const added = await loadCorpus(change.files);
        news.add(added.articles);
        problems.push(...added.problems);
      }
      const core = createNewsCore(news, body.people && change.kind === "same" ? { people: body.people } : {});
      loaded = { core, problems, source: change.kind === "same" ? "snapshot" : "snapshot+new-files" };
      onEvent?.({ type: "loaded", path, detail: `${news.articles.length} articles`, ms: since() });
    }
  }
  if (!loaded) {
    loaded = { ...(await fromCorpus(paths)), source: "corpus" };
    onEvent?.({ type: "rebuilt", path, detail: reason, ms: since() });
  }
  const { core, problems } = loaded;
  // what the file on disk holds: written again only when the index or the people list grew
  let written =
    loaded.source === "snapshot"
      ? { articles: core.news.articles.length, people: core.exportPeople() !== undefined }
      : undefined;
  // one write at a time: a save asked for while another runs follows it (and finds nothing new)
  let pending: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    pending = pending.then(saveNow);
    return pending;
  };
  async function saveNow(): Promise<void> {
    const people = core.exportPeople();
    const now = { articles: core.news.articles.length, people: people !== undefined };
    if (written && written.articles === now.articles && (written.people || !now.people)) return;
    const index = core.news.exportState();
    if (!index) return;
    const t = performance.now();
    try {
      await mkdir(snapshotDir as string, { recursive: true });
      const { lean, bodyStart, blob } = split(core.news.articles);
      const body: Body = { articles: lean, bodyStart, problems, index, ...(people ? { people } : {}) };
      // the sources read at start-up: a file added since is read again next time (ids dedupe it)
      const meta = { sources, articles: now.articles };
      const bytes = await writeSnapshotFile<Meta>(path, version, meta, body, blob);
      written = now;
      const ms = Math.round(performance.now() - t);
      onEvent?.({ type: "saved", path, detail: `${(bytes / 1e6).toFixed(1)} MB`, ms });
    } catch (error) {
      const ms = Math.round(performance.now() - t);
      onEvent?.({ type: "save-failed", path, detail: (error as Error).message, ms });
    }
  }
  return { core, problems, source: loaded.source, snapshotPath: path, save };
}
