// Telling whether a post whose outcome is unknown went out: the scheduler's checks before any
// re-send. During a delivery, a part that timed out (or whose connection was cut, or that got a
// 5xx) is looked for in the channel by its mark, after a short wait; a failed look is tried again
// with backoff, and if it never answers the delivery stays `uncertain`. At start-up, the uncertain
// deliveries of the last days are looked for the same way: found → `done`, proven absent with
// nothing out → `failed` (so the same day's catch-up may post it), anything else stays uncertain.
// Every decision is logged.
import type { DeliveryLog, DeliveryRecord, Subscription } from "../storage/subscription-store.ts";
import { asPostError, type ChannelPoster, type DeliveryMark } from "./poster.ts";

export interface VerifyEvent {
  readonly type: "verify";
  readonly subscriptionId: number;
  readonly period: string;
  /** The message of the delivery (0 = first). */
  readonly part: number;
  /**
   * `found`: it is in the channel, not re-sent; `absent`: proven absent, sent (again);
   * `resend`: re-sent under the platform's de-duplication (Discord nonce); `retry-check`: the look
   * failed, tried again; `unknown`: cannot tell, left uncertain.
   */
  readonly decision: "found" | "absent" | "resend" | "retry-check" | "unknown";
  readonly detail: string;
}

export interface VerifyContext {
  readonly deliveries: DeliveryLog;
  readonly log: (event: VerifyEvent) => void;
  readonly sleep: (ms: number) => Promise<void>;
  readonly backoff: (attempt: number) => number;
  readonly attempts: number;
  readonly verifyDelayMs: number;
  readonly clockSkewMs: number;
  readonly stopped: () => boolean;
}

export type LookResult =
  | { readonly kind: "found"; readonly ref: string }
  | { readonly kind: "absent" }
  | { readonly kind: "unknown"; readonly detail: string };

/** Where to start looking: the claim, less the clock difference between us and the platform. */
export const lookSince = (ctx: VerifyContext, claimedAt: string) =>
  new Date(Date.parse(claimedAt) - ctx.clockSkewMs);

/** Looks for part `part` of a delivery in its channel, trying the look again when it fails. */
export async function lookFor(
  ctx: VerifyContext,
  poster: ChannelPoster,
  channelId: string,
  mark: DeliveryMark,
  part: number,
  since: Date,
  wait = true,
): Promise<LookResult> {
  const event = { type: "verify" as const, subscriptionId: mark.subscriptionId, period: mark.period, part };
  if (!poster.find) {
    const detail = `${poster.platform} cannot look for a post`;
    ctx.log({ ...event, decision: "unknown", detail });
    return { kind: "unknown", detail };
  }
  if (wait) await ctx.sleep(ctx.verifyDelayMs);
  for (let attempt = 1; ; attempt++) {
    try {
      const ref = await poster.find(channelId, mark, part, since);
      if (ref) {
        ctx.log({ ...event, decision: "found", detail: `already posted (${ref}): not sent again` });
        return { kind: "found", ref };
      }
      ctx.log({ ...event, decision: "absent", detail: "not in the channel: it may be sent" });
      return { kind: "absent" };
    } catch (raw) {
      const error = asPostError(raw);
      const detail = `cannot look for it (${error.reason}: ${error.message})`;
      if (!error.retryable || attempt >= ctx.attempts || ctx.stopped()) {
        ctx.log({ ...event, decision: "unknown", detail: `${detail}: left uncertain` });
        return { kind: "unknown", detail };
      }
      const inMs = Math.max(error.retryAfterMs ?? 0, ctx.backoff(attempt));
      ctx.log({ ...event, decision: "retry-check", detail: `${detail}: looking again in ${inMs} ms` });
      await ctx.sleep(inMs);
    }
  }
}

/**
 * Looks for an uncertain delivery's unknown part and settles it when the answer is clear. The
 * parts before it are out (their ids are recorded), the ones after it were never sent.
 */
export async function settleUncertain(
  ctx: VerifyContext,
  d: DeliveryRecord,
  sub: Subscription,
  poster: ChannelPoster,
): Promise<"done" | "failed" | "uncertain"> {
  const out = d.messageRef ? d.messageRef.split(",") : [];
  const part = out.length;
  const now = () => new Date();
  if (d.parts !== undefined && part >= d.parts) {
    await ctx.deliveries.resolveUncertain(d.id, { status: "done", messageRef: out.join(",") }, now());
    return "done";
  }
  const mark = { id: d.id, subscriptionId: sub.id, period: d.period };
  const look = await lookFor(ctx, poster, sub.channelId, mark, part, lookSince(ctx, d.claimedAt), false);
  if (look.kind === "unknown" || d.parts === undefined) return "uncertain";
  const refs = look.kind === "found" ? [...out, look.ref] : out;
  // another process may have settled it meanwhile: only the one that did acts on it
  if (refs.length === 0) {
    const error = "proven absent after an interruption";
    return (await ctx.deliveries.resolveUncertain(d.id, { status: "failed", error }, now()))
      ? "failed"
      : "uncertain";
  }
  const partial = refs.length < d.parts ? `partial ${refs.length}/${d.parts}: interrupted` : undefined;
  const done = await ctx.deliveries.resolveUncertain(
    d.id,
    { status: "done", messageRef: refs.join(","), ...(partial ? { error: partial } : {}) },
    now(),
  );
  return done ? "done" : "uncertain";
}
