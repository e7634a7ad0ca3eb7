// The scheduler: one node-cron task per enabled subscription, in the subscription's time zone,
// added and removed live. When a task fires, the delivery of that period (the local day) is claimed
// in the delivery log, its content built by the core (`src/core/scheduled`), recorded as `posting`, posted through
// the platform's ChannelPoster, and recorded as `done` — so a restart or a second process on the
// same database never posts a period twice. Retryable failures (429 with Retry-After, 5xx, network)
// are retried with exponential backoff; a permanent failure (channel gone, bot removed) is retried a
// few minutes later and, after `disableAfter` consecutive failures, disables the subscription with
// the reason. A run missed while the bot was down is caught up once at start-up if it is still the
// same local day.
// The retries stay hand-written, not p-retry's in-process loop: the later ones (outage, permanent
// failure) are timers over claims persisted in the delivery log, which a restart or another replica
// takes over, and the per-message one releases or touches the claim between attempts and may end
// `uncertain` or `lost`, where p-retry can only resolve or throw. Its wait is the longer of
// Retry-After and a backoff with injectable jitter (0.8–1.2×), which p-retry cannot compute (its
// own delay, Math.random jitter of 1–2×, no Retry-After).
import { hostname } from "node:os";
import cron, { type ScheduledTask } from "node-cron";
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
import { defaultWorker, type PostingOptions, type RetryPolicy } from "./posting-options.ts";
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

export type { RetryPolicy };

export interface SchedulerOptions extends PostingOptions {
  readonly core: NewsCore | (() => NewsCore);
  /** The root command (named in compact digests). Default `news`. */
  readonly root?: string;
  readonly subscriptions: SubscriptionStore;
  readonly deliveries: DeliveryLog;
  /** How many days before its first run a new digest subscription's first digest reaches back. Default 1. */
  readonly firstDigestDays?: number;
  /** A digest never reaches further back than this many days. Default 7. */
  readonly maxLookbackDays?: number;
  /** Catch up, at start-up, a run missed earlier the same local day. Default true. */
  readonly catchUp?: boolean;
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
 * Set by an ambiguous failure re-sent under the platform's de-duplication, cleared only by a look
 * that proves the part absent: until then the part may be out, whatever later attempts (a 429,
 * say) report, so the delivery ends uncertain, never failed and re-sent later.
 */
interface MayBeOut {
  value: boolean;
}

/** The options with their defaults filled in. */
interface Settings {
  readonly firstDigestDays: number;
  readonly maxLookbackDays: number;
  readonly disableAfter: number;
  readonly permanentRetryMs: number;
  readonly outageRetryMs: number;
  readonly attempts: number;
  readonly baseMs: number;
  readonly maxWaitMs: number;
  readonly claimStaleMs: number;
  readonly postingStaleMs: number;
  readonly random: () => number;
}

function settingsOf(options: SchedulerOptions): Settings {
  return {
    firstDigestDays: options.firstDigestDays ?? 1,
    maxLookbackDays: options.maxLookbackDays ?? 7,
    disableAfter: options.disableAfter ?? 3,
    permanentRetryMs: options.permanentRetryMs ?? 2 * 60_000,
    outageRetryMs: options.outageRetryMs ?? 15 * 60_000,
    attempts: Math.max(1, options.retry?.attempts ?? 5),
    baseMs: options.retry?.baseMs ?? 2000,
    maxWaitMs: options.retry?.maxWaitMs ?? 5 * 60_000,
    claimStaleMs: options.claimStaleMs ?? 10 * 60_000,
    postingStaleMs: options.postingStaleMs ?? 15 * 60_000,
    random: options.random ?? Math.random,
  };
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
  const s = new SchedulerRuntime(options);
  return {
    worker: s.worker,
    addPoster: (poster) => s.addPoster(poster),
    start: () => s.start(),
    schedule: (sub) => {
      if (s.started) s.schedule(sub);
    },
    unschedule: (id) => s.unschedule(id),
    sync: () => s.sync(),
    nextRun: (id) => s.nextRun(id),
    scheduledIds: () => s.scheduledIds(),
    deliver: (id, period, reason = "manual") => s.track(s.deliver(id, period, reason)),
    idle: () => s.idle(),
    stop: () => s.stop(),
  };
}

/** The scheduler's state and its steps; `createScheduler` exposes the public ones. */
class SchedulerRuntime {
  readonly worker: string;
  started = false;
  private readonly options: SchedulerOptions;
  private readonly settings: Settings;
  private readonly store: SubscriptionStore;
  private readonly deliveries: DeliveryLog;
  private readonly core: () => NewsCore;
  private readonly posters = new Map<string, ChannelPoster>();
  private readonly tasks = new Map<number, Entry>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly wakers = new Set<() => void>();
  private readonly verifier: VerifyContext;
  private stopped = false;
  private syncTimer: NodeJS.Timeout | undefined;
  private recoverTimer: NodeJS.Timeout | undefined;
  private recovering = false;

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.settings = settingsOf(options);
    this.store = options.subscriptions;
    this.deliveries = options.deliveries;
    this.core = typeof options.core === "function" ? options.core : () => options.core as NewsCore;
    this.worker = options.worker ?? defaultWorker();
    for (const p of options.posters ?? []) this.posters.set(p.platform, p);
    this.verifier = {
      deliveries: this.deliveries,
      log: (e) => this.log(e),
      sleep: (ms) => this.sleep(ms),
      backoff: (attempt) => this.backoff(attempt),
      attempts: this.settings.attempts,
      verifyDelayMs: options.verifyDelayMs ?? 3000,
      clockSkewMs: options.clockSkewMs ?? 2 * 60_000,
      stopped: () => this.stopped,
    };
  }

