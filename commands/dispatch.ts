// The one entry point adapters call: find the command, apply the per-user rate limit, turn text
// or platform options into validated arguments, run it, and turn any failure into a friendly
// error reply — a command never answers with silence or a stack trace.

import type { Locale } from "../src/core/i18n/messages.ts";
import type { NewsCore, Suggestion } from "../src/core/news-core.ts";
import type { Platform } from "../src/core/platform.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import type { AutocompleteKind, Caller, Command, CommandContext } from "./define.ts";
import { type HomeChannel, homeReply } from "./home.ts";
import { commandMessages } from "./messages.ts";
import { splitCommandText, textToOptions } from "./parse-text.ts";
import type { FeedsService, SubscriptionService } from "./ports.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limit.ts";
import { actorOf, createReplyActions, type KeptStores, type ReplyActionsService } from "./reply-actions.ts";
import { closest } from "./suggest.ts";

export interface DispatcherOptions {
  readonly core: NewsCore;
  readonly commands: readonly Command[];
  readonly locale?: Locale;
  /** The root command's name; default `news`. */
  readonly root?: string;
  /** Commands per user per minute; 0 or undefined turns the limit off. */
  readonly ratePerMinute?: number;
  readonly now?: () => number;
  /** Told about every command that threw (the user gets a friendly error reply). */
  readonly onError?: (error: unknown, command: string) => void;
  /** Scheduled digests and briefings (the subscribe commands); without it they say they are unavailable. */
  readonly subscriptions?: SubscriptionService;
  /** The followed news feeds (`/news feeds`); without it the command says it is unavailable. */
  readonly feeds?: FeedsService;
  /** Suggestions for autocompleted options, by kind; articles are built in. */
  readonly suggest?: Partial<Record<AutocompleteKind, (partial: string) => Suggestion[]>>;
  /** Where answers (for 👍 / 👎) and further pages of results are kept; without it, no such buttons. */
  readonly keep?: KeptStores;
}

export interface Invocation {
  readonly platform: Platform;
  /** Who is asking, for the rate limit (`slack:T1:U1`); undefined = not limited (the local console). */
  readonly user?: string;
  /** Who and where, with the caller's rights on the channel (set by the adapters). */
  readonly caller?: Caller;
  /** The user's language when the platform tells it (help is written in it). */
  readonly locale?: Locale;
}

export interface Dispatcher {
  readonly root: string;
  readonly locale: Locale;
  readonly commands: readonly Command[];
  find(name: string): Command | undefined;
  /** `ask Qui est … ?`, with or without the leading `/news`. */
  runText(text: string, who: Invocation): Promise<Reply>;
  /** A command with options already split (Discord). */
  run(name: string, options: Readonly<Record<string, unknown>>, who: Invocation): Promise<Reply>;
  /** At most 25 suggestions for an autocompleted option; [] when it has none. */
  autocomplete(command: string, optionName: string, partial: string): Suggestion[];
  /** What the buttons under replies act on (feedback, more results); undefined without `keep`. */
  readonly actions?: ReplyActionsService;
  /** The user's home view (Slack App Home): their channels' posts and feeds, and the commands. */
  home(who: Invocation, channels: readonly HomeChannel[] | undefined): Promise<Reply>;
}

/** The context a command executes in: the core, the caller, and the ports it may use. */
function contextFactory(
  options: DispatcherOptions,
  locale: Locale,
  root: string,
  actions: ReplyActionsService | undefined,
) {
  return (who: Invocation): CommandContext => ({
    core: options.core,
    locale,
    root,
    platform: who.platform,
    commands: options.commands,
    ...(who.caller ? { caller: who.caller } : {}),
    ...(options.subscriptions ? { subscriptions: options.subscriptions } : {}),
    ...(options.feeds ? { feeds: options.feeds } : {}),
    ...(actions ? { replyActions: actions } : {}),
    actor: actorOf(who),
    ...(who.locale ? { userLocale: who.locale } : {}),
  });
}

