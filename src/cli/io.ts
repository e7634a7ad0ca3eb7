// The CLI's view of the outside world, passed in so commands can be run from tests.
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Lines of standard input, for batch mode; undefined when stdin is a terminal. */
  stdinLines?: () => AsyncIterable<string>;
}
