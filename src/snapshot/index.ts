// The persisted index: the corpus's articles, index and people list saved next to the database so
// that a restart or a CLI call skips reading and analysing the corpus again. It builds on the
// core and the corpus loader; it must not import adapters, commands, scheduling, the app or CLI.
export {
  type CorpusChange,
  compareFingerprints,
  fingerprintCorpus,
  type SourceFile,
} from "./corpus-fingerprint.ts";
export {
  type LoadedNews,
  loadNews,
  type NewsLoadOptions,
  type NewsSource,
  SNAPSHOT_FORMAT,
  type SnapshotEvent,
  snapshotPathFor,
} from "./news-snapshot.ts";
export { readSnapshotFile, writeSnapshotFile } from "./snapshot-file.ts";
