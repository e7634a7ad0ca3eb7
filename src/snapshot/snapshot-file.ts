// The snapshot file: a magic line, a JSON header (format version, what the corpus was, where each
// section lies and its SHA-1), then the sections, each starting on an 8-byte boundary:
//   - the body, in V8's structured-clone format (small things: strings, numbers, short lists);
//   - the typed arrays (the index's statistics, term offsets, vocabulary), raw: restored as views
//     over the bytes read, with no copy and no object per element;
//   - the lazy typed arrays (the index's postings, 32 MB of the archive's 112 MB), raw, with a
//     CRC-32 per 64 KB chunk in the header: read chunk by chunk when a search wants them, or
//     whole before use (see snapshot-lazy-arrays.ts);
//   - a raw blob (the article texts, UTF-8), last: it is not read with the rest (70 MB of the
//     archive's 112 MB), but article by article when a text is wanted, and whole in the background
//     once the bot is ready (see snapshot-texts.ts).
// Written to a temporary file, flushed, then renamed over the old one, so a reader sees the old
// snapshot or the new one, never half of one. Anything that does not check out is reported as a
// reason, never trusted.
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, read, readSync } from "node:fs";
import { open, readdir, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import { deserialize, serialize } from "node:v8";
import { ARRAY_TYPES, type ArrayType, bytesOf, type RawArray, typeOf } from "./snapshot-arrays.ts";
import { chunkChecksums, LazyArrays, type LazySection } from "./snapshot-lazy-arrays.ts";

export type { RawArray } from "./snapshot-arrays.ts";

const MAGIC = "NEWSBOT-INDEX-SNAPSHOT\n";

/**
 * The checksum of a section: SHA-1, which OpenSSL computes with the CPU's SHA instructions —
 * measured 73 ms of CPU for a 112 MB snapshot, where zlib's CRC-32 took 90–280 ms on this
 * machine. It guards against damage (a flipped byte, a bad sector), not against tampering.
 */
const digest = (bytes: Uint8Array): string => createHash("sha1").update(bytes).digest("hex");

interface Section {
  readonly offset: number;
  readonly bytes: number;
  readonly sha1: string;
}

interface ArraySection extends Section {
  readonly name: string;
  readonly type: ArrayType;
}

export interface SnapshotHeader<Meta> {
  readonly version: string;
  readonly meta: Meta;
  readonly body: Section;
  readonly arrays: readonly ArraySection[];
  /** Arrays read chunk by chunk when wanted (see snapshot-lazy-arrays.ts), after `arrays`. */
  readonly lazy: readonly LazySection[];
  readonly blob: Section;
  /** The whole file's length, to tell a cut file at once. */
  readonly fileBytes: number;
}

/** Where the texts lie in the snapshot file, still open: read on demand. */
export interface BlobInFile {
  readonly fd: number;
  /** Position of the blob in the file. */
  readonly offset: number;
  readonly bytes: number;
  readonly sha1: string;
}

export interface SnapshotContent<Body> {
  readonly body: Body;
  readonly arrays: ReadonlyMap<string, RawArray>;
  /** The lazy arrays, on a file descriptor of their own (the caller closes it). */
  readonly lazy: LazyArrays;
  readonly blob: BlobInFile;
}

export type SnapshotRead<Meta, Body> =
  | {
      readonly ok: true;
      readonly header: SnapshotHeader<Meta>;
      /**
       * The content, or undefined when a checksum fails (the blob's is checked when it is read:
       * see snapshot-texts.ts; the lazy arrays' when they are read, reported to `onDamaged`). The
       * caller owns the file descriptors in `blob` and `lazy` from then on.
       */
      readonly content: (onDamaged: (detail: string) => void) => SnapshotContent<Body> | undefined;
      /** Close the file without reading the content. */
      readonly close: () => void;
    }
  | { readonly ok: false; readonly reason: string };

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/**
 * Lays the sections out after a header whose length depends on the offsets: the offsets are
 * counted from the end of the header line, which is padded to 8 bytes.
 */
function layout<Meta>(
  version: string,
  meta: Meta,
  payload: Uint8Array,
  arrays: ReadonlyMap<string, RawArray>,
  lazy: ReadonlyMap<string, RawArray>,
  blob: Uint8Array,
) {
  const parts: Uint8Array[] = [];
  let at = 0;
  const place = (bytes: Uint8Array): Section => {
    const offset = at;
    parts.push(bytes);
    at += bytes.length;
    const pad = align8(at) - at;
    if (pad > 0) parts.push(new Uint8Array(pad));
    at += pad;
    return { offset, bytes: bytes.length, sha1: digest(bytes) };
  };
  const body = place(payload);
  const arraySections = [...arrays].map(([name, a]) => ({ name, type: typeOf(a), ...place(bytesOf(a)) }));
  const lazySections = [...lazy].map(([name, a]): LazySection => {
    const { offset, bytes } = place(bytesOf(a));
    return { name, type: typeOf(a), offset, bytes, crcs: chunkChecksums(bytesOf(a)) };
  });
  const blobSection = place(blob);
  const headerOf = (fileBytes: number) =>
    JSON.stringify({
      version,
      meta,
      body,
      arrays: arraySections,
      lazy: lazySections,
      blob: blobSection,
      fileBytes,
    });
  // the header holds the file's length, which holds the header's: settle it in a few rounds
  let headLength = 0;
  let head = Buffer.alloc(0);
  for (let round = 0; round < 4; round++) {
    const text = `${MAGIC}${headerOf(headLength + at)}\n`;
    const length = align8(Buffer.byteLength(text));
    head = Buffer.alloc(length, 0x20); // spaces after the newline: padding a reader skips
    head.write(text, "utf8");
    if (length === headLength) break;
    headLength = length;
  }
  return { head, parts, fileBytes: head.length + at };
}

export async function writeSnapshotFile<Meta>(
  target: string,
  version: string,
  meta: Meta,
  content: {
    body: unknown;
    arrays: ReadonlyMap<string, RawArray>;
    /** Arrays read when wanted, chunk by chunk (see snapshot-lazy-arrays.ts). */
    lazy?: ReadonlyMap<string, RawArray>;
    blob: Uint8Array;
  },
): Promise<number> {
  const { head, parts, fileBytes } = layout(
    version,
    meta,
    serialize(content.body),
    content.arrays,
    content.lazy ?? new Map(),
    content.blob,
  );
  await removeAbandoned(target);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const handle = await open(tmp, "w");
  try {
    await handle.writev([head, ...parts]);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, target).catch(async (error: unknown) => {
    await unlink(tmp).catch(() => {});
    throw error;
  });
  return fileBytes;
}

/** Temporary files of `target` left by a process that died while writing (they are large). */
async function removeAbandoned(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.slice(prefix.length, -".tmp".length));
    if (!name.startsWith(prefix) || !name.endsWith(".tmp") || !Number.isInteger(pid)) continue;
    if (pid !== process.pid && !alive(pid)) await unlink(join(dirname(target), name)).catch(() => {});
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function parseHeader<Meta>(bytes: Buffer): { header: SnapshotHeader<Meta>; start: number } | string {
  if (bytes.toString("latin1", 0, MAGIC.length) !== MAGIC) return "not a snapshot";
  const end = bytes.indexOf(10, MAGIC.length);
  if (end < 0) return "damaged header";
  try {
    const header = JSON.parse(bytes.toString("utf8", MAGIC.length, end)) as SnapshotHeader<Meta>;
    if (
      typeof header.version !== "string" ||
      !header.body ||
      !Array.isArray(header.arrays) ||
      !Array.isArray(header.lazy) ||
      !header.blob
    )
      return "damaged header";
    return { header, start: align8(end + 1) };
  } catch {
    return "damaged header";
  }
}

/** Each section's bytes before the blob, or undefined when one fails its checksum. */
function sections<Meta>(front: Buffer, header: SnapshotHeader<Meta>) {
  const slice = (s: Section) => {
    if (s.offset + s.bytes > front.length) return undefined;
    const part = front.subarray(s.offset, s.offset + s.bytes);
    return digest(part) === s.sha1 ? part : undefined;
  };
  const payload = slice(header.body);
  if (!payload) return undefined;
  const arrays = new Map<string, RawArray>();
  for (const a of header.arrays) {
    const part = slice(a);
    const type = ARRAY_TYPES[a.type];
    if (!part || !type || part.byteOffset % type.BYTES_PER_ELEMENT !== 0) return undefined;
    arrays.set(
      a.name,
      new type(part.buffer as ArrayBuffer, part.byteOffset, part.byteLength / type.BYTES_PER_ELEMENT),
    );
  }
  return { payload, arrays };
}

/** `length` bytes at `position` of `fd`, in a buffer of its own (so views on it are aligned). */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafeSlow(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}

/** The header: the first 64 KB hold it unless the corpus has very many files. */
function readHead<Meta>(fd: number, size: number) {
  let head = readAt(fd, 0, Math.min(1 << 16, size));
  while (head.indexOf(10, MAGIC.length) < 0 && head.length < size)
    head = readAt(fd, 0, Math.min(head.length * 4, size));
  return parseHeader<Meta>(head);
}

/**
 * The sections before the lazy arrays, checked, with the lazy arrays and the blob left in the
 * file (`lazyFd`: the same file, open again).
 */
function readContent<Meta, Body>(
  fd: number,
  lazyFd: number,
  start: number,
  header: SnapshotHeader<Meta>,
  onDamaged: (detail: string) => void,
): SnapshotContent<Body> | undefined {
  const eager = header.lazy[0]?.offset ?? header.blob.offset;
  const front = readAt(fd, start, eager);
  const found = front.length === eager ? sections(front, header) : undefined;
  if (!found) {
    closeSync(lazyFd);
    return undefined;
  }
  // `open` takes over `lazyFd`, closed already when it returns undefined (closed twice, it threw EBADF)
  const lazy = LazyArrays.open(lazyFd, start, header.lazy, onDamaged);
  if (!lazy) return undefined;
  const blob = { fd, offset: start + header.blob.offset, bytes: header.blob.bytes, sha1: header.blob.sha1 };
  return { body: deserialize(found.payload) as Body, arrays: found.arrays, lazy, blob };
}

/** `path` open again, when it is still the file open as `fd` (not replaced since). */
function openAgain(path: string, fd: number): number | undefined {
  try {
    const again = openSync(path, "r");
    const [a, b] = [fstatSync(fd), fstatSync(again)];
    if (a.ino === b.ino && a.dev === b.dev) return again;
    closeSync(again);
  } catch {}
  return undefined;
}

/**
 * The header, checked against `version`, and the content on demand (`content()` checks the
 * checksums of all but the texts first and returns undefined when one fails): a caller can
 * compare the header's corpus before paying for the rest. The typed arrays are views over the
 * bytes read. The file stays open for the texts once `content()` succeeded (the caller then owns
 * `blob.fd`); it is closed when it fails or when `close()` is called instead.
 */
export async function readSnapshotFile<Meta, Body>(
  path: string,
  version: string,
): Promise<SnapshotRead<Meta, Body>> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? "none saved yet" : `unreadable (${code})` };
  }
  const fail = (reason: string) => {
    closeSync(fd);
    return { ok: false as const, reason };
  };
  try {
    const size = fstatSync(fd).size;
    const parsed = readHead<Meta>(fd, size);
    if (typeof parsed === "string") return fail(parsed);
    const { header, start } = parsed;
    if (header.version !== version) return fail(`format ${header.version}, expected ${version}`);
    if (size !== header.fileBytes || start + header.blob.offset + header.blob.bytes > size)
      return fail("truncated");
    return {
      ok: true,
      header,
      content: (onDamaged) => {
        const lazyFd = openAgain(path, fd);
        const content =
          lazyFd === undefined ? undefined : readContent<Meta, Body>(fd, lazyFd, start, header, onDamaged);
        if (!content) closeSync(fd);
        return content;
      },
      close: () => closeSync(fd),
    };
  } catch (error) {
    return fail(`unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

const readAsync = promisify(read);

/**
 * The whole blob, read in the thread pool in 8 MB steps (the main thread stays free), checked
 * against its SHA-1 as it comes; undefined when it does not check out or cannot be read.
 */
export async function readBlob(blob: BlobInFile): Promise<Buffer | undefined> {
  const buffer = Buffer.allocUnsafeSlow(blob.bytes);
  const hash = createHash("sha1");
  try {
    for (let done = 0; done < blob.bytes; ) {
      const length = Math.min(1 << 23, blob.bytes - done);
      const { bytesRead } = await readAsync(blob.fd, buffer, done, length, blob.offset + done);
      if (bytesRead === 0) return undefined;
      hash.update(buffer.subarray(done, done + bytesRead));
      done += bytesRead;
    }
  } catch {
    return undefined;
  }
  return hash.digest("hex") === blob.sha1 ? buffer : undefined;
}
