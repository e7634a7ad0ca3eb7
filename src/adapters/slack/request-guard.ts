// What Slack actually sends to the request URL, checked before Bolt dispatches it: Bolt answers a
// signed body it cannot route only after its 3 s timeout (404), and hands a slash command that
// came as JSON, without a response_url, to the listener with no `respond`. A signed request that
// is not one of Slack's shapes gets 400 at once instead; an unsigned or stale one is left to Bolt
// (401). The body is buffered here once and Bolt reuses it.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseForm } from "node:querystring";
import { HTTPModuleFunctions, isValidSlackRequest } from "@slack/bolt";

/** Events API envelopes (JSON bodies). */
const JSON_TYPES = new Set(["url_verification", "event_callback", "app_rate_limited"]);

const text = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/** Why a verified body is not something Slack sends, or undefined when it is. */
export function malformedSlackBody(contentType: string, body: string): string | undefined {
  const type = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (type === "application/x-www-form-urlencoded") {
    const form = parseForm(body);
    if (form.ssl_check === "1") return undefined;
    if (typeof form.payload === "string") {
      let payload: unknown;
      try {
        payload = JSON.parse(form.payload);
      } catch {
        return "payload is not JSON";
      }
      if (payload === null || typeof payload !== "object" || !text((payload as { type?: unknown }).type))
        return "payload has no type";
      return undefined;
    }
    if (text(form.command) && text(form.response_url)) return undefined;
    return "neither a slash command (command, response_url) nor an interaction payload";
  }
  if (type === "application/json") {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return "body is not JSON";
    }
    const kind = (json as { type?: unknown } | null)?.type;
    return typeof kind === "string" && JSON_TYPES.has(kind) ? undefined : "not an Events API envelope";
  }
  return `unsupported content type ${type || "(none)"}`;
}

function reject(res: ServerResponse, status: number, reason: string): void {
  const body = JSON.stringify({ error: reason });
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** Wrap Bolt's request listener with the shape check for POSTs to `endpoint`. */
export function guardSlackRequests(
  inner: RequestListener,
  options: { signingSecret: string; endpoint?: string; onRejected?: (reason: string) => void },
): RequestListener {
  const endpoint = options.endpoint ?? "/slack/events";
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "POST" || path !== endpoint) {
      inner(req, res);
      return;
    }
    HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then(
      (buffered) => {
        const body = buffered.rawBody.toString("utf8");
        const timestamp = Number(req.headers["x-slack-request-timestamp"]);
        const signature = req.headers["x-slack-signature"];
        const signed =
          typeof signature === "string" &&
          isValidSlackRequest({
            signingSecret: options.signingSecret,
            body,
            headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
          });
        const problem = signed ? malformedSlackBody(req.headers["content-type"] ?? "", body) : undefined;
        if (problem === undefined) {
          inner(buffered, res); // unsigned ones too: Bolt answers them 401
          return;
        }
        options.onRejected?.(problem);
        reject(res, 400, `malformed Slack request: ${problem}`);
      },
      (error: { statusCode?: number; type?: string }) => {
        const tooLarge = error.type === "entity.too.large" || error.statusCode === 413;
        reject(res, tooLarge ? 413 : 400, tooLarge ? "request body too large" : "unreadable request body");
      },
    );
  };
}
