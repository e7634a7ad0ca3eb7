// Small frictions: a mistyped command or option gets a suggestion, through the real dispatcher.
import { describe, expect, it } from "vitest";
import { parseDateOption } from "../commands/date-option.ts";
import { closest, editDistance } from "../commands/suggest.ts";
import { scheduledDigest } from "../src/core/scheduled/scheduled-post.ts";
import { realCore, realDispatcher } from "./fakes/real-core.ts";

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

describe("relative dates in date options", () => {
  // Thursday 22 January 2026
  const at = (v: string, edge: "from" | "to" = "from") => parseDateOption(v, edge, "2026-01-22");

  it("reads days relative to today, in French and English", () => {
    expect(at("hier")).toBe("2026-01-21");
    expect(at("yesterday")).toBe("2026-01-21");
    expect(at("aujourd'hui")).toBe("2026-01-22");
    expect(at("avant-hier")).toBe("2026-01-20");
    expect(at("lundi")).toBe("2026-01-19");
    expect(at("Monday")).toBe("2026-01-19");
    expect(at("jeudi")).toBe("2026-01-22");
    expect(at("jeudi dernier")).toBe("2026-01-15");
    expect(at("2026-01-15")).toBe("2026-01-15");
  });

  it("gives a period's first day to `from` and its last to `to`", () => {
    expect(at("la semaine dernière")).toBe("2026-01-12");
    expect(at("la semaine dernière", "to")).toBe("2026-01-18");
    expect(at("last week", "to")).toBe("2026-01-18");
  });

  it("refuses what is not a date, with the option's message", async () => {
    expect(at("demain matin peut-être")).toBeUndefined();
    expect(at("2026-02-30")).toBeUndefined();
    const fr = await realDispatcher();
    const reply = await fr.runText("digest --from bientôt", { platform: "console" });
    expect(reply.isError).toBe(true);
    expect(text(reply.blocks)).toContain("« from » : « bientôt » n'est pas une date réelle");
    const ok = await fr.runText("digest --from hier --to aujourd'hui", { platform: "console" });
    expect(text(ok.blocks)).not.toContain("n'est pas une date");
  });
});

describe("a subscription's first digest", () => {
  it("says what it covered when nothing was published, instead of 'nothing new since the last one'", async () => {
    const core = await realCore();
    const options = {
      period: "2026-02-02",
      firstDigestDays: 1,
      maxLookbackDays: 7,
      excludeIds: new Set<string>(),
    };
    const first = await scheduledDigest(core, "fr", { ...options, first: true });
    expect(JSON.stringify(first.reply.blocks)).toContain(
      "Première revue de presse de ce canal : aucun article paru du 1er février 2026 au 2 février 2026.",
    );
    const later = await scheduledDigest(core, "fr", { ...options, lastCoveredTo: "2026-02-01" });
    expect(JSON.stringify(later.reply.blocks)).toContain(
      "Rien de nouveau depuis la dernière revue de presse.",
    );
  });
});
