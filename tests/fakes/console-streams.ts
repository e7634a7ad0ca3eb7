// The streams a console session is started with in app tests, with everything written to the
// output and to the error output collected as text.
import { PassThrough } from "node:stream";

export function consoleStreams() {
  const input = new PassThrough();
  const output = new PassThrough();
  const errorOutput = new PassThrough();
  const seen = { text: "", log: "" };
  output.on("data", (c: Buffer) => {
    seen.text += c.toString("utf8");
  });
  errorOutput.on("data", (c: Buffer) => {
    seen.log += c.toString("utf8");
  });
  return {
    input,
    output,
    errorOutput,
    /** What the session printed so far. */
    text: () => seen.text,
    /** What the bot logged so far. */
    log: () => seen.log,
  };
}
