// The console shows the chat flows too: `ask …` starts a conversation, `> …` follows it up in
// context (the question it was read as is printed), through the real app on the real corpus.
import { describe, expect, it } from "vitest";
import { startApp } from "../src/app/main.ts";
import { consoleStreams } from "./fakes/console-streams.ts";

async function session(lines: string): Promise<string> {
  const streams = consoleStreams();
  const app = await startApp({ env: { NEWSBOT_DB: ":memory:" }, cwd: process.cwd(), ...streams });
  streams.input.end(lines);
  await app.done;
  return streams.text();
}

describe("console conversation", () => {
  it("answers a `>` follow-up in the context of the previous question", async () => {
    const text = await session("/news ask Qui est Hayashi Yoshimasa ?\n> et Ito Naoki ?\n");
    const first = text.indexOf("003_c39827b7e7865a61");
    const understood = text.indexOf("Compris : « Qui est Ito Naoki ? »");
    expect(first).toBeGreaterThan(0);
    expect(understood).toBeGreaterThan(first);
    expect(text.slice(first)).toContain("001_6012b32665340cea");
  });

  it("reads a `>` line with no earlier question as a question of its own", async () => {
    const text = await session("> Qui est Ito Naoki ?\n");
    expect(text).toContain("001_6012b32665340cea");
    expect(text).not.toContain("Compris");
  });
});
