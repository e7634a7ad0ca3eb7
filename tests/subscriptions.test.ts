// The subscription commands through the real dispatcher: every field validated with a clear
// message and nothing stored on bad input; rights (Discord: Manage Channels; a caller and a
// database needed); the audit log; the listing with next run, last delivery, interrupted posts
// and the reason a channel was disabled; unsubscribe.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller, Dispatcher } from "../commands/index.ts";
import { renderText } from "../src/adapters/console/render.ts";
import { formatDays, parseDays, parseTime } from "../src/core/time/schedule-days.ts";
import { canonicalTimeZone } from "../src/core/time/zone.ts";
import { createSubscriptionService } from "../src/scheduling/service.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import { permanent, recordingPoster, type TestBot, testBot, testCore } from "./fakes/scheduling.ts";

let bot: TestBot;
let dispatcher: Dispatcher;
let poster: ReturnType<typeof recordingPoster>;

const slackCaller = (over: Partial<Caller> = {}): Caller => ({
  platform: "slack",
  userId: "T1:U1",
  channelId: "C1",
  canManageChannel: true,
  ...over,
});

const run = async (text: string, caller: Caller | null = slackCaller()) => {
  const reply = await dispatcher.runText(text, {
    platform: caller?.platform ?? "console",
    ...(caller ? { caller } : {}),
  });
  return { reply, text: renderText(reply, "fr") };
};

beforeEach(async () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-01-15T06:00:00Z"));
  poster = recordingPoster("slack");
  bot = testBot(":memory:", await testCore(), [poster, recordingPoster("discord")]);
  await bot.scheduler.start();
  dispatcher = await realDispatcher({
    subscriptions: createSubscriptionService({
      store: bot.store,
      deliveries: bot.deliveries,
      audit: bot.audit,
      scheduler: bot.scheduler,
      defaultTimezone: "Europe/Paris",
      maxPerChannel: 3,
    }),
  });
});

afterEach(async () => {
  await bot.close();
  vi.useRealTimers();
});

describe("parsing schedules", () => {
  it("reads times, days and time zones the way people type them", () => {
    expect(["8", "8h", "08:00", "8h30", "20.15", "23:59"].map(parseTime)).toEqual([
      "08:00",
      "08:00",
      "08:00",
      "08:30",
      "20:15",
      "23:59",
    ]);
    expect(["24:00", "8:60", "8 am", "", "huit"].map(parseTime)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(parseDays("mon-fri")).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays("lun,mer,ven")).toEqual([1, 3, 5]);
    expect(parseDays("Samedi Dimanche")).toEqual([0, 6]);
    expect(parseDays("fri-mon")).toEqual([0, 1, 5, 6]);
    expect(parseDays("weekend")).toEqual([0, 6]);
    expect(parseDays("daily")).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(parseDays("mon-funday")).toBeUndefined();
    expect(parseDays("")).toBeUndefined();
    expect(formatDays([1, 2, 3, 4, 5], "fr")).toBe("lun–ven");
    expect(formatDays([0, 6], "en")).toBe("sat, sun");
    expect(canonicalTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("Asia/Ho_Chi_Minh")).toBe("Asia/Ho_Chi_Minh");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    for (const bad of ["Mars/Olympus", "+01:00", "CET2", "Europe/Paris; DROP TABLE", ""]) {
      expect(canonicalTimeZone(bad)).toBeUndefined();
    }
  });
});

