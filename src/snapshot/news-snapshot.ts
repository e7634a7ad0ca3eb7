// The news core of a corpus, from its snapshot when the corpus is unchanged: the articles, the
// index's vocabulary and postings and the people list, saved next to the database. When only new
// article files appeared, the snapshot is kept and the new files are added to it; when the format
// version, the analyzer or any known file changed, or the checksum fails, everything is rebuilt
// from the corpus and the snapshot is written again. The CLI and the bot share it.
import { createHash } from "node:crypto";
import { closeSync, unlinkSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join as joinPath } from "node:path";
import type { LoadProblem } from "../core/corpus/article.ts";
import { loadCorpus } from "../core/corpus/loader.ts";
import { createNewsCore, type NewsCore, type PersonMentions } from "../core/news-core.ts";
import type { Segment } from "../core/search/inverted-index.ts";
import { createNewsIndex, type NewsIndexState } from "../core/search/news-index.ts";
import { createAnalyzer } from "../core/text/analyzer.ts";
import { compareFingerprints, fingerprintCorpus, type SourceFile } from "./corpus-fingerprint.ts";
import { type ArticleColumns, joinArticles, splitArticles } from "./snapshot-articles.ts";
import { type BlobInFile, type RawArray, readSnapshotFile, writeSnapshotFile } from "./snapshot-file.ts";
import { SnapshotTexts } from "./snapshot-texts.ts";

/** Bump when the saved shape or anything that decides the index (loader, analyzer, index) changes. */
export const SNAPSHOT_FORMAT = 5;

interface Meta {
  readonly sources: readonly SourceFile[];
  readonly articles: number;
}

/** The index's numbers; its typed arrays are saved raw, by name (see `indexArrays`). */
interface IndexScalars {
  readonly vocabulary: readonly string[];
  readonly termCount: number;
  readonly docCount: number;
  readonly totalBody: number;
  readonly totalTitle: number;
  readonly segments: number;
}

interface Body {
  readonly articles: ArticleColumns;
  readonly problems: LoadProblem[];
  readonly index: IndexScalars;
  readonly people?: readonly PersonMentions[];
}

const SEGMENT_ARRAYS = ["termStart", "docs", "bodyTf", "titleTf"] as const;

/** The index state as numbers and named typed arrays. */
function indexArrays(state: NewsIndexState): { scalars: IndexScalars; arrays: Map<string, RawArray> } {
  const { index } = state;
  const arrays = new Map<string, RawArray>([
    ["df", index.df],
    ["cf", index.cf],
    ["bodyLen", index.bodyLen],
    ["titleLen", index.titleLen],
  ]);
  index.segments.forEach((segment, n) => {
    for (const name of SEGMENT_ARRAYS) arrays.set(`segment${n}.${name}`, segment[name]);
  });
  const { termCount, docCount, totalBody, totalTitle } = index;
  const scalars = { vocabulary: state.vocabulary, termCount, docCount, totalBody, totalTitle };
  return { scalars: { ...scalars, segments: index.segments.length }, arrays };
}

/** The index state back from `indexArrays`, or undefined when an array is missing or of another type. */
function indexState(
  scalars: IndexScalars,
  arrays: ReadonlyMap<string, RawArray>,
): NewsIndexState | undefined {
  const get = <T extends RawArray>(name: string, type: new (n: number) => T): T | undefined => {
    const a = arrays.get(name);
    return a instanceof type ? (a as T) : undefined;
  };
  const segments: Segment[] = [];
  for (let n = 0; n < scalars.segments; n++) {
    const termStart = get(`segment${n}.termStart`, Int32Array);
    const docs = get(`segment${n}.docs`, Int32Array);
    const bodyTf = get(`segment${n}.bodyTf`, Uint16Array);
    const titleTf = get(`segment${n}.titleTf`, Uint8Array);
    if (!termStart || !docs || !bodyTf || !titleTf) return undefined;
    segments.push({ termStart, docs, bodyTf, titleTf });
  }
  const df = get("df", Int32Array);
  const cf = get("cf", Float64Array);
  const bodyLen = get("bodyLen", Float32Array);
  const titleLen = get("titleLen", Float32Array);
  if (!df || !cf || !bodyLen || !titleLen) return undefined;
  const { vocabulary, termCount, docCount, totalBody, totalTitle } = scalars;
  return {
    vocabulary,
    index: { df, cf, bodyLen, titleLen, termCount, docCount, totalBody, totalTitle, segments },
  } as NewsIndexState;
}

