import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { EnvironmentVariables } from "./client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const PROJECT_ROOT = path.resolve(__dirname, "../..");

/** Local state of `npm start` (embedded database, generated auth secret): $SHIPSHAPE_DATA_DIR or `.data`. */
export function localDataDir(env: EnvironmentVariables = process.env): string {
  const configured = env.SHIPSHAPE_DATA_DIR?.trim();
  return configured ? path.resolve(configured) : path.join(PROJECT_ROOT, ".data");
}

export function embeddedDataDir(env: EnvironmentVariables = process.env): string {
  return path.join(localDataDir(env), "pglite");
}

export interface ResolvedDatabase {
  url: string;
  /** "env": DATABASE_URL; "embedded": started here; "embedded-running": another process serves it. */
  source: "env" | "embedded" | "embedded-running";
  embedded: EmbeddedPostgres | null;
  release(): Promise<void>;
}

interface ServerRecord {
  pid: number;
  url: string;
}

// PGlite must never have two processes writing one data directory. The process serving it
// records itself next to the data; others connect to that server instead of opening the files.
function serverRecordPath(dataDir: string): string {
  return `${dataDir}.server.json`;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function runningEmbeddedServer(dataDir = embeddedDataDir()): ServerRecord | null {
  const file = serverRecordPath(dataDir);
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, "utf8")) as ServerRecord;
    if (processIsAlive(record.pid)) return record;
  } catch {
    // An unreadable record is a leftover from a crash; it is replaced below.
  }
  return null;
}

export interface ResolveDatabaseOptions {
  env?: EnvironmentVariables;
  dataDir?: string;
  maxConnections?: number;
  port?: number;
}

/**
 * DATABASE_URL when set; otherwise the embedded PGlite database in `<data dir>/pglite`, either the one
 * a running `npm start` already serves or a new server started in this process.
 */
export async function resolveDatabase(options: ResolveDatabaseOptions = {}): Promise<ResolvedDatabase> {
  const env = options.env ?? process.env;
  const fromEnv = env.DATABASE_URL?.trim();
  if (fromEnv) return { url: fromEnv, source: "env", embedded: null, release: async () => {} };

  const dataDir = options.dataDir ?? embeddedDataDir(env);
  const running = runningEmbeddedServer(dataDir);
  if (running) return { url: running.url, source: "embedded-running", embedded: null, release: async () => {} };

  const embedded = await startEmbeddedPostgres({
    dataDir,
    port: options.port,
    maxConnections: options.maxConnections,
  });
  const recordFile = serverRecordPath(dataDir);
  mkdirSync(path.dirname(recordFile), { recursive: true });
  writeFileSync(recordFile, JSON.stringify({ pid: process.pid, url: embedded.url } satisfies ServerRecord));
  return {
    url: embedded.url,
    source: "embedded",
    embedded,
    async release() {
      await embedded.stop();
      rmSync(recordFile, { force: true });
    },
  };
}
