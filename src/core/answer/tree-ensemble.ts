// A small ensemble of regression trees, the scorer's ranking model when `npm run train` measured
// it better than the linear one on held-out questions: trees weigh one feature by another (a
// figure in the sentence matters for a how-many question, not for a who question), which a sum of
// weights cannot. Stored compactly in scorer-model.json: one flat array per field, a node is a
// leaf when its feature is -1.

export interface Tree {
  /** Index into the model's feature names; -1 for a leaf. */
  readonly feature: readonly number[];
  /** Go left when the feature's value is at most this. */
  readonly threshold: readonly number[];
  readonly left: readonly number[];
  readonly right: readonly number[];
  /** A leaf's contribution to the score (already scaled by the learning rate). */
  readonly value: readonly number[];
}

/** The sum of the trees' leaves for one candidate; `at(i)` reads the model's i-th feature. */
export function treeScore(trees: readonly Tree[], at: (feature: number) => number): number {
  let s = 0;
  for (const t of trees) {
    let node = 0;
    for (;;) {
      const f = t.feature[node] as number;
      if (f < 0) break;
      node = at(f) <= (t.threshold[node] as number) ? (t.left[node] as number) : (t.right[node] as number);
    }
    s += t.value[node] as number;
  }
  return s;
}
