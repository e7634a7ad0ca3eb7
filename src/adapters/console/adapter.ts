// The console as an `Adapter`: its poster prints scheduled posts, its session reads commands from
// the input until `quit` or end of input, which ends the app.
import type { Adapter, AdapterFactory } from "../port.ts";
import { createConsolePoster } from "./poster.ts";
import { runConsoleSession } from "./session.ts";

export const createConsoleAdapter: AdapterFactory = (context): Adapter => {
  const { config, dispatcher, input, output } = context;
  const poster = createConsolePoster(output, config.locale);
  let stopped = false;
  let closeInput: (() => void) | undefined;
  return {
    name: "console",
    start: async () => ({}),
    async stop() {
      stopped = true;
      closeInput?.();
    },
    poster: () => poster,
    health: () => ({ ok: !stopped, detail: stopped ? "session ended" : "session open" }),
    async session() {
      const ended = runConsoleSession({
        dispatcher,
        ...(context.conversations ? { conversations: context.conversations } : {}),
        input,
        output,
        articleCount: context.articleCount,
        onReady: (close) => {
          closeInput = close;
        },
      });
      await ended.finally(() => {
        stopped = true;
      });
    },
  };
};
