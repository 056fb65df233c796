import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createMigrationPool } from "@/lib/db/migration/migration-adapter-factory";
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  createMigration,
  deployMigrations,
} from "@/lib/db/migration/schema-migrations";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";

const MODELS = ["User", "Account", "Organization", "Membership", "Invitation", "Cluster", "AgentToken", "AuditEvent", "Snapshot"];

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("offline migrations (wasm schema engine)", () => {
  it("migrated the run's database with every committed migration, recorded like prisma migrate deploy", async () => {
    const url = inject("databaseUrl");
    const committed = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(committed.length).toBeGreaterThan(0);
    const recorded = await query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      url,
      'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(committed);
    expect(recorded.every((r) => r.finished_at !== null && r.rolled_back_at === null)).toBe(true);

    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(MODELS));
  });

  it("deploying again applies nothing", async () => {
    expect(await deployMigrations({ url: inject("databaseUrl") })).toEqual([]);
  });

  it("reads Postgres' internal \"char\" columns through the engine's adapter", async () => {
    const pool = createMigrationPool(inject("databaseUrl"));
    // The same pg_catalog column the engine's describer reads; plain adapter-pg rejects OID 18.
    const plain = await new PrismaPg(inject("databaseUrl")).connect();
    try {
      const adapterWithCharSupport = await new PrismaPg(pool).connect();
      const sql = `SELECT contype FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname = 'Cluster' AND contype = 'p'`;
      await expect(plain.queryRaw({ sql, args: [], argTypes: [] })).rejects.toThrow();
      const result = await adapterWithCharSupport.queryRaw({ sql, args: [], argTypes: [] });
      expect(result.rows).toEqual([["p"]]);
      await adapterWithCharSupport.dispose();
    } finally {
      await plain.dispose();
      await pool.end();
    }
  });
});

describe("creating a migration from a schema change", () => {
  let database: TestDatabase;
  let workDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    workDir = mkdtempSync(path.join(os.tmpdir(), "shipshape-migrations-"));
    cpSync(DEFAULT_MIGRATIONS_DIR, path.join(workDir, "migrations"), { recursive: true });
    const schema = readFileSync(DEFAULT_SCHEMA_PATH, "utf8").replace(
      "  nodeCount         Int?\n",
      "  nodeCount         Int?\n  costCenter        String?\n",
    );
    expect(schema).toContain("costCenter");
    writeFileSync(path.join(workDir, "schema.prisma"), schema);
  });

  afterAll(async () => {
    await database?.drop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("writes the new migration, applies it, and leaves no shadow database behind", async () => {
    const before = database.kind === "postgres" ? await query<{ datname: string }>(database.url, "SELECT datname FROM pg_database") : [];
    const created = await createMigration({
      url: database.url,
      name: "cluster_cost_center",
      schemaPath: path.join(workDir, "schema.prisma"),
      migrationsDir: path.join(workDir, "migrations"),
    });
    expect(created).not.toBeNull();
    expect(created!.name).toMatch(/^\d{14}_cluster_cost_center$/);
    expect(created!.script).toMatch(/ALTER TABLE "Cluster" ADD COLUMN\s+"costCenter" TEXT/);
    expect(readFileSync(created!.file, "utf8")).toBe(created!.script);

    const columns = await query<{ column_name: string }>(
      database.url,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'Cluster' AND column_name = 'costCenter'",
    );
    expect(columns).toHaveLength(1);

    if (database.kind === "postgres") {
      const after = await query<{ datname: string }>(database.url, "SELECT datname FROM pg_database");
      const leftovers = after.map((d) => d.datname).filter((n) => n.startsWith("shipshape_shadow_") && !before.some((b) => b.datname === n));
      expect(leftovers).toEqual([]);
    }

    const again = await createMigration({
      url: database.url,
      name: "nothing_changed",
      schemaPath: path.join(workDir, "schema.prisma"),
      migrationsDir: path.join(workDir, "migrations"),
    });
    expect(again).toBeNull();
  });

  it("rejects a migration name that would not make a clean directory name", async () => {
    await expect(createMigration({ url: database.url, name: "Add Column!" })).rejects.toThrow(/snake_case/);
  });
});
