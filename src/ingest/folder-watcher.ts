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
  const root = resolve(dir);
  const debounceMs = options.debounceMs ?? 150;
  const ignored = (options.ignore ?? []).map((p) => resolve(root, p));
  /** Per `.jsonl` file: bytes consumed, and lines counted so far (for line numbers). */
  const offsets = new Map<string, { bytes: number; lines: number; skipping?: boolean }>();
  const timers = new Map<string, NodeJS.Timeout>();
  const busy = new Map<string, Promise<void>>();
  let watcher: FSWatcher | undefined;
  let closed = false;

  const report = (problems: LoadProblem[]): void => {
    if (problems.length > 0) options.onProblems?.(problems);
  };

  async function readAppended(file: string): Promise<void> {
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      offsets.delete(file); // removed
      return;
    }
    let at = offsets.get(file) ?? { bytes: 0, lines: 0 };
    if (size < at.bytes) at = { bytes: 0, lines: 0 }; // truncated or replaced: read it again
    if (size === at.bytes) return;
    // read at most one window: a huge append is taken window by window, never all in memory
    const length = Math.min(size - at.bytes, MAX_APPEND_WINDOW);
    const chunk = Buffer.alloc(length);
    const handle = await open(file, "r");
    try {
      await handle.read(chunk, 0, length, at.bytes);
    } finally {
      await handle.close();
    }
    const end = chunk.lastIndexOf(0x0a);
    if (end < 0) {
      if (length < MAX_APPEND_WINDOW) return; // no complete line yet
      // a "line" longer than the window is no article: skip it up to its newline
      offsets.set(file, { bytes: at.bytes + length, lines: at.lines, skipping: true });
      if (!at.skipping)
        report([
          { file, line: at.lines + 1, message: `line longer than ${MAX_APPEND_WINDOW} bytes; skipped` },
        ]);
      return readAppended(file);
    }
    const lines = chunk.subarray(0, end).toString("utf8").split("\n");
    const articles: Article[] = [];
    const problems: LoadProblem[] = [];
    lines.forEach((line, i) => {
      if (line.trim() === "" || (i === 0 && at.skipping)) return;
      const r = parseJsonLine(line.replace(/\r$/, ""), file, at.lines + i + 1);
      if ("article" in r) articles.push(r.article);
      else problems.push(...r.problems);
    });
    offsets.set(file, { bytes: at.bytes + end + 1, lines: at.lines + lines.length });
    report(problems);
    if (articles.length > 0) await options.onArticles(articles);
    if (at.bytes + length < size) await readAppended(file);
  }

  async function check(file: string): Promise<void> {
    const path = resolve(root, file);
    const previous = busy.get(path) ?? Promise.resolve();
    const next = previous.then(async () => {
      const name = basename(path);
      if (/\.jsonl$/i.test(name)) await readAppended(path);
      else if (/\.(md|jsonl\.gz)$/i.test(name) && !NOT_ARTICLES.test(name)) {
        try {
          await stat(path);
        } catch {
          return; // removed (or a temporary file already renamed)
        }
        const { articles, problems } = await loadCorpus(path);
        report(problems);
        if (articles.length > 0) await options.onArticles(articles);
      }
    });
    const settled = next.catch((error: unknown) => {
      report([{ file: path, message: `cannot read: ${(error as Error).message}` }]);
    });
    busy.set(path, settled);
    await settled;
  }

  function changed(filename: string): void {
    if (closed) return;
    const path = resolve(root, filename);
    const rel = relative(root, path);
    if (rel.split(sep).some((part) => part.startsWith(".") || part === "node_modules")) return;
    if (ignored.some((p) => path === p || path.startsWith(p + sep))) return;
    if (!/\.(md|jsonl|jsonl\.gz)$/i.test(path)) return;
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        void check(path);
      }, debounceMs),
    );
  }

  const ready = (async () => {
    for (const file of await jsonlFilesIn(root)) {
      try {
        const content = await stat(file);
        // count lines lazily: line numbers in reports are relative to the start when unknown
        offsets.set(file, { bytes: content.size, lines: 0 });
      } catch {
        // vanished meanwhile
      }
    }
    if (closed) return;
    watcher = watch(root, { recursive: true }, (_event, filename) => {
      if (filename) changed(filename.toString());
    });
    watcher.on("error", (error) => report([{ file: root, message: `watch failed: ${error.message}` }]));
  })();

  return {
    ready,
    check,
    close() {
      closed = true;
      watcher?.close();
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
    },
  };
}
