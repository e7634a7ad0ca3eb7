// What a failed start-up prints and the exit code it ends with: one line per failure, each kind
// with its own code, so a supervisor (systemd, Docker, a script) can tell a bad token from a
// network outage without reading logs. Anything unforeseen keeps its stack trace (exit 1).
import { StartupFailure } from "../adapters/startup-failure.ts";
import { ConfigError } from "../config/index.ts";
import { DatabaseOpenError } from "../storage/database.ts";

export const EXIT_CODES = {
  /** An unexpected failure (a bug): the stack trace is printed. */
  failure: 1,
  /** Invalid configuration: every problem listed, each naming its variable. */
  config: 3,
  /** The database cannot be opened, is locked by another process, or is not a SQLite file. */
  database: 4,
  /** Slack or Discord refused the token (invalid, revoked). */
  token: 5,
  /** Slack or Discord could not be reached in time. */
  unreachable: 6,
  /** Slack's HTTP port is in use or not allowed. */
  port: 7,
} as const;

/** The database error as the operator's one line: the file, what is wrong, where it is set. */
export function databaseFailure(error: DatabaseOpenError, setting = "NEWSBOT_DB"): StartupFailure {
  const fix = error.reason.startsWith("it is locked")
    ? `stop the other process using it, or point ${setting} at another file`
    : `move it away, or point ${setting} at another file`;
  return new StartupFailure(
    "database",
    `cannot open the database ${error.path} (${setting}): ${error.reason}; ${fix}`,
  );
}

export function describeStartupError(error: unknown): { code: number; text: string } {
  if (error instanceof ConfigError) return { code: EXIT_CODES.config, text: error.message };
  if (error instanceof DatabaseOpenError)
    return { code: EXIT_CODES.database, text: `newsbot: ${databaseFailure(error).message}` };
  if (error instanceof StartupFailure)
    return { code: EXIT_CODES[error.kind], text: `newsbot: ${error.message}` };
  return { code: EXIT_CODES.failure, text: (error as Error)?.stack ?? String(error) };
}
