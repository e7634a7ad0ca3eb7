// Fake chat channels over HTTP, shared by several bot processes: a post is recorded with the
// delivery it belongs to (its mark) and answered with a message id; `find` looks a delivery's
// part up, like Slack's history with message metadata. A post can be held: recorded (it is in the
// channel) but never answered, as when a process dies between the platform call and its reply.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface ChannelMessage {
  readonly ref: string;
  readonly channel: string;
  readonly key: string;
  readonly worker: string;
}

export interface ChannelServer {
  readonly url: string;
  readonly messages: ChannelMessage[];
  /**
   * The `n`th post of `worker` is recorded and then never answered; `onHeld` runs then, and the
   * worker's posts not yet through are lost (the process is gone).
   */
  hold(worker: string, n: number, onHeld: () => void): void;
  close(): Promise<void>;
}

const keyOf = (sub: unknown, period: unknown, part: unknown) => `${sub}/${period}/${part}`;

export async function startChannelServer(delayMs = 0): Promise<ChannelServer> {
  const messages: ChannelMessage[] = [];
  const counts = new Map<string, number>();
  let held: { worker: string; n: number; onHeld: () => void } | undefined;
  const dead = new Set<string>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url.pathname === "/find") {
      const p = url.searchParams;
      const key = keyOf(p.get("sub"), p.get("period"), p.get("part"));
      const found = messages.find((m) => m.channel === p.get("channel") && m.key === key);
      res.end(JSON.stringify(found ? { ref: found.ref } : {}));
      return;
    }
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const b = JSON.parse(body) as {
        channel: string;
        sub: number;
        period: string;
        part: number;
        worker: string;
      };
      const message = {
        ref: `m${messages.length + 1}`,
        channel: b.channel,
        key: keyOf(b.sub, b.period, b.part),
        worker: b.worker,
      };
      setTimeout(() => {
        if (dead.has(b.worker)) {
          res.destroy();
          return;
        }
        messages.push(message);
        const n = (counts.get(b.worker) ?? 0) + 1;
        counts.set(b.worker, n);
        if (held && held.worker === b.worker && held.n === n) {
          dead.add(b.worker);
          held.onHeld();
          return; // never answered
        }
        res.end(JSON.stringify({ ref: message.ref }));
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    hold: (worker, n, onHeld) => {
      held = { worker, n, onHeld };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
