// The clustering parameters in use. Written by hand before any labelled day was seen; to be
// replaced by the output of `npm run tune:stories` (bench/tune-stories.ts).
import type { ClusterParams } from "./cluster.ts";

export const LEARNED_PARAMS: ClusterParams = {
  weights: { textWeight: 0.7, graceDays: 1, halfLifeDays: 3, entityScale: 6 },
  threshold: 0.2,
};
