// Scheduling: scheduled digests and briefings per channel, posted exactly once. One node-cron task
// per subscription in its own time zone, added and removed live; every delivery claimed in the
// database before it is posted and confirmed after, so restarts and a second process never post a
// period twice; retries with backoff, channels disabled after repeated permanent failures, a missed
// run caught up at start-up; an unknown outcome looked for before anything is re-sent; the
// `ChannelPoster` port through which adapters post, and the implementation of the subscription port
// the commands declare. It sits above the core, the storage and the commands and below the adapters:
// it never imports an adapter (adapters hand it their posters), and nothing below imports it
// (tests/architecture.test.ts).
export {
  asPostError,
  type ChannelPoster,
  DELIVERY_EVENT_TYPE,
  type DeliveryMark,
  deliveryNonce,
  failedBeforeSending,
  PostError,
  type PreparedMessage,
} from "./poster.ts";
export {
  createScheduler,
  type DeliveryOutcome,
  type DeliveryReason,
  type RetryPolicy,
  type Scheduler,
  type SchedulerEvent,
  type SchedulerOptions,
  type StartReport,
} from "./scheduler.ts";
export {
  createSubscriptionService,
  type SubscriptionServiceOptions,
} from "./service.ts";
export { cronExpression, nextSkippedRun } from "./time.ts";
export { type LookResult, lookFor, settleUncertain, type VerifyEvent } from "./verify.ts";
