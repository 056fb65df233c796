// Offline migrations through the wasm schema engine: no schema-engine binary is ever downloaded.
//   deploy          apply pending migrations (npm run db:migrate)
//   create <name>   generate a migration from schema.prisma changes and apply it (npm run db:migrate:create)
//   drift           exit 2 when schema.prisma and prisma/migrations disagree (npm run db:drift)
// Without DATABASE_URL, deploy/create use the embedded database in .data/pglite.
import { resolveDatabase } from "@/lib/db/local-database";
import { checkSchemaDrift, createMigration, deployMigrations } from "@/lib/db/migration/schema-migrations";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.CHECKPOINT_DISABLE ??= "1";

const USAGE = "usage: tsx scripts/db-migrate.ts deploy | create <snake_case_name> | drift";
const log = (message: string) => console.error(`  ${message}`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "deploy": {
      const database = await resolveDatabase();
      try {
        const applied = await deployMigrations({ url: database.url, log });
        console.log(
          applied.length
            ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
            : "Database is up to date; no pending migrations.",
        );
      } finally {
        await database.release();
      }
      return 0;
    }
    case "create": {
      const name = rest[0];
      if (!name) {
        console.error(USAGE);
        return 2;
      }
      const database = await resolveDatabase();
      try {
        const created = await createMigration({ url: database.url, name, log });
        console.log(created ? `Created and applied ${created.file}` : "schema.prisma has no changes; no migration created.");
      } finally {
        await database.release();
      }
      return 0;
    }
    case "drift": {
      const report = await checkSchemaDrift({ url: process.env.DATABASE_URL?.trim() || null, log });
      if (!report.drifted) {
        console.log("No drift: prisma/migrations produce exactly schema.prisma.");
        return 0;
      }
      console.error("Drift: schema.prisma differs from prisma/migrations. Missing SQL:\n");
      console.error(report.script);
      console.error("\nRun `npm run db:migrate:create -- <name>` to record the change.");
      return 2;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

// pg pools and the wasm engine keep handles open; exit explicitly once the work is done.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db-migrate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
