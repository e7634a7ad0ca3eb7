// Neutral reply → Slack Block Kit messages that always fit. Every text is escaped for mrkdwn
// (`&`, `<`, `>`), so article text or user input can never become `<!channel>`, `<@U…>` or a
// link; `@channel`-like words get a zero-width space. Long texts are split into sections of at
// most 3,000 characters, the title is cut to 150, context blocks hold one element; messages are
// packed up to 50 blocks and ~12,000 characters, at most `maxMessages` of them (a response_url takes
// about 5 uses), and whatever still does not fit is cut with a visible "truncated" note.
import type { types } from "@slack/bolt";
import { formatArticleDate } from "../../core/i18n/format-date.ts";
import { type Locale, messages } from "../../core/i18n/messages.ts";
import { chunkEmphasized, type EmphasisMarkup } from "../../core/reply/emphasis.ts";
import type { Block, Reply, SourceRef } from "../../core/reply/reply.ts";
import { adapterMessages } from "../adapter-messages.ts";

type KnownBlock = types.KnownBlock;
type SectionBlock = types.SectionBlock;
type ContextBlock = types.ContextBlock;
type HeaderBlock = types.HeaderBlock;

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  contextText: 2000,
  charsPerMessage: 12_000,
  fallbackText: 300,
  buttonValue: 2000,
} as const;

export const PUBLISH_ACTION = "newsbot_publish";
/** 👍 / 👎 under an answer (value: the kept answer's id) and "more results" (value: the next page's id). */
export const FEEDBACK_UP_ACTION = "newsbot_feedback_up";
export const FEEDBACK_DOWN_ACTION = "newsbot_feedback_down";
export const MORE_ACTION = "newsbot_more";

export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export interface SlackRenderOptions {
  readonly locale?: Locale;
  /** Default 4. */
  readonly maxMessages?: number;
  /** Adds a "post to channel" button carrying this command text (private replies only). */
  readonly publishCommand?: string;
  /** Adds a "post to channel" button posting the reply kept under this id (preferred to `publishCommand`). */
  readonly publishId?: string;
}

/** Escape for Slack mrkdwn and plain text: no markup, no mention, no link can come through. */
export function escapeSlack(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(everyone|channel|here)\b/gi, "@\u200b$1");
}

/** For plain_text fields (the header): no entity escaping there, so angle brackets become look-alikes. */
export function plainSafe(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/</g, "‹")
    .replace(/>/g, "›")
    .replace(/@(everyone|channel|here)\b/gi, "@\u200b$1");
}

/** Cut `text` (raw) into pieces whose escaped form is at most `max` characters, at spaces when possible. */
export function chunkEscaped(text: string, max: number): string[] {
  const out: string[] = [];
  let current = "";
  let size = 0;
  const flush = () => {
    if (current.trim() !== "") out.push(escapeSlack(current.trimEnd()));
    current = "";
    size = 0;
  };
  for (const token of text.match(/\S+\s*|\s+/g) ?? []) {
    const len = escapeSlack(token).length;
    if (size + len <= max) {
      current += token;
      size += len;
      continue;
    }
    flush();
    if (len <= max) {
      current = token.trimStart();
      size = escapeSlack(current).length;
      continue;
    }
    for (const ch of token) {
      const l = escapeSlack(ch).length;
      if (size + l > max) flush();
      current += ch;
      size += l;
    }
  }
  flush();
  return out;
}

/**
 * The answer in bold: `*…*` around text already escaped; a `*` inside would end the bold early, so
 * it becomes `∗`; a mention a mark split (`@*channel*`) is defused again.
 */
