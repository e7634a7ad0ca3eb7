// Questions on Slack outside the slash command: an @mention in a channel (`app_mention`), a direct
// message (`message.im`) and a reply in a thread the bot answered in (`message.channels` /
// `message.groups`, no mention needed). Every answer goes in the thread (`thread_ts`: the thread,
// or the asking message itself), escaped like every reply, never pinging anyone. The bot's own
// mention is removed from the text; other mentions are kept as text and defused by the renderer.
import type { App } from "@slack/bolt";
import type { Conversations } from "../../../commands/conversation.ts";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import type { Reply } from "../../core/reply/reply.ts";
import { renderSlack } from "./render.ts";

interface SlackMessageEvent {
  readonly type: string;
  readonly subtype?: string;
  readonly bot_id?: string;
  readonly user?: string;
  readonly text?: string;
  readonly ts: string;
  readonly thread_ts?: string;
  readonly channel: string;
  readonly channel_type?: string;
  readonly team?: string;
}

/** Slack sends `&`, `<` and `>` as HTML entities; the bot's own mention is not part of the question. */
function cleanText(text: string, botUserId: string | undefined): string {
  const own = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, "g") : /^<@[A-Z0-9]+(?:\|[^>]*)?>/;
  return text.replace(own, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").trim();
}

export function handleSlackConversations(
  app: App,
  options: { dispatcher: Dispatcher; conversations: Conversations; onError: (e: unknown) => void },
): void {
  const { dispatcher, conversations, onError } = options;

  async function answer(event: SlackMessageEvent, teamId: string, botUserId: string | undefined) {
    const threadId = event.thread_ts ?? event.ts;
    const userId = `${teamId}:${event.user ?? ""}`;
    let reply: Reply;
    try {
      reply = await conversations.answer({
        platform: "slack",
        channelId: event.channel,
        threadId,
        text: cleanText(event.text ?? "", botUserId),
        who: {
          platform: "slack",
          user: `slack:${userId}`,
          // a question in a thread manages nothing: subscriptions stay with the slash command
          caller: { platform: "slack", userId, channelId: event.channel, canManageChannel: false },
        },
      });
    } catch (error) {
      onError(error);
      return;
    }
    for (const page of renderSlack({ ...reply, visibility: "public" }, { locale: dispatcher.locale })) {
      await app.client.chat.postMessage({
        channel: event.channel,
        thread_ts: threadId,
        text: page.text,
        blocks: page.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  }

  app.event("app_mention", async ({ event, context, body }) => {
    const e = event as unknown as SlackMessageEvent;
    await answer(e, (body as { team_id?: string }).team_id ?? e.team ?? "", context.botUserId).catch(onError);
  });

  app.message(async ({ message, context, body }) => {
    const e = message as unknown as SlackMessageEvent;
    if (e.subtype !== undefined || e.bot_id !== undefined || !e.user) return;
    const teamId = (body as { team_id?: string }).team_id ?? e.team ?? "";
    // a mention in a channel is the app_mention event's; answering it here too would answer twice
    const mentioned = context.botUserId !== undefined && (e.text ?? "").includes(`<@${context.botUserId}`);
    if (e.channel_type === "im") {
      await answer(e, teamId, context.botUserId).catch(onError);
      return;
    }
    if (mentioned || !e.thread_ts) return;
    if (!conversations.knows({ platform: "slack", channelId: e.channel, threadId: e.thread_ts })) return;
    await answer(e, teamId, context.botUserId).catch(onError);
  });
}
