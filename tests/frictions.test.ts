// Small frictions: a mistyped command or option gets a suggestion, through the real dispatcher.
import { describe, expect, it } from "vitest";
import { closest, editDistance } from "../commands/suggest.ts";
import { realDispatcher } from "./fakes/real-core.ts";

const text = (blocks: readonly unknown[]) => JSON.stringify(blocks);

describe("suggestions for unknown commands and options", () => {
  it("suggests the closest command and option, in the user's language", async () => {
    const fr = await realDispatcher();
    expect(text((await fr.runText("serch japon", { platform: "console" })).blocks)).toContain(
      "Vouliez-vous dire « /news search » ?",
    );
    expect(text((await fr.runText("search japon --limt 3", { platform: "console" })).blocks)).toContain(
      "Vouliez-vous dire « --limit » ?",
    );
    const en = await realDispatcher({ locale: "en" });
    expect(text((await en.runText("subscirbe", { platform: "console" })).blocks)).toContain(
      "Did you mean “/news subscribe”?",
    );
  });

  it("offers nothing for a word that is no typo of a known name", async () => {
    const fr = await realDispatcher();
    expect(text((await fr.runText("frobnicate", { platform: "console" })).blocks)).not.toContain(
      "Vouliez-vous",
    );
    expect(closest("xyz", ["ask", "search"])).toBeUndefined();
    expect(closest("dig", ["digest", "define"])).toBe("digest");
    expect(editDistance("saerch", "search")).toBe(1);
  });
});
