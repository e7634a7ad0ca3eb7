// The watched corpus folder: a corpus file (`*.md`) dropped in, or lines appended to a JSON-lines
// file (`*.jsonl`), reach the live index without a restart. Files present at start are assumed
// loaded already (start-up runs `loadCorpus`), so each `.jsonl` is read from its size at start and
// only complete new lines are taken (a line still being written waits for its newline). Bad files
// and lines are reported the same way the loader reports them, and skipped.
import { type FSWatcher, watch } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";
import type { Article, LoadProblem } from "../core/corpus/article.ts";
import { loadCorpus, NOT_ARTICLES, parseJsonLine } from "../core/corpus/loader.ts";

/** Bytes of appended JSON lines read at a time. */
const MAX_APPEND_WINDOW = 8 * 1024 * 1024;

export interface FolderWatcherOptions {
  /** Called with the articles found in a new or changed file (the index skips ids it has). */
  onArticles: (articles: Article[]) => void | Promise<void>;
  onProblems?: (problems: LoadProblem[]) => void;
  /** Quiet time after the last change to a file before it is read, ms. Default 150. */
  debounceMs?: number;
  /** Sub-folders to ignore (absolute or relative to the watched folder). */
  ignore?: readonly string[];
  /**
   * When the corpus was loaded: a file written since (before the watch was on) is read at start,
   * so an article dropped in while the bot was starting is not missed.
   */
  since?: Date;
}

export interface FolderWatcher {
  /** Resolves once the initial scan (sizes of `.jsonl` files) is done and the watch is on. */
  readonly ready: Promise<void>;
  /** Read a file now (as if it had changed). */
  check(file: string): Promise<void>;
  close(): void;
}

async function jsonlFilesIn(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(".jsonl"))
      .map((e) => join(e.parentPath ?? dir, e.name));
  } catch {
    return [];
  }
}

export function watchCorpusFolder(dir: string, options: FolderWatcherOptions): FolderWatcher {
  const watching = new CorpusFolderWatch(resolve(dir), options);
  return { ready: watching.ready, check: (file) => watching.check(file), close: () => watching.close() };
}

/** Per `.jsonl` file: bytes consumed, lines counted so far (for line numbers), inside an over-long line. */
interface JsonlOffset {
  bytes: number;
  lines: number;
  skipping?: boolean;
}

class CorpusFolderWatch {
  readonly ready: Promise<void>;
  readonly #root: string;
  readonly #options: FolderWatcherOptions;
  readonly #debounceMs: number;
  readonly #ignored: string[];
  readonly #offsets = new Map<string, JsonlOffset>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Per file, the read in progress: reads of one file are chained so offsets never race. */
  readonly #busy = new Map<string, Promise<void>>();
  #watcher: FSWatcher | undefined;
  #closed = false;

  constructor(root: string, options: FolderWatcherOptions) {
    this.#root = root;
    this.#options = options;
    this.#debounceMs = options.debounceMs ?? 150;
    this.#ignored = (options.ignore ?? []).map((p) => resolve(root, p));
    this.ready = this.#start();
  }