describe("/news subscribe", () => {
  it("subscribes the channel, publicly, with the next run in its time zone, and logs who did it", async () => {
    const { reply, text } = await run("subscribe --time 8h --days lun-ven --timezone europe/paris");
    expect(reply.isError).toBeFalsy();
    expect(reply.visibility).toBe("public");
    expect(text).toContain("Abonnement n° 1 créé : revue de presse — 08:00 (Europe/Paris), lun–ven.");
    expect(text).toContain("Prochain envoi : jeu. 15 janv. 2026, 08:00");
    expect(await bot.store.list()).toMatchObject([
      {
        platform: "slack",
        channelId: "C1",
        kind: "digest",
        time: "08:00",
        timezone: "Europe/Paris",
        days: [1, 2, 3, 4, 5],
        createdBy: "slack:T1:U1",
      },
    ]);
    expect(bot.scheduler.nextRun(1)?.toISOString()).toBe("2026-01-15T07:00:00.000Z");
    expect((await bot.audit.recent(1))[0]).toMatchObject({
      actor: "slack:T1:U1",
      action: "subscription.create",
    });
    expect(JSON.parse((await bot.audit.recent(1))[0]?.details ?? "{}")).toMatchObject({
      channel: "C1",
      time: "08:00",
    });
  });

  it("defaults to a daily digest at 08:00 in the default zone; a briefing takes the rest as its topic", async () => {
    await run("subscribe");
    await run("subscribe --kind brief défense --time 18:30");
    expect((await bot.store.list()).map((s) => [s.kind, s.topic, s.time, s.timezone, s.days.length])).toEqual(
      [
        ["digest", undefined, "08:00", "Europe/Paris", 7],
        ["brief", "défense", "18:30", "Europe/Paris", 7],
      ],
    );
  });

  it("answers bad input with a clear message and never stores it", async () => {
    await run("subscribe --time 07:30 --days mon-fri");
    const before = await bot.store.list();
    const cases: [string, string][] = [
      ["subscribe --timezone Mars/Olympus", "fuseau horaire inconnu « Mars/Olympus »"],
      ["subscribe --time 25:00", "« 25:00 » n'est pas une heure"],
      ["subscribe --days mon-funday", "« mon-funday » n'est pas une liste de jours"],
      ["subscribe --kind brief", "« topic » est obligatoire pour une note de synthèse"],
      ["subscribe --kind weekly", "« kind » doit être l'un de : digest, brief"],
      ["subscribe --kind brief --time 8h --timezone Nowhere", "fuseau horaire inconnu"],
      ["subscribe --channel C9", "Option inconnue « --channel »"],
      [`subscribe ${"x".repeat(101)}`, "« topic » dépasse 100 caractères"],
    ];
    for (const [input, message] of cases) {
      const { reply, text } = await run(input);
      expect(reply.isError, input).toBe(true);
      expect(reply.visibility).toBe("private");
      expect(text, input).toContain(message);
    }
    expect(await bot.store.list()).toEqual(before);
    expect(await bot.audit.recent(10)).toHaveLength(1);
    expect(bot.scheduler.scheduledIds()).toEqual([1]);
  });

  it("says so for an identical subscription, turns a disabled one back on, and caps subscriptions per channel", async () => {
    await run("subscribe --time 9h");
    expect((await run("subscribe --time 09:00")).text).toContain("Cet abonnement existe déjà (n° 1)");
    await bot.store.recordFailure(1, "not_in_channel", 1);
    bot.scheduler.unschedule(1);
    expect((await run("subscribe --time 09:00")).text).toContain("Abonnement n° 1 réactivé");
    expect((await bot.store.get(1))?.enabled).toBe(true);
    expect(bot.scheduler.scheduledIds()).toEqual([1]);
    await run("subscribe --time 10:00");
    await run("subscribe --time 11:00");
    const { reply, text } = await run("subscribe --time 12:00");
    expect(reply.isError).toBe(true);
    expect(text).toContain("déjà 3 envois programmés");
  });

  it("needs Manage Channels on Discord, a channel, and a database", async () => {
    const discord = { platform: "discord" as const, userId: "42", channelId: "100000000000000004" };
    const refused = await dispatcher.run(
      "subscribe",
      { time: "08:00" },
      {
        platform: "discord",
        caller: { ...discord, canManageChannel: false },
      },
    );
    expect(refused.isError).toBe(true);
    expect(renderText(refused)).toContain("Gérer les salons");
    expect(await bot.store.list()).toEqual([]);
    const allowed = await dispatcher.run(
      "subscribe",
      { time: "08:00", days: "mon-fri" },
      {
        platform: "discord",
        caller: { ...discord, canManageChannel: true },
      },
    );
    expect(allowed.isError).toBeFalsy();
    expect((await bot.store.list())[0]).toMatchObject({
      platform: "discord",
      channelId: discord.channelId,
      createdBy: "discord:42",
    });

    expect((await run("subscribe", null)).text).toContain("s'utilise dans un canal");
    const noDb = await realDispatcher();
    const reply = await noDb.runText("subscriptions", { platform: "console" });
    expect(renderText(reply)).toContain("pas disponibles ici");
  });
});