  // --- public steps ---

  addPoster(poster: ChannelPoster) {
    this.posters.set(poster.platform, poster);
    if (this.started) void this.sync().catch((error) => this.log({ type: "error", error }));
  }

  async start(): Promise<StartReport> {
    if (this.started) return { scheduled: this.tasks.size, caughtUp: 0, uncertain: [] };
    this.started = true;
    const uncertain = await this.markDeadWorkersUncertain();
    await this.sync();
    const caughtUp = this.options.catchUp === false ? 0 : await this.catchUp();
    void this.track(this.settleRecentUncertain());
    this.startTimers();
    return { scheduled: this.tasks.size, caughtUp, uncertain };
  }

  /** Adds or replaces the task of a subscription. */
  schedule(sub: Subscription) {
    if (this.stopped) return;
    if (!sub.enabled || !this.posters.has(sub.platform)) {
      this.unschedule(sub.id);
      return;
    }
    const key = keyOf(sub);
    if (this.tasks.get(sub.id)?.key === key) return;
    this.unschedule(sub.id);
    const task = cron.schedule(
      cronExpression(sub.time, sub.days),
      (ctx) => {
        this.fire(sub.id, ctx.date, "scheduled");
        this.armGap(sub);
      },
      {
        timezone: sub.timezone,
        name: `newsbot-subscription-${sub.id}`,
        missedExecutionTolerance: 60_000,
      },
    );
    task.on("execution:missed", (ctx) => this.fire(sub.id, ctx.date, "catch-up"));
    this.tasks.set(sub.id, { task, key });
    this.armGap(sub);
  }

  unschedule(id: number) {
    const entry = this.tasks.get(id);
    if (!entry) return;
    this.tasks.delete(id);
    if (entry.gap) clearTimeout(entry.gap.timer);
    void Promise.resolve(entry.task.destroy()).catch(() => {});
  }

  async sync() {
    if (this.stopped) return;
    const enabled = await this.store.list({ enabledOnly: true });
    const keep = new Set<number>();
    for (const sub of enabled) {
      if (!this.posters.has(sub.platform)) continue;
      keep.add(sub.id);
      this.schedule(sub);
    }
    for (const id of [...this.tasks.keys()]) if (!keep.has(id)) this.unschedule(id);
  }

