// Slack as an `Adapter`: the Bolt app in HTTP mode (which then also serves /healthz, /readyz and
// /metrics on its port) or in Socket Mode, and its poster.
import { adapterMessages } from "../adapter-messages.ts";
import type { Adapter, AdapterFactory } from "../port.ts";
import { type RunningSlackAdapter, startSlackAdapter } from "./app.ts";

export const createSlackAdapter: AdapterFactory = (context): Adapter => {
  const { config, dispatcher, log } = context;
  const slack = config.slack;
  let running: RunningSlackAdapter | undefined;
  let stopped = false;
  return {
    name: "slack",
    async start() {
      if (!slack) throw new Error("Slack is not configured (SLACK_BOT_TOKEN)");
      running = await startSlackAdapter({
        dispatcher,
        ...(context.conversations ? { conversations: context.conversations } : {}),
        ...(context.shownReplies ? { shownReplies: context.shownReplies } : {}),
        botToken: slack.botToken,
        ...(slack.signingSecret ? { signingSecret: slack.signingSecret } : {}),
        ...(slack.appToken ? { appToken: slack.appToken } : {}),
        ...(slack.apiUrl ? { apiUrl: slack.apiUrl } : {}),
        port: slack.port,
        ...(config.http.enabled ? { routes: context.routes } : {}),
        onError: (error) =>
          log.error(
            { err: error, adapter: "slack" },
            "Slack command failed; the user was told so — check the error",
          ),
      });
      const t = adapterMessages(config.locale);
      const port = running.port;
      if (port === undefined) return { message: t.startedSlackSocket };
      return { message: t.startedSlackHttp(port), ...(config.http.enabled ? { servesRoutesOn: port } : {}) };
    },
    async stop() {
      stopped = true;
      await running?.stop();
    },
    poster: () => running?.poster,
    health() {
      if (!running) return { ok: false, detail: "not started" };
      if (stopped) return { ok: false, detail: "stopped" };
      return {
        ok: true,
        detail: running.port === undefined ? "socket mode" : `http on port ${running.port}`,
      };
    },
  };
};
