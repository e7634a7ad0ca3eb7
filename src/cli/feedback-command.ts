// `newsbot feedback export [--json | --jsonl] [--db PATH] [--since DATE] [--vote up|down]
// [--platform P]`: the 👍 / 👎 votes given on answers in chat, for evaluation — each with the
// question, the answer, the cited article ids, the confidence shown, the vote, the voter, the
// platform and its channel and message ids, and the time. JSON lines by default (one vote a
// line), a JSON array with --json. Options are checked with zod; a wrong one is named with its
// rule (exit 2), a database that is missing or cannot be opened too (exit 4).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { databaseFailure, EXIT_CODES } from "../app/exit-codes.ts";
import { DatabaseOpenError, openDatabase } from "../storage/database.ts";
import { createSqliteFeedbackStore, type FeedbackRecord } from "../storage/feedback-store.ts";
import { type CliIO, readArgs } from "./io.ts";

export const FEEDBACK_USAGE = `usage: newsbot feedback export [--json | --jsonl] [--db PATH] [--since YYYY-MM-DD] [--vote up|down] [--platform slack|discord|console]
  Print the feedback given on answers (👍 / 👎 buttons, /news feedback), oldest first.
  --jsonl          one JSON object a line (the default)
  --json           one JSON array
  --db PATH        the bot's SQLite database (default NEWSBOT_DB, else data/newsbot.db)
  --since DATE     only votes given or changed that day or later
  --vote V         only up or only down votes
  --platform P     only votes from slack, discord or console`;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day, YYYY-MM-DD")
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "is not a real day",
  );

const Options = z
  .object({
    json: z.boolean().optional(),
    jsonl: z.boolean().optional(),
    db: z.string().trim().min(1, "needs a path").optional(),
    since: day.optional(),
    vote: z.enum(["up", "down"], "must be up or down").optional(),
    platform: z.enum(["slack", "discord", "console"], "must be slack, discord or console").optional(),
  })
  .refine((o) => !(o.json && o.jsonl), { message: "choose one of --json and --jsonl", path: ["json"] });

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      jsonl: { type: "boolean" },
      db: { type: "string" },
      since: { type: "string" },
      vote: { type: "string" },
      platform: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** A vote as exported: stable field names, absent values as null. */
function exported(r: FeedbackRecord) {
  return {
    id: r.id,
    at: r.at,
    vote: r.vote,
    question: r.question ?? null,
    answer: r.answer,
    citations: r.citations,
    confidence: r.confidence ?? null,
    comment: r.comment ?? null,
    platform: r.platform,
    user: r.userId,
    channel: r.channelId ?? null,
    message: r.messageId ?? null,
    answerId: r.replyId,
  };
}

export async function runFeedback(argv: string[], io: CliIO, env = process.env): Promise<number> {
  const parsed = readArgs("feedback", FEEDBACK_USAGE, () => parse(argv), io);
  if (typeof parsed === "number") return parsed;
  const [verb, ...extra] = parsed.positionals;
  if (verb !== "export" || extra.length > 0) {
    const what =
      verb === undefined
        ? "missing the action"
        : `unknown action ${JSON.stringify([verb, ...extra].join(" "))}`;
    io.err(`newsbot feedback: ${what} (only "export")\n${FEEDBACK_USAGE}`);
    return 2;
  }
  const checked = Options.safeParse(parsed.values);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `--${String(i.path[0] ?? "?")} ${i.message}`);
    io.err(`newsbot feedback: ${problems.join("; ")}\n${FEEDBACK_USAGE}`);
    return 2;
  }
  const o = checked.data;
  const path = resolve(o.db ?? env.NEWSBOT_DB ?? "data/newsbot.db");
  if (!existsSync(path)) {
    io.err(`newsbot feedback: no database at ${path} (--db, or NEWSBOT_DB): point it at the bot's database`);
    return EXIT_CODES.database;
  }
  let db: ReturnType<typeof openDatabase>;
  try {
    db = openDatabase(path);
  } catch (error) {
    if (!(error instanceof DatabaseOpenError)) throw error;
    io.err(`newsbot feedback: ${databaseFailure(error, o.db ? "--db" : "NEWSBOT_DB").message}`);
    return EXIT_CODES.database;
  }
  try {
    const rows = createSqliteFeedbackStore(db)
      .list(o.since ? { since: new Date(`${o.since}T00:00:00Z`) } : {})
      .filter((r) => (!o.vote || r.vote === o.vote) && (!o.platform || r.platform === o.platform))
      .map(exported);
    if (o.json) io.out(JSON.stringify(rows, null, 2));
    else for (const r of rows) io.out(JSON.stringify(r));
    return 0;
  } finally {
    db.close();
  }
}
