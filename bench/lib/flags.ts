// Command-line flags of the bench scripts (`--name value`), read one way so that a flag given
// without its value, or with a value that is no number where one is needed, stops the script
// before minutes of work instead of falling back to the default silently.

export interface Flags {
  /** The value after `--name`; undefined without the flag. */
  value(name: string): string | undefined;
  /** The number after `--name`; undefined without the flag. */
  number(name: string): number | undefined;
}

export function createFlags(args: readonly string[] = process.argv.slice(2)): Flags {
  const value = (name: string) => {
    const at = args.indexOf(`--${name}`);
    if (at < 0) return undefined;
    const v = args[at + 1];
    // `--batches --fresh` would read `--fresh` as the batches, `--batches` last nothing at all
    if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
    return v;
  };
  return {
    value,
    number(name) {
      const v = value(name);
      if (v === undefined) return undefined;
      const n = Number(v);
      if (v.trim() === "" || !Number.isFinite(n)) throw new Error(`--${name}: a number, not ${v}`);
      return n;
    },
  };
}
