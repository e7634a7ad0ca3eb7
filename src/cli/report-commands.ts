// `newsbot digest`, `newsbot brief`, `newsbot who`: the reports, printed as readable text (the
// neutral reply rendered for a terminal) or, with --json, as the core's data.
import { parseArgs } from "node:util";
import { type Briefing, briefingReply, buildBriefing } from "../core/briefing/index.ts";
import { isIsoDay } from "../core/dates/resolve.ts";
import { buildDigest, digestReply } from "../core/digest/index.ts";
import { whoIs } from "../core/entities/index.ts";
import type { Block, Reply } from "../core/reply/reply.ts";
import { whoReply } from "../core/reply/who-reply.ts";
import type { NewsIndex } from "../core/search/news-index.ts";
import { loadNewsForCli } from "./corpus-option.ts";
import type { CliIO } from "./io.ts";

/** Plain-text rendering of a neutral reply for the terminal. */
export function replyText(r: Reply): string {
  const out: string[] = [];
  if (r.title) out.push(r.title, "=".repeat(Math.min(r.title.length, 80)));
  const block = (b: Block): string[] => {
    switch (b.type) {
      case "heading":
        return ["", b.text, "-".repeat(Math.min(b.text.length, 80))];
      case "paragraph":
        return [b.text];
      case "quote":
        return [`« ${b.text} »${b.cite ? ` — ${b.cite.title}` : ""}`];
      case "list":
        return b.items.map(
          (it, i) => `${b.ordered ? `${i + 1}.` : "•"} ${it.text}${it.url ? ` <${it.url}>` : ""}`,
        );
      case "fields":
        return b.fields.map((f) => `${f.label} : ${f.value}`);
      case "sources":
        return [
          "",
          ...b.items.map(
            (s, i) =>
              `[${i + 1}] ${s.title}${s.date ? ` (${s.date})` : ""} · ${s.id}${s.url ? ` · ${s.url}` : ""}`,
          ),
        ];
      case "context":
        return [`(${b.text})`];
      case "divider":
        return ["—".repeat(20)];
    }
  };
  for (const b of r.blocks) out.push(...block(b));
  return out.join("\n");
}

const common = {
  corpus: { type: "string", multiple: true },
  json: { type: "boolean", default: false },
  lang: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type Values = Record<string, string | boolean | string[] | undefined>;

async function report(
  argv: string[],
  io: CliIO,
  usage: string,
  extra: Record<string, { type: "string" | "boolean" }>,
  check: (values: Values, positional: string) => string | undefined,
  run: (news: NewsIndex, values: Values, positional: string) => { json: unknown; reply: Reply },
): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: { ...common, ...extra },
      allowPositionals: true,
    }) as {
      values: Values;
      positionals: string[];
    });
  } catch (e) {
    io.err(`${(e as Error).message}\nusage: ${usage}`);
    return 2;
  }
  if (values.help) {
    io.out(`usage: ${usage}`);
    return 0;
  }
  if (values.lang !== undefined && values.lang !== "fr" && values.lang !== "en") {
    io.err("--lang must be fr or en");
    return 2;
  }
  const positional = positionals.join(" ").trim();
  const problem = check(values, positional);
  if (problem) {
    io.err(`${problem}\nusage: ${usage}`);
    return 2;
  }
  const { news, save } = await loadNewsForCli(values.corpus as string[] | undefined, io);
  const r = run(news, values, positional);
  io.out(values.json ? JSON.stringify(r.json) : replyText(r.reply));
  await save();
  return 0;
}

const badDate = (name: string, v: unknown) =>
  typeof v === "string" && !isIsoDay(v)
    ? `--${name} must be a date YYYY-MM-DD (a real day), got "${v}"`
    : undefined;
const locale = (v: Values) => (v.lang === "en" ? "en" : "fr");

export function runDigest(argv: string[], io: CliIO): Promise<number> {
  return report(
    argv,
    io,
    "newsbot digest [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--topic T] [--max N] [--corpus PATH] [--json]",
    { from: { type: "string" }, to: { type: "string" }, topic: { type: "string" }, max: { type: "string" } },
    (v, pos) => {
      if (pos) return `unexpected argument "${pos}" (use --topic for a topic)`;
      const bad = badDate("from", v.from) ?? badDate("to", v.to);
      if (bad) return bad;
      if (typeof v.from === "string" && typeof v.to === "string" && v.from > v.to)
        return "--from is after --to";
      if (v.max !== undefined && !/^\d+$/.test(String(v.max)))
        return "--max must be a whole number from 1 to 50";
      const max = Number(v.max ?? 10);
      return max < 1 || max > 50 ? "--max must be a whole number from 1 to 50" : undefined;
    },
    (news, v) => {
      const digest = buildDigest(news, {
        ...(typeof v.from === "string" ? { from: v.from } : {}),
        ...(typeof v.to === "string" ? { to: v.to } : {}),
        ...(typeof v.topic === "string" ? { topic: v.topic } : {}),
        maxItems: Number(v.max ?? 10),
      });
      return { json: digest, reply: digestReply(digest, locale(v)) };
    },
  );
}

export function runBrief(argv: string[], io: CliIO): Promise<number> {
  return report(
    argv,
    io,
    'newsbot brief "<topic>" [--since YYYY-MM-DD] [--corpus PATH] [--json]',
    { since: { type: "string" } },
    (v, pos) => (pos ? badDate("since", v.since) : "a topic is required"),
    (news, v, topic) => {
      const b: Briefing = buildBriefing(news, topic, typeof v.since === "string" ? { since: v.since } : {});
      return { json: b, reply: briefingReply(b, locale(v)) };
    },
  );
}

export function runWho(argv: string[], io: CliIO): Promise<number> {
  return report(
    argv,
    io,
    'newsbot who "<name>" [--corpus PATH] [--json]',
    {},
    (_v, pos) => (pos ? undefined : "a name is required"),
    (news, v, name) => {
      const profile = whoIs(news, name);
      return {
        json: profile ?? { error: whoReply(undefined, name, locale(v)).blocks[0] },
        reply: whoReply(profile, name, locale(v)),
      };
    },
  );
}
