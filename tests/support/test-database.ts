// A throwaway database per test run: a fresh `shipshape_test_<time>_<random>` on the machine's
// PostgreSQL (127.0.0.1:5432, trust auth, as on CI), or an in-memory embedded PostgreSQL when no
// server answers. TEST_DATABASE_ADMIN_URL names the server explicitly (then it must answer).
import type { EnvironmentVariables } from "@/lib/db/client";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export interface TestDatabase {
  url: string;
  name: string;
  kind: "postgres" | "embedded";
  drop(): Promise<void>;
}

const DEFAULT_ADMIN_URLS = [
  "postgresql://postgres@127.0.0.1:5432/postgres",
  "postgresql://root@127.0.0.1:5432/postgres",
];
const DATABASE_PREFIX = "shipshape_test_";
// Databases left behind by a killed run are dropped by a later run once clearly abandoned.
const ABANDONED_AFTER_SECONDS = 6 * 60 * 60;

async function connectAdmin(url: string): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return null;
  }
}

async function dropAbandonedDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE $1",
    [`${DATABASE_PREFIX}%`],
  );
  const now = Math.floor(Date.now() / 1000);
  for (const { datname } of rows) {
    const createdAt = Number(datname.slice(DATABASE_PREFIX.length).split("_")[0]);
    if (Number.isFinite(createdAt) && now - createdAt > ABANDONED_AFTER_SECONDS) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
  }
}

export async function createTestDatabase(env: EnvironmentVariables = process.env): Promise<TestDatabase> {
  const explicit = env.TEST_DATABASE_ADMIN_URL?.trim();
  let admin: pg.Client | null = null;
  let adminUrl = "";
  for (const candidate of explicit ? [explicit] : DEFAULT_ADMIN_URLS) {
    admin = await connectAdmin(candidate);
    if (admin) {
      adminUrl = candidate;
      break;
    }
  }
  if (!admin && explicit) {
    throw new Error(`TEST_DATABASE_ADMIN_URL is set but ${new URL(explicit).host} does not accept connections`);
  }

  if (!admin) {
    const embedded = await startEmbeddedPostgres({ maxConnections: 40 });
    return { url: embedded.url, name: "postgres", kind: "embedded", drop: () => embedded.stop() };
  }

  const connected = admin;
  try {
    await dropAbandonedDatabases(connected);
    const name = `${DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
    await connected.query(`CREATE DATABASE "${name}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    let dropped = false;
    return {
      url: url.toString(),
      name,
      kind: "postgres",
      async drop() {
        if (dropped) return;
        dropped = true;
        try {
          // FORCE ends connections a test left open (pools that were never disconnected).
          await connected.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await connected.end();
        }
      },
    };
  } catch (error) {
    await connected.end();
    throw error;
  }
}
