// Storage: the bot's durable state (subscriptions, the delivery log, the audit log, feed state)
// behind small interfaces (ports), with SQLite through better-sqlite3 as the embedded default.
// It knows nothing of Slack, Discord or the scheduler; the core does not import it.
export { type Database, openDatabase } from "./database.ts";
export { type Migration, migrate } from "./migrations.ts";
export {
  type AuditEntry,
  type AuditLog,
  type Claim,
  createAuditLog,
  createDeliveryLog,
  createSubscriptionStore,
  type DeliveryLog,
  type DeliveryPlan,
  type DeliveryRecord,
  type DeliveryStatus,
  type NewSubscription,
  type Subscription,
  type SubscriptionKind,
  type SubscriptionStore,
} from "./subscription-store.ts";
