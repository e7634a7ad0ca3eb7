// /healthz (the process answers), /readyz (the index is loaded, the database writable, every
// adapter connected) and /metrics (Prometheus), as routes any HTTP server can serve: Slack's
// receiver when Slack runs in HTTP mode on PORT, else a small server of our own on PORT.
import { accessSync, constants, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import type { Registry } from "prom-client";
import type { HttpRoute } from "../adapters/port.ts";

export interface ReadinessCheck {
  readonly name: string;
  check(): { readonly ok: boolean; readonly detail: string };
}

export function opsRoutes(registry: Registry, checks: () => readonly ReadinessCheck[]): HttpRoute[] {
  const json = (res: Parameters<HttpRoute["handler"]>[1], status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
    res.end(`${JSON.stringify(body)}\n`);
  };
  return [
    {
      path: "/healthz",
      method: "GET",
      handler: (_req, res) => json(res, 200, { status: "ok", uptimeSeconds: Math.round(process.uptime()) }),
    },
    {
      path: "/readyz",
      method: "GET",
      handler(_req, res) {
        const results = checks().map((c) => {
          try {
            return { name: c.name, ...c.check() };
          } catch (error) {
            return { name: c.name, ok: false, detail: (error as Error).message };
          }
        });
        const ready = results.length > 0 && results.every((r) => r.ok);
        json(res, ready ? 200 : 503, { ready, checks: results });
      },
    },
    {
      path: "/metrics",
      method: "GET",
      handler(_req, res) {
        registry.metrics().then(
          (text) => {
            res.writeHead(200, { "content-type": registry.contentType });
            res.end(text);
          },
          (error: unknown) => json(res, 500, { error: (error as Error).message }),
        );
      },
    },
  ];
}

/** The routes on their own server (`port` 0 picks a free one). */
export async function listenOps(
  port: number,
  routes: readonly HttpRoute[],
): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res
        .writeHead(404, { "content-type": "text/plain" })
        .end("not found: try /healthz, /readyz or /metrics\n");
      return;
    }
    if (req.method !== route.method && req.method !== "HEAD") {
      res.writeHead(405, { allow: route.method }).end();
      return;
    }
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Whether the database file can still be written: it exists, has a write permission bit (checked
 * as such, since root passes every access check) and its folder takes the journal.
 */
export function databaseWritable(path: string): { ok: boolean; detail: string } {
  if (path === ":memory:") return { ok: true, detail: "in memory" };
  const fix = "make it writable by the bot's user (chmod u+w) or point NEWSBOT_DB at a writable file";
  try {
    const info = statSync(path);
    if ((info.mode & 0o222) === 0) return { ok: false, detail: `${path} is read-only; ${fix}` };
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return { ok: true, detail: path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { ok: false, detail: `${path}: ${code}; ${fix}` };
  }
}