export type NewsSource = "snapshot" | "snapshot+new-files" | "corpus";

export interface SnapshotEvent {
  /** `damaged`: the texts failed their check after loading; they are read again from the corpus. */
  readonly type: "loaded" | "rebuilt" | "saved" | "save-failed" | "damaged";
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
  /**
   * Read the rest of the snapshot's article texts (they are read one by one when wanted until
   * then) and check them; damaged ones are read again from the corpus. The bot calls it once
   * ready; a one-off command need not.
   */
  completeTexts(): Promise<void>;
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

function closeBlob(blob: BlobInFile): void {
  try {
    closeSync(blob.fd);
  } catch {}
}

async function fromCorpus(paths: readonly string[]) {
  const { articles, problems } = await loadCorpus(paths);
  return { core: createNewsCore(articles), problems };
}

type Loaded = { core: NewsCore; problems: LoadProblem[]; source: NewsSource };
type Saved = Extract<Awaited<ReturnType<typeof readSnapshotFile<Meta, Body>>>, { ok: true }>;

/** The news core from a snapshot whose corpus is unchanged or only grew, or why it cannot be. */
async function restore(
  saved: Saved,
  sources: readonly SourceFile[],
  onDamaged: (detail: string) => void,
): Promise<{ loaded: Loaded; texts: SnapshotTexts } | { reason: string }> {
  const change = compareFingerprints(saved.header.meta.sources, sources);
  if (change.kind === "changed") {
    saved.close();
    return { reason: "the corpus changed" };
  }
  const read = saved.content();
  if (!read) return { reason: "checksum mismatch (damaged file)" };
  const bodyStart = read.arrays.get("bodyStart");
  const crc = read.arrays.get("bodyCrc");
  const state = indexState(read.body.index, read.arrays);
  if (!state || !(bodyStart instanceof Float64Array) || !(crc instanceof Uint32Array)) {
    closeBlob(read.blob);
    return { reason: "damaged content" };
  }
  const { body } = read;
  const texts = new SnapshotTexts(read.blob, bodyStart, crc, onDamaged);
  const news = createNewsIndex(joinArticles(body.articles, texts), { saved: state });
  const problems = [...body.problems];
  if (change.kind === "added") {
    const added = await loadCorpus(change.files);
    news.add(added.articles);
    problems.push(...added.problems);
  }
  const core = createNewsCore(news, body.people && change.kind === "same" ? { people: body.people } : {});
  const source = change.kind === "same" ? "snapshot" : "snapshot+new-files";
  return { loaded: { core, problems, source }, texts };
}

/** The snapshot's texts, when they were found damaged, read again from the corpus. */
async function rereadTexts(paths: readonly string[], news: NewsCore["news"], texts: SnapshotTexts) {
  const { articles } = await loadCorpus(paths);
  const byId = new Map(articles.map((a) => [a.id, a.body]));
  texts.useStrings(news.articles.map((a) => byId.get(a.id) ?? ""));
}

interface SaveTarget {
  readonly path: string;
  readonly version: string;
  readonly dir: string;
  readonly sources: readonly SourceFile[];
  readonly onEvent: ((event: SnapshotEvent) => void) | undefined;
}

/** Write the snapshot of `core` (its texts all in hand); returns false when it failed (reported). */
async function writeSnapshot(target: SaveTarget, core: NewsCore, problems: LoadProblem[]): Promise<boolean> {
  const index = core.news.exportState();
  if (!index) return false;
  const people = core.exportPeople();
  const t = performance.now();
  const ms = () => Math.round(performance.now() - t);
  try {
    await mkdir(target.dir, { recursive: true });
    const { columns, bodyStart, blob } = splitArticles(core.news.articles);
    const { scalars, arrays } = indexArrays(index);
    arrays.set("bodyStart", bodyStart);
    arrays.set("bodyCrc", SnapshotTexts.checksums(blob, bodyStart));
    const body: Body = { articles: columns, problems, index: scalars, ...(people ? { people } : {}) };
    // the sources read at start-up: a file added since is read again next time (ids dedupe it)
    const meta = { sources: target.sources, articles: core.news.articles.length };
    const bytes = await writeSnapshotFile<Meta>(target.path, target.version, meta, { body, arrays, blob });
    target.onEvent?.({
      type: "saved",
      path: target.path,
      detail: `${(bytes / 1e6).toFixed(1)} MB`,
      ms: ms(),
    });
    return true;
  } catch (error) {
    target.onEvent?.({ type: "save-failed", path: target.path, detail: (error as Error).message, ms: ms() });
    return false;
  }
}

export async function loadNews(options: NewsLoadOptions): Promise<LoadedNews> {
  const { paths, snapshotDir, onEvent } = options;
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  if (!snapshotDir) {
    const { core, problems } = await fromCorpus(paths);
    return { core, problems, source: "corpus", save: async () => {}, completeTexts: async () => {} };
  }
  const target: SaveTarget = {
    path: snapshotPathFor(snapshotDir, paths),
    version: snapshotVersion(),
    dir: snapshotDir,
    sources: await fingerprintCorpus(paths),
    onEvent,
  };
  const { path } = target;
  // what the file on disk holds: written again only when the index or the people list grew
  let written: { articles: number; people: boolean } | undefined;
  let recovering: Promise<void> | undefined;
  let restored: Awaited<ReturnType<typeof restore>> | { reason: string } | undefined;
  /** The texts failed their check: the file goes, the texts come from the corpus again. */
  const onDamaged = (detail: string) => {
    onEvent?.({ type: "damaged", path, detail, ms: since() });
    try {
      unlinkSync(path);
    } catch {}
    written = undefined;
    if (restored && "texts" in restored)
      recovering = rereadTexts(paths, restored.loaded.core.news, restored.texts).catch(() => {});
  };
  const saved = await readSnapshotFile<Meta, Body>(path, target.version);
  restored = saved.ok ? await restore(saved, target.sources, onDamaged) : { reason: saved.reason };
  const texts = "texts" in restored ? restored.texts : undefined;
  let loaded: Loaded;
  if ("loaded" in restored) {
    loaded = restored.loaded;
    onEvent?.({ type: "loaded", path, detail: `${loaded.core.news.articles.length} articles`, ms: since() });
  } else {
    loaded = { ...(await fromCorpus(paths)), source: "corpus" };
    onEvent?.({ type: "rebuilt", path, detail: restored.reason, ms: since() });
  }
  const { core, problems } = loaded;
  if (loaded.source === "snapshot")
    written = { articles: core.news.articles.length, people: core.exportPeople() !== undefined };
  /** All the texts in memory and checked, or read again from the corpus when damaged. */
  const completeTexts = async () => {
    if (texts) await texts.complete();
    await recovering;
  };
  // one write at a time: a save asked for while another runs follows it (and finds nothing new)
  let pending: Promise<void> = Promise.resolve();
  const saveNow = async () => {
    const now = { articles: core.news.articles.length, people: core.exportPeople() !== undefined };
    if (written && written.articles === now.articles && (written.people || !now.people)) return;
    await completeTexts();
    if (await writeSnapshot(target, core, problems)) written = now;
  };
  const save = (): Promise<void> => {
    pending = pending.then(saveNow);
    return pending;
  };
  return { core, problems, source: loaded.source, snapshotPath: path, save, completeTexts };
}
