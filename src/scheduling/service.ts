// The subscription port the commands declare (`commands/ports.ts`), implemented here: create (or
// find the identical one, or turn a disabled one back on), remove and list a channel's
// subscriptions, each change written to the audit log with who made it and applied to the
// scheduler at once. Permission checks happen in the
// commands (they know the caller); this layer trusts its caller and records it.
import {
  type SubscribeResult,
  SubscriptionLimitError,
  type SubscriptionService,
  type SubscriptionView,
} from "../../commands/ports.ts";
import type {
  AuditLog,
  DeliveryLog,
  NewSubscription,
  Subscription,
  SubscriptionStore,
} from "../storage/subscription-store.ts";
import type { Scheduler } from "./scheduler.ts";

export interface SubscriptionServiceOptions {
  readonly store: SubscriptionStore;
  readonly deliveries: DeliveryLog;
  readonly audit: AuditLog;
  readonly scheduler?: Scheduler;
  readonly defaultTimezone: string;
  /** At most this many subscriptions per channel. Default 10. */
  readonly maxPerChannel?: number;
}

export function createSubscriptionService(options: SubscriptionServiceOptions): SubscriptionService {
  const { store, deliveries, audit, scheduler } = options;
  const maxPerChannel = options.maxPerChannel ?? 10;
  const nextRun = (id: number) => scheduler?.nextRun(id);
  const describe = (s: NewSubscription) => ({
    platform: s.platform,
    channel: s.channelId,
    kind: s.kind,
    ...(s.topic ? { topic: s.topic } : {}),
    time: s.time,
    timezone: s.timezone,
    days: s.days,
  });
  return {
    defaultTimezone: options.defaultTimezone,
    async subscribe(input, actor) {
      const same = await store.findSame(input);
      if (same?.enabled) {
        const next = nextRun(same.id);
        // the same schedule with another digest format: the format changes, nothing else
        const changed =
          input.format && same.format !== input.format
            ? await store.setFormat(same.id, input.format)
            : undefined;
        if (changed) await audit.record(actor, "subscription.format", { id: same.id, format: input.format });
        return { subscription: changed ?? same, status: "exists", ...(next ? { nextRun: next } : {}) };
      }
      let subscription: Subscription;
      let status: SubscribeResult["status"];
      if (same) {
        if (input.format && same.format !== input.format) await store.setFormat(same.id, input.format);
        subscription = (await store.enable(same.id)) ?? same;
        status = "reenabled";
        await audit.record(actor, "subscription.reenable", { id: same.id, ...describe(input) });
      } else {
        const count = (await store.list({ platform: input.platform, channelId: input.channelId })).length;
        if (count >= maxPerChannel) throw new SubscriptionLimitError(maxPerChannel);
        subscription = await store.create(input);
        status = "created";
        await audit.record(actor, "subscription.create", { id: subscription.id, ...describe(input) });
      }
      scheduler?.schedule(subscription);
      const next = nextRun(subscription.id);
      return { subscription, status, ...(next ? { nextRun: next } : {}) };
    },
    async unsubscribe(id, platform, channelId, actor) {
      const removed = await store.remove(id, platform, channelId);
      if (removed) {
        scheduler?.unschedule(id);
        await audit.record(actor, "subscription.remove", { id, ...describe(removed) });
      }
      return removed;
    },
    async list(platform, channelId) {
      const views: SubscriptionView[] = [];
      for (const subscription of await store.list({ platform, channelId })) {
        const next = subscription.enabled ? nextRun(subscription.id) : undefined;
        const last = await deliveries.latest(subscription.id);
        views.push({
          subscription,
          ...(next ? { nextRun: next } : {}),
          ...(last ? { last } : {}),
          uncertain: await deliveries.uncertain(subscription.id),
        });
      }
      return views;
    },
  };
}