const SLACK_BOLD: EmphasisMarkup = {
  escape: escapeSlack,
  open: "*",
  close: "*",
  insideBold: (text) => text.replace(/\*/g, "∗"),
  finish: (text) => text.replace(/@(\*?)(everyone|channel|here)\b/gi, "@\u200b$1$2"),
};

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function link(url: string | undefined, text: string): string {
  const label = escapeSlack(text).replace(/\|/g, "¦");
  if (!url || !/^https?:\/\//i.test(url)) return label;
  return `<${url.replace(/[|<> ]/g, encodeURIComponent)}|${label}>`;
}

const section = (text: string): SectionBlock => ({ type: "section", text: { type: "mrkdwn", text } });
const context = (text: string): ContextBlock => ({
  type: "context",
  elements: [{ type: "mrkdwn", text: clip(text, SLACK_LIMITS.contextText) }],
});

/** Sections from already escaped lines, each at most 3,000 characters. */
function sectionsOfLines(lines: readonly string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  let current = "";
  for (const line of lines) {
    const l = clip(line, SLACK_LIMITS.sectionText);
    if (current && current.length + 1 + l.length > SLACK_LIMITS.sectionText) {
      out.push(section(current));
      current = "";
    }
    current = current ? `${current}\n${l}` : l;
  }
  if (current) out.push(section(current));
  return out;
}

function sourceLine(s: SourceRef, n: number, locale: Locale): string {
  const date = formatArticleDate(s.date, locale) ?? messages(locale).undated;
  const meta = [date, s.source, s.id].filter(Boolean).map((x) => escapeSlack(x as string));
  return `[${n}] ${link(s.url, s.title)} — ${meta.join(" · ")}`;
}

function blocksOf(b: Block, locale: Locale): KnownBlock[] {
  switch (b.type) {
    case "heading":
      return chunkEscaped(b.text, SLACK_LIMITS.sectionText - 2).map((t) => section(`*${t}*`));
    case "paragraph":
      return chunkEscaped(b.text, SLACK_LIMITS.sectionText).map(section);
    case "quote": {
      const max = SLACK_LIMITS.sectionText - 2;
      const pieces =
        b.emphasis && b.emphasis.length > 0
          ? chunkEmphasized(b.text, b.emphasis, max, SLACK_BOLD)
          : chunkEscaped(b.text, max);
      const parts: KnownBlock[] = pieces.map((t) => section(`>${t}`));
      if (b.cite) {
        const date = formatArticleDate(b.cite.date, locale) ?? messages(locale).undated;
        parts.push(context(`— ${link(b.cite.url, b.cite.title)} (${escapeSlack(date)})`));
      }
      return parts;
    }
    case "list":
      return sectionsOfLines(
        b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "•"} ${link(item.url, item.text)}`),
      );
    case "fields":
      return b.fields.flatMap((f) => {
        const label = `*${clip(escapeSlack(clip(f.label, 300)), 300)}*`;
        const [first = "", ...more] = chunkEscaped(f.value, SLACK_LIMITS.sectionText - label.length - 1);
        return [section(`${label}\n${first}`), ...more.map(section)];
      });
    case "sources": {
      const head = b.items.length > 1 ? messages(locale).sources : messages(locale).source;
      return sectionsOfLines([`*${head}*`, ...b.items.map((s, i) => sourceLine(s, i + 1, locale))]);
    }
    case "context":
      return chunkEscaped(b.text, SLACK_LIMITS.contextText).map(context);
    case "divider":
      return [{ type: "divider" }];
  }
}

/** Characters of text a block carries (what Slack's overall limit counts). */
export function blockChars(block: KnownBlock): number {
  let n = 0;
  const visit = (x: unknown): void => {
    if (typeof x === "string") return;
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    if (x && typeof x === "object") {
      for (const [k, v] of Object.entries(x)) {
        if (k === "text" && typeof v === "string") n += v.length;
        else visit(v);
      }
    }
  };
  visit(block);
  return n;
}

export function renderSlack(reply: Reply, options: SlackRenderOptions = {}): SlackMessage[] {
  const locale = options.locale ?? "fr";
  const t = adapterMessages(locale);
  const maxMessages = Math.max(1, options.maxMessages ?? 4);
  const publish = options.publishId !== undefined ? { id: options.publishId } : { t: options.publishCommand };
  const buttonValue =
    (options.publishId ?? options.publishCommand) !== undefined &&
    reply.visibility === "private" &&
    !reply.isError
      ? JSON.stringify(publish)
      : undefined;
  const button = actionsBlock(
    reply,
    buttonValue && buttonValue.length <= SLACK_LIMITS.buttonValue ? buttonValue : undefined,
    locale,
  );

  const all: KnownBlock[] = [];
  if (reply.title) {
    const header: HeaderBlock = {
      type: "header",
      text: { type: "plain_text", text: clip(plainSafe(reply.title), SLACK_LIMITS.headerText) },
    };
    all.push(header);
  }
  for (const b of reply.blocks) all.push(...blocksOf(b, locale));

  // Room kept in every message for the truncation note and the button.
  const blockRoom = SLACK_LIMITS.blocksPerMessage - 2;
  const charRoom = SLACK_LIMITS.charsPerMessage - 300;
  const pages: KnownBlock[][] = [[]];
  let chars = 0;
  let truncated = false;
  for (const block of all) {
    const size = blockChars(block);
    let page = pages[pages.length - 1] as KnownBlock[];
    if (page.length >= blockRoom || (page.length > 0 && chars + size > charRoom)) {
      if (pages.length >= maxMessages) {
        truncated = true;
        break;
      }
      page = [];
      pages.push(page);
      chars = 0;
    }
    page.push(block);
    chars += size;
  }
  const last = pages[pages.length - 1] as KnownBlock[];
  if (truncated) last.push(context(escapeSlack(t.truncated)));
  if (button) last.push(button);

  const fallback = clip(escapeSlack(reply.title ?? firstText(reply) ?? ""), SLACK_LIMITS.fallbackText);
  return pages.map((blocks, i) => ({ text: i === 0 ? fallback : `${fallback} ${t.continued}`, blocks }));
}

type Button = types.Button;

const slackButton = (action_id: string, text: string, value: string): Button => ({
  type: "button",
  action_id,
  text: { type: "plain_text", text, emoji: true },
  value,
});

/** The buttons under a reply: more results, 👍 / 👎 on an answer, post to channel. */
function actionsBlock(
  reply: Reply,
  publishValue: string | undefined,
  locale: Locale,
): KnownBlock | undefined {
  const t = adapterMessages(locale);
  const { moreId, feedbackId } = reply.actions ?? {};
  const elements: Button[] = [
    ...(moreId ? [slackButton(MORE_ACTION, t.moreButton, moreId)] : []),
    ...(feedbackId
      ? [
          slackButton(FEEDBACK_UP_ACTION, t.feedbackUpButton, feedbackId),
          slackButton(FEEDBACK_DOWN_ACTION, t.feedbackDownButton, feedbackId),
        ]
      : []),
    ...(publishValue ? [slackButton(PUBLISH_ACTION, t.publishButton, publishValue)] : []),
  ];
  return elements.length > 0 ? { type: "actions", elements } : undefined;
}

function firstText(reply: Reply): string | undefined {
  for (const b of reply.blocks) if ("text" in b) return b.text;
  return undefined;
}
