import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(__dirname, "../../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function dbMigrate(args: string[], env: Record<string, string>) {
  // PATH (and NODE_ENV) only: no engine-binary override from the caller, so the script must set it.
  return spawnSync(process.execPath, [TSX, "scripts/db-migrate.ts", ...args], {
    cwd: ROOT,
    env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("npm run db:migrate / db:drift (scripts/db-migrate.ts)", () => {
  it("deploy reports an up-to-date database", () => {
    const result = dbMigrate(["deploy"], { DATABASE_URL: inject("databaseUrl") });
    expect(result.stderr).not.toMatch(/download/i);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("no pending migrations");
  });

  it("drift exits 0 when schema.prisma matches the migrations", () => {
    const result = dbMigrate(["drift"], { DATABASE_URL: inject("databaseUrl") });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("No drift");
  });

  it("exits 2 with usage on an unknown command or a missing migration name", () => {
    for (const args of [["upgrade"], ["create"]]) {
      const result = dbMigrate(args, { DATABASE_URL: inject("databaseUrl") });
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/usage: .*deploy \| create <snake_case_name> \| drift/);
    }
  });

  it("exits 1 with a readable message when the database cannot be reached", () => {
    const result = dbMigrate(["deploy"], { DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^db-migrate: .+/m);
  });
});
