// The Discord declaration of the commands, generated from `commands/`: one chat-input command
// (the root, `/news`) with one subcommand per command, options typed, bounded and described in
// French and English (`description_localizations`), required options first as Discord demands,
// and autocomplete where the declaration asks for it.
import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Command, Localized, OptionDeclaration } from "../../../commands/define.ts";
import type { Locale } from "../../core/i18n/messages.ts";
import { adapterMessages } from "../adapter-messages.ts";

const clip = (text: string) => (text.length <= 100 ? text : `${text.slice(0, 99)}…`);

function described(d: Localized, locale: Locale) {
  return {
    description: clip(d[locale]),
    description_localizations: { fr: clip(d.fr), "en-US": clip(d.en), "en-GB": clip(d.en) },
  };
}

function optionOf(o: OptionDeclaration, locale: Locale): APIApplicationCommandBasicOption {
  const base = { name: o.name, required: o.required, ...described(o.description, locale) };
  switch (o.type) {
    case "boolean":
      return { ...base, type: ApplicationCommandOptionType.Boolean };
    case "integer":
      return {
        ...base,
        type: ApplicationCommandOptionType.Integer,
        ...(o.min !== undefined ? { min_value: o.min } : {}),
        ...(o.max !== undefined ? { max_value: o.max } : {}),
      };
    case "string":
      if (o.choices && !o.autocomplete) {
        return {
          ...base,
          type: ApplicationCommandOptionType.String,
          choices: o.choices.slice(0, 25).map((c) => ({ name: c, value: c })),
        };
      }
      return {
        ...base,
        type: ApplicationCommandOptionType.String,
        ...(o.minLength !== undefined ? { min_length: o.minLength } : {}),
        ...(o.maxLength !== undefined ? { max_length: Math.min(6000, o.maxLength) } : {}),
        ...(o.autocomplete ? { autocomplete: true } : {}),
      };
  }
}

export function discordCommand(
  commands: readonly Command[],
  root: string,
  locale: Locale,
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const rootDescription: Localized = {
    fr: adapterMessages("fr").rootDescription,
    en: adapterMessages("en").rootDescription,
  };
  return {
    name: root,
    type: 1,
    ...described(rootDescription, locale),
    options: commands.map(
      (c): APIApplicationCommandSubcommandOption => ({
        type: ApplicationCommandOptionType.Subcommand,
        name: c.name,
        ...described(c.description, locale),
        options: [...c.declarations]
          .sort((a, b) => Number(b.required) - Number(a.required))
          .map((o) => optionOf(o, locale)),
      }),
    ),
  };
}
