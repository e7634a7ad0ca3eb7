// Scheduled posts in the console: printed as text, headed by the channel they are for, so the
// whole subscribe → schedule → deliver loop runs with no token at all.
import type { Locale } from "../../core/i18n/messages.ts";
import type { ChannelPoster } from "../../scheduling/poster.ts";
import { renderText } from "./render.ts";

export function createConsolePoster(output: NodeJS.WritableStream, locale: Locale = "fr"): ChannelPoster {
  let n = 0;
  return {
    platform: "console",
    prepare: (channelId, reply, _mark, thread) => [
      async () => {
        output.write(`\n[newsbot → #${channelId}]\n${renderText(reply, locale)}\n\n`);
        return `console-${++n}`;
      },
      // a threaded digest's other stories, printed as the thread under the first message
      ...(thread
        ? [
            async () => {
              const text = renderText(thread, locale).replace(/^/gm, "  │ ");
              output.write(`[newsbot → #${channelId} ↳ fil]\n${text}\n\n`);
              return `console-${++n}`;
            },
          ]
        : []),
    ],
  };
}
