// The commands layer over the real core and corpus: declarations derived from the zod schemas,
// text parsing, validation and friendly errors, the rate limit, help generated from the
// declarations, and the dependency rule (commands/ knows no platform).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allCommands, createRateLimiter, splitCommandText, textToOptions } from "../commands/index.ts";
import type { Block, Reply } from "../src/core/reply/reply.ts";
import { realCore, realDispatcher } from "./fakes/real-core.ts";

const text = (r: Reply) => JSON.stringify(r.blocks);
const ofType = <T extends Block["type"]>(r: Reply, type: T) =>
  r.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);

describe("declarations", () => {
  it("come from the zod schemas, with fr + en descriptions and Discord-valid names and lengths", () => {
    const names = allCommands.map((c) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(["ask", "search", "article", "digest", "brief", "who", "help"]),
    );
    expect(new Set(names).size).toBe(names.length);
    for (const c of allCommands) {
      expect(c.name).toMatch(/^[a-z0-9_-]{1,32}$/);
      for (const d of [c.description.fr, c.description.en]) expect(d.length).toBeGreaterThan(0);
      expect(c.description.fr).not.toBe(c.description.en);
      for (const o of c.declarations) {
        expect(o.name).toMatch(/^[a-z0-9_-]{1,32}$/);
        expect(o.description.fr.length).toBeLessThanOrEqual(100);
        expect(o.description.en.length).toBeLessThanOrEqual(100);
      }
    }
    const search = allCommands.find((c) => c.name === "search");
    expect(search?.declarations).toEqual([
      expect.objectContaining({ name: "terms", type: "string", required: true, rest: true, maxLength: 200 }),
      expect.objectContaining({ name: "limit", type: "integer", required: false, min: 1, max: 10 }),
      expect.objectContaining({ name: "public", type: "boolean", required: false }),
    ]);
    const article = allCommands.find((c) => c.name === "article");
    expect(article?.declarations[0]).toMatchObject({ name: "id", autocomplete: "article" });
  });
});

describe("text input", () => {
  it("splits the root and the subcommand", () => {
    expect(splitCommandText("/news ask Qui ?", "news")).toEqual({ name: "ask", rest: "Qui ?" });
    expect(splitCommandText("news   SEARCH  japon", "news")).toEqual({ name: "search", rest: "japon" });
    expect(splitCommandText("ask Qui ?", "news")).toEqual({ name: "ask", rest: "Qui ?" });
    expect(splitCommandText("/newsy ask", "news").name).toBe("newsy");
    expect(splitCommandText("   ", "news").name).toBeUndefined();
  });

  it("turns --flags into options and the other words into the rest option", () => {
    const decls = allCommands.find((c) => c.name === "search")?.declarations ?? [];
    expect(textToOptions("semi conducteurs --limit 3 --public", decls)).toEqual({
      ok: true,
      options: { terms: "semi conducteurs", limit: 3, public: true },
    });
    expect(textToOptions('--limit=2 "mer orientale"', decls)).toEqual({
      ok: true,
      options: { terms: "mer orientale", limit: 2 },
    });
    expect(textToOptions("x --nope 1", decls)).toEqual({ ok: false, unknown: "--nope" });
  });
});

