// Counters and logs of the model steps: calls by endpoint and outcome, latency, drafts verified,
// abstained, rejected (by reason) or failed (by reason), and the fallbacks to the extractive
// answer. One log line per event, without any article text or key.
import type { ModelEvent } from "../core/grounded/ports.ts";

export interface ModelStats {
  /** Counter name → value (`calls.chat.ok`, `drafts.answer.rejected.number`, `fallbacks.answer`…). */
  snapshot(): Record<string, number>;
  /** A call to an endpoint ended (`ok` or a ModelError code). */
  call(endpoint: "chat" | "embeddings", outcome: string, ms: number): void;
  retry(endpoint: "chat" | "embeddings", code: string): void;
  event(event: ModelEvent): void;
}

export function createModelStats(log: (line: string) => void = () => {}): ModelStats {
  const counters = new Map<string, number>();
  const bump = (name: string, by = 1) => counters.set(name, (counters.get(name) ?? 0) + by);
  return {
    snapshot: () => Object.fromEntries([...counters].sort(([a], [b]) => a.localeCompare(b))),
    call(endpoint, outcome, ms) {
      bump(`calls.${endpoint}.${outcome}`);
      bump(`latency_ms.${endpoint}.sum`, ms);
      bump(`latency_ms.${endpoint}.count`);
      if (outcome !== "ok") log(`[model] ${endpoint} call failed: ${outcome} after ${ms} ms`);
    },
    retry(endpoint, code) {
      bump(`retries.${endpoint}.${code}`);
      log(`[model] ${endpoint}: ${code}, retrying`);
    },
    event(e) {
      if (e.type === "embed-question") {
        bump(`questions_embedded.${e.outcome}`);
        if (e.outcome === "failed")
          log(`[model] question not embedded (${e.reason}): lexical retrieval only`);
        return;
      }
      bump(`drafts.${e.purpose}.${e.outcome}${e.reason ? `.${e.reason}` : ""}`);
      bump(`latency_ms.draft.${e.purpose}.sum`, e.ms);
      bump(`latency_ms.draft.${e.purpose}.count`);
      if (e.outcome === "rejected" || e.outcome === "failed") {
        bump(`fallbacks.${e.purpose}`);
        log(
          `[model] ${e.purpose} draft ${e.outcome} (${e.reason}${e.detail ? `: ${e.detail}` : ""}) after ${e.ms} ms: extractive text shown`,
        );
      } else log(`[model] ${e.purpose} draft ${e.outcome} in ${e.ms} ms`);
    },
  };
}
