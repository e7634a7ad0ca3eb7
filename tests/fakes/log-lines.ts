// A logger whose lines are kept, for tests that check what the app says.
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/app/logger.ts";

export function logLines(): { log: Logger; text: () => string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger({ level: "info", stream }), text: () => lines.join("") };
}
