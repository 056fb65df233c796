// A worker process that dies (exit 137, as if OOM-killed) inside its first evaluation transaction,
// after every write and before the commit. Used by workers.test.ts.
import { startWorker } from "@/lib/server/pipeline/start-worker";

startWorker({
  pollingIntervalSeconds: 0.5,
  schedules: false,
  log: () => {},
  beforeCommit: async () => {
    process.stdout.write("crashing mid-transaction\n");
    process.exit(137);
  },
}).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
