// Neutral reply → Discord embeds that always fit: descriptions of at most 4,096 characters,
// 25 fields of 1,024, titles of 256, at most 10 embeds and 6,000 characters a message — what does
// not fit goes to the next message (sent as follow-ups), up to `maxMessages`, then is cut with a
// visible note. Every text is markdown-escaped and mentions are defused with a zero-width space;
// the adapter also sends `allowedMentions: { parse: [] }`, so nothing can ping anyone.
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  escapeMarkdown,
} from "discord.js";
import { formatArticleDate } from "../../core/i18n/format-date.ts";
import { type Locale, messages } from "../../core/i18n/messages.ts";
import { chunkEmphasized, type EmphasisMarkup } from "../../core/reply/emphasis.ts";
import type { Block, Reply, SourceRef } from "../../core/reply/reply.ts";
import { adapterMessages } from "../adapter-messages.ts";

export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  charsPerMessage: 6000,
  embedsPerMessage: 10,
} as const;

export const COLOR = { normal: 0x2b6cb0, error: 0xc53030 } as const;

export interface DiscordMessage {
  readonly embeds: APIEmbed[];
  /** The reply's buttons, on its last message only. */
  readonly components?: APIActionRowComponent<APIButtonComponent>[];
}

/** Button custom ids: `newsbot:<action>:<kept id>` (Discord allows 100 characters). */
export const BUTTON_PREFIX = "newsbot";
export type ButtonAction = "up" | "down" | "more";

export function buttonId(action: ButtonAction, id: string): string {
  return `${BUTTON_PREFIX}:${action}:${id}`;
}

const BUTTON_ID = new RegExp(`^${BUTTON_PREFIX}:(up|down|more):([\\w-]{1,80})$`);

export function parseButtonId(customId: string): { action: ButtonAction; id: string } | undefined {
  const m = BUTTON_ID.exec(customId);
  return m ? { action: m[1] as ButtonAction, id: m[2] as string } : undefined;
}

/** More results, 👍 / 👎: one row of buttons, or none. */
function buttonsOf(reply: Reply, locale: Locale): APIActionRowComponent<APIButtonComponent>[] {
  const t = adapterMessages(locale);
  const { moreId, feedbackId } = reply.actions ?? {};
  const button = (action: ButtonAction, id: string, label: string): APIButtonComponent => ({
    type: ComponentType.Button,
    style: action === "more" ? ButtonStyle.Primary : ButtonStyle.Secondary,
    custom_id: buttonId(action, id),
    label,
  });
  const buttons = [
    ...(moreId ? [button("more", moreId, t.moreButton)] : []),
    ...(feedbackId
      ? [button("up", feedbackId, t.feedbackUpButton), button("down", feedbackId, t.feedbackDownButton)]
      : []),
  ];
  return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
}

