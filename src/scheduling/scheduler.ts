// The scheduler: one node-cron task per enabled subscription, in the subscription's time zone,
// added and removed live. When a task fires, the delivery of that period (the local day) is claimed
// in the delivery log, its content built by the core (`src/core/scheduled`), recorded as `posting`, posted through
// the platform's ChannelPoster, and recorded as `done` — so a restart or a second process on the
// same database never posts a period twice. Retryable failures (429 with Retry-After, 5xx, network)
// are retried with exponential backoff; a permanent failure (channel gone, bot removed) is retried a
// few minutes later and, after `disableAfter` consecutive failures, disables the subscription with
// the reason. A run missed while the bot was down is caught up once at start-up if it is still the
// same local day.
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
import type { Locale } from "../core/i18n/messages.ts";
import type { NewsCore } from "../core/news-core.ts";
import { type ScheduledContent, scheduledBrief, scheduledDigest } from "../core/scheduled/scheduled-post.ts";
import { localMoment } from "../core/time/zone.ts";
import type {
  Claim,
  DeliveryLog,
  DeliveryPlan,
  DeliveryRecord,
  Subscription,
  SubscriptionStore,
} from "../storage/subscription-store.ts";
import {
  asPostError,
  type ChannelPoster,
  type DeliveryMark,
  type PostError,
  type PreparedMessage,
} from "./poster.ts";
import { cronExpression, nextSkippedRun } from "./time.ts";
import { lookFor, lookSince, settleUncertain, type VerifyContext, type VerifyEvent } from "./verify.ts";

export type DeliveryReason = "scheduled" | "catch-up" | "retry" | "manual";

export type DeliveryOutcome =
  /** Posted (every message). */
  | "delivered"
  /** Some messages of a multi-message post went out, then it failed: recorded done, with the error. */
  | "partial"
  /** Already done, being posted, uncertain, or claimed by another worker. */
  | "skipped"
  /** Its outcome is unknown and could not be checked: left `uncertain`, not re-sent. */
  | "uncertain"
  /** A retry whose local day is over: the next digest covers it. */
  | "expired"
  | "failed"
  /** Failed permanently once too often: the subscription is now disabled. */
  | "disabled"
  /** Removed or disabled meanwhile. */
  | "inactive"
  /** This process has no poster for the subscription's platform. */
  | "no-poster";

export type SchedulerEvent =
  | {
      readonly type: "delivery";
      readonly subscriptionId: number;
      readonly period: string;
      readonly reason: DeliveryReason;
      readonly outcome: DeliveryOutcome;
      readonly error?: string;
    }
  | {
      readonly type: "retry";
      readonly subscriptionId: number;
      readonly period: string;
      readonly inMs: number;
      readonly error: string;
    }
  | { readonly type: "uncertain"; readonly delivery: DeliveryRecord }
  | VerifyEvent
  | { readonly type: "error"; readonly subscriptionId?: number; readonly error: unknown };

export interface RetryPolicy {
  /** Attempts per message for retryable errors. Default 5. */
  readonly attempts?: number;
  /** First backoff, doubled at each attempt (with jitter). Default 2 s. */
  readonly baseMs?: number;
  /** Longest wait between attempts; a longer Retry-After gives up. Default 5 min. */
  readonly maxWaitMs?: number;
}

