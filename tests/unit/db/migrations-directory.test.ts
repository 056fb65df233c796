import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LOCKFILE_CONTENT, readMigrationsList, writeMigration } from "@/lib/db/migration/migrations-directory";
import { DEFAULT_MIGRATIONS_DIR } from "@/lib/db/migration/schema-migrations";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shipshape-migdir-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("migrations directory", () => {
  it("lists migration folders in order with their SQL and the lockfile", () => {
    writeFileSync(path.join(dir, "migration_lock.toml"), LOCKFILE_CONTENT);
    for (const name of ["20250102000000_second", "20250101000000_first"]) {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), `-- ${name}`);
    }
    writeFileSync(path.join(dir, "README.md"), "not a migration");
    const list = readMigrationsList(dir);
    expect(list.lockfile).toEqual({ path: "migration_lock.toml", content: LOCKFILE_CONTENT });
    expect(list.migrationDirectories.map((m) => m.path)).toEqual(["20250101000000_first", "20250102000000_second"]);
    expect(list.migrationDirectories[0].migrationFile.content).toEqual({ tag: "ok", value: "-- 20250101000000_first" });
  });

  it("reports a migration folder without migration.sql as an error entry", () => {
    mkdirSync(path.join(dir, "20250101000000_broken"));
    const [entry] = readMigrationsList(dir).migrationDirectories;
    expect(entry.migrationFile.content.tag).toBe("error");
  });

  it("refuses a lockfile for another database provider", () => {
    writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "sqlite"\n');
    expect(() => readMigrationsList(dir)).toThrow(/postgresql/);
  });

  it("writes a new migration and creates the lockfile if missing, never overwriting", () => {
    const file = writeMigration(dir, "20250101000000_init", "CREATE TABLE t (id int);");
    expect(readFileSync(file, "utf8")).toBe("CREATE TABLE t (id int);");
    expect(readFileSync(path.join(dir, "migration_lock.toml"), "utf8")).toBe(LOCKFILE_CONTENT);
    expect(() => writeMigration(dir, "20250101000000_init", "-- again")).toThrow(/already exists/);
  });

  it("the committed migrations are complete and locked to postgresql", () => {
    const list = readMigrationsList(DEFAULT_MIGRATIONS_DIR);
    expect(list.lockfile.content).toMatch(/provider = "postgresql"/);
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const migration of list.migrationDirectories) {
      expect(migration.path).toMatch(/^\d{14}_[a-z0-9_]+$/);
      expect(migration.migrationFile.content.tag).toBe("ok");
    }
  });
});