/** The "too many commands" reply for a user over their rate, or undefined (no limit set, or under it). */
function rateGuard(options: DispatcherOptions, locale: Locale): (who: Invocation) => Reply | undefined {
  const t = commandMessages(locale);
  const limiter: RateLimiter | undefined = options.ratePerMinute
    ? createRateLimiter({ max: options.ratePerMinute, ...(options.now ? { now: options.now } : {}) })
    : undefined;
  return (who) => {
    if (!limiter || who.user === undefined) return undefined;
    const { ok, retryAfterMs } = limiter.take(who.user);
    return ok ? undefined : errorReply(t.rateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000))), locale);
  };
}

/** No command, or an unknown one with the closest known name offered. */
function unknownCommandReply(name: string | undefined, names: string[], root: string, locale: Locale): Reply {
  const t = commandMessages(locale);
  if (!name) return errorReply(t.noCommand(root), locale);
  const guess = closest(name, names);
  return errorReply(
    `${t.unknownCommand(name, root)}${guess ? ` ${commandMessages(locale).didYouMean(`/${root} ${guess}`)}` : ""}`,
    locale,
  );
}

/** An option the command does not declare, with the closest declared one offered. */
function unknownOptionReply(unknown: string, command: Command, locale: Locale): Reply {
  const t = commandMessages(locale);
  const guess = closest(
    unknown,
    command.declarations.map((d) => d.name),
  );
  const hint = guess ? ` ${commandMessages(locale).didYouMean(`--${guess}`)}` : "";
  return errorReply(`${t.invalidInput} — ${t.optionUnknown(unknown)}${hint}`, locale);
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const root = options.root ?? "news";
  const locale = options.locale ?? "fr";
  const t = commandMessages(locale);
  const byName = new Map(options.commands.map((c) => [c.name, c]));
  const limited = rateGuard(options, locale);
  const suggest: Partial<Record<AutocompleteKind, (partial: string) => Suggestion[]>> = {
    article: (partial) => options.core.suggestArticles(partial, 25),
    person: (partial) => options.core.suggestPeople(partial, 25),
    ...options.suggest,
  };
  const actions = options.keep ? createReplyActions({ ...options.keep, locale, root }) : undefined;
  const context = contextFactory(options, locale, root, actions);
  // the ids of what the reply's buttons act on; without a store, the further pages are dropped
  const attach = (reply: Reply, who: Invocation, command: string): Reply => {
    if (actions) return actions.attach(reply, actorOf(who), command);
    const { more: _more, ...rest } = reply;
    return rest;
  };

  async function guarded(name: string, body: () => Promise<Reply>): Promise<Reply> {
    try {
      return await body();
    } catch (error) {
      options.onError?.(error, name);
      return errorReply(t.commandFailed, locale);
    }
  }

  const unknown = (name: string | undefined) => unknownCommandReply(name, [...byName.keys()], root, locale);

  return {
    root,
    locale,
    commands: options.commands,
    ...(actions ? { actions } : {}),
    find: (name) => byName.get(name.toLowerCase()),
    runText(text, who) {
      const { name, rest } = splitCommandText(text, root);
      return guarded(name ?? "", async () => {
        const command = name === undefined ? undefined : byName.get(name);
        if (!command) return unknown(name);
        const stop = limited(who);
        if (stop) return stop;
        const parsed = textToOptions(rest, command.declarations);
        if (!parsed.ok) return unknownOptionReply(parsed.unknown, command, locale);
        return attach(await command.execute(parsed.options, context(who)), who, text);
      });
    },
    run(name, raw, who) {
      return guarded(name, async () => {
        const command = byName.get(name.toLowerCase());
        if (!command) return unknown(name);
        const stop = limited(who);
        if (stop) return stop;
        return attach(await command.execute(raw, context(who)), who, name);
      });
    },
    home: (who, channels) => homeReply(context(who), channels),
    autocomplete(commandName, optionName, partial) {
      const decl = byName.get(commandName)?.declarations.find((d) => d.name === optionName);
      const source = decl?.autocomplete ? suggest[decl.autocomplete] : undefined;
      if (!source) return [];
      try {
        return source(partial).slice(0, 25);
      } catch (error) {
        options.onError?.(error, `${commandName} autocomplete`);
        return [];
      }
    },
  };
}
