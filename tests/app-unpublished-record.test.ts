// A record of articles a run on a shared database could not share is only read when the bot starts
// with that database again; started without one, the bot says the record is there instead of
// ignoring it in silence (the operator would believe those articles reached the other replicas).
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startApp } from "../src/app/main.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a record of unshared articles, started without a shared database", () => {
  it("is named in a warning and left in place", async () => {
    dir = mkdtempSync(join(tmpdir(), "newsbot-unpublished-local-"));
    cpSync(resolve(import.meta.dirname, "../corpus"), join(dir, "corpus"), { recursive: true });
    const record = join(dir, "unpublished-articles.json");
    writeFileSync(
      record,
      JSON.stringify([{ id: "909_kept", title: "Un pont", body: "Un pont.", lang: "fr" }]),
    );
    const session = consoleStreams();
    const app = await startApp({ env: { NEWSBOT_DB: join(dir, "bot.db") }, cwd: dir, ...session });
    await waitFor(
      () => (session.log().includes("could not share; without DATABASE_URL") ? true : undefined),
      8000,
      "the warning about the record",
    );
    session.input.end("/news help\n");
    await app.done;
    expect(session.log()).toContain(record);
    expect(existsSync(record)).toBe(true);
  });
});
