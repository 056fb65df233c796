// One database for the whole integration run: created fresh, migrated with the project's own
// offline migrations, exposed as DATABASE_URL (and inject("databaseUrl")), dropped at the end.
import type { TestProject } from "vitest/node";
import { deployMigrations } from "@/lib/db/migration/schema-migrations";
import { createTestDatabase } from "../support/test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  try {
    await deployMigrations({ url: database.url });
  } catch (error) {
    await database.drop();
    throw error;
  }
  // Test files import lib/db/client, which reads DATABASE_URL when first loaded.
  process.env.DATABASE_URL = database.url;
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  console.log(`integration tests: ${database.kind === "postgres" ? `database ${database.name} on ${new URL(database.url).host}` : "embedded PostgreSQL (no server reachable)"}`);
  return async () => {
    await database.drop();
  };
}
