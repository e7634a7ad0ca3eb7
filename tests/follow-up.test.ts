// Follow-ups read against the previous turn of a thread: a time frame only, a name only, a
// pronoun; anything else is left as asked.
import { describe, expect, it } from "vitest";
import { createConversations } from "../commands/conversation.ts";
import { namesIn, resolveFollowUp } from "../src/core/conversation/index.ts";
import { createMemoryConversationStore } from "../src/storage/conversation-store.ts";
import { realDispatcher } from "./fakes/real-core.ts";

const now = "2026-01-20";
const pm = { question: "Qui est le Premier ministre du Vietnam en 2024 ?", referent: "Pham Minh Chinh" };
const person = { question: "Qui est Hayashi Yoshimasa ?" };
const ask = (previous: typeof pm | typeof person | undefined, text: string) =>
  resolveFollowUp(previous, text, { now }).question;

describe("resolveFollowUp", () => {
  it("replaces the previous question's time frame by the follow-up's", () => {
    expect(ask(pm, "et en 2019 ?")).toBe("Qui est le Premier ministre du Vietnam en 2019 ?");
    expect(ask(pm, "et l'an dernier ?")).toBe("Qui est le Premier ministre du Vietnam l'an dernier ?");
    expect(ask({ question: "Who is the prime minister of Japan?" }, "and in 2019?")).toBe(
      "Who is the prime minister of Japan in 2019?",
    );
  });

  it("replaces the previous question's last name by the follow-up's", () => {
    expect(ask(person, "et Ito Naoki ?")).toBe("Qui est Ito Naoki ?");
    expect(ask(pm, "et le Japon ?")).toBe("Qui est le Premier ministre du Japon en 2024 ?");
  });

  it("puts the referent in place of a pronoun: the answer's name first, else the question's", () => {
    expect(ask(pm, "qui l'a remplacé ?")).toBe("qui a remplacé Pham Minh Chinh ?");
    expect(ask(person, "quel est son rôle ?")).toBe("quel est le rôle de Hayashi Yoshimasa ?");
    expect(ask({ question: "Who is Ito Naoki?" }, "when did he arrive?")).toBe("when did Ito Naoki arrive?");
  });

  it("leaves a question of its own, and any question without a previous turn, as asked", () => {
    expect(resolveFollowUp(person, "Que fait la BCE ?", { now })).toEqual({
      question: "Que fait la BCE ?",
      rewritten: false,
    });
    expect(resolveFollowUp(undefined, "et en 2019 ?", { now }).rewritten).toBe(false);
    // `où` ends on a letter JavaScript's `\b` does not know: it was read as a name to put in
    expect(resolveFollowUp(pm, "et où exactement ?", { now })).toEqual({
      question: "et où exactement ?",
      rewritten: false,
    });
  });

  it("finds names, not a sentence's capitalised first word", () => {
    expect(namesIn("Qui est Hayashi Yoshimasa ?")).toEqual(["Hayashi Yoshimasa"]);
    expect(namesIn("Le Vietnam et la Banque de France")).toEqual(["Vietnam", "Banque de France"]);
  });
});

describe("conversations", () => {
  it("remembers a thread's turn, forgets it after its time, and keeps threads apart", async () => {
    let at = Date.parse("2026-01-20T08:00:00Z");
    const conversations = createConversations({
      dispatcher: await realDispatcher(),
      store: createMemoryConversationStore(),
      maxAgeMs: 60_000,
      now: () => new Date(at),
    });
    const thread = { platform: "slack", channelId: "C1", threadId: "1.1" };
    const who = { platform: "slack" as const };
    await conversations.answer({ ...thread, text: "Qui est Hayashi Yoshimasa ?", who });
    expect(conversations.knows(thread)).toBe(true);
    expect(conversations.knows({ ...thread, threadId: "2.2" })).toBe(false);
    const followUp = await conversations.answer({ ...thread, text: "et Ito Naoki ?", who });
    expect(JSON.stringify(followUp.blocks)).toContain("001_6012b32665340cea");
    at += 120_000;
    expect(conversations.knows(thread)).toBe(false);
    const alone = await conversations.answer({ ...thread, text: "et Ito Naoki ?", who });
    expect(JSON.stringify(alone.blocks)).not.toContain("Compris");
  });
});
