// Questions asked by @mention, in a DM or in a thread: the text is a question (or a command such as
// `search …`, run as typed), a follow-up is read against the thread's previous turn (see
// src/core/conversation) and the rewritten question is shown under the answer. The answer goes
// through the dispatcher like `/news ask`, so the rate limit and error handling are the same; the
// adapters decide where it is posted (always in the thread).

import { namesIn, resolveFollowUp } from "../src/core/conversation/index.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import type { Block, Reply } from "../src/core/reply/reply.ts";
import type { ConversationStore, ThreadKey } from "../src/storage/conversation-store.ts";
import type { Dispatcher, Invocation } from "./dispatch.ts";
import { commandMessages } from "./messages.ts";
import { splitCommandText } from "./parse-text.ts";

export interface ConversationsOptions {
  readonly dispatcher: Dispatcher;
  readonly store: ConversationStore;
  /** A thread's previous turn is forgotten after this long. Default 24 h. */
  readonly maxAgeMs?: number;
  readonly now?: () => Date;
}

export interface ThreadMessage extends ThreadKey {
  /** What the user wrote, the bot's mention already removed. */
  readonly text: string;
  readonly who: Invocation;
}

export interface Conversations {
  /** The reply to a message in a thread (posted by the adapter in that thread, publicly). */
  answer(message: ThreadMessage): Promise<Reply>;
  /** Whether the thread has a turn the bot answered (a reply there without a mention is for it). */
  knows(key: ThreadKey): boolean;
}

/** Who-questions: the answer's name (its emphasis) is what a pronoun in the follow-up means. */
const WHO = /^\s*(?:qui|who)\b/iu;

function answerName(reply: Reply): string | undefined {
  for (const b of reply.blocks) {
    if (b.type !== "quote" || !b.emphasis?.[0]) continue;
    const { start, end } = b.emphasis[0];
    const name = b.text.slice(start, end).trim();
    if (namesIn(` ${name}`).length > 0) return name;
  }
  return undefined;
}

export function createConversations(options: ConversationsOptions): Conversations {
  const { dispatcher, store } = options;
  const maxAgeMs = options.maxAgeMs ?? 86_400_000;
  const now = options.now ?? (() => new Date());
  const t = commandMessages(dispatcher.locale);

  return {
    knows: (key) => store.get(key, now(), maxAgeMs) !== undefined,
    async answer(message) {
      const text = message.text.trim();
      if (text === "") return errorReply(t.emptyMention(dispatcher.root), dispatcher.locale);
      const { name } = splitCommandText(text, dispatcher.root);
      const asCommand = name !== undefined && dispatcher.find(name) !== undefined && name !== "ask";
      if (asCommand) return { ...(await dispatcher.runText(text, message.who)), visibility: "public" };
      const asked = name === "ask" ? splitCommandText(text, dispatcher.root).rest : text;
      const key: ThreadKey = {
        platform: message.platform,
        channelId: message.channelId,
        threadId: message.threadId,
      };
      const previous = store.get(key, now(), maxAgeMs);
      const followUp = resolveFollowUp(previous, asked, { now: now().toISOString().slice(0, 10) });
      const reply = await dispatcher.runText(`ask ${followUp.question}`, message.who);
      const referent =
        (WHO.test(followUp.question) ? answerName(reply) : undefined) ?? namesIn(followUp.question).at(-1);
      store.save(key, {
        question: followUp.question,
        updatedAt: now().toISOString(),
        ...(referent ? { referent } : {}),
      });
      const blocks: Block[] = followUp.rewritten
        ? [...reply.blocks, { type: "context", text: t.understoodAs(followUp.question) }]
        : [...reply.blocks];
      return { ...reply, blocks, visibility: "public" };
    },
  };
}
