import { startPostgres } from "../tests/fakes/postgres.ts";
const s = await startPostgres();
console.log(`URL ${await s.database()}`);
process.on("SIGTERM", async () => { await s.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
