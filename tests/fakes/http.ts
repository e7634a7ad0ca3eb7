// Small helpers for the local fakes: an HTTP server on a free port, JSON bodies, waiting for a
// recorded call; the faults the fake platforms inject into posts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (status === 204) {
    res.writeHead(204).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
): Promise<{ server: Server; url: string; port: number }> {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      sendJson(res, 500, { error: String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, port };
}

export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Resolve when `check()` returns a value, polling every 10 ms; reject after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
  what = "condition",
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * What a fake platform does with the next post instead of answering at once. `record`: the
 * message is posted (visible in the channel) all the same. `delayMs`: answered this late; `reset`:
 * the connection is cut once the body is read; `status`: answered with it (429: `Retry-After`).
 */
export type PostFault =
  | { readonly delayMs: number; readonly record: boolean }
  | { readonly reset: true; readonly record: boolean }
  | { readonly status: number; readonly retryAfter?: number; readonly record?: boolean };

export type StatusFault = Extract<PostFault, { readonly status: number }>;

/**
 * Carries out a fault of the connection — cut it, or answer `late` after the delay (its timer kept
 * in `pending`, for the fake's close to clear) — and returns undefined; a status fault is returned
 * for the fake to answer in its platform's words.
 */
export function answerConnectionFault(
  res: ServerResponse,
  fault: PostFault,
  pending: Set<NodeJS.Timeout>,
  late: unknown,
): StatusFault | undefined {
  if ("reset" in fault) {
    res.socket?.destroy();
    return undefined;
  }
  if ("delayMs" in fault) {
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!res.destroyed) sendJson(res, 200, late);
    }, fault.delayMs);
    pending.add(timer);
    return undefined;
  }
  return fault;
}