describe("commands over the real corpus", () => {
  it("ask quotes the article that answers, with its source", async () => {
    const d = await realDispatcher();
    const r = await d.runText("/news ask Qui est Hayashi Yoshimasa ?", { platform: "console" });
    expect(r.isError).toBeFalsy();
    expect(r.visibility).toBe("private");
    expect(ofType(r, "quote")[0]?.text).toContain("Hayashi Yoshimasa");
    expect(ofType(r, "sources")[0]?.items[0]?.id).toBe("003_c39827b7e7865a61");
  });

  it("ask in English when the locale is en", async () => {
    const d = await realDispatcher({ locale: "en" });
    const r = await d.runText("ask", { platform: "console" });
    expect(r.isError).toBe(true);
    expect(text(r)).toContain("“question” is required.");
  });

  it("search lists matching articles with snippets; public when asked", async () => {
    const d = await realDispatcher();
    const r = await d.run(
      "search",
      { terms: "semi-conducteurs", limit: 3, public: true },
      { platform: "discord" },
    );
    expect(r.visibility).toBe("public");
    const fields = ofType(r, "fields")[0]?.fields ?? [];
    expect(fields.length).toBeGreaterThan(0);
    expect(fields[0]?.value).toContain("semi-conducteurs");
  });

  it("article by unique prefix, and a friendly error for an unknown id", async () => {
    const d = await realDispatcher();
    const ok = await d.runText("article 003", { platform: "slack" });
    expect(ok.title).toContain("Japon");
    expect(ofType(ok, "paragraph").length).toBeGreaterThan(3);
    const missing = await d.runText("article zzz", { platform: "slack" });
    expect(missing.isError).toBe(true);
    expect(text(missing)).toContain("Aucun article avec l'identifiant « zzz »");
    const ambiguous = await d.runText("article 00", { platform: "slack" });
    expect(text(ambiguous)).toContain("Plusieurs articles commencent par « 00 »");
  });

  it("who finds a person by a partial, accent-free name", async () => {
    const d = await realDispatcher();
    const r = await d.runText("who hoang xuan chien", { platform: "console" });
    expect(r.isError).toBeFalsy();
    expect(JSON.stringify(r)).toContain("Hoàng Xuân Chiên");
  });

  it("digest and brief call the core's digests and briefings; private unless public is asked", async () => {
    const d = await realDispatcher();
    const digest = await d.runText("digest --from 2026-01-01 --to 2026-12-31", { platform: "slack" });
    expect(digest.isError).toBeFalsy();
    expect(digest.visibility).toBe("private");
    expect(JSON.stringify(digest)).toContain(
      "Le Vietnam souhaite renforcer ses relations multiformes avec le Japon",
    );
    const brief = await d.run("brief", { topic: "défense", public: true }, { platform: "discord" });
    expect(brief.isError).toBeFalsy();
    expect(brief.visibility).toBe("public");
    expect(JSON.stringify(brief)).toContain("Hoàng Xuân Chiên");
    // relative days are dates (`hier`: see frictions.test.ts); a word that is none is refused
    expect(JSON.stringify(await d.runText("digest --from bientôt", { platform: "slack" }))).toContain(
      "« bientôt » n'est pas une date réelle",
    );
    expect(
      JSON.stringify(await d.runText("digest --from 2026-03-01 --to 2026-01-01", { platform: "slack" })),
    ).toContain("La période est à l'envers");
    // a date that does not exist is refused, not rolled over into another month
    expect(JSON.stringify(await d.runText("digest --from 2020-02-30", { platform: "slack" }))).toContain(
      "« 2020-02-30 » n'est pas une date réelle",
    );
  });

  it("invalid input and unknown commands get a friendly error with the usage, never a throw", async () => {
    const d = await realDispatcher();
    const bad = await d.runText("search japon --limit 0", { platform: "slack" });
    expect(bad).toMatchObject({ isError: true, visibility: "private" });
    expect(text(bad)).toContain("« limit » doit valoir au moins 1.");
    expect(text(bad)).toContain("/news search <mots> [--limit <N>] [--public]");
    const notInt = await d.runText("search japon --limit deux", { platform: "slack" });
    expect(text(notInt)).toContain("« limit » doit être un nombre entier.");
    const long = await d.run("ask", { question: "x".repeat(501) }, { platform: "discord" });
    expect(text(long)).toContain("dépasse 500 caractères");
    expect(text(await d.runText("frobnicate", { platform: "slack" }))).toContain(
      "Commande inconnue « frobnicate »",
    );
    expect(text(await d.runText("", { platform: "slack" }))).toContain("Quelle commande ?");
  });

  it("a handler that throws becomes a friendly error reply, and the error is reported", async () => {
    const errors: unknown[] = [];
    const core = await realCore();
    const broken = {
      ...core,
      ask: () => {
        throw new Error("boom");
      },
    };
    const d = await realDispatcher({ core: broken, onError: (e) => errors.push(e) });
    const r = await d.runText("ask Qui ?", { platform: "slack" });
    expect(r.isError).toBe(true);
    expect(text(r)).toContain("Désolé, la commande a échoué");
    expect(text(r)).not.toContain("boom");
    expect(errors).toHaveLength(1);
  });

  it("rate-limits per user with a clear message; other users and the console are unaffected", async () => {
    let now = 1_000_000;
    const d = await realDispatcher({ ratePerMinute: 2, now: () => now });
    const alice = { platform: "slack" as const, user: "slack:T:alice" };
    expect((await d.runText("help", alice)).isError).toBeFalsy();
    expect((await d.runText("help", alice)).isError).toBeFalsy();
    const third = await d.runText("help", alice);
    expect(third.isError).toBe(true);
    expect(text(third)).toMatch(/Trop de demandes d'affilée : réessayez dans 60 s/);
    expect((await d.runText("help", { platform: "slack", user: "slack:T:bob" })).isError).toBeFalsy();
    expect((await d.runText("help", { platform: "console" })).isError).toBeFalsy();
    now += 60_001;
    expect((await d.runText("help", alice)).isError).toBeFalsy();
  });

  it("autocompletes article ids and people, at most 25", async () => {
    const d = await realDispatcher();
    expect(d.autocomplete("article", "id", "00").map((s) => s.value)).toHaveLength(5);
    expect(d.autocomplete("article", "id", "semi")).toEqual([]);
    expect(d.autocomplete("who", "name", "hayash").map((s) => s.value)).toEqual(["Hayashi Yoshimasa"]);
    expect(d.autocomplete("ask", "question", "x")).toEqual([]);
    for (const s of d.autocomplete("article", "id", "")) expect(s.label.length).toBeLessThanOrEqual(100);
  });
});

describe("help", () => {
  it("is generated from the declarations, per platform and locale", async () => {
    const d = await realDispatcher({ root: "actu" });
    const slack = await d.runText("/actu help", { platform: "slack" });
    const labels = (
      slack.blocks.find((b) => b.type === "fields") as Extract<Block, { type: "fields" }>
    ).fields.map((f) => f.label);
    expect(labels).toEqual(allCommands.map((c) => expect.stringContaining(`/actu ${c.name}`)));
    expect(labels).toContain("/actu search <mots> [--limit <N>] [--public]");
    const discord = await d.runText("help", { platform: "discord" });
    expect(text(discord)).toContain("/actu search terms:… [limit:…] [public:True]");
    const en = await (await realDispatcher({ locale: "en" })).runText("help", { platform: "console" });
    expect(text(en)).toContain("Search the articles by keywords");
  });
});

describe("rate limiter", () => {
  it("slides its window", () => {
    let now = 0;
    const limiter = createRateLimiter({ max: 1, windowMs: 1000, now: () => now });
    expect(limiter.take("a").ok).toBe(true);
    now = 400;
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterMs: 600 });
    now = 1001;
    expect(limiter.take("a").ok).toBe(true);
  });
});

describe("dependency rules", () => {
  it("commands/ imports no platform library and no adapter", () => {
    const dir = resolve(import.meta.dirname, "../commands");
    const bad: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const source = readFileSync(join(dir, file), "utf8");
      for (const m of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        const spec = m[1] as string;
        if (/^@slack\/|^discord\.js$|^@discordjs\/|\/adapters\//.test(spec))
          bad.push(`${file} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
