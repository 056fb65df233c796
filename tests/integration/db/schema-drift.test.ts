// Fails when prisma/schema.prisma and prisma/migrations disagree: a schema change was made
// without `npm run db:migrate:create -- <name>`, or a migration was edited by hand.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { DEFAULT_SCHEMA_PATH, checkSchemaDrift } from "@/lib/db/migration/schema-migrations";

describe("schema drift", () => {
  it("prisma/migrations produce exactly prisma/schema.prisma", async () => {
    const report = await checkSchemaDrift({ url: inject("databaseUrl") });
    expect(report.script, "schema.prisma changed without a migration; run npm run db:migrate:create -- <name>").toBe("");
    expect(report.drifted).toBe(false);
  });

  it("detects a model change that has no migration", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-drift-"));
    try {
      const schemaPath = path.join(dir, "schema.prisma");
      writeFileSync(
        schemaPath,
        readFileSync(DEFAULT_SCHEMA_PATH, "utf8").replace("  @@index([orgId, createdAt])\n}", "  @@index([orgId, createdAt])\n  @@index([action])\n}"),
      );
      const report = await checkSchemaDrift({ url: inject("databaseUrl"), schemaPath });
      expect(report.drifted).toBe(true);
      expect(report.script).toMatch(/CREATE INDEX "AuditEvent_action_idx"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
