// What the corpus is made of, cheaply: every article file with its size and modification time
// (a directory's `.md` files as the loader finds them, a JSON-lines dump as one file). Two equal
// fingerprints mean the saved index still describes the corpus; a fingerprint that only gained
// files means the saved index can be kept and the new files added to it.
import { stat } from "node:fs/promises";
import { markdownFilesIn } from "../core/corpus/corpus-files.ts";

export interface SourceFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Files whose stat cannot be read are left out: the loader reports them when it meets them. */
export async function fingerprintCorpus(paths: readonly string[]): Promise<SourceFile[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (info.isDirectory()) files.push(...(await markdownFilesIn(path).catch(() => [])));
    else files.push(path);
  }
  const stats = await Promise.all(files.map((f) => stat(f).catch(() => undefined)));
  const out: SourceFile[] = [];
  files.forEach((path, i) => {
    const s = stats[i];
    if (s) out.push({ path, size: s.size, mtimeMs: s.mtimeMs });
  });
  return out;
}

export type CorpusChange =
  | { readonly kind: "same" }
  | { readonly kind: "added"; readonly files: readonly string[] }
  | { readonly kind: "changed" };

/** How `now` differs from `saved`: identical, only new files, or anything else (rebuild). */
export function compareFingerprints(saved: readonly SourceFile[], now: readonly SourceFile[]): CorpusChange {
  const current = new Map(now.map((f) => [f.path, f]));
  for (const f of saved) {
    const c = current.get(f.path);
    if (!c || c.size !== f.size || c.mtimeMs !== f.mtimeMs) return { kind: "changed" };
    current.delete(f.path);
  }
  if (current.size === 0) return { kind: "same" };
  // a new JSON-lines dump may repeat ids the saved articles hold: simpler to rebuild
  const files = [...current.keys()];
  return files.every((f) => f.toLowerCase().endsWith(".md")) ? { kind: "added", files } : { kind: "changed" };
}
