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
import { createNewsCore, type NewsCore, type PersonMentions } from "../core/news-core.ts";
import type { Segment } from "../core/search/inverted-index.ts";
import { createNewsIndex, type NewsIndexState } from "../core/search/news-index.ts";
import { createAnalyzer } from "../core/text/analyzer.ts";
import { packVocabulary, unpackVocabulary } from "../core/text/packed-vocabulary.ts";
import { compareFingerprints, fingerprintCorpus, type SourceFile } from "./corpus-fingerprint.ts";
import { type ArticleColumns, joinArticles, splitArticles } from "./snapshot-articles.ts";
import { type BlobInFile, type RawArray, readSnapshotFile, writeSnapshotFile } from "./snapshot-file.ts";
import type { LazyArrays } from "./snapshot-lazy-arrays.ts";
import { SnapshotTexts } from "./snapshot-texts.ts";

/** Bump when the saved shape or anything that decides the index (loader, analyzer, index) changes. */
export const SNAPSHOT_FORMAT = 9;

interface Meta {
  readonly sources: readonly SourceFile[];
  readonly articles: number;
}

/**
 * The index's numbers; its typed arrays are saved raw, by name (see `indexArrays`), the
 * vocabulary among them (packed: see packed-vocabulary.ts).
 */
interface IndexScalars {
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

/** A segment's postings, read when a search wants them (see snapshot-lazy-arrays.ts). */
const POSTINGS = ["docs", "bodyTf", "titleTf"] as const;

/** The index state as numbers and named typed arrays: read at once (`arrays`) or when wanted (`lazy`). */
function indexArrays(state: NewsIndexState & { vocabulary: readonly string[] }): {
  scalars: IndexScalars;
  arrays: Map<string, RawArray>;
  lazy: Map<string, RawArray>;
} {
  const { index } = state;
  const vocabulary = packVocabulary(state.vocabulary);
  const arrays = new Map<string, RawArray>([
    ["vocabBytes", vocabulary.bytes],
    ["vocabStart", vocabulary.starts],
    ["vocabOrder", vocabulary.order],
    ["df", index.df],
    ["cf", index.cf],
    ["bodyLen", index.bodyLen],
    ["titleLen", index.titleLen],
  ]);
  const lazy = new Map<string, RawArray>();
  index.segments.forEach((segment, n) => {
    arrays.set(`segment${n}.termStart`, segment.termStart);
    for (const name of POSTINGS) lazy.set(`segment${n}.${name}`, segment[name]);
  });
  const { termCount, docCount, totalBody, totalTitle } = index;
  const scalars = { termCount, docCount, totalBody, totalTitle };
  return { scalars: { ...scalars, segments: index.segments.length }, arrays, lazy };
}

/** The index state back from `indexArrays`, or undefined when an array is missing or of another type. */
function indexState(
  scalars: IndexScalars,
  arrays: ReadonlyMap<string, RawArray>,
  lazy: LazyArrays,
): NewsIndexState | undefined {
  const lazyArrays = lazy.arrays;
  const get = <T extends RawArray>(name: string, type: new (n: number) => T): T | undefined => {
    const a = arrays.get(name) ?? lazyArrays.get(name);
    return a instanceof type ? (a as T) : undefined;
  };
  const segments: Segment[] = [];
  for (let n = 0; n < scalars.segments; n++) {
    const [termStart, docs, bodyTf, titleTf] = [
      get(`segment${n}.termStart`, Int32Array),
      get(`segment${n}.docs`, Int32Array),
      get(`segment${n}.bodyTf`, Uint16Array),
      get(`segment${n}.titleTf`, Uint8Array),
    ];
    if (!termStart || !docs || !bodyTf || !titleTf) return undefined;
    if (termStart[termStart.length - 1] !== docs.length) return undefined;
    if (bodyTf.length !== docs.length || titleTf.length !== docs.length) return undefined;
    const names = POSTINGS.map((p) => `segment${n}.${p}`);
    const fetchRange = (from: number, to: number) => {
      for (const name of names) lazy.ensure(name, from, to);
    };
    segments.push({
      termStart,
      docs,
      bodyTf,
      titleTf,
      fetch: (g) => fetchRange(termStart[g] as number, termStart[g + 1] as number),
      fetchAll: () => fetchRange(0, docs.length),
    });
  }
  const bytes = get("vocabBytes", Uint8Array);
  const starts = get("vocabStart", Int32Array);
  const order = get("vocabOrder", Int32Array);
  const vocabulary = bytes && starts && order ? unpackVocabulary({ bytes, starts, order }) : undefined;
  if (!vocabulary) return undefined;
  const df = get("df", Int32Array);
  const cf = get("cf", Float64Array);
  const bodyLen = get("bodyLen", Float32Array);
  const titleLen = get("titleLen", Float32Array);
  if (!df || !cf || !bodyLen || !titleLen) return undefined;
  const { termCount, docCount, totalBody, totalTitle } = scalars;
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
  /**
   * Read the index's postings from the snapshot when a search wants them, each part checked then
   * (a one-off command, which reads a few terms' worth); a damaged part makes that search throw
   * and removes the file. Default false: read and checked whole before anything is served, a
   * damaged snapshot rebuilt from the corpus.
   */
  readonly lazyIndex?: boolean;
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

/**
 * The corpus loader, imported when a corpus is read: it brings the parser and its schemas (zod,
 * 390 kB of bundle to compile), which a start from an unchanged snapshot does not need.
 */
const loadCorpus = async (paths: readonly string[]) =>
  (await import("../core/corpus/loader.ts")).loadCorpus(paths);

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
  damage: { readonly texts: (detail: string) => void; readonly index: (detail: string) => void },
  lazyIndex: boolean,
): Promise<{ loaded: Loaded; texts: SnapshotTexts } | { reason: string }> {
  const change = compareFingerprints(saved.header.meta.sources, sources);
  if (change.kind === "changed") {
    saved.close();
    return { reason: "the corpus changed" };
  }
  // read whole up front, a damaged index is only a reason to rebuild: no event of its own
  const read = saved.content(lazyIndex ? damage.index : () => {});
  if (!read) return { reason: "checksum mismatch (damaged file)" };
  const fail = (reason: string) => {
    read.lazy.close();
    closeBlob(read.blob);
    return { reason };
  };
  if (!lazyIndex) {
    const whole = read.lazy.readAll();
    read.lazy.close();
    if (!whole) return fail("checksum mismatch (damaged file)");
  }
  const bodyStart = read.arrays.get("bodyStart");
  const crc = read.arrays.get("bodyCrc");
  const state = indexState(read.body.index, read.arrays, read.lazy);
  if (!state || !(bodyStart instanceof Float64Array) || !(crc instanceof Uint32Array))
    return fail("damaged content");
  const { body } = read;
  const texts = new SnapshotTexts(read.blob, bodyStart, crc, damage.texts);
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
    const { scalars, arrays, lazy } = indexArrays(index);
    arrays.set("bodyStart", bodyStart);
    arrays.set("bodyCrc", SnapshotTexts.checksums(blob, bodyStart));
    const body: Body = { articles: columns, problems, index: scalars, ...(people ? { people } : {}) };
    // the sources read at start-up: a file added since is read again next time (ids dedupe it)
    const meta = { sources: target.sources, articles: core.news.articles.length };
    const bytes = await writeSnapshotFile<Meta>(target.path, target.version, meta, {
      body,
      arrays,
      lazy,
      blob,
    });
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
  /** Part of the file failed its check: the file goes (the next run rebuilds it). */
  const onDamaged = (detail: string) => {
    onEvent?.({ type: "damaged", path, detail, ms: since() });
    try {
      unlinkSync(path);
    } catch {}
    written = undefined;
  };
  /** The texts failed their check: they come from the corpus again too. */
  const onTextsDamaged = (detail: string) => {
    onDamaged(detail);
    if (restored && "texts" in restored)
      recovering = rereadTexts(paths, restored.loaded.core.news, restored.texts).catch(() => {});
  };
  const saved = await readSnapshotFile<Meta, Body>(path, target.version);
  const damage = { texts: onTextsDamaged, index: onDamaged };
  restored = saved.ok
    ? await restore(saved, target.sources, damage, options.lazyIndex ?? false)
    : { reason: saved.reason };
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
