// A ChannelPoster for the fake channel server: one message per scheduled post, marked with its
// delivery; it can look a post up, so an interrupted one is found rather than sent twice.
import { asPostError, type ChannelPoster } from "../../src/scheduling/poster.ts";

export function httpPoster(baseUrl: string, worker: string): ChannelPoster {
  return {
    platform: "slack",
    prepare: (channelId, _reply, mark) => [
      async () => {
        try {
          const res = await fetch(`${baseUrl}/post`, {
            method: "POST",
            body: JSON.stringify({
              channel: channelId,
              sub: mark?.subscriptionId,
              period: mark?.period,
              part: 0,
              worker,
            }),
          });
          return ((await res.json()) as { ref: string }).ref;
        } catch (error) {
          throw asPostError(error);
        }
      },
    ],
    async find(channelId, mark, part) {
      const q = new URLSearchParams({
        channel: channelId,
        sub: String(mark.subscriptionId),
        period: mark.period,
        part: String(part),
      });
      const res = await fetch(`${baseUrl}/find?${q}`);
      return ((await res.json()) as { ref?: string }).ref;
    },
  };
}