export interface SchedulerOptions {
  readonly core: NewsCore | (() => NewsCore);
  readonly locale: Locale;
  /** The root command (named in compact digests). Default `news`. */
  readonly root?: string;
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryLog;
  readonly posters?: readonly ChannelPoster[];
  /** This process's id in the delivery log. Default `host:pid:random`. */
  readonly worker?: string;
  /** How many days before its first run a new digest subscription's first digest reaches back. Default 1. */
  readonly firstDigestDays?: number;
  /** A digest never reaches further back than this many days. Default 7. */
  readonly maxLookbackDays?: number;
  /** Catch up, at start-up, a run missed earlier the same local day. Default true. */
  readonly catchUp?: boolean;
  /** Consecutive permanent failures before a subscription is disabled. Default 3. */
  readonly disableAfter?: number;
  /** Delay before a permanently failed delivery is tried again (same period). Default 2 min. */
  readonly permanentRetryMs?: number;
  /**
   * After the retries of a retryable failure are used up (an outage), try the period again this
   * much later, as long as it is still that local day. Default 15 min; 0 = not again.
   */
  readonly outageRetryMs?: number;
  readonly retry?: RetryPolicy;
  /** A claim not moved to `posting` for this long belongs to a dead worker. Default 10 min. */
  readonly claimStaleMs?: number;
  /** A `posting` row this old (no confirmation, no progress) is marked `uncertain`. Default 15 min. */
  readonly postingStaleMs?: number;
  /**
   * After an unknown outcome, wait this long before looking for the post (the platform may still
   * be writing it). Default 3 s.
   */
  readonly verifyDelayMs?: number;
  /** Look for a post from this long before its claim (clocks differ). Default 2 min. */
  readonly clockSkewMs?: number;
  /** At start-up, uncertain posts claimed within this long are looked for. Default 2 days. */
  readonly verifyWithinMs?: number;
  /** Reconcile the tasks with the database this often (subscriptions changed by another process). Default 60 s; 0 = never. */
  readonly syncEveryMs?: number;
  /**
   * Take over, this often, what a dead replica left behind: stale claims (after `claimStaleMs`)
   * are delivered, stale posts (after `postingStaleMs`) marked uncertain and looked for — found,
   * they are done; proven absent, posted. For several processes on one database (another host's
   * death cannot be seen otherwise). Default 0 = only at start-up.
   */
  readonly recoverEveryMs?: number;
  readonly log?: (event: SchedulerEvent) => void;
  /** Default `Math.random` (backoff jitter). */
  readonly random?: () => number;
}

export interface StartReport {
  readonly scheduled: number;
  readonly caughtUp: number;
  /** Interrupted posts found at this start (then looked for in the background). */
  readonly uncertain: readonly DeliveryRecord[];
}

export interface Scheduler {
  readonly worker: string;
  addPoster(poster: ChannelPoster): void;
  /**
   * Schedules every enabled subscription, marks interrupted posts `uncertain`, catches up missed
   * runs, and looks for the recent uncertain posts in the background (found → done, proven
   * absent → failed and caught up the same day).
   */
  start(): Promise<StartReport>;
  /** Adds or replaces the task of a subscription (live). */
  schedule(subscription: Subscription): void;
  unschedule(id: number): void;
  /** Reconciles the tasks with the database. */
  sync(): Promise<void>;
  nextRun(id: number): Date | undefined;
  scheduledIds(): number[];
  /** Delivers one period of a subscription now (what a task does when it fires). */
  deliver(id: number, period: string, reason?: DeliveryReason): Promise<DeliveryOutcome>;
  /** Resolves when no delivery is in flight. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface Entry {
  readonly task: ScheduledTask;
  readonly key: string;
  /** The run of a day whose local time is skipped (daylight saving), which node-cron passes over. */
  gap?: { readonly at: Date; readonly timer: NodeJS.Timeout };
}

const keyOf = (s: Subscription) => `${s.timezone} ${cronExpression(s.time, s.days)}`;