  /** Read a file now, after any read of it still in progress. */
  async check(file: string): Promise<void> {
    const path = resolve(this.#root, file);
    const previous = this.#busy.get(path) ?? Promise.resolve();
    const next = previous.then(() => this.#read(path));
    const settled = next.catch((error: unknown) => {
      this.#report([{ file: path, message: `cannot read: ${(error as Error).message}` }]);
    });
    this.#busy.set(path, settled);
    await settled;
  }

  close(): void {
    this.#closed = true;
    this.#watcher?.close();
    for (const t of this.#timers.values()) clearTimeout(t);
    this.#timers.clear();
  }

  /** Note the size of every `.jsonl` file (what start-up loaded), then watch. */
  async #start(): Promise<void> {
    for (const file of await jsonlFilesIn(this.#root)) {
      try {
        const content = await stat(file);
        // count lines lazily: line numbers in reports are relative to the start when unknown
        this.#offsets.set(file, { bytes: content.size, lines: 0 });
      } catch {
        // vanished meanwhile
      }
    }
    if (this.#closed) return;
    this.#watcher = watch(this.#root, { recursive: true }, (_event, filename) => {
      if (filename) this.#changed(filename.toString());
    });
    this.#watcher.on("error", (error) =>
      this.#report([{ file: this.#root, message: `watch failed: ${error.message}` }]),
    );
    if (this.#options.since) await this.#catchUp(this.#options.since);
  }

  /** Reads the files written since `since` (the index skips the articles it already has). */
  async #catchUp(since: Date): Promise<void> {
    let entries: string[];
    try {
      entries = (await readdir(this.#root, { recursive: true })).map((name) => resolve(this.#root, name));
    } catch {
      return;
    }
    for (const path of entries) {
      if (this.#closed || !this.#isWatched(path) || /\.jsonl/i.test(path)) continue;
      const written = await stat(path).then(
        (s) => s.mtimeMs,
        () => 0,
      );
      if (written >= since.getTime()) await this.check(path);
    }
  }

  #report(problems: LoadProblem[]): void {
    if (problems.length > 0) this.#options.onProblems?.(problems);
  }

  /** A change event: read the file once it has been quiet for the debounce time. */
  #changed(filename: string): void {
    if (this.#closed) return;
    const path = resolve(this.#root, filename);
    if (!this.#isWatched(path)) return;
    clearTimeout(this.#timers.get(path));
    this.#timers.set(
      path,
      setTimeout(() => {
        this.#timers.delete(path);
        void this.check(path);
      }, this.#debounceMs),
    );
  }

  /** Corpus files only: not hidden, not in node_modules, not in an ignored folder. */
  #isWatched(path: string): boolean {
    const rel = relative(this.#root, path);
    if (rel.split(sep).some((part) => part.startsWith(".") || part === "node_modules")) return false;
    if (this.#ignored.some((p) => path === p || path.startsWith(p + sep))) return false;
    return /\.(md|jsonl|jsonl\.gz)$/i.test(path);
  }

  async #read(path: string): Promise<void> {
    const name = basename(path);
    if (/\.jsonl$/i.test(name)) await this.#readAppended(path);
    else if (/\.(md|jsonl\.gz)$/i.test(name) && !NOT_ARTICLES.test(name)) await this.#readWhole(path);
  }

  /** A whole corpus file (an article, a compressed archive), through the loader. */
  async #readWhole(path: string): Promise<void> {
    try {
      await stat(path);
    } catch {
      return; // removed (or a temporary file already renamed)
    }
    const { articles, problems } = await loadCorpus(path);
    this.#report(problems);
    if (articles.length > 0) await this.#options.onArticles(articles);
  }

  /** The complete lines appended to a `.jsonl` file since the last read, one window at a time. */
  async #readAppended(file: string): Promise<void> {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      this.#offsets.delete(file); // removed
      return;
    }
    let at = this.#offsets.get(file) ?? { bytes: 0, lines: 0 };
    if (size < at.bytes) at = { bytes: 0, lines: 0 }; // truncated or replaced: read it again
    if (size === at.bytes) return;
    // read at most one window: a huge append is taken window by window, never all in memory
    const length = Math.min(size - at.bytes, MAX_APPEND_WINDOW);
    const chunk = await readWindow(file, at.bytes, length);
    const end = chunk.lastIndexOf(0x0a);
    if (end < 0) {
      if (length < MAX_APPEND_WINDOW) return; // no complete line yet
      this.#skipOverlongLine(file, at, length);
      return this.#readAppended(file);
    }
    const lines = chunk.subarray(0, end).toString("utf8").split("\n");
    const { articles, problems } = parseAppendedLines(lines, file, at);
    this.#offsets.set(file, { bytes: at.bytes + end + 1, lines: at.lines + lines.length });
    this.#report(problems);
    if (articles.length > 0) await this.#options.onArticles(articles);
    if (at.bytes + length < size) await this.#readAppended(file);
  }

  /** A "line" longer than the window is no article: skip it up to its newline, reported once. */
  #skipOverlongLine(file: string, at: JsonlOffset, length: number): void {
    this.#offsets.set(file, { bytes: at.bytes + length, lines: at.lines, skipping: true });
    if (!at.skipping)
      this.#report([
        { file, line: at.lines + 1, message: `line longer than ${MAX_APPEND_WINDOW} bytes; skipped` },
      ]);
  }
}

async function readWindow(file: string, position: number, length: number): Promise<Buffer> {
  const chunk = Buffer.alloc(length);
  const handle = await open(file, "r");
  try {
    await handle.read(chunk, 0, length, position);
  } finally {
    await handle.close();
  }
  return chunk;
}

/** Articles and problems of complete appended lines; the tail of a skipped over-long line is dropped. */
function parseAppendedLines(
  lines: readonly string[],
  file: string,
  at: JsonlOffset,
): { articles: Article[]; problems: LoadProblem[] } {
  const articles: Article[] = [];
  const problems: LoadProblem[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === "" || (i === 0 && at.skipping)) return;
    const r = parseJsonLine(line.replace(/\r$/, ""), file, at.lines + i + 1);
    problems.push(...r.problems);
    if (r.article) articles.push(r.article);
  });
  return { articles, problems };
}
