// The console adapter and start-up: with no token configured, the app opens a console session
// over the real corpus, which answers `/news ask …` as readable text — what `npm start` gives.
import { describe, expect, it } from "vitest";
import { runConsoleSession } from "../src/adapters/console/index.ts";
import { startApp } from "../src/app/main.ts";
import { consoleStreams } from "./fakes/console-streams.ts";
import { realDispatcher } from "./fakes/real-core.ts";

describe("console session", () => {
  it("answers lines in order, then says goodbye on quit", async () => {
    const { input, output, text: read } = consoleStreams();
    const done = runConsoleSession({ dispatcher: await realDispatcher(), input, output, articleCount: 5 });
    input.end(
      "/news ask Qui est Hayashi Yoshimasa ?\n\nsearch semi-conducteurs\n/news frobnicate\nquit\nask ignored\n",
    );
    await done;
    const text = read();
    expect(text).toMatch(/^newsbot — 5 articles chargés/);
    const ask = text.indexOf("Hayashi Yoshimasa");
    const search = text.indexOf("Recherche : « semi-conducteurs »");
    const unknown = text.indexOf("Commande inconnue « frobnicate »");
    expect(ask).toBeGreaterThan(0);
    expect(search).toBeGreaterThan(ask);
    expect(unknown).toBeGreaterThan(search);
    expect(text).not.toContain("ignored");
    expect(text.trimEnd().endsWith("Au revoir.")).toBe(true);
  });
});

describe("startApp", () => {
  it("with no token opens the console on the corpus, in French by default", async () => {
    const session = consoleStreams();
    const read = session.text;
    const app = await startApp({ env: { NEWSBOT_DB: ":memory:" }, cwd: process.cwd(), ...session });
    expect(app.config.adapters).toEqual(["console"]);
    session.input.end("/news ask Qui est Hayashi Yoshimasa ?\n");
    await app.done;
    expect(read()).toContain("« ");
    expect(read()).toContain("Hayashi Yoshimasa");
    expect(read()).toContain("003_c39827b7e7865a61");
  });

  it("speaks English and uses another root when configured", async () => {
    const session = consoleStreams();
    const read = session.text;
    const app = await startApp({
      env: { NEWSBOT_LOCALE: "en", NEWSBOT_COMMAND: "actu", NEWSBOT_DB: ":memory:" },
      ...session,
    });
    session.input.end("/actu help\n");
    await app.done;
    expect(read()).toContain("Type /actu help for help");
    expect(read()).toContain("/actu ask <question> [--public]");
  });

  it("refuses a bad configuration with one message naming the variable", async () => {
    await expect(startApp({ env: { NEWSBOT_LOCALE: "de" } })).rejects.toThrow(/NEWSBOT_LOCALE/);
  });
});
