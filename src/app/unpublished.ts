// Articles this replica ingested and answers but could not share yet (the shared database refused
// or did not answer). They are kept in a file next to the index snapshot, so a restart does not
// lose them (after one nothing else would publish articles already in the local corpus), and sent
// again on a timer with backoff — and with the next ingested articles — until a publish that
// includes them succeeds. Sending one twice is harmless: the shared table keeps the first copy of
// an id (pg-articles.ts, ON CONFLICT DO NOTHING).
// They are kept whole, not as ids to look up in the local corpus at the next start: with
// NEWSBOT_RETRIEVAL=postgres the replica keeps no texts in memory (retrieval.ts), and a watched
// file may be edited or removed before the restart; the record only exists during an outage and
// grows with it, a few kB an article.
// Articles are recorded when they are handed over, before their publish starts, and the record is
// cleared once it succeeds: a crash (or a stop that cannot wait) during a publish, or while articles
// wait behind one that hangs, leaves them in the file for the next start. The file is written only
// when the record changes: a retry refused again rewrites nothing.
import { readFileSync } from "node:fs";
import { mkdir, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import type { Article } from "../core/corpus/article.ts";
import { writeFileAtomic } from "../storage/atomic-write.ts";
import type { Logger } from "./logger.ts";

export interface UnpublishedOptions {
  /** Sends articles to the other replicas; throws when the database refuses them. */
  readonly publish: (articles: readonly Article[]) => Promise<void>;
  /** Where the pending articles are kept across restarts (undefined: in memory only). */
  readonly file: string | undefined;
  readonly log: Logger;
  /** First retry delay, doubled after each failure up to `maxRetryMs`. Default 5 s, 5 min. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
}

export interface Unpublished {
  /** Publishes `articles` with the pending ones; on failure keeps them for a retry. Never throws. */
  publish(articles: readonly Article[]): Promise<void>;
  /** Articles waiting to be shared. */
  readonly size: number;
  /** Stops the retries (the pending ones stay in the file for the next start). */
  stop(): Promise<void>;
}

// Refusals in a row, before any article of a refused batch goes through, that mean the database
// itself is refusing (down, unreachable) rather than a few articles it cannot take.
const PROBES_BEFORE_GIVING_UP = 3;

export function createUnpublished(o: UnpublishedOptions): Unpublished {
  const first = o.retryMs ?? 5000;
  const max = o.maxRetryMs ?? 300_000;
  const pending = new Map<string, Article>();
  // handed over, waiting for their turn behind the publish in progress (recorded with `pending`)
  const queued = new Map<string, Article>();
  const left = readPending(o.file, o.log);
  for (const a of left.articles) pending.set(a.id, a);
  // what the file holds, as `record()` writes it: "" for no file, undefined when not known (a
  // file that could not be used as it is: the next save replaces or removes it)
  let recorded: string | undefined = left.exact ? record() : undefined;
  let delay = first;
  // a publish failed since the last success (or articles were left by the last run): the next
  // success is logged, so the warning has its resolution in the log
  let behind = pending.size > 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // one publish at a time, in order: a retry and a new file's articles never race
  let running: Promise<void> = Promise.resolve();

  // pending, then queued (an article handed over again while pending is recorded as last given)
  function waiting(): ReadonlyMap<string, Article> {
    return queued.size === 0 ? pending : new Map([...pending, ...queued]);
  }

  function record(): string {
    const all = waiting();
    return all.size === 0 ? "" : JSON.stringify([...all.values()]);
  }

  // one write at a time, each of the record as it is when it starts: `stop` records while a
  // publish may be in flight (and then save its outcome), and two writes at once could land in
  // either order
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saving = saving.then(write, write);
    return saving;
  };
  const write = async () => {
    if (!o.file) return;
    const text = record();
    if (text === recorded) return;
    recorded = undefined; // until the write is done
    if (text === "") {
      try {
        await unlink(o.file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
          // tried again at the next change; left, the next start sends its articles again (harmless)
          o.log.warn(
            { file: o.file, error: String(error) },
            `[shared] cannot remove ${o.file} (${String(error)}): the articles it holds are shared, but the next start will send them again — check the folder is writable`,
          );
          return;
        }
      }
      recorded = text;
      return;
    }
    // what the record holds: the articles waiting their turn too (before its first publish, an
    // article is only queued)
    const count = waiting().size;
    try {
      await mkdir(dirname(o.file), { recursive: true }); // with DATABASE_URL nothing else makes it
      await writeFileAtomic(o.file, text, { replace: true });
      recorded = text;
    } catch (error) {
      o.log.warn(
        { file: o.file, error: String(error) },
        `[shared] cannot record the ${count} article(s) not shared yet in ${o.file} (${String(error)}); they are retried while the bot runs but a restart would lose them — check the folder is writable`,
      );
    }
  };

  const schedule = () => {
    if (stopped || timer || pending.size === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      o.log.info(
        { articles: pending.size },
        `[shared] retrying ${pending.size} article(s) not shared with the other replicas yet`,
      );
      void enqueue([]);
    }, delay);
    timer.unref();
  };

  // The batch is one transaction: one article the database always refuses (a data error) would
  // hold back every other forever. So a refused batch is tried article by article, and what goes
  // through is done; the pass stops after a few refusals with no success (the database itself is
  // down: no need to knock once per article), and those tried move to the back, so a few bad
  // articles at the front do not hide the good ones behind them on the next retry.
  const sendOneByOne = async (sending: readonly Article[]): Promise<number> => {
    let sent = 0;
    let refusedInARow = 0;
    for (const a of sending) {
      try {
        await o.publish([a]);
        pending.delete(a.id);
        sent += 1;
        refusedInARow = 0;
      } catch {
        refusedInARow += 1;
        pending.delete(a.id);
        pending.set(a.id, a); // to the back of the queue
        if (sent === 0 && refusedInARow >= PROBES_BEFORE_GIVING_UP) break;
      }
    }
    return sent;
  };

  const send = async () => {
    if (pending.size === 0) return;
    const sending = [...pending.values()];
    try {
      await o.publish(sending);
    } catch (error) {
      const sent = sending.length > 1 ? await sendOneByOne(sending) : 0;
      const refused = [...pending.keys()];
      if (sent > 0 && refused.length > 0) {
        await save();
        o.log.warn(
          { sent, refused, error: String(error) },
          `[shared] ${sent} of ${sending.length} article(s) shared one by one; the database refuses ${refused.length} on their own (${refused.slice(0, 5).join(", ")}${refused.length > 5 ? ", …" : ""}: ${String(error)}); they are kept and sent again in ${delay / 1000} s — check those files`,
        );
        behind = true;
        schedule();
        delay = Math.min(delay * 2, max);
        return;
      }
      if (refused.length > 0) {
        await save();
        o.log.warn(
          { articles: sending.length, error: String(error), retryInSeconds: delay / 1000 },
          `[shared] ${sending.length} article(s) answered here are not shared with the other replicas yet (${String(error)}); they are sent again in ${delay / 1000} s${o.file ? `, and after a restart (kept in ${o.file})` : ""}`,
        );
        behind = true;
        schedule();
        delay = Math.min(delay * 2, max);
        return;
      }
      // every article went through on its own: the batch's refusal was passing
    }
    // sends are one at a time (enqueue): what was handed over meanwhile is queued, not pending
    pending.clear();
    await save();
    if (behind) {
      o.log.info(
        { articles: sending.length },
        `[shared] the article(s) kept back are now shared with the other replicas (${sending.length} sent)`,
      );
      behind = false;
    }
    delay = first;
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  // never rejects: the feed ingester calls it without waiting (send and save catch what they expect)
  const enqueue = (articles: readonly Article[]) => {
    // recorded at once, not when their turn comes: behind a publish that hangs they would be in
    // no record when the bot stops or crashes
    for (const a of articles) queued.set(a.id, a);
    if (articles.length > 0) void save();
    running = running
      .then(async () => {
        for (const a of articles) {
          if (queued.get(a.id) === a) queued.delete(a.id);
          pending.set(a.id, a);
        }
        if (stopped && articles.length === 0) return;
        await save(); // recorded before the attempt: a crash during it leaves them in the file
        await send();
      })
      .catch((error: unknown) =>
        o.log.error({ err: error }, "[shared] unexpected error while sharing articles; please report it"),
      );
    return running;
  };

  if (pending.size > 0) {
    o.log.info(
      { articles: pending.size, file: o.file },
      `[shared] ${pending.size} article(s) not shared before the last stop are sent again`,
    );
    void enqueue([]);
  }

  return {
    publish: (articles) => enqueue(articles),
    get size() {
      return waiting().size;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      // the pending ones (in flight or waiting) are in the record already unless its write failed:
      // once more, as the stop may not outlast a publish that hangs (no answer from the database);
      // sent after all, they are sent again at the next start, harmlessly
      await save();
      await running;
    },
  };
}

