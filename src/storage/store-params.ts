// What the SQLite stores and their Postgres twins share: the values they bind for the same
// statement (in one order), the filters they build, the helper their row mappers read with. One
// home, so the two engines cannot drift apart; what really differs between them (the SQL dialect,
// how a transaction is taken) stays with each store.
import type { SeenItem } from "./feed-store.ts";
import type { Claim, DeliveryPlan, NewSubscription } from "./subscription-store.ts";

/** `{ [key]: value }` when there is a value, else nothing: a nullable column becomes an optional field. */
export const opt = <K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } =>
  (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };

/** A subscription's days as stored: distinct, sorted, comma-separated. */
export const daysKey = (days: readonly number[]) => [...new Set(days)].sort((a, b) => a - b).join(",");

/** The columns of a new subscription, in the order of `INSERT INTO subscriptions (platform, … format)`. */
export const subscriptionValues = (input: NewSubscription, now: Date) =>
  [
    input.platform,
    input.channelId,
    input.kind,
    input.topic ?? null,
    input.time,
    input.timezone,
    daysKey(input.days),
    input.createdBy,
    now.toISOString(),
    input.format ?? "thread",
  ] as [string, string, string, string | null, string, string, string, string, string, string];

/** What makes two subscriptions the same: platform, channel, kind, topic (any case), time, zone, days. */
export const sameSubscriptionValues = (input: NewSubscription) =>
  [
    input.platform,
    input.channelId,
    input.kind,
    input.topic ?? "",
    input.time,
    input.timezone,
    daysKey(input.days),
  ] as [string, string, string, string, string, string, string];

/** The `WHERE` of a subscription listing; `placeholder(n)` writes the engine's n-th parameter (1-based). */
export function subscriptionWhere(
  filter: { platform?: string; channelId?: string; enabledOnly?: boolean },
  placeholder: (n: number) => string,
): { where: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  if (filter.platform) clauses.push(`platform = ${placeholder(params.push(filter.platform))}`);
  if (filter.channelId) clauses.push(`channel_id = ${placeholder(params.push(filter.channelId))}`);
  if (filter.enabledOnly) clauses.push("enabled = 1");
  return { where: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** The `posting` update's values: when, the plan's articles, coverage and parts, fenced by the claim. */
export const postingValues = (claim: Claim, plan: DeliveryPlan, at: string) =>
  [
    at,
    JSON.stringify(plan.articleIds),
    plan.coveredTo ?? null,
    plan.parts ?? null,
    claim.id,
    claim.worker,
  ] as [string, string, string | null, number | null, number, string];

/** Every article the deliveries' rows carried (their `article_ids` JSON arrays), once each. */
export function articleIdSet(rows: readonly { article_ids: string }[]): Set<string> {
  const ids = new Set<string>();
  for (const r of rows) for (const id of JSON.parse(r.article_ids) as string[]) ids.add(id);
  return ids;
}

/** A seen feed item's columns, in the order of `INSERT INTO feed_items (feed_id, … seen_at)`. */
export const seenValues = (item: SeenItem) =>
  [
    item.feedId,
    item.key,
    item.url ?? null,
    item.articleId ?? null,
    item.fingerprint ?? null,
    item.status,
    item.duplicateOf ?? null,
    item.seenAt,
  ] as [number, string, string | null, string | null, string | null, string, string | null, string];