  nextRun(id: number): Date | undefined {
    const entry = this.tasks.get(id);
    const next = entry?.task.getNextRun() ?? undefined;
    return entry?.gap && (!next || entry.gap.at < next) ? entry.gap.at : next;
  }

  scheduledIds(): number[] {
    return [...this.tasks.keys()];
  }

  async deliver(id: number, period: string, reason: DeliveryReason = "manual", takeOver = false) {
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.deliverOnce(id, period, reason, takeOver);
    } catch (error) {
      this.log({
        type: "delivery",
        subscriptionId: id,
        period,
        reason,
        outcome: "failed",
        error: String(error),
      });
      throw error;
    }
    const last =
      outcome === "failed" || outcome === "disabled" || outcome === "partial" || outcome === "uncertain";
    const error = last ? (await this.deliveries.get(id, period))?.error : undefined;
    this.log({ type: "delivery", subscriptionId: id, period, reason, outcome, ...(error ? { error } : {}) });
    return outcome;
  }

  track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    p.finally(() => this.inFlight.delete(p)).catch(() => {});
    return p;
  }

  async idle() {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async stop() {
    this.stopped = true;
    if (this.syncTimer) clearInterval(this.syncTimer);
    if (this.recoverTimer) clearInterval(this.recoverTimer);
    for (const id of [...this.tasks.keys()]) this.unschedule(id);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const wake of [...this.wakers]) wake();
    await this.idle();
  }

  // --- plumbing ---

  private log(e: SchedulerEvent) {
    try {
      this.options.log?.(e);
    } catch {
      // a logger never breaks a delivery
    }
  }

  /** Runs a delivery in the background, its error logged. */
  private deliverInBackground(id: number, period: string, reason: DeliveryReason, takeOver = false) {
    void this.track(this.deliver(id, period, reason, takeOver)).catch((error) =>
      this.log({ type: "error", subscriptionId: id, error }),
    );
  }

  /** A wait that stop() cuts short. */
  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.timers.delete(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.timers.add(timer);
      this.wakers.add(wake);
    });
  }

  private backoff(attempt: number) {
    const exp = this.settings.baseMs * 2 ** (attempt - 1);
    return Math.round(exp * (0.8 + 0.4 * this.settings.random()));
  }

  /** Whether `at` is still on the local day `period` of the subscription. */
  private stillThatDay(sub: Subscription, period: string, at = Date.now()) {
    return localMoment(new Date(at), sub.timezone).day === period;
  }

  private startTimers() {
    const every = this.options.syncEveryMs ?? 60_000;
    if (every > 0) {
      this.syncTimer = setInterval(() => {
        void this.sync().catch((error) => this.log({ type: "error", error }));
      }, every);
      this.syncTimer.unref();
    }
    const recoverEvery = this.options.recoverEveryMs ?? 0;
    if (recoverEvery > 0) {
      this.recoverTimer = setInterval(() => {
        void this.track(this.recover()).catch((error) => this.log({ type: "error", error }));
      }, recoverEvery);
      this.recoverTimer.unref();
    }
  }

  // --- firing ---

  /**
   * node-cron passes over a day whose local run time does not exist (the hour skipped when the
   * clocks go forward); that day's run is timed here instead, at the first minute after it.
   */
  private armGap(sub: Subscription) {
    const entry = this.tasks.get(sub.id);
    if (!entry || this.stopped) return;
    if (entry.gap) clearTimeout(entry.gap.timer);
    entry.gap = undefined;
    const now = new Date();
    const until = entry.task.getNextRun() ?? new Date(now.getTime() + 8 * 86_400_000);
    const at = nextSkippedRun(now, sub.time, sub.days, sub.timezone, until);
    if (!at) return;
    const timer = setTimeout(
      () => {
        if (this.tasks.get(sub.id) !== entry) return;
        entry.gap = undefined;
        // a long wait is cut in pieces (timers hold at most ~24 days); only the last one fires
        if (Date.now() >= at.getTime() - 1000) this.fire(sub.id, at, "scheduled");
        this.armGap(sub);
      },
      Math.min(Math.max(0, at.getTime() - now.getTime()), 2 ** 31 - 1),
    );
    timer.unref?.();
    entry.gap = { at, timer };
  }

  private fire(id: number, slot: Date, reason: DeliveryReason) {
    void this.track(this.fireNow(id, slot, reason)).catch((error) =>
      this.log({ type: "error", subscriptionId: id, error }),
    );
  }

  private async fireNow(id: number, slot: Date, reason: DeliveryReason) {
    const sub = await this.store.get(id);
    if (!sub) {
      this.unschedule(id);
      return;
    }
    const period = localMoment(slot, sub.timezone).day;
    // a missed slot (the process was asleep or busy) still counts while it is the same local day
    if (reason === "catch-up" && !this.stillThatDay(sub, period)) return;
    await this.deliver(id, period, reason === "catch-up" ? "catch-up" : "scheduled");
  }

  private retryLater(id: number, period: string, inMs: number) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped)
        void this.track(this.deliver(id, period, "retry")).catch((error) =>
          this.log({ type: "error", error }),
        );
    }, inMs);
    this.timers.add(timer);
  }

  // --- one delivery ---

  private async deliverOnce(
    id: number,
    period: string,
    reason: DeliveryReason,
    takeOver = false,
  ): Promise<DeliveryOutcome> {
    const sub = await this.store.get(id);
    if (!sub?.enabled) {
      this.unschedule(id);
      return "inactive";
    }
    const poster = this.posters.get(sub.platform);
    if (!poster) return "no-poster";
    // a retry fired after midnight: that day's post is no longer due (the next digest covers it)
    if (reason === "retry" && !this.stillThatDay(sub, period)) return "expired";
    for (const d of await this.deliveries.sweepUncertain(new Date(), this.settings.postingStaleMs))
      this.log({ type: "uncertain", delivery: d });
    const staleMs = takeOver ? -1 : this.settings.claimStaleMs;
    const claim = await this.deliveries.claim(sub.id, period, this.worker, new Date(), staleMs);
    if (!claim) return "skipped";
    const mark: DeliveryMark = { id: claim.id, subscriptionId: sub.id, period };
    const { plan, messages } = await this.prepare(sub, period, poster, claim, mark);
    if (!(await this.deliveries.markPosting(claim, plan, new Date()))) return "skipped";
    const claimedAt = (await this.deliveries.get(sub.id, period))?.claimedAt ?? new Date().toISOString();
    const since = lookSince(this.verifier, claimedAt);
    return this.post({ sub, claim, plan, poster, mark, since, refs: [] }, messages);
  }

  /** The messages of a claimed delivery and its plan; content that cannot be built fails the claim. */
  private async prepare(
    sub: Subscription,
    period: string,
    poster: ChannelPoster,
    claim: Claim,
    mark: DeliveryMark,
  ): Promise<{ plan: DeliveryPlan; messages: readonly PreparedMessage[] }> {
    try {
      const c = await this.content(sub, period);
      const messages = poster.prepare(sub.channelId, c.reply, mark, c.thread);
      const plan: DeliveryPlan = {
        platform: sub.platform,
        channelId: sub.channelId,
        articleIds: c.articleIds,
        rememberInChannel: sub.kind === "digest",
        parts: messages.length,
        ...(c.coveredTo ? { coveredTo: c.coveredTo } : {}),
      };
      return { plan, messages };
    } catch (error) {
      await this.deliveries.fail(claim, `content: ${(error as Error)?.message ?? String(error)}`, new Date());
      throw error;
    }
  }

  private async content(sub: Subscription, period: string): Promise<ScheduledContent> {
    const { deliveries, settings, options } = this;
    if (sub.kind === "brief") {
      return scheduledBrief(this.core(), options.locale, {
        topic: sub.topic ?? "",
        knownIds: await deliveries.subscriptionArticleIds(sub.id),
      });
    }
    const last = await deliveries.lastDelivered(sub.id);
    const lastCoveredTo = last?.coveredTo;
    return scheduledDigest(this.core(), options.locale, {
      period,
      firstDigestDays: settings.firstDigestDays,
      maxLookbackDays: settings.maxLookbackDays,
      ...(lastCoveredTo ? { lastCoveredTo } : {}),
      format: sub.format ?? "thread",
      ...(last ? {} : { first: true }),
      ...(options.root ? { root: options.root } : {}),
      excludeIds: await deliveries.deliveredArticleIds(sub.platform, sub.channelId),
      ...(sub.topic ? { topic: sub.topic } : {}),
    });
  }

  private async post(p: Posting, messages: readonly PreparedMessage[]): Promise<DeliveryOutcome> {
    const { sub, claim, refs, mark } = p;
    const period = mark.period;
    while (refs.length < messages.length) {
      const result = await this.sendPart(p, messages[refs.length] as PreparedMessage, refs.length);
      if (result.kind === "sent") {
        refs.push(result.ref);
        if (refs.length < messages.length) await this.deliveries.touch(claim, new Date(), refs);
        continue;
      }
      if (result.kind === "lost") return "skipped";
      if (result.kind === "uncertain") return this.leftUncertain(p, messages.length, result.detail);
      return this.failed(sub, claim, refs, messages.length, period, result.error);
    }
    await this.deliveries.complete(claim, { messageRef: refs.join(",") }, new Date());
    await this.store.recordSuccess(sub.id);
    return "delivered";
  }

  private async leftUncertain(p: Posting, total: number, detail: string): Promise<DeliveryOutcome> {
    await this.deliveries.touch(p.claim, new Date(), p.refs);
    await this.deliveries.markUncertain(
      p.claim.id,
      `outcome unknown (part ${p.refs.length + 1}/${total}): ${detail}`,
    );
    const record = await this.deliveries.get(p.sub.id, p.mark.period);
    if (record) this.log({ type: "uncertain", delivery: record });
    return "uncertain";
  }

  /**
   * Sends one part, retrying what is retryable. After an ambiguous failure it never sends again
   * blindly: within the platform's de-duplication window it re-sends (harmless), otherwise it looks
   * for the part first and only re-sends one proven absent.
   */
  private async sendPart(p: Posting, send: PreparedMessage, part: number): Promise<PartResult> {
    const firstAt = Date.now();
    const mayBeOut: MayBeOut = { value: false };
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
        const told = await this.afterAmbiguous(p, part, firstAt, detail, mayBeOut);
        if (told) return told;
      }
      const ended = await this.waitToResend(p, error, attempt, detail, mayBeOut.value);
      if (ended) return ended;
    }
  }

  /** An ambiguous failure: re-sent under the platform's de-duplication, or looked for first. */
  private async afterAmbiguous(
    p: Posting,
    part: number,
    firstAt: number,
    detail: string,
    mayBeOut: MayBeOut,
  ): Promise<PartResult | undefined> {
    const { sub, claim, mark, poster } = p;
    const window = poster.idempotentForMs ?? 0;
    if (window > 0 && Date.now() - firstAt < window) {
      mayBeOut.value = true;
      const event = { type: "verify" as const, subscriptionId: sub.id, period: mark.period, part };
      this.log({ ...event, decision: "resend", detail: `${detail}: re-sent with the same nonce` });
      return undefined;
    }
    await this.deliveries.touch(claim, new Date(), p.refs);
    const look = await lookFor(this.verifier, poster, sub.channelId, mark, part, p.since);
    if (look.kind === "found") return { kind: "sent", ref: look.ref };
    if (look.kind === "unknown") return { kind: "uncertain", detail: `${detail}; ${look.detail}` };
    mayBeOut.value = false; // proven absent
    return undefined;
  }

  /** Gives up on a part (failed, or uncertain when it may be out), or waits before sending it again. */
  private async waitToResend(
    p: Posting,
    error: PostError,
    attempt: number,
    detail: string,
    mayBeOut: boolean,
  ): Promise<PartResult | undefined> {
    const { sub, claim, mark } = p;
    const { deliveries } = this;
    const wait = Math.max(error.retryAfterMs ?? 0, this.backoff(attempt));
    if (
      !error.retryable ||
      attempt >= this.settings.attempts ||
      wait > this.settings.maxWaitMs ||
      this.stopped
    ) {
      if (mayBeOut) return { kind: "uncertain", detail: `${detail}; gave up re-sending` };
      return { kind: "failed", error };
    }
    this.log({ type: "retry", subscriptionId: sub.id, period: mark.period, inMs: wait, error: detail });
    // Nothing out (for sure) yet: back to `claimed`, so a crash while waiting is retried, not "uncertain".
    const release = p.refs.length === 0 && !mayBeOut;
    if (release) await deliveries.release(claim, detail, new Date());
    else await deliveries.touch(claim, new Date(), p.refs);
    await this.sleep(wait);
    if (this.stopped) {
      if (mayBeOut) return { kind: "uncertain", detail: `${detail}; stopped before re-sending` };
      return { kind: "failed", error: asPostError(new Error(`stopped while retrying (${detail})`)) };
    }
    if (release && !(await deliveries.markPosting(claim, p.plan, new Date()))) return { kind: "lost" };
    return undefined;
  }

  /** A part that was not sent: partial, an outage retried later that day, or a channel failure. */
  private async failed(
    sub: Subscription,
    claim: Claim,
    refs: readonly string[],
    total: number,
    period: string,
    error: PostError,
  ): Promise<DeliveryOutcome> {
    const detail = `${error.reason}: ${error.message}`;
    if (refs.length > 0) {
      await this.deliveries.complete(
        claim,
        { messageRef: refs.join(","), error: `partial ${refs.length}/${total}: ${detail}` },
        new Date(),
      );
      return "partial";
    }
    await this.deliveries.fail(claim, detail, new Date());
    if (error.retryable) {
      // an outage: not the channel's fault, so it is not counted against it; later the same day
      // the period is tried again, and if the day ends first the next digest covers it (a retry
      // that fires after midnight expires: see deliverOnce)
      const { outageRetryMs } = this.settings;
      if (outageRetryMs > 0 && !this.stopped) {
        this.log({ type: "retry", subscriptionId: sub.id, period, inMs: outageRetryMs, error: detail });
        this.retryLater(sub.id, period, outageRetryMs);
      }
      return "failed";
    }
    const { disabled } = await this.store.recordFailure(sub.id, error.reason, this.settings.disableAfter);
    if (disabled) {
      this.unschedule(sub.id);
      return "disabled";
    }
    if (!this.stopped) {
      const { permanentRetryMs } = this.settings;
      this.log({ type: "retry", subscriptionId: sub.id, period, inMs: permanentRetryMs, error: detail });
      this.retryLater(sub.id, period, permanentRetryMs);
    }
    return "failed";
  }

  // --- start-up and recovery ---

  private async markDeadWorkersUncertain(): Promise<DeliveryRecord[]> {
    const now = new Date();
    const out = [...(await this.deliveries.sweepUncertain(now, this.settings.postingStaleMs))];
    // A post left in `posting` by a process of this machine that no longer exists: uncertain now.
    const local = (await this.deliveries.inFlight()).filter(
      (d) => d.status === "posting" && workerIsDeadHere(d.claimedBy),
    );
    for (const d of local) {
      await this.deliveries.markUncertain(d.id);
      out.push({ ...d, status: "uncertain" });
    }
    for (const d of out) this.log({ type: "uncertain", delivery: d });
    return out;
  }

  /**
   * Looks for the recent uncertain posts (in the background: start-up does not wait on the
   * platform). One proven absent, with nothing out, is `failed` and caught up if its day is not over.
   */
  private async settleRecentUncertain(): Promise<void> {
    const within = this.options.verifyWithinMs ?? 2 * 86_400_000;
    for (const d of await this.deliveries.uncertain()) {
      const sub = await this.store.get(d.subscriptionId);
      const poster = sub ? this.posters.get(sub.platform) : undefined;
      if (!sub || !poster || Date.now() - Date.parse(d.claimedAt) > within || this.stopped) continue;
      try {
        const settled = await settleUncertain(this.verifier, d, sub, poster);
        // posted in the background: one slow post does not hold up the others' settling
        if (
          settled === "failed" &&
          this.options.catchUp !== false &&
          sub.enabled &&
          this.stillThatDay(sub, d.period)
        )
          this.deliverInBackground(sub.id, d.period, "catch-up");
      } catch (error) {
        this.log({ type: "error", subscriptionId: sub.id, error });
      }
    }
  }

  /** What dead replicas left: stale posts looked for (and re-posted only when proven absent), stale claims delivered. */
  private async recover(): Promise<void> {
    if (this.recovering || this.stopped) return;
    this.recovering = true;
    try {
      for (const d of await this.deliveries.sweepUncertain(new Date(), this.settings.postingStaleMs))
        this.log({ type: "uncertain", delivery: d });
      await this.settleRecentUncertain();
      await this.takeOverStaleClaims();
    } finally {
      this.recovering = false;
    }
  }

  /** Delivers the claims a dead replica held (stale), and the failed posts nobody retried (overdue). */
  private async takeOverStaleClaims(): Promise<void> {
    const { deliveries, settings } = this;
    const now = Date.now();
    // a failed post is retried by its worker after at most this long; later, its worker is gone
    const retryOverdueMs = 2 * Math.max(settings.outageRetryMs, settings.permanentRetryMs);
    const overdue = (await deliveries.failedSince(new Date(now - retryOverdueMs))).filter(
      (d) => Date.parse(d.finishedAt ?? d.claimedAt) < now - retryOverdueMs,
    );
    for (const d of [...(await deliveries.inFlight()), ...overdue]) {
      const stale = d.status === "failed" || now - Date.parse(d.claimedAt) > settings.claimStaleMs;
      if ((d.status !== "claimed" && d.status !== "failed") || !stale || this.stopped) continue;
      const sub = await this.store.get(d.subscriptionId);
      if (!sub?.enabled || !this.posters.has(sub.platform) || !this.stillThatDay(sub, d.period)) continue;
      this.deliverInBackground(sub.id, d.period, "catch-up");
    }
  }

  private async catchUp(): Promise<number> {
    let n = 0;
    const now = new Date();
    for (const sub of await this.store.list({ enabledOnly: true })) {
      if (!this.posters.has(sub.platform)) continue;
      const here = localMoment(now, sub.timezone);
      if (!sub.days.includes(here.weekday) || here.time < sub.time) continue;
      // created after today's run time: there was no run to miss
      const created = localMoment(new Date(sub.createdAt), sub.timezone);
      if (created.day > here.day || (created.day === here.day && created.time >= sub.time)) continue;
      const existing = await this.deliveries.get(sub.id, here.day);
      // A claim left by a process that died while waiting to retry: nothing went out for sure (a
      // claim holding a possible post is never released back to `claimed`). One of a dead process
      // of this machine is taken over now; another one once stale (see `claimStaleMs`).
      const orphaned = existing?.status === "claimed" && workerIsDeadHere(existing.claimedBy);
      if (existing && existing.status !== "failed" && existing.status !== "claimed") continue;
      n++;
      this.deliverInBackground(sub.id, here.day, "catch-up", orphaned);
    }
    return n;
  }
}
