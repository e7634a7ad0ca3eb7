// The whole loop with no token: `npm start`'s console session subscribes its one channel, and the
// scheduled digest is printed there when its time comes (only `Date` faked, running on in real time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startApp } from "../src/app/main.ts";
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
    const input = new PassThrough();
    const output = new PassThrough();
    let text = "";
    output.on("data", (c: Buffer) => {
      text += c.toString("utf8");
    });
    const app = await startApp({ env, cwd: dir, input, output, errorOutput: new PassThrough() });
    input.write("/news subscribe --time 08:00\n");
    await waitFor(() => (text.includes("Abonnement n° 1 créé") ? true : undefined));
    await waitFor(
      () => (text.includes("[newsbot → #console]") ? true : undefined),
      8000,
      "the printed digest",
    );
    expect(text).toContain("Revue de presse");
    input.end("/news subscriptions\n");
    await app.done;
    expect(text).toContain("Dernier envoi : 2026-01-15 (envoyé)");
    expect(text.split("[newsbot → #console]")).toHaveLength(2);

    const again = new PassThrough();
    const out2 = new PassThrough();
    let text2 = "";
    out2.on("data", (c: Buffer) => {
      text2 += c.toString("utf8");
    });
    const app2 = await startApp({
      env,
      cwd: dir,
      input: again,
      output: out2,
      errorOutput: new PassThrough(),
    });
    expect(app2.scheduler.scheduledIds()).toEqual([1]);
    again.end("/news subscriptions\n");
    await app2.done;
    expect(text2).toContain("n° 1 — revue de presse");
    expect(text2).not.toContain("[newsbot → #console]");
  });
});
