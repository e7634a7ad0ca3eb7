// The whole loop with no token: `npm start`'s console session subscribes its one channel, and the
// scheduled digest is printed there when its time comes (only `Date` faked, running on in real time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startApp } from "../src/app/main.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";

let dir: string | undefined;
afterEach(() => {
  vi.useRealTimers();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("console: scheduled posts", () => {
  it("subscribes the console and prints the digest at 08:00 Paris, once; the subscription survives a restart", async () => {
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    vi.setSystemTime(new Date("2026-01-15T06:59:58Z"));
    dir = mkdtempSync(join(tmpdir(), "newsbot-console-"));
    const env = { NEWSBOT_DB: join(dir, "bot.db") };
    const first = consoleStreams();
    const { input } = first;
    const app = await startApp({ env, cwd: dir, ...first });
    input.write("/news subscribe --time 08:00\n");
    await waitFor(() => (first.text().includes("Abonnement n° 1 créé") ? true : undefined));
    await waitFor(
      () => (first.text().includes("[newsbot → #console]") ? true : undefined),
      8000,
      "the printed digest",
    );
    expect(first.text()).toContain("Revue de presse");
    input.end("/news subscriptions\n");
    await app.done;
    expect(first.text()).toContain("Dernier envoi : 2026-01-15 (envoyé)");
    expect(first.text().split("[newsbot → #console]")).toHaveLength(2);

    const second = consoleStreams();
    const app2 = await startApp({ env, cwd: dir, ...second });
    expect(app2.scheduler.scheduledIds()).toEqual([1]);
    second.input.end("/news subscriptions\n");
    await app2.done;
    expect(second.text()).toContain("n° 1 — revue de presse");
    expect(second.text()).not.toContain("[newsbot → #console]");
  });
});