/**
 * The articles left pending by the last run: none when there is no file; when it cannot be read or
 * parsed, none either, with a warning that says why (the bot must start: those articles are still
 * in the local corpus, only the other replicas may miss them).
 */
function readPending(file: string | undefined, log: Logger): { articles: Article[]; exact: boolean } {
  const none = (exact: boolean) => ({ articles: [], exact });
  if (!file) return none(true);
  const lost = (why: string) =>
    log.warn(
      { file, error: why },
      `[shared] ${file} (the articles not shared before the last stop) is ignored: ${why} — the articles it held are in the local corpus but may be missing on the other replicas`,
    );
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    // a missing file is the usual case: nothing was left pending
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      lost(`cannot read it (${String(error)})`);
      return none(false);
    }
    return none(true);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    lost(`not JSON (${String(error)})`);
    return none(false);
  }
  if (!Array.isArray(parsed)) {
    lost("not a list of articles");
    return none(false);
  }
  const articles = parsed.filter(isArticle);
  if (articles.length < parsed.length)
    log.warn(
      { file, dropped: parsed.length - articles.length },
      `[shared] ${parsed.length - articles.length} of the ${parsed.length} entries of ${file} are not articles; ignored — the others are sent again`,
    );
  return { articles, exact: articles.length === parsed.length && articles.length > 0 };
}

// the fields every reader of an article relies on (the other replicas load what is published)
const isArticle = (x: unknown): x is Article =>
  typeof x === "object" &&
  x !== null &&
  typeof (x as Article).id === "string" &&
  typeof (x as Article).title === "string" &&
  typeof (x as Article).body === "string" &&
  typeof (x as Article).lang === "string";
