// SIGTERM and SIGINT (a supervisor stopping the container, Ctrl-C): stop taking commands, let
// in-flight deliveries finish or leave them claimed, write the snapshot, close the database, and
// exit within 10 s. A second signal exits at once.
import type { Logger } from "pino";

/** What a supervisor grants before SIGKILL (Docker's default `stop_grace_period`). */
export const SHUTDOWN_BUDGET_MS = 10_000;

export interface StopSignalOptions {
  /** Where the signals come from. Default `process`. */
  readonly signals?: Pick<NodeJS.EventEmitter, "on">;
  /** Default `process.exit`. */
  readonly exit?: (code: number) => void;
}

export function onStopSignals(
  app: { stop(): Promise<void>; readonly log: Logger },
  options: StopSignalOptions = {},
): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? process;
  let signalled = false;
  const quit = (signal: NodeJS.Signals) => {
    if (signalled) {
      app.log.warn(
        { signal },
        "second stop signal: exiting now; claimed deliveries are checked at the next start",
      );
      exit(130);
      return;
    }
    signalled = true;
    app.log.info({ signal }, "stopping: no new commands; finishing deliveries, saving the index snapshot");
    const began = Date.now();
    const deadline = setTimeout(() => {
      app.log.error(
        { signal },
        "shutdown took longer than 10 s: exiting; claimed deliveries are checked at the next start",
      );
      exit(1);
    }, SHUTDOWN_BUDGET_MS - 300);
    deadline.unref();
    void app.stop().then(() => {
      app.log.info({ ms: Date.now() - began }, "stopped");
      exit(0);
    });
  };
  signals.on("SIGINT", quit);
  signals.on("SIGTERM", quit);
}
