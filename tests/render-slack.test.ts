// Block Kit rendering: limits are respected whatever the reply's size, nothing is lost silently,
// and no text can mention anyone.
import { describe, expect, it } from "vitest";
import {
  blockChars,
  chunkEscaped,
  escapeSlack,
  renderSlack,
  SLACK_LIMITS,
} from "../src/adapters/slack/render.ts";
import { answerReply } from "../src/core/reply/lookup-replies.ts";
import { type Block, reply } from "../src/core/reply/reply.ts";
import { realCore } from "./fakes/real-core.ts";

type AnyBlock = { type: string; text?: { type: string; text: string }; elements?: { text?: string }[] };

function checkLimits(pages: ReturnType<typeof renderSlack>) {
  for (const page of pages) {
    expect(page.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(page.blocks.reduce((n, b) => n + blockChars(b), 0)).toBeLessThanOrEqual(
      SLACK_LIMITS.charsPerMessage,
    );
    expect(page.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText + 20);
    for (const b of page.blocks as AnyBlock[]) {
      if (b.type === "header") expect(b.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      if (b.type === "section") expect(b.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      if (b.type === "context") {
        expect(b.elements?.length).toBeLessThanOrEqual(10);
        for (const e of b.elements ?? [])
          expect(e.text?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.contextText);
      }
    }
  }
}

describe("Slack rendering", () => {
  it("renders an answer: header, quote, sources with the id, confidence", async () => {
    const core = await realCore();
    const pages = renderSlack(answerReply(core.ask("Qui est Hayashi Yoshimasa ?", "fr"), "fr"), {
      publishCommand: "ask Qui est Hayashi Yoshimasa ?",
    });
    expect(pages).toHaveLength(1);
    const blocks = pages[0]?.blocks as AnyBlock[];
    expect(blocks.map((b) => b.type)).toEqual([
      "header",
      "section",
      "context",
      "section",
      "context",
      "actions",
    ]);
    expect(blocks[1]?.text?.text.startsWith(">")).toBe(true);
    expect(blocks[3]?.text?.text).toContain("003_c39827b7e7865a61");
    checkLimits(pages);
  });

  it("splits a huge reply into messages within every limit, and says when it had to cut", () => {
    const long = "Le Vietnam et le Japon <coopèrent> & signent. ".repeat(400); // ~18k chars
    const blocks: Block[] = [
      ...Array.from(
        { length: 120 },
        (_, i): Block => ({ type: "paragraph", text: `Paragraphe ${i}. ${long.slice(0, 500)}` }),
      ),
      { type: "paragraph", text: long },
      { type: "context", text: long },
      {
        type: "fields",
        fields: Array.from({ length: 30 }, (_, i) => ({
          label: `${i} ${long.slice(0, 400)}`,
          value: long.slice(0, 5000),
        })),
      },
    ];
    const r = reply(blocks, { title: long });
    const pages = renderSlack(r, { maxMessages: 4, publishCommand: "x" });
    expect(pages).toHaveLength(4);
    checkLimits(pages);
    const last = JSON.stringify(pages.at(-1));
    expect(last).toContain("réponse tronquée");
    expect(last).toContain("newsbot_publish");
    expect(renderSlack(r, { maxMessages: 50 }).length).toBeGreaterThan(4);
    checkLimits(renderSlack(r, { maxMessages: 50 }));
  });

  it("splits one enormous word too (no section over 3,000, escaped entities never cut)", () => {
    const chunks = chunkEscaped("&".repeat(7000), 3000);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(c).toMatch(/^(&amp;)+$/);
    }
    expect(chunks.join("").length).toBe(7000 * 5);
  });

  it("escapes every mention and link syntax", () => {
    expect(escapeSlack("<!channel> <!here> <@U123> <#C1> @everyone @channel a&b")).toBe(
      "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C1&gt; @\u200beveryone @\u200bchannel a&amp;b",
    );
    const pages = renderSlack(
      reply(
        [
          { type: "paragraph", text: "<!everyone> <@U1> @here" },
          { type: "sources", items: [{ id: "x", title: "<!channel>|t", url: "https://e.org/a|b>c" }] },
        ],
        { title: "<!channel> @everyone" },
      ),
    );
    const json = JSON.stringify(pages);
    expect(json).not.toMatch(/<!(channel|here|everyone)|<@U1|@(everyone|here|channel)\b/);
    expect(json).toContain("<https://e.org/a%7Cb%3Ec|&lt;!channel&gt;¦t>");
  });

  it("no publish button on errors or public replies", () => {
    const err = renderSlack(reply([{ type: "paragraph", text: "x" }], { isError: true }), {
      publishCommand: "x",
    });
    expect(JSON.stringify(err)).not.toContain("newsbot_publish");
    const pub = renderSlack(reply([{ type: "paragraph", text: "x" }], { visibility: "public" }), {
      publishCommand: "x",
    });
    expect(JSON.stringify(pub)).not.toContain("newsbot_publish");
  });
});

describe("Slack rendering: the answer in bold", () => {
  const quote = (text: string, emphasis: { start: number; end: number }[]): Block => ({
    type: "quote",
    text,
    emphasis,
  });
  const sections = (b: Block) =>
    ((renderSlack(reply([b]))[0]?.blocks ?? []) as AnyBlock[])
      .filter((x) => x.type === "section")
      .map((x) => x.text?.text ?? "");

  it("puts *…* around the answer span, after escaping", () => {
    const text = "Le Premier ministre Edouard Philippe a annoncé que les écoles rouvriraient le 11 mai.";
    const start = text.indexOf("11 mai");
    expect(sections(quote(text, [{ start, end: start + 6 }]))).toEqual([
      ">Le Premier ministre Edouard Philippe a annoncé que les écoles rouvriraient le *11 mai*.",
    ]);
    const amp = "Selon AT&T <Inc>, le bénéfice atteint 3 milliards.";
    const s = amp.indexOf("AT&T <Inc>");
    expect(sections(quote(amp, [{ start: s, end: s + 10 }]))).toEqual([
      ">Selon *AT&amp;T &lt;Inc&gt;*, le bénéfice atteint 3 milliards.",
    ]);
  });

  it("keeps mentions defused and a * inside the answer from ending the bold", () => {
    const text = "Message à @channel : 3*4 = 12, <!here> merci.";
    const all =
      sections(
        quote(text, [
          { start: 11, end: 18 },
          { start: 21, end: 24 },
        ]),
      )[0] ?? "";
    expect(all).not.toMatch(/@\*?(channel|here)\b|<!here/);
    expect(all).toContain("*3∗4*");
  });

  it("ignores ranges outside the text and renders as before without emphasis", () => {
    const text = "Le bilan est de 20.265 morts.";
    expect(sections(quote(text, [{ start: 50, end: 60 }]))).toEqual([`>${text}`]);
    expect(sections({ type: "quote", text })).toEqual([`>${text}`]);
  });

  it("splits a long emphasized quote without leaving a bold mark open or a section over the limit", () => {
    const sentence = "Le gouvernement a annoncé un plan de relance de 100 milliards d'euros & plus. ";
    const text = sentence.repeat(120); // ~9,400 characters, 3 or 4 sections
    const ranges = [...text.matchAll(/100 milliards d'euros & plus/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    // and one bold run crossing where the sections must be cut
    ranges.push({ start: 2900, end: 3300 });
    const parts = sections(quote(text, ranges));
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      expect((p.match(/\*/g) ?? []).length % 2).toBe(0);
    }
    const plain = parts.map((p) => p.slice(1).replace(/\*/g, "")).join(" ");
    expect(plain.replace(/\s+/g, " ")).toBe(escapeSlack(text).trim().replace(/\s+/g, " "));
  });
});

describe("answerReply: the answer's emphasis reaches the quote", () => {
  it("passes an answer's emphasis to its quote block", async () => {
    const core = await realCore();
    const answer = core.ask("Qui est Hayashi Yoshimasa ?", "fr");
    expect(answer.found).toBe(true);
    const at = answer.answer.indexOf("Hayashi");
    expect(at).toBeGreaterThanOrEqual(0);
    const r = answerReply({ ...answer, emphasis: [{ start: at, end: at + 7 }] }, "fr");
    const q = r.blocks.find((b) => b.type === "quote");
    expect(q && q.type === "quote" ? q.emphasis : undefined).toEqual([{ start: at, end: at + 7 }]);
    expect(JSON.stringify(renderSlack(r))).toContain("*Hayashi*");
  });
});