describe("/news subscriptions and /news unsubscribe", () => {
  it("lists this channel's subscriptions with next run, last delivery, interrupted posts and why one was disabled", async () => {
    expect((await run("subscriptions")).text).toContain("Aucun envoi programmé ici");
    await run("subscribe --time 8h");
    await run("subscribe --kind brief défense --time 9h --days mon-fri");
    await run("subscribe --time 8h", slackCaller({ channelId: "OTHER" }));
    poster.fail("C1", permanent("not_in_channel"));
    await bot.store.recordFailure(2, "not_in_channel", 1);
    bot.scheduler.unschedule(2);
    await vi.advanceTimersByTimeAsync(Date.parse("2026-01-15T07:00:01Z") - Date.now());
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);

    const { reply, text } = await run("subscriptions");
    expect(reply.visibility).toBe("private");
    expect(text).toContain("n° 1 — revue de presse — 08:00 (Europe/Paris), tous les jours");
    expect(text).toContain("Dernier envoi : 2026-01-15 (échec) — erreur : not_in_channel");
    expect(text).toContain("1 échec(s) d'affilée");
    expect(text).toContain("Prochain envoi : ven. 16 janv. 2026, 08:00");
    expect(text).toContain("n° 2 — note de synthèse « défense » — 09:00 (Europe/Paris), lun–ven");
    expect(text).toContain(
      "Désactivé après des échecs répétés : le bot n'est pas membre du canal (invitez-le) (not_in_channel)",
    );
    expect(text).not.toContain("n° 3");

    // an interrupted post is shown as such
    const claim = await bot.deliveries.claim(1, "2026-01-16", "elsewhere:1:x", new Date());
    if (!claim) throw new Error("no claim");
    await bot.deliveries.markPosting(
      claim,
      { platform: "slack", channelId: "C1", articleIds: [], rememberInChannel: true },
      new Date(),
    );
    await bot.deliveries.sweepUncertain(new Date(Date.now() + 3_600_000), 60_000);
    expect((await run("subscriptions")).text).toContain("Envoi interrompu (2026-01-16)");
  });

  it("removes a subscription of this channel only, logs it, and stops its task", async () => {
    await run("subscribe --time 8h");
    await run("subscribe --time 8h", slackCaller({ channelId: "OTHER" }));
    expect((await run("unsubscribe 2")).text).toContain("Aucun abonnement n° 2 dans ce canal");
    const { reply, text } = await run("unsubscribe 1");
    expect(reply.visibility).toBe("public");
    expect(text).toContain(
      "Abonnement n° 1 supprimé : revue de presse — 08:00 (Europe/Paris), tous les jours.",
    );
    expect((await bot.store.list()).map((s) => s.id)).toEqual([2]);
    expect(bot.scheduler.scheduledIds()).toEqual([2]);
    expect((await bot.audit.recent(1))[0]).toMatchObject({
      actor: "slack:T1:U1",
      action: "subscription.remove",
    });
    expect((await run("unsubscribe")).text).toContain("Ce canal n'a aucun abonnement");
    // without an id, the channel's only subscription
    expect((await run("unsubscribe", slackCaller({ channelId: "OTHER" }))).text).toContain("n° 2 supprimé");
    expect((await run("unsubscribe abc")).text).toContain("« id » doit être un nombre entier");
  });

  it("appears in help and in the Discord declarations with its choices", async () => {
    const help = (await run("help")).text;
    expect(help).toContain(
      "/news subscribe [<sujet>] [--kind <digest|brief>] [--time <heure>] [--timezone <fuseau>] [--days <jours>]",
    );
    expect(help).toContain("/news unsubscribe [<id>]");
    expect(help).toContain("/news subscriptions");
    const { discordCommand } = await import("../src/adapters/discord/declarations.ts");
    const sub = discordCommand(dispatcher.commands, "news", "fr").options?.find(
      (o) => o.name === "subscribe",
    ) as {
      options: { name: string; choices?: { value: string }[] }[];
    };
    expect(sub.options.find((o) => o.name === "kind")?.choices?.map((c) => c.value)).toEqual([
      "digest",
      "brief",
    ]);
  });
});

describe("subscription in the loop", () => {
  it("a subscription made with the command is delivered at its time", async () => {
    await run("subscribe --time 08:00");
    await vi.advanceTimersByTimeAsync(Date.parse("2026-01-15T07:00:01Z") - Date.now());
    for (let i = 0; i < 5; i++) await vi.advanceTimersByTimeAsync(0);
    expect(poster.posts.map((p) => [p.channelId, p.at])).toEqual([["C1", "2026-01-15T07:00:00.000Z"]]);
  });
});
