// What a command is: a name, a description in French and English, its options as one zod object
// (which validates the input AND yields the option declarations every platform needs), and a
// handler that calls the core and returns a neutral Reply. `defineCommand` wraps the handler with
// validation, friendly error replies and the "public" option shared by lookups.
import { z } from "zod";
import type { Locale } from "../src/core/i18n/messages.ts";
import type { NewsCore } from "../src/core/news-core.ts";
import type { Platform } from "../src/core/platform.ts";
import { errorReply } from "../src/core/reply/lookup-replies.ts";
import type { Reply } from "../src/core/reply/reply.ts";
import { parseDateOption } from "./date-option.ts";
import { type CommandMessages, commandMessages } from "./messages.ts";
import type { FeedsService, SubscriptionService } from "./ports.ts";
import type { Actor, ReplyActionsService } from "./reply-actions.ts";

export interface Localized {
  readonly fr: string;
  readonly en: string;
}

export type AutocompleteKind = "article" | "person";

/** Who runs a command, and where: set by each adapter (the subscription commands need it). */
export interface Caller {
  readonly platform: Platform;
  /** The platform's user id (`T0…:U0…` on Slack: team and user). */
  readonly userId: string;
  /** The channel the command was typed in: the one a subscription posts to. */
  readonly channelId: string;
  /**
   * May manage this channel's subscriptions: Discord — the member has Manage Channels; Slack — the
   * command came from the channel itself (only its members can type there); console — always.
   */
  readonly canManageChannel: boolean;
}

export interface CommandContext {
  readonly core: NewsCore;
  readonly locale: Locale;
  /** The root command's name (`news` in `/news ask …`). */
  readonly root: string;
  readonly platform: Platform;
  /** Every command, for `help`. */
  readonly commands: readonly Command[];
  /** Who is asking and from where; undefined outside a chat (the CLI). */
  readonly caller?: Caller;
  /** Scheduled digests and briefings; undefined when the bot runs without a database. */
  readonly subscriptions?: SubscriptionService;
  /** The news feeds the bot follows; undefined when the bot runs without a database. */
  readonly feeds?: FeedsService;
  /** Kept answers (feedback) and pages of results; undefined without the SQLite database. */
  readonly replyActions?: ReplyActionsService;
  /** Who runs the command, as kept answers and votes are filed. */
  readonly actor?: Actor;
  /** The user's own language when the platform tells it (Discord, Slack): help is written in it. */
  readonly userLocale?: Locale;
}

/** One option as the platforms declare it, read back from the zod schema. */
export interface OptionDeclaration {
  readonly name: string;
  readonly type: "string" | "integer" | "boolean";
  readonly description: Localized;
  readonly required: boolean;
  /** In text input (Slack, console), the words not taken by a `--flag` fill this option. */
  readonly rest: boolean;
  readonly autocomplete?: AutocompleteKind;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
  readonly default?: unknown;
}

export interface Command {
  readonly name: string;
  readonly description: Localized;
  readonly options: z.ZodObject;
  /** Where the reply goes by default: lookups stay private to the asker. */
  readonly visibility: "private" | "public";
  readonly declarations: readonly OptionDeclaration[];
  /** Validate raw option values, run the handler, and always return a reply (never throws on bad input). */
  execute(raw: Readonly<Record<string, unknown>>, ctx: CommandContext): Promise<Reply>;
}

export interface CommandDefinition<S extends z.ZodObject> {
  readonly name: string;
  readonly description: Localized;
  readonly options: S;
  readonly visibility?: "private" | "public";
  run(args: z.output<S>, ctx: CommandContext): Reply | Promise<Reply>;
}

/** The option problems with their own message (keys of commandMessages().optionProblem). */
export type OptionProblem = keyof CommandMessages["optionProblem"];

type OptionMeta = {
  [key: string]: unknown;
  description: string;
  description_en: string;
  rest?: boolean;
  autocomplete?: AutocompleteKind;
};

