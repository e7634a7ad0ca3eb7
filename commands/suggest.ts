// "Did you mean": the closest known name to a mistyped command or option (`serch` → `search`),
// by edit distance, offered only when it is close enough to be a typo rather than another word.

/** Levenshtein distance, with an adjacent swap counting as one edit (`saerch`). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/** The closest of `known` to `typed`: within 1 edit for short names, 2 for longer ones; a unique prefix counts too. */
export function closest(typed: string, known: readonly string[]): string | undefined {
  const t = typed.toLowerCase().replace(/^-+/, "");
  if (t.length < 2) return undefined;
  const prefixed = known.filter((k) => k.startsWith(t));
  if (prefixed.length === 1) return prefixed[0];
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    const distance = editDistance(t, k);
    if (!best || distance < best.distance) best = { name: k, distance };
  }
  const allowed = t.length <= 4 ? 1 : 2;
  return best && best.distance <= allowed ? best.name : undefined;
}
