// Every slash command of newsbot, declared once. A command is one object (see define.ts): its
// name, a French and an English description, its options as a zod schema — which both validates
// the input and produces the option declarations for Slack, Discord and the console — and a
// handler that calls the core and returns a neutral Reply. They all live under one root command
// (`/news <subcommand>`, the root's name configurable). Adapters reach them only through the
// dispatcher (dispatch.ts), which adds the rate limit and turns any failure into a friendly reply;
// `help` is generated from these declarations. Nothing here knows about a platform.
import { article } from "./article.ts";
import { ask } from "./ask.ts";
import { brief } from "./brief.ts";
import type { Command } from "./define.ts";
import { digest } from "./digest.ts";
import { feedback } from "./feedback.ts";
import { feeds } from "./feeds.ts";
import { help } from "./help.ts";
import { more } from "./more.ts";
import { search } from "./search.ts";
import { subscribe } from "./subscribe.ts";
import { subscriptions } from "./subscriptions.ts";
import { unsubscribe } from "./unsubscribe.ts";
import { who } from "./who.ts";

export { article } from "./article.ts";
export { ask } from "./ask.ts";
export { brief } from "./brief.ts";
export {
  type AutocompleteKind,
  type Caller,
  type Command,
  type CommandContext,
  declarationsOf,
  defineCommand,
  type Localized,
  type OptionDeclaration,
  usageOf,
} from "./define.ts";
export { digest } from "./digest.ts";
export { createDispatcher, type Dispatcher, type DispatcherOptions, type Invocation } from "./dispatch.ts";
export { feedback } from "./feedback.ts";
export { feeds } from "./feeds.ts";
export { help } from "./help.ts";
export { more } from "./more.ts";
export { splitCommandText, textToOptions } from "./parse-text.ts";
export { createRateLimiter, type RateLimiter } from "./rate-limit.ts";
export { search } from "./search.ts";
export { subscribe } from "./subscribe.ts";
export { subscriptions } from "./subscriptions.ts";
export { unsubscribe } from "./unsubscribe.ts";
export { who } from "./who.ts";

/** The commands in the order help lists them. */
export const allCommands: readonly Command[] = [
  ask,
  search,
  article,
  digest,
  brief,
  who,
  more,
  feedback,
  feeds,
  subscribe,
  unsubscribe,
  subscriptions,
  help,
];