const meta = (d: Localized, extra: { rest?: boolean; autocomplete?: AutocompleteKind } = {}): OptionMeta => ({
  description: d.fr,
  description_en: d.en,
  ...extra,
});

/** Option builders: each returns a zod schema carrying the metadata the declarations need. */
export const option = {
  text: (
    d: Localized,
    o: { min?: number; max?: number; rest?: boolean; autocomplete?: AutocompleteKind } = {},
  ) =>
    z
      .string()
      .trim()
      .min(o.min ?? 1)
      .max(o.max ?? 500)
      .meta(
        meta(d, {
          ...(o.rest ? { rest: true } : {}),
          ...(o.autocomplete ? { autocomplete: o.autocomplete } : {}),
        }),
      ),
  integer: (d: Localized, o: { min: number; max: number; rest?: boolean }) =>
    z
      .int()
      .min(o.min)
      .max(o.max)
      .meta(meta(d, o.rest ? { rest: true } : {})),
  flag: (d: Localized) => z.boolean().meta(meta(d)),
  /** One of fixed values (Discord shows them as choices). */
  choice: <const T extends readonly [string, ...string[]]>(d: Localized, values: T) =>
    z.enum(values).meta(meta(d)),
  /**
   * Text checked (and maybe normalised) by `parse`: undefined means invalid, reported with the
   * message `problem` names in botMessages' `optionProblem` (e.g. an unknown time zone).
   */
  checked: <T>(d: Localized, problem: OptionProblem, parse: (text: string) => T | undefined, max = 100) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .transform((text, ctx) => {
        const value = parse(text);
        if (value === undefined) {
          ctx.addIssue({ code: "custom", message: problem, input: text });
          return z.NEVER;
        }
        return value;
      })
      .meta(meta(d)),
  /**
   * A real day `YYYY-MM-DD` (or a month `YYYY-MM`): `2020-99-99` is refused, not rolled over; or a
   * day relative to today (`hier`, `lundi`, `last week`: see date-option.ts), a period giving its
   * first day to a `from` option and its last to a `to` option.
   */
  date: (d: Localized, edge: "from" | "to" = "from") =>
    option.checked(d, "date", (v) => parseDateOption(v, edge, new Date().toISOString().slice(0, 10)), 40),
};

/** The `public` option of lookups: post to the channel instead of answering privately. */
export const publicOption = () =>
  option
    .flag({ fr: commandMessages("fr").helpPublicOption, en: commandMessages("en").helpPublicOption })
    .optional();

interface JsonProp {
  type?: string;
  description?: string;
  description_en?: string;
  rest?: boolean;
  autocomplete?: AutocompleteKind;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  default?: unknown;
}

export function declarationsOf(options: z.ZodObject): OptionDeclaration[] {
  const schema = z.toJSONSchema(options, { io: "input" }) as {
    properties?: Record<string, JsonProp>;
    required?: string[];
  };
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, p]) => {
    const type =
      p.type === "integer" || p.type === "number" ? "integer" : p.type === "boolean" ? "boolean" : "string";
    if (!p.description || !p.description_en)
      throw new Error(`option ${name} needs a description in fr and en`);
    return {
      name,
      type,
      description: { fr: p.description, en: p.description_en },
      required: required.has(name),
      rest: p.rest === true,
      ...(p.autocomplete ? { autocomplete: p.autocomplete } : {}),
      ...(p.minLength !== undefined ? { minLength: p.minLength } : {}),
      ...(p.maxLength !== undefined ? { maxLength: p.maxLength } : {}),
      ...(p.minimum !== undefined ? { min: p.minimum } : {}),
      ...(p.maximum !== undefined ? { max: p.maximum } : {}),
      ...(p.enum ? { choices: p.enum } : {}),
      ...(p.default !== undefined ? { default: p.default } : {}),
    };
  });
}

/**
 * `/news search <mots> [--limit <N>] [--public]` (text platforms, placeholders in `locale`) or
 * `/news search terms:… [limit:…]` (Discord, whose option names are what the user types).
 */
