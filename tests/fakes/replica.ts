// One bot replica in its own process, for the multi-replica tests: the shared stores
// (DATABASE_URL), the real scheduler over the real core of the seed corpus, posting to the fake
// channel server (CHANNELS_URL). It prints `started` once its start-up (and catch-up) is under way.
import { loadCorpus } from "../../src/core/corpus/loader.ts";
import { createNewsCore } from "../../src/core/news-core.ts";
import { createScheduler } from "../../src/scheduling/scheduler.ts";
import { openStores } from "../../src/storage/backend.ts";
import { httpPoster } from "./http-poster.ts";
import { CORPUS } from "./real-core.ts";
import { REPLICA_TIMINGS } from "./replica-timings.ts";

const worker = process.env.WORKER ?? "replica";
const { articles } = await loadCorpus(CORPUS);
const stores = await openStores({ databaseUrl: process.env.DATABASE_URL ?? "", sqlitePath: "" });
const scheduler = createScheduler({
  core: createNewsCore(articles),
  locale: "fr",
  subscriptions: stores.subscriptions,
  deliveries: stores.deliveries,
  posters: [httpPoster(process.env.CHANNELS_URL ?? "", worker)],
  worker,
  ...REPLICA_TIMINGS,
});
await scheduler.start();
process.stdout.write("started\n");
