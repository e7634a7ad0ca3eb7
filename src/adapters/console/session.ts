// The interactive console: reads a line, hands it to the dispatcher exactly as Slack would
// (`/news ask …`, or just `ask …`), prints the reply as text. `quit`, `exit` or end of input ends
// the session. Lines are handled one at a time, in order, so piped input works too.
import { createInterface } from "node:readline";
import type { Conversations } from "../../../commands/conversation.ts";
import type { Dispatcher } from "../../../commands/dispatch.ts";
import { splitCommandText } from "../../../commands/parse-text.ts";
import { adapterMessages } from "../adapter-messages.ts";
import { renderText } from "./render.ts";

export interface ConsoleSessionOptions {
  readonly dispatcher: Dispatcher;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  /** How many articles are loaded, for the welcome line. */
  readonly articleCount: number;
  /** Show a `news> ` prompt (for a terminal). Default: when the input is a TTY. */
  readonly prompt?: boolean;
  /** Given the function that ends the session (no more lines read), e.g. on SIGTERM. */
  readonly onReady?: (close: () => void) => void;
  /** Follow-ups: `> et en 2019 ?` is read against the last question (`ask …` or `> …`). */
  readonly conversations?: Conversations;
}

/** The console's one channel: where its subscriptions post (printed). */
export const CONSOLE_CHANNEL = "console";

const QUIT = /^(quit|exit|q|\\q|quitter|\/quit|\/exit)$/i;

export async function runConsoleSession(options: ConsoleSessionOptions): Promise<void> {
  const { dispatcher, output } = options;
  const t = adapterMessages(dispatcher.locale);
  const tty = options.prompt ?? (options.input as { isTTY?: boolean }).isTTY === true;
  const write = (text: string) => output.write(`${text}\n`);
  const rl = createInterface({ input: options.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  options.onReady?.(() => rl.close());
  const prompt = () => {
    if (tty) output.write(`${dispatcher.root}> `);
  };
  write(t.consoleWelcome(dispatcher.root, options.articleCount));
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (QUIT.test(line)) break;
    if (line !== "") {
      const who = {
        platform: "console" as const,
        // the local user owns the console "channel": scheduled posts to it are printed here
        caller: {
          platform: "console" as const,
          userId: "console",
          channelId: CONSOLE_CHANNEL,
          canManageChannel: true,
        },
      };
      // the console is one conversation: `ask …` starts a topic, `> …` follows it up
      const followUp = line.startsWith(">");
      const conversation =
        options.conversations && (followUp || splitCommandText(line, dispatcher.root).name === "ask")
          ? options.conversations
          : undefined;
      const reply = conversation
        ? await conversation.answer({
            platform: "console",
            channelId: CONSOLE_CHANNEL,
            threadId: CONSOLE_CHANNEL,
            text: followUp ? line.slice(1) : line,
            who,
          })
        : await dispatcher.runText(line, who);
      write(renderText(reply, dispatcher.locale));
      // the buttons other platforms show, as the commands that do the same here
      if (reply.actions?.moreId) write(t.moreHint(dispatcher.root));
      if (reply.actions?.feedbackId) write(t.feedbackHint(dispatcher.root));
      write("");
    }
    prompt();
  }
  rl.close();
  write(t.consoleBye);
}
