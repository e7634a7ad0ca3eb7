// `npm run show:briefings [topic …]`: builds briefings on the full OrangeSum archive and writes them
// as text to bench/results/briefings.md (the four topics of the stories issue by default), to read
// them as a journalist would (the hand-written notes at the end of the file are kept). Prints the
// time each took after the index is built.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { replyText } from "../src/cli/report-commands.ts";
import { briefingReply, buildBriefing } from "../src/core/briefing/index.ts";
import { loadCorpus } from "../src/core/corpus/loader.ts";
import { createNewsIndex } from "../src/core/search/news-index.ts";

const here = fileURLToPath(import.meta.url);
const PATH = resolve(here, "../../../shared/datasets/orangesum-dedup.jsonl.gz");
const args = process.argv.slice(2);
const topics = args.length ? args : ["retraites", "gilets jaunes", "Brexit", "coronavirus"];

const { articles } = await loadCorpus(PATH);
const news = createNewsIndex(articles);
const out: string[] = [];
for (const topic of topics) {
  let t = performance.now();
  const b = buildBriefing(news, topic);
  const cold = performance.now() - t;
  t = performance.now();
  buildBriefing(news, topic);
  const warm = performance.now() - t;
  const timing = `${cold.toFixed(0)} ms cold, ${warm.toFixed(0)} ms warm, on ${articles.length} articles`;
  console.log(`brief ${topic}: ${timing}`);
  out.push(`## brief ${topic}\n\n(${timing})\n\n\`\`\`\n${replyText(briefingReply(b))}\n\`\`\`\n`);
}
const file = resolve(here, "../results/briefings.md");
// the reading notes written by hand below the briefings are kept when they are rewritten
const NOTES = "## What is still weak";
const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : "";
if (!args.length)
  writeFileSync(
    file,
    `# Briefings on the OrangeSum archive\n\n${out.join("\n")}${notes ? `\n${notes}` : ""}`,
  );
else console.log(out.join("\n"));
