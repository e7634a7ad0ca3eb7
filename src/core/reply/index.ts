// The neutral reply: headings, paragraphs, quotes, lists, fields and sources that every command
// returns and every adapter renders in its own markup, plus the replies of the lookups. Plain text
// only, never platform markup; it must not import any adapter or platform library.
export * from "./lookup-replies.ts";
export * from "./reply.ts";
export * from "./who-reply.ts";