export function usageOf(command: Command, root: string, platform: Platform, locale: Locale = "fr"): string {
  const names = commandMessages(locale).placeholders;
  const placeholder = (d: OptionDeclaration) => {
    const p = names[d.name] ?? d.name;
    return p.includes("<") ? p : `<${p}>`;
  };
  const parts = [`/${root} ${command.name}`];
  for (const d of command.declarations) {
    let part: string;
    if (platform === "discord") part = `${d.name}:${d.type === "boolean" ? "True" : "…"}`;
    else if (d.rest) part = placeholder(d);
    // a required choice is typed as its first word (see parse-text.ts)
    else if (d.required && d.choices) part = `<${d.choices.join("|")}>`;
    else if (d.type === "boolean") part = `--${d.name}`;
    else if (d.choices) part = `--${d.name} <${d.choices.join("|")}>`;
    else part = `--${d.name} ${d.type === "integer" ? "<N>" : placeholder(d)}`;
    parts.push(d.required ? part : `[${part}]`);
  }
  return parts.join(" ");
}

function issueText(
  issue: z.core.$ZodIssue,
  input: Readonly<Record<string, unknown>>,
  locale: Locale,
): string {
  const t = commandMessages(locale);
  const name = String(issue.path[0] ?? "?");
  switch (issue.code) {
    case "invalid_type":
      if (input[name] === undefined) return t.optionMissing(name);
      if (issue.expected === "boolean") return t.optionNotBoolean(name);
      if (issue.expected === "number" || issue.expected === "int") return t.optionNotInteger(name);
      return t.optionBadFormat(name);
    case "too_small":
      return issue.origin === "string"
        ? t.optionTooShort(name)
        : t.optionTooSmall(name, Number(issue.minimum));
    case "too_big":
      return issue.origin === "string"
        ? t.optionTooLong(name, Number(issue.maximum))
        : t.optionTooBig(name, Number(issue.maximum));
    case "invalid_value":
      return t.optionBadChoice(name, issue.values.map(String).join(", "));
    case "unrecognized_keys":
      return t.optionUnknown(issue.keys.join(", "));
    case "custom": {
      const problem = t.optionProblem[issue.message as OptionProblem];
      return problem ? problem(name, String(input[name] ?? "")) : t.optionBadFormat(name);
    }
    default:
      return t.optionBadFormat(name);
  }
}

/** The reply to input that does not validate: every problem, then how to type the command. */
export function invalidInputReply(command: Command, issues: readonly string[], ctx: CommandContext): Reply {
  const t = commandMessages(ctx.locale);
  return errorReply(
    `${t.invalidInput} — ${issues.join(" ")}`,
    ctx.locale,
    t.invalidHint(usageOf(command, ctx.root, ctx.platform, ctx.locale)),
  );
}

export function defineCommand<S extends z.ZodObject>(def: CommandDefinition<S>): Command {
  const strict = def.options.strict();
  const command: Command = {
    name: def.name,
    description: def.description,
    options: def.options,
    visibility: def.visibility ?? "private",
    declarations: declarationsOf(def.options),
    async execute(raw, ctx) {
      // Platforms send absent options as missing or null; both mean "not given".
      const input = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== null));
      const parsed = strict.safeParse(input);
      if (!parsed.success) {
        return invalidInputReply(
          command,
          parsed.error.issues.map((i) => issueText(i, input, ctx.locale)),
          ctx,
        );
      }
      const args = parsed.data as z.output<S>;
      const out = await def.run(args, ctx);
      // Where the reply goes is decided here, the same way the adapters decide it before running
      // (Discord defers as ephemeral or not): the `public` option, else the command's default.
      const wantsPublic = (args as { public?: unknown }).public === true;
      const visibility = out.isError ? "private" : wantsPublic ? "public" : command.visibility;
      return out.visibility === visibility ? out : { ...out, visibility };
    },
  };
  return command;
}
