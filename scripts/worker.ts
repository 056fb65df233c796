// `npm run worker`: a pipeline worker against DATABASE_URL (or the embedded database `npm start`
// serves). Run several, anywhere: they share the queue in PostgreSQL. SIGINT/SIGTERM finish the
// jobs in hand, then exit.
//   WORKER_CONCURRENCY   evaluations at once in this process (default 1; the engine is CPU-bound)
import { resolveDatabase } from "@/lib/db/local-database";

function concurrency(raw: string | undefined): number {
  if (!raw?.trim()) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`WORKER_CONCURRENCY must be an integer between 1 and 64 (got "${raw}")`);
  return n;
}

async function main(): Promise<void> {
  const database = await resolveDatabase();
  // lib/db/client reads DATABASE_URL when first imported, so the pipeline is imported after it is set.
  process.env.DATABASE_URL = database.url;
  const { startWorker } = await import("@/lib/server/pipeline/start-worker");
  const worker = await startWorker({ connectionString: database.url, concurrency: concurrency(process.env.WORKER_CONCURRENCY) });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.stop().catch((error: unknown) => console.error("worker: stop failed:", error));
    await database.release();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
