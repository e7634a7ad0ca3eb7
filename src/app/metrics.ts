// What /metrics exposes, in Prometheus' format with prom-client: commands by name and outcome,
// how long answers take and how often they abstain, scheduled deliveries by status, feed polls and
// errors by feed, and the index's size. One registry per running app (tests start several).
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export interface AppMetrics {
  readonly registry: Registry;
  command(name: string, outcome: "ok" | "error"): void;
  answer(seconds: number, abstained: boolean): void;
  delivery(status: string): void;
  feedPoll(feed: string, failed: boolean): void;
  index(articles: number, bytes: number): void;
}

export function createAppMetrics(options: { processMetrics?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "newsbot_" });
  const registers = [registry];
  const commands = new Counter({
    name: "newsbot_commands_total",
    help: "Commands handled, by command and outcome (error = an error reply: bad input, nothing found, a failure)",
    labelNames: ["command", "outcome"] as const,
    registers,
  });
  const answerSeconds = new Histogram({
    name: "newsbot_answer_seconds",
    help: "Time to answer a question (ask), in seconds",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers,
  });
  const abstentions = new Counter({
    name: "newsbot_abstentions_total",
    help: "Questions answered with no cited sentence (the bot abstained)",
    registers,
  });
  const deliveries = new Counter({
    name: "newsbot_deliveries_total",
    help: "Scheduled deliveries by final status (delivered, partial, failed, uncertain, …)",
    labelNames: ["status"] as const,
    registers,
  });
  const byFeed = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ["feed"] as const, registers });
  const polls = byFeed("newsbot_feed_polls_total", "Feed polls, by feed");
  const pollErrors = byFeed("newsbot_feed_errors_total", "Feed polls that failed, by feed");
  const articles = new Gauge({ name: "newsbot_index_articles", help: "Articles in the index", registers });
  const bytes = new Gauge({
    name: "newsbot_index_bytes",
    help: "Bytes held by the index's postings and statistics",
    registers,
  });
  return {
    registry,
    command: (name, outcome) => commands.inc({ command: name || "(none)", outcome }),
    answer(seconds, abstained) {
      answerSeconds.observe(seconds);
      if (abstained) abstentions.inc();
    },
    delivery: (status) => deliveries.inc({ status }),
    feedPoll(feed, failed) {
      polls.inc({ feed });
      if (failed) pollErrors.inc({ feed });
    },
    index(n, b) {
      articles.set(n);
      bytes.set(b);
    },
  };
}
