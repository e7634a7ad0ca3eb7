// The stop sequence: adapters first (no new commands), then the other steps in reverse order of
// start (ingestion, the scheduler, …, the snapshot and the database last). The whole sequence
// stays within the 10 s a supervisor grants; a step that overruns is left as is for the next start.
import type { Logger } from "./logger.ts";

export interface StopStep {
  readonly name: string;
  run(): Promise<unknown>;
}

export interface StopSequence {
  /** A step run after the adapters; the last added runs first. */
  add(...steps: StopStep[]): void;
  addAdapter(step: StopStep): void;
  /** True once stop() has been called. */
  stopping(): boolean;
  /** Resolves when every step has run (or timed out). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** In-flight deliveries get most of the time; a step not named here gets 1.5 s. */
const budgetMs: Record<string, number> = { scheduler: 5000 };
/** Within the 10 s a supervisor grants, with room to exit. */
const totalMs = 9000;

/** `promise`, or "timeout" once `ms` have passed (shutdown never waits longer than it may). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | "timeout"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timeout">((r) => {
    timer = setTimeout(() => r("timeout"), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function runStep(step: StopStep, deadline: number, log: Logger): Promise<void> {
  // the last step (snapshot, database) gets whatever time is left
  const left = Math.max(0, deadline - Date.now());
  const allowed = step.name === "database" ? left : Math.min(budgetMs[step.name] ?? 1500, left);
  const outcome = await within(
    step
      .run()
      .catch((error: unknown) =>
        log.error(
          { err: error, step: step.name },
          `stopping ${step.name} failed; nothing to do, it is retried at the next start`,
        ),
      ),
    allowed,
  );
  if (outcome === "timeout")
    log.warn(
      { step: step.name },
      `stopping ${step.name} took too long; left as is, the next start picks it up`,
    );
}

/** `onStop` runs first, synchronously (the app stops reporting ready). */
export function createStopSequence(log: Logger, onStop: () => void): StopSequence {
  const stops: StopStep[] = [];
  const adapterStops: StopStep[] = [];
  let finish: () => void = () => {};
  const done = new Promise<void>((r) => {
    finish = r;
  });
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      onStop();
      const deadline = Date.now() + totalMs;
      for (const s of [...adapterStops.splice(0), ...stops.splice(0).reverse()])
        await runStep(s, deadline, log);
      finish();
    })();
    return stopping;
  };
  return {
    add: (...steps) => void stops.push(...steps),
    addAdapter: (step) => void adapterStops.push(step),
    stopping: () => stopping !== undefined,
    done,
    stop,
  };
}
