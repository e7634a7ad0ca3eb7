// Requests Slack never sends, against the real Bolt HTTP receiver: a signed body that is not one
// of Slack's shapes gets 400 at once (not a 3 s wait then 404), a signed JSON body is answered
// without `respond is not a function`, unsigned ones still get Bolt's 401, and none of it logs a
// stack trace. Real requests keep working.
import { LogLevel } from "@slack/bolt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningSlackAdapter, startSlackAdapter } from "../src/adapters/slack/index.ts";
import { malformedSlackBody } from "../src/adapters/slack/request-guard.ts";
import { waitFor } from "./fakes/http.ts";
import { realDispatcher } from "./fakes/real-core.ts";
import { type FakeSlack, slackSignature, slashCommandBody, startFakeSlack } from "./fakes/slack.ts";

const SECRET = "test-signing-secret-456";
let slack: FakeSlack;
let bot: RunningSlackAdapter;
let eventsUrl: string;
const errors: unknown[] = [];
const logged: string[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  bot = await startSlackAdapter({
    dispatcher: await realDispatcher({ ratePerMinute: 100 }),
    botToken: "xoxb-test",
    signingSecret: SECRET,
    port: 0,
    apiUrl: slack.apiUrl,
    logLevel: LogLevel.WARN, // what an operator sees by default
    onError: (e) => errors.push(e),
  });
  eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;
  for (const level of ["error", "warn", "info", "log", "debug"] as const)
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" "));
    });
});
afterEach(() => {
  errors.length = 0;
  logged.length = 0;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await bot?.stop();
  await slack?.close();
});

async function post(
  body: string,
  contentType: string,
  options: { sign?: boolean } = {},
): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = Date.now();
  const res = await fetch(eventsUrl, {
    method: "POST",
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": options.sign === false ? "v0=0000" : slackSignature(SECRET, timestamp, body),
    },
    body,
  });
  return { status: res.status, text: await res.text(), ms: Date.now() - started };
}

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** No stack trace in anything logged, and nothing reported as a handler error. */
function expectQuiet(): void {
  expect(errors).toEqual([]);
  expect(logged.filter((l) => /\n\s+at /.test(l))).toEqual([]);
}

describe("Slack requests that are not Slack's shapes", () => {
  it.each([
    ["a form that is neither a command nor a payload", "not=a&form=1", FORM],
    ["an empty form", "", FORM],
    ["a payload that is not JSON", "payload=%7Bnot-json", FORM],
    ["a payload without a type", `payload=${encodeURIComponent('{"actions":[]}')}`, FORM],
    ["a command without response_url", "command=%2Fnews&text=ask", FORM],
    ["a body of another content type", "hello", "text/plain"],
  ])("answers 400 at once to a signed %s", async (_what, body, type) => {
    const r = await post(body, type);
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/malformed Slack request/);
    expect(r.ms).toBeLessThan(1000); // Bolt alone waits 3 s, then says 404
    expectQuiet();
  });

  it("answers a signed JSON slash command 400, without `respond is not a function`", async () => {
    const body = JSON.stringify({ command: "/news", text: "ask Qui est Hayashi Yoshimasa ?", team_id: "T1" });
    const r = await post(body, JSON_TYPE);
    expect(r.status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a late handler error would show here
    expectQuiet();
    expect(logged.join("\n")).not.toMatch(/respond is not a function/);
  });

  it("answers signed JSON that is not JSON with 400", async () => {
    const r = await post("{oops", JSON_TYPE);
    expect(r.status).toBe(400);
    expectQuiet();
  });

  it("handles Slack's own JSON bodies: the URL check and an event", async () => {
    const check = await post(JSON.stringify({ type: "url_verification", challenge: "c-123" }), JSON_TYPE);
    expect(check.status).toBe(200);
    expect(check.text).toContain("c-123");
    const event = await post(
      JSON.stringify({
        type: "event_callback",
        team_id: "T0FAKE",
        event: { type: "app_mention", text: "hi" },
      }),
      JSON_TYPE,
    );
    expect(event.status).toBe(200);
    expectQuiet();
  });

  it("leaves unsigned requests to Bolt: 401, whatever their shape", async () => {
    expect((await post("not=a&form=1", FORM, { sign: false })).status).toBe(401);
    expect((await post("{}", JSON_TYPE, { sign: false })).status).toBe(401);
    expectQuiet();
  });

  it("still answers a real slash command", async () => {
    const body = slashCommandBody({
      text: "ask Qui est Hayashi Yoshimasa ?",
      responseUrl: slack.responseUrl("ok1"),
    });
    const r = await post(body, FORM);
    expect(r.status).toBe(200);
    await waitFor(
      () => (slack.responses.some((x) => x.id === "ok1") ? true : undefined),
      8000,
      "the answer on response_url",
    );
    expectQuiet();
  });

  it("judges shapes as Slack sends them", () => {
    expect(malformedSlackBody(FORM, "ssl_check=1&token=x")).toBeUndefined();
    expect(
      malformedSlackBody(`${FORM}; charset=utf-8`, slashCommandBody({ text: "", responseUrl: "https://x" })),
    ).toBeUndefined();
    expect(malformedSlackBody(JSON_TYPE, JSON.stringify({ type: "app_rate_limited" }))).toBeUndefined();
    expect(malformedSlackBody(JSON_TYPE, "null")).toBe("not an Events API envelope");
  });
});
