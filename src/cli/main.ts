// The `newsbot` command line: a dispatcher over subcommands. Each subcommand lives in its own
// module and takes (argv, io), so tests run them without spawning processes.
import { createInterface } from "node:readline";
import type { CliIO } from "./io.ts";
import { runArticle, runAsk, runSearch } from "./lookup-commands.ts";

type Command = (argv: string[], io: CliIO) => Promise<number>;

const commands: Record<string, { run: Command; help: string }> = {
  ask: {
    run: runAsk,
    help: 'ask "<question>" [--corpus PATH] [--json]   answer with a quoted, cited sentence',
  },
  search: { run: runSearch, help: 'search "<terms>" [--corpus PATH] [--limit N] [--json]   ranked articles' },
  article: {
    run: runArticle,
    help: "article <id> [--corpus PATH] [--json]   show one article (id or unique prefix)",
  },
  digest: {
    run: async (argv, io) => (await import("./report-commands.ts")).runDigest(argv, io),
    help: "digest [--from D] [--to D] [--topic T] [--corpus P] [--json]   what is new, story by story",
  },
  brief: {
    run: async (argv, io) => (await import("./report-commands.ts")).runBrief(argv, io),
    help: 'brief "<topic>" [--since D] [--corpus P] [--json]   key points, timeline, people, figures',
  },
  who: {
    run: async (argv, io) => (await import("./report-commands.ts")).runWho(argv, io),
    help: 'who "<name>" [--corpus P] [--json]   a person\'s roles, articles, first and last mention',
  },
  start: {
    run: async (_argv, io) => {
      try {
        const app = await (await import("../app/main.ts")).startApp();
        (await import("../app/shutdown.ts")).onStopSignals(app);
        await app.done;
        return 0;
      } catch (error) {
        // one line and the exit code of its kind (README: exit codes)
        const { code, text } = (await import("../app/exit-codes.ts")).describeStartupError(error);
        io.err(text);
        return code;
      }
    },
    help: "start   run the bot (console session when no Slack/Discord token is configured)",
  },
  ingest: {
    run: async (argv, io) => (await import("./ingest-command.ts")).runIngest(argv, io),
    help: "ingest [--once] [--feeds URL,…] [--db PATH]   pull news feeds and the watched folder into the corpus",
  },
  feedback: {
    run: async (argv, io) => (await import("./feedback-command.ts")).runFeedback(argv, io),
    help: "feedback export [--json] [--db PATH] [--since D] [--vote up|down]   the 👍/👎 given on answers",
  },
  import: {
    run: async (argv, io) => (await import("./import-command.ts")).runImport(argv, io),
    help: "import <files…> [--out DIR] [--source S] [--lang L]   turn scraped text into corpus files",
  },
};

function usage(): string {
  return [
    "usage: newsbot <command> [options]",
    "",
    ...Object.values(commands).map((c) => `  newsbot ${c.help}`),
  ].join("\n");
}

export function processIO(): CliIO {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    ...(process.stdin.isTTY
      ? {}
      : { stdinLines: () => createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY }) }),
  };
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.err(`unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.err(`newsbot ${name}: ${(e as Error).message}`);
    return 1;
  }
}
