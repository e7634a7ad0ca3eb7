// The CLI's view of the outside world, passed in so commands can be run from tests.
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Lines of standard input, for batch mode; undefined when stdin is a terminal. */
  stdinLines?: () => AsyncIterable<string>;
}

/**
 * A subcommand's arguments, or the exit code to leave with: 2 and the usage for bad flags, 0 and
 * the usage for `--help`.
 */
export function readArgs<T extends { values: { help?: boolean } }>(
  name: string,
  usage: string,
  parse: () => T,
  io: Pick<CliIO, "out" | "err">,
): T | number {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    io.err(`newsbot ${name}: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    io.out(usage);
    return 0;
  }
  return parsed;
}
