// The article texts of a restored snapshot, wherever they are at the moment:
//   - still in the file: an article's text is read (one `pread`) when it is wanted and checked
//     against its own CRC-32, so a command run once (`newsbot ask`) reads a few texts, not 70 MB;
//   - in memory, once the whole blob was read in the background and its SHA-1 checked;
//   - from the corpus, when the blob turned out damaged: read again, never trusted.
// A text that fails its check is never returned: the error says the snapshot is damaged, the
// file is removed (the next start rebuilds it) and the owner re-reads the texts from the corpus.
import { closeSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";
import { type BlobInFile, readBlob } from "./snapshot-file.ts";

/** Texts recently read from the file: a text is often read several times in a row (sentences). */
const RECENT = 64;

export class SnapshotDamagedError extends Error {}

const DAMAGED =
  "the index snapshot is damaged (an article's text fails its checksum); it was removed and the texts are read again from the corpus — retry, or restart if this persists";

type Where =
  | { readonly kind: "file"; readonly blob: BlobInFile; readonly recent: Map<number, string> }
  | { readonly kind: "memory"; readonly blob: Buffer }
  | { readonly kind: "strings"; readonly texts: readonly string[] }
  /** Found damaged, the file closed, the texts not yet read again from the corpus. */
  | { readonly kind: "damaged" };

export class SnapshotTexts {
  #where: Where;
  readonly #bodyStart: Float64Array;
  readonly #crc: Uint32Array;
  readonly #onDamaged: (detail: string) => void;
  #completing: Promise<boolean> | undefined;

  /** `onDamaged` is told once, on the first text or blob that fails its check. */
  constructor(
    blob: BlobInFile,
    bodyStart: Float64Array,
    crc: Uint32Array,
    onDamaged: (detail: string) => void,
  ) {
    this.#where = { kind: "file", blob, recent: new Map() };
    this.#bodyStart = bodyStart;
    this.#crc = crc;
    let told = false;
    this.#onDamaged = (detail) => {
      if (told) return;
      told = true;
      onDamaged(detail);
    };
  }

  get inMemory(): boolean {
    return this.#where.kind !== "file";
  }

  text(i: number): string {
    const where = this.#where;
    if (where.kind === "strings") return where.texts[i] ?? "";
    if (where.kind === "damaged") throw new SnapshotDamagedError(DAMAGED);
    const start = this.#bodyStart[i] as number;
    const end = this.#bodyStart[i + 1] as number;
    if (where.kind === "memory") return where.blob.toString("utf8", start, end);
    const hit = where.recent.get(i);
    if (hit !== undefined) return hit;
    const bytes = Buffer.allocUnsafe(end - start);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(where.blob.fd, bytes, done, bytes.length - done, where.blob.offset + start + done);
      if (n === 0) break;
      done += n;
    }
    if (done !== bytes.length || crc32(bytes) !== this.#crc[i]) {
      this.#onDamaged(`the text of article #${i} fails its checksum`);
      throw new SnapshotDamagedError(DAMAGED);
    }
    const text = bytes.toString("utf8");
    if (where.recent.size >= RECENT) where.recent.delete(where.recent.keys().next().value as number);
    where.recent.set(i, text);
    return text;
  }

  /**
   * Read the whole blob in the background and keep it in memory (true), or, when it does not
   * check out, report the damage and return false (the owner then calls `useStrings`).
   */
  complete(): Promise<boolean> {
    this.#completing ??= (async () => {
      const where = this.#where;
      if (where.kind !== "file") return true;
      const blob = await readBlob(where.blob);
      closeSync(where.blob.fd);
      if (this.#where === where) this.#where = blob ? { kind: "memory", blob } : { kind: "damaged" };
      if (!blob) this.#onDamaged("the article texts fail their checksum");
      return blob !== undefined;
    })();
    return this.#completing;
  }

  /** Serve the texts from these strings (read again from the corpus) from now on. */
  useStrings(texts: readonly string[]): void {
    const where = this.#where;
    this.#where = { kind: "strings", texts };
    if (where.kind === "file" && !this.#completing) closeSync(where.blob.fd);
  }

  /** Each text's CRC-32, to save with the blob. */
  static checksums(blob: Buffer, bodyStart: Float64Array): Uint32Array {
    const out = new Uint32Array(Math.max(0, bodyStart.length - 1));
    for (let i = 0; i < out.length; i++)
      out[i] = crc32(blob.subarray(bodyStart[i] as number, bodyStart[i + 1] as number));
    return out;
  }
}
