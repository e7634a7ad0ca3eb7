// Embed rendering: limits are respected whatever the reply's size (extra messages become
// follow-ups), nothing is lost silently, and no text can mention anyone.
import { describe, expect, it } from "vitest";
import { DISCORD_LIMITS, embedChars, escapeDiscord, renderDiscord } from "../src/adapters/discord/render.ts";
import { answerReply } from "../src/core/reply/lookup-replies.ts";
import { type Block, reply } from "../src/core/reply/reply.ts";
import { realCore } from "./fakes/real-core.ts";

function checkLimits(pages: ReturnType<typeof renderDiscord>) {
  for (const page of pages) {
    expect(page.embeds.length).toBeGreaterThan(0);
    expect(page.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(page.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(
      DISCORD_LIMITS.charsPerMessage,
    );
    for (const e of page.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
        expect(f.value.length).toBeGreaterThan(0);
      }
    }
  }
}

describe("Discord rendering", () => {
  it("renders an answer as one embed: title, quote, sources with the id", async () => {
    const core = await realCore();
    const pages = renderDiscord(answerReply(core.ask("Qui est Hayashi Yoshimasa ?", "fr"), "fr"));
    expect(pages).toHaveLength(1);
    const [embed] = pages[0]?.embeds ?? [];
    expect(embed?.title).toBe("Réponse");
    expect(embed?.description).toMatch(/^> .*Hayashi Yoshimasa/);
    expect(embed?.description).toContain("`003_c39827b7e7865a61`");
    checkLimits(pages);
  });

  it("splits a huge reply into embeds and follow-up messages within every limit", () => {
    const long = "Le Vietnam et le Japon *coopèrent* _et_ signent. ".repeat(400);
    const blocks: Block[] = [
      ...Array.from(
        { length: 60 },
        (_, i): Block => ({ type: "paragraph", text: `§${i} ${long.slice(0, 700)}` }),
      ),
      { type: "paragraph", text: long },
      {
        type: "fields",
        fields: Array.from({ length: 60 }, (_, i) => ({ label: `${i} ${long}`, value: long.slice(0, 3000) })),
      },
    ];
    const r = reply(blocks, { title: long });
    const pages = renderDiscord(r, { maxMessages: 5 });
    expect(pages).toHaveLength(5);
    checkLimits(pages);
    expect(JSON.stringify(pages.at(-1))).toContain("réponse tronquée");
    const all = renderDiscord(r, { maxMessages: 100 });
    checkLimits(all);
    expect(JSON.stringify(all)).not.toContain("réponse tronquée");
    expect(JSON.stringify(all)).toContain("§59");
  });

  it("defuses every mention and escapes markdown", () => {
    const out = escapeDiscord("@everyone @here <@123> <@&456> <#789> **gras** [lien](http://x)");
    expect(out).not.toMatch(/@(everyone|here)\b|<@|<#/);
    expect(out).toContain("\\*\\*gras\\*\\*");
    const pages = renderDiscord(reply([{ type: "paragraph", text: "@everyone <@&1>" }], { title: "@here" }));
    expect(JSON.stringify(pages)).not.toMatch(/@(everyone|here)\b|<@&/);
  });
});

describe("Discord rendering: the answer in bold", () => {
  const render = (b: Block) => renderDiscord(reply([b]))[0]?.embeds[0]?.description ?? "";

  it("puts **…** around the answer span, after escaping", () => {
    const text = "Le ministre japonais Hayashi Yoshimasa a loué les relations *bilatérales*.";
    const start = text.indexOf("Hayashi Yoshimasa");
    expect(render({ type: "quote", text, emphasis: [{ start, end: start + 17 }] })).toBe(
      "> Le ministre japonais **Hayashi Yoshimasa** a loué les relations \\*bilatérales\\*.",
    );
  });

  it("keeps mentions defused when a bold mark splits them", () => {
    const text = "Bonjour @everyone et <@123> : le bilan est de 395 morts.";
    const out = render({
      type: "quote",
      text,
      emphasis: [
        { start: 9, end: 17 },
        { start: 46, end: 55 },
      ],
    });
    expect(out).not.toMatch(/@(\*\*)?(everyone|here)\b|<@1/);
    expect(out).toContain("**395 morts**");
  });

  it("renders as before without emphasis or with ranges outside the text", () => {
    const text = "Le bilan est de 20.265 morts.";
    expect(render({ type: "quote", text, emphasis: [{ start: 40, end: 45 }] })).toBe(`> ${text}`);
    expect(render({ type: "quote", text })).toBe(`> ${text}`);
  });

  it("splits a long emphasized quote within the limits, every bold closed in its piece", () => {
    const text = "La BCE maintient ses taux directeurs à 0 % pour soutenir l'économie. ".repeat(200);
    const ranges = [...text.matchAll(/0 %/g)].map((m) => ({ start: m.index, end: m.index + 3 }));
    ranges.push({ start: 4000, end: 4300 });
    const messages = renderDiscord(reply([{ type: "quote", text, emphasis: ranges }]), { maxMessages: 10 });
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? ""));
    expect(descriptions.length).toBeGreaterThan(2);
    for (const d of descriptions) {
      expect(d.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect((d.match(/\*\*/g) ?? []).length % 2).toBe(0);
    }
    for (const m of messages)
      expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
  });
});
