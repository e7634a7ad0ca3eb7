// How a scheduled digest reaches a channel without flooding it: one message with the top stories
// and, for the `thread` format, a thread holding the rest (the adapters post every message after
// the first in the first one's thread). The split is on the digest reply's stories (each starts
// with a heading), so it works for any digest, whatever its length.
import { type Locale, messages } from "../i18n/messages.ts";
import type { Block, Reply } from "../reply/reply.ts";

/** Stories in the channel message of a threaded digest. */
/** How a scheduled digest is laid out: one message and a thread, or one short message. */
export type DigestFormat = "thread" | "compact";

export const TOP_STORIES = 3;
/** Stories a threaded digest shows (the thread holds them without flooding the channel). */
export const THREAD_STORIES = 20;
/** Stories in a compact digest (the others stay due for the next one). */
export const COMPACT_STORIES = 5;

export interface DigestLayout {
  readonly head: Reply;
  /** The thread's messages, if any. */
  readonly thread?: Reply;
}

/** The reply's blocks before its first story, each story's blocks, and what follows the last story. */
function stories(blocks: readonly Block[]) {
  const intro: Block[] = [];
  const groups: Block[][] = [];
  const outro: Block[] = [];
  for (const b of blocks) {
    if (b.type === "heading") groups.push([b]);
    else if (groups.length === 0) intro.push(b);
    else (groups.at(-1) as Block[]).push(b);
  }
  // the digest closes with a context line (minor stories): it belongs to the whole digest
  const last = groups.at(-1);
  if (last && last.length > 1 && last.at(-1)?.type === "context" && last.at(-2)?.type === "list")
    outro.push(last.pop() as Block);
  return { intro, groups, outro };
}

export function threadDigest(reply: Reply, locale: Locale, top = TOP_STORIES): DigestLayout {
  const { intro, groups, outro } = stories(reply.blocks);
  if (groups.length <= top) return { head: reply };
  const rest = groups.slice(top);
  const head: Reply = {
    ...reply,
    blocks: [
      ...intro,
      ...groups.slice(0, top).flat(),
      { type: "context", text: messages(locale).digestMore(rest.length) },
    ],
  };
  return { head, thread: { visibility: reply.visibility, blocks: [...rest.flat(), ...outro] } };
}

/** A compact digest's note on the stories it leaves for later. */
export function compactNote(reply: Reply, locale: Locale, more: number, root: string): Reply {
  if (more <= 0) return reply;
  return {
    ...reply,
    blocks: [...reply.blocks, { type: "context", text: messages(locale).digestCompactMore(more, root) }],
  };
}
