// Two app instances on one Postgres share their corpus: an article ingested by one (a file
// dropped into its watched folder) is answered by the other, through its own console, within
// 5 s; a third instance started later loads it from the database at start.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../src/app/main.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { waitFor } from "./fakes/http.ts";
import { startPostgres, type TestPostgres } from "./fakes/postgres.ts";

let server: TestPostgres;
let dir: string;
const apps: RunningApp[] = [];

beforeAll(async () => {
  server = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), "newsbot-replicas-"));
});
afterAll(async () => {
  for (const app of apps) await app.stop();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function instance(name: string, url: string) {
  const cwd = join(dir, name);
  cpSync(resolve(import.meta.dirname, "../corpus"), join(cwd, "corpus"), { recursive: true });
  const session = consoleStreams();
  const app = await startApp({ env: { DATABASE_URL: url }, cwd, ...session });
  apps.push(app);
  return { cwd, session, app };
}

const ARTICLE =
  "---\nid: 901_depeche-replica\ntitle: Un pont suspendu relie Da Lat à Nha Trang\ndate: 2026-03-02\nlang: fr\n---\n\nLe pont suspendu de Lang Biang, long de 1.240 mètres, a été inauguré lundi par le ministre des Transports Tran Hong Minh.\n";
const QUESTION = "/news ask Combien mesure le pont suspendu de Lang Biang ?\n";

describe("replicas sharing articles through Postgres", () => {
  // The 5 s bound is from a's ingestion to b's answer; noticing the file can take longer when the
  // whole suite loads the machine, so that wait has its own, looser bound.
  it("an article ingested by one instance is answered by the other within 5 s", async () => {
    const url = await server.database();
    const a = await instance("a", url);
    const b = await instance("b", url);
    expect(a.app.stores.backend).toBe("postgres");
    writeFileSync(join(a.cwd, "corpus", "901_depeche-replica.md"), ARTICLE);
    await waitFor(
      () => (a.session.log().includes("[corpus] 1 new") ? true : undefined),
      30_000,
      "a's ingestion",
    );
    const ingestedAt = Date.now();
    await waitFor(() => (b.session.log().includes("[shared] 1 new") ? true : undefined), 5000, "b following");
    b.session.input.write(QUESTION);
    await waitFor(() => (b.session.text().includes("1.240 mètres") ? true : undefined), 5000, "b's answer");
    expect(Date.now() - ingestedAt).toBeLessThan(5000);

    const c = await instance("c", url);
    c.session.input.write(QUESTION);
    await waitFor(() => (c.session.text().includes("1.240 mètres") ? true : undefined), 5000, "c's answer");
  }, 60_000);
});
