// Typed arrays of a snapshot read when wanted, chunk by chunk: the index's postings (32 MB of the
// archive's snapshot) of which a question reads the few terms it asks for. Reading memory the
// process never touched costs a page fault per 4 KB page, which made reading and checking the
// whole 42 MB of index about a third of a `newsbot ask` (measured 150–360 ms for the read alone).
// Each array is allocated at its full length (pages the kernel hands out only when written) and
// each 64 KB chunk is read and checked against its own CRC-32 the first time a range touches it;
// a chunk that fails is never used: the damage is reported once and the read throws.
import { closeSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";
import { ARRAY_TYPES, type ArrayType, type RawArray } from "./snapshot-arrays.ts";
import { SnapshotDamagedError } from "./snapshot-texts.ts";

/** Bytes per chunk: a multiple of every element size. */
export const CHUNK_BYTES = 1 << 16;

/** Where a lazily read array lies in the file and each chunk's CRC-32. */
export interface LazySection {
  readonly name: string;
  readonly type: ArrayType;
  /** From the start of the sections, as the other sections' offsets. */
  readonly offset: number;
  readonly bytes: number;
  readonly crcs: readonly number[];
}

/** Each chunk's CRC-32 of `bytes`. */
export function chunkChecksums(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES)
    out.push(crc32(bytes.subarray(at, at + CHUNK_BYTES)));
  return out;
}

const DAMAGED =
  "the index snapshot is damaged (part of the index fails its checksum); it was removed and the next run rebuilds it — retry";

interface Lazy {
  readonly section: LazySection;
  readonly array: RawArray;
  readonly bytes: Uint8Array;
  /** 1 = read and checked. */
  readonly loaded: Uint8Array;
}

export class LazyArrays {
  readonly #fd: number;
  /** File position of the sections' offset 0. */
  readonly #base: number;
  readonly #byName = new Map<string, Lazy>();
  readonly #onDamaged: (detail: string) => void;
  #damaged = false;
  #closed = false;

  /** Takes over `fd` (closed by `close`). Undefined when a section does not fit its type. */
  static open(
    fd: number,
    base: number,
    sections: readonly LazySection[],
    onDamaged: (detail: string) => void,
  ): LazyArrays | undefined {
    const lazy = new LazyArrays(fd, base, onDamaged);
    for (const section of sections) {
      const type = ARRAY_TYPES[section.type];
      const chunks = Math.ceil(section.bytes / CHUNK_BYTES);
      if (!type || section.bytes % type.BYTES_PER_ELEMENT !== 0 || section.crcs.length !== chunks) {
        lazy.close();
        return undefined;
      }
      const array = new type(section.bytes / type.BYTES_PER_ELEMENT);
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      lazy.#byName.set(section.name, { section, array, bytes, loaded: new Uint8Array(chunks) });
    }
    return lazy;
  }

  private constructor(fd: number, base: number, onDamaged: (detail: string) => void) {
    this.#fd = fd;
    this.#base = base;
    let told = false;
    this.#onDamaged = (detail) => {
      this.#damaged = true;
      if (told) return;
      told = true;
      onDamaged(detail);
    };
  }

  /** The arrays by name, at full length; a range is only valid after `ensure` (or `readAll`). */
  get arrays(): ReadonlyMap<string, RawArray> {
    return new Map([...this.#byName].map(([name, l]) => [name, l.array]));
  }

  /** Read and check the chunks holding elements `from … to - 1` of array `name`; throws when damaged. */
  ensure(name: string, from: number, to: number): void {
    const lazy = this.#byName.get(name);
    if (!lazy || to <= from) return;
    const size = lazy.array.BYTES_PER_ELEMENT;
    const last = Math.floor((to * size - 1) / CHUNK_BYTES);
    for (let c = Math.floor((from * size) / CHUNK_BYTES); c <= last; c++)
      if (lazy.loaded[c] !== 1) this.#readChunk(lazy, c);
  }

  #readChunk(lazy: Lazy, c: number): void {
    if (this.#damaged || this.#closed) throw new SnapshotDamagedError(DAMAGED);
    const at = c * CHUNK_BYTES;
    const length = Math.min(CHUNK_BYTES, lazy.section.bytes - at);
    const target = lazy.bytes.subarray(at, at + length);
    let done = 0;
    try {
      while (done < length) {
        const n = readSync(
          this.#fd,
          target,
          done,
          length - done,
          this.#base + lazy.section.offset + at + done,
        );
        if (n === 0) break;
        done += n;
      }
    } catch {}
    this.#check(lazy, c, target, done === length);
  }

  #check(lazy: Lazy, c: number, target: Uint8Array, complete: boolean): void {
    if (!complete || crc32(target) !== lazy.section.crcs[c]) {
      target.fill(0);
      this.#onDamaged(`${lazy.section.name}, chunk ${c}, fails its checksum`);
      throw new SnapshotDamagedError(DAMAGED);
    }
    lazy.loaded[c] = 1;
  }

  /** Read and check every chunk not read yet, now; false when one fails (reported). */
  readAll(): boolean {
    try {
      for (const lazy of this.#byName.values())
        for (let c = 0; c < lazy.loaded.length; c++) if (lazy.loaded[c] !== 1) this.#readChunk(lazy, c);
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      closeSync(this.#fd);
    } catch {}
  }
}
