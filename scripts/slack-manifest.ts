// `npm run slack:manifest [-- --url https://bot.example.org] [--out slack-manifest.json]`
// Writes the Slack app manifest generated from `commands/` (root name and locale from the
// configuration). With --url the app uses HTTP request URLs (`<url>/slack/events`); without, Socket
// Mode. Paste the file into https://api.slack.com/apps → Create New App → From a manifest.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { allCommands } from "../commands/index.ts";
import { slackManifest } from "../src/adapters/slack/manifest.ts";

const { values } = parseArgs({
  options: { url: { type: "string" }, out: { type: "string" }, name: { type: "string" } },
});
const locale = process.env.NEWSBOT_LOCALE === "en" ? "en" : "fr";
const root = process.env.NEWSBOT_COMMAND?.trim() || "news";
const manifest = slackManifest({
  commands: allCommands,
  root,
  locale,
  ...(values.url ? { baseUrl: values.url } : {}),
  ...(values.name ? { appName: values.name } : {}),
});
const text = `${JSON.stringify(manifest, null, 2)}\n`;
if (values.out) {
  writeFileSync(values.out, text);
  process.stderr.write(`wrote ${values.out}\n`);
} else process.stdout.write(text);