function workerIsDeadHere(worker: string): boolean {
  const [host, pid] = worker.split(":");
  if (host !== hostname() || !pid || !/^\d+$/.test(pid)) return false;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { subscriptions: store, deliveries, locale } = options;
  const core = typeof options.core === "function" ? options.core : () => options.core as NewsCore;
  const worker = options.worker ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const firstDigestDays = options.firstDigestDays ?? 1;
  const maxLookbackDays = options.maxLookbackDays ?? 7;
  const disableAfter = options.disableAfter ?? 3;
  const permanentRetryMs = options.permanentRetryMs ?? 2 * 60_000;
  const outageRetryMs = options.outageRetryMs ?? 15 * 60_000;
  const attempts = Math.max(1, options.retry?.attempts ?? 5);
  const baseMs = options.retry?.baseMs ?? 2000;
  const maxWaitMs = options.retry?.maxWaitMs ?? 5 * 60_000;
  const claimStaleMs = options.claimStaleMs ?? 10 * 60_000;
  const postingStaleMs = options.postingStaleMs ?? 15 * 60_000;
  const random = options.random ?? Math.random;
  const log = (e: SchedulerEvent) => {
    try {
      options.log?.(e);
    } catch {
      // a logger never breaks a delivery
    }
  };

  const posters = new Map<string, ChannelPoster>();
  for (const p of options.posters ?? []) posters.set(p.platform, p);
  const tasks = new Map<number, Entry>();
  const inFlight = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  const wakers = new Set<() => void>();
  let started = false;
  let stopped = false;
  let syncTimer: NodeJS.Timeout | undefined;
  let recoverTimer: NodeJS.Timeout | undefined;
  let recovering = false;

  const track = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    p.finally(() => inFlight.delete(p)).catch(() => {});
    return p;
  };

  /** A wait that stop() cuts short. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        timers.delete(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timers.add(timer);
      wakers.add(wake);
    });

  const verifier: VerifyContext = {
    deliveries,
    log,
    sleep,
    backoff: (attempt) => backoff(attempt),
    attempts,
    verifyDelayMs: options.verifyDelayMs ?? 3000,
    clockSkewMs: options.clockSkewMs ?? 2 * 60_000,
    stopped: () => stopped,
  };

  /** Whether `at` is still on the local day `period` of the subscription. */
  const stillThatDay = (sub: Subscription, period: string, at = Date.now()) =>
    localMoment(new Date(at), sub.timezone).day === period;

  function unschedule(id: number) {
    const entry = tasks.get(id);
    if (!entry) return;
    tasks.delete(id);
    if (entry.gap) clearTimeout(entry.gap.timer);
    void Promise.resolve(entry.task.destroy()).catch(() => {});
  }

  /**
   * node-cron passes over a day whose local run time does not exist (the hour skipped when the
   * clocks go forward); that day's run is timed here instead, at the first minute after it.
   */
  function armGap(sub: Subscription) {
    const entry = tasks.get(sub.id);
    if (!entry || stopped) return;
    if (entry.gap) clearTimeout(entry.gap.timer);
    entry.gap = undefined;
    const now = new Date();
    const until = entry.task.getNextRun() ?? new Date(now.getTime() + 8 * 86_400_000);
    const at = nextSkippedRun(now, sub.time, sub.days, sub.timezone, until);
    if (!at) return;
    const timer = setTimeout(
      () => {
        if (tasks.get(sub.id) !== entry) return;
        entry.gap = undefined;
        // a long wait is cut in pieces (timers hold at most ~24 days); only the last one fires
        if (Date.now() >= at.getTime() - 1000) fire(sub.id, at, "scheduled");
        armGap(sub);
      },
      Math.min(Math.max(0, at.getTime() - now.getTime()), 2 ** 31 - 1),
    );
    timer.unref?.();
    entry.gap = { at, timer };
  }

  function fire(id: number, slot: Date, reason: DeliveryReason) {
    void track(fireNow(id, slot, reason)).catch((error) => log({ type: "error", subscriptionId: id, error }));
  }

  async function fireNow(id: number, slot: Date, reason: DeliveryReason) {
    const sub = await store.get(id);
    if (!sub) {
      unschedule(id);
      return;
    }
    const period = localMoment(slot, sub.timezone).day;
    // a missed slot (the process was asleep or busy) still counts while it is the same local day
    if (reason === "catch-up" && !stillThatDay(sub, period)) return;
    await deliver(id, period, reason === "catch-up" ? "catch-up" : "scheduled");
  }

  function schedule(sub: Subscription) {
    if (stopped) return;
    if (!sub.enabled || !posters.has(sub.platform)) {
      unschedule(sub.id);
      return;
    }
    const key = keyOf(sub);
    const existing = tasks.get(sub.id);
    if (existing?.key === key) return;
    unschedule(sub.id);
    const task = cron.schedule(
      cronExpression(sub.time, sub.days),
      (ctx) => {
        fire(sub.id, ctx.date, "scheduled");
        armGap(sub);
      },
      {
        timezone: sub.timezone,
        name: `newsbot-subscription-${sub.id}`,
        missedExecutionTolerance: 60_000,
      },
    );
    task.on("execution:missed", (ctx) => fire(sub.id, ctx.date, "catch-up"));
    tasks.set(sub.id, { task, key });
    armGap(sub);
  }

  async function sync() {
    if (stopped) return;
    const enabled = await store.list({ enabledOnly: true });
    const keep = new Set<number>();
    for (const sub of enabled) {
      if (!posters.has(sub.platform)) continue;
      keep.add(sub.id);
      schedule(sub);
    }
    for (const id of [...tasks.keys()]) if (!keep.has(id)) unschedule(id);
  }

  async function content(sub: Subscription, period: string): Promise<ScheduledContent> {
    if (sub.kind === "brief") {
      return scheduledBrief(core(), locale, {
        topic: sub.topic ?? "",
        knownIds: await deliveries.subscriptionArticleIds(sub.id),
      });
    }
    const last = await deliveries.lastDelivered(sub.id);
    const lastCoveredTo = last?.coveredTo;
    return scheduledDigest(core(), locale, {
      period,
      firstDigestDays,
      maxLookbackDays,
      ...(lastCoveredTo ? { lastCoveredTo } : {}),
      format: sub.format ?? "thread",
      ...(last ? {} : { first: true }),
      ...(options.root ? { root: options.root } : {}),
      excludeIds: await deliveries.deliveredArticleIds(sub.platform, sub.channelId),
      ...(sub.topic ? { topic: sub.topic } : {}),
    });
  }

  const backoff = (attempt: number) => {
    const exp = baseMs * 2 ** (attempt - 1);
    return Math.round(exp * (0.8 + 0.4 * random()));
  };

  function retryLater(id: number, period: string, inMs: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopped) void track(deliver(id, period, "retry")).catch((error) => log({ type: "error", error }));
    }, inMs);
    timers.add(timer);
  }

  /** How one part's sending ended. */
  type PartResult =
    | { readonly kind: "sent"; readonly ref: string }
    /** Not sent (certain, or proven absent): may be tried again later. */
    | { readonly kind: "failed"; readonly error: PostError }
    /** Its outcome is unknown and could not be told. */
    | { readonly kind: "uncertain"; readonly detail: string }
    /** The claim was taken over while waiting. */
    | { readonly kind: "lost" };

  interface Posting {
    readonly sub: Subscription;
    readonly claim: Claim;
    readonly plan: DeliveryPlan;
    readonly poster: ChannelPoster;
    readonly mark: DeliveryMark;
    readonly since: Date;
    readonly refs: string[];
  }

  /**
   * Sends one part, retrying what is retryable. After an ambiguous failure it never sends again
   * blindly: within the platform's de-duplication window it re-sends (harmless), otherwise it looks
   * for the part first and only re-sends one proven absent.
   */
  async function sendPart(p: Posting, send: PreparedMessage, part: number): Promise<PartResult> {
    const { sub, claim, mark, poster } = p;
    const firstAt = Date.now();
    const verifyEvent = { type: "verify" as const, subscriptionId: sub.id, period: mark.period, part };
    // Set by an ambiguous failure re-sent under the platform's de-duplication, cleared only by a
    // look that proves the part absent: until then the part may be out, whatever later attempts
    // (a 429, say) report, so the delivery ends uncertain, never failed and re-sent later.
    let mayBeOut = false;
    for (let attempt = 1; ; attempt++) {
      let error: PostError;
      // the thread a part goes in, when the poster threads it: the first message's
      const first = p.refs[0];
      try {
        return {
          kind: "sent",
          ref: (await send(part > 0 && first && first !== "-" ? { threadOf: first } : {})) ?? "-",
        };
      } catch (raw) {
        error = asPostError(raw);
      }
      const detail = `${error.reason}: ${error.message}`;
      if (error.ambiguous) {
        const window = poster.idempotentForMs ?? 0;
        if (window > 0 && Date.now() - firstAt < window) {
          mayBeOut = true;
          log({ ...verifyEvent, decision: "resend", detail: `${detail}: re-sent with the same nonce` });
        } else {
          await deliveries.touch(claim, new Date(), p.refs);
          const look = await lookFor(verifier, poster, sub.channelId, mark, part, p.since);
          if (look.kind === "found") return { kind: "sent", ref: look.ref };
          if (look.kind === "unknown") return { kind: "uncertain", detail: `${detail}; ${look.detail}` };
          mayBeOut = false; // proven absent
        }
      }
      const wait = Math.max(error.retryAfterMs ?? 0, backoff(attempt));
      if (!error.retryable || attempt >= attempts || wait > maxWaitMs || stopped) {
        if (mayBeOut) return { kind: "uncertain", detail: `${detail}; gave up re-sending` };
        return { kind: "failed", error };
      }
      log({ type: "retry", subscriptionId: sub.id, period: mark.period, inMs: wait, error: detail });
      // Nothing out (for sure) yet: back to `claimed`, so a crash while waiting is retried, not "uncertain".
      const release = p.refs.length === 0 && !mayBeOut;
      if (release) await deliveries.release(claim, detail, new Date());
      else await deliveries.touch(claim, new Date(), p.refs);
      await sleep(wait);
      if (stopped) {
        if (mayBeOut) return { kind: "uncertain", detail: `${detail}; stopped before re-sending` };
        return { kind: "failed", error: asPostError(new Error(`stopped while retrying (${detail})`)) };
      }
      if (release && !(await deliveries.markPosting(claim, p.plan, new Date()))) return { kind: "lost" };
    }
  }

  async function post(p: Posting, messages: readonly PreparedMessage[]): Promise<DeliveryOutcome> {
    const { sub, claim, refs, mark } = p;
    const period = mark.period;
    while (refs.length < messages.length) {
      const result = await sendPart(p, messages[refs.length] as PreparedMessage, refs.length);
      if (result.kind === "sent") {
        refs.push(result.ref);
        if (refs.length < messages.length) await deliveries.touch(claim, new Date(), refs);
        continue;
      }
      if (result.kind === "lost") return "skipped";
      if (result.kind === "uncertain") {
        await deliveries.touch(claim, new Date(), refs);
        await deliveries.markUncertain(
          claim.id,
          `outcome unknown (part ${refs.length + 1}/${messages.length}): ${result.detail}`,
        );
        const record = await deliveries.get(sub.id, period);
        if (record) log({ type: "uncertain", delivery: record });
        return "uncertain";
      }
      return failed(sub, claim, refs, messages.length, period, result.error);
    }
    await deliveries.complete(claim, { messageRef: refs.join(",") }, new Date());
    await store.recordSuccess(sub.id);
    return "delivered";
  }

  /** A part that was not sent: partial, an outage retried later that day, or a channel failure. */
  async function failed(
    sub: Subscription,
    claim: Claim,
    refs: readonly string[],
    total: number,
    period: string,
    error: PostError,
  ): Promise<DeliveryOutcome> {
    const detail = `${error.reason}: ${error.message}`;
    if (refs.length > 0) {
      await deliveries.complete(
        claim,
        { messageRef: refs.join(","), error: `partial ${refs.length}/${total}: ${detail}` },
        new Date(),
      );
      return "partial";
    }
    await deliveries.fail(claim, detail, new Date());
    if (error.retryable) {
      // an outage: not the channel's fault, so it is not counted against it; later the same day
      // the period is tried again, and if the day ends first the next digest covers it (a retry
      // that fires after midnight expires: see deliverOnce)
      if (outageRetryMs > 0 && !stopped) {
        log({ type: "retry", subscriptionId: sub.id, period, inMs: outageRetryMs, error: detail });
        retryLater(sub.id, period, outageRetryMs);
      }
      return "failed";
    }
    const { disabled } = await store.recordFailure(sub.id, error.reason, disableAfter);
    if (disabled) {
      unschedule(sub.id);
      return "disabled";
    }
    if (!stopped) {
      log({ type: "retry", subscriptionId: sub.id, period, inMs: permanentRetryMs, error: detail });
      retryLater(sub.id, period, permanentRetryMs);
    }
    return "failed";
  }

  async function deliverOnce(
    id: number,
    period: string,
    reason: DeliveryReason,
    takeOver = false,
  ): Promise<DeliveryOutcome> {
    const sub = await store.get(id);
    if (!sub?.enabled) {
      unschedule(id);
      return "inactive";
    }
    const poster = posters.get(sub.platform);
    if (!poster) return "no-poster";
    // a retry fired after midnight: that day's post is no longer due (the next digest covers it)
    if (reason === "retry" && !stillThatDay(sub, period)) return "expired";
    for (const d of await deliveries.sweepUncertain(new Date(), postingStaleMs))
      log({ type: "uncertain", delivery: d });
    const claim = await deliveries.claim(sub.id, period, worker, new Date(), takeOver ? -1 : claimStaleMs);
    if (!claim) return "skipped";
    const mark: DeliveryMark = { id: claim.id, subscriptionId: sub.id, period };
    let plan: DeliveryPlan;
    let messages: readonly PreparedMessage[];
    try {
      const c = await content(sub, period);
      messages = poster.prepare(sub.channelId, c.reply, mark, c.thread);
      plan = {
        platform: sub.platform,
        channelId: sub.channelId,
        articleIds: c.articleIds,
        rememberInChannel: sub.kind === "digest",
        parts: messages.length,
        ...(c.coveredTo ? { coveredTo: c.coveredTo } : {}),
      };
    } catch (error) {
      await deliveries.fail(claim, `content: ${(error as Error)?.message ?? String(error)}`, new Date());
      throw error;
    }
    if (!(await deliveries.markPosting(claim, plan, new Date()))) return "skipped";
    const claimedAt = (await deliveries.get(sub.id, period))?.claimedAt ?? new Date().toISOString();
    const since = lookSince(verifier, claimedAt);
    return post({ sub, claim, plan, poster, mark, since, refs: [] }, messages);
  }

  async function deliver(id: number, period: string, reason: DeliveryReason = "manual", takeOver = false) {
    let outcome: DeliveryOutcome;
    try {
      outcome = await deliverOnce(id, period, reason, takeOver);
    } catch (error) {
      log({ type: "delivery", subscriptionId: id, period, reason, outcome: "failed", error: String(error) });
      throw error;
    }
    const last =
      outcome === "failed" || outcome === "disabled" || outcome === "partial" || outcome === "uncertain";
    const error = last ? (await deliveries.get(id, period))?.error : undefined;
    log({ type: "delivery", subscriptionId: id, period, reason, outcome, ...(error ? { error } : {}) });
    return outcome;
  }

  async function markDeadWorkersUncertain(): Promise<DeliveryRecord[]> {
    const now = new Date();
    const out = [...(await deliveries.sweepUncertain(now, postingStaleMs))];
    // A post left in `posting` by a process of this machine that no longer exists: uncertain now.
    const local = (await deliveries.inFlight()).filter(
      (d) => d.status === "posting" && workerIsDeadHere(d.claimedBy),
    );
    for (const d of local) {
      await deliveries.markUncertain(d.id);
      out.push({ ...d, status: "uncertain" });
    }
    for (const d of out) log({ type: "uncertain", delivery: d });
    return out;
  }

  /**
   * Looks for the recent uncertain posts (in the background: start-up does not wait on the
   * platform). One proven absent, with nothing out, is `failed` and caught up if its day is not over.
   */
  async function settleRecentUncertain(): Promise<void> {
    const within = options.verifyWithinMs ?? 2 * 86_400_000;
    for (const d of await deliveries.uncertain()) {
      const sub = await store.get(d.subscriptionId);
      const poster = sub ? posters.get(sub.platform) : undefined;
      if (!sub || !poster || Date.now() - Date.parse(d.claimedAt) > within || stopped) continue;
      try {
        const settled = await settleUncertain(verifier, d, sub, poster);
        // posted in the background: one slow post does not hold up the others' settling
        if (settled === "failed" && options.catchUp !== false && sub.enabled && stillThatDay(sub, d.period))
          void track(deliver(sub.id, d.period, "catch-up")).catch((error) =>
            log({ type: "error", subscriptionId: sub.id, error }),
          );
      } catch (error) {
        log({ type: "error", subscriptionId: sub.id, error });
      }
    }
  }

  /** What dead replicas left: stale posts looked for (and re-posted only when proven absent), stale claims delivered. */
  async function recover(): Promise<void> {
    if (recovering || stopped) return;
    recovering = true;
    try {
      for (const d of await deliveries.sweepUncertain(new Date(), postingStaleMs))
        log({ type: "uncertain", delivery: d });
      await settleRecentUncertain();
      const now = Date.now();
      // a failed post is retried by its worker after at most this long; later, its worker is gone
      const retryOverdueMs = 2 * Math.max(outageRetryMs, permanentRetryMs);
      const overdue = (await deliveries.failedSince(new Date(now - retryOverdueMs))).filter(
        (d) => Date.parse(d.finishedAt ?? d.claimedAt) < now - retryOverdueMs,
      );
      for (const d of [...(await deliveries.inFlight()), ...overdue]) {
        const stale = d.status === "failed" || now - Date.parse(d.claimedAt) > claimStaleMs;
        if ((d.status !== "claimed" && d.status !== "failed") || !stale || stopped) continue;
        const sub = await store.get(d.subscriptionId);
        if (!sub?.enabled || !posters.has(sub.platform) || !stillThatDay(sub, d.period)) continue;
        void track(deliver(sub.id, d.period, "catch-up")).catch((error) =>
          log({ type: "error", subscriptionId: sub.id, error }),
        );
      }
    } finally {
      recovering = false;
    }
  }

  async function catchUp(): Promise<number> {
    let n = 0;
    const now = new Date();
    for (const sub of await store.list({ enabledOnly: true })) {
      if (!posters.has(sub.platform)) continue;
      const here = localMoment(now, sub.timezone);
      if (!sub.days.includes(here.weekday) || here.time < sub.time) continue;
      // created after today's run time: there was no run to miss
      const created = localMoment(new Date(sub.createdAt), sub.timezone);
      if (created.day > here.day || (created.day === here.day && created.time >= sub.time)) continue;
      const existing = await deliveries.get(sub.id, here.day);
      // A claim left by a process that died while waiting to retry: nothing went out for sure (a
      // claim holding a possible post is never released back to `claimed`). One of a dead process
      // of this machine is taken over now; another one once stale (see `claimStaleMs`).
      const orphaned = existing?.status === "claimed" && workerIsDeadHere(existing.claimedBy);
      if (existing && existing.status !== "failed" && existing.status !== "claimed") continue;
      n++;
      void track(deliver(sub.id, here.day, "catch-up", orphaned)).catch((error) =>
        log({ type: "error", subscriptionId: sub.id, error }),
      );
    }
    return n;
  }

  return {
    worker,
    addPoster(poster) {
      posters.set(poster.platform, poster);
      if (started) void sync().catch((error) => log({ type: "error", error }));
    },
    async start() {
      if (started) return { scheduled: tasks.size, caughtUp: 0, uncertain: [] };
      started = true;
      const uncertain = await markDeadWorkersUncertain();
      await sync();
      const caughtUp = options.catchUp === false ? 0 : await catchUp();
      void track(settleRecentUncertain());
      const every = options.syncEveryMs ?? 60_000;
      if (every > 0) {
        syncTimer = setInterval(() => {
          void sync().catch((error) => log({ type: "error", error }));
        }, every);
        syncTimer.unref();
      }
      const recoverEvery = options.recoverEveryMs ?? 0;
      if (recoverEvery > 0) {
        recoverTimer = setInterval(() => {
          void track(recover()).catch((error) => log({ type: "error", error }));
        }, recoverEvery);
        recoverTimer.unref();
      }
      return { scheduled: tasks.size, caughtUp, uncertain };
    },
    schedule(sub) {
      if (started) schedule(sub);
    },
    unschedule,
    sync,
    nextRun: (id) => {
      const entry = tasks.get(id);
      const next = entry?.task.getNextRun() ?? undefined;
      return entry?.gap && (!next || entry.gap.at < next) ? entry.gap.at : next;
    },
    scheduledIds: () => [...tasks.keys()],
    deliver: (id, period, reason = "manual") => track(deliver(id, period, reason)),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      stopped = true;
      if (syncTimer) clearInterval(syncTimer);
      if (recoverTimer) clearInterval(recoverTimer);
      for (const id of [...tasks.keys()]) unschedule(id);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const wake of [...wakers]) wake();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
