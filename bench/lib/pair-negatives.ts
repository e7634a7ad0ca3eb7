// Which wrong candidates of a question the pairwise ranker pairs each right one with: the first `k`
// in the candidates' order (the prescore's, as shipped), or with `score` the `k` it scores best —
// the wrong sentences that actually compete with the right one (answers24's `hard` variant,
// bench/results/ranker-comparison.md).
export function pairNegatives<C extends { readonly y: number; readonly f: readonly number[] }>(
  cands: readonly C[],
  k: number,
  score?: (f: readonly number[]) => number,
): C[] {
  const wrong = cands.filter((c) => c.y === 0);
  if (!score) return wrong.slice(0, k);
  return wrong
    .map((c) => ({ c, s: score(c.f) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, k)
    .map((x) => x.c);
}
