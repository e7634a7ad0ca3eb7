// The console adapter: the same commands as on Slack and Discord, typed at a local prompt
// (`/news ask Qui est Hayashi Yoshimasa ?`) and printed as plain text. It is what `npm start` opens
// when no Slack or Discord token is configured — the first thing a new user meets — and it needs
// nothing but the corpus. It imports the core and the commands, never another adapter.

export { createConsolePoster } from "./poster.ts";
export { renderText } from "./render.ts";
export { CONSOLE_CHANNEL, type ConsoleSessionOptions, runConsoleSession } from "./session.ts";
