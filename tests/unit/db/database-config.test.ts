import { describe, expect, it } from "vitest";
import path from "node:path";
import { getDatabaseUrl, getPoolSize } from "@/lib/db/client";
import { embeddedDataDir, localDataDir } from "@/lib/db/local-database";

describe("database configuration", () => {
  it("uses DATABASE_URL, trimmed", () => {
    expect(getDatabaseUrl({ DATABASE_URL: " postgresql://app@db:5432/shipshape " })).toBe("postgresql://app@db:5432/shipshape");
    expect(getDatabaseUrl({ DATABASE_URL: "postgres://app@db/shipshape" })).toBe("postgres://app@db/shipshape");
  });

  it("falls back to the local development server when DATABASE_URL is unset or blank", () => {
    expect(getDatabaseUrl({})).toBe("postgresql://postgres@127.0.0.1:5432/shipshape");
    expect(getDatabaseUrl({ DATABASE_URL: "  " })).toBe("postgresql://postgres@127.0.0.1:5432/shipshape");
  });

  it("rejects URLs of other databases without echoing credentials", () => {
    expect(() => getDatabaseUrl({ DATABASE_URL: "mysql://root:hunter2@db/app" })).toThrow(/postgres:\/\/ or postgresql:\/\/ URL \(got mysql\)/);
    expect(() => getDatabaseUrl({ DATABASE_URL: "mysql://root:hunter2@db/app" })).not.toThrow(/root|hunter/);
    expect(() => getDatabaseUrl({ DATABASE_URL: "db.internal:5432" })).toThrow(/got db\.internal/);
  });

  it("reads DATABASE_POOL_SIZE as an integer between 1 and 100", () => {
    expect(getPoolSize({})).toBe(5);
    expect(getPoolSize({ DATABASE_POOL_SIZE: "12" })).toBe(12);
    for (const bad of ["0", "-1", "2.5", "many", "101"]) {
      expect(() => getPoolSize({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });

  it("keeps local state in .data unless SHIPSHAPE_DATA_DIR moves it", () => {
    const root = path.resolve(__dirname, "../../..");
    expect(localDataDir({})).toBe(path.join(root, ".data"));
    expect(embeddedDataDir({})).toBe(path.join(root, ".data/pglite"));
    expect(embeddedDataDir({ SHIPSHAPE_DATA_DIR: "/var/lib/shipshape" })).toBe("/var/lib/shipshape/pglite");
  });
});
