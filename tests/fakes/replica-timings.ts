// Short takeover times for the multi-replica tests (production defaults are minutes).
export const REPLICA_TIMINGS = {
  claimStaleMs: 1500,
  postingStaleMs: 1500,
  recoverEveryMs: 300,
  verifyDelayMs: 0,
  syncEveryMs: 0,
  retry: { baseMs: 50 },
  outageRetryMs: 1000,
  permanentRetryMs: 1000,
} as const;