/** Escape markdown and defuse every kind of mention (`@everyone`, `@here`, `<@id>`, `<@&id>`, `<#id>`). */
export function escapeDiscord(text: string): string {
  return escapeMarkdown(text)
    .replace(/@(everyone|here)\b/gi, "@\u200b$1")
    .replace(/<([@#/]|a?:)/g, "<\u200b$1")
    .replace(/\[/g, "\\[")
    .replace(/\]/g, "\\]");
}

/** The answer in bold: `**…**` around escaped text (a `*` inside is escaped); split mentions defused again. */
const DISCORD_BOLD: EmphasisMarkup = {
  escape: escapeDiscord,
  open: "**",
  close: "**",
  finish: (text) => text.replace(/@((?:\*\*)?)(everyone|here)\b/gi, "@\u200b$1$2"),
};

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/**
 * Cut raw text into pieces whose escaped form fits `max`, at spaces when possible. Tokens (a word
 * and its trailing spaces) are escaped one by one — a mention or markdown mark cannot span a space —
 * so the cost stays linear; a word too long for one piece is cut raw and each part escaped alone.
 */
export function chunkEscapedDiscord(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim() !== "") out.push(current.trim());
    current = "";
  };
  for (const token of text.match(/\S+\s*|\s+/g) ?? []) {
    const escaped = escapeDiscord(token);
    if ((current + escaped).trimEnd().length <= max) {
      current += escaped;
      continue;
    }
    flush();
    if (escaped.trimEnd().length <= max) {
      current = escaped.trimStart();
      continue;
    }
    const step = Math.max(1, Math.floor(max / 3));
    for (let i = 0; i < token.length; i += step) {
      const part = escapeDiscord(token.slice(i, i + step)).trim();
      if (part) out.push(part);
    }
  }
  flush();
  return out;
}

function link(url: string | undefined, text: string): string {
  const label = escapeDiscord(text);
  if (!url || !/^https?:\/\//i.test(url)) return label;
  return `[${label}](<${url.replace(/[()<> ]/g, encodeURIComponent)}>)`;
}

type Piece = { kind: "text"; text: string } | { kind: "field"; name: string; value: string };

const textPieces = (text: string, prefix = ""): Piece[] =>
  chunkEscapedDiscord(text, DISCORD_LIMITS.description - prefix.length).map((t) => ({
    kind: "text",
    text: prefix ? t.replace(/^/gm, prefix) : t,
  }));

function linesPieces(lines: readonly string[]): Piece[] {
  const out: Piece[] = [];
  let current = "";
  for (const raw of lines) {
    const line = clip(raw, DISCORD_LIMITS.description);
    if (current && current.length + 1 + line.length > DISCORD_LIMITS.description) {
      out.push({ kind: "text", text: current });
      current = "";
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push({ kind: "text", text: current });
  return out;
}

function sourceLine(s: SourceRef, n: number, locale: Locale): string {
  const date = formatArticleDate(s.date, locale) ?? messages(locale).undated;
  const meta = [date, s.source].filter(Boolean).map((x) => escapeDiscord(x as string));
  return `\`[${n}]\` ${link(s.url, s.title)} — ${[...meta, `\`${s.id.replace(/`/g, "")}\``].join(" · ")}`;
}

function piecesOf(b: Block, locale: Locale): Piece[] {
  switch (b.type) {
    case "heading":
      return chunkEscapedDiscord(b.text, DISCORD_LIMITS.description - 4).map((t) => ({
        kind: "text",
        text: `**${t}**`,
      }));
    case "paragraph":
      return textPieces(b.text);
    case "quote": {
      const out: Piece[] =
        b.emphasis && b.emphasis.length > 0
          ? chunkEmphasized(b.text, b.emphasis, DISCORD_LIMITS.description - 2, DISCORD_BOLD).map((t) => ({
              kind: "text",
              text: t.replace(/^/gm, "> "),
            }))
          : textPieces(b.text, "> ");
      if (b.cite) {
        const date = formatArticleDate(b.cite.date, locale) ?? messages(locale).undated;
        out.push({ kind: "text", text: `— *${link(b.cite.url, b.cite.title)}* (${escapeDiscord(date)})` });
      }
      return out;
    }
    case "list":
      return linesPieces(
        b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "•"} ${link(item.url, item.text)}`),
      );
    case "fields":
      return b.fields.flatMap((f) => {
        const name = clip(escapeDiscord(clip(f.label, DISCORD_LIMITS.fieldName)), DISCORD_LIMITS.fieldName);
        return chunkEscapedDiscord(f.value, DISCORD_LIMITS.fieldValue).map(
          (value, i): Piece => ({ kind: "field", name: i === 0 ? name : "\u200b", value }),
        );
      });
    case "sources": {
      const head = b.items.length > 1 ? messages(locale).sources : messages(locale).source;
      return linesPieces([`**${head}**`, ...b.items.map((s, i) => sourceLine(s, i + 1, locale))]);
    }
    case "context":
      return chunkEscapedDiscord(b.text, DISCORD_LIMITS.description - 2).map((t) => ({
        kind: "text",
        text: `-# ${t}`,
      }));
    case "divider":
      return [{ kind: "text", text: "\u200b" }];
  }
}

