// Console rendering of the neutral reply.
import { describe, expect, it } from "vitest";
import { renderText } from "../src/adapters/console/render.ts";
import { answerReply, searchReply } from "../src/core/reply/lookup-replies.ts";
import { reply } from "../src/core/reply/reply.ts";
import { realCore } from "./fakes/real-core.ts";

describe("console rendering", () => {
  it("prints an answer as a quote with its numbered source", async () => {
    const core = await realCore();
    const text = renderText(answerReply(core.ask("Qui est Hayashi Yoshimasa ?", "fr"), "fr"));
    expect(text).toMatch(/^Réponse\n─+\n\n« .*Hayashi Yoshimasa.* »/s);
    expect(text).toContain(
      "Source :\n  [1] Le Vietnam souhaite renforcer ses relations multiformes avec le Japon",
    );
    expect(text).toContain("003_c39827b7e7865a61");
  });

  it("prints search results and English labels", async () => {
    const core = await realCore();
    const text = renderText(searchReply(core.search("semi-conducteurs"), "semi-conducteurs", "en"), "en");
    expect(text).toContain("Search: “semi-conducteurs”");
    expect(text).toMatch(/1\. .+\n {4}.*semi-conducteurs/);
  });

  it("strips terminal control characters", () => {
    expect(renderText(reply([{ type: "paragraph", text: "a\u001b[2Jb\u0007c" }]))).toBe("a[2Jbc");
  });
});
