import { defineConfig } from "prisma/config";

// No datasource URL here: the client gets its connection through @prisma/adapter-pg at runtime,
// and migrations run through scripts/db-migrate.ts (wasm schema engine, no binary download).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
