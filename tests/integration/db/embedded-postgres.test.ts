import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { resolveDatabase, runningEmbeddedServer } from "@/lib/db/local-database";
import { readMigrationsList } from "@/lib/db/migration/migrations-directory";
import { DEFAULT_MIGRATIONS_DIR, deployMigrations } from "@/lib/db/migration/schema-migrations";

const dataRoot = mkdtempSync(path.join(os.tmpdir(), "shipshape-pglite-"));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

describe("embedded PostgreSQL (PGlite + socket server)", () => {
  it("serves Postgres on 127.0.0.1, takes migrations and Prisma queries, and keeps its data across restarts", async () => {
    const dataDir = path.join(dataRoot, "persist");
    const first = await startEmbeddedPostgres({ dataDir, maxConnections: 8 });
    try {
      expect(first.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);
      const committed = readMigrationsList(DEFAULT_MIGRATIONS_DIR).migrationDirectories.map((m) => m.path);
      expect(await deployMigrations({ url: first.url })).toEqual(committed);
      const prisma = createPrismaClient({ url: first.url, poolSize: 3 });
      await prisma.organization.create({ data: { name: "Persisted Org", slug: "persisted-org" } });
      // Concurrent queries up to the pool size share the single PGlite session.
      const counts = await Promise.all([1, 2, 3].map(() => prisma.organization.count()));
      expect(counts).toEqual([1, 1, 1]);
      await prisma.$disconnect();
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, maxConnections: 8 });
    try {
      expect(second.port).not.toBe(0);
      expect(await deployMigrations({ url: second.url })).toEqual([]);
      const prisma = createPrismaClient({ url: second.url, poolSize: 1 });
      expect(await prisma.organization.findUnique({ where: { slug: "persisted-org" } })).toMatchObject({ name: "Persisted Org" });
      await prisma.$disconnect();
    } finally {
      await second.stop();
    }
  });

  it("refuses connections beyond maxConnections instead of queueing them", async () => {
    const embedded = await startEmbeddedPostgres({ maxConnections: 2 });
    const clients = [1, 2].map(() => new pg.Client(embedded.url));
    try {
      for (const client of clients) await client.connect();
      const extra = new pg.Client({ connectionString: embedded.url, connectionTimeoutMillis: 10_000 });
      const started = Date.now();
      await expect(extra.connect().then(() => extra.query("SELECT 1"))).rejects.toThrow(/terminated|ECONNRESET|closed/i);
      // Rejected at once, not held until the client gives up.
      expect(Date.now() - started).toBeLessThan(5_000);
      await extra.end().catch(() => undefined);
    } finally {
      for (const client of clients) await client.end().catch(() => undefined);
      await embedded.stop();
    }
  });

  it("resolveDatabase starts the embedded server once per data directory and shares it", async () => {
    const dataDir = path.join(dataRoot, "shared");
    const env = {} as NodeJS.ProcessEnv;
    const first = await resolveDatabase({ env, dataDir, maxConnections: 6 });
    try {
      expect(first.source).toBe("embedded");
      expect(runningEmbeddedServer(dataDir)?.url).toBe(first.url);
      const second = await resolveDatabase({ env, dataDir });
      expect(second).toMatchObject({ source: "embedded-running", url: first.url });
    } finally {
      await first.release();
    }
    expect(existsSync(`${dataDir}.server.json`)).toBe(false);
    expect(runningEmbeddedServer(dataDir)).toBeNull();

    const fromEnv = await resolveDatabase({ env: { DATABASE_URL: "postgresql://app@db.internal:5432/shipshape" }, dataDir });
    expect(fromEnv).toMatchObject({ source: "env", url: "postgresql://app@db.internal:5432/shipshape", embedded: null });
  });
});
