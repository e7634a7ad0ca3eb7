// What the buttons under a reply act on, kept server-side by short ids (so a button carries only
// an id, never a command to re-run): an answer kept for 👍 / 👎 (the vote is stored with the
// question, the answer, its citations and confidence), and the further pages of a result list
// ("more results"), each kept as it was computed. Everything kept expires (24 h by default); an
// expired or unknown id gets a reply saying so. The dispatcher attaches these ids to every reply
// (`attach`); adapters render them as buttons, the console as `/news feedback` and `/news more`.
import type { Locale } from "../src/core/i18n/messages.ts";
import type { Platform } from "../src/core/platform.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import { type Reply, reply } from "../src/core/reply/reply.ts";
import type { FeedbackStore, Vote } from "../src/storage/feedback-store.ts";
import type { ShownReplyStore } from "../src/storage/shown-reply-store.ts";
import type { Caller } from "./define.ts";
import { commandMessages } from "./messages.ts";

export interface KeptStores {
  readonly replies: ShownReplyStore;
  readonly feedback: FeedbackStore;
}

export interface ReplyActionsOptions extends KeptStores {
  readonly locale: Locale;
  readonly root: string;
  /** How long kept answers and pages can still be acted on. Default 24 h. */
  readonly ttlMs?: number;
  readonly now?: () => Date;
}

/** Who acts: the platform and the user key (`slack:T…:U…`, `discord:…`, `console:console`). */
export interface Actor {
  readonly platform: Platform;
  readonly user: string;
}

export interface VoteInput extends Actor {
  /** The kept answer voted on; undefined: the actor's latest answer. */
  readonly id?: string;
  readonly vote: Vote;
  readonly channelId?: string;
  readonly messageId?: string;
  readonly comment?: string;
}

export interface ReplyActionsService {
  /** Keeps what the reply's buttons need and returns it with their ids (its `more` pages removed). */
  attach(reply: Reply, actor: Actor, command: string): Reply;
  /** The page kept under `id` (undefined: the next page of the actor's latest list), or why not. */
  more(id: string | undefined, actor: Actor): Reply;
  /** Stores the vote; the reply confirms it or says why it could not be stored. */
  vote(input: VoteInput): Reply;
}

export const DEFAULT_KEPT_TTL_MS = 24 * 3_600_000;
/** Users whose next page `/news more` remembers (the least recent are forgotten first). */
const MAX_REMEMBERED = 10_000;

/** The one key a user's kept answers and votes are filed under, whichever way they came in. */
export function actorOf(who: { platform: Platform; user?: string; caller?: Caller }): Actor {
  const user = who.caller ? `${who.platform}:${who.caller.userId}` : (who.user ?? `${who.platform}:local`);
  return { platform: who.platform, user };
}

const note = (text: string): Reply => reply([{ type: "paragraph", text }]);

export function createReplyActions(options: ReplyActionsOptions): ReplyActionsService {
  const { replies, feedback, locale, root } = options;
  const ttlMs = options.ttlMs ?? DEFAULT_KEPT_TTL_MS;
  const now = options.now ?? (() => new Date());
  const t = commandMessages(locale);
  // the next page of each user's latest list, for `/news more` typed rather than clicked
  const nextPage = new Map<string, string>();
  const remember = (user: string, id: string) => {
    nextPage.delete(user); // re-inserted last: the map's order is the users' recency
    if (nextPage.size >= MAX_REMEMBERED) nextPage.delete(nextPage.keys().next().value as string);
    nextPage.set(user, id);
  };

  /** Keeps the pages last first, each pointing at the next; returns the first one's id. */
  function keepPages(pages: readonly Reply[], actor: Actor, command: string): string | undefined {
    let next: string | undefined;
    for (const page of [...pages].reverse()) {
      const { more: _more, ...rest } = page;
      const kept: Reply = next ? { ...rest, actions: { moreId: next } } : rest;
      next = replies.save(
        { platform: actor.platform, userId: actor.user, command, reply: kept },
        now(),
        ttlMs,
      );
    }
    return next;
  }

  return {
    attach(shown, actor, command) {
      const { more, ...rest } = shown;
      const moreId = more && more.length > 0 ? keepPages(more, actor, command) : undefined;
      const a = shown.answered;
      const feedbackId = a
        ? replies.save(
            { platform: actor.platform, userId: actor.user, command, reply: rest, question: a.question },
            now(),
            ttlMs,
          )
        : undefined;
      if (moreId) remember(actor.user, moreId);
      if (!moreId && !feedbackId) return rest;
      return { ...rest, actions: { ...(feedbackId ? { feedbackId } : {}), ...(moreId ? { moreId } : {}) } };
    },
    more(id, actor) {
      const wanted = id ?? nextPage.get(actor.user);
      if (!wanted) return errorReply(t.moreNone(root), locale);
      const kept = replies.get(wanted, now());
      if (!kept) return errorReply(t.moreExpired, locale);
      const next = kept.reply.actions?.moreId;
      if (next) remember(actor.user, next);
      else if (nextPage.get(actor.user) === wanted) nextPage.delete(actor.user);
      return { ...kept.reply, visibility: "private" };
    },
    vote(input) {
      const id = input.id ?? replies.latestAnswer(input.platform, input.user, now());
      if (!id) return errorReply(t.feedbackNoAnswer(root), locale);
      const answered = replies.get(id, now())?.reply.answered;
      if (!answered) return errorReply(t.feedbackExpired, locale);
      const outcome = feedback.record(
        {
          replyId: id,
          platform: input.platform,
          userId: input.user,
          ...(input.channelId ? { channelId: input.channelId } : {}),
          ...(input.messageId ? { messageId: input.messageId } : {}),
          vote: input.vote,
          ...(input.comment ? { comment: input.comment } : {}),
          question: answered.question,
          answer: answered.answer,
          citations: answered.citations,
          confidence: answered.confidence,
        },
        now(),
      );
      return note(outcome === "changed" ? t.feedbackChanged(input.vote) : t.feedbackStored(input.vote));
    },
  };
}
