// Structured logs with pino: one JSON object a line when the logs go to a file or a pipe (what a
// container runtime or a log shipper reads), a short readable line when they go to a terminal.
// The level comes from NEWSBOT_LOG_LEVEL (validated with the configuration). A failure's message
// says what to do about it; the error itself rides along in `err`.
import { type DestinationStream, type Logger, pino } from "pino";
import type { LogLevel } from "../config/index.ts";

export type { Logger } from "pino";

const LEVEL_NAMES: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};
const HIDDEN = new Set(["level", "time", "msg", "pid", "hostname", "err"]);

/** One JSON log line as `12:04:05 WARN message key=value`, with the error's first stack line. */
export function readableLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const time = new Date(Number(o.time ?? Date.now())).toTimeString().slice(0, 8);
  const level = LEVEL_NAMES[Number(o.level)] ?? String(o.level);
  const fields = Object.entries(o)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  const err = o.err as { message?: string; stack?: string } | undefined;
  const errLine = err
    ? `\n    ${(err.stack ?? err.message ?? "").split("\n").slice(0, 2).join("\n    ")}`
    : "";
  return `${time} ${level.padEnd(5)} ${String(o.msg ?? "")}${fields.length ? `  ${fields.join(" ")}` : ""}${errLine}`;
}

function readable(stream: NodeJS.WritableStream): DestinationStream {
  return { write: (line: string) => void stream.write(`${readableLine(line)}\n`) };
}

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where the lines go: a terminal gets readable lines, anything else JSON. */
  readonly stream: NodeJS.WritableStream;
  /** A file instead (JSON): used when the console session owns the terminal. */
  readonly file?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, base: undefined };
  if (options.file) return pino(base, pino.destination({ dest: options.file, mkdir: true, sync: true }));
  const tty = (options.stream as { isTTY?: boolean }).isTTY === true;
  return pino(base, tty ? readable(options.stream) : (options.stream as DestinationStream));
}
