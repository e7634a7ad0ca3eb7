// Questions on Discord outside the slash command: a message mentioning the bot in a server channel
// is answered in a thread started on it; a message in a thread the bot answered in is read as a
// follow-up (no mention needed); a direct message is answered in the DM, which is its own
// conversation (Discord has no threads in DMs). Needs the Guild Messages, Direct Messages and
// Message Content intents. Every message goes out with `allowedMentions: { parse: [] }` and
// replies never ping their author.
import { type Client, Events, type Message } from "discord.js";
import type { Conversations } from "../../../commands/conversation.ts";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import { renderDiscord } from "./render.ts";

const NO_MENTIONS = { parse: [] as [], repliedUser: false };
/** Discord caps a thread's name at 100 characters. */
const THREAD_NAME_MAX = 100;

const threadName = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim() || "newsbot";
  return line.length <= THREAD_NAME_MAX ? line : `${line.slice(0, THREAD_NAME_MAX - 1)}…`;
};

async function onMessage(message: Message, dispatcher: Dispatcher, conversations: Conversations) {
  const me = message.client.user?.id;
  if (message.author.bot || !me || message.system) return;
  const own = new RegExp(`<@!?${me}>`, "g");
  const mentioned = message.mentions.users.has(me) || own.test(message.content);
  const text = message.content.replace(own, " ").trim();
  const dm = message.guildId === null;
  const channel = message.channel;
  const inThread = channel.isThread();
  if (
    !dm &&
    !mentioned &&
    !(inThread && conversations.knows({ platform: "discord", channelId: channel.id, threadId: channel.id }))
  )
    return;
  // where the answer goes: the DM, the thread it was asked in, or a new thread on the question
  const target = dm || inThread ? channel : await message.startThread({ name: threadName(text) });
  if (!target.isSendable()) return;
  const reply = await conversations.answer({
    platform: "discord",
    channelId: target.id,
    threadId: target.id,
    text,
    who: {
      platform: "discord",
      user: `discord:${message.author.id}`,
      caller: {
        platform: "discord",
        userId: message.author.id,
        channelId: target.id,
        canManageChannel: false,
      },
    },
  });
  for (const page of renderDiscord({ ...reply, visibility: "public" }, { locale: dispatcher.locale })) {
    await target.send({
      embeds: page.embeds,
      ...(page.components ? { components: page.components } : {}),
      allowedMentions: NO_MENTIONS,
    });
  }
}

export function handleDiscordConversations(
  client: Client,
  options: { dispatcher: Dispatcher; conversations: Conversations; onError: (e: unknown) => void },
): void {
  client.on(Events.MessageCreate, (message) => {
    onMessage(message, options.dispatcher, options.conversations).catch(options.onError);
  });
}