export function embedChars(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** The characters a piece adds to its message. */
const pieceSize = (piece: Piece) =>
  piece.kind === "text" ? piece.text.length + 2 : piece.name.length + piece.value.length;

/** Text joins the description of an embed without fields; a field joins an embed with room for it. */
function fitsEmbed(embed: APIEmbed, piece: Piece): boolean {
  return piece.kind === "text"
    ? (embed.fields?.length ?? 0) === 0 &&
        (embed.description ? embed.description.length + 2 : 0) + piece.text.length <=
          DISCORD_LIMITS.description
    : (embed.fields?.length ?? 0) < DISCORD_LIMITS.fields;
}

function addPiece(embed: APIEmbed, piece: Piece): void {
  if (piece.kind === "text")
    embed.description = embed.description ? `${embed.description}\n\n${piece.text}` : piece.text;
  else embed.fields = [...(embed.fields ?? []), { name: piece.name, value: piece.value }];
}

/** The "truncated" note at the end of the last message: in its last embed when it fits, else its own. */
function noteTruncated(messagesOut: APIEmbed[][], note: string, color: number): void {
  const last = messagesOut[messagesOut.length - 1] as APIEmbed[];
  const tail = last[last.length - 1] as APIEmbed;
  if (
    (tail.description?.length ?? 0) + note.length + 2 <= DISCORD_LIMITS.description &&
    (tail.fields?.length ?? 0) === 0
  ) {
    tail.description = tail.description ? `${tail.description}\n\n${note}` : note;
  } else if (last.length < DISCORD_LIMITS.embedsPerMessage) last.push({ color, description: note });
}

export function renderDiscord(
  reply: Reply,
  options: { locale?: Locale; maxMessages?: number } = {},
): DiscordMessage[] {
  const locale = options.locale ?? "fr";
  const t = adapterMessages(locale);
  const maxMessages = Math.max(1, options.maxMessages ?? 5);
  const color = reply.isError ? COLOR.error : COLOR.normal;
  const note = `-# ${escapeDiscord(t.truncated)}`;
  const budget = DISCORD_LIMITS.charsPerMessage - note.length - 2;

  const messagesOut: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let embed: APIEmbed = { color };
  if (reply.title)
    embed.title = clip(
      escapeDiscord(clip(reply.title.replace(/\s+/g, " "), DISCORD_LIMITS.title)),
      DISCORD_LIMITS.title,
    );
  let chars = embedChars(embed);
  let truncated = false;

  const newEmbed = () => {
    embeds.push(embed);
    embed = { color };
  };
  const newMessage = (): boolean => {
    embeds.push(embed);
    messagesOut.push(embeds);
    if (messagesOut.length >= maxMessages) return false;
    embeds = [];
    embed = { color };
    chars = 0;
    return true;
  };

  const pieces = reply.blocks.flatMap((b) => piecesOf(b, locale));
  for (const piece of pieces) {
    const size = pieceSize(piece);
    if (chars + size > budget) {
      if (!newMessage()) {
        truncated = true;
        break;
      }
    } else if (!fitsEmbed(embed, piece)) {
      if (embeds.length + 1 >= DISCORD_LIMITS.embedsPerMessage) {
        if (!newMessage()) {
          truncated = true;
          break;
        }
      } else newEmbed();
    }
    addPiece(embed, piece);
    chars += size;
  }
  if (!truncated) {
    embeds.push(embed);
    messagesOut.push(embeds);
  } else noteTruncated(messagesOut, note, color);
  const out = messagesOut
    .map((list) => list.filter((e) => e.title || e.description || (e.fields?.length ?? 0) > 0))
    .filter((list) => list.length > 0);
  const components = buttonsOf(reply, locale);
  return out.map((list, i) =>
    i === out.length - 1 && components.length > 0 ? { embeds: list, components } : { embeds: list },
  );
}
