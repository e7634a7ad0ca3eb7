// The Slack adapter: a Bolt app exposing every command under one slash command (`/news …`), in
// HTTP mode with signature verification or in Socket Mode, acknowledging at once and answering
// through respond(); the Block Kit renderer that keeps replies within Slack's limits and escapes
// every text so nobody gets pinged; and the app manifest generated from the declarations. It
// imports the core and the commands, never another adapter.
export {
  type RunningSlackAdapter,
  type SlackAdapterOptions,
  startSlackAdapter,
  unescapeSlack,
} from "./app.ts";
export { type SlackManifestOptions, slackManifest } from "./manifest.ts";
export { classifySlackError, createSlackPoster, type SlackPosterOptions } from "./poster.ts";
export {
  blockChars,
  chunkEscaped,
  escapeSlack,
  PUBLISH_ACTION,
  renderSlack,
  SLACK_LIMITS,
  type SlackMessage,
  type SlackRenderOptions,
} from "./render.ts";
