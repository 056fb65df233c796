// Seeds the demo organizations, users and fleet history (idempotent; safe to run repeatedly).
// Without DATABASE_URL it seeds the embedded database in .data/pglite. Pending migrations are
// applied first, so this works on a brand-new database.
import { createPrismaClient } from "@/lib/db/client";
import { resolveDatabase } from "@/lib/db/local-database";
import { deployMigrations } from "@/lib/db/migration/schema-migrations";
import { seedDemo } from "@/prisma/seed/seed-demo";

async function main(): Promise<void> {
  const database = await resolveDatabase();
  const prisma = createPrismaClient({ url: database.url, poolSize: 2 });
  try {
    const applied = await deployMigrations({ url: database.url });
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    const started = Date.now();
    const result = await seedDemo(prisma, { log: (m) => console.log(`  ${m}`) });
    const c = result.created;
    console.log(
      `Demo seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${c.users} user(s), ${c.organizations} organization(s), ` +
        `${c.clusters} cluster(s), ${c.agentTokens} agent token(s), ${c.snapshots} snapshot(s), ${c.auditEvents} audit event(s) added.`,
    );
    for (const login of result.logins) console.log(`  login: ${login.email} / ${login.password}  (${login.role})`);
  } finally {
    await prisma.$disconnect();
    await database.release();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`db-seed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
