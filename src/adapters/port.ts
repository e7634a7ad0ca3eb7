// The port every platform adapter (console, Slack, Discord) implements, so that start-up can run
// whichever are configured without knowing any of them: start (connect, listen, take commands),
// stop (take no more), the poster that carries scheduled posts to the platform, and a health
// check for readiness. Types only: importing this loads no platform library.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Conversations } from "../../commands/conversation.ts";
import type { Dispatcher } from "../../commands/dispatch.ts";
import type { Config } from "../config/index.ts";
import type { Platform } from "../core/platform.ts";
import type { ChannelPoster } from "../scheduling/poster.ts";
import type { ShownReplyStore } from "../storage/shown-reply-store.ts";

export interface AdapterHealth {
  readonly ok: boolean;
  /** What is wrong (or right), for /readyz and the operator. */
  readonly detail: string;
}

/** An HTTP route served on PORT (/healthz, /readyz, /metrics), by the adapter that listens there. */
export interface HttpRoute {
  readonly path: string;
  readonly method: "GET";
  handler(req: IncomingMessage, res: ServerResponse): void;
}

export interface AdapterContext {
  readonly config: Config;
  readonly dispatcher: Dispatcher;
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly articleCount: number;
  /** Routes for an adapter that runs its own HTTP server on PORT (Slack in HTTP mode) to serve too. */
  readonly routes: readonly HttpRoute[];
  readonly log: Logger;
  /** Questions by @mention, DM and in threads, with their follow-ups. */
  readonly conversations?: Conversations;
  /** Replies kept by id for the "post to channel" button. */
  readonly shownReplies?: ShownReplyStore;
}

export interface AdapterStart {
  /** The line start-up prints (`Slack: listening on port 3000`). */
  readonly message?: string;
  /** The port on which the adapter serves `routes` too, so start-up must not listen on PORT itself. */
  readonly servesRoutesOn?: number;
}

export interface Adapter {
  readonly name: Platform;
  /** Connect or listen; commands may arrive from now on. Throws a StartupFailure it cannot. */
  start(): Promise<AdapterStart>;
  /** Take no more commands and disconnect (in-flight replies are left to finish). */
  stop(): Promise<void>;
  /** Scheduled posts to this platform's channels; undefined before start. */
  poster(): ChannelPoster | undefined;
  health(): AdapterHealth;
  /** An adapter with a session of its own (the console): run it once start-up is over; resolves when it ends. */
  session?(): Promise<void>;
}

/** Builds an adapter; each adapter folder exports one, loaded only when that adapter is configured. */
export type AdapterFactory = (context: AdapterContext) => Adapter;
